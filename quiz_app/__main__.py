"""``quiz-app`` (or ``change-quiz``): the GUI with no subcommand, the command line with
one, and ``--self-test``."""

from __future__ import annotations

import os
import sys

PRIVATE_UMASK = 0o077
"""Whatever the app creates (the bank and its journal, backups, logs, settings, exports)
is readable by its owner alone: it holds learners' names and results and the PIN hash."""


def main(argv: list[str] | None = None) -> int:
    os.umask(PRIVATE_UMASK)
    from quiz_app.cli.main import build_parser, run_command

    options = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if options.self_test:
        from quiz_app.selftest import run_self_test

        return run_self_test()
    if options.command is None:
        from quiz_app.ui.app import run_gui

        return run_gui(options.db)
    return run_command(options)


if __name__ == "__main__":
    sys.exit(main())
