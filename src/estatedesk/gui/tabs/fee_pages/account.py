"""账户: a room's fee account, its totals, charge lines and ledger entries, and what can be done there.

The room is chosen as on the payment page (the same finder). From here the clerk takes a payment
for the room (the payment page, room chosen), reduces a fee (减免: its own entries, with reason and
approver) or prints the receipt of a payment entry again, marked as a copy (补打).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError, Problems, ValidationError
from estatedesk.domain.fees import Month, parse_month
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.errors import report_error
from estatedesk.gui.i18n import translate
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import RIGHT, ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.presenters import fees as present
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.fee_pages.base import FeePage
from estatedesk.gui.tabs.fee_pages.collect import ChargeLinesModel, CollectPage, write_receipt
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.gui.widgets.room_picker import RoomPicker
from estatedesk.gui.worker import BackgroundTask
from estatedesk.services import fees
from estatedesk.services.fees import Account, LedgerLine, ReductionInput, ReductionResult
from estatedesk.services.households import RoomRow

if TYPE_CHECKING:
    from estatedesk.gui.tabs.fees import FeesTab


def entry_columns() -> list[ColumnSpec[LedgerLine]]:
    """A room's ledger entries: date, kind, item, month, amount, receipt, what it says."""
    return [
        ColumnSpec("date", translate("fees", "Date"), lambda entry: entry.on_date.isoformat(), width=84),
        ColumnSpec("kind", translate("fees", "Kind"), lambda entry: entry.kind, width=56),
        ColumnSpec("item", translate("fees", "Item"), lambda entry: entry.item, width=110),
        ColumnSpec("month", translate("fees", "Month"), lambda entry: entry.month, width=66),
        ColumnSpec(
            "amount",
            translate("fees", "Amount"),
            lambda entry: present.money_cell(entry.amount_fen),
            alignment=RIGHT,
            width=80,
        ),
        ColumnSpec("receipt", translate("fees", "Receipt"), lambda entry: entry.receipt, width=100),
        ColumnSpec("text", translate("fees", "Details"), lambda entry: entry.text, width=200),
    ]


def _entry_id(entry: LedgerLine) -> int:
    return entry.entry_id


class FigureBox(QFrame):
    """One total of the account: its name small, its amount large."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setStyleSheet("color: #666;")
        self.value = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.value)

    def show_figure(self, figure: present.Figure) -> None:
        """Show one total, in its colour."""
        self.title.setText(figure.title)
        self.value.setText(figure.text)
        colour = f" color: {figure.colour};" if figure.colour else ""
        self.value.setStyleSheet(f"font-size: 15pt; font-weight: bold;{colour}")


class AccountPage(FeePage):
    """账户: what a room was charged, reduced and paid, what it owes and holds in advance."""

    title = QT_TRANSLATE_NOOP("fees", "Room account")
    icon = "fa5s.book"
    key = "account"
    ui_file = "fee_account.ui"

    def __init__(self, tab: FeesTab) -> None:
        super().__init__(tab)
        form = self.form
        self.splitter = find(form, QSplitter, "splitter")
        self.lists_splitter = find(form, QSplitter, "listsSplitter")
        self.picker = RoomPicker.placed_in(form)
        self.heading = find(form, QLabel, "roomHeading")
        self.stack = find(form, QStackedWidget, "accountStack")
        find(form, QLabel, "emptyLabel").setText(present.find_account_text())
        self.result_label = find(form, QLabel, "resultLabel")
        self.pay_button = find(form, QPushButton, "payButton")
        self.reduce_button = find(form, QPushButton, "reduceButton")
        self.print_button = find(form, QPushButton, "printButton")
        self.pay_button.setIcon(icon("fa5s.cash-register"))
        self.reduce_button.setIcon(icon("fa5s.hand-holding-heart"))
        self.print_button.setIcon(icon("fa5s.print"))
        figures = find(form, QHBoxLayout, "figuresLayout")
        self.figures = [FigureBox(form) for _ in range(5)]
        for box in self.figures:
            figures.addWidget(box)
        figures.addStretch(1)
        self.lines_table = find(form, QTableView, "linesTable")
        self.entries_table = find(form, QTableView, "entriesTable")
        self.lines = ChargeLinesModel(self)
        set_up_table(self.lines_table, self.lines)
        self.lines_table.setSortingEnabled(False)
        self.entries = RecordTableModel(entry_columns(), id_of=_entry_id, parent=self)
        set_up_table(self.entries_table, self.entries)
        self.entries_table.setSortingEnabled(False)  # newest last, as the ledger was written
        self.lines_note = ListNote(self.lines_table)
        self.entries_note = ListNote(self.entries_table)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 830])
        self.lists_splitter.setSizes([300, 200])
        self.result_label.hide()

        self._account: Account | None = None
        self.task: BackgroundTask | None = None  # the receipt written last (tests wait for it)
        self.picker.room_chosen.connect(self._room_chosen)
        self.picker.room_typed.connect(lambda room: self._load(room.id))
        self.pay_button.clicked.connect(self.take_payment)
        self.reduce_button.clicked.connect(self.reduce)
        self.print_button.clicked.connect(self.print_copy)
        self.entries_table.selectionModel().selectionChanged.connect(self._entry_selected)
        self.entries_table.doubleClicked.connect(lambda _index: self.print_copy())
        self._show(None)

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the rooms and the account shown again."""
        self.picker.read()
        if self._account is not None:
            self._load(self._account.room_id, keep_result=True)

    def forget_file(self) -> None:
        """Another file: no room chosen."""
        self.picker.clear()
        self._show(None)

    def update_actions(self) -> None:
        """Paying and reducing need a room and a writable file; printing a payment entry needs only one."""
        room = self._account is not None
        writable = not self.tab.read_only
        self.pay_button.setEnabled(room and writable)
        self.reduce_button.setEnabled(room and writable and bool(self._account and self._account.lines))
        self.reduce_button.setToolTip(
            self.tr("Reduce an item's charges for some months (减免), with the reason and who approved it")
            if writable
            else present.read_only_reduce_tip()
        )
        self.pay_button.setToolTip(
            self.tr("Go to the payment page with this room chosen")
            if writable
            else present.read_only_payment_tip()
        )
        self.print_button.setEnabled(self.selected_receipt() is not None)

    def status_text(self) -> str:
        """The room shown: what it owes and holds in advance."""
        return present.account_status_text(self._account)

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The splitters and the two lists' columns."""
        return {
            "splitter": self.splitter,
            "lists": self.lists_splitter,
            "lines": self.lines_table.horizontalHeader(),
            "entries": self.entries_table.horizontalHeader(),
            "rooms": self.picker.table.horizontalHeader(),
        }

    def focus_first(self) -> None:
        """The search line, unless a room is shown (then its charges)."""
        if self._account is None:
            self.picker.search.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.lines_table.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ the room

    def show_room(self, room_id: int) -> None:
        """Show a room's account (the households panel's link comes here through the tab)."""
        if self.picker.choose(room_id) is None:  # not in the list (an archived room): shown all the same
            self._load(room_id)

    def account(self) -> Account | None:
        """The account shown (None: no room chosen)."""
        return self._account

    def _room_chosen(self, room: RoomRow) -> None:
        self._load(room.id)
        self.lines_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load(self, room_id: int, keep_result: bool = False) -> None:
        try:
            account = fees.account(room_id)
        except EstateDeskError as error:
            report_error(self, self.tr("Room account"), error)
            account = None
        if not keep_result:
            self.result_label.hide()
        self._show(account)

    def _show(self, account: Account | None) -> None:
        self._account = account
        if account is None:
            self.heading.setText("")
            self.lines.set_lines([])
            self.entries.set_rows([])
            self.stack.setCurrentIndex(0)
        else:
            room = self.picker.room(account.room_id)
            area = room.area_centi if room is not None else None
            self.heading.setText(present.room_heading_html(account.room_code, account.owners, area))
            for box, figure in zip(self.figures, present.account_figures(account), strict=True):
                box.show_figure(figure)
            self.lines.set_lines(account.lines)
            self.entries.set_rows(account.entries)
            self.lines_note.set_text("" if account.lines else present.no_charges_text(account.room_code))
            self.entries_note.set_text("" if account.entries else present.no_entries_text())
            self.stack.setCurrentIndex(1)
            self.lines_table.scrollToBottom()  # the latest months
            self.entries_table.scrollToBottom()  # newest last
        self.update_actions()
        self.tab.status_changed.emit()

    # ------------------------------------------------------------ actions

    def take_payment(self) -> None:
        """Go to the payment page with this room chosen."""
        if self._account is None or self.tab.read_only:
            return
        page = self.tab.show_page(CollectPage)
        assert isinstance(page, CollectPage)
        page.choose_room(self._account.room_id)

    def reduce(self) -> ReductionResult | None:
        """Reduce an item's charges for a run of months (a dialog); the result is said under the buttons."""
        account = self._account
        if account is None or self.tab.read_only:
            return None
        dialog = ReduceDialog(self, account)
        if not dialog.exec():
            return None
        result: ReductionResult = dialog.result
        self._load(account.room_id)
        self.result_label.setText(present.reduction_text(result))
        self.result_label.show()
        return result

    def selected_entry(self) -> LedgerLine | None:
        """The entry selected in the lower list."""
        rows = self.entries_table.selectionModel().selectedRows()
        return self.entries.row_at(rows[0].row()) if rows else None

    def selected_receipt(self) -> str | None:
        """The receipt number of the entry selected (a payment, its prepayment, or its void), if any."""
        entry = self.selected_entry()
        return entry.receipt if entry is not None and entry.receipt else None

    def _entry_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.update_actions()

    def print_copy(self) -> None:
        """Print the selected entry's receipt again, marked as a copy (补打); allowed on a read-only file."""
        number = self.selected_receipt()
        if number is not None:
            self.task = write_receipt(self, number, copy=True)


class ReduceDialog(FormDialog):
    """减免: an item, months from–to, a percent or an amount per month, the reason and who approved it."""

    ui_file = "reduce_dialog.ui"

    def __init__(self, parent: QWidget, account: Account) -> None:
        super().__init__(parent)
        self._account = account
        ui = self.dialog
        self.item = find(ui, QComboBox, "itemCombo")
        self.edits = {
            name: find(ui, QLineEdit, f"{name}Edit")
            for name in ("from", "to", "percent", "amount", "reason", "approver")
        }
        for name, edit in self.edits.items():
            self.bind_field(name, edit, find(ui, QLabel, f"{name}Error"))
        self.bind_field("item", self.item, find(ui, QLabel, "itemError"))
        ui.setWindowTitle(self.tr("Reduce a fee: room {code}").format(code=account.room_code))
        find(ui, QLabel, "introLabel").setText(
            self.tr(
                "A reduction is written as its own entry: the charges stay as they were billed. It "
                "takes off at most what each month still owes; months paid in full are left out."
            )
        )
        charged = {line.item for line in account.lines}
        for item in fees.list_items():
            if item.name in charged:  # only items the room was charged: nothing else can be reduced
                self.item.addItem(item.name, item.id)
        self.item.currentIndexChanged.connect(lambda _index: self._item_changed())
        self._item_changed()

    def _item_changed(self) -> None:
        months = present.item_months(self._account.lines, self.item.currentText())
        if months is not None:
            self.edits["from"].setText(str(months[0]))
            self.edits["to"].setText(str(months[1]))

    def _months(self) -> tuple[Month | None, Month | None, list[ValidationError]]:
        problems = Problems()
        first = problems.attempt(parse_month, self.edits["from"].text(), "from")
        last = problems.attempt(parse_month, self.edits["to"].text(), "to")
        return first, last, problems

    def validate(self) -> list[ValidationError]:
        """The months must be months (2026-01); the rest is the service's to judge when OK is pressed."""
        errors = self._months()[2]
        if self.item.currentData() is None:
            errors.append(
                ValidationError("item", QT_TRANSLATE_NOOP("messages", "choose the fee item to reduce"))
            )
        return errors

    def submit(self) -> ReductionResult:
        """Reduce through the service (a refusal keeps the dialog open, reasons by the fields)."""
        first, last, _errors = self._months()
        assert first is not None and last is not None  # validate() let it through
        return fees.reduce(
            ReductionInput(
                room_id=self._account.room_id,
                item_id=int(self.item.currentData()),
                first=first,
                last=last,
                percent=self.edits["percent"].text(),
                amount=self.edits["amount"].text(),
                reason=self.edits["reason"].text(),
                approver=self.edits["approver"].text(),
            )
        )
