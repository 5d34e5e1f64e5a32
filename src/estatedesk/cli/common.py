"""What every command shares: exit codes, the open estate, printing, and the log of unexpected errors."""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO, TypeAlias

from estatedesk.domain.errors import InputRejected, ValidationError
from estatedesk.paths import PRIVATE_MODE, log_file
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


def naming_options(handler: Handler, field_options: Mapping[str, str]) -> Handler:
    """Run ``handler`` as the ``--clerk`` named (if the command has one); a refusal names the options.

    The services name the fields of their input (``amount``, ``candidates.2``); the command line
    tells them as the options that fed them (``--amount``, ``--candidates``), or as ``field_options``
    says where an option is not ``--`` and the field's name.
    """

    @functools.wraps(handler)
    def run(invocation: Invocation) -> int:
        clerk = getattr(invocation.args, "clerk", None)
        try:
            if clerk is not None:
                estate_service.set_clerk(clerk)
            return handler(invocation)
        except InputRejected as rejected:
            raise InputRejected([as_option(error, field_options) for error in rejected.errors]) from None
        except ValidationError as error:
            raise InputRejected([as_option(error, field_options)]) from None
        finally:
            if clerk is not None:
                estate_service.set_clerk(None)

    return run


def as_option(error: ValidationError, field_options: Mapping[str, str]) -> ValidationError:
    """The same problem, its field named as the option (``amount`` → ``--amount``)."""
    field = error.field
    if not field.startswith("-") and not field.isupper():
        field = field.partition(".")[0]  # candidates.2 → candidates: the message names which one
        field = field_options.get(field, "--" + field.replace("_", "-"))
    return ValidationError(field, error.template, **error.params)


def add_command(
    words: Subcommands, word: str, handler: Handler, help_text: str, field_options: Mapping[str, str]
) -> argparse.ArgumentParser:
    """A subcommand whose refusals name its options (``naming_options``)."""
    parser: argparse.ArgumentParser = words.add_parser(word, help=help_text, description=help_text)
    command(parser, naming_options(handler, field_options))
    return parser


def positive(text: str) -> int:
    """An argparse type: a whole number above zero."""
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive whole number")
    return value


@contextmanager
def opened(path: Path) -> Iterator[estate_service.Estate]:
    """Open an estate for one command and close it after, whatever happens.

    A file that opens read-only (damaged, or on a write-protected stick) says so on stderr: a
    look at it (``check``, ``export``) goes on; a write fails with ``EstateFileReadOnly``.
    """
    estate = estate_service.open_estate(path)
    try:
        if estate.read_only is not None:
            note = estate_service.EstateFileReadOnly(estate.path, estate.read_only).message
            print(f"note: {note}", file=sys.stderr)
        yield estate
    finally:
        estate.close()


def log_unexpected(error: BaseException) -> Path:
    """Append the traceback of an error nobody should have to read to the log; return the log."""
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Owner-only, as every file the program makes: a traceback may quote what was being written.
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_MODE)
    with open(descriptor, "a", encoding="utf-8") as log:
        log.write(f"{datetime.now().isoformat(timespec='seconds')} estatedesk {' '.join(sys.argv[1:])}\n")
        log.write("".join(traceback.format_exception(error)))
    return path


# What to say when an import was refused for want of a confirmation (by ImportResult.unconfirmed).
_UNCONFIRMED = {
    interchange.REMOVALS: "the file removes what is listed above: to remove it, add --allow-removals",
    interchange.WARNINGS: "rows above need confirming: to accept them, add --accept-warnings",
}


def import_file(run: Invocation, sheet: interchange.TableSheet[Any], noun: str) -> int:
    """Preview a file for ``sheet`` and import it: errors as ``row N: column: reason``, or JSON.

    Removals and warnings are listed as ``row N (record): what``; the import refuses them unless
    ``--allow-removals`` and ``--accept-warnings`` say yes. ``noun`` names what a row is in the
    summary line (``imported 2 new rooms, updated 0, unchanged 0``).
    """
    args = run.args
    previewed = interchange.preview(sheet, args.file)
    result = interchange.run_import(
        previewed,
        valid_only=args.valid_only,
        allow_removals=args.allow_removals,
        accept_warnings=args.accept_warnings,
    )
    if args.json:
        run.say_json(result.as_json())
    else:
        for error in result.errors:
            run.say(f"row {error.row}: {error.column}: {error.reason}")
        names = {row.row: row.change.name for row in previewed.rows if row.change is not None}
        for notice in [*previewed.removals, *previewed.warnings]:
            run.say(f"row {notice.row} ({names.get(notice.row, '')}): {notice.reason}")
        if result.written:
            run.say(
                f"imported {result.imported} new {noun}, updated {result.updated},"
                f" unchanged {result.unchanged}"
            )
        elif result.unconfirmed:
            for what in result.unconfirmed:
                run.say(f"nothing imported: {_UNCONFIRMED[what]}")
        else:
            run.say("nothing imported: fix the rows above, or use --valid-only")
    return EXIT_OK if not result.errors and not result.unconfirmed else EXIT_REJECTED


# argparse's type for what add_subparsers() returns; it has no public name.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_import(imports: Subcommands, word: str, what: str) -> argparse.ArgumentParser:
    """``import WORD FILE [--valid-only] [--allow-removals] [--accept-warnings] [--json]`` for one table."""
    parser: argparse.ArgumentParser = imports.add_parser(word, help=f"{what} (.xlsx or .csv)")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--valid-only", action="store_true", help="import the good rows even when some rows are bad"
    )
    parser.add_argument(
        "--allow-removals",
        action="store_true",
        help="remove what the file's empty cells remove (owners, tenants, parking spaces, phone numbers:"
        " listed first)",
    )
    parser.add_argument(
        "--accept-warnings",
        action="store_true",
        help="accept what needs confirming (a new parking space, a rented room without a tenant, a person"
        " changed in their other rooms too)",
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
