"""``quiz-app packs ...``, ``quiz-app results ...``, ``quiz-app quiz ...`` and ``quiz-app db ...``.

A user's mistake (a bad pack, an unknown id, a bank that cannot be opened) is printed to
stderr as a message with a non-zero exit code; only a bug shows a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from quiz_app import __version__
from quiz_app.cli.paper import add_quiz_parser, quiz_print
from quiz_app.core.errors import (
    LearnerClashError,
    PackError,
    PartialPackError,
    QuizError,
    ResultsFileError,
)
from quiz_app.core.importing import ImportKind, ImportPlan
from quiz_app.core.serialize import question_to_dict
from quiz_app.core.text import LANGUAGES
from quiz_app.packs.formats import READERS
from quiz_app.packs.rich_text import to_plain
from quiz_app.packs.schema import Manifest, QuestionFile
from quiz_app.services.backups import (
    BackupReason,
    list_backups,
    open_for_backups,
    restore_backup,
)
from quiz_app.services.bank import (
    DATABASE_ENV_VAR,
    Database,
    check_bank,
    database_url,
    open_bank,
)
from quiz_app.services.exchange import MergeReport, export_results, merge_results
from quiz_app.services.files import write_text_whole
from quiz_app.services.learners import clear_password, list_learners
from quiz_app.services.packs import (
    EXPORT_FORMATS,
    export_pack,
    get_pack,
    import_pack,
    list_packs,
    validate_pack,
)
from quiz_app.services.results import class_results, results_csv
from quiz_app.services.server import (
    ServerConnection,
    ServerReport,
    add_class,
    connect_to_server,
    disconnect_from_server,
    init_server,
    upgrade_server,
)
from quiz_app.services.teacher import check_pin, has_pin, set_pin

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quiz-app",
        description="Chang'e Quiz. With no command, opens the app's window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this copy of the app works (a fresh bank in a temporary folder, "
        "the built-in packs, a quiz graded, a question drawn offscreen) and exit",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help=f"the question bank: a file path or SQLAlchemy URL (default: ${DATABASE_ENV_VAR}, "
        "else the user data directory)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    packs = commands.add_parser("packs", help="list, check, import, export and show packs")
    pack_commands = packs.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = pack_commands.add_parser("list", help="the packs in the bank")
    listing.add_argument("--json", action="store_true", help="print JSON")
    validate = pack_commands.add_parser("validate", help="check packs without importing them")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    validate.add_argument(
        "--format",
        dest="kind",
        choices=sorted(READERS),
        help="the file's format (default: from its name)",
    )
    importing = pack_commands.add_parser("import", help="import a pack (folder or .zip)")
    importing.add_argument("path", type=Path, metavar="PATH")
    importing.add_argument(
        "--pin-env",
        metavar="VAR",
        help="for scripts: read the teacher PIN from environment variable VAR "
        "(otherwise it is asked for when the bank has one)",
    )
    importing.add_argument(
        "--format",
        dest="kind",
        choices=sorted(READERS),
        help="the file's format (default: from its name: a folder or .zip is a native pack, "
        ".gift is GIFT, .aiken is Aiken, .txt is Aiken if it has 'ANSWER: X' lines and GIFT "
        "otherwise, .xml is Moodle XML, .csv and .xlsx are spreadsheets)",
    )
    importing.add_argument(
        "--dry-run", action="store_true", help="print what would change, change nothing"
    )
    importing.add_argument(
        "--force",
        action="store_true",
        help="import even an older version, or the same version changed",
    )
    importing.add_argument(
        "--skip-invalid",
        action="store_true",
        help="GIFT, Aiken and Moodle XML: import the questions that can be read, leaving out "
        "those reported: questions Moodle would refuse, and essays, descriptions and cloze "
        "items this app cannot hold (without it, a file with any such question imports "
        "nothing)",
    )
    export = pack_commands.add_parser("export", help="write a pack from the bank to files")
    export.add_argument("pack_id", metavar="ID")
    export.add_argument(
        "destination", type=Path, metavar="DEST", help="a new folder, or a file ending in .zip"
    )
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="toml",
        help="toml or json: a native pack (folder, or .zip); gift, csv, xlsx, aiken or "
        "moodle-xml: one file (default: toml)",
    )
    export.add_argument(
        "--language",
        choices=LANGUAGES,
        default="en",
        help="GIFT, Aiken and Moodle XML hold one language: the one to write (default: en)",
    )
    show = pack_commands.add_parser("show", help="a pack's questions")
    show.add_argument("pack_id", metavar="ID")
    show.add_argument(
        "--json", action="store_true", help="print the questions in the native schema, as JSON"
    )
    schema = pack_commands.add_parser("schema", help="print the JSON Schemas of the format")
    schema.add_argument(
        "--write",
        type=Path,
        metavar="DIR",
        help="write pack.schema.json and questions.schema.json into DIR",
    )

    results = commands.add_parser("results", help="class results (teacher)")
    result_commands = results.add_subparsers(dest="action", metavar="ACTION", required=True)
    export_results = result_commands.add_parser(
        "export", help="write class results as CSV: by learner, pack or question"
    )
    export_results.add_argument("destination", type=Path, metavar="FILE")
    export_results.add_argument(
        "--by",
        choices=("learner", "pack", "question"),
        default="question",
        help="one row per learner, pack or question (default: "
        "question, with facility and discrimination indices)",
    )
    export_results.add_argument(
        "--pin-env", metavar="VAR", help="for scripts: read the teacher PIN from variable VAR"
    )
    export_learners = result_commands.add_parser(
        "export-learners",
        help="write learners' quizzes and answers to a file, to merge into another bank",
    )
    export_learners.add_argument("destination", type=Path, metavar="FILE")
    export_learners.add_argument(
        "--learner",
        dest="learners",
        action="append",
        metavar="NAME",
        help="only this learner (repeat for more; default: every learner)",
    )
    export_learners.add_argument(
        "--pin-env", metavar="VAR", help="for scripts: read the teacher PIN from variable VAR"
    )
    merge = result_commands.add_parser(
        "merge", help="merge a file written by export-learners: all of it, or nothing"
    )
    merge.add_argument("path", type=Path, metavar="FILE")
    merge.add_argument(
        "--dry-run", action="store_true", help="print what would change, change nothing"
    )
    merge.add_argument(
        "--same-learner",
        action="append",
        default=[],
        metavar="NAME",
        help="NAME in the file and NAME in this bank are one learner, though created on "
        "two computers (repeat for each)",
    )
    merge.add_argument(
        "--pin-env", metavar="VAR", help="for scripts: read the teacher PIN from variable VAR"
    )

    add_quiz_parser(commands)

    database = commands.add_parser("db", help="the question bank itself")
    db_commands = database.add_subparsers(dest="action", metavar="ACTION", required=True)
    db_commands.add_parser("check", help="check integrity and schema version")
    db_commands.add_parser("backups", help="the bank's backups: when, why, what each holds")
    restore = db_commands.add_parser(
        "restore",
        help="put a backup in place of the bank (the bank is backed up first; teacher PIN)",
    )
    restore.add_argument("backup", type=Path, metavar="FILE")
    restore.add_argument(
        "--pin-env", metavar="VAR", help="for scripts: read the teacher PIN from variable VAR"
    )

    teacher = commands.add_parser("teacher", help="the teacher PIN, learners' passwords")
    teacher_commands = teacher.add_subparsers(dest="action", metavar="ACTION", required=True)
    set_pin_command = teacher_commands.add_parser(
        "set-pin",
        help="set the teacher PIN (4 to 12 digits), or change it (the current one is asked)",
    )
    set_pin_command.add_argument(
        "--pin-env", metavar="VAR", help="for scripts: read the current PIN from variable VAR"
    )
    set_pin_command.add_argument(
        "--new-pin-env", metavar="VAR", help="for scripts: read the new PIN from variable VAR"
    )
    server = commands.add_parser("server", help="a classroom server's bank (PostgreSQL)")
    server_commands = server.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = server_commands.add_parser(
        "init", help="make the class's bank on an empty PostgreSQL database"
    )
    init.add_argument("url", metavar="URL", help="postgresql+psycopg://USER@HOST[:PORT]/DATABASE")
    upgrade = server_commands.add_parser(
        "upgrade",
        help="bring the server's bank to this version (pg_dump first; one at a time)",
    )
    upgrade.add_argument(
        "url", metavar="URL", nargs="?", help="the server's bank (default: --db or $QUIZ_APP_DB)"
    )
    upgrade.add_argument("--backups", type=Path, metavar="DIR", help="where the pg_dump goes")

    connect = server_commands.add_parser(
        "connect",
        help="use the classroom server's bank on this computer (the password: in ~/.pgpass)",
    )
    connect.add_argument("host", metavar="HOST")
    connect.add_argument("database", metavar="DATABASE")
    connect.add_argument("--user", required=True, metavar="USER")
    connect.add_argument("--port", type=int, default=5432, metavar="PORT")
    server_commands.add_parser("disconnect", help="back to this computer's own bank")
    add_class_command = server_commands.add_parser(
        "add-class",
        help="a role for one class's computers: they see only their own class's learners",
    )
    add_class_command.add_argument("url", metavar="URL", help="the server's bank (teacher)")
    add_class_command.add_argument("role", metavar="ROLE", help="e.g. class_7b")
    add_class_command.add_argument(
        "--password-stdin",
        action="store_true",
        help="for scripts: read the role's password from the first line of stdin",
    )

    clear = teacher_commands.add_parser(
        "clear-password",
        help="take away a learner's password (one forgotten); they can choose a new one",
    )
    clear.add_argument("learner", metavar="NAME", help="the learner's name")
    clear.add_argument(
        "--pin-env", metavar="VAR", help="for scripts: read the teacher PIN from variable VAR"
    )
    return parser


def run_cli(argv: list[str]) -> int:
    return run_command(build_parser().parse_args(argv))


def run_command(options: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    handler = _HANDLERS[(options.command, options.action)]
    try:
        return handler(options, out)
    except (PackError, ResultsFileError) as err:
        print(err, file=sys.stderr)
        return EXIT_PROBLEMS
    except QuizError as err:
        print(f"quiz-app: {err}", file=sys.stderr)
        return EXIT_PROBLEMS


def _print_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _packs_list(options: argparse.Namespace, out: TextIO) -> int:
    database = open_bank(options.db)
    try:
        summaries = list_packs(database)
    finally:
        database.close()
    if options.json:
        _print_json(
            [
                {
                    "id": s.id,
                    "version": s.version,
                    "title": s.title.as_dict(),
                    "question_count": s.question_count,
                    "retired_count": s.retired_count,
                    "by_topic": {t.key: t.question_count for t in s.topics},
                    "by_type": dict(s.by_type),
                    "by_difficulty": {str(k): v for k, v in s.by_difficulty.items()},
                    "by_language": dict(s.by_language),
                }
                for s in summaries
            ],
            out,
        )
        return EXIT_OK
    if not summaries:
        print("The bank holds no packs. Import one with: quiz-app packs import PATH", file=out)
    for s in summaries:
        print(f"{s.id}  {s.version}  {s.question_count} questions  {s.title.get('en')}", file=out)
    return EXIT_OK


def _packs_validate(options: argparse.Namespace, out: TextIO) -> int:
    failed = 0
    for path in options.paths:
        problems = validate_pack(path, options.kind)
        if problems:
            failed += 1
            count = len(problems)
            print(f"{path}: {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
            for problem in problems:
                print(f"  {problem}", file=sys.stderr)
        else:
            print(f"{path}: ok", file=out)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _describe_plan(plan: ImportPlan, dry_run: bool, out: TextIO) -> None:
    if plan.kind is ImportKind.UNCHANGED:
        print(f"{plan.pack_id} {plan.new_version} is already in the bank: nothing to do.", file=out)
        return
    was = "new pack" if plan.old_version is None else f"was {plan.old_version}"
    verb = "Would import" if dry_run else "Imported"
    print(
        f"{verb} {plan.pack_id} {plan.new_version} ({was}): {len(plan.added)} added, "
        f"{len(plan.changed)} changed, {len(plan.retired)} retired, "
        f"{len(plan.restored)} restored, {plan.unchanged} unchanged.",
        file=out,
    )
    if plan.skipped:
        leave = "would leave out" if dry_run else "left out"
        print(
            f"It {leave} {len(plan.skipped)} question(s) that cannot be read or held here:",
            file=out,
        )
        for problem in plan.skipped:
            print(f"  {problem}", file=out)
    if plan.notes:
        print(f"{len(plan.notes)} note(s) on questions changed on the way in:", file=out)
        for problem in plan.notes:
            print(f"  {problem}", file=out)
    if dry_run:
        for label, keys in (
            ("added", plan.added),
            ("changed", plan.changed),
            ("retired", plan.retired),
            ("restored", plan.restored),
        ):
            for key in keys:
                print(f"  {label}: {key}", file=out)


NO_PIN_NOTE = (
    "note: this bank has no teacher PIN, so anyone can run teacher commands. "
    "Set one with: quiz-app teacher set-pin"
)


def _require_teacher(database: Database, options: argparse.Namespace) -> None:
    """Teacher commands need the PIN once the bank has one (and say how to set one)."""
    if not has_pin(database):
        print(NO_PIN_NOTE, file=sys.stderr)
        return
    if options.pin_env:
        pin = os.environ.get(options.pin_env)
        if pin is None:
            raise QuizError(f"the environment variable {options.pin_env} is not set")
    elif sys.stdin.isatty():
        pin = getpass.getpass("Teacher PIN: ")
    else:
        raise QuizError(
            "this bank has a teacher PIN: give it with --pin-env VAR, "
            "or run the command in a terminal"
        )
    check_pin(database, pin)


def _packs_import(options: argparse.Namespace, out: TextIO) -> int:
    database = open_bank(options.db)
    try:
        _require_teacher(database, options)
        plan = import_pack(
            database,
            options.path,
            force=options.force,
            dry_run=options.dry_run,
            kind=options.kind,
            skip_invalid=options.skip_invalid,
        )
    except PartialPackError as err:
        print(err, file=sys.stderr)
        print(
            f"Nothing was imported. The other {len(err.pack.questions)} question(s) can be "
            "read: import them with --skip-invalid.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    finally:
        database.close()
    _describe_plan(plan, options.dry_run, out)
    if options.dry_run and plan.skipped and not options.skip_invalid:
        print("To import the rest, run again with --skip-invalid.", file=out)
        return EXIT_PROBLEMS
    return EXIT_OK


def _packs_export(options: argparse.Namespace, out: TextIO) -> int:
    database = open_bank(options.db)
    try:
        report = export_pack(
            database, options.pack_id, options.destination, options.format, options.language
        )
    finally:
        database.close()
    info = report.pack.info
    print(
        f"Wrote {info.id} {info.version} ({report.written} questions) to {options.destination}",
        file=out,
    )
    if report.left_out:
        print(f"Left out {len(report.left_out)} that {options.format} cannot hold:", file=out)
        for key, why in report.left_out:
            print(f"  {key}: {why.en}", file=out)
    if report.notes:
        print(f"Wrote {len(report.notes)} as the nearest thing {options.format} has:", file=out)
        for key, how in report.notes:
            print(f"  {key}: {how.en}", file=out)
    return EXIT_OK


def _packs_show(options: argparse.Namespace, out: TextIO) -> int:
    database = open_bank(options.db)
    try:
        pack = get_pack(database, options.pack_id)
    finally:
        database.close()
    if options.json:
        _print_json({"questions": [question_to_dict(q) for q in pack.questions]}, out)
        return EXIT_OK
    print(f"{pack.info.id} {pack.info.version}: {pack.info.title.get('en')}", file=out)
    for q in pack.questions:
        print(
            f"  {q.key:<32} {q.type.value:<10} d{q.difficulty} {q.topic:<14} "
            f"{to_plain(q.prompt.get('en'))[:70]}",
            file=out,
        )
    return EXIT_OK


def schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schemas of pack.toml and of a question file."""
    return {
        "pack.schema.json": Manifest.model_json_schema(),
        "questions.schema.json": QuestionFile.model_json_schema(),
    }


def _packs_schema(options: argparse.Namespace, out: TextIO) -> int:
    if options.write is None:
        _print_json(schemas(), out)
        return EXIT_OK
    options.write.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas().items():
        target = options.write / name
        target.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {target}", file=out)
    return EXIT_OK


def _results_export(options: argparse.Namespace, out: TextIO) -> int:
    database = open_bank(options.db)
    try:
        _require_teacher(database, options)
        text = results_csv(class_results(database), options.by)
    finally:
        database.close()
    if options.destination.exists():
        raise QuizError(f"{options.destination} already exists; choose a new name")
    write_text_whole(options.destination, text)
    rows = text.count("\n") - 1
    print(f"Wrote {rows} row(s) by {options.by} to {options.destination}", file=out)
    return EXIT_OK


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def describe_merge(report: MergeReport, name: str, dry_run: bool) -> str:
    """The one-line summary of a merge (or of what a dry run would merge)."""
    verb = "Would merge" if dry_run else "Merged"
    text = (
        f"{verb} {name}: {_count(report.learners_added, 'learner', 'learners')} added, "
        f"{_count(report.sessions_added, 'quiz', 'quizzes')} added "
        f"({report.sessions_already_there} already here), "
        f"{_count(report.answers_added, 'answer', 'answers')} added "
        f"({report.answers_already_there} already here)."
    )
    if report.sessions_finished:
        text += (
            f" {_count(report.sessions_finished, 'quiz', 'quizzes')} already here "
            "finished since the last merge."
        )
    if report.scores_corrected:
        text += (
            f" {_count(report.scores_corrected, 'score', 'scores')} in the file did not match "
            "what the answer earns against this bank's question: scored again."
        )
    return text


def _results_export_learners(options: argparse.Namespace, out: TextIO) -> int:
    database = open_bank(options.db)
    try:
        _require_teacher(database, options)
        if options.destination.exists():
            raise QuizError(f"{options.destination} already exists; choose a new name")
        exported = export_results(database, options.destination, options.learners)
    finally:
        database.close()
    print(
        f"Wrote {_count(exported.learners, 'learner', 'learners')}, "
        f"{_count(exported.sessions, 'quiz', 'quizzes')} and "
        f"{_count(exported.answers, 'answer', 'answers')} to {options.destination}",
        file=out,
    )
    return EXIT_OK


def _results_merge(options: argparse.Namespace, out: TextIO) -> int:
    database = open_bank(options.db)
    try:
        _require_teacher(database, options)
        report = merge_results(
            database, options.path, dry_run=options.dry_run, same_learners=options.same_learner
        )
    except LearnerClashError as err:
        print(err, file=sys.stderr)
        names = " ".join(f"--same-learner {shlex.quote(name)}" for name in err.names)
        print(
            f"Nothing was merged. If they are the same learners, merge again with {names}; "
            "if not, rename the learner on one computer first.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    except ResultsFileError as err:
        print(err, file=sys.stderr)
        print("Nothing was merged: the bank is as it was.", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        database.close()
    print(describe_merge(report, options.path.name, options.dry_run), file=out)
    return EXIT_OK


def _db_check(options: argparse.Namespace, out: TextIO) -> int:
    database = open_bank(options.db, builtin=False)
    try:
        report = check_bank(database)
    finally:
        database.close()
    print(f"bank: {report.url}", file=out)
    print(f"schema: {report.schema} (latest {report.latest_schema})", file=out)
    for problem in report.problems:
        print(f"problem: {problem}", file=sys.stderr)
    verdict = "ok" if not report.problems else "FAILED"
    print(f"integrity: {verdict} (checked: {report.checked})", file=out)
    return EXIT_OK if report.healthy else EXIT_PROBLEMS


_REASONS = {
    BackupReason.UPGRADE: "before upgrade",
    BackupReason.CLOSE: "on close",
    BackupReason.RESTORE: "before restore",
    BackupReason.MANUAL: "manual",
}


def _db_backups(options: argparse.Namespace, out: TextIO) -> int:
    database = open_for_backups(options.db)
    try:
        backups = list_backups(database)
    finally:
        database.close()
    if not backups:
        print("No backups of this bank yet.", file=out)
    for b in backups:
        when = b.stamp.when.astimezone().strftime("%Y-%m-%d %H:%M")
        if b.contents is None:
            holds = f"DAMAGED, cannot be restored ({b.problem})"
        else:
            c = b.contents
            holds = (
                f"{_count(c.learners, 'learner', 'learners')}, "
                f"{_count(c.quizzes, 'quiz', 'quizzes')}, "
                f"{_count(c.answers, 'answer', 'answers')}, {_count(c.packs, 'pack', 'packs')}"
            )
        size = f"{b.size / 1_000_000:.1f} MB"
        print(f"{when}  {_REASONS[b.stamp.reason]:<14}  {holds}  {size}  {b.path}", file=out)
    return EXIT_OK


def _db_restore(options: argparse.Namespace, out: TextIO) -> int:
    database = open_bank(options.db, builtin=False)
    try:
        _require_teacher(database, options)
        result = restore_backup(database, options.backup, datetime.now(UTC))
    finally:
        database.close()
    upgraded = f" (upgraded from schema {result.migrated_from})" if result.migrated_from else ""
    print(f"Restored {result.restored}{upgraded}.", file=out)
    print(f"The bank as it was is in {result.undo}: restore that file to undo.", file=out)
    return EXIT_OK


def _teacher_set_pin(options: argparse.Namespace, out: TextIO) -> int:
    database = open_bank(options.db, builtin=False)
    try:
        current = None
        if has_pin(database):
            current = _pin_from(options.pin_env, "Current teacher PIN: ")
        if options.new_pin_env:
            new = _pin_from(options.new_pin_env, "")
        else:
            new = _pin_from(None, "New teacher PIN (4 to 12 digits): ")
            if _pin_from(None, "The same PIN again: ") != new:
                raise QuizError("the two PINs differ; nothing was set")
        set_pin(database, new, current)
    finally:
        database.close()
    print("The teacher PIN is set: teacher commands now ask for it.", file=out)
    return EXIT_OK


def _pin_from(variable: str | None, prompt: str) -> str:
    """A PIN from the environment variable ``variable``, else typed in a terminal."""
    if variable:
        pin = os.environ.get(variable)
        if pin is None:
            raise QuizError(f"the environment variable {variable} is not set")
        return pin
    if not sys.stdin.isatty():
        raise QuizError("give the PIN with --pin-env/--new-pin-env VAR, or run in a terminal")
    return getpass.getpass(prompt)


def _describe_server(report: ServerReport, out: TextIO) -> None:
    if report.schema_before == report.schema:
        print(f"{report.where}: schema {report.schema}, already current.", file=out)
    else:
        was = "empty" if report.schema_before is None else f"was {report.schema_before}"
        print(f"{report.where}: schema {report.schema} ({was}).", file=out)
    if report.dump is not None:
        print(f"A copy taken first: {report.dump} (restore with pg_restore).", file=out)
    for plan in report.packs:
        print(f"Built-in pack {plan.pack_id} {plan.new_version} installed.", file=out)


def _server_init(options: argparse.Namespace, out: TextIO) -> int:
    _describe_server(init_server(options.url), out)
    return EXIT_OK


def _server_upgrade(options: argparse.Namespace, out: TextIO) -> int:
    url = options.url or database_url(options.db)
    _describe_server(upgrade_server(url, dump_folder=options.backups), out)
    return EXIT_OK


def _server_connect(options: argparse.Namespace, out: TextIO) -> int:
    connection = ServerConnection(options.host, options.database, options.user, options.port)
    where = connect_to_server(connection)
    print(f"This computer now uses the classroom server's bank: {where}", file=out)
    return EXIT_OK


def _server_add_class(options: argparse.Namespace, out: TextIO) -> int:
    password: str | None = None
    if options.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n") or None
    elif sys.stdin.isatty():
        password = getpass.getpass(f"Password for {options.role} (empty: set none): ") or None
        if password is not None and getpass.getpass("The same password again: ") != password:
            raise QuizError("the two passwords differ; nothing was made")
    report = add_class(options.url, options.role, password)
    made = "made" if report.made else "already there"
    print(f"Class role {report.role} ({made}) is in {report.group}.", file=out)
    if password is None and report.made:
        print("It has no password yet: set one with ALTER ROLE, or run this again.", file=out)
    print(f"On each of the class's computers: quiz-app {report.connect_command}", file=out)
    return EXIT_OK


def _server_disconnect(options: argparse.Namespace, out: TextIO) -> int:
    disconnect_from_server()
    print("This computer uses its own bank again.", file=out)
    return EXIT_OK


def _teacher_clear_password(options: argparse.Namespace, out: TextIO) -> int:
    database = open_bank(options.db, builtin=False)
    try:
        _require_teacher(database, options)
        found = [one for one in list_learners(database) if one.name == options.learner]
        if not found:
            raise QuizError(f"there is no learner called {options.learner}")
        if not found[0].has_password:
            print(f"{options.learner} has no password: nothing to clear.", file=out)
            return EXIT_OK
        clear_password(database, found[0].id)
    finally:
        database.close()
    print(f"{options.learner}'s password is cleared: they can choose a new one.", file=out)
    return EXIT_OK


_HANDLERS = {
    ("packs", "list"): _packs_list,
    ("packs", "validate"): _packs_validate,
    ("packs", "import"): _packs_import,
    ("packs", "export"): _packs_export,
    ("packs", "show"): _packs_show,
    ("packs", "schema"): _packs_schema,
    ("results", "export"): _results_export,
    ("results", "export-learners"): _results_export_learners,
    ("results", "merge"): _results_merge,
    ("quiz", "print"): quiz_print,
    ("db", "check"): _db_check,
    ("db", "backups"): _db_backups,
    ("db", "restore"): _db_restore,
    ("teacher", "set-pin"): _teacher_set_pin,
    ("teacher", "clear-password"): _teacher_clear_password,
    ("server", "init"): _server_init,
    ("server", "upgrade"): _server_upgrade,
    ("server", "connect"): _server_connect,
    ("server", "disconnect"): _server_disconnect,
    ("server", "add-class"): _server_add_class,
}
