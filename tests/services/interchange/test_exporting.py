"""An export of full phone and ID numbers goes in the audit trail (services/interchange/exporting.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from estatedesk.services.households.sheet import export_households
from estatedesk.store import audit
from estatedesk.store.db import EstateFile, ReadOnlyReason, open_estate
from estatedesk.store.models import AuditEntry
from helpers.households_sheet import ID_ZHANG


def exports() -> list[tuple[str, str, int | None, dict[str, object] | None]]:
    rows = AuditEntry.select().where(AuditEntry.action == "export").order_by(AuditEntry.id)
    return [(row.actor, row.entity, row.room_id, audit.load(row.after)) for row in rows]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_with_full_numbers_is_recorded(furnished: EstateFile, tmp_path: Path, suffix: str) -> None:
    """Before, one full number looked at was recorded, and a file with all of them was not."""
    audit.set_actor("王玥")
    target = tmp_path / f"住户{suffix}"
    assert export_households(target) == 4
    assert exports() == [("王玥", "households", None, {"rooms": 4, "masked": False, "file": target.name})]


def test_a_masked_export_is_not_recorded(furnished: EstateFile, tmp_path: Path) -> None:
    target = tmp_path / "住户.csv"
    assert export_households(target, masked=True) == 4
    assert ID_ZHANG not in target.read_text(encoding="utf-8-sig")
    assert exports() == []


def test_a_file_open_read_only_still_exports_without_a_record(
    furnished: EstateFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = furnished.path
    furnished.close()
    monkeypatch.setattr("estatedesk.store.db.can_write", lambda _path: False)  # a write-protected stick
    estate = open_estate(path)
    try:
        assert estate.read_only is ReadOnlyReason.NOT_WRITABLE
        target = tmp_path / "住户.csv"
        assert export_households(target) == 4
        assert ID_ZHANG in target.read_text(encoding="utf-8-sig")
        assert exports() == []
    finally:
        estate.close()


def test_an_export_whose_record_cannot_be_written_leaves_no_file(
    furnished: EstateFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_args: object, **_kwargs: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(audit, "record", full_disk)
    target = tmp_path / "住户.csv"
    with pytest.raises(OSError, match="No space"):
        export_households(target)
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("住户")) == []
