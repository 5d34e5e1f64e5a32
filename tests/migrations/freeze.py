"""Write the frozen database of the current schema version: ``data/schema_v<N>.sqlite3``.

Run it once when a migration lands (``python tests/migrations/freeze.py``) and commit the file;
tests/migrations/test_frozen_databases.py then upgrades every frozen file on every run. A
frozen file is never rewritten: it stands for the files that users of that version have.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import date
from pathlib import Path

from estatedesk.domain.households import Flag, Occupancy, ResidentRole, RoomUse
from estatedesk.services import households
from estatedesk.services.households import PersonInput, ResidentInput, RoomInput
from estatedesk.store import audit
from estatedesk.store.db import create_estate
from estatedesk.store.migrations import SCHEMA_VERSION

DATA_DIR = Path(__file__).resolve().parent / "data"
ESTATE_NAME = "冻结样本小区"


def frozen_path(version: int, folder: Path = DATA_DIR) -> Path:
    """Where the frozen database of ``version`` lives."""
    return folder / f"schema_v{version}.sqlite3"


def fill() -> None:
    """A small estate with every kind of record the households file knows."""
    audit.set_actor("freeze")
    wang = PersonInput("王玥", "13800138000", "11010519491231002X", landline="0571-88886666")
    li = PersonInput("李喆", "13912345678")
    zhang = PersonInput("张堃", "", "440106197512121234")
    first = households.create_room(
        RoomInput(
            "3",
            "2",
            "501",
            "89.50",
            flags=frozenset({Flag.ELDERLY_ALONE}),
            note="老人独居，每周探访",
            owners=[wang, li],
            residents=[ResidentInput("李小喆", role=ResidentRole.FAMILY)],
            parking=["P-001"],
        ),
        confirmed={"new_parking:P-001"},
    )
    households.create_room(
        RoomInput(
            "3",
            "2",
            "1002",
            "120.35",
            occupancy=Occupancy.RENTED,
            owners=[wang],
            residents=[
                ResidentInput(
                    "赵六",
                    "13700137000",
                    role=ResidentRole.TENANT,
                    lease_from=date(2025, 3, 1),
                    lease_to=date(2026, 2, 28),
                    landline="010-62345678-8",
                )
            ],
            parking=["P-002", "P-003"],
        ),
        confirmed={"new_parking:P-002", "new_parking:P-003"},
    )
    households.create_room(
        RoomInput(
            "10",
            "1",
            "101",
            "45.00",
            use=RoomUse.SHOP,
            occupancy=Occupancy.RENTED,
            flags=frozenset({Flag.HARDSHIP, Flag.DISABLED}),
            owners=[zhang, PersonInput("曾伟")],
            residents=[ResidentInput("单雄", "18612345678", lease_from=date(2024, 6, 1))],
        )
    )
    garage = households.create_room(
        RoomInput(
            "10",
            "",
            "G1",
            "15.2",
            use=RoomUse.GARAGE,
            occupancy=Occupancy.VACANT,
            owners=[zhang],
        )
    )
    households.create_room(RoomInput("2", "1", "301", "72.38", occupancy=Occupancy.VACANT))
    # history: an edit, an archived room and a deleted one
    households.update_room(
        first,
        RoomInput(
            "3",
            "2",
            "501",
            "89.50",
            flags=frozenset({Flag.ELDERLY_ALONE}),
            note="老人独居，每周探访",
            owners=[wang, li, PersonInput("张堃", "", "440106197512121234")],
            residents=[ResidentInput("李小喆", role=ResidentRole.FAMILY)],
            parking=["P-001"],
        ),
    )
    households.update_room(
        garage,
        RoomInput(
            "10",
            "",
            "G1",
            "15.20",
            use=RoomUse.GARAGE,
            occupancy=Occupancy.VACANT,
            owners=[zhang],
            note="待售",
        ),
    )
    households.remove_room(garage)
    mistake = households.create_room(RoomInput("2", "1", "302", "72.38"))
    households.remove_room(mistake)


def freeze(folder: Path = DATA_DIR, force: bool = False) -> Path:
    """Write the frozen database of ``SCHEMA_VERSION`` into ``folder`` and return its path."""
    target = frozen_path(SCHEMA_VERSION, folder)
    if target.exists() and not force:
        raise SystemExit(
            f"{target} exists: frozen databases are never rewritten (use --force only "
            "if this version was never released)"
        )
    target.unlink(missing_ok=True)
    estate = create_estate(target, ESTATE_NAME)
    try:
        fill()
        estate.database.execute_sql("VACUUM")
    finally:
        estate.close()
    # A single self-contained file: a look at it (even read-only) must leave nothing beside it.
    connection = sqlite3.connect(target)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
    target.with_name(target.name + ".lock").unlink(missing_ok=True)
    return target


def main(argv: list[str] | None = None) -> int:
    """Command line: ``freeze.py [--output DIR] [--force]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, default=DATA_DIR, help="folder to write into")
    parser.add_argument("--force", action="store_true", help="replace an existing frozen file")
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    print(freeze(args.output, args.force))
    return 0


if __name__ == "__main__":
    sys.exit(main())
