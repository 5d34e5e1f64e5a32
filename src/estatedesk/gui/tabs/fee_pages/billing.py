"""开账: bill every room for a month or a run of months, on a worker thread, and list earlier runs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
)

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError, InputRejected, ValidationError
from estatedesk.domain.fees import Month
from estatedesk.gui import labels
from estatedesk.gui.dialogs.base import BAD_FIELD_STYLE, ERROR_STYLE
from estatedesk.gui.errors import report_error
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import RIGHT, ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.fee_pages.base import FeePage
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.gui.worker import BackgroundTask
from estatedesk.services import fees
from estatedesk.services.fees import BillResult
from estatedesk.services.fees.overview_queries import billing_preview, billing_runs, last_billed_month

if TYPE_CHECKING:
    from estatedesk.gui.tabs.fees import FeesTab


class MonthFields:
    """Two month inputs (from, to) with their error labels, read as a period as the clerk types."""

    def __init__(self, first: QLineEdit, last: QLineEdit, first_error: QLabel, last_error: QLabel) -> None:
        self.first = first
        self.last = last
        self._fields = {"from": (first, first_error), "to": (last, last_error)}
        for _edit, label in self._fields.values():
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()

    def set_period(self, first: Month, last: Month) -> None:
        """Show a period (its errors cleared)."""
        self.first.setText(str(first))
        self.last.setText(str(last))
        self.show_errors([])

    def period(self) -> tuple[Month, Month] | None:
        """The period typed, its errors shown next to the fields; None when it cannot be read."""
        try:
            period = present.read_period(self.first.text(), self.last.text())
        except InputRejected as rejected:
            self.show_errors(rejected.errors)
            return None
        self.show_errors([])
        return period

    def show_errors(self, errors: Sequence[ValidationError]) -> None:
        """Each error next to the month it names (a red frame and the reason, in the interface language)."""
        for name, (edit, label) in self._fields.items():
            mine = [error for error in errors if error.field == name]
            label.setText(labels.messages(mine))
            label.setVisible(bool(mine))
            edit.setStyleSheet(BAD_FIELD_STYLE if mine else "")


class BillingPage(FeePage):
    """A billing run: months, what it would make, Run; the result and the runs made before."""

    title = QT_TRANSLATE_NOOP("fees", "Billing run")
    icon = "fa5s.file-invoice"
    key = "billing"
    ui_file = "fee_billing.ui"

    def __init__(self, tab: FeesTab) -> None:
        super().__init__(tab)
        form = self.form
        self.months = MonthFields(
            find(form, QLineEdit, "fromEdit"),
            find(form, QLineEdit, "toEdit"),
            find(form, QLabel, "fromError"),
            find(form, QLabel, "toError"),
        )
        self.preview = find(form, QLabel, "previewLabel")
        self.result = find(form, QLabel, "resultLabel")
        self.run_button = find(form, QPushButton, "runButton")
        self.year_button = find(form, QPushButton, "yearButton")
        self.runs_table = find(form, QTableView, "runsTable")
        self.run_button.setIcon(icon("fa5s.file-invoice"))
        self.year_button.setIcon(icon("fa5s.calendar-alt"))
        self.runs: RecordTableModel[present.RunLine] = RecordTableModel(
            [
                ColumnSpec("when", self.tr("When"), lambda run: run.when, width=140),
                ColumnSpec("clerk", self.tr("Clerk"), lambda run: run.clerk, width=110),
                ColumnSpec("months", self.tr("Months"), lambda run: run.months, width=170),
                ColumnSpec(
                    "created", self.tr("Charges made"), lambda run: run.created, alignment=RIGHT, width=110
                ),
                ColumnSpec(
                    "total", self.tr("Amount (yuan)"), lambda run: run.total, alignment=RIGHT, width=140
                ),
                ColumnSpec(
                    "reduced",
                    self.tr("Reductions (yuan)"),
                    lambda run: run.reduced,
                    alignment=RIGHT,
                    width=140,
                ),
            ],
            id_of=lambda run: run.id,
            parent=self,
        )
        set_up_table(self.runs_table, self.runs)
        self.runs_note = ListNote(self.runs_table)
        self.result.hide()
        self.task: BackgroundTask | None = None
        self._chosen = False  # the clerk has typed months: a re-read keeps them
        self._period_ok = True  # the months typed can be read
        for edit in (self.months.first, self.months.last):
            edit.textEdited.connect(lambda _text: self._months_edited())
            edit.returnPressed.connect(self.run)
        self.year_button.clicked.connect(self.whole_year)
        self.run_button.clicked.connect(self.run)

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Offer the next months to bill (unless the clerk chose some), what they make, and the runs."""
        if not self._chosen:
            first, last = present.default_billing_months(last_billed_month(), _today())
            self.months.set_period(first, last)
        self._update_preview()
        self.runs.set_rows([present.run_line(run) for run in billing_runs()])
        self.runs_note.set_text(
            "" if self.runs.rowCount() else self.tr("No billing run yet: the first one is made here.")
        )

    def forget_file(self) -> None:
        """Another file: its own months are offered, and no result of this one stays."""
        self._chosen = False
        self.result.hide()
        self.result.clear()
        self.runs.set_rows([])

    def update_actions(self) -> None:
        """A run writes: not on a read-only file, nor while one is running."""
        self.run_button.setEnabled(not self.tab.read_only and self.task is None and self._period_ok)

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The runs list's columns."""
        return {"columns": self.runs_table.horizontalHeader()}

    def focus_first(self) -> None:
        """The first month."""
        self.months.first.setFocus()

    # ------------------------------------------------------------ months

    def _months_edited(self) -> None:
        self._chosen = True
        self._update_preview()

    def whole_year(self) -> None:
        """January to December of the year of the first month typed (this year's if it cannot be read)."""
        period = self.months.period()
        first, last = present.year_of(period[0] if period else present.default_rate_period(_today())[1])
        self._chosen = True
        self.months.set_period(first, last)
        self._update_preview()

    def _update_preview(self) -> None:
        period = self.months.period()
        self._period_ok = period is not None
        self.update_actions()
        if period is None:
            self.preview.setText("")
            return
        try:
            self.preview.setText(present.preview_text(billing_preview(*period)))
        except EstateDeskError as error:  # a damaged file: the page still works
            self.preview.setText(labels.message(error))

    # ------------------------------------------------------------ the run

    def run(self) -> None:
        """Ask, then bill the months typed on a worker thread, with progress and Cancel."""
        if self.tab.read_only or self.task is not None:
            return
        period = self.months.period()
        if period is None:
            return
        first, last = period
        months = present.span_text(first, last)
        answer = QMessageBox.question(
            self,
            self.tr("Billing run"),
            self.tr("Bill every room for {months}?\n\n{preview}").format(
                months=months, preview=self.preview.text()
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.task = BackgroundTask(
            self,
            self.tr("Billing {months}…").format(months=months),
            lambda progress, cancelled: fees.bill(first, last, progress=progress, cancelled=cancelled),
            lambda result: self._billed(result, first, last),
            self._failed,
        )
        self.task.finished.connect(self._task_ended)
        self.update_actions()
        self.task.start()

    def _task_ended(self) -> None:
        self.task = None
        self.update_actions()

    def _billed(self, result: BillResult, first: Month, last: Month) -> None:
        self._show_result(present.bill_result_text(result, first, last))
        self._chosen = False  # billed: the months after them are offered next
        self.read()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, fees.BillingCancelled):
            text = labels.message(error)
            self._show_result(text[:1].upper() + text[1:])
            return
        self._show_result("")
        report_error(self, self.tr("Billing run"), error)

    def _show_result(self, text: str) -> None:
        self.result.setText(text)
        self.result.setVisible(bool(text))


def _today() -> date:
    return date.today()
