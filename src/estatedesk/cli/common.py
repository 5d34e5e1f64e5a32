"""What every command shares: exit codes, the open estate, printing, and the log of unexpected errors."""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO, TypeAlias

from estatedesk.paths import log_file
from estatedesk.services import estate as estate_service
from estatedesk.services import interchange

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


@dataclass
class Invocation:
    """One run of a command: its arguments, the data file, where it prints, and the open estate."""

    args: argparse.Namespace
    db_path: Path
    out: TextIO
    estate: estate_service.Estate | None = None

    def say(self, text: str) -> None:
        """Print one line of the command's output."""
        print(text, file=self.out)

    def say_json(self, value: object) -> None:
        """Print the command's result as one line of JSON (Chinese as it is, not escaped)."""
        print(json.dumps(value, ensure_ascii=False), file=self.out)

    @property
    def open_estate(self) -> estate_service.Estate:
        """The estate the command works on (for commands registered with ``opens_estate``)."""
        assert self.estate is not None, "the command was registered without opens_estate"
        return self.estate


Handler = Callable[[Invocation], int]


def command(parser: argparse.ArgumentParser, handler: Handler, opens_estate: bool = True) -> None:
    """Make ``handler`` run for ``parser``'s command, with the estate file open unless told otherwise."""
    parser.set_defaults(handler=handler, opens_estate=opens_estate)


def positive(text: str) -> int:
    """An argparse type: a whole number above zero."""
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive whole number")
    return value


@contextmanager
def opened(path: Path) -> Iterator[estate_service.Estate]:
    """Open an estate for one command and close it after, whatever happens."""
    estate = estate_service.open_estate(path)
    try:
        yield estate
    finally:
        estate.close()


def log_unexpected(error: BaseException) -> Path:
    """Append the traceback of an error nobody should have to read to the log; return the log."""
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as log:
        log.write(f"{datetime.now().isoformat(timespec='seconds')} estatedesk {' '.join(sys.argv[1:])}\n")
        log.write("".join(traceback.format_exception(error)))
    return path


def import_file(run: Invocation, sheet: interchange.TableSheet[Any], noun: str) -> int:
    """Preview a file for ``sheet`` and import it: errors as ``row N: column: reason``, or JSON.

    ``noun`` names what a row is in the summary line (``imported 2 new rooms, updated 0``).
    """
    args = run.args
    result = interchange.run_import(interchange.preview(sheet, args.file), valid_only=args.valid_only)
    if args.json:
        run.say_json(result.as_json())
    else:
        for error in result.errors:
            run.say(f"row {error.row}: {error.column}: {error.reason}")
        if result.written:
            run.say(f"imported {result.imported} new {noun}, updated {result.updated}")
        else:
            run.say("nothing imported: fix the rows above, or use --valid-only")
    return EXIT_OK if not result.errors else EXIT_REJECTED


# argparse's type for what add_subparsers() returns; it has no public name.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_import(imports: Subcommands, word: str, what: str) -> argparse.ArgumentParser:
    """``import WORD FILE [--valid-only] [--json]`` for one table."""
    parser: argparse.ArgumentParser = imports.add_parser(word, help=f"{what} (.xlsx or .csv)")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--valid-only", action="store_true", help="import the good rows even when some rows are bad"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def add_export(exports: Subcommands, word: str, what: str) -> argparse.ArgumentParser:
    """``export WORD FILE [--masked]`` for one table."""
    parser: argparse.ArgumentParser = exports.add_parser(word, help=f"{what} (.xlsx or .csv)")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--masked", action="store_true", help="hide the middle digits of phone and ID numbers"
    )
    return parser
