"""The cleaning ranking's chart: each cleaner's average inspection score, month by month.

A line per cleaner over the last months (a month a cleaner was not inspected leaves a gap; a
month alone between gaps is a dot), on a score axis that starts low enough to show the lowest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from PySide6.QtCharts import QBarCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QToolTip, QWidget

from estatedesk.gui.presenters.cleaning_inspections import score_floor
from estatedesk.gui.presenters.cleaning_rota import one_decimal
from estatedesk.gui.presenters.common import MUTED
from estatedesk.gui.widgets.rate_chart import scaled
from estatedesk.gui.widgets.repair_chart import CATEGORY_COLOURS


class RankingChart(QWidget):
    """Each cleaner's average score over the months given (``show_history``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: list[str] = []
        self.averages: dict[str, tuple[Fraction | None, ...]] = {}
        self.lines: list[QLineSeries] = []
        self.chart = QChart()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.axis_x = QBarCategoryAxis()
        self.axis_x.setTruncateLabels(False)
        self.axis_y = QValueAxis()
        self.axis_y.setLabelFormat("%d")
        self.chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        # The chart's theme would set Arial; the application font has the Chinese fallbacks.
        title_font = scaled(self.font(), 1.1)
        title_font.setBold(True)
        self.chart.setTitleFont(title_font)
        self.chart.legend().setFont(self.font())
        self.axis_x.setLabelsFont(self.font())
        self.axis_y.setLabelsFont(self.font())
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.note = QLabel(QCoreApplication.translate("RankingChart", "No inspections to chart yet"))
        self.note.setStyleSheet(f"color: {MUTED};")
        self.note.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 0, 0)
        layout.addWidget(self.note, 0, 0, Qt.AlignmentFlag.AlignCenter)
        self.show_history([], {}, "")

    def show_history(
        self, months: Sequence[str], averages: Mapping[str, Sequence[Fraction | None]], title: str
    ) -> None:
        """Draw each cleaner's averages (``averages[name][i]`` is month ``months[i]``'s; None: none)."""
        self.months = list(months)
        self.averages = {name: tuple(values) for name, values in averages.items()}
        for line in self.lines:
            self.chart.removeSeries(line)
        self.lines = []
        self.axis_x.clear()
        self.axis_x.append(self.months)
        self.axis_x.setVisible(bool(self.months))
        for position, (name, values) in enumerate(self.averages.items()):
            self._draw(name, values, QColor(CATEGORY_COLOURS[position % len(CATEGORY_COLOURS)]))
        bottom = score_floor(value for values in self.averages.values() for value in values)
        self.axis_y.setRange(bottom, 100)
        # Round steps: 2 points from 90, 5 from 80, 10 from 50, 20 from 0.
        self.axis_y.setTickCount({90: 6, 80: 5, 70: 4, 60: 5, 50: 6}.get(bottom, 6))
        empty = not any(value is not None for values in self.averages.values() for value in values)
        self.axis_y.setVisible(not empty)
        self.note.setVisible(empty)
        self.chart.setTitle(title if not empty else "")

    def _draw(self, name: str, values: Sequence[Fraction | None], colour: QColor) -> None:
        """A cleaner's runs of inspected months, each a line with its points; the first names them."""
        runs: list[list[QPointF]] = [[]]
        for position, value in enumerate(values):
            if value is None:
                if runs[-1]:
                    runs.append([])
                continue
            runs[-1].append(QPointF(position, float(value)))
        named = False
        for run in runs:
            if not run:
                continue
            line = QLineSeries()
            line.setName(name)
            line.setPen(QPen(colour, 2))
            line.setColor(colour)
            line.setPointsVisible(True)
            line.replace(run)
            line.hovered.connect(lambda point, state, who=name: self._hovered(who, point, state))
            self.chart.addSeries(line)
            line.attachAxis(self.axis_x)
            line.attachAxis(self.axis_y)
            for marker in self.chart.legend().markers(line):
                marker.setVisible(not named)
            named = True
            self.lines.append(line)

    def describe(self, name: str, position: int) -> str:
        """The tooltip of a point: the cleaner, the month and the average to one decimal."""
        value = self.averages[name][position]
        figure = one_decimal(value) if value is not None else "—"
        return f"{name}\n{self.months[position]}: {figure}"

    def _hovered(self, name: str, point: QPointF, state: bool) -> None:
        position = round(point.x())
        if state and 0 <= position < len(self.months):
            QToolTip.showText(QCursor.pos(), self.describe(name, position), self.view)
        else:
            QToolTip.hideText()
