"""The estate file's lock (store/locking.py): a file open in another EstateDesk is refused, by any name."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from estatedesk.services import households
from estatedesk.store import locking
from estatedesk.store.db import (
    EstateFileError,
    EstateFileInUse,
    EstateFileOnNetwork,
    create_estate,
    open_estate,
)
from estatedesk.store.locking import (
    DRIVE_REMOTE,
    NETWORK_FILESYSTEMS,
    FileLock,
    is_on_network_share,
    mount_filesystem,
    windows_path_is_remote,
)
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


# ---------------------------------------------------------------- the lock is on the file, not its name


def _other_name(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> Path:
    if kind == "hard link":
        hard = tmp_path / "另一个名字.sqlite3"
        os.link(path, hard)
        return hard
    if kind == "symbolic link":
        soft = tmp_path / "link.sqlite3"
        soft.symlink_to(path)
        return soft
    elsewhere = tmp_path / "sub"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return Path("..") / path.name


@pytest.mark.parametrize("name", ["hard link", "symbolic link", "relative path"])
def test_another_name_for_a_held_file_is_refused_too(
    estate_path: Path,
    holder: subprocess.Popen[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    other = _other_name(estate_path, tmp_path, monkeypatch, name)
    before = estate_path.read_bytes()
    with pytest.raises(EstateFileInUse) as caught:
        open_estate(other)
    assert "another EstateDesk" in caught.value.message
    assert database_proxy.obj is None
    assert estate_path.read_bytes() == before


@pytest.mark.parametrize("name", ["hard link", "symbolic link", "relative path"])
def test_an_import_through_another_name_is_refused_while_the_file_is_held(
    estate_path: Path,
    holder: subprocess.Popen[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    """The probe's case: a second process reached the file by a hard link, imported, was told it worked."""
    other = _other_name(estate_path, tmp_path, monkeypatch, name)
    sheet = tmp_path / "rooms.csv"
    sheet.write_text("楼栋,单元,房号,专有面积\n9,1,101,60\n", encoding="utf-8-sig")
    done = subprocess.run(
        [sys.executable, "-m", "estatedesk", "--db", str(other), "import", "households", str(sheet)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "open in another EstateDesk window" in done.stderr
    release(holder)
    if name == "hard link":
        other.unlink()  # with two names the file is not opened at all (test_db: other names)
    estate = open_estate(estate_path)
    try:
        assert [row.code for row in households.list_rooms()] == ["1-1-101"]
    finally:
        estate.close()


def test_a_holder_cannot_reach_the_file_by_a_hard_link_at_all(estate_path: Path, tmp_path: Path) -> None:
    """Before, a holder by a hard link kept the first name out, but its journal had the link's name."""
    hard = tmp_path / "hard.sqlite3"
    os.link(estate_path, hard)
    done = subprocess.run(
        [sys.executable, "-c", HOLDER, str(hard)], input="\n", capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0 and "EstateFileHasOtherNames" in done.stderr
    hard.unlink()
    open_estate(estate_path).close()


def test_no_lock_file_is_left_beside_the_data_file(estate_path: Path) -> None:
    estate = open_estate(estate_path)
    try:
        assert not estate_path.with_name(estate_path.name + ".lock").exists()
    finally:
        estate.close()
    assert sorted(p.name for p in estate_path.parent.iterdir()) == [estate_path.name]


def test_in_use_is_an_estate_file_error_of_its_own() -> None:
    path = Path("/data/estate.sqlite3")
    refusal = EstateFileInUse(path)
    assert isinstance(refusal, EstateFileError)
    assert refusal.message == f"{path} is open in another EstateDesk window; close it there first"


def test_the_lock_tells_the_locked_files_status(estate_path: Path, tmp_path: Path) -> None:
    lock = FileLock.acquire(estate_path)
    try:
        assert lock.status().st_nlink == 1
        os.link(estate_path, tmp_path / "hard.sqlite3")
        assert lock.status().st_nlink == 2
        assert lock.status().st_ino == estate_path.stat().st_ino
    finally:
        lock.release()
    with pytest.raises(ValueError):
        lock.status()


def test_a_lock_released_twice_is_released_once(estate_path: Path) -> None:
    lock = FileLock.acquire(estate_path)
    assert lock.held
    lock.release()
    lock.release()
    assert not lock.held
    FileLock.acquire(estate_path).release()


# ---------------------------------------------------------------- Windows (a fake msvcrt: it runs there only)


class FakeMsvcrt:
    """Records what msvcrt.locking is asked, and where the descriptor was when it was asked."""

    LK_UNLCK, LK_LOCK, LK_NBLCK = 0, 1, 2

    def __init__(self) -> None:
        self.position = 0
        self.calls: list[tuple[int, int, int, int]] = []
        self.refuse = False

    def seek(self, descriptor: int, offset: int, whence: int) -> int:
        assert whence == os.SEEK_SET
        self.position = offset
        return offset

    def locking(self, descriptor: int, mode: int, nbytes: int, /) -> None:
        self.calls.append((descriptor, mode, nbytes, self.position))
        if self.refuse and mode == self.LK_NBLCK:
            raise PermissionError(13, "Permission denied")  # what _locking says of a byte held elsewhere


def test_the_windows_lock_locks_and_unlocks_the_same_byte_from_its_offset() -> None:
    runtime = FakeMsvcrt()
    locking.lock_windows_byte(7, runtime, runtime.seek)
    runtime.position = 0  # SQLite moved the position meanwhile
    locking.unlock_windows_byte(7, runtime, runtime.seek)
    offset = locking.WINDOWS_LOCK_OFFSET
    assert runtime.calls == [(7, FakeMsvcrt.LK_NBLCK, 1, offset), (7, FakeMsvcrt.LK_UNLCK, 1, offset)]


def test_the_windows_lock_byte_is_past_any_byte_sqlite_uses_whatever_the_page_size() -> None:
    # The largest database: 2**32 pages (a page number has 32 bits) of 65,536 bytes. Inside the
    # lock page (from 0x40000000) only for pages of 4096 bytes or more, as the byte before was.
    largest_page, page_numbers = 65536, 2**32
    assert largest_page * page_numbers <= locking.WINDOWS_LOCK_OFFSET


def test_a_byte_held_elsewhere_on_windows_is_refused_as_in_use(
    estate_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = FakeMsvcrt()
    runtime.refuse = True
    monkeypatch.setattr(locking, "_lock", lambda fd: locking.lock_windows_byte(fd, runtime, runtime.seek))
    with pytest.raises(EstateFileInUse):
        FileLock.acquire(estate_path)


def test_the_lock_is_let_go_before_its_descriptor_is_closed(
    estate_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = FakeMsvcrt()
    open_when_unlocked: list[bool] = []

    def unlock(descriptor: int) -> None:
        os.fstat(descriptor)  # raises if the descriptor were closed already
        open_when_unlocked.append(True)
        locking.unlock_windows_byte(descriptor, runtime, runtime.seek)

    monkeypatch.setattr(locking, "_unlock", unlock)
    lock = FileLock.acquire(estate_path)
    lock.release()
    lock.release()
    assert open_when_unlocked == [True]
    assert [call[1:] for call in runtime.calls] == [(FakeMsvcrt.LK_UNLCK, 1, locking.WINDOWS_LOCK_OFFSET)]


def test_a_failed_unlock_still_closes_the_descriptor(
    estate_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unlock(_descriptor: int) -> None:
        raise OSError(5, "Input/output error")  # the stick was pulled out

    monkeypatch.setattr(locking, "_unlock", unlock)
    lock = FileLock.acquire(estate_path)
    lock.release()
    assert not lock.held
    monkeypatch.undo()
    FileLock.acquire(estate_path).release()  # the flock went with the descriptor


# ---------------------------------------------------------------- network shares

MOUNTINFO = "\n".join(
    [
        "22 27 0:21 / /proc rw,relatime - proc proc rw",
        "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
        "40 27 0:40 / /mnt/nas rw,relatime - nfs4 nas:/export rw,vers=4.2",
        "41 40 8:17 / /mnt/nas/local rw,relatime - ext4 /dev/sdb1 rw",
        "42 27 0:41 / /media/u\\040盘 rw - vfat /dev/sdc1 rw",
        "43 27 0:42 / /home/clerk/office rw - cifs //server/office rw",
        "44 27 0:43 / /run/user/1000/gvfs rw - fuse.gvfsd-fuse gvfsd-fuse rw",
        "45 27 0:44 / /mnt/ssh rw - fuse.sshfs clerk@host: rw",
        "46 27 0:45 / /mnt/nasish rw - ext4 /dev/sdd1 rw",
    ]
)


@pytest.mark.parametrize(
    ("path", "filesystem", "remote"),
    [
        ("/home/clerk/estate.sqlite3", "ext4", False),
        ("/mnt/nas/estate.sqlite3", "nfs4", True),
        ("/mnt/nas", "nfs4", True),
        ("/mnt/nas/local/estate.sqlite3", "ext4", False),  # a disk mounted inside the share
        ("/mnt/nasish/estate.sqlite3", "ext4", False),  # a name that only begins like the share's
        ("/media/u 盘/备份/estate.sqlite3", "vfat", False),
        ("/home/clerk/office/estate.sqlite3", "cifs", True),
        ("/run/user/1000/gvfs/smb-share:server=nas,share=x/e.sqlite3", "fuse.gvfsd-fuse", True),
        ("/mnt/ssh/e.sqlite3", "fuse.sshfs", True),
    ],
)
def test_the_filesystem_of_a_path_comes_from_the_longest_mount_point(
    path: str, filesystem: str, remote: bool
) -> None:
    assert mount_filesystem(path, MOUNTINFO) == filesystem
    assert (filesystem in NETWORK_FILESYSTEMS) is remote


def test_a_later_mount_on_the_same_point_wins() -> None:
    info = MOUNTINFO + "\n50 27 0:50 / /mnt/nas rw - ext4 /dev/sde1 rw"
    assert mount_filesystem("/mnt/nas/estate.sqlite3", info) == "ext4"


def test_the_real_mount_table_names_this_folder_local(tmp_path: Path) -> None:
    if not Path("/proc/self/mountinfo").exists():
        pytest.skip("no /proc/self/mountinfo here")
    assert not is_on_network_share(tmp_path / "estate.sqlite3")


def _drives(remote: set[str]) -> Callable[[str], int]:
    def drive_type(root: str) -> int:
        assert root.endswith(":\\")
        return DRIVE_REMOTE if root[0].upper() in remote else 3  # 3: DRIVE_FIXED

    return drive_type


@pytest.mark.parametrize(
    ("path", "remote"),
    [
        (r"C:\Users\clerk\estate.sqlite3", False),
        (r"Z:\物业\estate.sqlite3", True),  # a mapped network drive
        (r"z:\estate.sqlite3", True),
        (r"\\nas\物业\estate.sqlite3", True),  # the same share by its UNC path
        (r"\\?\UNC\nas\物业\estate.sqlite3", True),
        (r"\\?\C:\Users\clerk\estate.sqlite3", False),
        (r"\\?\Z:\estate.sqlite3", True),
        (r"\\?\Volume{26a21bda-a627-11d7-9931-806e6f6e6963}\estate.sqlite3", False),
        (r"E:\备份\estate.sqlite3", False),  # a USB stick
    ],
)
def test_windows_shares_are_told_by_unc_path_and_drive_type(path: str, remote: bool) -> None:
    assert windows_path_is_remote(path, _drives({"Z"})) is remote


def test_a_file_on_a_share_is_refused_before_it_is_locked_or_read(
    estate_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(locking, "is_on_network_share", lambda path: True)
    before = estate_path.read_bytes()
    with pytest.raises(EstateFileOnNetwork) as caught:
        open_estate(estate_path)
    assert (
        "network drive" in caught.value.message and "copy it to a folder on this PC" in caught.value.message
    )
    with pytest.raises(EstateFileOnNetwork):
        create_estate(estate_path.with_name("new.sqlite3"), "小区")
    monkeypatch.undo()
    assert estate_path.read_bytes() == before
    assert sorted(p.name for p in estate_path.parent.iterdir()) == [estate_path.name]
    open_estate(estate_path).close()  # not left locked
