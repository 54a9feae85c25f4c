"""Reading (and checking) packs in the native format; see docs/pack-format.md."""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import TypeAdapter, ValidationError

from quiz_app.core.errors import Message, PackError, Problem
from quiz_app.core.grading import normalize_text
from quiz_app.core.importing import EncodedPack, EncodedQuestion, encode_pack, encoded
from quiz_app.core.questions import Pack, PackInfo, Question
from quiz_app.core.serialize import pack_info_from_dict, question_from_dict
from quiz_app.packs import limits
from quiz_app.packs.files import PackFiles, read_pack_files, read_regular
from quiz_app.packs.locate import LineMap, map_file
from quiz_app.packs.media import media_problem
from quiz_app.packs.messages import (
    did_you_mean,
    json_syntax,
    languages_zh,
    not_utf8,
    pydantic_message,
)
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
    pending: list[tuple[str, tuple[str | int, ...], Message, str | None]] = field(
        default_factory=list
    )
    located: list[Problem] = field(default_factory=list)

    def add(
        self, file: str, path: Sequence[str | int], message: Message, question: str | None = None
    ) -> None:
        self.pending.append((file, tuple(path), message, question))

    def add_at(self, file: str, line: int | None, message: Message) -> None:
        self.located.append(Problem.of(self.files.display(file), line, message))

    def problems(self) -> list[Problem]:
        maps: dict[str, LineMap] = {}
        out = list(self.located)
        for file, path, message, question in self.pending:
            if file not in maps:
                text = self.texts.get(file)
                if text is None:  # read by the fast path, which keeps no text
                    text = self.files.files.get(file, b"").decode("utf-8", "replace")
                maps[file] = map_file(file, text)
            line = maps[file].line_of(path) if path else None
            out.append(Problem.of(self.files.display(file), line, message, question))
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
            Message(
                "the pack has no question files (*.toml or *.json beside pack.toml)",
                "题包中没有题目文件（pack.toml 旁边的 *.toml 或 *.json 文件）",
            ),
        )
    questions: list[tuple[str, int, Any, Any]] = []
    for name in question_files:
        questions.extend((name, i, q, raw) for i, q, raw in _read_questions(report, name))
    if manifest is not None and question_files and not questions and not report.problems():
        report.add_at(
            question_files[0],
            None,
            Message(
                "holds no questions: a pack needs at least one", "没有题目：题包至少需要一道题"
            ),
        )
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
        report.add_at(name, line, not_utf8(err.start))
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
            report.add_at(name, err.lineno, json_syntax(err.msg, err.colno))
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
        en = zh = message
        if found:
            en = f"{message[: found.start()]} (column {found.group(2)})"
            zh = f"{message[: found.start()]}（第 {found.group(2)} 列）"
        report.add_at(name, line, Message(f"TOML syntax error: {en}", f"TOML 语法错误：{zh}"))
        return None


_TOO_DEEP = Message(
    "nests lists or tables too deep to be a pack (is the file damaged?)",
    "列表或表嵌套得太深，不像是题包（文件是否已损坏？）",
)


def _read_manifest(report: _Report) -> Manifest | None:
    if limits.MANIFEST not in report.files.files:
        report.add_at(
            limits.MANIFEST,
            None,
            Message(
                "missing: every pack needs a pack.toml manifest",
                "缺失：每个题包都需要清单文件 pack.toml",
            ),
        )
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
            report.add(
                limits.MANIFEST,
                ("topics", i, "id"),
                Message(f"duplicate topic id '{topic.id}'", f"主题 id“{topic.id}”重复"),
            )
        seen.add(topic.id)
    groups: set[str] = set()
    for i, group in enumerate(manifest.groups or ()):
        if group.id in groups:
            report.add(
                limits.MANIFEST,
                ("groups", i, "id"),
                Message(f"duplicate group id '{group.id}'", f"组 id“{group.id}”重复"),
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
        report.add(
            name,
            (),
            Message(
                f"a question file holds only 'questions' (found: {keys})",
                f"题目文件只能包含“questions”（发现：{keys}）",
            ),
        )
        return
    raw = data["questions"]
    if not isinstance(raw, list):
        report.add(
            name,
            ("questions",),
            Message(
                "'questions' must be a list of question tables", "“questions”必须是题目表的列表"
            ),
        )
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


def _describe(error: Any, drop: int = 0) -> tuple[tuple[str | int, ...], Message]:
    """A pydantic error as (path in the file, message for a person)."""
    loc = [
        part
        for part in error["loc"][drop:]
        if not (isinstance(part, str) and ("[" in part or part in _TYPE_TAGS))
    ]
    kind = error["type"]
    where = ".".join(str(p) for p in loc)
    if kind == "extra_forbidden":
        hint = _suggest(str(loc[-1]))
        return tuple(loc), Message(
            f"unknown field '{where}'{hint.en}", f"未知字段“{where}”{hint.zh}"
        )
    if kind == "missing":
        return tuple(loc[:-1]), Message(f"missing field '{where}'", f"缺少字段“{where}”")
    if kind == "union_tag_invalid":
        tag = error["ctx"]["tag"]
        types = ", ".join(sorted(_TYPE_TAGS))
        return (*loc, "type"), Message(
            f"unknown question type '{tag}'; the types are {types}",
            f"未知题型“{tag}”；题型有 {types}",
        )
    if kind == "union_tag_not_found":
        return tuple(loc), Message("missing field 'type'", "缺少字段“type”")
    if kind == "literal_error" and "[key]" in str(error["loc"]):
        within = ".".join(str(p) for p in loc[:-1])
        return tuple(loc), Message(
            f"unknown language '{loc[-1]}' in '{within}'; "
            "use en (English) or zh (Simplified Chinese)",
            f"“{within}”中的语言“{loc[-1]}”未知；请用 en（英文）或 zh（简体中文）",
        )
    return tuple(loc), pydantic_message(error, where)


def _suggest(name: str) -> Message:
    # A field of another table (``groups`` belongs in pack.toml) is no hint for this one.
    known = [field for field in _known_fields() if field != name]
    close = difflib.get_close_matches(name, known, n=1)
    return did_you_mean(close[0] if close else None)


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


_ENTRIES_ZH = {"choices": "选项", "items": "项", "pairs": "配对"}
_SIDES_ZH = {"left": "左侧", "right": "右侧"}


def _check_one(
    q: Any, topics: set[str], declared: set[str], media: set[str]
) -> Iterator[tuple[tuple[str | int, ...], Message]]:
    """Checks that span fields of one question; yields (path, message)."""
    if topics and q.topic not in topics:
        close = difflib.get_close_matches(q.topic, sorted(topics), n=1)
        hint = did_you_mean(close[0] if close else None)
        yield (
            ("topic",),
            Message(
                f"topic '{q.topic}' is not declared in pack.toml{hint.en}",
                f"主题“{q.topic}”未在 pack.toml 中声明{hint.zh}",
            ),
        )
    fields = vars(q)
    for name in ("choices", "items", "pairs"):
        entries = fields.get(name) or ()
        if len({entry.id for entry in entries}) == len(entries):
            continue  # the common case, at the cost of one set
        seen: set[str] = set()
        for i, entry in enumerate(entries):
            if entry.id in seen:
                yield (
                    (name, i, "id"),
                    Message(
                        f"duplicate id '{entry.id}' in {name}",
                        f"{name} 中的 id“{entry.id}”重复",
                    ),
                )
            seen.add(entry.id)
    choice_ids = {c.id for c in fields.get("choices") or ()}
    if q.type == "single" and q.answer not in choice_ids:
        yield ("answer",), _not_a_choice(q.answer, choice_ids)
    if q.type == "multiple":
        for answer in q.answers:
            if answer not in choice_ids:
                yield ("answers",), _not_a_choice(answer, choice_ids)
        if len(set(q.answers)) != len(q.answers):
            yield ("answers",), Message("the same answer is listed twice", "同一个答案列出了两次")
    for name in ("choices", "items"):
        entries = fields.get(name) or ()
        for language in (declared or {"en"}) if entries else ():
            folded = [entry.text.get(language, "").strip().casefold() for entry in entries]
            if len(set(folded)) == len(folded):
                continue  # no two alike (the common case)
            alike: set[str] = set()
            for i, entry in enumerate(entries):
                text = entry.text.get(language, "").strip().casefold()
                if text and text in alike:
                    said = entry.text[language]
                    yield (
                        (name, i, "text"),
                        Message(
                            f"two {name} read the same ('{said}'): a learner "
                            "could not tell them apart",
                            f"有两个{_ENTRIES_ZH[name]}的文字相同（“{said}”）：学习者无法区分它们",
                        ),
                    )
                alike.add(text)
    if q.type == "matching":
        for side in ("left", "right"):
            seen_texts: set[str] = set()
            for i, pair in enumerate(q.pairs):
                text = getattr(pair, side)["en"]
                if text in seen_texts:
                    yield (
                        ("pairs", i, side),
                        Message(
                            f"two pairs have the same {side} text '{text}'",
                            f"有两个配对的{_SIDES_ZH[side]}文字相同：“{text}”",
                        ),
                    )
                seen_texts.add(text)
    if q.type == "short_text":
        yield from _check_accept(q.accept)
    if q.image is not None:
        image = PurePosixPath(q.image)
        if image.suffix.lower() not in limits.MEDIA_SUFFIXES:
            kinds = ", ".join(limits.MEDIA_SUFFIXES)
            yield (
                ("image",),
                Message(
                    f"image '{q.image}' is not one of {kinds}",
                    f"图片“{q.image}”不是 {kinds} 之一",
                ),
            )
        elif q.image not in media:
            yield (
                ("image",),
                Message(f"image '{q.image}' is not in the pack", f"图片“{q.image}”不在题包中"),
            )
    elif q.image_alt is not None:
        yield (
            ("image_alt",),
            Message(
                "'image_alt' describes an image, but the question has no 'image'",
                "“image_alt”描述的是图片，但这道题没有“image”",
            ),
        )
    yield from _check_languages(q, declared)


_SURELY_KEPT = re.compile("[A-Za-z0-9\u4e00-\u9fff]")
"""Characters that grading's folding always keeps (ASCII letters and digits, CJK unified
ideographs): an answer holding one needs no closer look, as nearly every answer does."""


def _check_accept(
    accept: Mapping[str, Sequence[str]],
) -> Iterator[tuple[tuple[str | int, ...], Message]]:
    """An accepted answer must keep something once a learner's answer is folded for
    grading (``normalize_text``): one of only punctuation, such as "?!", could
    never be matched, so the question could never be answered right."""
    for language, answers in accept.items():
        for i, answer in enumerate(answers):
            if not _SURELY_KEPT.search(answer) and not normalize_text(answer):
                yield (
                    ("accept", language, i),
                    Message(
                        f"the accepted answer '{answer}' holds only spaces, punctuation or "
                        "accent marks: answers are compared without them, so nothing a "
                        "learner types could match it",
                        f"可接受的答案“{answer}”只含空格、标点或重音符号：比对答案时不计这些，"
                        "因此学习者输入什么都无法与之匹配",
                    ),
                )


def _not_a_choice(answer: str, choice_ids: set[str]) -> Message:
    choices = ", ".join(sorted(choice_ids))
    return Message(
        f"answer '{answer}' is not one of the choices ({choices})",
        f"答案“{answer}”不是选项之一（{choices}）",
    )


def _same_languages(q: Any, reference: set[str]) -> bool:
    """Whether every text of ``q`` is in the prompt's languages: ``_texts`` without the
    paths, for the common case (a pack of 100,000 questions holds over a million texts)."""
    fields = vars(q)
    for name in ("explanation", "image_alt", "unit", "accept", "back"):
        value = fields.get(name)
        if value is not None and value.keys() != reference:
            return False
    for name in ("choices", "items"):
        for entry in fields.get(name) or ():
            if entry.text.keys() != reference:
                return False
            feedback = vars(entry).get("feedback")
            if feedback is not None and feedback.keys() != reference:
                return False
    for pair in fields.get("pairs") or ():
        if pair.left.keys() != reference or pair.right.keys() != reference:
            return False
    return True


def _check_languages(q: Any, declared: set[str]) -> Iterator[tuple[tuple[str | int, ...], Message]]:
    reference = set(q.prompt)
    for path, value in () if _same_languages(q, reference) else _texts(q):
        if set(value) != reference:
            where = ".".join(str(p) for p in path)
            has, prompt = _langs(value), _langs(reference)
            yield (
                path,
                Message(
                    f"'{where}' is in {has} but the prompt is in {prompt}: "
                    "translate every text of a question, or none",
                    f"“{where}”的语言是 {languages_zh(has)}，"
                    f"但题干的语言是 {languages_zh(prompt)}：请翻译题目的全部文字，或者都不翻译",
                ),
            )
    if declared:
        missing = _langs(declared - reference)
        if missing:
            yield (
                ("prompt",),
                Message(
                    f"has no {missing} text, but pack.toml lists {missing} in 'languages'",
                    f"没有 {languages_zh(missing)} 文字，但 pack.toml 的“languages”列出了 "
                    f"{languages_zh(missing)}",
                ),
            )
        extra = _langs(reference - declared)
        if extra:
            yield (
                ("prompt",),
                Message(
                    f"has {extra} text, but pack.toml does not list {extra} in 'languages'",
                    f"有 {languages_zh(extra)} 文字，但 pack.toml 的“languages”没有列出 "
                    f"{languages_zh(extra)}",
                ),
            )


@dataclass
class _PackContext:
    """What checking one question against the rest of its pack needs, and what the
    checks of the questions before it have seen (ids, images)."""

    files: Mapping[str, bytes]
    topics: set[str]
    declared: set[str]
    media: set[str]
    groups: set[str]
    retired: set[str]
    has_manifest: bool
    first_seen: dict[str, str] = field(default_factory=dict)
    media_checked: set[str] = field(default_factory=set)


def _context(files: Mapping[str, bytes], manifest: Manifest | None) -> _PackContext:
    return _PackContext(
        files,
        topics={t.id for t in manifest.topics} if manifest else set(),
        declared=set(manifest.languages) if manifest else set(),
        media={
            name for name in files if "/" in name or not name.endswith(limits.QUESTION_SUFFIXES)
        },
        groups={g.id for g in manifest.groups or ()} if manifest else set(),
        retired=set(manifest.retired or ()) if manifest else set(),
        has_manifest=manifest is not None,
    )


_Found = tuple[tuple[str | int, ...], Message, str | None]


def _question_checks(
    ctx: _PackContext, name: str, index: int, q: Any, raw: Any, may_draw: bool = True
) -> Iterator[_Found]:
    """Every problem of question ``index`` of file ``name`` within its pack, as (path in
    the file, message, question id); ``q`` is its model, None when it did not validate.
    ``may_draw`` False says no text of it holds ``![`` (so its Markdown draws no image)."""
    qid = q.id if q is not None else _raw_id(raw)
    here: tuple[str | int, ...] = ("questions", index)
    if qid is not None and qid in ctx.retired:
        yield (
            (*here, "id"),
            Message(
                "this id is retired (pack.toml 'retired'): it once named another question, "
                "and learners' answers to that one would attach to this; give it a new id",
                "此 id 已停用（见 pack.toml 的“retired”）：它曾用于另一道题，"
                "学习者对那道题的作答会被算到这道题上；请给它一个新的 id",
            ),
            qid,
        )
    if q is not None and ctx.has_manifest and q.group is not None and q.group not in ctx.groups:
        close = difflib.get_close_matches(q.group, sorted(ctx.groups), n=1)
        hint = did_you_mean(close[0] if close else None)
        yield (
            (*here, "group"),
            Message(
                f"group '{q.group}' is not declared in pack.toml{hint.en}",
                f"组“{q.group}”未在 pack.toml 中声明{hint.zh}",
            ),
            qid,
        )
    media = ctx.media
    if q is not None:
        for path, message in _check_one(q, ctx.topics, ctx.declared, media):
            yield (*here, *path), message, qid
        inline = (
            {
                drawn
                for path, text in _texts(q)
                if path[0] not in _NOT_MARKDOWN
                for drawn in _images_drawn(text)
            }
            if may_draw
            else set()
        )
        for drawn in sorted(inline - {q.image}):  # images its Markdown draws
            if drawn not in media:
                yield (
                    (*here, "id"),
                    Message(
                        f"image '{drawn}' in its text is not in the pack",
                        f"文字中的图片“{drawn}”不在题包中",
                    ),
                    qid,
                )
            elif drawn not in ctx.media_checked:
                ctx.media_checked.add(drawn)
                problem = media_problem(drawn, ctx.files[drawn])
                if problem:
                    yield (*here, "id"), _image(drawn, problem), qid
        image = q.image
        if image and image in media and image not in ctx.media_checked:
            ctx.media_checked.add(image)  # by its content, whatever its name (packs.media)
            problem = media_problem(image, ctx.files[image])
            if problem:
                yield (*here, "image"), _image(image, problem), qid
    elif (
        ctx.topics
        and isinstance(raw, dict)  # a question that is not a table is reported already
        and isinstance(raw.get("topic"), str)
        and raw["topic"] not in ctx.topics
    ):
        yield (
            (*here, "topic"),
            Message(
                f"topic '{raw['topic']}' is not declared in pack.toml",
                f"主题“{raw['topic']}”未在 pack.toml 中声明",
            ),
            qid,
        )
    if qid is None:
        return
    if qid in ctx.first_seen:
        yield (
            (*here, "id"),
            Message(
                f"duplicate question id; first used in {ctx.first_seen[qid]}",
                f"题目 id 重复；它首次用于 {ctx.first_seen[qid]}",
            ),
            qid,
        )
    else:
        ctx.first_seen[qid] = name


def _check_questions(
    report: _Report, manifest: Manifest | None, questions: list[tuple[str, int, Any, Any]]
) -> list[Question]:
    ctx = _context(report.files.files, manifest)
    out: list[Question] = []
    for name, index, q, raw in questions:
        for path, message, qid in _question_checks(ctx, name, index, q, raw):
            report.add(name, path, message, qid)
    if manifest is not None and not report.pending and not report.located:
        default = {"shuffle": manifest.shuffle is not False}
        out = [
            question_from_dict(default | q.model_dump(exclude_none=True))
            for _, _, q, _ in questions
        ]
    return out


def _image(name: str, problem: Message) -> Message:
    """``image 'x.png' holds a SVG image ...`` from what ``media_problem`` says."""
    return Message(f"image '{name}' {problem.en}", f"图片“{name}”{problem.zh}")


def question_problems(
    data: Mapping[str, Any], topics: Iterable[str], languages: Iterable[str], media: Iterable[str]
) -> list[tuple[str, Message]]:
    """Every problem of one question, given as a dict of the native format, as
    (field path, message in both languages): what the editor shows as the teacher types."""
    try:
        question = _QUESTION.validate_python(data)
    except ValidationError as err:
        described = [_describe(error) for error in err.errors()]
    else:
        described = list(_check_one(question, set(topics), set(languages), set(media)))
    return [(".".join(str(part) for part in path), message) for path, message in described]


def check_question(
    data: Mapping[str, Any],
    topics: Iterable[str],
    languages: Iterable[str],
    media: Iterable[str],
    language: str = "en",
) -> list[tuple[str, str]]:
    """``question_problems`` as (field path, message in ``language``)."""
    found = question_problems(data, topics, languages, media)
    return [(path, message.zh if language == "zh" else message.en) for path, message in found]


def read_manifest_identity(path: Path) -> tuple[str, str]:
    """(id, version) of a pack folder, read cheaply from pack.toml alone."""
    try:
        manifest = read_regular(path / limits.MANIFEST, limits.MANIFEST_MAX)
        data = tomllib.loads(manifest.decode("utf-8"))
        return str(data["id"]), str(data["version"])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError) as err:
        message = Message(f"unreadable: {err}", f"无法读取：{err}")
        raise PackError([Problem.of(str(path / limits.MANIFEST), None, message)]) from err


# --- Straight to the stored form -------------------------------------------------------
#
# A pack that is clean (as nearly every pack is) is read a question file at a time,
# each question checked by the very checks above and turned straight into the text the
# bank stores, without the parsed question objects of the whole pack ever being held.
# At the first problem the whole pack is read again by ``parse_pack``, which knows how
# to say every problem and where: a broken pack costs twice, a clean one half.


class UncleanPackError(Exception):
    """The fast reader met a problem: the full reader is to say what and where."""


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _may_draw(content: bytes) -> bool:
    """Whether a question's stored text may draw an image: JSON escapes neither '!' nor
    '[', so a text without ``![`` anywhere in it draws none."""
    return b"![" in content


def _sorted(text: dict[str, Any]) -> dict[str, Any]:
    """A text table in the stored order (by language), as ``LocalizedText`` keeps it."""
    if len(text) < 2:
        return text
    keys = list(text)
    return text if keys == sorted(keys) else dict(sorted(text.items()))


def _entries(entries: Iterable[Any], feedback: bool) -> list[dict[str, Any]]:
    out = []
    for entry in entries:
        item: dict[str, Any] = {"id": entry.id, "text": _sorted(entry.text)}
        if feedback and entry.feedback is not None:
            item["feedback"] = _sorted(entry.feedback)
        out.append(item)
    return out


def canonical_question(q: Any, default_shuffle: bool) -> dict[str, Any]:
    """A validated question model as ``serialize.question_to_dict`` writes the question it
    makes (key order included, so the JSON text and its hash are the same to the byte)."""
    kind = q.type
    out: dict[str, Any] = {
        "id": q.id,
        "type": kind,
        "topic": q.topic,
        "difficulty": q.difficulty,
        "prompt": _sorted(q.prompt),
    }
    if kind == "single":
        out["choices"] = _entries(q.choices, True)
        out["answer"] = q.answer
    elif kind == "multiple":
        wanted = set(q.answers)
        out["choices"] = _entries(q.choices, True)
        out["answers"] = [c.id for c in q.choices if c.id in wanted]
    elif kind == "true_false":
        out["answer"] = bool(q.answer)
    elif kind == "numeric":
        out["answer"] = float(q.answer)
        out["tolerance"] = float(q.tolerance)
        if q.unit is not None:
            out["unit"] = _sorted(q.unit)
    elif kind == "short_text":
        out["accept"] = {lang: list(values) for lang, values in sorted(q.accept.items())}
    elif kind == "ordering":
        out["items"] = _entries(q.items, False)
    elif kind == "matching":
        out["pairs"] = [
            {"id": p.id, "left": _sorted(p.left), "right": _sorted(p.right)} for p in q.pairs
        ]
    else:  # card
        out["back"] = _sorted(q.back)
    if q.explanation is not None:
        out["explanation"] = _sorted(q.explanation)
    if q.source is not None:
        out["source"] = q.source
    if q.image is not None:
        out["image"] = q.image
    if q.image_alt is not None:
        out["image_alt"] = _sorted(q.image_alt)
    if not (default_shuffle if q.shuffle is None else q.shuffle):
        out["shuffle"] = False
    if q.title is not None:
        out["title"] = q.title
    if q.group is not None:
        out["group"] = q.group
    return out


def encode_model(q: Any, default_shuffle: bool, images: set[str]) -> EncodedQuestion:
    """A validated question model in the bank's stored form; adds the pack files it
    shows (its image, and those its Markdown draws) to ``images``."""
    data = canonical_question(q, default_shuffle)
    text = _ENCODER.encode(data).encode()
    if q.image is not None and media_name(q.image):
        images.add(q.image)
    if _may_draw(text):
        images.update(image_names(question_from_dict(data)))
    return EncodedQuestion(
        q.id,
        q.topic,
        q.type,
        q.difficulty,
        text,
        hashlib.sha256(text).hexdigest(),
        q.source,
        q.image,
        ",".join(sorted(q.prompt)),
        q.group,
    )


def _file_models(files: dict[str, bytes], name: str) -> list[Any]:
    """The question models of one file, its bytes let go; UncleanPackError at any problem."""
    data = files.pop(name)
    try:
        if name.endswith(".json"):
            return list(_QUESTION_FILE.validate_json(data).questions)
        table = tomllib.loads(data.decode("utf-8").removeprefix("\ufeff"))
        return list(_QUESTION_FILE.validate_python(table).questions)
    except (ValidationError, ValueError, RecursionError) as err:  # also TOML and UTF-8
        raise UncleanPackError from err


def encode_clean_pack(files: PackFiles) -> EncodedPack:
    """A clean native pack straight into stored form, a question file at a time (each
    file's bytes are let go once read); UncleanPackError at the first problem of any kind."""
    report = _Report(files)
    manifest = _read_manifest(report)
    if manifest is None or report.pending or report.located:
        raise UncleanPackError
    names = sorted(
        name
        for name in files.files
        if "/" not in name
        and name != limits.MANIFEST
        and PurePosixPath(name).suffix.lower() in limits.QUESTION_SUFFIXES
    )
    # Every file but the question files (let go one by one below): the images.
    ctx = _context({n: data for n, data in files.files.items() if n not in names}, manifest)
    default_shuffle = manifest.shuffle is not False
    images: set[str] = set()
    out: list[EncodedQuestion] = []
    for name in names:
        models = _file_models(files.files, name)
        for index, q in enumerate(models):
            question = encode_model(q, default_shuffle, images)
            for _ in _question_checks(ctx, name, index, q, None, _may_draw(question.content)):
                raise UncleanPackError
            out.append(question)
        del models
    if not out:
        raise UncleanPackError
    media = {name: ctx.files[name] for name in sorted(images) if name in ctx.files}
    info = pack_info_from_dict(manifest.model_dump(exclude_none=True))
    return encoded(EncodedPack(info, out, media))


def load_pack_encoded(path: Path) -> EncodedPack:
    """The native pack at ``path`` in stored form; PackError listing every problem."""
    try:
        return encode_clean_pack(read_pack_files(path))
    except UncleanPackError:
        pass
    return encode_pack(load_pack(path))  # says every problem (or, if none, imports it)


class QuestionEncoder:
    """Checks and encodes questions given as dicts of the native format, a chunk at a
    time, for a pack with no media, groups or retired ids whose topics and languages
    are known as the questions come (a spreadsheet's): UncleanPackError at any problem."""

    def __init__(self, declared: set[str]) -> None:
        self._ctx = _PackContext({}, set(), declared, set(), set(), set(), has_manifest=True)
        self._images: set[str] = set()
        self.questions: list[EncodedQuestion] = []

    def add_topic(self, key: str) -> None:
        self._ctx.topics.add(key)

    def encode(self, chunk: list[dict[str, Any]]) -> None:
        try:
            models = _QUESTIONS.validate_python(chunk)
        except ValidationError as err:
            raise UncleanPackError from err
        start = len(self.questions)
        for index, q in enumerate(models, start):
            question = encode_model(q, True, self._images)
            may_draw = _may_draw(question.content)
            for _ in _question_checks(self._ctx, "questions.json", index, q, None, may_draw):
                raise UncleanPackError
            self.questions.append(question)
        if self._images:  # no file of its own to show
            raise UncleanPackError


def manifest_info(data: dict[str, Any]) -> PackInfo:
    """The pack's information from a manifest given as a dict; UncleanPackError when invalid."""
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as err:
        raise UncleanPackError from err
    return pack_info_from_dict(manifest.model_dump(exclude_none=True))
