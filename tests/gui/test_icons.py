"""Icons drawn by qtawesome once, then read from the cache at later starts without importing it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from estatedesk.gui import icons

# One start of the program, as far as icons go: an application, some icons, then quitting.
START = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QSize, QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from estatedesk.gui.icons import icon, icon_folder
    drawn = [icon(name) for name in ("fa5s.home", "fa5s.plus")]
    before = "qtawesome" in sys.modules
    sizes = sorted(size.width() for size in drawn[0].availableSizes())
    image = drawn[0].pixmap(QSize(16, 16), 1.0).toImage()
    import qtawesome  # the same icon as qtawesome draws it now, to compare
    same = qtawesome.icon("fa5s.home").pixmap(QSize(16, 16), 1.0).toImage() == image
    QTimer.singleShot(0, app.quit)
    app.exec()
    folder = str(icon_folder())
    print(json.dumps({"qtawesome_imported": before, "sizes": sizes, "same": same, "folder": folder}))
""")


def start(data_dir: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", START],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "ESTATEDESK_DATA_DIR": str(data_dir)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_first_start_draws_and_keeps_the_icons_and_later_starts_read_them(tmp_path: Path) -> None:
    first = start(tmp_path)
    assert first["qtawesome_imported"] is True
    folder = Path(str(first["folder"]))
    assert folder.is_relative_to(tmp_path / "cache" / "icons")
    for name in ("fa5s.home", "fa5s.plus"):
        assert (folder / f"{name}.done").is_file()
        assert len(list(folder.glob(f"{name}.*.png"))) == len(icons.SIZES) * len(icons.MODES)
    later = start(tmp_path)
    assert later["qtawesome_imported"] is False, "a later start imported qtawesome"
    assert later["sizes"] == list(icons.SIZES)
    assert later["same"] is True, "the kept picture differs from what qtawesome draws"


def test_an_icon_without_its_completion_mark_is_drawn_again(tmp_path: Path) -> None:
    folder = Path(str(start(tmp_path)["folder"]))
    (folder / "fa5s.home.done").unlink()  # e.g. a start that quit while saving it
    assert start(tmp_path)["qtawesome_imported"] is True
    assert (folder / "fa5s.home.done").is_file()


def test_the_cache_is_kept_apart_for_each_palette(app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    icons.icon_folder.cache_clear()
    try:
        light = icons.icon_folder()
        dark = QPalette(QGuiApplication.palette())
        dark.setColor(
            QPalette.ColorGroup.Active, QPalette.ColorRole.Text, dark.color(QPalette.ColorRole.Base)
        )
        monkeypatch.setattr(QGuiApplication, "palette", staticmethod(lambda: dark))
        icons.icon_folder.cache_clear()
        assert icons.icon_folder() != light
    finally:
        icons.icon_folder.cache_clear()


def test_a_cache_that_cannot_be_written_costs_only_a_redraw(
    app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setattr(icons, "icon_folder", lambda: blocked / "icons")
    drawn = icons.icon.__wrapped__("fa5s.cog")  # not the per-process cache: draw it now
    assert not drawn.isNull()
    icons.keep_drawn_icons()  # must not raise
    assert blocked.read_text() == "a file where the cache folder would be"


def test_a_damaged_picture_is_drawn_again_not_shown_blank(tmp_path: Path) -> None:
    folder = Path(str(start(tmp_path)["folder"]))
    (folder / f"fa5s.home.normal.{icons.SIZES[0]}.png").write_bytes(b"")  # e.g. a power cut
    again = start(tmp_path)
    assert again["qtawesome_imported"] is True and again["same"] is True
    assert (folder / f"fa5s.home.normal.{icons.SIZES[0]}.png").stat().st_size > 0
    assert start(tmp_path)["qtawesome_imported"] is False


def test_a_cache_folder_that_cannot_be_read_only_means_drawing(
    app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(_path: Path) -> bool:
        raise PermissionError("not this user's folder")

    monkeypatch.setattr(Path, "is_file", refused)
    drawn = icons.icon.__wrapped__("fa5s.undo")
    assert not drawn.isNull()
    icons._to_keep.clear()  # nothing of this test to keep
