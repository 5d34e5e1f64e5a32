"""The bundled Chinese font is registered and covers names outside GB2312."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from estatedesk.gui.app import bundled_font_families, install_fonts
from estatedesk.paths import FONTS_DIR

RARE = "玥喆堃"


def test_the_rare_characters_are_really_outside_gb2312() -> None:
    for ch in RARE:
        with pytest.raises(UnicodeEncodeError):
            ch.encode("gb2312")


def test_the_bundled_font_is_in_the_fallback_chain_and_has_rare_characters(app: QApplication) -> None:
    fonts = sorted(FONTS_DIR.glob("*.[to]tf"))
    assert fonts, "no font in resources/fonts"
    families = install_fonts(app)
    assert install_fonts(app) == families  # installing twice changes nothing
    bundled = [family for family in families if family in bundled_font_families()]
    assert bundled, "the bundled font is not in the application's font fallback list"
    assert set(families) <= set(app.font().families())
    metrics = QFontMetrics(QFont(bundled[0]))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "王李张" + RARE)
