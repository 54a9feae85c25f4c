"""The Aiken format, as Moodle reads it: single-answer multiple choice.

    What is the correct answer to this question?
    A. Is it this one?
    B) Maybe this answer?
    ANSWER: B

The question is on one line; each choice is one capital letter, '.' or ')', a space or
none, and the text (Moodle reads ``A)text`` too); 'ANSWER:' and the letter end the
question. A question Moodle would refuse is reported with its line, every problem at
once, and the others are imported only if the teacher accepts (PartialPackError), as
for GIFT. Aiken has no
item that is only a prompt and a model answer, so nothing in it becomes a self-rated card
(nor can a card be written to it).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from quiz_app.core.errors import Message, PackError, Problem
from quiz_app.core.ids import QuestionKey
from quiz_app.core.questions import Body, Choice, Pack, SingleChoice
from quiz_app.core.text import LocalizedText
from quiz_app.packs import limits
from quiz_app.packs.files import read_regular
from quiz_app.packs.foreign import TextExport, foreign_pack
from quiz_app.packs.html_text import html_to_markdown
from quiz_app.packs.messages import NO_QUESTIONS, cannot_read, not_utf8, too_big
from quiz_app.packs.rich_text import to_plain

_CHOICE = re.compile(r"^([A-Z])[.)] *(\S.*)$")
_ANSWER = re.compile(r"^ANSWER: *([A-Z]) *$")


def read_text_file(path: Path) -> str:
    """A teacher's text file, or PackError (missing, too big, not UTF-8)."""
    label = str(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise PackError([Problem.of(label, None, cannot_read(err.strerror))]) from err
    if size > limits.QUESTION_FILE_MAX:
        raise PackError([Problem.of(label, None, too_big(size, limits.QUESTION_FILE_MAX))])
    try:
        data = read_regular(path, limits.QUESTION_FILE_MAX)
    except OSError as err:
        raise PackError([Problem.of(label, None, cannot_read(err.strerror))]) from err
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise PackError([Problem.of(label, line, not_utf8(err.start))]) from err


def parse_aiken(text: str, label: str) -> list[tuple[int, str, Body]]:
    """The questions of an Aiken file as (line, prompt, body), or PackError."""
    questions, problems = read_aiken(text, label)
    if problems:
        raise PackError(problems)
    return questions


def read_aiken(text: str, label: str) -> tuple[list[tuple[int, str, Body]], list[Problem]]:
    """The questions of an Aiken file as (line, prompt, body), and every problem."""
    problems: list[Problem] = []
    questions: list[tuple[int, str, Body]] = []
    prompt: str | None = None
    start = 0
    choices: list[tuple[str, str]] = []
    skipping = False

    def fail(line: int, en: str, zh: str) -> None:
        nonlocal prompt, choices, skipping
        problems.append(Problem(label, line, en, zh=zh))
        prompt, choices, skipping = None, [], True

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            skipping = False  # a blank line ends a broken question
            continue
        if skipping:
            continue
        if prompt is None:
            if _ANSWER.match(line) or _CHOICE.match(line):
                fail(
                    number,
                    "a choice or ANSWER line with no question before it",
                    "选项行或 ANSWER 行之前没有题目",
                )
                continue
            prompt, start, choices = line, number, []
            continue
        choice = _CHOICE.match(line)
        if choice:
            letter = choice.group(1)
            if any(letter == existing for existing, _ in choices):
                fail(
                    number,
                    f"choice {letter} appears twice in the question at line {start}",
                    f"第 {start} 行的题目中，选项 {letter} 出现了两次",
                )
                continue
            choices.append((letter, choice.group(2).strip()))
            continue
        answer = _ANSWER.match(line)
        if answer:
            letter = answer.group(1)
            if len(choices) < 2:
                fail(
                    number,
                    f"the question at line {start} needs at least two choices",
                    f"第 {start} 行的题目至少需要两个选项",
                )
            elif letter not in {c for c, _ in choices}:
                letters = ", ".join(c for c, _ in choices)
                fail(
                    number,
                    f"ANSWER: {letter} is not one of the choices ({letters})",
                    f"ANSWER: {letter} 不是选项之一（{letters}）",
                )
            else:
                body = SingleChoice(
                    tuple(Choice(c.lower(), LocalizedText.of(_markdown(t))) for c, t in choices),
                    letter.lower(),
                )
                questions.append((start, _markdown(prompt), body))
                prompt, choices = None, []
            continue
        if line.upper().startswith("ANSWER"):
            fail(
                number,
                "write the answer line as 'ANSWER: X', with one capital letter",
                "答案行应写作“ANSWER: X”，X 为一个大写字母",
            )
        elif not choices:
            fail(
                number,
                f"the question at line {start} must be on one line",
                f"第 {start} 行的题目必须写在一行内",
            )
        else:
            fail(
                number,
                "expected a choice ('A. text' or 'A) text') or 'ANSWER: X'",
                "此处应为选项（“A. text”或“A) text”）或“ANSWER: X”",
            )
    if prompt is not None:
        problems.append(
            Problem.of(
                label,
                start,
                Message("this question has no 'ANSWER: X' line", "这道题没有“ANSWER: X”行"),
            )
        )
    if not questions and not problems:
        problems.append(Problem.of(label, None, NO_QUESTIONS))
    return questions, problems


def _markdown(plain: str) -> str:
    """Aiken is plain text; a pack's text is Markdown: ``2*3*4`` must not turn italic."""
    return html_to_markdown(html.escape(plain, quote=False)).markdown


def load_aiken(path: Path) -> Pack:
    questions, problems = read_aiken(read_text_file(path), str(path))
    if not questions:
        raise PackError(problems)
    return foreign_pack(path, "aiken", questions, skipped=problems)


ONLY_SINGLE_CHOICE = Message("Aiken holds only single-choice questions", "Aiken 只能容纳单选题")


def aiken_text(pack: Pack, language: str = "en") -> TextExport:
    """Single-choice questions as Aiken (the only type it holds), in ``language``."""
    blocks = []
    left_out: list[tuple[QuestionKey, Message]] = []
    for question in pack.questions:
        body = question.body
        if not isinstance(body, SingleChoice):
            left_out.append((question.key, ONLY_SINGLE_CHOICE))
            continue
        letters = {c.id: chr(ord("A") + i) for i, c in enumerate(body.choices)}
        lines = [" ".join(to_plain(question.prompt.get(language)).split())]
        lines += [
            f"{letters[c.id]}. {' '.join(to_plain(c.text.get(language)).split())}"
            for c in body.choices
        ]
        lines.append(f"ANSWER: {letters[body.answer]}")
        blocks.append("\n".join(lines))
    return TextExport("\n\n".join(blocks) + "\n", tuple(left_out))
