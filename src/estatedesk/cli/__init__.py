"""The command line: the same services the window calls, for scripts and for checking a file.

One module per area (``estate``: init, demo, check; ``households``: its import and export; the
tabs to come add theirs), each with its first words (``WORDS``) and a ``register`` that adds its
commands; ``common`` holds what they share. Exit codes: 0 success, 1 input or
file rejected (with the reason), 2 usage error (argparse's own).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from estatedesk import __version__
from estatedesk.cli import cleaning, estate, fees, households, repairs, votes
from estatedesk.cli.common import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, Invocation, log_unexpected, opened
from estatedesk.domain.errors import EstateDeskError
from estatedesk.paths import default_database

__all__ = ["COMMAND_WORDS", "EXIT_OK", "EXIT_REJECTED", "EXIT_USAGE", "build_parser", "main"]

AREAS = (estate, households, fees, votes, repairs, cleaning)
# The first words of the commands (``__main__`` tells a command from the window by them).
COMMAND_WORDS = ("import", "export", *(word for area in AREAS for word in area.WORDS))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``estatedesk``."""
    parser = argparse.ArgumentParser(
        prog="estatedesk",
        description="EstateDesk: households, fees, repairs, cleaning and votes of a residential estate.",
    )
    parser.add_argument("--version", action="version", version=f"EstateDesk {__version__}")
    parser.add_argument(
        "--db", type=Path, metavar="PATH", help=f"estate data file (default: {default_database()})"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    imports = commands.add_parser("import", help="import records from a spreadsheet").add_subparsers(
        dest="what", required=True, metavar="WHAT"
    )
    exports = commands.add_parser("export", help="export records to a spreadsheet").add_subparsers(
        dest="what", required=True, metavar="WHAT"
    )
    for area in AREAS:
        area.register(commands, imports, exports)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one command and return its exit code."""
    args = build_parser().parse_args(argv)
    run = Invocation(args, args.db or default_database(), out or sys.stdout)
    try:
        if not args.opens_estate:
            return int(args.handler(run))
        with opened(run.db_path) as run.estate:
            return int(args.handler(run))
    except EstateDeskError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return EXIT_REJECTED
    except BrokenPipeError:  # the reader stopped early (| head): what was written is all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        return EXIT_OK
    except Exception as error:  # nobody should have to read a traceback: log it, say where
        log_path = log_unexpected(error)
        print(f"error: unexpected problem ({error}); details were written to {log_path}", file=sys.stderr)
        return EXIT_REJECTED
