"""The main window (gui/main_window.py): the File menu, refusals, the demo start and the remembered layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from estatedesk.gui import settings as prefs
from estatedesk.gui.i18n import translate
from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.tabs.households import HouseholdsTab
from estatedesk.services import households
from estatedesk.services.households import RoomInput
from estatedesk.store.db import read_header


def test_backup_then_restore_through_the_menu(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: object, boxes: object
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(folder)))
    window.back_up()
    qtbot.waitUntil(lambda: any(folder.glob("*.sqlite3")), timeout=10_000)  # type: ignore[attr-defined]
    backup = next(folder.glob("*.sqlite3"))
    qtbot.waitUntil(lambda: bool(boxes.texts("information")), timeout=10_000)  # type: ignore[attr-defined]
    assert str(backup) in boxes.texts("information")[-1]

    households.create_room(RoomInput("99", "1", "101", "50"))
    window.tab(HouseholdsTab).reload()
    assert window.tab(HouseholdsTab).model.total == 61
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(backup), "")))
    estate_path = window.estate.path
    window.restore()
    assert window.estate is not None and window.estate.path == estate_path
    assert window.tab(HouseholdsTab).model.total == 60
    kept = list(estate_path.parent.glob("*-恢复前-*"))
    assert len(kept) == 1
    assert str(kept[0]) in boxes.texts("information")[-1]


def test_a_damaged_backup_is_refused_and_the_file_stays_open(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: object
) -> None:
    bad = tmp_path / "broken.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(bad), "")))
    window.tab(HouseholdsTab).search.setText("1-1")
    shown = window.tab(HouseholdsTab).model.rowCount()
    window.restore()
    assert boxes.texts("warning"), "the clerk is told why"
    assert window.estate is not None and not window.estate.closed
    assert window.tab(HouseholdsTab).model.total == 60
    # Nothing was touched: the list stays as the clerk left it.
    assert window.tab(HouseholdsTab).search.text() == "1-1"
    assert window.tab(HouseholdsTab).model.rowCount() == shown


def test_a_restore_failing_half_way_shows_why_and_keeps_the_estate_working(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: object, boxes: object
) -> None:
    from estatedesk.store import backup as store_backup

    folder = tmp_path / "usb"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(folder)))
    window.back_up()
    qtbot.waitUntil(lambda: bool(boxes.texts("information")), timeout=10_000)  # type: ignore[attr-defined]
    backup = next(folder.glob("*.sqlite3"))

    def full_disk(_source: Path, _target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_backup, "copy_database", full_disk)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(backup), "")))
    window.restore()
    assert "No space left on device" in boxes.texts("warning")[-1]
    assert window.estate is not None and not window.estate.closed
    households.create_room(RoomInput("99", "1", "101", "50"))  # the file it had answers, and is shown
    assert window.tab(HouseholdsTab).model.total == 61


def test_a_file_that_is_not_an_estate_is_refused_untouched(
    window: MainWindow, tmp_path: Path, boxes: object
) -> None:
    other = tmp_path / "notes.sqlite3"
    other.write_text("这不是数据库", encoding="utf-8")
    before = other.read_bytes()
    assert not window.open_file(other)
    assert "不是物业台账的数据文件" in boxes.texts("warning")[-1]
    assert other.read_bytes() == before
    assert window.tab(HouseholdsTab).model.total == 60  # the open estate is still there


def test_a_file_open_in_another_estatedesk_is_refused(
    window: MainWindow, held_elsewhere: Path, boxes: object
) -> None:
    assert not window.open_file(held_elsewhere)
    assert "另一个物业台账窗口" in boxes.texts("warning")[-1]  # type: ignore[attr-defined]


def test_new_estate_and_recent_files(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_file: Path
) -> None:
    target = tmp_path / "新小区.sqlite3"
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("新小区", True)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), "")))
    assert window.new_estate()
    assert read_header(target)[1] >= 1
    assert window.tab(HouseholdsTab).model.total == 0
    assert "新小区" in window.windowTitle()
    assert prefs.recent_files()[:2] == [target.resolve(), demo_file.resolve()]
    recent = [action.text() for action in window.recent_menu.actions()]
    assert recent[:2] == [str(target.resolve()), str(demo_file.resolve())]
    window.recent_menu.actions()[1].trigger()
    assert window.tab(HouseholdsTab).model.total == 60


def test_the_window_layout_is_remembered(app: QApplication, qtbot: object, demo_file: Path) -> None:
    first = MainWindow()
    qtbot.addWidget(first)  # type: ignore[attr-defined]
    first.open_file(demo_file)
    first.resize(900, 700)  # the offscreen screen is 800x800: larger sizes are clamped
    first.tab(HouseholdsTab).splitter.setSizes([200, 600, 311])
    first.tab(HouseholdsTab).table.setColumnWidth(0, 123)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)  # type: ignore[attr-defined]
    assert second.height() == 700
    assert second.tab(HouseholdsTab).table.columnWidth(0) == 123
    assert isinstance(prefs.settings().value("households/splitter"), QByteArray)


def test_check_data_file_speaks_to_a_clerk(window: MainWindow) -> None:
    window.check_file()
    box = window.check_box
    assert box is not None and box.isVisible()
    assert box.icon() == QMessageBox.Icon.Information
    assert box.text() == translate("estate", "The data file is sound.")  # 数据文件完好 once translated
    assert "60" in box.informativeText() and "integrity" not in box.informativeText()
    assert "integrity_check: ok" in box.detailedText()
    box.close()


def test_first_run_can_start_on_a_demo_estate(app: QApplication, qtbot: object, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    target = tmp_path / "demo-estate.sqlite3"
    assert window.create_demo(target)
    assert target.is_file()
    qtbot.waitUntil(lambda: window.tab(HouseholdsTab).model.total == 300, timeout=5_000)  # type: ignore[attr-defined]
    assert "演示" in window.windowTitle()
    window.close()


def test_a_failed_demo_leaves_no_file_and_the_open_estate_working(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from estatedesk.services import demo

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(demo, "generate", broken)
    target = tmp_path / "demo-estate.sqlite3"
    with pytest.raises(OSError):
        window.create_demo(target)
    assert not target.exists()
    window.tab(HouseholdsTab).reload()  # the estate that was open still answers
    assert window.tab(HouseholdsTab).model.total == 60
    assert households.estate_counts().rooms == 60
