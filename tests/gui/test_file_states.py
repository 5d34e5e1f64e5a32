"""What the window does with a file it cannot write, one held elsewhere, and a backup to restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from estatedesk.gui import app as gui_app
from estatedesk.gui.i18n import translate
from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.tabs.households import HouseholdsTab
from estatedesk.paths import default_database
from estatedesk.services import estate as estates
from estatedesk.services import households
from estatedesk.store import db
from estatedesk.store.models import Room
from helpers.read_only import damage_a_table_page


def _open(path: Path, qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_file(path)
    window.show()
    return window


def _writing_controls(tab: HouseholdsTab) -> dict[str, bool]:
    return {
        "add": tab.add_button.isEnabled(),
        "building": tab.layout_button.isEnabled(),
        "import": tab.import_action.isEnabled(),
        "edit": tab.edit_button.isEnabled(),
        "delete": tab.remove_button.isEnabled(),
    }


def test_a_write_protected_file_opens_for_looking_printing_and_exporting(
    app: QApplication, qtbot: QtBot, demo_file: Path, monkeypatch: pytest.MonkeyPatch, boxes: object
) -> None:
    monkeypatch.setattr(db, "can_write", lambda _path: False)  # as on a write-protected stick
    window = _open(demo_file, qtbot)
    tab = window.tab(HouseholdsTab)
    tab.table.selectRow(0)

    assert window.estate is not None and window.estate.read_only is estates.ReadOnlyReason.NOT_WRITABLE
    assert window.read_only_banner.isVisible()
    assert "只读" in window.read_only_label.text() or "read-only" in window.read_only_label.text()
    assert not window.banner_restore.isVisible()  # a restore could not write either
    assert _writing_controls(tab) == dict.fromkeys(_writing_controls(tab), False)
    assert not window.building_action.isEnabled()
    assert tab.export_button.isEnabled() and tab.print_action.isEnabled()  # looking still works
    # A look at a full number must be recorded, and cannot be: the panel offers none.
    assert "estatedesk:reveal" not in tab.detail.toHtml() and "****" in tab.detail.toHtml()
    tab.open_room()  # a double click opens no editing dialog
    assert tab.model.total == 60


def test_a_damaged_file_says_so_and_offers_the_backup(
    app: QApplication, qtbot: QtBot, tmp_path: Path, boxes: object
) -> None:
    path = tmp_path / "estate.sqlite3"
    made = db.create_estate(path, "受损小区")
    for number in range(100, 160):
        households.create_room(households.RoomInput("1", "1", str(number), "60"))
    made.close()
    damage_a_table_page(path)
    window = _open(path, qtbot)
    assert window.estate is not None and window.estate.read_only is estates.ReadOnlyReason.DAMAGED
    assert window.read_only_banner.isVisible() and window.banner_restore.isVisible()
    assert window.ui_actions["actionRestore"].isEnabled()
    assert not window.tab(HouseholdsTab).add_button.isEnabled()
    # The rooms' page is what was damaged: the clerk is told, not shown a crash.
    assert any(str(path) in text for text in boxes.texts("warning"))  # type: ignore[attr-defined]


def test_a_writable_file_has_no_banner_and_every_control(window: MainWindow) -> None:
    tab = window.tab(HouseholdsTab)
    tab.table.selectRow(0)
    assert not window.read_only_banner.isVisible()
    assert _writing_controls(tab) == dict.fromkeys(_writing_controls(tab), True)


def test_a_file_held_by_another_estatedesk_is_said_once_at_start(
    app: QApplication, held_elsewhere: Path, monkeypatch: pytest.MonkeyPatch, boxes: object
) -> None:
    asked: list[Path] = []
    monkeypatch.setattr(MainWindow, "first_run", lambda _self, path: asked.append(path) or False)
    assert gui_app.main(["--db", str(held_elsewhere)]) == 0
    assert len(boxes.texts("warning")) == 1  # type: ignore[attr-defined]
    assert "另一个物业台账窗口" in boxes.texts("warning")[0]  # type: ignore[attr-defined]
    assert asked == []  # no "there is no data file" after it


def test_a_refused_file_is_not_called_missing(
    app: QApplication, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    foreign = tmp_path / "notes.sqlite3"
    foreign.write_bytes(b"not a database at all" * 10)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.first_run(foreign)
    assert not window.first_run(default_database())  # nothing used before: no file yet
    missing = translate("MainWindow", "There is no estate data file yet. What would you like to do?")
    assert str(foreign) in told[0] and told[0] != missing
    assert told[1] == missing


def test_the_restore_question_tells_the_backups_date_estate_and_rooms(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, boxes: object
) -> None:
    assert window.estate is not None
    folder = tmp_path / "usb"
    folder.mkdir()
    backup = estates.back_up(window.estate, folder)
    boxes.answer = QMessageBox.StandardButton.No  # type: ignore[attr-defined]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(backup), "")))
    window.restore()
    question = boxes.texts("question")[-1]  # type: ignore[attr-defined]
    info = estates.backup_info(backup)
    assert "演示小区" in question
    assert info.taken_at.strftime("%Y-%m-%d %H:%M") in question
    assert str(Room.select().count()) in question and info.rooms == 60
    assert "备份" in backup.name and backup.name.startswith("演示小区")
