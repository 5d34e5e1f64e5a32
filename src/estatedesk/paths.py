"""Where EstateDesk's files are, and how a file is written whole.

The folders work alike in a source checkout, an installed wheel and a frozen bundle.
"""

from __future__ import annotations

import errno
import os
import sys
import uuid
from collections.abc import Callable
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
    whole, so even a killed program leaves no partial file; elsewhere the temporary file lives
    for one write call. A function's temporary file lives as long as the function runs.
    On Windows the mode only keeps the file writable: its folder's access rules apply.
    """
    target = Path(target)
    if not callable(content) and _write_unnamed(target, content, overwrite):
        return target
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        descriptor = os.open(temp, _CREATE_FLAGS, PRIVATE_MODE)
        try:
            if not callable(content):
                _write_all(descriptor, content)
                os.fsync(descriptor)  # whole on the disk before it takes the name (a USB stick pulled out)
        finally:
            os.close(descriptor)
        if callable(content):
            content(temp)  # it writes into the owner-only file made above, keeping its mode
        if overwrite:
            os.replace(temp, target)
        else:
            move_without_replacing(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


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
    try:
        descriptor = os.open(target.parent, unnamed | os.O_WRONLY | os.O_CLOEXEC, PRIVATE_MODE)
    except OSError as error:
        if error.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return False  # a filesystem without unnamed files (FAT on a USB stick): the named way
        raise
    try:
        _write_all(descriptor, content)
        os.fsync(descriptor)
        folder = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            # Through /proc with linkat(AT_SYMLINK_FOLLOW), as open(2) documents for O_TMPFILE;
            # os.link uses linkat (not link) only when given a folder descriptor.
            source = f"/proc/self/fd/{descriptor}"
            try:
                os.link(source, target.name, dst_dir_fd=folder)  # appears complete, in one step
            except FileExistsError:
                if not overwrite:
                    raise
                temp = f".{target.name}.{uuid.uuid4().hex[:8]}.partial"
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
