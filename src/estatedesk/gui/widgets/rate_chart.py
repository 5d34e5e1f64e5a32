"""The collection-rate chart (收缴率) of the fee ledger: by month or by building, against the 98% target."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLegend,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QToolTip, QWidget

from estatedesk.gui.presenters.common import MUTED

TARGET_PERCENT = 98
MONEY_COLOUR, HOUSEHOLDS_COLOUR, TARGET_COLOUR = QColor("#3b73b9"), QColor("#72b05a"), QColor("#d0453a")
SLANTED_AFTER = 8  # more labels than this (a year of months): slanted
UPRIGHT_AFTER = 24  # more than this (40 buildings): upright, smaller, long names shortened
SHORT_LABEL = 8  # characters a shortened label keeps, "…" included


@dataclass(frozen=True)
class RatePoint:
    """One month's or one building's collection rates."""

    label: str  # "2027-01" (a month) or a building's name
    money_rate: Fraction | None  # collected / due; None when nothing was due
    household_rate: Fraction | None  # households fully paid / households billed; None when none was


def percent(rate: Fraction | None) -> float | None:
    """A rate as a percentage (49/50 → 98.0); None stays None."""
    return None if rate is None else float(rate * 100)


def axis_labels(labels: Sequence[str], shorten: bool) -> list[str]:
    """The x axis's categories: long ones shortened when asked, all unique (the axis drops repeats)."""
    categories: list[str] = []
    for label in labels:
        text = label[: SHORT_LABEL - 1] + "…" if shorten and len(label) > SHORT_LABEL else label
        while text in categories:
            text += "\u200b"  # a zero-width space: looks the same, counts as another category
        categories.append(text)
    return categories


def scaled(font: QFont, factor: float) -> QFont:
    """A copy of ``font``, ``factor`` times as large (in points or pixels, as it is set)."""
    copy = QFont(font)
    if font.pointSizeF() > 0:
        copy.setPointSizeF(font.pointSizeF() * factor)
    else:  # a font set in pixels
        copy.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return copy


class RateChart(QWidget):
    """A bar chart of the collection rate by month (or building), with the 98% target line.

    Each point has two bars, money collected and households fully paid, in percent of the
    0–100% axis. A rate of None (nothing was due, no household billed) draws no bar and its
    tooltip says so; a rate above 100% (money paid ahead) is drawn at 100%, its tooltip exact.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[RatePoint] = []
        self.money = QBarSet(QCoreApplication.translate("RateChart", "Collected (money)"))
        self.households = QBarSet(QCoreApplication.translate("RateChart", "Households fully paid"))
        self.money.setColor(MONEY_COLOUR)
        self.households.setColor(HOUSEHOLDS_COLOUR)
        self.bars = QBarSeries()
        self.bars.append([self.money, self.households])
        self.bars.setBarWidth(0.7)
        self.bars.hovered.connect(self._hovered)
        self.target = QLineSeries()
        self.target.setName(QCoreApplication.translate("RateChart", "Target 98%"))
        self.target.setPen(QPen(TARGET_COLOUR, 1.5, Qt.PenStyle.DashLine))
        self.x_axis = QBarCategoryAxis()
        self.x_axis.setTruncateLabels(False)  # upright labels would otherwise shrink to "…"
        self.y_axis = QValueAxis()
        self.y_axis.setRange(0, 100)
        self.y_axis.setTickCount(6)
        self.y_axis.setLabelFormat("%d%%")
        self.chart = QChart()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.bars, self.target):
            self.chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        for marker in self.chart.legend().markers(self.target):
            marker.setShape(QLegend.MarkerShape.MarkerShapeFromSeries)  # a dashed line, not a square
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.note = QLabel(QCoreApplication.translate("RateChart", "No collection figures to show"))
        self.note.setStyleSheet(f"color: {MUTED};")
        self.note.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 0, 0)
        layout.addWidget(self.note, 0, 0, Qt.AlignmentFlag.AlignCenter)  # over the empty plot
        # The chart's theme would set Arial; the application font has the Chinese fallbacks.
        title_font = scaled(self.font(), 1.2)
        title_font.setBold(True)
        self.chart.setTitleFont(title_font)
        self.chart.legend().setFont(self.font())
        self.y_axis.setLabelsFont(self.font())
        self.clear()

    def show_points(self, points: Sequence[RatePoint], title: str) -> None:
        """Draw ``points`` in their order (months oldest first, or buildings) under ``title``."""
        self._points = list(points)
        count = len(self._points)
        self.chart.setTitle(title)
        for bar_set, rates in (
            (self.money, [point.money_rate for point in self._points]),
            (self.households, [point.household_rate for point in self._points]),
        ):
            bar_set.remove(0, bar_set.count())
            bar_set.append([min(percent(rate) or 0.0, 100.0) for rate in rates])
        crowded = count > UPRIGHT_AFTER
        self.x_axis.clear()
        self.x_axis.append(axis_labels([point.label for point in self._points], shorten=crowded))
        self.x_axis.setLabelsAngle(-90 if crowded else -45 if count > SLANTED_AFTER else 0)
        self.x_axis.setLabelsFont(scaled(self.font(), 0.85 if crowded else 1.0))
        # A category axis spans -0.5 … count - 0.5: the line runs from edge to edge.
        ends = [QPointF(-0.5, TARGET_PERCENT), QPointF(count - 0.5, TARGET_PERCENT)]
        self.target.replace(ends if count else [])
        self.x_axis.setVisible(count > 0)  # without categories it draws stray ticks
        self.note.setVisible(count == 0)

    def clear(self) -> None:
        """An empty chart with a note in the middle."""
        self.show_points([], "")

    def describe(self, index: int, bar_set: QBarSet) -> str:
        """The tooltip of one bar: the point's label, the series and its exact rate."""
        point = self._points[index]
        rate = percent(point.money_rate if bar_set is self.money else point.household_rate)
        figure = QCoreApplication.translate("RateChart", "nothing due") if rate is None else f"{rate:.1f}%"
        return f"{point.label}\n{bar_set.label()}: {figure}"

    def _hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        if status and 0 <= index < len(self._points):
            QToolTip.showText(QCursor.pos(), self.describe(index, bar_set), self.view)
        else:
            QToolTip.hideText()
