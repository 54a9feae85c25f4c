"""The results file: learners' results as JSON Lines, to carry between banks.

The format is described in docs/results-file.md. Reading checks everything that can be
checked without a bank, each problem as ``FILE:LINE:``; services.exchange adds what
needs the bank (are the packs there?) and reports them all at once.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from quiz_app.core.errors import Message, Problem, ResultsFileError
from quiz_app.core.exchange import AnswerEntry, LearnerEntry, SessionEntry
from quiz_app.packs.files import read_regular
from quiz_app.packs.messages import json_syntax, not_utf8, pydantic_message
from quiz_app.services.results_format import (
    ANY_LINE,
    FORMAT,
    KINDS,
    MAX_BYTES,
    VERSION,
    AnswerLine,
    Header,
    LearnerLine,
    SessionLine,
    answer_entry,
    learner_entry,
    session_entry,
)

MAX_PROBLEMS = 100
"""Beyond this many, a file is plainly not what it should be: the rest are counted."""


@dataclass(frozen=True)
class ResultsFile:
    """A results file read and checked on its own; each entry with its line."""

    name: str
    exported_at: datetime
    learners: tuple[tuple[int, LearnerEntry], ...]
    sessions: tuple[tuple[int, SessionEntry], ...]
    answers: tuple[tuple[int, AnswerEntry], ...]


@dataclass
class ProblemList:
    """Problems of one file, gathered as they are found and handed out in line order."""

    file: str
    found: list[Problem] = field(default_factory=list)

    def add(self, line: int | None, en: str, zh: str) -> None:
        """The problem at ``line``, said in English and in Chinese."""
        self.found.append(Problem(self.file, line, en, zh=zh))

    def add_message(self, line: int | None, message: Message) -> None:
        self.found.append(Problem.of(self.file, line, message))

    def raise_if_any(self) -> None:
        if not self.found:
            return
        ordered = sorted(self.found, key=lambda p: p.line or 0)
        if len(ordered) > MAX_PROBLEMS:
            more = len(ordered) - MAX_PROBLEMS
            ordered = [
                *ordered[:MAX_PROBLEMS],
                Problem(
                    self.file, None, f"... and {more} more problems", zh=f"……还有 {more} 个问题"
                ),
            ]
        raise ResultsFileError(ordered)


_VALUE_ERRORS_ZH = {
    "is out of range": "超出范围",
    "must lie between the years 1970 and 2199": "必须在 1970 年到 2199 年之间",
    "must not be blank": "不能是空白",
    "orders must have one list per question": "orders 必须为每道题各有一个列表",
}
"""The Chinese of what results_format's validators say."""


def _describe(error: Any, what: Message) -> Message:
    """A pydantic error about a ``what`` line as a message for a person."""
    where = ".".join(str(p) for p in error["loc"])
    if error["type"] == "extra_forbidden":
        said = Message(f"unknown field '{where}'", f"未知字段“{where}”")
    elif error["type"] == "missing":
        said = Message(f"missing field '{where}'", f"缺少字段“{where}”")
    else:
        said = pydantic_message(error, where, _VALUE_ERRORS_ZH)
    return Message(f"{what.en}: {said.en}", f"{what.zh}：{said.zh}")


def _read_text(path: Path, problems: ProblemList) -> str | None:
    try:
        size = path.stat().st_size
        if path.is_dir():
            problems.add(None, "is a folder, not a results file", "是文件夹，不是结果文件")
            return None
        if size > MAX_BYTES:
            mib = math.ceil(size * 10 / 2**20) / 10
            problems.add(
                None,
                f"is {mib:.1f} MiB; a results file may be at "
                f"most {MAX_BYTES // 2**20} MiB (export fewer learners per file)",
                f"大小为 {mib:.1f} MiB；结果文件最大 {MAX_BYTES // 2**20} MiB"
                "（请每个文件少导出一些学习者）",
            )
            return None
        data = read_regular(path, MAX_BYTES)  # a FIFO or a device: refused, never waited on
    except FileNotFoundError:
        problems.add(None, "no such file", "没有这个文件")
        return None
    except OSError as err:
        why = err.strerror or err
        problems.add(None, f"cannot be read: {why}", f"无法读取：{why}")
        return None
    if len(data) > MAX_BYTES:  # it grew while we looked
        most = MAX_BYTES // 2**20
        problems.add(None, f"a results file may be at most {most} MiB", f"结果文件最大 {most} MiB")
        return None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        advice = Message("a results file is written in UTF-8", "结果文件以 UTF-8 编写")
        problems.add_message(line, not_utf8(err.start, advice))
        return None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    # Split on "\n" alone: str.splitlines would also split inside a JSON string holding
    # U+2028 or a form feed, which json.dumps(ensure_ascii=False) writes as they are.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if line.strip():
            yield number, line


def _json(line: str, number: int, problems: ProblemList) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        problems.add_message(number, json_syntax(err.msg, err.colno))
    except RecursionError:
        problems.add(number, "JSON nested too deeply", "JSON 嵌套太深")
    except ValueError as err:  # e.g. an integer of more than 4300 digits
        problems.add(number, f"JSON value cannot be read: {err}", f"无法读取 JSON 值：{err}")
    return None


def _check_header(first: tuple[int, str] | None, problems: ProblemList) -> Header | None:
    if first is None:
        problems.add(
            1,
            "the file is empty; it is not a Chang'e Quiz results file",
            "文件是空的；它不是嫦娥问答的结果文件",
        )
        return None
    number, line = first
    data = _json(line, number, problems)
    if data is None:
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        problems.add(
            number,
            f'not a Chang\'e Quiz results file: its first line should be {{"format": '
            f'"{FORMAT}", "version": {VERSION}, ...}}',
            f'不是嫦娥问答的结果文件：它的第一行应为 {{"format": "{FORMAT}", '
            f'"version": {VERSION}, ...}}',
        )
        return None
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        problems.add(
            number,
            f"this results file was written by a newer version of Chang'e Quiz (version "
            f"{version} of the format); update the app to merge it",
            f"这个结果文件由较新版本的嫦娥问答写成（格式版本 {version}）；请先更新本程序再合并",
        )
        return None
    try:
        return Header.model_validate_json(line)
    except ValidationError as err:
        for error in err.errors():
            problems.add_message(number, _describe(error, Message("header", "文件头")))
        return None


def _parse_line(number: int, line: str, problems: ProblemList) -> BaseModel | None:
    # Fast path: pydantic parses and checks the line in one pass. A line it refuses
    # goes the slower way below, which knows how to say what is wrong with it.
    try:
        return ANY_LINE.validate_json(line)
    except ValidationError:
        pass
    data = _json(line, number, problems)
    if data is None:
        return None
    if not isinstance(data, dict):
        found = type(data).__name__
        problems.add(
            number,
            f"each line must be a JSON object (found: {found})",
            f"每一行都必须是 JSON 对象（发现：{found}）",
        )
        return None
    kind = data.get("kind")
    if kind is None:
        problems.add(number, "missing field 'kind'", "缺少字段“kind”")
        return None
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        kinds = ", ".join(sorted(KINDS))
        problems.add(
            number,
            f"unknown kind {kind!r}; the kinds are {kinds}",
            f"未知的 kind {kind!r}；可用的有 {kinds}",
        )
        return None
    try:
        return model.model_validate_json(line)
    except ValidationError as err:
        for error in err.errors():
            problems.add_message(number, _describe(error, Message(kind, f"{kind} 行")))
        return None


def read_results_file(path: Path) -> tuple[ResultsFile, ProblemList]:
    """Read the results file at ``path`` and check it on its own.

    Raises ResultsFileError when nothing in it can be used (unreadable, not a results
    file). Otherwise returns the lines that could be read, and the problems found, for
    the caller to add what it finds and raise them all together.
    """
    problems = ProblemList(path.name)
    text = _read_text(path, problems)
    if text is None:
        problems.raise_if_any()
    assert text is not None
    lines = _lines(text)
    header = _check_header(next(lines, None), problems)
    if header is None:
        problems.raise_if_any()
    assert header is not None
    learners: list[tuple[int, LearnerLine]] = []
    sessions: list[tuple[int, SessionLine]] = []
    answers: list[tuple[int, AnswerLine]] = []
    for number, line in lines:
        match _parse_line(number, line, problems):
            case LearnerLine() as learner:
                learners.append((number, learner))
            case SessionLine() as quiz:
                sessions.append((number, quiz))
            case AnswerLine() as answer:
                answers.append((number, answer))
    parsed = ResultsFile(
        path.name,
        header.exported_at,
        tuple((n, learner_entry(m)) for n, m in learners),
        tuple((n, session_entry(m)) for n, m in sessions),
        tuple((n, answer_entry(m)) for n, m in answers),
    )
    _check_references(parsed, problems)
    return parsed, problems


def describe_ref(ref: tuple[str, str]) -> str:
    return f"question '{ref[1]}' of pack '{ref[0]}'"


def describe_ref_zh(ref: tuple[str, str]) -> str:
    return f"题包“{ref[0]}”的题目“{ref[1]}”"


def _check_references(parsed: ResultsFile, problems: ProblemList) -> None:
    """What the lines of one file must agree on among themselves."""
    learner_lines: dict[str, int] = {}
    for number, learner in parsed.learners:
        if learner.name in learner_lines:
            first = learner_lines[learner.name]
            problems.add(
                number,
                f"learner '{learner.name}' is already on line {first}",
                f"学习者“{learner.name}”已在第 {first} 行",
            )
        learner_lines.setdefault(learner.name, number)

    def check_learner(number: int, name: str) -> None:
        if name not in learner_lines:
            problems.add(
                number,
                f"learner '{name}' has no 'learner' line in this file",
                f"学习者“{name}”在此文件中没有“learner”行",
            )

    session_lines: dict[str, tuple[int, SessionEntry]] = {}
    for number, quiz in parsed.sessions:
        if quiz.uid in session_lines:
            first = session_lines[quiz.uid][0]
            problems.add(
                number,
                f"quiz {quiz.uid} is already on line {first}",
                f"测验 {quiz.uid} 已在第 {first} 行",
            )
            continue
        session_lines[quiz.uid] = (number, quiz)
        check_learner(number, quiz.learner)
        for ref in sorted(set(quiz.flagged) - set(quiz.questions)):
            problems.add(
                number,
                f"'flagged' names {describe_ref(ref)}, which is not in the quiz",
                f"“flagged”列出了{describe_ref_zh(ref)}，但它不在这次测验中",
            )
    answer_lines: dict[str, int] = {}
    answered: dict[tuple[str, tuple[str, str]], int] = {}
    for number, answer in parsed.answers:
        if answer.uid in answer_lines:
            first = answer_lines[answer.uid]
            problems.add(
                number,
                f"answer {answer.uid} is already on line {first}",
                f"作答 {answer.uid} 已在第 {first} 行",
            )
            continue
        answer_lines[answer.uid] = number
        check_learner(number, answer.learner)
        if answer.session is None or answer.session not in session_lines:
            continue  # a quiz merged before: services.exchange looks for it in the bank
        where, quiz = session_lines[answer.session]
        if quiz.learner != answer.learner:
            problems.add(
                number,
                f"the answer is by '{answer.learner}', but its quiz (line {where}) is by "
                f"'{quiz.learner}'",
                f"这个作答属于“{answer.learner}”，但它的测验（第 {where} 行）属于“{quiz.learner}”",
            )
        elif answer.question not in quiz.questions:
            problems.add(
                number,
                f"{describe_ref(answer.question)} is not in its quiz (line {where})",
                f"{describe_ref_zh(answer.question)}不在它的测验（第 {where} 行）中",
            )
        elif (answer.session, answer.question) in answered:
            first = answered[(answer.session, answer.question)]
            problems.add(
                number,
                f"{describe_ref(answer.question)} is answered a second time in its quiz "
                f"(first on line {first}); a quiz keeps one answer to each question",
                f"{describe_ref_zh(answer.question)}在它的测验中被第二次作答"
                f"（第一次在第 {first} 行）；一次测验中每道题只保留一个作答",
            )
        else:
            answered[(answer.session, answer.question)] = number
