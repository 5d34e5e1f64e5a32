"""paths.py: where the files are, and writing a file whole or not at all, for its owner only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
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
