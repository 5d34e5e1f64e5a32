"""The command line: the same services the GUI calls, for scripts and for checking a file.

Exit codes: 0 success, 1 input or file rejected, 2 usage error (argparse's own).
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from estatedesk import __version__
from estatedesk.domain.errors import EstateDeskError
from estatedesk.paths import default_database, log_file
from estatedesk.services import demo as demo_service
from estatedesk.services import interchange
from estatedesk.store.backup import check_estate
from estatedesk.store.db import EstateFile, create_estate, discard_estate_file, open_estate

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


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

    init = commands.add_parser("init", help="create a new, empty estate file")
    init.add_argument("--name", required=True, help="the estate's name, e.g. 幸福里小区")

    demo = commands.add_parser("demo", help="create a demo estate with made-up households")
    demo.add_argument("--households", type=_positive, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument("--name", default="幸福里小区（演示）", help="the demo estate's name")

    imp = commands.add_parser("import", help="import records from a spreadsheet")
    imp_what = imp.add_subparsers(dest="what", required=True, metavar="WHAT")
    imp_households = imp_what.add_parser("households", help="rooms, owners and tenants (.xlsx or .csv)")
    imp_households.add_argument("file", type=Path, metavar="FILE")
    imp_households.add_argument(
        "--valid-only", action="store_true", help="import the good rows even when some rows are bad"
    )
    imp_households.add_argument("--json", action="store_true", help="print the result as JSON")

    exp = commands.add_parser("export", help="export records to a spreadsheet")
    exp_what = exp.add_subparsers(dest="what", required=True, metavar="WHAT")
    exp_households = exp_what.add_parser("households", help="rooms, owners and tenants (.xlsx or .csv)")
    exp_households.add_argument("file", type=Path, metavar="FILE")
    exp_households.add_argument(
        "--masked", action="store_true", help="hide the middle digits of phone and ID numbers"
    )

    check = commands.add_parser("check", help="check the file's integrity, version and counts")
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive whole number")
    return value


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one command and return its exit code."""
    stream = out or sys.stdout
    args = build_parser().parse_args(argv)
    db_path: Path = args.db or default_database()
    try:
        if args.command == "init":
            create_estate(db_path, args.name).close()
            print(f"created {db_path}", file=stream)
            return EXIT_OK
        if args.command == "demo":
            return _demo(db_path, args, stream)
        with _Opened(db_path) as estate:
            if args.command == "import":
                return _import(args, stream)
            if args.command == "export":
                count = interchange.export_households(args.file, masked=args.masked)
                print(f"exported {count} rooms to {args.file}", file=stream)
                return EXIT_OK
            return _check(estate, args.json, stream)
    except EstateDeskError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return EXIT_REJECTED
    except Exception as error:  # nobody should have to read a traceback: log it, say where
        log_path = _log_unexpected(error)
        print(f"error: unexpected problem ({error}); details were written to {log_path}", file=sys.stderr)
        return EXIT_REJECTED


def _log_unexpected(error: Exception) -> Path:
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as log:
        log.write(f"{datetime.now().isoformat(timespec='seconds')} estatedesk {' '.join(sys.argv[1:])}\n")
        log.write("".join(traceback.format_exception(error)))
    return path


class _Opened:
    """Open an estate for one command and close it after."""

    def __init__(self, path: Path) -> None:
        self.estate = open_estate(path)

    def __enter__(self) -> EstateFile:
        return self.estate

    def __exit__(self, *exc: object) -> None:
        self.estate.close()


def _demo(db_path: Path, args: argparse.Namespace, stream: TextIO) -> int:
    estate = create_estate(db_path, args.name)
    try:
        summary = demo_service.generate(args.households, args.seed)
    except BaseException:
        estate.close()
        discard_estate_file(estate.path)  # a half-made demo is of no use to anyone
        raise
    estate.close()
    print(
        f"created demo estate {db_path}: {summary.buildings} buildings, {summary.rooms} rooms, "
        f"{summary.people} people, {summary.tenants} tenants, {summary.parking_spaces} parking spaces",
        file=stream,
    )
    return EXIT_OK


def _import(args: argparse.Namespace, stream: TextIO) -> int:
    preview = interchange.preview_households(args.file)
    result = interchange.import_households(preview, valid_only=args.valid_only)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False), file=stream)
    else:
        for error in result.errors:
            print(f"row {error.row}: {error.column}: {error.reason}", file=stream)
        if result.written:
            print(f"imported {result.imported} new rooms, updated {result.updated}", file=stream)
        else:
            print("nothing imported: fix the rows above, or use --valid-only", file=stream)
    return EXIT_OK if not result.errors else EXIT_REJECTED


def _check(estate: EstateFile, as_json: bool, stream: TextIO) -> int:
    report = check_estate(estate)
    if as_json:
        print(
            json.dumps(
                {
                    "ok": report.ok,
                    "schema": report.schema,
                    "counts": report.counts,
                    "integrity": report.integrity,
                    "foreign_key_problems": report.foreign_key_problems,
                    "stale_summaries": report.stale_summaries,
                    "layout_problems": report.layout_problems,
                },
                ensure_ascii=False,
            ),
            file=stream,
        )
    else:
        print(f"file: {estate.path}", file=stream)
        print(f"estate: {estate.estate_name}", file=stream)
        print(f"schema version: {report.schema}", file=stream)
        print(f"integrity: {', '.join(report.integrity)}", file=stream)
        print(f"broken links: {report.foreign_key_problems}", file=stream)
        print(f"stale list summaries: {report.stale_summaries}", file=stream)
        for problem in report.layout_problems:
            print(f"layout: {problem}", file=stream)
        for name, count in report.counts.items():
            print(f"{name}: {count}", file=stream)
        print("OK" if report.ok else "PROBLEMS FOUND", file=stream)
    return EXIT_OK if report.ok else EXIT_REJECTED
