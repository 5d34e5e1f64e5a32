"""Writing export files (services/interchange/writing.py): whole files only, and only where they can be."""

from __future__ import annotations

from pathlib import Path

import pytest

from estatedesk.domain.errors import FileNotWritten
from estatedesk.services.households.sheet import export_households
from estatedesk.services.interchange import InterchangeFileError, writing
from estatedesk.store.db import EstateFile


def test_export_leaves_no_half_file(
    furnished: EstateFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def broken(path: Path, *_args: object) -> None:
        path.write_bytes(b"half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(writing, "write_xlsx", broken)
    with pytest.raises(RuntimeError):
        export_households(target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "estate.sqlite3",
        "estate.sqlite3-shm",
        "estate.sqlite3-wal",
        "estate.sqlite3.lock",
        "out.xlsx",
    ]


def test_export_refuses_unknown_formats_and_missing_folders(furnished: EstateFile, tmp_path: Path) -> None:
    with pytest.raises(InterchangeFileError, match=r"not an \.xlsx or \.csv"):
        export_households(tmp_path / "out.pdf")
    with pytest.raises(FileNotWritten, match="cannot write"):
        export_households(tmp_path / "missing" / "out.csv")
