"""Reading (and checking) packs in the native format; see docs/pack-format.md."""

from __future__ import annotations

import difflib
import functools
import json
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import TypeAdapter, ValidationError

from quiz_app.core.errors import PackError, Problem
from quiz_app.core.questions import Pack, Question
from quiz_app.core.serialize import pack_info_from_dict, question_from_dict
from quiz_app.packs import limits
from quiz_app.packs.files import PackFiles, read_pack_files, read_regular
from quiz_app.packs.locate import LineMap, map_file
from quiz_app.packs.media import media_problem
from quiz_app.packs.rich_text import image_names, markdown_images, media_name
from quiz_app.packs.schema import AnyQuestion, Manifest, QuestionFile

_QUESTIONS = TypeAdapter(list[AnyQuestion])
_QUESTION = TypeAdapter(AnyQuestion)
_TYPE_TAGS = frozenset(
    ("single", "multiple", "true_false", "numeric", "short_text", "ordering", "matching", "card")
)


@dataclass
class _Report:
    """Problems found so far, located by path until lines are looked up at the end."""

    files: PackFiles
    texts: dict[str, str] = field(default_factory=dict)
    pending: list[tuple[str, tuple[str | int, ...], str, str | None, str | None]] = field(
        default_factory=list
    )
    located: list[Problem] = field(default_factory=list)

    def add(
        self,
        file: str,
        path: Sequence[str | int],
        message: str,
        question: str | None = None,
        zh: str | None = None,
    ) -> None:
        self.pending.append((file, tuple(path), message, question, zh))

    def add_at(self, file: str, line: int | None, message: str) -> None:
        self.located.append(Problem(self.files.display(file), line, message))

    def problems(self) -> list[Problem]:
        maps: dict[str, LineMap] = {}
        out = list(self.located)
        for file, path, message, question, zh in self.pending:
            if file not in maps:
                text = self.texts.get(file)
                if text is None:  # read by the fast path, which keeps no text
                    text = self.files.files.get(file, b"").decode("utf-8", "replace")
                maps[file] = map_file(file, text)
            line = maps[file].line_of(path) if path else None
            out.append(Problem(self.files.display(file), line, message, question, zh=zh))
        return sorted(out, key=lambda p: (p.file, p.line or 0, p.message))


def load_pack(path: Path) -> Pack:
    """Read and check the pack at ``path``; raise PackError listing every problem."""
    return parse_pack(read_pack_files(path))


def check_pack(path: Path) -> list[Problem]:
    """Every problem in the pack at ``path`` (empty when it is clean)."""
    try:
        load_pack(path)
    except PackError as err:
        return list(err.problems)
    return []


def parse_pack(files: PackFiles) -> Pack:
    report = _Report(files)
    manifest = _read_manifest(report)
    question_files = sorted(
        name
        for name in files.files
        if "/" not in name
        and name != limits.MANIFEST
        and PurePosixPath(name).suffix.lower() in limits.QUESTION_SUFFIXES
    )
    if manifest is not None and not question_files:
        report.add_at(
            limits.MANIFEST,
            None,
            "the pack has no question files (*.toml or *.json beside pack.toml)",
        )
    questions: list[tuple[str, int, Any, Any]] = []
    for name in question_files:
        questions.extend((name, i, q, raw) for i, q, raw in _read_questions(report, name))
    if manifest is not None and question_files and not questions and not report.problems():
        report.add_at(question_files[0], None, "holds no questions: a pack needs at least one")
    pack_questions = _check_questions(report, manifest, questions)
    problems = report.problems()
    if problems or manifest is None:
        raise PackError(problems)
    # The question's own image, and those its texts draw (``![alt](media/x.png)``).
    media = {
        name: files.files[name]
        for question in pack_questions
        for name in image_names(question)
        if name in files.files
    }
    info = pack_info_from_dict(manifest.model_dump(exclude_none=True))
    return Pack(info, tuple(pack_questions), media)


def _decode(report: _Report, name: str) -> str | None:
    data = report.files.files[name]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        report.add_at(name, line, f"is not UTF-8 text (byte {err.start}); save it as UTF-8")
        return None
    report.texts[name] = text
    return text.removeprefix("\ufeff")


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _parse(report: _Report, name: str) -> Any:
    text = _decode(report, name)
    if text is None:
        return None
    if name.endswith(".json"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            report.add_at(name, err.lineno, f"JSON syntax error: {err.msg} (column {err.colno})")
            return None
        except RecursionError:  # arrays in arrays hundreds deep: no pack is written so
            report.add_at(name, None, _TOO_DEEP)
            return None
    try:
        return tomllib.loads(text)
    except RecursionError:
        report.add_at(name, None, _TOO_DEEP)
        return None
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        found = _TOML_POSITION.search(message)
        line = int(found.group(1)) if found else None
        if found:
            message = f"{message[: found.start()]} (column {found.group(2)})"
        report.add_at(name, line, f"TOML syntax error: {message}")
        return None


_TOO_DEEP = "nests lists or tables too deep to be a pack (is the file damaged?)"


def _read_manifest(report: _Report) -> Manifest | None:
    if limits.MANIFEST not in report.files.files:
        report.add_at(limits.MANIFEST, None, "missing: every pack needs a pack.toml manifest")
        return None
    data = _parse(report, limits.MANIFEST)
    if data is None:
        return None
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as err:
        for error in err.errors():
            path, message = _describe(error)
            report.add(limits.MANIFEST, path, message)
        return None
    seen: set[str] = set()
    for i, topic in enumerate(manifest.topics):
        if topic.id in seen:  # the second would vanish: its questions in the first
            report.add(limits.MANIFEST, ("topics", i, "id"), f"duplicate topic id '{topic.id}'")
        seen.add(topic.id)
    groups: set[str] = set()
    for i, group in enumerate(manifest.groups or ()):
        if group.id in groups:
            report.add(
                limits.MANIFEST,
                ("groups", i, "id"),
                f"duplicate group id '{group.id}'",
                zh=f"组 id“{group.id}”重复",
            )
        groups.add(group.id)
    return manifest


_QUESTION_FILE = TypeAdapter(QuestionFile)


def _read_questions(report: _Report, name: str) -> Iterator[tuple[int, Any, Any]]:
    """(index, model or None when invalid, raw table) for each question of a file."""
    if name.endswith(".json"):
        # Fast path for large machine-written packs: pydantic parses and validates the
        # bytes in one pass. Any problem falls through to the slower path below, which
        # knows how to say where it is.
        try:
            parsed = _QUESTION_FILE.validate_json(report.files.files[name])
        except ValidationError:
            pass
        else:
            yield from ((i, model, None) for i, model in enumerate(parsed.questions))
            return
    data = _parse(report, name)
    if data is None:
        return
    if not isinstance(data, dict) or set(data) != {"questions"}:
        keys = ", ".join(sorted(data)) if isinstance(data, dict) else type(data).__name__
        report.add(name, (), f"a question file holds only 'questions' (found: {keys})")
        return
    raw = data["questions"]
    if not isinstance(raw, list):
        report.add(name, ("questions",), "'questions' must be a list of question tables")
        return
    try:
        models = _QUESTIONS.validate_python(raw)
    except ValidationError as err:
        failed: set[int] = set()
        for error in err.errors():
            index = error["loc"][0]
            assert isinstance(index, int)
            failed.add(index)
            path, message = _describe(error, drop=1)
            report.add(name, ("questions", index, *path), message, _raw_id(raw[index]))
    else:
        yield from (
            (i, model, item) for i, (model, item) in enumerate(zip(models, raw, strict=True))
        )
        return
    # Keep checking the questions that were fine, so every problem is reported at once.
    for index, item in enumerate(raw):
        yield index, None if index in failed else _QUESTION.validate_python(item), item


def _raw_id(item: object) -> str | None:
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, str) else None


def _describe(error: Any, drop: int = 0) -> tuple[tuple[str | int, ...], str]:
    """A pydantic error as (path in the file, message for a person)."""
    loc = [
        part
        for part in error["loc"][drop:]
        if not (isinstance(part, str) and ("[" in part or part in _TYPE_TAGS))
    ]
    kind = error["type"]
    where = ".".join(str(p) for p in loc)
    if kind == "extra_forbidden":
        name = str(loc[-1])
        hint = _suggest(name)
        return tuple(loc), f"unknown field '{where}'{hint}"
    if kind == "missing":
        return tuple(loc[:-1]), f"missing field '{where}'"
    if kind == "union_tag_invalid":
        tag = error["ctx"]["tag"]
        return (*loc, "type"), (
            f"unknown question type '{tag}'; the types are {', '.join(sorted(_TYPE_TAGS))}"
        )
    if kind == "union_tag_not_found":
        return tuple(loc), "missing field 'type'"
    if kind == "literal_error" and "[key]" in str(error["loc"]):
        return tuple(loc), (
            f"unknown language '{loc[-1]}' in '{'.'.join(str(p) for p in loc[:-1])}'; "
            "use en (English) or zh (Simplified Chinese)"
        )
    # "Value error, needs ...": pydantic's prefix says nothing to the reader
    message = str(error["msg"]).removeprefix("Value error, ")
    message = message[0].lower() + message[1:]
    return tuple(loc), f"'{where}': {message}" if where else message


def _suggest(name: str) -> str:
    # A field of another table (``groups`` belongs in pack.toml) is no hint for this one.
    known = [field for field in _known_fields() if field != name]
    close = difflib.get_close_matches(name, known, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


@functools.cache
def _known_fields() -> tuple[str, ...]:
    """Every field name the format knows, for "did you mean" hints."""
    from quiz_app.packs import schema

    names: set[str] = set()
    for model in vars(schema).values():
        if isinstance(model, type) and issubclass(model, schema.Strict):
            names.update(model.model_fields)
    return tuple(sorted(names))


def _texts(q: Any) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """Every text field of a question model, with its path."""
    fields = vars(q)  # not getattr: a field the type lacks would take pydantic's slow path
    yield ("prompt",), q.prompt
    for name in ("explanation", "image_alt", "unit", "accept", "back"):
        value = fields.get(name)
        if value is not None:
            yield (name,), value
    for name in ("choices", "items"):
        for i, choice in enumerate(fields.get(name) or ()):
            yield (name, i, "text"), choice.text
            feedback = vars(choice).get("feedback")
            if feedback is not None:
                yield (name, i, "feedback"), feedback
    for i, pair in enumerate(fields.get("pairs") or ()):
        yield ("pairs", i, "left"), pair.left
        yield ("pairs", i, "right"), pair.right


_NOT_MARKDOWN = frozenset({"image_alt", "unit", "accept"})
"""Texts of a question that are plain: an image written there is not drawn."""


def _images_drawn(text: dict[str, Any]) -> set[str]:
    """The pack files a text (per language) draws, by name inside the pack."""
    return {
        name for markdown in text.values() for name in markdown_images(markdown) if media_name(name)
    }


def _langs(values: Iterable[str]) -> str:
    return " and ".join(sorted(values))


def _check_one(
    q: Any, topics: set[str], declared: set[str], media: set[str]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Checks that span fields of one question; yields (path, message)."""
    if topics and q.topic not in topics:
        close = difflib.get_close_matches(q.topic, sorted(topics), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        yield ("topic",), f"topic '{q.topic}' is not declared in pack.toml{hint}"
    fields = vars(q)
    for name in ("choices", "items", "pairs"):
        entries = fields.get(name) or ()
        seen: set[str] = set()
        for i, entry in enumerate(entries):
            if entry.id in seen:
                yield (name, i, "id"), f"duplicate id '{entry.id}' in {name}"
            seen.add(entry.id)
    choice_ids = {c.id for c in fields.get("choices") or ()}
    if q.type == "single" and q.answer not in choice_ids:
        yield (
            ("answer",),
            (f"answer '{q.answer}' is not one of the choices ({', '.join(sorted(choice_ids))})"),
        )
    if q.type == "multiple":
        for answer in q.answers:
            if answer not in choice_ids:
                choices = ", ".join(sorted(choice_ids))
                yield (
                    ("answers",),
                    (f"answer '{answer}' is not one of the choices ({choices})"),
                )
        if len(set(q.answers)) != len(q.answers):
            yield ("answers",), "the same answer is listed twice"
    for name in ("choices", "items"):
        for language in declared or {"en"}:
            alike: set[str] = set()
            for i, entry in enumerate(fields.get(name) or ()):
                text = entry.text.get(language, "").strip().casefold()
                if text and text in alike:
                    yield (
                        (name, i, "text"),
                        f"two {name} read the same ('{entry.text[language]}'): a learner "
                        "could not tell them apart",
                    )
                alike.add(text)
    if q.type == "matching":
        for side in ("left", "right"):
            seen_texts: set[str] = set()
            for i, pair in enumerate(q.pairs):
                text = getattr(pair, side)["en"]
                if text in seen_texts:
                    yield ("pairs", i, side), f"two pairs have the same {side} text '{text}'"
                seen_texts.add(text)
    if q.image is not None:
        image = PurePosixPath(q.image)
        if image.suffix.lower() not in limits.MEDIA_SUFFIXES:
            yield (
                ("image",),
                (f"image '{q.image}' is not one of {', '.join(limits.MEDIA_SUFFIXES)}"),
            )
        elif q.image not in media:
            yield ("image",), f"image '{q.image}' is not in the pack"
    elif q.image_alt is not None:
        yield ("image_alt",), "'image_alt' describes an image, but the question has no 'image'"
    yield from _check_languages(q, declared)


def _check_languages(q: Any, declared: set[str]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    reference = set(q.prompt)
    for path, value in _texts(q):
        if set(value) != reference:
            where = ".".join(str(p) for p in path)
            yield (
                path,
                (
                    f"'{where}' is in {_langs(value)} but the prompt is in {_langs(reference)}: "
                    "translate every text of a question, or none"
                ),
            )
    if declared:
        missing = declared - reference
        if missing:
            yield (
                ("prompt",),
                (
                    f"has no {_langs(missing)} text, but pack.toml lists {_langs(missing)} "
                    "in 'languages'"
                ),
            )
        extra = reference - declared
        if extra:
            yield (
                ("prompt",),
                (
                    f"has {_langs(extra)} text, but pack.toml does not list {_langs(extra)} "
                    "in 'languages'"
                ),
            )


def _check_questions(
    report: _Report, manifest: Manifest | None, questions: list[tuple[str, int, Any, Any]]
) -> list[Question]:
    topics = {t.id for t in manifest.topics} if manifest else set()
    declared: set[str] = set(manifest.languages) if manifest else set()
    media = {
        name
        for name in report.files.files
        if "/" in name or not name.endswith(limits.QUESTION_SUFFIXES)
    }
    groups = {g.id for g in manifest.groups or ()} if manifest else set()
    retired = set(manifest.retired or ()) if manifest else set()
    first_seen: dict[str, str] = {}
    media_checked: set[str] = set()
    out: list[Question] = []
    for name, index, q, raw in questions:
        qid = q.id if q is not None else _raw_id(raw)
        if qid is not None and qid in retired:
            report.add(
                name,
                ("questions", index, "id"),
                "this id is retired (pack.toml 'retired'): it once named another question, "
                "and learners' answers to that one would attach to this; give it a new id",
                qid,
                zh="此 id 已停用（见 pack.toml 的 retired）：它曾用于另一道题，"
                "学习者对那道题的作答会被算到这道题上；请给它一个新的 id",
            )
        if q is not None and manifest is not None and q.group is not None and q.group not in groups:
            close = difflib.get_close_matches(q.group, sorted(groups), n=1)
            report.add(
                name,
                ("questions", index, "group"),
                f"group '{q.group}' is not declared in pack.toml"
                + (f" (did you mean '{close[0]}'?)" if close else ""),
                qid,
                zh=f"组“{q.group}”未在 pack.toml 中声明"
                + (f"（是否指“{close[0]}”？）" if close else ""),
            )
        if q is not None:
            for path, message in _check_one(q, topics, declared, media):
                report.add(name, ("questions", index, *path), message, qid)
            inline = {
                drawn
                for path, text in _texts(q)
                if path[0] not in _NOT_MARKDOWN
                for drawn in _images_drawn(text)
            }
            for drawn in sorted(inline - {q.image}):  # images its Markdown draws
                if drawn not in media:
                    report.add(
                        name,
                        ("questions", index, "id"),
                        f"image '{drawn}' in its text is not in the pack",
                        qid,
                    )
                elif drawn not in media_checked:
                    media_checked.add(drawn)
                    problem = media_problem(drawn, report.files.files[drawn])
                    if problem:
                        report.add(
                            name, ("questions", index, "id"), f"image '{drawn}' {problem}", qid
                        )
            image = q.image
            if image and image in media and image not in media_checked:
                media_checked.add(image)  # by its content, whatever its name (packs.media)
                problem = media_problem(image, report.files.files[image])
                if problem:
                    report.add(
                        name, ("questions", index, "image"), f"image '{image}' {problem}", qid
                    )
        elif (
            topics
            and isinstance(raw, dict)  # a question that is not a table is reported already
            and isinstance(raw.get("topic"), str)
            and raw["topic"] not in topics
        ):
            report.add(
                name,
                ("questions", index, "topic"),
                f"topic '{raw['topic']}' is not declared in pack.toml",
                qid,
            )
        if qid is None:
            continue
        if qid in first_seen:
            report.add(
                name,
                ("questions", index, "id"),
                f"duplicate question id; first used in {first_seen[qid]}",
                qid,
            )
        else:
            first_seen[qid] = name
    if manifest is not None and not report.pending and not report.located:
        default = {"shuffle": manifest.shuffle is not False}
        out = [
            question_from_dict(default | q.model_dump(exclude_none=True))
            for _, _, q, _ in questions
        ]
    return out


def check_question(
    data: Mapping[str, Any], topics: Iterable[str], languages: Iterable[str], media: Iterable[str]
) -> list[tuple[str, str]]:
    """Every problem of one question, given as a dict of the native format, as
    (field path, message): what the editor shows as the teacher types."""
    try:
        question = _QUESTION.validate_python(data)
    except ValidationError as err:
        described = [_describe(error) for error in err.errors()]
    else:
        described = list(_check_one(question, set(topics), set(languages), set(media)))
    return [(".".join(str(part) for part in path), message) for path, message in described]


def read_manifest_identity(path: Path) -> tuple[str, str]:
    """(id, version) of a pack folder, read cheaply from pack.toml alone."""
    try:
        manifest = read_regular(path / limits.MANIFEST, limits.MANIFEST_MAX)
        data = tomllib.loads(manifest.decode("utf-8"))
        return str(data["id"]), str(data["version"])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError) as err:
        raise PackError([Problem(str(path / limits.MANIFEST), None, f"unreadable: {err}")]) from err
