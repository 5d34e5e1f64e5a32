"""收缴率: collected ÷ due and households fully paid for a period, by month or by building, charted."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.domain.fees import Month
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import (
    DISPLAY,
    LOADED_ORDER,
    RIGHT,
    ColumnSpec,
    RecordTableModel,
    set_up_table,
)
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.fee_pages.base import FeePage
from estatedesk.gui.tabs.fee_pages.billing import MonthFields
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.gui.widgets.rate_chart import RateChart, RatePoint
from estatedesk.gui.worker import BackgroundTask
from estatedesk.services import fees
from estatedesk.services.fees import CollectionRate

if TYPE_CHECKING:
    from estatedesk.gui.tabs.fees import FeesTab

TOTALS_PER_ROW = 3  # three figures side by side, two rows: money, then households


class RateTableModel(RecordTableModel[present.RateLine]):
    """The rate table: its first column names months or buildings, as the page is switched."""

    label_title = ""

    def set_label_title(self, title: str) -> None:
        """Call the first column ``title`` (Month, Building)."""
        if title != self.label_title:
            self.label_title = title
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 0)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        """The first column's title as switched; the others as their specs say."""
        if section == 0 and orientation == Qt.Orientation.Horizontal and role == DISPLAY and self.label_title:
            return self.label_title
        return super().headerData(section, orientation, role)


class RatePage(FeePage):
    """The collection rate of a period: totals, a chart and a table, by month or by building."""

    title = QT_TRANSLATE_NOOP("fees", "Collection rate")
    icon = "fa5s.chart-bar"
    key = "rate"
    ui_file = "fee_rate.ui"

    def __init__(self, tab: FeesTab) -> None:
        super().__init__(tab)
        form = self.form
        self.months = MonthFields(
            find(form, QLineEdit, "fromEdit"),
            find(form, QLineEdit, "toEdit"),
            find(form, QLabel, "fromError"),
            find(form, QLabel, "toError"),
        )
        self.show_button = find(form, QPushButton, "showButton")
        self.by_month = find(form, QRadioButton, "byMonthRadio")
        self.by_building = find(form, QRadioButton, "byBuildingRadio")
        self.table = find(form, QTableView, "rateTable")
        self.splitter = find(form, QSplitter, "splitter")
        self.show_button.setIcon(icon("fa5s.sync-alt"))
        self.chart = RateChart(find(form, QWidget, "chartHolder"))
        holder_layout = QVBoxLayout(find(form, QWidget, "chartHolder"))
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.chart)
        self.totals: list[tuple[QLabel, QLabel]] = []
        grid = QGridLayout(find(form, QFrame, "totalsBox"))
        for position, (title, _value) in enumerate(present.rate_totals(_empty_rate(_today()))):
            name, figure = QLabel(title), QLabel(present.NONE)
            figure.setStyleSheet("font-size: 15pt; font-weight: bold;")
            row, column = divmod(position, TOTALS_PER_ROW)
            grid.addWidget(name, row, 2 * column)
            grid.addWidget(figure, row, 2 * column + 1)
            self.totals.append((name, figure))
        for column in range(TOTALS_PER_ROW):
            grid.setColumnStretch(2 * column + 1, 1)
        self.model = RateTableModel(
            [
                ColumnSpec(
                    "label", self.tr("Month"), lambda line: line.label, sort_key=LOADED_ORDER, width=120
                ),
                ColumnSpec(
                    "due",
                    self.tr("Due (yuan)"),
                    lambda line: line.due,
                    sort_key=lambda line: line.row.due_fen,
                    alignment=RIGHT,
                    width=130,
                ),
                ColumnSpec(
                    "collected",
                    self.tr("Collected (yuan)"),
                    lambda line: line.collected,
                    sort_key=lambda line: line.row.collected_fen,
                    alignment=RIGHT,
                    width=130,
                ),
                ColumnSpec(
                    "rate",
                    self.tr("Collection rate"),
                    lambda line: line.rate,
                    sort_key=lambda line: line.money_rate,
                    alignment=RIGHT,
                    width=110,
                ),
                ColumnSpec(
                    "billed",
                    self.tr("Households billed"),
                    lambda line: line.billed,
                    sort_key=lambda line: line.row.households_billed,
                    alignment=RIGHT,
                    width=120,
                ),
                ColumnSpec(
                    "paid",
                    self.tr("Fully paid"),
                    lambda line: line.paid,
                    sort_key=lambda line: line.row.households_paid,
                    alignment=RIGHT,
                    width=90,
                ),
                ColumnSpec(
                    "household_rate",
                    self.tr("Household rate"),
                    lambda line: line.household_rate,
                    sort_key=lambda line: line.households_rate,
                    alignment=RIGHT,
                    width=110,
                ),
            ],
            id_of=lambda line: hash(line.row.label),
            parent=self,
        )
        set_up_table(self.table, self.model, sorted_by="label")
        self.table.setSortingEnabled(True)
        self.list_note = ListNote(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([400, 260])  # the chart needs the height to label its axis
        self.rate: CollectionRate | None = None
        self.points: list[RatePoint] = []  # what the chart draws
        self.task: BackgroundTask | None = None
        self._reads = 0
        self._chosen = False  # the clerk typed a period: a re-read keeps it
        for edit in (self.months.first, self.months.last):
            edit.textEdited.connect(lambda _text: setattr(self, "_chosen", True))
            edit.returnPressed.connect(self.read)
        self.show_button.clicked.connect(self.read)
        self.by_month.toggled.connect(lambda _on: self._show_detail())

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the period's figures on a worker thread (a year of a large estate takes a moment)."""
        if not self._chosen:
            self.months.set_period(*present.default_rate_period(_today()))
        period = self.months.period()
        if period is None:
            return
        first, last = period
        self._reads += 1
        planned = self._reads
        task = BackgroundTask(
            self,
            self.tr("Working out the collection rate…"),
            lambda _progress, _cancelled: fees.collection_rate(first, last, detail=True),
            lambda rate: self._show(rate) if planned == self._reads else None,
            cancellable=False,
        )
        task.finished.connect(lambda: self._task_ended(task))
        self.task = task
        self.show_button.setEnabled(False)
        task.start()

    def _task_ended(self, task: BackgroundTask) -> None:
        if self.task is task:
            self.task = None
        self.show_button.setEnabled(True)

    def forget_file(self) -> None:
        """Another estate: this year again, nothing shown of the last one."""
        self._reads += 1
        self._chosen = False
        self.rate = None
        self._show_totals(None)
        self.model.set_rows([])
        self.chart.clear()

    def status_text(self) -> str:
        """The period's collection rate."""
        return present.rate_status(self.rate) if self.rate is not None else ""

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The splitter between chart and table, and the table's columns."""
        return {"splitter": self.splitter, "columns": self.table.horizontalHeader()}

    def focus_first(self) -> None:
        """The first month."""
        self.months.first.setFocus()

    # ------------------------------------------------------------ showing

    def _show(self, rate: CollectionRate) -> None:
        self.rate = rate
        self._show_totals(rate)
        self._show_detail()
        self.tab.status_changed.emit()

    def _show_totals(self, rate: CollectionRate | None) -> None:
        figures = present.rate_totals(rate) if rate is not None else []
        for position, (_name, figure) in enumerate(self.totals):
            figure.setText(figures[position][1] if figures else present.NONE)

    def _show_detail(self) -> None:
        """The chart and the table, by month or by building as switched."""
        rate = self.rate
        by_building = self.by_building.isChecked()
        self.model.set_label_title(self.tr("Building") if by_building else self.tr("Month"))
        if rate is None:
            self.points = []
            self.model.set_rows([])
            self.chart.clear()
            self.list_note.set_text("")
            return
        lines = present.rate_lines(rate, by_building)
        self.model.set_rows(lines)
        drawn = present.chart_lines(lines, by_building)
        self.points = [RatePoint(line.label, line.money_rate, line.households_rate) for line in drawn]
        self.chart.show_points(self.points, present.rate_title(rate, by_building, len(drawn), len(lines)))
        self.list_note.set_text(
            ""
            if lines
            else self.tr("Nothing was billed for these months: bill them on the Billing run page first.")
        )

    def show_by(self, by_building: bool) -> None:
        """Switch the chart and table to buildings (or months)."""
        (self.by_building if by_building else self.by_month).setChecked(True)


def _today() -> date:
    return date.today()


def _empty_rate(today: date) -> CollectionRate:
    """A period with nothing in it: the titles of the totals, before anything is read."""
    month = Month(today.year, today.month)
    return CollectionRate(month, month, 0, 0, None, 0, 0)
