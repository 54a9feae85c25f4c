"""``quiz-app quiz print``: a quiz on paper, as a PDF, with its answer key.

Messages are in the language of the print (``--lang``): a teacher printing in Chinese
reads Chinese.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from quiz_app import __version__
from quiz_app.core.errors import QuizError
from quiz_app.core.text import LANGUAGES, LocalizedText
from quiz_app.services.bank import open_bank
from quiz_app.services.packs import list_packs
from quiz_app.services.paper import draw_paper_quiz, paper_filter, save_paper

EXIT_OK, EXIT_PROBLEMS = 0, 1  # as in cli.main
SEEDS = 1_000_000
"""A seed drawn for the teacher is below this: six digits at most, easy to copy."""


def add_quiz_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    quiz = commands.add_parser("quiz", help="quizzes on paper")
    actions = quiz.add_subparsers(dest="action", metavar="ACTION", required=True)
    paper = actions.add_parser(
        "print",
        help="a quiz as a PDF to print: the questions, then the answer key on pages of its own",
        description="Print every question of the chosen packs and topics, or --count of "
        "them drawn at random. The same --seed on the same bank prints the same quiz "
        "again; without one a seed is drawn and shown.",
    )
    paper.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    paper.add_argument(
        "--pack",
        dest="packs",
        action="append",
        default=[],
        metavar="ID",
        help="only this pack (repeat for more; default: every pack)",
    )
    paper.add_argument(
        "--topic",
        dest="topics",
        action="append",
        default=[],
        metavar="ID",
        help="only this topic, by the id its pack gives it (repeat for more)",
    )
    paper.add_argument(
        "--count", type=int, metavar="N", help="draw N questions (default: all that match)"
    )
    paper.add_argument("--seed", type=int, metavar="S", help="draw with this seed")
    paper.add_argument("--lang", choices=LANGUAGES, default="en", help="default: en")
    paper.add_argument("--title", help="the heading of the first page (default: the pack's)")
    paper.add_argument("--no-key", action="store_true", help="leave out the answer key")


def _say(en: str, zh: str, language: str) -> str:
    return LocalizedText.of({"en": en, "zh": zh}).get(language)


def quiz_print(options: argparse.Namespace, out: TextIO) -> int:
    language = options.lang
    try:
        return _print(options, out)
    except QuizError as err:
        print(f"quiz-app: {err.message(language)}", file=sys.stderr)
        return EXIT_PROBLEMS


def _print(options: argparse.Namespace, out: TextIO) -> int:
    language: str = options.lang
    path: Path = options.out
    if path.suffix.lower() != ".pdf":
        raise QuizError(
            f"{path}: give a file name ending in .pdf.",
            zh=f"{path}：请给出以 .pdf 结尾的文件名。",
        )
    if path.exists():
        raise QuizError(
            f"{path} already exists; choose a new name.",
            zh=f"{path} 已经存在；请换一个文件名。",
        )
    if not path.parent.is_dir():
        raise QuizError(
            f"There is no folder {path.parent} to write {path.name} into.",
            zh=f"没有可以写入 {path.name} 的文件夹 {path.parent}。",
        )
    seed = options.seed if options.seed is not None else secrets.randbelow(SEEDS)
    database = open_bank(options.db)
    try:
        draw = paper_filter(database, options.packs, options.topics)
        paper = draw_paper_quiz(database, draw, options.count, seed)
        titles = {s.id: s.title for s in list_packs(database)}
    finally:
        database.close()
    from quiz_app.printing.paper import print_paper, version_line
    from quiz_app.printing.texts import DEFAULT_TITLE

    title = options.title
    if title is None:
        used = [pack for pack, _ in paper.packs]
        title = (titles[used[0]] if len(used) == 1 else DEFAULT_TITLE).get(language)
    printed = print_paper(
        paper,
        language,
        title=title,
        version_line=version_line(paper, __version__, datetime.now().date(), language),
        answer_key=not options.no_key,
    )
    save_paper(path, printed.pdf)
    count = len(paper.questions)
    key = ""
    if printed.key_page is not None:
        key = _say(
            f", the answer key from page {printed.key_page}",
            f"，答案从第 {printed.key_page} 页开始",
            language,
        )
    print(
        _say(
            f"Wrote {path}: {count} question(s) on {printed.pages} page(s){key}.",
            f"已写入 {path}：{count} 道题，共 {printed.pages} 页{key}。",
            language,
        ),
        file=out,
    )
    print(
        _say(
            f"Seed {seed}: the same command with --seed {seed} prints this quiz again "
            "from the same bank.",
            f"种子 {seed}：在同一命令中加上 --seed {seed} 即可从同一题库再次打印这份测验。",
            language,
        ),
        file=out,
    )
    return EXIT_OK
