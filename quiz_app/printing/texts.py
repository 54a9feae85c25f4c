"""What a printed quiz says of its own, in each language the app speaks.

Not Qt translations: a teacher may print in Chinese from an English window (or from the
command line, which loads no translator), so each text carries both languages itself.
"""

from __future__ import annotations

from quiz_app.core.text import LocalizedText


def _t(en: str, zh: str) -> LocalizedText:
    return LocalizedText.of({"en": en, "zh": zh})


NAME = _t("Name:", "姓名：")
CLASS = _t("Class:", "班级：")
DATE = _t("Date:", "日期：")
PAGE = _t("Page %1 of %2", "第 %1 页，共 %2 页")
ANSWER_KEY = _t("Answer key", "答案")
TICK_ONE = _t("Tick one box.", "请勾选一项。")
TICK_ALL = _t("Tick every right answer.", "请勾选所有正确答案。")
TRUE = _t("True", "正确")
FALSE = _t("False", "错误")
ANSWER = _t("Answer:", "答案：")
IN_UNIT = _t("(in %1)", "（单位：%1）")
ORDER = _t(
    "Number the boxes in the right order: 1 for the first.",
    "请在方框中按正确顺序填写序号：第一个填 1。",
)
MATCH = _t(
    "Write the letter of its partner beside each item.",
    "请在每一项旁边写出与之配对的字母。",
)
RECALL = _t("Write the answer.", "请写出答案。")
SEED = _t("seed %1", "种子 %1")
QUESTIONS = _t("%1 questions", "%1 道题")
ABOUT_CHOICE = _t("%1: ", "%1：")
ACCEPTED = _t("Also accepted: %1", "也可接受：%1")
FIRST_TO_LAST = _t("(first to last)", "（从先到后）")
DEFAULT_TITLE = _t("Chang'e Quiz", "嫦娥问答")
APP = _t("Chang'e Quiz %1", "嫦娥问答 %1")


def fill(text: LocalizedText, language: str, *values: object) -> str:
    """``text`` in ``language`` with %1, %2 ... replaced by ``values``."""
    out = text.get(language)
    for i, value in enumerate(values, start=1):
        out = out.replace(f"%{i}", str(value))
    return out
