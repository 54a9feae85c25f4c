"""Messages several readers share, and pydantic's errors said in English and Chinese.

Every message is a ``Message(en, zh)``; placeholders (names, numbers, the offending
text) are the same in both, so a reader of either finds the place to fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quiz_app.core.errors import Message

NO_QUESTIONS = Message("holds no questions", "没有题目")
NO_SUCH_FILE = Message("no such file or folder", "没有这个文件或文件夹")


def not_utf8(byte: int, advice: Message | None = None) -> Message:
    """Text that is not UTF-8 at ``byte``; by default the advice is to save it so."""
    advice = advice or Message("save it as UTF-8", "请以 UTF-8 保存")
    return Message(
        f"is not UTF-8 text (byte {byte}); {advice.en}",
        f"不是 UTF-8 文本（第 {byte} 字节）；{advice.zh}",
    )


def too_big(size: int, limit: int) -> Message:
    return Message(
        f"file is {size:,} bytes, over the limit of {limit:,} bytes",
        f"文件大小为 {size:,} 字节，超过上限 {limit:,} 字节",
    )


def cannot_read(why: str | None) -> Message:
    return Message(f"cannot be read ({why})", f"无法读取（{why}）")


def json_syntax(message: str, column: int) -> Message:
    return Message(
        f"JSON syntax error: {message} (column {column})",
        f"JSON 语法错误：{message}（第 {column} 列）",
    )


def did_you_mean(close: str | None) -> Message:
    """`` (did you mean 'x'?)`` to append to a message, or nothing."""
    if close is None:
        return Message("", "")
    return Message(f" (did you mean '{close}'?)", f"（是否指“{close}”？）")


def languages_zh(codes: str) -> str:
    """``en and zh`` (as ``native`` joins language codes) in Chinese: ``en 和 zh``."""
    return codes.replace(" and ", " 和 ")


# pydantic's error types, in Chinese; {name} takes the error's context.
_PYDANTIC_ZH = {
    "missing": "缺少此字段",
    "extra_forbidden": "不允许有此字段",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "float_type": "应为数字",
    "bool_type": "应为 true 或 false",
    "dict_type": "应为表（TOML 的表或 JSON 的对象）",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "model_type": "应为表（TOML 的表或 JSON 的对象）",
    "model_attributes_type": "应为表（TOML 的表或 JSON 的对象）",
    "string_too_short": "至少需要 {min_length} 个字符",
    "string_too_long": "最多 {max_length} 个字符",
    "string_pattern_mismatch": "应符合格式“{pattern}”",
    "too_short": "至少需要 {min_length} 项，现有 {actual_length} 项",
    "too_long": "最多 {max_length} 项，现有 {actual_length} 项",
    "greater_than_equal": "应大于或等于 {ge}",
    "less_than_equal": "应小于或等于 {le}",
    "greater_than": "应大于 {gt}",
    "less_than": "应小于 {lt}",
    "literal_error": "应为 {expected}",
    "enum": "应为 {expected}",
    "datetime_type": "应为日期时间",
    "datetime_parsing": "不是有效的日期时间",
    "datetime_from_date_parsing": "不是有效的日期时间",
    "timezone_aware": "需要带时区的日期时间",
    "finite_number": "必须是有限的数",
    "json_type": "应为 JSON 值",
    "union_tag_invalid": "类型“{tag}”未知；可用的类型有 {expected_tags}",
    "union_tag_not_found": "缺少用于区分类型的字段 {discriminator}",
}


def pydantic_message(
    error: Mapping[str, Any], where: str, known: Mapping[str, str] | None = None
) -> Message:
    """A pydantic error about the field ``where`` (empty: the whole value), for a person.

    A value our own validators refuse carries its Chinese in the error's context
    (``schema.refused``); ``known`` gives the Chinese of other validators' messages.
    """
    # "Value error, needs ...": pydantic's prefix says nothing to the reader
    en = str(error["msg"]).removeprefix("Value error, ")
    en = en[0].lower() + en[1:] if en else en
    ctx = error.get("ctx") or {}
    kind = error["type"]
    if kind == "refused":
        zh = str(ctx["zh"])
    elif en in (known or {}):
        zh = (known or {})[en]
    elif kind in _PYDANTIC_ZH:
        try:
            zh = _PYDANTIC_ZH[kind].format(**{k: _shown(v) for k, v in ctx.items()})
        except (KeyError, IndexError):  # a context this pydantic does not give
            zh = f"值无效：{en}"
    else:
        zh = f"值无效：{en}"
    if where:
        return Message(f"'{where}': {en}", f"“{where}”：{zh}")
    return Message(en, zh)


def _shown(value: object) -> str:
    """A context value as pydantic's English shows it (``'en' or 'zh'``, ``1`` for 1.0),
    in Chinese."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("' or '", "' 或 '")
