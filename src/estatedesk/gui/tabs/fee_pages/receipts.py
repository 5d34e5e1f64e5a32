"""收据: every receipt of a year, searched as typed; reprints marked as copies, and voids with a reason."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
)

from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.domain.money import format_yuan
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import RIGHT, ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.fee_pages.base import FeePage
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.gui.worker import BackgroundTask, tell_written
from estatedesk.paths import data_dir
from estatedesk.services import fees
from estatedesk.services.fees import ReceiptLayout, ReceiptRow
from estatedesk.services.fees.overview_queries import receipt_years

if TYPE_CHECKING:
    from estatedesk.gui.tabs.fees import FeesTab

REPRINT_FOLDER = "收据"  # under the data folder: reprints wait there to be printed


def reprint_folder() -> Path:
    """Where reprinted receipts are written before they are opened to print."""
    return data_dir() / REPRINT_FOLDER


class ReceiptsPage(FeePage):
    """The receipts of a year (or all), newest first; void ones greyed with why, by whom and when."""

    title = QT_TRANSLATE_NOOP("fees", "Receipts")
    icon = "fa5s.receipt"
    key = "receipts"
    ui_file = "fee_receipts.ui"

    def __init__(self, tab: FeesTab) -> None:
        super().__init__(tab)
        form = self.form
        self.search = find(form, QLineEdit, "searchEdit")
        self.year = find(form, QComboBox, "yearCombo")
        self.table = find(form, QTableView, "receiptTable")
        self.count_label = find(form, QLabel, "countLabel")
        self.reprint_button = find(form, QPushButton, "reprintButton")
        self.void_button = find(form, QPushButton, "voidButton")
        self.search.addAction(icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        self.reprint_button.setIcon(icon("fa5s.print"))
        self.void_button.setIcon(icon("fa5s.ban"))
        menu = QMenu(self.reprint_button)
        self.reprint_a5 = menu.addAction(self.tr("Reprint on A5 sheets…"))
        self.reprint_a4 = menu.addAction(self.tr("Reprint two to an A4 sheet…"))
        self.reprint_button.setMenu(menu)
        self.model: RecordTableModel[ReceiptRow] = RecordTableModel(
            [
                ColumnSpec("number", self.tr("Receipt"), lambda row: row.number, width=110),
                ColumnSpec("date", self.tr("Date"), lambda row: row.paid_on.isoformat(), width=95),
                ColumnSpec("room", self.tr("Room"), lambda row: row.room_code, width=90),
                ColumnSpec("payer", self.tr("Payer"), lambda row: row.payer, width=110),
                ColumnSpec(
                    "amount",
                    self.tr("Amount (yuan)"),
                    lambda row: format_yuan(row.amount_fen),
                    sort_key=lambda row: row.amount_fen,
                    alignment=RIGHT,
                    width=110,
                ),
                ColumnSpec(
                    "method", self.tr("Method"), lambda row: present.method_title(row.method), width=100
                ),
                ColumnSpec("reference", self.tr("Reference"), lambda row: row.reference, width=120),
                ColumnSpec("clerk", self.tr("Clerk"), lambda row: row.clerk, width=80),
                ColumnSpec("status", self.tr("Status"), present.receipt_status, width=260),
            ],
            id_of=lambda row: row.payment_id,
            parent=self,
            search_text=present.receipt_search_text,
            muted=lambda row: row.void_reason is not None,
            muted_tip=self.tr("Void: not counted in any total"),
        )
        set_up_table(self.table, self.model)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first, as they are read
        self.table.setSortingEnabled(True)
        self.list_note = ListNote(self.table)
        self.task: BackgroundTask | None = None
        self.last_reprint: Path | None = None  # the PDF the last reprint wrote
        self._year_filled = False
        self.search.textChanged.connect(self._search_changed)
        self.year.activated.connect(lambda _index: self.read())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.show_account())
        self.reprint_a5.triggered.connect(lambda: self.reprint(ReceiptLayout.A5))
        self.reprint_a4.triggered.connect(lambda: self.reprint(ReceiptLayout.TWO_PER_A4))
        self.void_button.clicked.connect(self.void)
        self.update_actions()

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the receipts of the year chosen again, keeping the search and the selection."""
        keep = self.selected_ids()
        self._fill_years()
        self.model.set_rows(fees.list_receipts(year=self.chosen_year()))
        self._update_count()
        self._select(keep)

    def _fill_years(self) -> None:
        """The years receipts were issued in, this one always; the choice kept (this year at first)."""
        chosen = self.year.currentData() if self._year_filled else date.today().year
        years = sorted({date.today().year, *receipt_years()}, reverse=True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        self.year.addItem(self.tr("All years"), 0)
        index = self.year.findData(chosen)
        self.year.setCurrentIndex(index if index >= 0 else 0)
        self._year_filled = True

    def chosen_year(self) -> int | None:
        """The year chosen (None: all years)."""
        return int(self.year.currentData()) or None

    def forget_file(self) -> None:
        """A search typed for another estate means nothing in this one; this year again."""
        self.search.clear()
        self._year_filled = False
        self.model.set_rows([])

    def status_text(self) -> str:
        """The receipts listed and what the valid ones took."""
        return present.receipts_status(self.model.shown_rows())

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The list's columns."""
        return {"columns": self.table.horizontalHeader()}

    def focus_first(self) -> None:
        """The search box."""
        self.search.setFocus()

    def update_actions(self) -> None:
        """Reprint the receipts selected; void one valid receipt (not on a read-only file)."""
        chosen = self.selected_rows()
        self.reprint_button.setEnabled(bool(chosen) and self.task is None)
        self.void_button.setEnabled(
            not self.tab.read_only and len(chosen) == 1 and chosen[0].void_reason is None
        )

    # ------------------------------------------------------------ list

    def _search_changed(self, text: str) -> None:
        keep = self.selected_ids()
        self.model.set_query(text)
        self._update_count()
        self._select(keep)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(self.status_text())
        if shown:
            note = ""
        elif total:
            note = self.tr("No receipt matches “{text}”.").format(text=self.search.text().strip())
        elif self.chosen_year() is not None:
            note = self.tr(
                "No receipts in {year} yet: a receipt is made with each payment taken on the Collect page."
            ).format(year=self.chosen_year())
        else:
            note = self.tr("No receipts yet: a receipt is made with each payment taken on the Collect page.")
        self.list_note.set_text(note)
        self.tab.status_changed.emit()  # the status bar repeats the count

    def selected_rows(self) -> list[ReceiptRow]:
        """The receipts selected, in the order shown."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row_at(row) for row in rows]

    def selected_ids(self) -> list[int]:
        """The payment ids of the receipts selected."""
        return [row.payment_id for row in self.selected_rows()]

    def _select(self, payment_ids: list[int]) -> None:
        self.table.clearSelection()
        selection = self.table.selectionModel()
        for payment_id in payment_ids:
            line = self.model.row_of(payment_id)
            if line is not None:
                selection.select(
                    self.model.index(line, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        self.update_actions()

    def select_receipt(self, number: str) -> bool:
        """Select one receipt by its number, if it is shown."""
        for line in range(self.model.rowCount()):
            if self.model.row_at(line).number == number:
                self._select([self.model.row_at(line).payment_id])
                self.table.scrollTo(self.model.index(line, 0))
                return True
        return False

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.update_actions()

    def show_account(self) -> None:
        """The account of the selected receipt's room (a double click)."""
        chosen = self.selected_rows()
        if len(chosen) == 1:
            self.tab.show_account(chosen[0].room_id)

    # ------------------------------------------------------------ reprint and void

    def reprint(self, layout: ReceiptLayout) -> None:
        """The receipts selected as copies (补打), in one PDF in the data folder, opened to print."""
        numbers = [row.number for row in self.selected_rows()]
        if not numbers or self.task is not None:
            return
        target = reprint_folder() / present.reprint_name(numbers, datetime.now())
        title = self.tr("Reprint receipts")

        def write() -> int:
            target.parent.mkdir(parents=True, exist_ok=True)
            return fees.print_receipts(numbers, target, layout, copy=True)

        self.task = BackgroundTask(
            self,
            self.tr("Writing {count} receipts…").format(count=len(numbers)),
            lambda _progress, _cancelled: write(),
            lambda count: self._reprinted(title, count, target),
            cancellable=False,
        )
        self.task.finished.connect(self._task_ended)
        self.update_actions()
        self.task.start()

    def _task_ended(self) -> None:
        self.task = None
        self.update_actions()

    def _reprinted(self, title: str, count: int, target: Path) -> None:
        self.last_reprint = target
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):  # no PDF viewer: say where it is
            tell_written(
                self,
                title,
                self.tr("{count} receipts were written, marked as copies, to\n{path}").format(
                    count=count, path=target
                ),
                target,
            )

    def void(self) -> None:
        """Void the selected receipt with a reason, after asking once more."""
        from estatedesk.gui.dialogs.void_dialog import VoidDialog

        chosen = self.selected_rows()
        if self.tab.read_only or len(chosen) != 1 or chosen[0].void_reason is not None:
            return
        receipt = chosen[0]
        dialog = VoidDialog(self, receipt)
        if not dialog.exec():
            return
        self.read()
        QMessageBox.information(
            self,
            self.tr("Void receipt {number}").format(number=receipt.number),
            self.tr("Receipt {number} is void. {amount} of charges it paid are unpaid again.").format(
                number=receipt.number, amount=present.money(dialog.result.reopened_fen)
            ),
        )
