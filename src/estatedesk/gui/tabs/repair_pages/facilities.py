"""设备台账: the register of common facilities, a facility's orders, and upkeep due made into orders."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QSplitter, QTableView

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError
from estatedesk.domain.repairs import format_time
from estatedesk.gui.errors import report_error
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import (
    DISPLAY,
    RIGHT,
    ColumnSpec,
    RecordTableModel,
    set_up_table,
)
from estatedesk.gui.presenters import repair_register as present
from estatedesk.gui.presenters.repairs import state_text
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.repair_pages.base import RepairPage
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.services import repairs
from estatedesk.services.repairs import FacilityView, OrderFilter, OrderRow

if TYPE_CHECKING:
    from estatedesk.gui.tabs.repairs import RepairsTab

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole.value)


class MarkedModel(RecordTableModel[R]):
    """A record table whose cells may also have a background (a date that needs acting on)."""

    def __init__(
        self,
        columns: Sequence[ColumnSpec[R]],
        id_of: Callable[[R], int],
        backgrounds: dict[str, Callable[[R], str | None]],
        parent: Any = None,
    ) -> None:
        super().__init__(columns, id_of, parent=parent)
        self._backgrounds = {self.column_index(key): colour for key, colour in backgrounds.items()}
        self._background_brushes: dict[str, QBrush] = {}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column; none (-1, as the view asks when sorting is turned on) keeps the order given."""
        if column >= 0:
            super().sort(column, order)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        """The cell's background when its column has one; the rest as every list."""
        if role == BACKGROUND and index.isValid() and index.column() in self._backgrounds:
            name = self._backgrounds[index.column()](self.row_at(index.row()))
            if name is None:
                return None
            brush = self._background_brushes.get(name)
            if brush is None:
                brush = self._background_brushes[name] = QBrush(QColor(name))
            return brush
        return super().data(index, role)


class TickedModel(MarkedModel[R]):
    """A list whose first column has a tick box per record (which of them to act on)."""

    def __init__(
        self,
        columns: Sequence[ColumnSpec[R]],
        id_of: Callable[[R], int],
        backgrounds: dict[str, Callable[[R], str | None]],
        parent: Any = None,
    ) -> None:
        super().__init__(columns, id_of, backgrounds, parent)
        self.id_of = id_of
        self.ticked: set[int] = set()

    def set_rows(self, rows: Sequence[R]) -> None:
        """New records; ticks of records no longer listed are dropped."""
        self.ticked &= {self.id_of(row) for row in rows}
        super().set_rows(rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """The first column can be ticked."""
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        """The tick of the first column."""
        if role == CHECK_STATE and index.isValid() and index.column() == 0:
            ticked = self.id_of(self.row_at(index.row())) in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = int(Qt.ItemDataRole.EditRole.value)) -> bool:
        """Tick or untick a record."""
        if role != CHECK_STATE or not index.isValid() or index.column() != 0:
            return False
        self.tick(self.id_of(self.row_at(index.row())), _is_checked(value))
        return True

    def tick(self, record_id: int, ticked: bool) -> None:
        """Tick (or untick) the record ``record_id``."""
        (self.ticked.add if ticked else self.ticked.discard)(record_id)
        line = self.row_of(record_id)
        if line is not None:
            self.dataChanged.emit(self.index(line, 0), self.index(line, 0), [CHECK_STATE])


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


class FacilitiesPage(RepairPage):
    """The register, the selected facility's order history, and the upkeep due within 30 days."""

    title = QT_TRANSLATE_NOOP("repairs", "Facilities")
    icon = "fa5s.cogs"
    key = "repairFacilities"
    ui_file = "repair_facilities.ui"

    def __init__(self, tab: RepairsTab) -> None:
        super().__init__(tab)
        form = self.form
        self.table = find(form, QTableView, "facilityTable")
        self.history_table = find(form, QTableView, "historyTable")
        self.history_title = find(form, QLabel, "historyTitle")
        self.due_table = find(form, QTableView, "dueTable")
        self.splitter = find(form, QSplitter, "splitter")
        self.bottom_splitter = find(form, QSplitter, "bottomSplitter")
        self.add_button = find(form, QPushButton, "addButton")
        self.edit_button = find(form, QPushButton, "editButton")
        self.archive_button = find(form, QPushButton, "archiveButton")
        self.settings_button = find(form, QPushButton, "settingsButton")
        self.order_button = find(form, QPushButton, "orderButton")
        self.add_button.setIcon(icon("fa5s.plus"))
        self.edit_button.setIcon(icon("fa5s.edit"))
        self.archive_button.setIcon(icon("fa5s.archive"))
        self.settings_button.setIcon(icon("fa5s.sliders-h"))
        self.order_button.setIcon(icon("fa5s.clipboard-list"))
        self.today = self.now().date()
        self.model: MarkedModel[FacilityView] = MarkedModel(
            [
                ColumnSpec("name", self.tr("Facility"), lambda view: view.name, width=130),
                ColumnSpec("location", self.tr("Location"), lambda view: view.location, width=120),
                ColumnSpec("model", self.tr("Model"), lambda view: view.model, width=110),
                ColumnSpec(
                    "installed",
                    self.tr("Installed"),
                    lambda view: present.date_text(view.installed_on),
                    sort_key=lambda view: view.installed_on,
                    width=95,
                ),
                ColumnSpec(
                    "warranty",
                    self.tr("Warranty until"),
                    lambda view: present.warranty_text(view, self.today),
                    sort_key=lambda view: view.warranty_until,
                    width=165,
                    colour=lambda view: present.standing_colour(present.warranty_standing(view, self.today)),
                ),
                ColumnSpec("cycle", self.tr("Upkeep"), present.cycle_text, width=100),
                ColumnSpec(
                    "last",
                    self.tr("Last upkeep"),
                    lambda view: present.date_text(view.last_upkeep),
                    sort_key=lambda view: view.last_upkeep,
                    width=95,
                ),
                ColumnSpec(
                    "next",
                    self.tr("Next upkeep"),
                    lambda view: present.next_upkeep_text(view, self.today),
                    sort_key=lambda view: view.next_upkeep,
                    width=185,
                    colour=lambda view: present.standing_colour(present.upkeep_standing(view, self.today)),
                ),
                ColumnSpec(
                    "orders",
                    self.tr("Orders"),
                    present.orders_text,
                    sort_key=lambda view: (view.open_orders, view.orders),
                    alignment=RIGHT,
                    width=90,
                ),
            ],
            id_of=lambda view: view.facility_id,
            backgrounds={
                "next": lambda view: present.standing_background(present.upkeep_standing(view, self.today))
            },
            parent=self,
        )
        set_up_table(self.table, self.model)
        # Listed as the register keeps them (by location and name) until a column is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.history_model: RecordTableModel[OrderRow] = RecordTableModel(
            [
                ColumnSpec("number", self.tr("Order"), lambda row: row.number, width=70),
                ColumnSpec(
                    "received", self.tr("Received at"), lambda row: format_time(row.received), width=115
                ),
                ColumnSpec(
                    "category",
                    self.tr("Category"),
                    lambda row: self.tab.category_names.get(row.category, row.category),
                    width=110,
                ),
                ColumnSpec("state", self.tr("State"), lambda row: state_text(row.state), width=70),
                ColumnSpec(
                    "done",
                    self.tr("Done"),
                    lambda row: format_time(row.timing.done) if row.timing.done else "",
                    width=115,
                ),
                ColumnSpec("description", self.tr("What"), lambda row: row.description, width=150),
            ],
            id_of=lambda row: row.order_id,
            parent=self,
        )
        set_up_table(self.history_table, self.history_model)
        self.due_model: TickedModel[FacilityView] = TickedModel(
            [
                ColumnSpec("name", self.tr("Facility"), lambda view: view.name, width=130),
                ColumnSpec("location", self.tr("Location"), lambda view: view.location, width=120),
                ColumnSpec(
                    "next",
                    self.tr("Due"),
                    lambda view: present.next_upkeep_text(view, self.today),
                    width=170,
                    colour=lambda view: present.standing_colour(present.upkeep_standing(view, self.today)),
                ),
            ],
            id_of=lambda view: view.facility_id,
            backgrounds={},
            parent=self,
        )
        set_up_table(self.due_table, self.due_model)
        self.list_note = ListNote(self.table)
        self.due_note = ListNote(self.due_table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([330, 300])
        self.bottom_splitter.setStretchFactor(0, 3)
        self.bottom_splitter.setStretchFactor(1, 2)
        self.bottom_splitter.setSizes([640, 440])
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_facility())
        self.history_table.doubleClicked.connect(self._order_chosen)
        self.due_model.dataChanged.connect(lambda *_args: self.update_actions())
        self.add_button.clicked.connect(self.add_facility)
        self.edit_button.clicked.connect(self.edit_facility)
        self.archive_button.clicked.connect(self.archive_facility)
        self.order_button.clicked.connect(self.order_upkeep)
        self.settings_button.clicked.connect(self.edit_settings)
        self._show_history(None)

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the register and the upkeep due again, keeping the facility selected and the ticks."""
        keep = self.selected_id()
        self.today = self.now().date()
        self.model.set_rows(repairs.list_facilities())
        self.due_model.set_rows(repairs.upkeep_due(self.today))
        self.list_note.set_text(
            ""
            if self.model.rowCount()
            else self.tr(
                "No facilities yet. Add the estate's common facilities with “Add facility…”: water pumps, "
                "lifts, fire equipment, door access, with their upkeep cycle."
            )
        )
        self.due_note.set_text(
            "" if self.due_model.rowCount() else self.tr("No upkeep is due within 30 days.")
        )
        self.select_facility(keep)

    def forget_file(self) -> None:
        """Nothing of another file stays on show."""
        self.model.set_rows([])
        self.due_model.ticked.clear()
        self.due_model.set_rows([])
        self._show_history(None)

    def status_text(self) -> str:
        """How many facilities, how many due for upkeep."""
        return present.register_status(self.model.shown_rows(), self.due_model.rowCount())

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The splitters and the register's columns."""
        return {
            "splitter": self.splitter,
            "bottomSplitter": self.bottom_splitter,
            "columns": self.table.horizontalHeader(),
        }

    def focus_first(self) -> None:
        """The register."""
        self.table.setFocus()

    def update_actions(self) -> None:
        """Buttons for the facility selected; on a read-only file none of them (they all write)."""
        writable = not self.tab.read_only
        chosen = self.selected_facility() is not None
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and chosen)
        self.archive_button.setEnabled(writable and chosen)
        self.settings_button.setEnabled(writable)
        due = self.due_model.rowCount()
        self.order_button.setText(present.upkeep_button_text(due, len(self.due_model.ticked)))
        self.order_button.setEnabled(writable and due > 0)

    # ------------------------------------------------------------ selection

    def selected_facility(self) -> FacilityView | None:
        """The facility selected, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        """The selected facility's id, if any."""
        chosen = self.selected_facility()
        return chosen.facility_id if chosen is not None else None

    def select_facility(self, facility_id: int | None) -> None:
        """Select a facility (None, or one no longer listed: none) and show its orders."""
        row = self.model.row_of(facility_id) if facility_id is not None else None
        if row is None:
            self.table.clearSelection()
            self._show_history(None)
        else:
            self.table.selectRow(row)
            self._show_history(self.model.row_at(row))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_history(self.selected_facility())

    def _show_history(self, view: FacilityView | None) -> None:
        if view is None:
            self.history_title.setText(self.tr("Select a facility to see its orders."))
            self.history_model.set_rows([])
        else:
            rows = repairs.list_orders(OrderFilter(facility_id=view.facility_id))
            self.history_title.setText(
                self.tr("Orders of {name}, newest first: {count}").format(name=view.name, count=len(rows))
            )
            self.history_model.set_rows(rows)
        self.update_actions()

    def _order_chosen(self, index: QModelIndex) -> None:
        """Show the order double-clicked on the tab's orders page."""
        if index.isValid():
            self.tab.show_order(self.history_model.row_at(index.row()).order_id)

    # ------------------------------------------------------------ actions

    def add_facility(self) -> None:
        """Add a facility to the register."""
        from estatedesk.gui.dialogs.facility_dialog import FacilityDialog

        dialog = FacilityDialog(self)
        if dialog.exec():
            self.read()
            self.select_facility(int(dialog.result))

    def edit_facility(self) -> None:
        """Change what the register says of the facility selected."""
        from estatedesk.gui.dialogs.facility_dialog import FacilityDialog

        view = self.selected_facility()
        if view is None or self.tab.read_only:
            return
        if FacilityDialog(self, view).exec():
            self.read()

    def archive_facility(self) -> None:
        """Take the facility selected out of the register, once the clerk confirms."""
        view = self.selected_facility()
        if view is None:
            return
        title = self.tr("Take {name} out of the register").format(name=view.name)
        answer = QMessageBox.question(
            self,
            title,
            self.tr(
                "Take {name} ({location}) out of the register? Its {count} orders stay in the repair log; "
                "no more upkeep falls due for it."
            ).format(name=view.name, location=view.location or "—", count=view.orders),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            repairs.archive_facility(view.facility_id)
        except EstateDeskError as error:
            report_error(self, title, error)
        self.read()

    def order_upkeep(self) -> None:
        """Open an upkeep order for each facility listed as due (only those ticked, if any are)."""
        listed = [view.facility_id for view in self.due_model.shown_rows()]
        ticked = [facility_id for facility_id in listed if facility_id in self.due_model.ticked]
        chosen = ticked or listed
        if not chosen or self.tab.read_only:
            return
        title = self.tr("Upkeep orders")
        try:
            made = repairs.order_upkeep(chosen, self.now())
        except EstateDeskError as error:
            report_error(self, title, error)
            self.read()
            return
        self.due_model.ticked.clear()
        self.read()
        QMessageBox.information(self, title, present.upkeep_made_text(len(made)))

    def edit_settings(self) -> None:
        """The time limits of each category, and the office's holiday table."""
        from estatedesk.gui.dialogs.repair_settings_dialog import RepairSettingsDialog

        if RepairSettingsDialog(self, self.tab.category_names).exec():
            self.tab.read_categories()
        self.read()
