"""Questions in a spreadsheet (CSV): one row per question; see docs/spreadsheet.md.

Each row becomes a question in the native format's shape and goes through the very
same validation as a native pack, so a CSV gets the same checks and messages; each
problem is reported at the row's line in the CSV.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quiz_app.core.cells import from_cell, to_cell
from quiz_app.core.errors import PackError, Problem
from quiz_app.core.importing import EncodedPack, encode_pack, encoded
from quiz_app.core.questions import (
    Card,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Pack,
    Question,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from quiz_app.packs.aiken import read_text_file
from quiz_app.packs.files import check_zip_container
from quiz_app.packs.foreign import (
    DEFAULT_DIFFICULTY,
    Entry,
    checked_pack,
    pack_id_for,
    question_key,
)
from quiz_app.packs.messages import NO_QUESTIONS
from quiz_app.packs.native import QuestionEncoder, UncleanPackError, manifest_info

COLUMNS = (
    "id",
    "type",
    "topic",
    "difficulty",
    "prompt",
    "prompt_zh",
    "options",
    "options_zh",
    "answer",
    "answer_zh",
    "tolerance",
    "unit",
    "unit_zh",
    "explanation",
    "explanation_zh",
    "source",
)
REQUIRED = ("type", "prompt")
SEP = "|"
LETTERS = "ABCDEFGHIJ"


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(SEP) if part.strip()]


def _text(row: dict[str, str], column: str) -> dict[str, str] | None:
    en, zh = row.get(column, "").strip(), row.get(f"{column}_zh", "").strip()
    if not en and not zh:
        return None
    return {"en": en, **({"zh": zh} if zh else {})}


def _letters(cell: str) -> list[str]:
    return [x.strip().lower() for x in re.split(r"[,;\s]+", cell) if x.strip()]


def _row_question(row: dict[str, str], key: str, topic: str) -> dict[str, Any]:
    kind = row["type"].strip().lower()
    difficulty = (row.get("difficulty") or "").strip()
    question: dict[str, Any] = {
        "id": key,
        "type": kind,
        "topic": topic,
        # Not a number: left as text, for validation to report with the row's line.
        "difficulty": int(difficulty) if difficulty.isdigit() else difficulty or DEFAULT_DIFFICULTY,
        "prompt": _text(row, "prompt"),
    }
    en, zh = _split(row.get("options", "")), _split(row.get("options_zh", ""))

    def texts(i: int) -> dict[str, str]:
        return {"en": en[i], **({"zh": zh[i]} if i < len(zh) else {})}

    answer = row.get("answer", "").strip()
    if kind in ("single", "multiple"):
        # Every option goes on, an eleventh too: validation refuses more than ten at the
        # row's line rather than the question losing one unseen.
        question["choices"] = [{"id": chr(ord("a") + i), "text": texts(i)} for i in range(len(en))]
        if kind == "single":
            question["answer"] = answer.lower()
        else:
            question["answers"] = _letters(answer)
    elif kind == "true_false":
        question["answer"] = {"true": True, "false": False}.get(answer.lower(), answer)
    elif kind == "numeric":
        for name in ("answer", "tolerance"):
            cell = row.get(name, "").strip().replace(",", "")
            if cell:
                try:
                    question[name] = float(cell)
                except ValueError:
                    question[name] = cell  # reported by validation as not a number
        unit = _text(row, "unit")
        if unit:
            question["unit"] = unit
    elif kind == "short_text":
        accept = {"en": _split(answer)}
        if accept_zh := _split(row.get("answer_zh", "")):
            accept["zh"] = accept_zh
        question["accept"] = accept
    elif kind == "ordering":
        question["items"] = [{"id": f"i{i + 1}", "text": texts(i)} for i in range(len(en))]
    elif kind == "matching":
        pairs = []
        for i, cell in enumerate(en):
            left, _, right = cell.partition("=")
            pair: dict[str, Any] = {
                "id": f"p{i + 1}",
                "left": {"en": left.strip()},
                "right": {"en": right.strip()},
            }
            if i < len(zh):
                zleft, _, zright = zh[i].partition("=")
                pair["left"]["zh"], pair["right"]["zh"] = zleft.strip(), zright.strip()
            pairs.append(pair)
        question["pairs"] = pairs
    elif kind == "card":  # the back is the whole answer cell: no '|' splits it
        back = _text(row, "answer")
        if back:
            question["back"] = back
    for name in ("explanation",):
        value = _text(row, name)
        if value:
            question[name] = value
    if row.get("source", "").strip():
        question["source"] = row["source"].strip()
    return question


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60] or "imported"


def load_csv(path: Path) -> Pack:
    text = read_text_file(path)
    handed = 0  # lines given to the csv reader: its own line_num lags behind on an error

    def lines() -> Iterator[str]:
        nonlocal handed
        # newline="" as the csv module asks, so quoted fields may hold line breaks.
        for handed, line in enumerate(io.StringIO(text, newline=""), start=1):  # noqa: B007
            yield line

    reader = csv.DictReader(lines())
    try:
        header = list(reader.fieldnames or [])
        rows: list[tuple[int, dict[str, str]]] = [
            (reader.line_num, {k: from_cell(v or "") for k, v in row.items() if k})
            for row in reader
        ]
    except csv.Error as err:
        raise PackError(
            [
                Problem(
                    str(path),
                    handed or None,
                    f"is not valid CSV ({err})",
                    zh=f"不是有效的 CSV（{err}）",
                )
            ]
        ) from err
    return _pack_from_rows(path, header, rows)


_CHUNK = 1000


def load_csv_encoded(path: Path) -> EncodedPack:
    """A CSV in the bank's stored form, a chunk of rows at a time (no whole-file copy of
    the rows, questions or models); PackError, said as ``load_csv`` says it, at any
    problem."""
    try:
        return _csv_encoded(path)
    except UncleanPackError:
        pass
    return encode_pack(load_csv(path))  # says every problem (or, if none, imports it)


def _csv_encoded(path: Path) -> EncodedPack:
    text = read_text_file(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = list(reader.fieldnames or [])
        if any(c not in COLUMNS for c in header) or any(c not in header for c in REQUIRED):
            raise UncleanPackError
        topics: dict[str, str] = {}
        keys: set[str] = set()
        taken: set[str] = set()
        encoder: QuestionEncoder | None = None
        languages: str | None = None
        chunk: list[dict[str, Any]] = []
        for raw in reader:
            row = {k: from_cell(v or "") for k, v in raw.items() if k}
            if not any(v.strip() for v in row.values()):
                continue
            title = row.get("topic", "").strip() or path.stem
            topic = topics.get(title)
            if topic is None:
                topic = topics[title] = _slug(title)
                if topic in keys:  # two titles, one id: the full reader says so
                    raise UncleanPackError
                keys.add(topic)
            given = row.get("id", "").strip()
            key = given or question_key("csv", row.get("prompt", ""), taken)
            taken.add(key)
            question = _row_question(row, key, topic)
            prompt = question["prompt"] or {}
            # A pack is in Chinese too when any prompt is; then every prompt must be, so
            # the first row says which (any row that disagrees is a problem).
            said = ",".join(sorted(prompt))
            if encoder is None:
                languages = said
                encoder = QuestionEncoder(set(prompt) or {"en"})
            elif said != languages:
                raise UncleanPackError
            encoder.add_topic(topic)
            chunk.append(question)
            if len(chunk) >= _CHUNK:
                encoder.encode(chunk)
                chunk = []
        if encoder is None:
            raise UncleanPackError
        encoder.encode(chunk)
    except csv.Error as err:
        raise UncleanPackError from err
    manifest = {
        "format": 1,
        "id": pack_id_for(path),
        "version": "1.0.0",
        "title": path.stem,
        "languages": ["en", "zh"] if languages == "en,zh" else ["en"],
        "topics": [{"id": key, "title": title} for title, key in topics.items()],
    }
    if languages not in ("en", "en,zh"):
        raise UncleanPackError
    info = manifest_info(manifest)
    return encoded(EncodedPack(info, encoder.questions, {}, path.suffix.lower().lstrip(".")))


def load_xlsx(path: Path) -> Pack:
    """The first sheet of an Excel workbook, in the same columns as the CSV template."""
    from openpyxl import load_workbook

    check_zip_container(path)  # an .xlsx is a zip: no bombs, no oversized parts
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds on a damaged file
        raise PackError(
            [
                Problem(
                    str(path),
                    None,
                    f"is not a readable .xlsx workbook ({err})",
                    zh=f"不是可读取的 .xlsx 工作簿（{err}）",
                )
            ]
        ) from err
    try:
        sheet = workbook.worksheets[0]
        cells = [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        workbook.close()
    if not cells:
        raise PackError([Problem.of(str(path), None, NO_QUESTIONS)])
    header = [c.strip() for c in cells[0]]
    while header and not header[-1]:
        header.pop()
    rows = [
        (number, dict(zip(header, values, strict=False)))
        for number, values in enumerate(cells[1:], start=2)
    ]
    return _pack_from_rows(path, header, rows)


def _pack_from_rows(
    path: Path, header: list[str], all_rows: list[tuple[int, dict[str, str]]]
) -> Pack:
    label = str(path)
    unknown = [c for c in header if c not in COLUMNS]
    missing = [c for c in REQUIRED if c not in header]
    if unknown or missing:
        columns = ", ".join(COLUMNS)
        problems = [
            Problem(
                label,
                1,
                f"unknown column '{c}'; the columns are {columns}",
                zh=f"未知的列“{c}”；可用的列有 {columns}",
            )
            for c in unknown
        ]
        problems += [Problem(label, 1, f"missing column '{c}'", zh=f"缺少列“{c}”") for c in missing]
        raise PackError(problems)
    rows = [(n, row) for n, row in all_rows if any((v or "").strip() for v in row.values())]
    if not rows:
        raise PackError([Problem.of(label, None, NO_QUESTIONS)])
    topics: dict[str, str] = {}
    taken: set[str] = set()
    entries = []
    for line, row in rows:
        title = row.get("topic", "").strip() or path.stem
        topic = topics.setdefault(title, _slug(title))
        given = row.get("id", "").strip()
        key = given or question_key("csv", row.get("prompt", ""), taken)
        taken.add(key)
        entries.append(Entry(line, _row_question(row, key, topic)))
    return checked_pack(path, entries, topics, origin=path.suffix.lower().lstrip("."))


def _row(question: Question) -> dict[str, str]:
    def en(text: Any) -> str:
        return "" if text is None else text.get("en")

    def zh(text: Any) -> str:
        return "" if text is None or "zh" not in text.languages else text.get("zh")

    row = dict.fromkeys(COLUMNS, "")
    row |= {
        "id": question.key,
        "type": question.type.value,
        "topic": question.topic,
        "difficulty": str(question.difficulty),
        "prompt": en(question.prompt),
        "prompt_zh": zh(question.prompt),
        "explanation": en(question.explanation),
        "explanation_zh": zh(question.explanation),
        "source": question.source or "",
    }
    body = question.body
    match body:
        case SingleChoice(choices, answer) | MultipleResponse(choices, answer):
            row["options"] = f" {SEP} ".join(en(c.text) for c in choices)
            row["options_zh"] = f" {SEP} ".join(zh(c.text) for c in choices).strip(f" {SEP}")
            ids = [c.id for c in choices]
            wanted = [answer] if isinstance(answer, str) else [i for i in ids if i in answer]
            row["answer"] = ",".join(LETTERS[ids.index(a)] for a in wanted)
        case TrueFalse(answer):
            row["answer"] = "true" if answer else "false"
        case Numeric(answer, tolerance, unit):
            row |= {
                "answer": f"{answer:g}",
                "tolerance": f"{tolerance:g}",
                "unit": en(unit),
                "unit_zh": zh(unit),
            }
        case ShortText(accept):
            row["answer"] = f" {SEP} ".join(accept.get("en"))
            row["answer_zh"] = f" {SEP} ".join(dict(accept.items).get("zh", ()))
        case Ordering(items):
            row["options"] = f" {SEP} ".join(en(i.text) for i in items)
            row["options_zh"] = f" {SEP} ".join(zh(i.text) for i in items).strip(f" {SEP}")
        case Matching(pairs):
            row["options"] = f" {SEP} ".join(f"{en(p.left)} = {en(p.right)}" for p in pairs)
            if all("zh" in p.left.languages for p in pairs):
                row["options_zh"] = f" {SEP} ".join(f"{zh(p.left)} = {zh(p.right)}" for p in pairs)
        case Card(back):
            row["answer"], row["answer_zh"] = en(back), zh(back)
    return row


def xlsx_bytes(pack: Pack) -> bytes:
    """The pack as an Excel workbook in the template's columns."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "questions"
    sheet.append(list(COLUMNS))
    for number, question in enumerate(pack.questions, start=2):
        row = _row(question)
        for column, name in enumerate(COLUMNS, start=1):
            cell = sheet.cell(number, column)
            cell.value = row[name]
            cell.data_type = "s"  # text, never a formula: openpyxl takes "=..." for one
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_text(pack: Pack) -> str:
    """The pack as a CSV in the template's columns (images cannot travel in a CSV)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for question in pack.questions:  # no cell a spreadsheet would run (core.cells)
        writer.writerow({name: to_cell(value) for name, value in _row(question).items()})
    return out.getvalue()
