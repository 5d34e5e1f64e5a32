"""The Qt binding itself: a release that miscounts references would abort a long session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel

CALLS = 2_000


def test_calls_that_return_nothing_keep_none_alive(app: QApplication) -> None:
    # PySide6 6.12.0 took one reference to None away on each such call; on Python 3.11, whose
    # None is not immortal, painting a large print preview then aborted with "none_dealloc".
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    label = QLabel()
    font, area = QFont(), QRectF(0, 0, 32, 16)
    try:
        before = sys.getrefcount(None)
        for _ in range(CALLS):
            painter.setFont(font)
            painter.setPen(Qt.GlobalColor.black)
            painter.drawRect(area)
            painter.fillRect(area, QColor(235, 235, 235))
            label.setText("张三")
            label.setEnabled(True)
        lost = before - sys.getrefcount(None)
    finally:
        painter.end()
    assert lost < CALLS // 10, f"None lost {lost} references in {6 * CALLS} calls"


def test_the_addons_are_the_same_release_as_the_essentials() -> None:
    # QtCharts comes from PySide6-Addons, whose compiled modules fit one Essentials release only.
    from importlib.metadata import version

    import PySide6
    from PySide6 import QtCharts

    assert version("PySide6-Addons") == version("PySide6-Essentials") == PySide6.__version__
    assert QtCharts.QChart is not None
