"""The estate file's lock (store/db.py): a file open in another EstateDesk is refused clearly."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from estatedesk.services import households
from estatedesk.store.db import EstateFileError, create_estate, open_estate
from estatedesk.store.models import database_proxy

HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from estatedesk.store.db import open_estate

    estate = open_estate(Path(sys.argv[1]))
    print("open", flush=True)
    sys.stdin.readline()  # hold the file until the test lets go
    estate.close()
    print("closed", flush=True)
""")


@pytest.fixture
def estate_path(tmp_path: Path) -> Path:
    path = tmp_path / "estate.sqlite3"
    created = create_estate(path, "测试小区")
    households.create_room(households.RoomInput("1", "1", "101", "60"))
    created.close()
    return path


@pytest.fixture
def holder(estate_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another EstateDesk process that has the estate open."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(estate_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if line != "open":
        process.kill()
        problem = process.stderr.read() if process.stderr else ""
        pytest.fail(f"the holder did not open the file: {line!r} {problem}")
    yield process
    if process.poll() is None:
        process.kill()
        process.wait(timeout=10)


def release(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("\n")
    process.stdin.flush()
    assert process.stdout.readline().strip() == "closed"
    assert process.wait(timeout=30) == 0


def test_a_file_held_by_another_estatedesk_is_refused_until_it_lets_go(
    estate_path: Path, holder: subprocess.Popen[str]
) -> None:
    before = estate_path.read_bytes()
    with pytest.raises(EstateFileError) as caught:
        open_estate(estate_path)
    assert "another EstateDesk" in caught.value.message
    assert str(estate_path) in caught.value.message
    assert database_proxy.obj is None
    assert estate_path.read_bytes() == before

    release(holder)
    estate = open_estate(estate_path)
    try:
        assert [row.code for row in households.list_rooms()] == ["1-1-101"]
    finally:
        estate.close()


def test_a_crashed_holder_does_not_keep_the_file_locked(
    estate_path: Path, holder: subprocess.Popen[str]
) -> None:
    holder.kill()  # no close(), no clean exit: the operating system drops the lock
    holder.wait(timeout=10)
    estate = open_estate(estate_path)
    estate.close()
