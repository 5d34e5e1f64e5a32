"""A thin bar for one vote threshold: filled to the value's share, a mark at the share to reach.

Painted by hand (no QtCharts): a grey track, the fill in green when the threshold is met and in
red when it is not, and a dark vertical line at the threshold. Whether it is met is given, decided
exactly by the domain (``Check.met``); the floats here only place the pixels.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

TRACK_COLOUR = QColor("#e3e3e3")
TRACK_EDGE = QColor("#c4c4c4")
MET_COLOUR = QColor("#3a9a4a")
UNMET_COLOUR = QColor("#d0453a")
EMPTY_COLOUR = QColor("#9e9e9e")  # nothing to measure (an empty roll): no verdict drawn
MARK_COLOUR = QColor("#202020")
BAR_HEIGHT = 12  # pixels of the track
MARK_OVERHANG = 3  # pixels the threshold line reaches above and below the track


class ThresholdBar(QWidget):
    """A bar filled to ``fill`` (0…1) with a line at ``threshold`` (0…1), green when ``met``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fill = 0.0
        self.threshold = 0.0
        self.met = False
        self.empty = True  # nothing set yet, or nothing to measure: a grey track only
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)

    def set_values(
        self, fill: float, threshold: float, met: bool, tip: str = "", empty: bool = False
    ) -> None:
        """Fill to ``fill`` with the line at ``threshold``; ``met`` colours it; ``tip`` is its tooltip."""
        self.fill = max(0.0, min(1.0, fill))
        self.threshold = max(0.0, min(1.0, threshold))
        self.met = met
        self.empty = empty
        self.setToolTip(tip)
        self.update()

    def colour(self) -> QColor:
        """The fill's colour: green when met, red when not, grey when there is nothing to measure."""
        if self.empty:
            return EMPTY_COLOUR
        return MET_COLOUR if self.met else UNMET_COLOUR

    def sizeHint(self) -> QSize:
        """Wide and thin."""
        return QSize(240, BAR_HEIGHT + 2 * MARK_OVERHANG + 2)

    def minimumSizeHint(self) -> QSize:
        """As thin as the hint."""
        return QSize(120, BAR_HEIGHT + 2 * MARK_OVERHANG + 2)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """The track, the fill and the threshold line."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width() - 2  # a pixel each side for the threshold line at 0 or 1
        top = (self.height() - BAR_HEIGHT) / 2
        track = QRectF(1.5, top + 0.5, width - 1, BAR_HEIGHT - 1)
        painter.setPen(QPen(TRACK_EDGE, 1))
        painter.setBrush(TRACK_COLOUR)
        painter.drawRoundedRect(track, 3, 3)
        if self.fill > 0 and not self.empty:
            filled = QRectF(track.left(), track.top(), max(track.width() * self.fill, 2.0), track.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.colour())
            painter.drawRoundedRect(filled, 3, 3)
        if self.threshold > 0 and not self.empty:
            x = round(track.left() + track.width() * self.threshold) + 0.5
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(MARK_COLOUR, 2))
            painter.drawLine(int(x), int(top - MARK_OVERHANG), int(x), int(top + BAR_HEIGHT + MARK_OVERHANG))
        painter.end()
