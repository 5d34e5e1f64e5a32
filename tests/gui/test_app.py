"""The application set-up (gui/app.py): the bundled Chinese font, and the hook for unexpected errors."""

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


def test_an_unexpected_error_is_logged_and_the_clerk_sees_where(app: QApplication, boxes: object) -> None:
    from estatedesk.gui.app import excepthook, setup_logging
    from estatedesk.paths import log_file

    setup_logging()
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as error:
        excepthook(RuntimeError, error, error.__traceback__)
    shown = boxes.texts("critical")[-1]
    assert str(log_file()) in shown and "Traceback" not in shown
    assert "boom in a slot" in log_file().read_text(encoding="utf-8")
