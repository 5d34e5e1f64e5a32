"""The repair log's monthly chart: the on-time rate against the 99% target, or orders by category.

Two charts in one place, switched by the page: the on-time rate of each month as a line (a month
whose orders are not judged yet leaves a gap) over a dashed target line, on an axis that starts
low enough to show both; and the orders of each month stacked by category.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QStackedWidget, QToolTip, QWidget

from estatedesk.gui.presenters.common import MUTED
from estatedesk.gui.widgets.rate_chart import percent, scaled

TARGET_PERCENT = 99
RATE_COLOUR, TARGET_COLOUR = QColor("#3b73b9"), QColor("#d0453a")
# Distinct, print-friendly colours for the categories, in the order they are given.
CATEGORY_COLOURS = (
    "#3b73b9",
    "#72b05a",
    "#e39b2d",
    "#8e5ea2",
    "#2aa3a3",
    "#d0453a",
    "#a7754c",
    "#7f8c8d",
    "#c8b631",
    "#5d6d7e",
)
# More months than this: labels turned upright (slanted ones lose the first and last to the edges).
TURNED_AFTER = 8


# The bottoms the rate axis may have, with the ticks that divide each into round steps.
RATE_FLOORS = ((90, 6), (80, 5), (70, 4), (60, 5), (50, 6), (0, 6))


def rate_floor(rates: Sequence[Fraction | None]) -> tuple[int, int]:
    """The bottom of the rate axis and its tick count: 90% unless a rate is within 2 points of it."""
    lowest = min((float(rate * 100) for rate in rates if rate is not None), default=100.0)
    for bottom, ticks in RATE_FLOORS:
        if lowest - 2 >= bottom:
            return bottom, ticks
    return RATE_FLOORS[-1]


def count_ceiling(tallest: int) -> tuple[int, int]:
    """The top of the count axis and its tick count: round steps (1, 2, 5 × 10ⁿ), at most 5 of them."""
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            steps = max(1, math.ceil(tallest / step))
            if steps <= 5:
                return steps * step, steps + 1
        magnitude *= 10


@dataclass(frozen=True)
class MonthPoint:
    """One month of the chart: its on-time rate (None: nothing judged) and its orders by category."""

    month: str  # YYYY-MM
    on_time_rate: Fraction | None
    by_category: tuple[tuple[str, int], ...]  # category key, orders


class RepairChart(QWidget):
    """The last months' on-time rate against its target, or their orders by category (``show_rates``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[MonthPoint] = []
        self.names: dict[str, str] = {}
        self.category_keys: list[str] = []
        self.showing_rates = True
        # The on-time chart: a line per run of judged months, their points, the target.
        self.rate_chart = QChart()
        self.rate_axis_x = QBarCategoryAxis()
        self.rate_axis_y = QValueAxis()
        self.rate_axis_y.setLabelFormat("%d%%")
        self.rate_lines: list[QLineSeries] = []
        self.rate_points = QScatterSeries()
        self.rate_points.setName(QCoreApplication.translate("RepairChart", "On-time rate"))
        self.rate_points.setColor(RATE_COLOUR)
        self.rate_points.setBorderColor(RATE_COLOUR)
        self.rate_points.setMarkerSize(8)
        self.rate_points.hovered.connect(self._rate_hovered)
        self.target = QLineSeries()
        self.target.setName(QCoreApplication.translate("RepairChart", "Target 99%"))
        self.target.setPen(QPen(TARGET_COLOUR, 1.5, Qt.PenStyle.DashLine))
        self._set_up(self.rate_chart, self.rate_axis_x, self.rate_axis_y, [self.rate_points, self.target])
        for marker in self.rate_chart.legend().markers(self.target):
            marker.setShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        # The orders chart: a stacked bar per month, a set per category.
        self.count_chart = QChart()
        self.count_axis_x = QBarCategoryAxis()
        self.count_axis_y = QValueAxis()
        self.count_axis_y.setLabelFormat("%d")
        self.bars = QStackedBarSeries()
        self.bars.setBarWidth(0.7)
        self.bars.hovered.connect(self._bar_hovered)
        self._set_up(self.count_chart, self.count_axis_x, self.count_axis_y, [self.bars])
        # A legend of up to a dozen categories: a column on the right keeps each name whole.
        self.count_chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.rate_view = QChartView(self.rate_chart)
        self.count_view = QChartView(self.count_chart)
        self.stack = QStackedWidget()
        for view in (self.rate_view, self.count_view):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.stack.addWidget(view)
        self.note = QLabel(QCoreApplication.translate("RepairChart", "No orders to chart yet"))
        self.note.setStyleSheet(f"color: {MUTED};")
        self.note.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 0, 0)
        layout.addWidget(self.note, 0, 0, Qt.AlignmentFlag.AlignCenter)
        self.clear()

    def _set_up(
        self, chart: QChart, x_axis: QBarCategoryAxis, y_axis: QValueAxis, series: list[object]
    ) -> None:
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        x_axis.setTruncateLabels(False)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for one in series:
            chart.addSeries(one)  # type: ignore[arg-type]
            one.attachAxis(x_axis)  # type: ignore[attr-defined]
            one.attachAxis(y_axis)  # type: ignore[attr-defined]
        # The chart's theme would set Arial; the application font has the Chinese fallbacks.
        title_font = scaled(self.font(), 1.2)
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.legend().setFont(self.font())
        y_axis.setLabelsFont(self.font())
        x_axis.setLabelsFont(self.font())

    # ------------------------------------------------------------ what the page calls

    def show_points(self, points: Sequence[MonthPoint], names: dict[str, str], title: str) -> None:
        """Draw ``points`` (months oldest first); ``names`` name the categories; ``title`` the chart shown."""
        self.points = list(points)
        self.names = dict(names)
        months = [point.month for point in self.points]
        count = len(months)
        angle = -90 if count > TURNED_AFTER else 0
        for axis in (self.rate_axis_x, self.count_axis_x):
            axis.clear()
            axis.append(months)
            axis.setLabelsAngle(angle)
            axis.setVisible(count > 0)  # without categories it draws stray ticks
        self._draw_rates()
        self._draw_counts()
        self.set_title(title)
        empty = not any(point.by_category for point in self.points)
        self.note.setVisible(empty)
        for value_axis in (self.rate_axis_y, self.count_axis_y):
            value_axis.setVisible(not empty)

    def show_rates(self, rates: bool) -> None:
        """Show the on-time chart (True) or the orders by category (False)."""
        self.showing_rates = rates
        self.stack.setCurrentWidget(self.rate_view if rates else self.count_view)

    def set_title(self, title: str) -> None:
        """The title of both charts (the page words it for the one shown)."""
        self.rate_chart.setTitle(title)
        self.count_chart.setTitle(title)

    def clear(self) -> None:
        """Nothing drawn, a note in the middle."""
        self.show_points([], {}, "")

    # ------------------------------------------------------------ drawing

    def _draw_rates(self) -> None:
        for line in self.rate_lines:
            self.rate_chart.removeSeries(line)
        self.rate_lines = []
        runs: list[list[QPointF]] = [[]]
        dots = []
        for position, point in enumerate(self.points):
            rate = percent(point.on_time_rate)
            if rate is None:
                if runs[-1]:
                    runs.append([])
                continue
            dots.append(QPointF(position, rate))
            runs[-1].append(QPointF(position, rate))
        for run in runs:
            if len(run) < 2:
                continue
            line = QLineSeries()
            line.setPen(QPen(RATE_COLOUR, 2))
            line.replace(run)
            self.rate_chart.addSeries(line)
            line.attachAxis(self.rate_axis_x)
            line.attachAxis(self.rate_axis_y)
            for marker in self.rate_chart.legend().markers(line):
                marker.setVisible(False)  # the points' marker names the series
            self.rate_lines.append(line)
        self.rate_points.replace(dots)
        count = len(self.points)
        ends = [QPointF(-0.5, TARGET_PERCENT), QPointF(count - 0.5, TARGET_PERCENT)]
        self.target.replace(ends if count else [])
        bottom, ticks = rate_floor([point.on_time_rate for point in self.points])
        self.rate_axis_y.setRange(bottom, 100)
        self.rate_axis_y.setTickCount(ticks)

    def _draw_counts(self) -> None:
        self.bars.clear()
        keys: list[str] = []
        for point in self.points:
            for key, _count in point.by_category:
                if key not in keys:
                    keys.append(key)
        order = list(self.names)
        keys.sort(key=lambda key: (order.index(key) if key in order else len(order), key))
        self.category_keys = keys
        for position, key in enumerate(keys):
            bar_set = QBarSet(self.names.get(key, key))
            bar_set.setColor(QColor(CATEGORY_COLOURS[position % len(CATEGORY_COLOURS)]))
            bar_set.append([float(dict(point.by_category).get(key, 0)) for point in self.points])
            self.bars.append(bar_set)
        tallest = max((sum(count for _key, count in point.by_category) for point in self.points), default=0)
        top, ticks = count_ceiling(tallest)
        self.count_axis_y.setRange(0, top)
        self.count_axis_y.setTickCount(ticks)

    # ------------------------------------------------------------ tooltips

    def describe_rate(self, position: int) -> str:
        """The tooltip of a month's point: the month and its exact rate."""
        point = self.points[position]
        rate = percent(point.on_time_rate)
        figure = (
            QCoreApplication.translate("RepairChart", "nothing judged") if rate is None else f"{rate:.2f}%"
        )
        return f"{point.month}\n{QCoreApplication.translate('RepairChart', 'On-time rate')}: {figure}"

    def describe_bar(self, position: int, bar_set: QBarSet) -> str:
        """The tooltip of a bar: the month, the category and its orders, and the month's total."""
        point = self.points[position]
        total = sum(count for _key, count in point.by_category)
        return QCoreApplication.translate(
            "RepairChart", "{month}\n{category}: {count}\nAll orders: {total}"
        ).format(month=point.month, category=bar_set.label(), count=int(bar_set.at(position)), total=total)

    def _rate_hovered(self, where: QPointF, state: bool) -> None:
        position = round(where.x())
        if state and 0 <= position < len(self.points):
            QToolTip.showText(QCursor.pos(), self.describe_rate(position), self.rate_view)
        else:
            QToolTip.hideText()

    def _bar_hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        if status and 0 <= index < len(self.points):
            QToolTip.showText(QCursor.pos(), self.describe_bar(index, bar_set), self.count_view)
        else:
            QToolTip.hideText()
