"""收费项目: the fee items, their prices over time, their order, and the estate's fee settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QSplitter, QTableView

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError
from estatedesk.domain.fees import Month, month_of
from estatedesk.gui.errors import report_error
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import CENTER, RIGHT, ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.fee_pages.base import FeePage
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.services import fees
from estatedesk.services.fees import FeeItemView
from estatedesk.services.fees.overview_queries import last_billed_month

if TYPE_CHECKING:
    from estatedesk.gui.tabs.fees import FeesTab


def first_open_month(today: date) -> Month:
    """The month a new price or a stop starts in by default: after this one and the last one billed."""
    month = month_of(today)
    billed = last_billed_month()
    if billed is not None and billed > month:
        month = billed
    return month.next()


class ItemsPage(FeePage):
    """The fee items in the order payments pay them, with the selected item's prices over time."""

    title = QT_TRANSLATE_NOOP("fees", "Fee items")
    icon = "fa5s.list-ul"
    key = "items"
    ui_file = "fee_items.ui"

    def __init__(self, tab: FeesTab) -> None:
        super().__init__(tab)
        form = self.form
        self.table = find(form, QTableView, "itemTable")
        self.price_table = find(form, QTableView, "priceTable")
        self.price_title = find(form, QLabel, "priceTitle")
        self.splitter = find(form, QSplitter, "splitter")
        self.add_button = find(form, QPushButton, "addButton")
        self.price_button = find(form, QPushButton, "priceButton")
        self.stop_button = find(form, QPushButton, "stopButton")
        self.up_button = find(form, QPushButton, "upButton")
        self.down_button = find(form, QPushButton, "downButton")
        self.settings_button = find(form, QPushButton, "settingsButton")
        self.add_button.setIcon(icon("fa5s.plus"))
        self.price_button.setIcon(icon("fa5s.tag"))
        self.up_button.setIcon(icon("fa5s.arrow-up"))
        self.down_button.setIcon(icon("fa5s.arrow-down"))
        self.settings_button.setIcon(icon("fa5s.sliders-h"))
        self.today = date.today()  # read again with the items: a window left open past midnight
        self.model: RecordTableModel[FeeItemView] = RecordTableModel(
            [
                ColumnSpec(
                    "order", self.tr("Order"), lambda item: str(item.position + 1), alignment=CENTER, width=50
                ),
                ColumnSpec("name", self.tr("Fee item"), lambda item: item.name, width=150),
                ColumnSpec("kind", self.tr("Charged"), lambda item: present.kind_title(item.kind), width=110),
                ColumnSpec("uses", self.tr("Paid by"), lambda item: present.uses_text(item.uses), width=130),
                ColumnSpec(
                    "price",
                    self.tr("Price now"),
                    lambda item: present.current_price_text(item, self.today),
                    alignment=RIGHT,
                    width=170,
                ),
                ColumnSpec("billing", self.tr("Billed"), present.billing_text, width=140),
            ],
            id_of=lambda item: item.id,
            parent=self,
            muted=self._stopped,
            muted_tip=self.tr("Stopped: billing runs leave this item out"),
        )
        set_up_table(self.table, self.model)  # no sorting: the order is the order payments follow
        self.price_model: RecordTableModel[present.PriceLine] = RecordTableModel(
            [
                ColumnSpec("from", self.tr("From"), lambda line: line.effective_from.isoformat(), width=100),
                ColumnSpec("price", self.tr("Price"), lambda line: line.price, alignment=RIGHT, width=130),
                ColumnSpec("note", "", lambda line: line.note, width=100),
            ],
            id_of=lambda line: line.effective_from.toordinal(),
            parent=self,
        )
        set_up_table(self.price_table, self.price_model)
        self.list_note = ListNote(self.table)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([760, 340])
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.new_price())
        self.add_button.clicked.connect(self.add_item)
        self.price_button.clicked.connect(self.new_price)
        self.stop_button.clicked.connect(self.stop_or_resume)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.settings_button.clicked.connect(self.edit_settings)
        self._show_prices(None)

    def _stopped(self, item: FeeItemView) -> bool:
        return item.stopped_from is not None and item.stopped_from <= month_of(self.today)

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the items again, keeping the one selected."""
        keep = self.selected_id()
        self.today = date.today()
        self.model.set_rows(fees.list_items())
        self.list_note.set_text(
            ""
            if self.model.rowCount()
            else self.tr(
                "No fee items yet. Add the estate's fees with “Add item…”: the property management "
                "fee by area, garbage removal per room, parking per space…"
            )
        )
        self.select_item(keep)

    def forget_file(self) -> None:
        """Nothing of another file stays on show."""
        self.model.set_rows([])
        self._show_prices(None)

    def status_text(self) -> str:
        """How many items, how many billed this month."""
        return present.items_status(self.model.shown_rows(), self.today)

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The splitter and the list's columns."""
        return {"splitter": self.splitter, "columns": self.table.horizontalHeader()}

    def focus_first(self) -> None:
        """The list of items."""
        self.table.setFocus()

    def update_actions(self) -> None:
        """Buttons for the item selected; on a read-only file none (they all write)."""
        item, writable = self.selected_item(), not self.tab.read_only
        row = self.model.row_of(item.id) if item is not None else None
        self.add_button.setEnabled(writable)
        self.settings_button.setEnabled(writable)
        self.price_button.setEnabled(writable and item is not None and item.once_month is None)
        self.stop_button.setEnabled(writable and item is not None and item.once_month is None)
        stopped = item is not None and item.stopped_from is not None
        self.stop_button.setText(self.tr("Resume") if stopped else self.tr("Stop…"))
        self.stop_button.setIcon(icon("fa5s.play") if stopped else icon("fa5s.stop"))
        self.stop_button.setToolTip(
            self.tr("Bill the selected item again from the next billing run on")
            if stopped
            else self.tr("Stop billing the selected item from a month on")
        )
        self.up_button.setEnabled(writable and row is not None and row > 0)
        self.down_button.setEnabled(writable and row is not None and row < self.model.rowCount() - 1)

    # ------------------------------------------------------------ selection

    def selected_id(self) -> int | None:
        """The selected item's id, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def selected_item(self) -> FeeItemView | None:
        """The selected item, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_item(self, item_id: int | None) -> None:
        """Select an item (None, or one no longer there: the selection is cleared)."""
        row = self.model.row_of(item_id) if item_id is not None else None
        if row is None:
            self.table.clearSelection()
            self._show_prices(None)
        else:
            self.table.selectRow(row)
            self._show_prices(self.model.row_at(row))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_prices(self.selected_item())

    def _show_prices(self, item: FeeItemView | None) -> None:
        if item is None:
            self.price_title.setText(self.tr("Select an item to see its prices over time."))
            self.price_model.set_rows([])
        else:
            self.price_title.setText(self.tr("Prices of {item}, newest first").format(item=item.name))
            self.price_model.set_rows(present.price_lines(item, self.today))
        self.update_actions()

    # ------------------------------------------------------------ actions

    def add_item(self) -> None:
        """Add an item with its first price (from the first of this month unless changed)."""
        from estatedesk.gui.dialogs.fee_item_dialog import FeeItemDialog

        dialog = FeeItemDialog(self, self.today.replace(day=1))
        if dialog.exec():
            self.read()
            self.select_item(int(dialog.result))

    def new_price(self) -> None:
        """Give the selected item a new price from a date on."""
        from estatedesk.gui.dialogs.price_dialog import PriceDialog

        item = self.selected_item()
        if item is None or item.once_month is not None or self.tab.read_only:
            return
        start = first_open_month(self.today)
        dialog = PriceDialog(self, item, date(start.year, start.month, 1), self.today)
        if dialog.exec():
            self.read()

    def stop_or_resume(self) -> None:
        """Stop billing the selected item from a month on, or bill a stopped one again."""
        from estatedesk.gui.dialogs.stop_item_dialog import StopItemDialog

        item = self.selected_item()
        if item is None:
            return
        if item.stopped_from is None:
            if StopItemDialog(self, item, first_open_month(self.today)).exec():
                self.read()
            return
        answer = QMessageBox.question(
            self,
            self.tr("Resume {item}").format(item=item.name),
            self.tr(
                "Bill {item} again? It was stopped from {month}; the next billing run charges it "
                "for the months it covers, those from {month} on included."
            ).format(item=item.name, month=item.stopped_from),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._change(lambda: fees.stop_item(item.id, None), self.tr("Resume {item}").format(item=item.name))

    def move_item(self, offset: int) -> None:
        """Move the selected item up (-1) or down (+1) in the order payments pay a month's items."""
        item = self.selected_item()
        if item is not None:
            self._change(
                lambda: fees.move_item(item.id, offset), self.tr("Move {item}").format(item=item.name)
            )

    def _change(self, write: Callable[[], object], title: str) -> None:
        try:
            write()
        except EstateDeskError as error:
            report_error(self, title, error)
        self.read()

    def edit_settings(self) -> None:
        """The standing reductions and what reminders say about paying."""
        from estatedesk.gui.dialogs.fee_settings_dialog import FeeSettingsDialog

        FeeSettingsDialog(self).exec()
