"""Where EstateDesk's files are, and how a file is written whole.

The folders work alike in a source checkout, an installed wheel and a frozen bundle.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import time
import uuid
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir, user_log_dir

from estatedesk import APP_NAME

DATA_FILE_NAME = "estate.sqlite3"
DATA_DIR_ENV = "ESTATEDESK_DATA_DIR"


def _bundle_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    package = Path(__file__).resolve().parent
    if (package / "ui").is_dir():  # an installed wheel carries ui/ and resources/ inside
        return package
    return package.parents[1]  # a source checkout: src/estatedesk -> repository root


ROOT = _bundle_root()
UI_DIR = ROOT / "ui"
RESOURCES_DIR = ROOT / "resources"
FONTS_DIR = RESOURCES_DIR / "fonts"
I18N_DIR = RESOURCES_DIR / "i18n"
TEMPLATES_DIR = RESOURCES_DIR / "templates"
ICONS_DIR = RESOURCES_DIR / "icons"


def data_dir() -> Path:
    """The folder for the estate file and logs ($ESTATEDESK_DATA_DIR overrides platformdirs)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(user_data_dir(APP_NAME, APP_NAME, roaming=False))


def default_database() -> Path:
    """The estate file used when no ``--db`` is given."""
    return data_dir() / DATA_FILE_NAME


def cache_dir() -> Path:
    """Where the program keeps what it can make again (drawn icons); safe to delete."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override) / "cache"
    return Path(user_cache_dir(APP_NAME, APP_NAME))


def log_dir() -> Path:
    """Where unexpected errors are logged."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override) / "logs"
    return Path(user_log_dir(APP_NAME, APP_NAME))


def log_file() -> Path:
    """The log file that error dialogs name."""
    return log_dir() / "estatedesk.log"


PRIVATE_MODE = 0o600  # files the program writes hold personal data: their owner alone reads them
Content = bytes | bytearray | memoryview | Callable[[Path], object]
# A temporary file of ours (``.<target name>.<8 hex digits>.partial``) no program is writing, of
# another target than the one being written, is removed once it is this old (seconds): one of the
# same target goes at once.
STALE_PARTIAL_AGE = 300
_PARTIAL = re.compile(r"\.(?P<target>.+)\.[0-9a-f]{8}\.partial")


def private_opener(path: str, flags: int) -> int:
    """An ``opener`` for ``open()`` that makes the file owner-only (``PRIVATE_MODE``), as every file we write.

    A file already there with a wider mode (a log written by an earlier version) is narrowed too.
    """
    descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), PRIVATE_MODE)
    if hasattr(os, "fchmod"):  # POSIX (Windows: the folder's access rules apply)
        try:
            if stat.S_IMODE(os.fstat(descriptor).st_mode) & ~PRIVATE_MODE:
                os.fchmod(descriptor, PRIVATE_MODE)
        except OSError:
            pass  # not ours to change (another user's file, a FAT stick): it is written all the same
    return descriptor


def write_whole(target: Path, content: Content, *, overwrite: bool = True) -> Path:
    """Write ``target`` whole or not at all, readable by its owner only (on POSIX); return it.

    ``content`` is the file's bytes, or a function that fills a temporary file (a path) beside
    ``target`` for writers that need one (SQLite, Qt). Either way ``target`` is never half
    written (a full disk, a pulled USB stick, a crash), and two programs writing it at once
    each leave a whole one. On any failure the temporary file is removed and the error raised
    as it is (OSError for the disk). With ``overwrite=False`` an existing ``target`` is never
    replaced: ``FileExistsError``, and nothing written.

    Bytes are what anything holding personal data should give: the file then exists only
    once it is complete. On Linux it is written with no name at all (O_TMPFILE) and linked in
    whole, so even a killed program leaves no partial file; elsewhere (Windows, a FAT stick) the
    temporary file lives for one write call, and one a killed program left (full phone and ID
    numbers, it may be) is removed by the next write of the same file, or after a few minutes
    by the next write of any file to that folder. A function's temporary file lives as long as
    the function runs. On Windows the mode only keeps the file writable: its folder's access
    rules apply.
    """
    target = Path(target)
    _remove_stale_partials(target)
    if not callable(content) and _write_unnamed(target, content, overwrite):
        return target
    temp, descriptor = _new_partial(target)
    try:
        try:
            if callable(content):
                content(temp)  # it writes into the owner-only file made above, keeping its mode
            else:
                _write_all(descriptor, content)
                os.fsync(descriptor)  # whole on the disk before it takes the name (a USB stick pulled out)
            if os.name == "nt":
                # Windows renames no open file. Until now, open, it could not be deleted either.
                os.close(descriptor)
                descriptor = -1
            if overwrite:
                os.replace(temp, target)
            else:
                move_without_replacing(temp, target)
        finally:
            if descriptor >= 0:
                os.close(descriptor)  # held, with its lock, until the temporary name is gone
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def _partial_name(target_name: str) -> str:
    """A fresh temporary name beside a target, as ``_PARTIAL`` recognises it."""
    return f".{target_name}.{uuid.uuid4().hex[:8]}.partial"


def _new_partial(target: Path) -> tuple[Path, int]:
    """Create and hold an owner-only temporary file beside ``target``: its path and descriptor.

    Held (``_hold``) so that another program's clearing of stale files leaves it alone; one that
    was cleared in the moment between its making and its holding is given up for another name.
    """
    while True:
        temp = target.with_name(_partial_name(target.name))
        descriptor = os.open(temp, _CREATE_FLAGS, PRIVATE_MODE)
        if _hold(descriptor) and os.fstat(descriptor).st_nlink > 0:
            return temp, descriptor
        os.close(descriptor)


def _hold(descriptor: int) -> bool:
    """Take a lock on a temporary file of ours while it is written (POSIX); False if it is taken.

    Windows needs none: a file open there cannot be deleted. A filesystem without flock() (some
    network or FUSE ones) goes without: stale files there are removed by age alone.
    """
    if sys.platform == "win32":
        return True
    import fcntl

    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        pass
    return True


def _remove_stale_partials(target: Path) -> None:
    """Remove the temporary files a killed write left in ``target``'s folder, never one being written.

    Those of ``target`` go whatever their age (the write about to be made replaces them);
    those of other files once ``STALE_PARTIAL_AGE`` old. A file that another write holds stays.
    """
    now = time.time()
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return  # no folder: the write itself says so
    for entry in entries:
        match = _PARTIAL.fullmatch(entry.name)
        if match is None:
            continue
        try:
            found = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(found.st_mode):
            continue
        old = now - found.st_mtime >= STALE_PARTIAL_AGE
        if match["target"] == target.name or old:
            _remove_if_abandoned(Path(entry.path), old)


def _remove_if_abandoned(path: Path, old: bool) -> None:
    """Delete a temporary file of ours if no write holds it (see ``_hold``)."""
    if sys.platform == "win32":
        with suppress(OSError):  # a write under way has it open: Windows refuses to delete it
            path.unlink()
        return
    import fcntl

    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return  # a write under way
        except OSError:
            if not old:
                return  # no locks here to tell a write under way by: only its age
        with suppress(OSError):
            path.unlink()
    finally:
        os.close(descriptor)


_CREATE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
)


def _write_all(descriptor: int, content: bytes | bytearray | memoryview) -> None:
    view = memoryview(content).cast("B")
    while view:
        view = view[os.write(descriptor, view) :]


def _write_unnamed(target: Path, content: bytes | bytearray | memoryview, overwrite: bool) -> bool:
    """Linux: write ``content`` into a file with no name, then link it in whole; False where impossible."""
    unnamed = getattr(os, "O_TMPFILE", 0)
    if not unnamed or not os.path.isdir("/proc/self/fd"):
        return False
    cloexec = getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(target.parent, unnamed | os.O_WRONLY | cloexec, PRIVATE_MODE)
    except OSError as error:
        if error.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return False  # a filesystem without unnamed files (FAT on a USB stick): the named way
        raise
    try:
        _hold(descriptor)  # the temporary name it may take below is then held, as _new_partial's are
        _write_all(descriptor, content)
        os.fsync(descriptor)
        folder = os.open(target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | cloexec)
        try:
            # Through /proc with linkat(AT_SYMLINK_FOLLOW), as open(2) documents for O_TMPFILE;
            # os.link uses linkat (not link) only when given a folder descriptor.
            source = f"/proc/self/fd/{descriptor}"
            try:
                os.link(source, target.name, dst_dir_fd=folder)  # appears complete, in one step
            except FileExistsError:
                if not overwrite:
                    raise
                temp = _partial_name(target.name)
                os.link(source, temp, dst_dir_fd=folder)  # complete already: it only waits to be renamed
                try:
                    os.replace(temp, target.name, src_dir_fd=folder, dst_dir_fd=folder)
                except BaseException:
                    os.unlink(temp, dir_fd=folder)
                    raise
        finally:
            os.close(folder)
    finally:
        os.close(descriptor)  # an unnamed file that was never linked is freed here, or by the kernel
    return True


def move_without_replacing(temp: Path, target: Path) -> None:
    """Rename ``temp`` (a closed file) to ``target``; ``FileExistsError`` if that name is taken."""
    if os.name == "nt":
        os.rename(temp, target)  # Windows never renames over an existing file
        return
    try:
        os.link(temp, target)  # fails if the name is taken, at once (a rename would replace it)
    except FileExistsError:
        raise
    except OSError:  # no hard links (FAT on a USB stick): look, then rename
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.rename(temp, target)
        return
    os.unlink(temp)
