"""Keeping a second EstateDesk out of an open data file, and files that are not safe to open.

The lock is the operating system's lock on the file itself (its inode, its handle), so it holds
whichever name the file is reached by: a hard link, a symbolic link, a relative path, a mapped
drive or its UNC path. A lock file beside the data file (``estate.sqlite3.lock``, as before)
was tied to one name only: a second EstateDesk reaching the file through a hard link took its
own lock and wrote at the same time, each with its own ``-wal`` journal, and the file broke.

A file on a network share is refused: see ``refuse_network_share``.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path, PureWindowsPath
from typing import Protocol

from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.store.errors import EstateFileError, EstateFileInUse, EstateFileOnNetwork

# Windows: byte-range locks there are mandatory (a locked byte cannot be read or written through
# any other handle, SQLite's own included), so ours must be on a byte SQLite never reads, writes
# or locks, whatever the file's page size. SQLite locks bytes 0x40000000..0x400001FF (its pending
# byte, reserved byte and shared range), and leaves unused only the page holding them: 2048
# bytes past the pending byte is inside that page for pages of 4096 bytes or more, but is data
# of a file over 1 GiB with pages of 512, 1024 or 2048 bytes. So ours is past SQLite's largest
# possible file: a page number has 32 bits and a page at most 65,536 bytes, so no byte of a
# database lies at 2**48 or beyond. Windows locks a range past the end of a file as any other
# (LockFileEx: "not an error"); the C runtime's _locking reads the position with _lseeki64 and
# locks with a 64-bit offset (its 32-bit offset was the old msvcrt.dll's).
WINDOWS_LOCK_OFFSET = 1 << 48
WINDOWS_LOCK_LENGTH = 1

# Filesystem types (as /proc/self/mountinfo names them) whose files live on another computer.
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "coda",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.gvfsd-fuse",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.cephfs",
    }
)
DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive


class WindowsRuntime(Protocol):
    """What the lock uses of Windows' C runtime (``msvcrt``); tests give a fake one."""

    LK_NBLCK: int
    LK_UNLCK: int

    def locking(self, fd: int, mode: int, nbytes: int, /) -> None:
        """Lock or unlock ``nbytes`` from the descriptor's position."""


def lock_windows_byte(
    descriptor: int, runtime: WindowsRuntime, seek: Callable[[int, int, int], int] = os.lseek
) -> None:
    """Lock our byte of the file, without waiting (``OSError`` EACCES if another handle holds it)."""
    seek(descriptor, WINDOWS_LOCK_OFFSET, os.SEEK_SET)  # msvcrt.locking locks from the position
    runtime.locking(descriptor, runtime.LK_NBLCK, WINDOWS_LOCK_LENGTH)


def unlock_windows_byte(
    descriptor: int, runtime: WindowsRuntime, seek: Callable[[int, int, int], int] = os.lseek
) -> None:
    """Unlock our byte of the file: the same offset and length as the lock, as Windows requires.

    Before closing the descriptor: Windows drops the locks of a closed handle only when it gets
    round to it, and a file closed and opened again at once (a restore) would find itself locked.
    """
    seek(descriptor, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
    runtime.locking(descriptor, runtime.LK_UNLCK, WINDOWS_LOCK_LENGTH)


class FileLock:
    """An exclusive operating-system lock on one file, held until ``release`` (or the process ends)."""

    def __init__(self, path: Path, descriptor: int) -> None:
        self.path = path
        self._descriptor: int | None = descriptor

    @classmethod
    def acquire(cls, path: Path) -> FileLock:
        """Lock ``path``; ``EstateFileInUse`` if another EstateDesk (or this one) holds it."""
        try:
            # Read-only is enough to lock, and works on a write-protected USB stick too.
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError as error:
            raise EstateFileError(
                QT_TRANSLATE_NOOP("messages", "cannot lock {path}: {reason}"),
                path=path,
                reason=error.strerror or str(error),
            ) from None
        try:
            _lock(descriptor)
        except BlockingIOError:
            os.close(descriptor)
            raise EstateFileInUse(path) from None
        except OSError as error:
            os.close(descriptor)
            if error.errno in (errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)):
                raise EstateFileInUse(path) from None  # msvcrt's way of saying "held elsewhere"
            raise EstateFileError(
                QT_TRANSLATE_NOOP("messages", "cannot lock {path}: {reason}"),
                path=path,
                reason=error.strerror or str(error),
            ) from None
        return cls(path, descriptor)

    def status(self) -> os.stat_result:
        """The locked file's status, from the locked descriptor (its names, its identity)."""
        if self._descriptor is None:
            raise ValueError("the lock was released")
        return os.fstat(self._descriptor)

    @property
    def held(self) -> bool:
        """True until ``release``."""
        return self._descriptor is not None

    def release(self) -> None:
        """Let go of the file (idempotent).

        Close every SQLite connection to the file first: on POSIX, closing any descriptor of a
        file drops all of this process's fcntl() locks on it, SQLite's own included.
        """
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is not None:
            try:
                with suppress(OSError):  # a stick pulled out: closing lets go all the same
                    _unlock(descriptor)
            finally:
                os.close(descriptor)


if sys.platform == "win32":
    import msvcrt

    def _lock(descriptor: int) -> None:
        lock_windows_byte(descriptor, msvcrt)

    def _unlock(descriptor: int) -> None:
        unlock_windows_byte(descriptor, msvcrt)

else:
    import fcntl

    def _lock(descriptor: int) -> None:
        # flock(), not fcntl()/lockf() range locks: flock locks belong to this open file
        # description and, on local Linux filesystems, are independent of the fcntl() locks
        # SQLite takes. An fcntl() lock of ours would be dropped, with SQLite's, whenever any
        # descriptor of the file is closed (POSIX rules), and would collide with SQLite's ranges.
        # Two flock()s on the same inode conflict even within one process, so a second open of
        # the file in this process is refused too.
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(descriptor: int) -> None:
        """Nothing: closing the descriptor drops a flock() lock at once."""


# ---------------------------------------------------------------- network shares


def refuse_network_share(path: Path) -> None:
    """Refuse a data file on a network share: ``EstateFileOnNetwork`` tells the clerk to copy it here.

    Refused rather than opened in a journal mode said to be safe there: SQLite's WAL mode needs
    memory shared between the programs using the file, which computers on a network do not
    share; the rollback journal (journal_mode=DELETE) depends on the share's byte-range locks,
    which SMB and NFS servers do not all honour; and our own lock is emulated with those same
    locks on NFS (where it would collide with SQLite's). A share that drops in the middle of a
    write (Wi-Fi, a sleeping NAS) leaves the file to whichever of them worked. A copy on this
    PC, backed up to the share or a stick, is safe.
    """
    if is_on_network_share(path):
        raise EstateFileOnNetwork(path)


def is_on_network_share(path: Path) -> bool:
    """Whether ``path`` (resolved) is on another computer: a UNC path, a network drive or mount."""
    if sys.platform == "win32":
        return windows_path_is_remote(str(path), _windows_drive_type)
    try:
        mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="surrogateescape")
    except OSError:  # not Linux (macOS): no way to tell, and no such setup among the clerks
        return False
    filesystem = mount_filesystem(str(path), mountinfo)
    return filesystem is not None and filesystem.lower() in NETWORK_FILESYSTEMS


def windows_path_is_remote(path: str, drive_type: Callable[[str], int]) -> bool:
    r"""Whether a Windows path is on a share: ``\\server\share\…``, ``\\?\UNC\…``, or a network drive.

    ``drive_type`` is ``GetDriveTypeW`` (given, so that the rule can be tested anywhere).
    """
    drive = PureWindowsPath(path).drive
    upper = drive.upper()
    if upper.startswith(("\\\\?\\UNC\\", "\\\\.\\UNC\\")):
        return True
    if upper.startswith(("\\\\?\\", "\\\\.\\")):  # a local device path: \\?\C:\… or a volume GUID
        letter = drive[4:]
        return len(letter) == 2 and letter[1] == ":" and drive_type(letter + "\\") == DRIVE_REMOTE
    if upper.startswith("\\\\"):
        return True  # \\server\share
    return len(drive) == 2 and drive[1] == ":" and drive_type(drive + "\\") == DRIVE_REMOTE


def _windows_drive_type(root: str) -> int:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined, unused-ignore]  # Windows only
    return int(kernel32.GetDriveTypeW(root))


def mount_filesystem(path: str, mountinfo: str) -> str | None:
    """The filesystem type of the mount holding ``path`` (absolute), from /proc/self/mountinfo's text.

    The mount is the one whose mount point is the longest prefix of ``path``; a later line for
    the same mount point wins (it was mounted over the earlier one).
    """
    best: tuple[int, str] | None = None
    for line in mountinfo.splitlines():
        fields = line.split(" ")
        if " - " not in line or len(fields) < 5:
            continue
        mount_point = _unescape(fields[4])
        after = line.split(" - ", 1)[1].split(" ")
        if not after or not _contains(mount_point, path):
            continue
        if best is None or len(mount_point) >= best[0]:
            best = (len(mount_point), after[0])
    return best[1] if best is not None else None


def _contains(mount_point: str, path: str) -> bool:
    if mount_point == "/":
        return path.startswith("/")
    return path == mount_point or path.startswith(mount_point.rstrip("/") + "/")


def _unescape(field: str) -> str:
    r"""A mount point as mountinfo writes it, with ``\040`` (space), ``\011``, ``\012``, ``\134`` decoded."""
    if "\\" not in field:
        return field
    out: list[str] = []
    index = 0
    while index < len(field):
        octal = field[index + 1 : index + 4]
        if field[index] == "\\" and len(octal) == 3 and all(c in "01234567" for c in octal):
            out.append(chr(int(octal, 8)))
            index += 4
        else:
            out.append(field[index])
            index += 1
    return "".join(out)
