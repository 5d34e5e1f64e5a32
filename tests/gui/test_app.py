"""The application set-up (gui/app.py): the bundled Chinese font, and the hook for unexpected errors."""

from __future__ import annotations

import os
import stat
from logging.handlers import RotatingFileHandler

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


@pytest.mark.skipif(os.name == "nt", reason="the mode bits are POSIX's; Windows goes by the folder's rules")
def test_the_windowed_programs_log_is_for_its_owner_only_after_rotating_too() -> None:
    from estatedesk.gui.app import log, setup_logging

    path = setup_logging()
    handler = next(h for h in log.handlers if getattr(h, "baseFilename", None) == str(path))
    try:
        log.error("张堃 13800138000")  # a traceback may quote what was being written
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert isinstance(handler, RotatingFileHandler)
        handler.doRollover()
        log.error("after rotating")
        rotated = path.with_name(path.name + ".1")
        assert stat.S_IMODE(rotated.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert "after rotating" in path.read_text(encoding="utf-8")
    finally:
        log.removeHandler(handler)
        handler.close()
