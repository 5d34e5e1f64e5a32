"""月度统计: a month's orders by category and kind, its rates against their targets, a chart, the report.

It opens on the latest month with orders, or on the month before while this one is in its first
week (on the 1st, a month of one order and nothing judged is no figure to look at).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import RIGHT, ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.presenters import repair_register as present
from estatedesk.gui.presenters.common import MUTED
from estatedesk.gui.presenters.fee_reports import NONE
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.repair_pages.base import RepairPage
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.gui.widgets.repair_chart import MonthPoint, RepairChart
from estatedesk.gui.worker import BackgroundTask, save_in_background
from estatedesk.services import repairs
from estatedesk.services.repairs import MonthFigures

if TYPE_CHECKING:
    from estatedesk.gui.tabs.repairs import RepairsTab


@dataclass(frozen=True)
class MonthReading:
    """What one read brings back: the month's figures and the chart's months."""

    figures: MonthFigures
    points: list[MonthPoint]


def read_month(month: str, with_orders: set[str], as_of: datetime) -> MonthReading:
    """The figures of ``month`` and of the 12 months ending with it (months without orders not asked)."""
    figures = repairs.month_figures(month, as_of)
    points = []
    for shown in present.chart_months(month):
        if shown == month:
            counted = figures
        elif shown in with_orders:
            counted = repairs.month_figures(shown, as_of)
        else:
            points.append(MonthPoint(shown, None, ()))
            continue
        points.append(MonthPoint(shown, counted.on_time_rate, counted.by_category))
    return MonthReading(figures, points)


class FigureBox:
    """One figure on the page: its name, value, mark against the target, the target, the counts behind."""

    def __init__(self, grid: QGridLayout, column: int) -> None:
        self.name = QLabel()
        self.name.setStyleSheet("font-weight: bold;")
        self.value = QLabel(NONE)
        self.value.setStyleSheet("font-size: 17pt; font-weight: bold;")
        self.mark = QLabel()
        self.target = QLabel()
        self.target.setStyleSheet(f"color: {MUTED};")
        self.detail = QLabel()
        self.detail.setStyleSheet(f"color: {MUTED};")
        self.detail.setWordWrap(True)
        for row, label in enumerate((self.name, self.value, self.mark, self.target, self.detail)):
            grid.addWidget(label, row, column)
        # A month with nothing judged has no mark: its line stays, so that the page does not jump.
        self.mark.setMinimumHeight(self.mark.fontMetrics().height())

    def show(self, figure: present.Figure | None, name: str) -> None:
        """Show ``figure`` (None: the month is not read, or has no orders)."""
        self.name.setText(name)
        if figure is None:
            for label in (self.mark, self.target, self.detail):
                label.setText("")
            self.value.setText(NONE)
            self.value.setStyleSheet("font-size: 17pt; font-weight: bold;")
            return
        colour = present.mark_colour(figure.off_target)
        self.value.setText(figure.value)
        self.value.setStyleSheet(
            "font-size: 17pt; font-weight: bold;" + (f" color: {colour};" if figure.off_target else "")
        )
        self.mark.setText(present.mark_text(figure.off_target))
        self.mark.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        self.target.setText(figure.target)
        self.detail.setText(figure.detail)


class FiguresPage(RepairPage):
    """A month's figures against their targets, the last 12 months charted, and the monthly report."""

    title = QT_TRANSLATE_NOOP("repairs", "Monthly figures")
    icon = "fa5s.chart-line"
    key = "repairFigures"
    ui_file = "repair_figures.ui"

    def __init__(self, tab: RepairsTab) -> None:
        super().__init__(tab)
        form = self.form
        self.month_combo = find(form, QComboBox, "monthCombo")
        self.print_button = find(form, QPushButton, "printButton")
        self.settings_button = find(form, QPushButton, "settingsButton")
        self.on_time_radio = find(form, QRadioButton, "onTimeRadio")
        self.by_category_radio = find(form, QRadioButton, "byCategoryRadio")
        self.splitter = find(form, QSplitter, "splitter")
        self.category_table = find(form, QTableView, "categoryTable")
        self.kind_table = find(form, QTableView, "kindTable")
        self.print_button.setIcon(icon("fa5s.print"))
        self.settings_button.setIcon(icon("fa5s.sliders-h"))
        holder = find(form, QWidget, "chartHolder")
        self.chart = RepairChart(holder)
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.chart)
        grid = QGridLayout(find(form, QFrame, "figuresBox"))
        grid.setHorizontalSpacing(18)
        names = [figure.name for figure in present.month_figures(_no_figures())]
        self.boxes = [FigureBox(grid, column) for column in range(len(names))]
        for column, (box, name) in enumerate(zip(self.boxes, names, strict=True)):
            box.show(None, name)
            grid.setColumnStretch(column, 1)
        count_columns = [
            ColumnSpec[present.CountLine]("name", self.tr("Category"), lambda line: line.name, width=200),
            ColumnSpec[present.CountLine](
                "count",
                self.tr("Orders"),
                lambda line: str(line.count),
                sort_key=lambda line: line.count,
                alignment=RIGHT,
                width=60,
            ),
            ColumnSpec[present.CountLine](
                "share", self.tr("Share"), lambda line: line.share, alignment=RIGHT, width=70
            ),
        ]
        self.category_model: RecordTableModel[present.CountLine] = RecordTableModel(
            count_columns, id_of=lambda line: hash(line.key), parent=self
        )
        set_up_table(self.category_table, self.category_model, row_height=22)
        self.kind_model: RecordTableModel[present.CountLine] = RecordTableModel(
            [
                ColumnSpec[present.CountLine]("name", self.tr("Kind"), lambda line: line.name, width=200),
                *count_columns[1:],
            ],
            id_of=lambda line: hash(line.key),
            parent=self,
        )
        set_up_table(self.kind_table, self.kind_model, row_height=22)
        self.category_note = ListNote(self.category_table)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([380, 700])
        self.months: list[str] = []  # months with orders, newest first
        self.month: str | None = None  # the month shown
        self.figures: MonthFigures | None = None
        self.points: list[MonthPoint] = []
        self.task: BackgroundTask | None = None
        self._reads = 0
        self.month_combo.activated.connect(lambda _index: self._read_month())
        self.on_time_radio.toggled.connect(lambda _on: self._show_chart())
        self.print_button.clicked.connect(self.print_report)
        self.settings_button.clicked.connect(self.edit_settings)

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the months orders were received in (keeping the one chosen), then its figures."""
        self.months = repairs.months_with_orders()
        chosen = (
            self.month if self.month in self.months else present.default_month(self.months, self.now().date())
        )
        self.month_combo.blockSignals(True)
        self.month_combo.clear()
        for month in self.months:
            self.month_combo.addItem(present.month_title(month), month)
        if chosen is not None:
            self.month_combo.setCurrentIndex(self.months.index(chosen))
        self.month_combo.blockSignals(False)
        self._read_month()

    def forget_file(self) -> None:
        """Another estate: nothing of the last one on show."""
        self._reads += 1
        self.months = []
        self.month = None
        self.month_combo.clear()
        self._show(None)

    def status_text(self) -> str:
        """The month's orders and on-time rate."""
        return present.figures_status(self.figures)

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The splitter between the tables and the chart."""
        return {"splitter": self.splitter}

    def focus_first(self) -> None:
        """The month chooser."""
        self.month_combo.setFocus()

    def update_actions(self) -> None:
        """Printing needs a month shown; the settings write, so not on a read-only file."""
        self.print_button.setEnabled(self.figures is not None and self.task is None)
        self.settings_button.setEnabled(not self.tab.read_only)

    # ------------------------------------------------------------ reading

    def chosen_month(self) -> str | None:
        """The month chosen in the list, if any."""
        data = self.month_combo.currentData()
        return str(data) if data else None

    def _read_month(self) -> None:
        """Read the chosen month's figures and the chart's months on a worker thread (they take a moment)."""
        month = self.chosen_month()
        self.month = month
        self._reads += 1
        if month is None:
            self._show(None)
            return
        planned = self._reads
        with_orders, as_of = set(self.months), self.now()
        task = BackgroundTask(
            self,
            self.tr("Working out the month's figures…"),
            lambda _progress, _cancelled: read_month(month, with_orders, as_of),
            lambda reading: self._show(reading) if planned == self._reads else None,
            cancellable=False,
        )
        task.finished.connect(lambda: self._task_ended(task))
        self.task = task
        self.update_actions()
        task.start()

    def _task_ended(self, task: BackgroundTask) -> None:
        if self.task is task:
            self.task = None
        self.update_actions()

    # ------------------------------------------------------------ showing

    def _show(self, reading: MonthReading | None) -> None:
        self.figures = reading.figures if reading is not None else None
        self.points = reading.points if reading is not None else []
        figures = present.month_figures(self.figures) if self.figures is not None else None
        names = [figure.name for figure in present.month_figures(_no_figures())]
        for position, box in enumerate(self.boxes):
            box.show(figures[position] if figures is not None else None, names[position])
        names_of = self.tab.category_names
        if self.figures is None:
            self.category_model.set_rows([])
            self.kind_model.set_rows([])
        else:
            self.category_model.set_rows(present.category_lines(self.figures, names_of))
            self.kind_model.set_rows(present.kind_lines(self.figures))
        self.category_note.set_text(
            ""
            if self.category_model.rowCount()
            else (
                self.tr("No orders were received in this month.")
                if self.figures is not None
                else self.tr("No orders yet: the figures start with the first order taken.")
            )
        )
        self.chart.show_points(self.points, names_of, "")
        self._show_chart()
        self.update_actions()
        self.tab.status_changed.emit()

    def _show_chart(self) -> None:
        rates = self.on_time_radio.isChecked()
        self.chart.show_rates(rates)
        months = [point.month for point in self.points]
        self.chart.set_title(present.chart_title(months, rates) if months else "")

    def show_by_category(self, by_category: bool) -> None:
        """Chart the orders by category (or the on-time rate)."""
        (self.by_category_radio if by_category else self.on_time_radio).setChecked(True)

    # ------------------------------------------------------------ actions

    def print_report(self) -> None:
        """Write the month's report (figures against targets, with the chart) as a PDF."""
        from estatedesk.services.repairs import documents  # the reports load when first printed

        month, as_of = self.month, self.now()
        if month is None or self.figures is None:
            return
        self.task = save_in_background(
            self,
            self.tr("Print the monthly report"),
            Path.home() / f"报修月报 {month}.pdf",
            self.tr("PDF document (*.pdf)"),
            self.tr("Writing the monthly report…"),
            lambda target: documents.print_month_report(month, target, as_of),
            lambda _result, target: self.tr("The report of {month} was written to\n{path}").format(
                month=month, path=target
            ),
            suffixes=(".pdf",),
        )
        task = self.task
        if task is not None:
            task.finished.connect(lambda: self._task_ended(task))
        self.update_actions()

    def edit_settings(self) -> None:
        """The time limits of each category, and the office's holiday table."""
        from estatedesk.gui.dialogs.repair_settings_dialog import RepairSettingsDialog

        if RepairSettingsDialog(self, self.tab.category_names).exec():
            self.tab.read_categories()
        self.read()


def _no_figures() -> MonthFigures:
    """A month with nothing in it: the figures' names before anything is read."""
    return MonthFigures("", 0, 0, (), (), 0, 0, 0, 0, 0, 0, 0, None, None, None, None, None)
