"""paths.py: where the files are, and writing a file whole or not at all, for its owner only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from estatedesk import paths


def test_a_file_is_written_whole_through_a_temporary_name(tmp_path: Path) -> None:
    target = tmp_path / "名册.pdf"
    seen: list[Path] = []

    def write(temp: Path) -> None:
        seen.append(temp)
        assert not target.exists()  # nothing at the clerk's name until it is complete
        temp.write_text("whole")

    assert paths.write_whole(target, write) == target
    assert target.read_text() == "whole"
    assert seen[0].parent == tmp_path and seen[0].name.startswith(".名册.pdf.")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["名册.pdf"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")

    def broken(temp: Path) -> None:
        temp.write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        paths.write_whole(target, broken)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_two_writers_at_once_each_leave_a_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "icon.png"
    start = threading.Barrier(2)
    contents = {"a": "a" * 200_000, "b": "b" * 200_000}

    def writer(content: str) -> None:
        def write(temp: Path) -> None:
            start.wait()
            temp.write_text(content)

        paths.write_whole(target, write)

    threads = [threading.Thread(target=writer, args=(content,)) for content in contents.values()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_text() in contents.values()
    assert [p.name for p in tmp_path.iterdir()] == ["icon.png"]


def test_the_cache_folder_follows_the_private_data_folder(private_data_dir: Path) -> None:
    assert paths.cache_dir() == private_data_dir / "cache"


# ---------------------------------------------------------------- bytes, owner-only, never replacing


def test_bytes_are_written_whole_for_their_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "名册.xlsx"
    assert paths.write_whole(target, b"whole") == target
    assert target.read_bytes() == b"whole"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    paths.write_whole(target, bytearray(b"again"))  # replaces an earlier export
    assert target.read_bytes() == b"again"
    assert [p.name for p in tmp_path.iterdir()] == ["名册.xlsx"]


def test_a_function_fills_an_owner_only_file(tmp_path: Path) -> None:
    modes: list[int] = []

    def write(temp: Path) -> None:
        modes.append(stat.S_IMODE(temp.stat().st_mode))
        temp.write_bytes(b"pdf")

    paths.write_whole(tmp_path / "名册.pdf", write)
    assert modes == [0o600]
    assert stat.S_IMODE((tmp_path / "名册.pdf").stat().st_mode) == 0o600


@pytest.mark.parametrize("content", [b"new", "function"])
def test_without_overwrite_an_existing_file_is_never_replaced(tmp_path: Path, content: object) -> None:
    target = tmp_path / "备份.sqlite3"
    target.write_bytes(b"old")
    write: paths.Content = content if isinstance(content, bytes) else (lambda temp: temp.write_bytes(b"new"))
    with pytest.raises(FileExistsError):
        paths.write_whole(target, write, overwrite=False)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["备份.sqlite3"]
    paths.write_whole(tmp_path / "其他.sqlite3", b"new", overwrite=False)
    assert (tmp_path / "其他.sqlite3").read_bytes() == b"new"


def test_where_files_cannot_be_nameless_they_are_written_the_named_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)  # FAT on a USB stick, Windows, macOS
    target = tmp_path / "out.csv"
    paths.write_whole(target, b"whole")
    paths.write_whole(target, b"replaced")
    assert target.read_bytes() == b"replaced"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        paths.write_whole(target, b"never", overwrite=False)
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_moving_without_replacing_works_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")  # what FAT answers

    monkeypatch.setattr(os, "link", no_links)
    made = tmp_path / "made"
    made.write_bytes(b"complete")
    paths.move_without_replacing(made, tmp_path / "target")
    assert (tmp_path / "target").read_bytes() == b"complete" and not made.exists()
    made.write_bytes(b"second")
    with pytest.raises(FileExistsError):
        paths.move_without_replacing(made, tmp_path / "target")
    assert (tmp_path / "target").read_bytes() == b"complete"


KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from estatedesk import paths

def stop(descriptor):
    print("written, not yet named", flush=True)
    time.sleep(600)

os.fsync = stop
paths.write_whole(Path(sys.argv[1]), b"13812345678 110105194912310021\\n" * 200_000)
"""


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="nameless files are a Linux feature")
@pytest.mark.parametrize("existing", [False, True])
def test_a_writer_killed_before_the_file_is_whole_leaves_nothing(tmp_path: Path, existing: bool) -> None:
    target = tmp_path / "名册.csv"
    if existing:
        target.write_bytes(b"the export before")
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "written, not yet named"
    finally:
        process.kill()
        process.wait(timeout=30)
    assert [p.name for p in tmp_path.iterdir()] == (["名册.csv"] if existing else [])
    if existing:
        assert target.read_bytes() == b"the export before"


# ---------------------------------------------------------------- what a killed write left (no O_TMPFILE)

PAUSED_NAMED_WRITER = """
import os, sys, time
from pathlib import Path
from estatedesk import paths

del os.O_TMPFILE  # FAT on a USB stick, or Windows: the named way

def stop(descriptor):
    print("written, not yet named", flush=True)
    time.sleep(600)

os.fsync = stop
paths.write_whole(Path(sys.argv[1]), b"13812345678 110105194912310021\\n" * 20_000)
"""


def _start_paused_writer(target: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", PAUSED_NAMED_WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "written, not yet named"
    return process


def _kill(process: subprocess.Popen[str]) -> None:
    process.kill()
    process.wait(timeout=30)


def _partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="deleting O_TMPFILE needs it there first")
@pytest.mark.parametrize("nameless_here", [False, True])
def test_a_partial_file_a_killed_export_left_goes_with_the_next_write_of_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nameless_here: bool
) -> None:
    target = tmp_path / "名册.csv"
    _kill(_start_paused_writer(target))  # a kill -9 mid-export
    left = _partials(tmp_path)
    assert len(left) == 1 and left[0].startswith(".名册.csv.")
    assert b"110105194912310021" in (tmp_path / left[0]).read_bytes()  # full ID numbers, for anyone
    if not nameless_here:
        monkeypatch.delattr(os, "O_TMPFILE")
    paths.write_whole(target, b"the export again")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["名册.csv"]
    assert target.read_bytes() == b"the export again"


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="deleting O_TMPFILE needs it there first")
def test_a_partial_file_of_a_write_under_way_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "O_TMPFILE")
    target = tmp_path / "名册.csv"
    writer = _start_paused_writer(target)
    try:
        theirs = _partials(tmp_path)
        old = (datetime.now() - timedelta(hours=1)).timestamp()
        os.utime(tmp_path / theirs[0], (old, old))  # old or not, a write holds it
        paths.write_whole(target, b"mine")
        paths.write_whole(tmp_path / "other.csv", b"another file")
        assert _partials(tmp_path) == theirs
        assert target.read_bytes() == b"mine"
    finally:
        _kill(writer)
    paths.write_whole(tmp_path / "other.csv", b"another file again")  # old, and held by nobody now
    assert _partials(tmp_path) == []


def test_stale_partials_of_other_files_go_after_a_few_minutes_and_no_other_file(tmp_path: Path) -> None:
    old = (datetime.now() - timedelta(seconds=paths.STALE_PARTIAL_AGE + 60)).timestamp()
    stale = tmp_path / ".户籍.xlsx.0badf00d.partial"
    fresh = tmp_path / ".户籍.csv.5eed5eed.partial"  # perhaps another program's write just begun
    not_ours = [
        tmp_path / name
        for name in (".notes.partial", "x.partial", ".a.csv.partial", ".b.csv.xyz12345.partial")
    ]
    for made in (stale, fresh, *not_ours):
        made.write_bytes(b"13812345678")
        os.utime(made, (old, old) if made is not fresh else None)
    paths.write_whole(tmp_path / "名册.pdf", b"%PDF")
    assert not stale.exists()
    assert fresh.exists() and all(made.exists() for made in not_ours)


def test_a_partial_of_the_same_file_goes_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    left = tmp_path / ".名册.csv.0badf00d.partial"
    left.write_bytes(b"13812345678")
    paths.write_whole(tmp_path / "名册.csv", lambda temp: temp.write_bytes(b"made by a function"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["名册.csv"]


# ---------------------------------------------------------------- owner-only files opened by open()


def test_the_private_opener_makes_files_for_their_owner_only(tmp_path: Path) -> None:
    made = tmp_path / "estatedesk.log"
    with open(made, "a", encoding="utf-8", opener=paths.private_opener) as stream:
        stream.write("line\n")
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    older = tmp_path / "older.log"
    older.write_text("written by an earlier version\n", encoding="utf-8")
    older.chmod(0o644)
    with open(older, "a", encoding="utf-8", opener=paths.private_opener) as stream:
        stream.write("line\n")
    assert stat.S_IMODE(older.stat().st_mode) == 0o600
    assert older.read_text(encoding="utf-8") == "written by an earlier version\nline\n"
