"""paths.py: where the files are, and writing a file whole or not at all."""

from __future__ import annotations

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
