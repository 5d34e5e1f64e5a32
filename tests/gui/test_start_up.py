"""The start-up question (MainWindow.first_run, app.main): a file not there, one too damaged to open."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from estatedesk.gui import app as gui_app
from estatedesk.gui import settings as prefs
from estatedesk.gui.i18n import translate
from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.tabs.households import HouseholdsTab
from estatedesk.paths import default_database
from estatedesk.services import estate as estates

NOT_THERE = "{path} is not there: is the USB stick plugged in?"


class Question:
    """Stands in for the start-up question's exec(): records what it says and which buttons it offers."""

    def __init__(self, *answers: str, before: Callable[[], object] | None = None) -> None:
        self.answers = list(answers)
        self.before = before
        self.texts: list[str] = []
        self.buttons: list[list[str]] = []

    def __call__(self, box: QMessageBox) -> int:
        self.texts.append(box.text())
        self.buttons.append([button.text() for button in box.buttons()])
        if self.before is not None:
            self.before()
            self.before = None
        wanted = translate("MainWindow", self.answers.pop(0) if self.answers else "Quit")
        next(button for button in box.buttons() if button.text() == wanted).click()
        return 0


def asked(question: Question) -> Callable[[QMessageBox], int]:
    """``question`` as QMessageBox.exec, which is called on the box."""
    return lambda box: question(box)


def _window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    return window


def test_the_last_file_not_there_at_start_is_named_not_called_no_file(
    app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    """Before, a Recent file on a stick that was not plugged in was passed over for "no data file yet"."""
    stick_file = tmp_path / "U盘" / "幸福里.sqlite3"
    prefs.add_recent_file(stick_file)
    question = Question("Quit")
    monkeypatch.setattr(QMessageBox, "exec", asked(question))
    assert gui_app.main([]) == 0
    assert question.texts[0].startswith(translate("MainWindow", NOT_THERE).format(path=stick_file))
    assert translate("MainWindow", "Try again") in question.buttons[0]
    assert translate("MainWindow", "Open an existing file…") in question.buttons[0]
    assert boxes.shown == []  # said once, in the question


def test_a_file_asked_for_by_name_that_is_not_there_is_named(
    app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    missing = tmp_path / "E盘" / "小区.sqlite3"
    question = Question("Quit")
    monkeypatch.setattr(QMessageBox, "exec", asked(question))
    assert gui_app.main(["--db", str(missing)]) == 0
    assert str(missing) in question.texts[0]


def test_with_nothing_used_before_there_is_no_file_yet(
    app: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = Question("Quit")
    monkeypatch.setattr(QMessageBox, "exec", asked(question))
    assert not _window(qtbot).first_run(default_database())
    assert question.texts == [
        translate("MainWindow", "There is no estate data file yet. What would you like to do?")
    ]
    assert translate("MainWindow", "Try again") not in question.buttons[0]


def test_the_file_not_there_opens_once_the_stick_is_plugged_in(
    app: QApplication, qtbot: QtBot, tmp_path: Path, demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick_file = tmp_path / "U盘" / "幸福里.sqlite3"
    prefs.add_recent_file(stick_file)

    def plug_in() -> None:
        stick_file.parent.mkdir()
        shutil.copyfile(demo_file, stick_file)

    monkeypatch.setattr(QMessageBox, "exec", asked(Question("Try again", before=plug_in)))
    window = _window(qtbot)
    assert window.first_run(stick_file)
    assert window.estate is not None and window.estate.path == stick_file.resolve()
    window.close()


def test_a_recent_file_that_is_gone_says_so(window: MainWindow, tmp_path: Path, boxes: Any) -> None:
    gone = tmp_path / "U盘" / "幸福里.sqlite3"
    assert not window.open_file(gone)
    assert boxes.texts("warning") == [translate("MainWindow", NOT_THERE).format(path=gone)]
    assert window.estate is not None and not window.estate.closed  # the open estate stays


# ---------------------------------------------------------------- a file too damaged to open


def _first_page_damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:4096] = (bytes(range(256)) * 16)[: 4096 - 100]
    path.write_bytes(bytes(data))


@pytest.fixture
def unreadable(demo_file: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The demo file with its list of tables damaged, and a backup of it made before."""
    estate = estates.open_estate(demo_file)
    folder = tmp_path / "usb"
    folder.mkdir()
    backup = estates.back_up(estate, folder)
    estate.close()
    _first_page_damaged(demo_file)
    return demo_file, backup


def test_a_file_too_damaged_to_open_can_have_a_backup_restored_from_the_start_up_question(
    app: QApplication,
    qtbot: QtBot,
    unreadable: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    boxes: Any,
) -> None:
    path, backup = unreadable
    damaged = path.read_bytes()
    window = _window(qtbot)
    assert not window.open_file(path)
    assert isinstance(window.open_refusal, estates.EstateFileUnreadable)
    assert "malformed" in boxes.texts("warning")[-1]
    question = Question("Restore from backup…")
    monkeypatch.setattr(QMessageBox, "exec", asked(question))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(backup), "")))

    assert window.first_run(path)

    assert str(path) in boxes.texts("question")[-1] and "60" in boxes.texts("question")[-1]
    assert window.estate is not None and window.estate.path == path.resolve()
    assert window.estate.read_only is None
    assert window.tab(HouseholdsTab).model.total == 60
    kept = [p for p in path.parent.iterdir() if "恢复前" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # kept aside, never deleted
    assert str(kept[0]) in boxes.texts("information")[-1]
    window.close()


def test_answering_no_to_the_restore_leaves_the_damaged_file_where_it_was(
    app: QApplication,
    qtbot: QtBot,
    unreadable: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    boxes: Any,
) -> None:
    path, backup = unreadable
    damaged = path.read_bytes()
    window = _window(qtbot)
    window.open_file(path)
    boxes.answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "exec", asked(Question("Restore from backup…", "Quit")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(backup), "")))
    assert not window.first_run(path)
    assert path.read_bytes() == damaged
    assert not [p for p in path.parent.iterdir() if "恢复前" in p.name]


def test_a_file_refused_for_another_reason_is_offered_no_restore(
    app: QApplication, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    foreign = tmp_path / "notes.sqlite3"
    foreign.write_bytes(b"not a database at all" * 10)
    window = _window(qtbot)
    assert not window.open_file(foreign)
    question = Question("Quit")
    monkeypatch.setattr(QMessageBox, "exec", asked(question))
    assert not window.first_run(foreign)
    assert translate("MainWindow", "Restore from backup…") not in question.buttons[0]
