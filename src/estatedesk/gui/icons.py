"""Icons from qtawesome's icon fonts, by name (``fa5s.home``), kept as pictures between starts.

Importing qtawesome (and qtpy under it) and loading its fonts takes about 0.1 s, a third of
what the program's start costs over a bare Qt window. So an icon qtawesome has drawn is kept
as PNG files in the user's cache folder, one per size and state, under a key made of the icon
fonts' releases and the palette's colours; later starts read them and import qtawesome only
for an icon they do not have yet. The pictures are written a moment after the window is up,
not while it is being built; a cache that cannot be written only means drawing again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Callable
from contextlib import suppress
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QPalette, QPixmap

from estatedesk.paths import cache_dir, write_whole

SIZES = (16, 24, 32, 48)  # pixels: 16-pixel icons on screens scaled 1x, 1.5x, 2x and 3x
MODES = {"normal": QIcon.Mode.Normal, "disabled": QIcon.Mode.Disabled}
DONE = "done"  # written last: an icon with this file has all of its pictures
KEEP_AFTER_MS = 1500  # after the start, when the window is up and the clerk has not yet clicked
_to_keep: dict[str, QIcon] = {}


@cache
def icon(name: str) -> QIcon:
    """The icon called ``name``; one QIcon per name, shared (a large estate's tree has hundreds)."""
    kept = _kept(icon_folder(), name)
    if kept is not None:
        return kept
    import qtawesome

    drawn: QIcon = qtawesome.icon(name)
    if not _to_keep:
        QTimer.singleShot(KEEP_AFTER_MS, keep_drawn_icons)
        _keep_at_quit()
    _to_keep[name] = drawn
    return drawn


@cache
def _keep_at_quit() -> None:
    """A short run (a smoke test) keeps its icons as it quits; asked once per application."""
    application = QCoreApplication.instance()
    if application is not None:
        application.aboutToQuit.connect(keep_drawn_icons)


def keep_drawn_icons() -> None:
    """Save the icons drawn since the last time, for the next start."""
    folder = icon_folder()
    while _to_keep:
        name, drawn = _to_keep.popitem()
        _keep(drawn, folder, name)


@cache
def icon_folder() -> Path:
    """Where this program's icons are kept: a folder per icon-font release and palette."""
    palette = QGuiApplication.palette()
    colours = [
        palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text).name(),
        palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name(),
    ]
    key = hashlib.sha256("\n".join([*_icon_fonts(), *colours]).encode()).hexdigest()[:16]
    return cache_dir() / "icons" / key


def _icon_fonts() -> list[str]:
    """The names of qtawesome's font files, which carry their releases (…-webfont-5.15.4.ttf)."""
    spec = importlib.util.find_spec("qtawesome")  # finds the package without importing it
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    try:
        return sorted(os.listdir(Path(locations[0]) / "fonts")) if locations else []
    except OSError:
        return []


def _file(folder: Path, name: str, mode: str, size: int) -> Path:
    return folder / f"{name}.{mode}.{size}.png"


def _kept(folder: Path, name: str) -> QIcon | None:
    """The icon as kept by an earlier start, or None if it is not there whole (then it is drawn)."""
    try:
        if not (folder / f"{name}.{DONE}").is_file():
            return None
    except OSError:  # a cache folder this user may not read
        return None
    # A picture damaged after it was kept (a power cut) would show as nothing: check the one
    # used most, and draw the icon again if it cannot be read.
    if QPixmap(str(_file(folder, name, "normal", SIZES[0]))).isNull():
        with suppress(OSError):
            (folder / f"{name}.{DONE}").unlink()
        return None
    made = QIcon()
    for mode, qt_mode in MODES.items():
        for size in SIZES:
            made.addFile(str(_file(folder, name, mode, size)), QSize(size, size), qt_mode)
    return made


def _keep(drawn: QIcon, folder: Path, name: str) -> None:
    """Save every size and state of a drawn icon, then the mark that says it is complete."""

    def save(pixmap: QPixmap) -> Callable[[Path], None]:
        def to(temp: Path) -> None:
            if not pixmap.save(str(temp), "PNG"):
                raise OSError(f"cannot save {temp}")

        return to

    try:
        folder.mkdir(parents=True, exist_ok=True)
        for mode, qt_mode in MODES.items():
            for size in SIZES:
                # Whole files only, even with another EstateDesk keeping the same icon at once.
                write_whole(
                    _file(folder, name, mode, size), save(drawn.pixmap(QSize(size, size), 1.0, qt_mode))
                )
        (folder / f"{name}.{DONE}").touch()
    except OSError:
        pass  # a read-only or full disk: the icon is drawn again at the next start
