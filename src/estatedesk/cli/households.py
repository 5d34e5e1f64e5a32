"""``import households`` and ``export households``: the households file as a spreadsheet."""

from __future__ import annotations

from pathlib import Path

from estatedesk.cli.common import EXIT_OK, Invocation, Subcommands, add_import, command, import_file
from estatedesk.services.households import sheet


def register(imports: Subcommands, exports: Subcommands) -> None:
    """Add this area's words to ``import`` and ``export``."""
    command(add_import(imports, "households", "rooms, owners and tenants"), run_import)
    export = exports.add_parser("households", help="rooms, owners and tenants (.xlsx or .csv)")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument(
        "--masked", action="store_true", help="hide the middle digits of phone and ID numbers"
    )
    command(export, run_export)


def run_import(run: Invocation) -> int:
    """Import rooms, owners and tenants; rooms already on file are updated by their code."""
    return import_file(run, sheet.HOUSEHOLDS, noun="rooms")


def run_export(run: Invocation) -> int:
    """Export every room not archived."""
    count = sheet.export_households(run.args.file, masked=run.args.masked)
    run.say(f"exported {count} rooms to {run.args.file}")
    return EXIT_OK
