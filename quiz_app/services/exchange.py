"""Learners' results between banks: export them to a file on one computer, merge the file
on another (docs/results-file.md). Merging is one transaction, and merging the same file
twice adds nothing the second time.

Neither operation asks for the teacher PIN: a learner may export their own results, and
the callers (the CLI, the GUI) ask for the PIN where they should.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quiz_app import __version__
from quiz_app.core.changes import Changes
from quiz_app.core.errors import LearnerClashError, NotFoundError, Problem, ResultsFileError
from quiz_app.core.exchange import (
    AnswerEntry,
    BankSession,
    LearnerEntry,
    QuestionRef,
    TopicRef,
)
from quiz_app.core.grading import grade
from quiz_app.core.ids import LearnerId, PackId, QuestionId, QuizSessionId, TopicId
from quiz_app.core.questions import BODY_TYPES
from quiz_app.core.responses import response_from_json, response_json_fits
from quiz_app.services.files import replacing
from quiz_app.services.results_file import (
    ProblemList,
    ResultsFile,
    describe_ref,
    describe_ref_zh,
    read_results_file,
)
from quiz_app.services.results_format import (
    answer_record,
    dump_line,
    header_record,
    learner_record,
    session_record,
)
from quiz_app.services.review import replay_schedules
from quiz_app.storage import Database, Session
from quiz_app.storage import exchange as repo
from quiz_app.storage.packs import questions_by_id
from quiz_app.storage.tallies import count_quizzes


@dataclass(frozen=True)
class ExportedResults:
    """How much went into a results file."""

    learners: int
    sessions: int
    answers: int


@dataclass(frozen=True)
class MergeReport:
    """What a merge added, and what it found already in the bank."""

    learners: tuple[str, ...]
    """Every learner named in the file, by name."""
    learners_added: int
    sessions_added: int
    answers_added: int
    sessions_already_there: int
    answers_already_there: int
    sessions_finished: int = 0
    """Quizzes the bank held unfinished (merged mid-quiz) that the file shows finished."""
    scores_corrected: int = 0
    """New answers whose score in the file was not what their response earns against the
    bank's own copy of the question (each is stored with the score it earns)."""
    dry_run: bool = False
    """Only what merging would do: the bank was left as it was."""

    @property
    def changes(self) -> Changes:
        """What the merge changed in the bank (nothing for a dry run)."""
        if self.dry_run:
            return Changes.NONE
        changes = Changes.NONE
        if self.learners_added:
            changes |= Changes.LEARNERS
        if self.sessions_added or self.sessions_finished:
            changes |= Changes.QUIZZES
        if self.answers_added:
            changes |= Changes.ANSWERS | Changes.SCHEDULES
        return changes


def export_results(
    database: Database,
    path: Path,
    learners: Sequence[str] | None = None,
    *,
    now: datetime | None = None,
) -> ExportedResults:
    """Write the results of these learners (all when None) to a results file at ``path``."""
    answers = 0
    with database.reading() as session:
        chosen = repo.learners_named(session, learners)
        missing = sorted(set(learners or ()) - {learner.name for learner in chosen})
        if missing:
            names = ", ".join(f"'{name}'" for name in missing)
            raise NotFoundError(
                f"no learner called {names} in this bank", zh=f"题库中没有名为 {names} 的学习者"
            )
        ids = [learner.id for learner in chosen]
        quizzes = repo.sessions_for_export(session, ids)
        try:
            with replacing(path) as out:
                out.write(dump_line(header_record(now or datetime.now(UTC), __version__)))
                for learner in chosen:
                    entry = LearnerEntry(
                        learner.name, learner.colour, learner.language, learner.uid
                    )
                    out.write(dump_line(learner_record(entry)))
                for quiz in quizzes:
                    out.write(dump_line(session_record(quiz)))
                for answer in repo.answers_for_export(session, ids):
                    out.write(dump_line(answer_record(answer)))
                    answers += 1
        except OSError as err:
            why = err.strerror or str(err)
            raise ResultsFileError(
                [Problem(path.name, None, f"cannot be written: {why}", zh=f"无法写入：{why}")]
            ) from err
    return ExportedResults(len(chosen), len(quizzes), answers)


def merge_results(
    database: Database,
    path: Path,
    *,
    dry_run: bool = False,
    now: datetime | None = None,
    same_learners: Collection[str] = (),
) -> MergeReport:
    """Merge a results file into the bank, all or nothing.

    Raises ResultsFileError with every problem found (the bank is then unchanged); a
    LearnerClashError when only learners of one name created on two computers stand in
    the way, and ``same_learners`` (names the teacher says are one person) resolves it.
    With ``dry_run``, the merge is carried out and rolled back: the report says what it
    would do.
    """
    parsed, problems = read_results_file(path)
    when = now or datetime.now(UTC)
    # A busy bank may run the merge again: each run adds its problems to a fresh list.
    # A dry run does all the work in a transaction that is rolled back at its end.

    def work(session: Session) -> MergeReport:
        found = replace(problems, found=list(problems.found))
        return _merge(session, parsed, found, when, frozenset(same_learners))

    return replace(database.write(work, dry_run=dry_run), dry_run=dry_run)


def _needed_packs(parsed: ResultsFile) -> dict[PackId, int]:
    """Every pack the file's questions and topics belong to, with the first line naming it."""
    first: dict[PackId, int] = {}
    for number, quiz in parsed.sessions:
        for pack, _ in (*quiz.questions, *quiz.topics):
            first.setdefault(pack, number)
    for number, answer in parsed.answers:
        first.setdefault(answer.question[0], number)
    return dict(sorted(first.items(), key=lambda item: item[1]))


@dataclass(frozen=True)
class _InBank:
    """What the bank already holds of what the file names."""

    questions: dict[QuestionRef, QuestionId]
    topics: dict[TopicRef, TopicId]
    sessions: dict[str, BankSession]
    answers: dict[str, str]
    """Answer uid -> learner name."""


def _merge(
    session: Session,
    parsed: ResultsFile,
    problems: ProblemList,
    now: datetime,
    same: frozenset[str],
) -> MergeReport:
    # A learner is who their uid says (a file from before uids: who their name says);
    # the answers and quizzes of the file name them by the name they have in it.
    uids = {learner.uid for _, learner in parsed.learners if learner.uid}
    by_uid = repo.learners_by_uid(session, uids)
    by_name = repo.learners_by_name(session, {learner.name for _, learner in parsed.learners})
    clashes = _check_learners(parsed, problems, same, by_uid, by_name)
    bank = _check_with_bank(session, parsed, problems)
    if problems.found and len(problems.found) == len(clashes):
        raise LearnerClashError(problems.found, tuple(sorted({name for _, name in clashes})))
    problems.raise_if_any()

    learner_ids: dict[str, LearnerId] = {}
    new_learners: dict[str, LearnerEntry] = {}
    for _, learner in parsed.learners:
        if learner.uid is not None and learner.uid in by_uid:
            learner_ids[learner.name] = by_uid[learner.uid][0]
        elif learner.name in by_name:  # the same uid, or a file without them
            learner_ids[learner.name] = by_name[learner.name][0]
        else:
            new_learners.setdefault(learner.name, learner)
    learner_ids.update(repo.add_learners(session, list(new_learners.values()), now))
    added_learners = len(new_learners)
    new_sessions = [quiz for _, quiz in parsed.sessions if quiz.uid not in bank.sessions]
    session_ids = {uid: there.id for uid, there in bank.sessions.items()}
    session_ids.update(
        repo.add_sessions(session, new_sessions, learner_ids, bank.questions, bank.topics)
    )
    finished_now: set[QuizSessionId] = set()
    for _, quiz in parsed.sessions:
        there = bank.sessions.get(quiz.uid)
        # A quiz merged while it was still going on, finished since on the learner's computer.
        if there is not None and not there.finished and quiz.finished_at is not None:
            flagged = [bank.questions[q] for q in quiz.flagged]
            repo.finish_session(session, there.id, quiz.finished_at, flagged)
            finished_now.add(there.id)
        # ... or given up there: no longer offered to resume here either.
        elif (
            there is not None
            and not there.finished
            and not there.abandoned
            and quiz.abandoned_at is not None
        ):
            repo.abandon_session(session, there.id, quiz.abandoned_at)
    # An answer already there by its uid, or to a question its quiz already holds an
    # answer to (a copy from a learner computer's outbox of one the server stored just
    # before it went away), is already there: a quiz keeps its first answer.
    answered = repo.answered_in(session, [there.id for there in bank.sessions.values()])
    new_answers = [
        answer
        for _, answer in parsed.answers
        if answer.uid not in bank.answers
        and not (
            answer.session in bank.sessions
            and (bank.sessions[answer.session].id, bank.questions[answer.question]) in answered
        )
    ]
    new_answers, corrected = _regraded(session, new_answers, bank.questions)
    # The class's figures: a quiz finished before that gains answers comes out as it was
    # and goes back in as it is; quizzes finished by this merge, or new, go in.
    gaining = {
        bank.sessions[a.session].id
        for a in new_answers
        if a.session in bank.sessions and bank.sessions[a.session].finished
    }
    count_quizzes(session, gaining, sign=-1)
    repo.add_answers(session, new_answers, learner_ids, bank.questions, session_ids)
    count_quizzes(session, gaining | finished_now | {session_ids[q.uid] for q in new_sessions})
    # The schedules follow from the whole log, now that older answers may sit among it.
    for name in sorted({answer.learner for answer in new_answers}):
        replay_schedules(session, learner_ids[name])
    return MergeReport(
        learners=tuple(sorted(learner.name for _, learner in parsed.learners)),
        learners_added=added_learners,
        sessions_added=len(new_sessions),
        answers_added=len(new_answers),
        sessions_already_there=len(parsed.sessions) - len(new_sessions),
        answers_already_there=len(parsed.answers) - len(new_answers),
        sessions_finished=len(finished_now),
        scores_corrected=corrected,
    )


def _regraded(
    session: Session, answers: list[AnswerEntry], questions: dict[QuestionRef, QuestionId]
) -> tuple[list[AnswerEntry], int]:
    """Each answer scored again against the bank's own copy of its question: a file's
    ``score`` is not trusted (a wrong response with ``score: 1.0`` is stored as wrong).
    Returns the answers and how many scores changed."""
    ids = sorted({questions[answer.question] for answer in answers})
    bodies = {stored.id: stored.question.body for stored in questions_by_id(session, ids)}
    out, corrected = [], 0
    for answer in answers:
        body = bodies[questions[answer.question]]
        kind = BODY_TYPES[type(body)]
        score = grade(body, response_from_json(kind, answer.given))
        if abs(score - answer.score) > 1e-9:
            corrected += 1
            answer = replace(answer, score=score)
        out.append(answer)
    return out, corrected


def _check_with_bank(session: Session, parsed: ResultsFile, problems: ProblemList) -> _InBank:
    """Look up what the file names in the bank, adding a problem for each mismatch."""
    # Lines that could not be read may hold the quizzes that answers refer to.
    damaged = bool(problems.found)
    needed = _needed_packs(parsed)
    present = repo.packs_present(session, needed)
    for pack, number in needed.items():
        if pack not in present:
            problems.add(
                number,
                f"pack '{pack}' is not in this bank: import pack {pack} first",
                f"题库中没有题包“{pack}”：请先导入题包 {pack}",
            )
    questions = repo.questions_of_packs(session, present)
    topics = repo.topics_of_packs(session, present)
    _check_keys(parsed, present, set(questions), set(topics), problems)
    for number, answer in parsed.answers:
        known = questions.get(answer.question)
        if known is not None and not response_json_fits(known[1], answer.given):
            problems.add(
                number,
                f"'given' does not fit {describe_ref(answer.question)}, which is a "
                f"{known[1].value} question in this bank",
                f"“given”与{describe_ref_zh(answer.question)}不符，"
                f"它在此题库中是 {known[1].value} 类型的题目",
            )

    in_file = {quiz.uid for _, quiz in parsed.sessions}
    sessions = repo.sessions_by_uid(
        session, {*in_file, *(a.session for _, a in parsed.answers if a.session is not None)}
    )
    for number, quiz in parsed.sessions:
        there = sessions.get(quiz.uid)
        if there is not None and there.learner != quiz.learner:
            problems.add(
                number,
                f"quiz {quiz.uid} is already in this bank as a quiz by '{there.learner}', "
                f"not by '{quiz.learner}'",
                f"测验 {quiz.uid} 已在此题库中，属于“{there.learner}”，而不是“{quiz.learner}”",
            )
    for number, answer in parsed.answers:
        if answer.session is None or answer.session in in_file:
            continue  # checked with the file on its own
        there = sessions.get(answer.session)
        if there is None:
            if not damaged:
                problems.add(
                    number,
                    f"the answer's quiz {answer.session} is neither in this file nor in this bank",
                    f"这个作答的测验 {answer.session} 既不在此文件中，也不在此题库中",
                )
        elif there.learner != answer.learner:
            problems.add(
                number,
                f"the answer is by '{answer.learner}', but its quiz {answer.session} in this "
                f"bank is by '{there.learner}'",
                f"这个作答属于“{answer.learner}”，但它在此题库中的测验 {answer.session} "
                f"属于“{there.learner}”",
            )
        elif answer.question not in there.questions:
            problems.add(
                number,
                f"{describe_ref(answer.question)} is not in its quiz {answer.session}",
                f"{describe_ref_zh(answer.question)}不在它的测验 {answer.session} 中",
            )
    answers = repo.answer_learners(session, {a.uid for _, a in parsed.answers})
    for number, answer in parsed.answers:
        owner = answers.get(answer.uid)
        if owner is not None and owner != answer.learner:
            problems.add(
                number,
                f"answer {answer.uid} is already in this bank as an answer by '{owner}', "
                f"not by '{answer.learner}'",
                f"作答 {answer.uid} 已在此题库中，属于“{owner}”，而不是“{answer.learner}”",
            )
    return _InBank({ref: found[0] for ref, found in questions.items()}, topics, sessions, answers)


def _check_learners(
    parsed: ResultsFile,
    problems: ProblemList,
    same: frozenset[str],
    by_uid: dict[str, tuple[LearnerId, str]],
    by_name: dict[str, tuple[LearnerId, str]],
) -> list[tuple[int, str]]:
    """Two learners who share a name are never merged into one silently: a file's
    learner whose uid is not that of the bank's learner of that name is a clash, unless
    the teacher said they are the same person (``same``). Returns the clashes."""
    clashes = []
    for number, learner in parsed.learners:
        if not learner.uid or learner.uid in by_uid or learner.name in same:
            continue
        there = by_name.get(learner.name)
        if there is not None and there[1] != learner.uid:
            problems.add(
                number,
                f"'{learner.name}' in this file was created on another computer than the "
                f"'{learner.name}' of this bank: if they are the same learner, merge saying "
                "so; if not, rename one of them first",
                f"此文件中的“{learner.name}”与此题库中的“{learner.name}”是在不同的电脑上创建的："
                "如果是同一位学习者，请在合并时说明；如果不是，请先为其中一位改名",
            )
            clashes.append((number, learner.name))
    return clashes


def _check_keys(
    parsed: ResultsFile,
    present: set[PackId],
    questions: set[QuestionRef],
    topics: set[TopicRef],
    problems: ProblemList,
) -> None:
    """Each question and topic of a pack the bank holds must be in it: reported once each."""
    reported: set[tuple[str, str, str]] = set()

    def check(number: int, what: str, ref: tuple[PackId, str], known: set[Any]) -> None:
        pack, key = ref
        if pack not in present or ref in known or (what, pack, key) in reported:
            return
        reported.add((what, pack, key))
        what_zh = {"question": "题目", "topic": "主题"}[what]
        problems.add(
            number,
            f"pack '{pack}' in this bank has no {what} '{key}': import the version of "
            f"pack {pack} the learner used (or a newer one) first",
            f"此题库中的题包“{pack}”没有{what_zh}“{key}”：请先导入学习者所用版本"
            f"（或更新版本）的题包 {pack}",
        )

    for number, quiz in parsed.sessions:
        for ref in quiz.questions:
            check(number, "question", ref, questions)
        for topic in quiz.topics:
            check(number, "topic", topic, topics)
    for number, answer in parsed.answers:
        check(number, "question", answer.question, questions)
