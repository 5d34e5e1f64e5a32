"""Where EstateDesk's files are, and how a file is written whole.

The folders work alike in a source checkout, an installed wheel and a frozen bundle.
"""

from __future__ import annotations

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


def write_whole(target: Path, write: Callable[[Path], object]) -> Path:
    """Have ``write`` fill a temporary file beside ``target``, then rename it to ``target``.

    So ``target`` is never half written (a full disk, a pulled USB stick, a crash), and two
    programs writing the same file at once each leave a whole one. The temporary name is new
    each time; on any failure it is removed and the error raised as it is (OSError for the disk).
    """
    # Not tempfile.mkstemp: its files are private (0600), and exported lists are for sharing.
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        write(temp)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target
