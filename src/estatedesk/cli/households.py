"""``import households`` and ``export households``: the households file as a spreadsheet."""

from __future__ import annotations

from estatedesk.cli.common import (
    EXIT_OK,
    Invocation,
    Subcommands,
    add_export,
    add_import,
    command,
    import_file,
)
from estatedesk.services.households import sheet

WORDS: tuple[str, ...] = ()  # no command of its own: it adds "households" to import and export


def register(_commands: Subcommands, imports: Subcommands, exports: Subcommands) -> None:
    """Add ``households`` to ``import`` and ``export``."""
    command(add_import(imports, "households", "rooms, owners and tenants"), run_import)
    command(add_export(exports, "households", "rooms, owners and tenants"), run_export)


def run_import(run: Invocation) -> int:
    """Import rooms, owners and tenants; rooms already on file are updated by their code."""
    return import_file(run, sheet.HOUSEHOLDS, noun="rooms")


def run_export(run: Invocation) -> int:
    """Export every room not archived."""
    count = sheet.export_households(run.args.file, masked=run.args.masked)
    run.say(f"exported {count} rooms to {run.args.file}")
    return EXIT_OK
