"""The Simplified Chinese translation (resources/i18n): complete, current, and what the program shows."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from estatedesk.gui.app import install_translation
from estatedesk.gui.main_window import MainWindow
from estatedesk.paths import I18N_DIR, ROOT

TS = I18N_DIR / "estatedesk_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def messages(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(context, source, translation, type) of every message in a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation.text, translation.get("type")))
    return found


def test_every_string_has_a_chinese_translation() -> None:
    missing = [(c, s) for c, s, text, kind in messages(TS) if kind in ("unfinished", "vanished") or not text]
    assert missing == []


def test_translations_keep_every_placeholder() -> None:
    wrong = [
        (context, source)
        for context, source, text, _ in messages(TS)
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text or ""))
    ]
    assert wrong == []


def test_the_ts_file_holds_exactly_the_strings_of_the_sources(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "build_scripts"))
    import update_translations

    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    update_translations.update_ts("zh_CN", fresh)
    before = {(c, s) for c, s, _, _ in messages(TS)}
    after = {(c, s) for c, s, _, _ in messages(fresh)}
    assert after - before == set(), "new strings: run build_scripts/update_translations.py and translate them"
    assert before - after == set(), "strings no longer used: run build_scripts/update_translations.py"


def test_the_compiled_qm_matches_the_ts(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    stale = [(c, s) for c, s, text, _ in messages(TS) if translator.translate(c, s) != text]
    assert stale == []


@pytest.mark.parametrize(
    ("language", "title", "menu"), [("zh_CN", "房屋与住户档案", "文件(&F)"), ("en", "Households", "&File")]
)
def test_the_window_speaks_the_chosen_language(
    app: QApplication, qtbot: object, language: str, title: str, menu: str
) -> None:
    install_translation(app, language)
    window = MainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    assert window.tabs.tabText(0) == title
    assert window.menuBar().actions()[0].text() == menu
