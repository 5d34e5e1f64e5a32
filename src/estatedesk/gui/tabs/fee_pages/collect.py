"""收款: take a payment at the counter, from the keyboard alone.

Type the room (its code, an owner's name or pinyin initials) and press Enter; its open charges
show ticked, oldest first, and the amount follows the ticked lines. F1–F4 choose cash, transfer,
WeChat or Alipay; Enter posts. The receipt is written as a PDF in the data folder's 收据 folder
and opened for printing, and the page is ready for the next room, the cursor in the search line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)

from estatedesk.domain.errors import (
    QT_TRANSLATE_NOOP,
    EstateDeskError,
    InputRejected,
    ValidationError,
)
from estatedesk.gui import labels
from estatedesk.gui import settings as prefs
from estatedesk.gui.dialogs.base import BAD_FIELD_STYLE, ERROR_STYLE
from estatedesk.gui.errors import report_error
from estatedesk.gui.i18n import translate
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import RIGHT, ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.presenters import fees as present
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.fee_pages.base import FeePage
from estatedesk.gui.widgets.room_picker import ENTER_KEYS, RoomPicker
from estatedesk.gui.worker import BackgroundTask, open_document, write_and_open
from estatedesk.paths import data_dir
from estatedesk.services import fees
from estatedesk.services.fees import OpenLineView, PaymentInput, PaymentMethod, PaymentResult, ReceiptLayout
from estatedesk.services.households import RoomRow

if TYPE_CHECKING:
    from estatedesk.gui.tabs.fees import FeesTab

LAYOUT_SETTING = "fees/receiptLayout"  # the receipt paper chosen, kept between starts
CHECK_ROLE = int(Qt.ItemDataRole.CheckStateRole.value)
Index = QModelIndex | QPersistentModelIndex


# ------------------------------------------------------------ the charge lines


def line_columns() -> list[ColumnSpec[OpenLineView]]:
    """A room's charge lines: item, month, amount, reduced, paid, owed (red while it owes)."""

    def money_column(
        key: str, title: str, fen: Callable[[OpenLineView], int], width: int
    ) -> ColumnSpec[OpenLineView]:
        return ColumnSpec(
            key, title, lambda line: present.money_cell(fen(line)), alignment=RIGHT, width=width
        )

    return [
        ColumnSpec("item", translate("fees", "Item"), lambda line: line.item, width=112),
        ColumnSpec("month", translate("fees", "Month"), lambda line: str(line.month), width=64),
        money_column("amount", translate("fees", "Amount"), lambda line: line.amount_fen, 72),
        money_column("reduced", translate("fees", "Reduced"), lambda line: line.reduced_fen, 64),
        money_column("paid", translate("fees", "Paid"), lambda line: line.paid_fen, 72),
        ColumnSpec(
            "owed",
            translate("fees", "Owed"),
            lambda line: present.money_cell(line.owed_fen),
            alignment=RIGHT,
            width=72,
            colour=lambda line: present.OWED_COLOUR if line.owed_fen > 0 else None,
        ),
    ]


class ChargeLinesModel(RecordTableModel[OpenLineView]):
    """A room's charge lines; with ``checkable`` each has a tick (all ticked when the room is shown)."""

    ticks_changed = Signal()

    def __init__(self, parent: QObject | None = None, checkable: bool = False) -> None:
        super().__init__(line_columns(), id_of=_charge_id, parent=parent)
        self.checkable = checkable
        self._unticked: set[int] = set()  # charge ids the clerk unticked

    def set_lines(self, lines: Sequence[OpenLineView], keep_ticks: bool = False) -> None:
        """Show these lines, all ticked (``keep_ticks``: lines the clerk unticked stay so)."""
        ids = {line.charge_id for line in lines}
        self._unticked = self._unticked & ids if keep_ticks else set()
        self.set_rows(lines)
        self.ticks_changed.emit()

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Lines are selectable; with ticks, the first cell is a check box."""
        flags = super().flags(index)
        if self.checkable and index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = 0) -> Any:
        """The cells, and the tick of each line in its first cell."""
        if role == CHECK_ROLE:
            if not (self.checkable and index.isValid() and index.column() == 0):
                return None
            unticked = self.row_at(index.row()).charge_id in self._unticked
            return Qt.CheckState.Unchecked if unticked else Qt.CheckState.Checked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = 0) -> bool:
        """Tick or untick a line (a click on its box, or Space)."""
        if role != CHECK_ROLE or not (self.checkable and index.isValid() and index.column() == 0):
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value  # an int from some views
        checked = state == Qt.CheckState.Checked
        self.set_ticked(self.row_at(index.row()).charge_id, checked)
        return True

    def set_ticked(self, charge_id: int, ticked: bool) -> None:
        """Tick or untick one line by its charge."""
        if ticked:
            self._unticked.discard(charge_id)
        else:
            self._unticked.add(charge_id)
        row = self.row_of(charge_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [CHECK_ROLE])
        self.ticks_changed.emit()

    def set_all(self, ticked: bool) -> None:
        """Tick, or untick, every line."""
        self._unticked = set() if ticked else {line.charge_id for line in self.shown_rows()}
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0), [CHECK_ROLE])
        self.ticks_changed.emit()

    def ticked(self) -> list[OpenLineView]:
        """The lines ticked, in the order shown."""
        return [line for line in self.shown_rows() if line.charge_id not in self._unticked]

    def all_ticked(self) -> bool:
        """Whether no line is unticked."""
        return not self._unticked


def _charge_id(line: OpenLineView) -> int:
    return line.charge_id


# ------------------------------------------------------------ errors by the fields


class FieldErrors:
    """A page's inputs bound to the services' field names: each error shows under its field, in red."""

    def __init__(self, fields: Mapping[str, tuple[QWidget, QLabel]]) -> None:
        self.fields = dict(fields)
        self._styles = {name: widget.styleSheet() for name, (widget, _label) in self.fields.items()}
        for _widget, label in self.fields.values():
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()

    def show(self, errors: Sequence[ValidationError]) -> list[ValidationError]:
        """Put each error under its field (the others cleared); return those no field here shows."""
        for name, (widget, label) in self.fields.items():
            mine = [error for error in errors if error.field == name]
            label.setText(labels.messages(mine))
            label.setVisible(bool(mine))
            widget.setStyleSheet(self._styles[name] + (BAD_FIELD_STYLE if mine else ""))
        return [error for error in errors if error.field not in self.fields]

    def clear(self, name: str | None = None) -> None:
        """Take away the error of one field (None: of all)."""
        for field, (widget, label) in self.fields.items():
            if name is None or field == name:
                label.hide()
                label.clear()
                widget.setStyleSheet(self._styles[field])

    def shown(self) -> dict[str, str]:
        """The errors on show, by field (for tests and the status bar)."""
        return {name: label.text() for name, (_widget, label) in self.fields.items() if not label.isHidden()}


# ------------------------------------------------------------ receipts as files


def receipt_layout() -> ReceiptLayout:
    """The receipt paper the clerk chose last (A5 until one is chosen)."""
    return present.stored_layout(prefs.settings().value(LAYOUT_SETTING, ReceiptLayout.A5.value))


def set_receipt_layout(layout: ReceiptLayout) -> None:
    """Remember the receipt paper for the next receipt and the next start."""
    prefs.settings().setValue(LAYOUT_SETTING, layout.value)


def write_receipt(parent: QWidget, number: str, copy: bool) -> BackgroundTask:
    """Write receipt ``number`` as a PDF in the data folder's 收据 folder on a worker thread, then open it.

    A receipt takes a few hundred milliseconds to lay out (its font is embedded): the counter
    is not held up meanwhile. ``copy``: a reprint, marked 补打. Each running task is kept until
    it ends (``BackgroundTask.start``), however many receipts a quick clerk starts.
    """
    path = present.receipt_path(data_dir(), number, copy)
    layout = receipt_layout()
    title = translate("fees", "Writing receipt {number}…").format(number=number)
    return write_and_open(
        parent,
        title,
        path,
        lambda target: fees.print_receipts([number], target, layout, copy=copy),
        *_unopened(),
    )


def open_receipt(parent: QWidget, path: Path) -> None:
    """Open a receipt's PDF in the computer's PDF viewer (to print it); without one, say where it is."""
    open_document(parent, path, *_unopened())


def _unopened() -> tuple[str, str]:
    """The title and text said when a receipt was written but no program shows PDF files."""
    return translate("fees", "Receipt"), translate(
        "fees", "The receipt was written to\n{path}\nbut no program to show PDF files was found."
    )


# ------------------------------------------------------------ the page


class CollectPage(FeePage):
    """收款: choose a room, tick what is paid, type the amount, choose the method, press Enter."""

    title = QT_TRANSLATE_NOOP("fees", "Take a payment")
    icon = "fa5s.cash-register"
    key = "collect"
    ui_file = "fee_collect.ui"

    def __init__(self, tab: FeesTab) -> None:
        super().__init__(tab)
        form = self.form
        self.splitter = find(form, QSplitter, "splitter")
        self.picker = RoomPicker.placed_in(form)
        self.heading = find(form, QLabel, "roomHeading")
        self.room_stack = find(form, QStackedWidget, "roomStack")
        self.empty_label = find(form, QLabel, "emptyLabel")
        self.lines_table = find(form, QTableView, "linesTable")
        self.lines_note = find(form, QLabel, "linesNote")
        self.lines_caption = find(form, QLabel, "linesCaption")
        self.due_caption = find(form, QLabel, "dueCaption")
        self.due_label = find(form, QLabel, "dueLabel")
        self.prepaid_label = find(form, QLabel, "prepaidLabel")
        self.amount = find(form, QLineEdit, "amountEdit")
        self.amount_hint = find(form, QLabel, "amountHint")
        self.reference = find(form, QLineEdit, "referenceEdit")
        self.payer = find(form, QLineEdit, "payerEdit")
        self.paid_on = find(form, QDateEdit, "dateEdit")
        self.post_button = find(form, QPushButton, "postButton")
        self.post_note = find(form, QLabel, "postNote")
        self.layout_combo = find(form, QComboBox, "layoutCombo")
        self.confirm_frame = find(form, QFrame, "confirmFrame")
        self.confirm_label = find(form, QLabel, "confirmLabel")
        self.open_again_button = find(form, QPushButton, "openAgainButton")
        self.print_again_button = find(form, QPushButton, "printAgainButton")
        self.tick_all_button = find(form, QPushButton, "tickAllButton")
        self.untick_all_button = find(form, QPushButton, "untickAllButton")
        self.method_buttons: dict[PaymentMethod, QRadioButton] = {
            PaymentMethod.CASH: find(form, QRadioButton, "cashRadio"),
            PaymentMethod.TRANSFER: find(form, QRadioButton, "transferRadio"),
            PaymentMethod.WECHAT: find(form, QRadioButton, "wechatRadio"),
            PaymentMethod.ALIPAY: find(form, QRadioButton, "alipayRadio"),
        }
        self.method_group = QButtonGroup(self)
        for method, button in self.method_buttons.items():
            button.setText(present.method_text(method))
            self.method_group.addButton(button)
            shortcut = QShortcut(QKeySequence(present.METHOD_KEYS[method]), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda method=method: self.choose_method(method, by_key=True))
        self.method_buttons[PaymentMethod.CASH].setChecked(True)
        self.errors = FieldErrors(
            {
                "amount": (self.amount, find(form, QLabel, "amountError")),
                "method": (find(form, QWidget, "methodBox"), find(form, QLabel, "methodError")),
                "reference": (self.reference, find(form, QLabel, "referenceError")),
                "payer": (self.payer, find(form, QLabel, "payerError")),
                "date": (self.paid_on, find(form, QLabel, "dateError")),
                "lines": (self.lines_table, find(form, QLabel, "linesError")),
            }
        )
        self.lines = ChargeLinesModel(self, checkable=True)
        set_up_table(self.lines_table, self.lines)
        self.lines_table.setSortingEnabled(False)  # oldest first is the order payments follow
        for layout_choice in ReceiptLayout:
            self.layout_combo.addItem(present.layout_text(layout_choice), layout_choice.value)
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(receipt_layout().value))
        self.post_button.setIcon(icon("fa5s.check"))
        self.post_button.setText(self.tr("Post payment (Enter)"))
        self.open_again_button.setIcon(icon("fa5s.file-pdf"))
        self.print_again_button.setIcon(icon("fa5s.print"))
        self.tick_all_button.setIcon(icon("fa5s.check-square"))
        self.untick_all_button.setIcon(icon("fa5s.square"))
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 830])
        self.empty_label.setText(present.find_room_text())
        self.confirm_frame.hide()
        self.setTabOrder(self.picker.search, self.amount)
        self.setTabOrder(self.amount, self.method_buttons[PaymentMethod.CASH])
        self.setTabOrder(self.method_buttons[PaymentMethod.CASH], self.reference)
        self.setTabOrder(self.reference, self.payer)
        self.setTabOrder(self.payer, self.paid_on)
        self.setTabOrder(self.paid_on, self.post_button)
        self.setTabOrder(self.post_button, self.lines_table)

        self._room: RoomRow | None = None
        self._prepaid = 0
        self._amount_typed = False  # the clerk typed an amount: ticks no longer change it
        self._last_receipt: tuple[str, Path] | None = None  # the receipt posted last, and its file
        self.task: BackgroundTask | None = None  # the receipt written last (tests wait for it)
        self.picker.room_chosen.connect(self._room_chosen)
        self.picker.room_typed.connect(self._show_room)
        self.lines.ticks_changed.connect(self._ticks_changed)
        self.amount.textEdited.connect(self._amount_edited)
        self.reference.textEdited.connect(lambda _text: self.errors.clear("reference"))
        self.payer.textEdited.connect(lambda _text: self.errors.clear("payer"))
        self.paid_on.dateChanged.connect(lambda _day: self.errors.clear("date"))
        self.method_group.buttonToggled.connect(self._method_toggled)
        self.post_button.clicked.connect(self.post)
        self.tick_all_button.clicked.connect(lambda: self.lines.set_all(True))
        self.untick_all_button.clicked.connect(lambda: self.lines.set_all(False))
        self.layout_combo.currentIndexChanged.connect(
            lambda _index: set_receipt_layout(ReceiptLayout(self.layout_combo.currentData()))
        )
        self.open_again_button.clicked.connect(self.open_again)
        self.print_again_button.clicked.connect(self.print_copy)
        for widget in (
            self.amount,
            self.reference,
            self.payer,
            self.paid_on,
            self.post_button,
            self.lines_table,
        ):
            widget.installEventFilter(self)
        for button in self.method_buttons.values():
            button.installEventFilter(self)
        self._show_room(None)

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the rooms again, and the chosen room's charges (keeping what the clerk unticked)."""
        self.picker.read()
        if self._room is not None:
            room = self.picker.room(self._room.id) or self._room
            self._show_room(room, keep_ticks=True)

    def forget_file(self) -> None:
        """Another file: no room chosen, nothing typed, no receipt of the last file to print again."""
        self.picker.clear()
        self._last_receipt = None
        self.confirm_frame.hide()
        self._show_room(None)

    def update_actions(self) -> None:
        """Posting needs a room and a writable file; a read-only file says why on the button."""
        writable = not self.tab.read_only
        self.post_button.setEnabled(writable and self._room is not None)
        self.post_button.setToolTip("" if writable else present.read_only_payment_tip())
        self.post_note.setText("" if writable else present.read_only_payment_tip())
        self.post_note.setVisible(not writable)
        self.print_again_button.setEnabled(self._last_receipt is not None)
        self.open_again_button.setEnabled(self._last_receipt is not None)

    def status_text(self) -> str:
        """The chosen room and what it owes."""
        if self._room is None:
            return ""
        owed = sum(line.owed_fen for line in self.lines.shown_rows())
        return present.collect_status_text(self._room.code, owed)

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The splitter, the lines' columns and the room list's columns."""
        return {
            "splitter": self.splitter,
            "lines": self.lines_table.horizontalHeader(),
            "rooms": self.picker.table.horizontalHeader(),
        }

    def focus_first(self) -> None:
        """The search line: the clerk starts by naming the room."""
        self.picker.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.picker.search.selectAll()

    # ------------------------------------------------------------ the room

    def choose_room(self, room_id: int) -> bool:
        """Choose a room by id (the account page's “take a payment”); False if it is not in the list."""
        return self.picker.choose(room_id) is not None

    def room(self) -> RoomRow | None:
        """The room chosen (None: none yet)."""
        return self._room

    def _room_chosen(self, room: RoomRow) -> None:
        self._show_room(room)
        if self._room is not None:
            self.amount.setFocus(Qt.FocusReason.OtherFocusReason)
            self.amount.selectAll()

    def _show_room(self, room: RoomRow | None, keep_ticks: bool = False) -> None:
        """Show a room's open charges, all ticked (``keep_ticks``: after a reload), and its prepayment."""
        same = room is not None and self._room is not None and room.id == self._room.id
        if not same:
            self._reset_form()
        self.errors.clear("lines")
        account = None
        if room is not None:
            try:
                account = fees.account(room.id, with_entries=False)
            except EstateDeskError as error:
                report_error(self, self.tr("Take a payment"), error)
        if room is None or account is None:
            self._room = None
            self._prepaid = 0
            self.lines.set_lines([])
            self.heading.setText("")
            self.room_stack.setCurrentIndex(0)
        else:
            self._room = room
            self._prepaid = account.prepaid_fen
            lines = present.open_lines(account.lines)
            self.lines.set_lines(lines, keep_ticks=keep_ticks and same)
            self.heading.setText(present.room_heading_html(room.code, account.owners, room.area_centi))
            self.room_stack.setCurrentIndex(1)
            self.lines_note.setText(
                "" if lines else present.nothing_owed_text(room.code, account.prepaid_fen)
            )
            self.lines_note.setVisible(not lines)
            for widget in (
                self.lines_table,
                self.lines_caption,
                self.tick_all_button,
                self.untick_all_button,
            ):
                widget.setVisible(bool(lines))  # a room owing nothing shows the sentence alone
            if not same or not self.payer.text().strip():
                self.payer.setText(account.owners.split("、")[0] if account.owners else "")
            self.prepaid_label.setText(
                self.tr("Prepaid (预交): {amount}").format(amount=present.money(account.prepaid_fen))
            )
        self._ticks_changed()
        self.update_actions()
        self.tab.status_changed.emit()

    def _reset_form(self) -> None:
        """The payment's inputs as a new room starts them: amount from the ticks, cash, today."""
        self._amount_typed = False
        self.amount.clear()
        self.reference.clear()
        self.method_buttons[PaymentMethod.CASH].setChecked(True)
        self.reference.setEnabled(False)  # cash has no reference
        self.paid_on.setDate(QDate.currentDate())
        self.payer.clear()
        self.errors.clear()

    # ------------------------------------------------------------ ticks and amount

    def _ticks_changed(self) -> None:
        ticked = self.lines.ticked()
        total = sum(line.owed_fen for line in ticked)
        self.due_caption.setText(present.ticked_text(len(ticked), self.lines.rowCount()))
        self.due_label.setText(present.money(total))
        self.due_label.setStyleSheet(
            "font-size: 22pt; font-weight: bold;" + (f" color: {present.OWED_COLOUR};" if total else "")
        )
        if not self._amount_typed:
            self.amount.setText(present.amount_text(total))
            self.errors.clear("amount")
        self._show_hint()

    def _amount_edited(self, text: str) -> None:
        self._amount_typed = bool(text.strip())  # emptied: the amount follows the ticks again
        self.errors.clear("amount")
        self._show_hint()

    def _show_hint(self) -> None:
        ticked = self.lines.ticked()
        hint = present.amount_hint(
            present.typed_fen(self.amount.text()), sum(line.owed_fen for line in ticked), len(ticked)
        )
        self.amount_hint.setText(hint)
        self.amount_hint.setVisible(bool(hint))

    def ticked_total(self) -> int:
        """What the ticked lines owe, in fen."""
        return sum(line.owed_fen for line in self.lines.ticked())

    # ------------------------------------------------------------ method

    def method(self) -> PaymentMethod:
        """The payment method chosen."""
        return next(method for method, button in self.method_buttons.items() if button.isChecked())

    def choose_method(self, method: PaymentMethod, by_key: bool = False) -> None:
        """Choose a method (F1–F4); by key, the cursor goes on to the reference when one is needed."""
        self.method_buttons[method].setChecked(True)
        if by_key and method is not PaymentMethod.CASH and not self.reference.text().strip():
            self.reference.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _method_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if not checked:
            return
        cash = self.method() is PaymentMethod.CASH
        self.reference.setEnabled(not cash)
        self.errors.clear("reference")
        self.errors.clear("method")

    # ------------------------------------------------------------ posting

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in any input of the payment (or its lines) posts it; Escape goes back to the search line."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Ctrl+Enter and the like are not the clerk's Enter
        if event.key() in ENTER_KEYS:
            self.post()
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.focus_first()  # another room: the clerk types over the code still selected
            return True
        return False

    def payment_input(self) -> PaymentInput | None:
        """The payment as typed (None when no room is chosen)."""
        if self._room is None:
            return None
        ticked = self.lines.ticked()
        charge_ids = None if self.lines.all_ticked() else tuple(line.charge_id for line in ticked)
        method = self.method()
        return PaymentInput(
            room_id=self._room.id,
            amount=self.amount.text(),
            method=method.value,
            reference="" if method is PaymentMethod.CASH else self.reference.text(),
            paid_on=self.paid_date(),
            payer=self.payer.text(),
            charge_ids=charge_ids,
        )

    def paid_date(self) -> date:
        """The payment date chosen."""
        day = self.paid_on.date()
        return date(day.year(), day.month(), day.day())

    def post(self) -> PaymentResult | None:
        """Post the payment typed; on a refusal show why by the fields and post nothing."""
        typed = self.payment_input()
        if typed is None or self.tab.read_only:
            return None
        room = self._room
        assert room is not None
        try:
            result = fees.pay(typed)
        except InputRejected as rejected:
            self._refused(rejected.errors)
            return None
        except EstateDeskError as error:
            report_error(self, self.tr("Take a payment"), error)
            return None
        self.confirm_label.setText(present.confirmation_html(result, room.code, typed.payer.strip()))
        self.confirm_frame.show()
        path = present.receipt_path(data_dir(), result.receipt)
        self._last_receipt = (result.receipt, path)
        self.task = write_receipt(self, result.receipt, copy=False)
        self.next_room()
        return result

    def _refused(self, errors: list[ValidationError]) -> None:
        elsewhere = self.errors.show(errors)
        if any(error.field == "lines" for error in errors) and self._room is not None:
            self._show_room(self._room, keep_ticks=True)  # someone paid a ticked line meanwhile
            self.errors.show(errors)
        if elsewhere:
            QMessageBox.warning(self, self.tr("Take a payment"), labels.messages(elsewhere))
        first = next((error.field for error in errors if error.field in self.errors.fields), None)
        if first is not None:
            widget = self.errors.fields[first][0]
            if widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(widget, QLineEdit):
                    widget.selectAll()

    def next_room(self) -> None:
        """Ready for the next room: nothing chosen, the cursor in the search line."""
        self.picker.clear()
        self._show_room(None)
        self.focus_first()

    def open_again(self) -> None:
        """Open the last receipt's PDF again (the printer jammed, the viewer was closed)."""
        if self._last_receipt is None:
            return
        number, path = self._last_receipt
        if path.exists():
            open_receipt(self, path)
        else:  # still being written, or deleted since: write it again
            self.task = write_receipt(self, number, copy=False)

    def print_copy(self) -> None:
        """Write the last receipt again, marked as a copy (补打), and open it."""
        if self._last_receipt is not None:
            self.task = write_receipt(self, self._last_receipt[0], copy=True)
