"""Qt's own dialogs speak Chinese (qtbase_zh_CN.qm), and file choosers remember a folder per purpose."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtWidgets import QApplication, QFileDialog

from estatedesk.gui import settings as prefs
from estatedesk.gui.dialogs import files

REPO = Path(__file__).resolve().parents[2]


def test_qt_ships_its_chinese_translation_in_the_wheel() -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_CN.qm").is_file()


def test_the_bundle_keeps_qts_chinese_translation() -> None:
    spec = (REPO / "build_scripts" / "estatedesk.spec").read_text(encoding="utf-8")
    assert '"_zh_CN.qm"' in spec  # the spec's filter of Qt's translations keeps these


def test_message_box_buttons_and_the_file_chooser_are_in_chinese(app: QApplication) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "&Yes").startswith("是")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"


def test_each_purpose_remembers_its_own_folder(tmp_path: Path, qapp: QApplication) -> None:
    usb, desktop = tmp_path / "usb", tmp_path / "desktop"
    usb.mkdir()
    desktop.mkdir()
    assert prefs.last_folder(prefs.BACKUP) == Path.home()
    prefs.remember_folder(prefs.BACKUP, usb)
    prefs.remember_folder(prefs.EXPORT, desktop)
    assert prefs.last_folder(prefs.BACKUP) == usb and prefs.last_folder(prefs.EXPORT) == desktop
    assert prefs.last_folder(prefs.IMPORT, tmp_path) == tmp_path  # nothing remembered: the fallback
    usb.rmdir()  # the stick was pulled out
    assert prefs.last_folder(prefs.BACKUP) == Path.home()


def test_file_choosers_start_where_the_last_one_of_their_purpose_ended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    starts: list[str] = []
    exports, imports = tmp_path / "exports", tmp_path / "imports"
    exports.mkdir()
    imports.mkdir()

    def save(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        starts.append(start)
        return str(exports / "住户.xlsx"), "Excel (*.xlsx)"

    def open_(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        starts.append(start)
        return str(imports / "名单.csv"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_))
    assert files.choose_save_file(None, prefs.EXPORT, "t", Path.home() / "住户.xlsx", "*") == (
        exports / "住户.xlsx",
        "Excel (*.xlsx)",
    )
    assert files.choose_open_file(None, prefs.IMPORT, "t", "*") == imports / "名单.csv"
    files.choose_save_file(None, prefs.EXPORT, "t", Path.home() / "名册.pdf", "*")
    files.choose_open_file(None, prefs.IMPORT, "t", "*")
    assert starts[2:] == [str(exports / "名册.pdf"), str(imports)]


def test_a_cancelled_chooser_remembers_nothing(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_args: ""))
    assert files.choose_folder(None, prefs.BACKUP, "t") is None
    assert prefs.settings().value("folders/backup") is None
