"""欠费: the rooms owing money on a day, by building and age, with export and printed reminders."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelection, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
)

from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.domain.fees import AgeBucket
from estatedesk.domain.money import format_yuan
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import (
    CENTER,
    LOADED_ORDER,
    RIGHT,
    ColumnSpec,
    RecordTableModel,
    set_up_table,
)
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.gui.presenters.common import all_buildings_text, place_text
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.fee_pages.base import FeePage
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.gui.worker import BackgroundTask, save_in_background
from estatedesk.services import fees, households
from estatedesk.services.fees import Arrears, ArrearsRow
from estatedesk.services.fees.overview_queries import export_arrears, print_room_reminders

if TYPE_CHECKING:
    from estatedesk.gui.tabs.fees import FeesTab

ALL = ""  # the combos' "all buildings" and "any age"


class ArrearsPage(FeePage):
    """The rooms owing money as of a day, filtered by building, age and search; the total above."""

    title = QT_TRANSLATE_NOOP("fees", "Arrears")
    icon = "fa5s.exclamation-circle"
    key = "arrears"
    ui_file = "fee_arrears.ui"

    def __init__(self, tab: FeesTab) -> None:
        super().__init__(tab)
        form = self.form
        self.search = find(form, QLineEdit, "searchEdit")
        self.as_of = find(form, QDateEdit, "asOfEdit")
        self.building = find(form, QComboBox, "buildingCombo")
        self.bucket = find(form, QComboBox, "bucketCombo")
        self.table = find(form, QTableView, "arrearsTable")
        self.total_label = find(form, QLabel, "totalLabel")
        self.export_button = find(form, QPushButton, "exportButton")
        self.remind_button = find(form, QPushButton, "remindButton")
        self.search.addAction(icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        self.export_button.setIcon(icon("fa5s.file-export"))
        self.remind_button.setIcon(icon("fa5s.print"))
        menu = QMenu(self.remind_button)
        self.remind_selected = menu.addAction(self.tr("For the rooms selected…"))
        self.remind_listed = menu.addAction(self.tr("For every room listed…"))
        self.remind_button.setMenu(menu)
        self.as_of.setDate(QDate.currentDate())
        self.building.addItem(all_buildings_text(), ALL)
        self.bucket.addItem(self.tr("Any length of time"), ALL)
        for bucket in AgeBucket:
            self.bucket.addItem(present.bucket_title(bucket), bucket.value)
        self.model: RecordTableModel[ArrearsRow] = RecordTableModel(
            [
                ColumnSpec(
                    "room", self.tr("Room"), lambda row: row.room_code, sort_key=LOADED_ORDER, width=100
                ),
                ColumnSpec("owners", self.tr("Owners"), lambda row: row.owners, width=170),
                ColumnSpec(
                    "owed",
                    self.tr("Owed (yuan)"),
                    lambda row: format_yuan(row.owed_fen),
                    sort_key=lambda row: row.owed_fen,
                    alignment=RIGHT,
                    width=110,
                    colour=lambda _row: present.OWED_COLOUR,
                ),
                ColumnSpec(
                    "oldest",
                    self.tr("Unpaid since"),
                    lambda row: str(row.oldest),
                    alignment=CENTER,
                    width=100,
                ),
                ColumnSpec(
                    "months",
                    self.tr("Months"),
                    lambda row: str(row.months),
                    sort_key=lambda row: row.months,
                    alignment=RIGHT,
                    width=70,
                ),
                ColumnSpec(
                    "age",
                    self.tr("Age"),
                    lambda row: present.bucket_title(row.bucket),
                    sort_key=lambda row: row.months,
                    width=120,
                ),
            ],
            id_of=lambda row: row.room_id,
            parent=self,
            search_text=lambda row: present.search_text(row.room_code, row.owners),
        )
        set_up_table(self.table, self.model, sorted_by="room")
        self.table.setSortingEnabled(True)
        self.list_note = ListNote(self.table)
        self.arrears: Arrears | None = None  # what the list shows, as read
        self.task: BackgroundTask | None = None  # reading, exporting or printing
        self._reads = 0  # a read's result is used only if no later read started
        # Typing a date changes it at each digit: read once the clerk pauses, not for 2, 20, 202…
        self.read_timer = QTimer(self)
        self.read_timer.setSingleShot(True)
        self.read_timer.setInterval(300)
        self.read_timer.timeout.connect(self.read)
        self.as_of.dateChanged.connect(lambda _day: self.read_timer.start())
        self.building.activated.connect(lambda _index: self._filter())
        self.bucket.activated.connect(lambda _index: self._filter())
        self.search.textChanged.connect(lambda text: self._filter())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.show_account())
        self.export_button.clicked.connect(self.export)
        self.remind_selected.triggered.connect(lambda: self.print_reminders(selected=True))
        self.remind_listed.triggered.connect(lambda: self.print_reminders(selected=False))
        self.update_actions()

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the arrears as of the day chosen on a worker thread (thousands of rooms), then show them."""
        self.read_timer.stop()
        day = self.day()
        self._reads += 1
        planned = self._reads
        self._fill_buildings()
        task = BackgroundTask(
            self,
            self.tr("Reading the arrears…"),
            lambda _progress, _cancelled: fees.arrears(day),
            lambda arrears: self._show(arrears) if planned == self._reads else None,
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

    def _fill_buildings(self) -> None:
        chosen = self.building.currentData()
        self.building.clear()
        self.building.addItem(all_buildings_text(), ALL)
        for name, _units in households.building_tree():
            self.building.addItem(place_text(name), name)
        index = self.building.findData(chosen)
        self.building.setCurrentIndex(max(index, 0))

    def _show(self, arrears: Arrears) -> None:
        keep = self.selected_ids()
        self.arrears = arrears
        self.model.set_rows(arrears.rooms)
        self._filter(keep)

    def forget_file(self) -> None:
        """Another estate: today, all buildings, any age, no search."""
        self._reads += 1  # a read of the last file still running is not shown
        self.search.clear()
        self.as_of.blockSignals(True)
        self.as_of.setDate(QDate.currentDate())
        self.as_of.blockSignals(False)
        self.building.setCurrentIndex(0)
        self.bucket.setCurrentIndex(0)
        self.arrears = None
        self.model.set_rows([])
        self._update_total()

    def status_text(self) -> str:
        """How many rooms listed owe how much."""
        return self.total_label.text()

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The list's columns."""
        return {"columns": self.table.horizontalHeader()}

    def focus_first(self) -> None:
        """The list."""
        self.table.setFocus()

    def update_actions(self) -> None:
        """Export and print what is listed (also from a read-only file: they do not write to it)."""
        idle = self.task is None
        listed = self.model.rowCount() > 0
        self.export_button.setEnabled(idle and listed)
        self.remind_button.setEnabled(idle and listed)
        self.remind_selected.setEnabled(bool(self.selected_ids()))

    # ------------------------------------------------------------ filters

    def day(self) -> date:
        """The as-of day chosen."""
        day = self.as_of.date()
        return date(day.year(), day.month(), day.day())

    def chosen_building(self) -> str | None:
        """The building chosen (None: all)."""
        value = self.building.currentData()
        return str(value) if value else None

    def chosen_bucket(self) -> AgeBucket | None:
        """The age of arrears chosen (None: any)."""
        value = self.bucket.currentData()
        return AgeBucket(value) if value else None

    def set_building(self, name: str | None) -> None:
        """Show one building (None: all), as choosing it in the list does."""
        self.building.setCurrentIndex(max(self.building.findData(name or ALL), 0))
        self._filter()

    def set_bucket(self, bucket: AgeBucket | None) -> None:
        """Show arrears of one age (None: any), as choosing it in the list does."""
        self.bucket.setCurrentIndex(max(self.bucket.findData(bucket.value if bucket else ALL), 0))
        self._filter()

    def _filter(self, keep: list[int] | None = None) -> None:
        selected = self.selected_ids() if keep is None else keep
        building, bucket = self.chosen_building(), self.chosen_bucket()
        if building is None and bucket is None:
            self.model.set_scope(None)
        else:
            self.model.set_scope(
                lambda row: (
                    (building is None or row.building == building)
                    and (bucket is None or row.bucket == bucket)
                )
            )
        self.model.set_query(self.search.text())
        self._select(selected)
        self._update_total()

    def _update_total(self) -> None:
        if self.arrears is None:
            self.total_label.setText("")
            self.list_note.set_text("")
            return
        scope = present.arrears_scope(self.chosen_building(), self.chosen_bucket())
        self.total_label.setText(
            present.arrears_total_text(self.model.shown_rows(), self.arrears.as_of, scope)
        )
        if self.model.rowCount():
            note = ""
        elif self.model.total and self.search.text().strip():
            note = self.tr("No room owing money matches “{text}”.").format(text=self.search.text().strip())
        else:
            note = self.tr("No room owes anything here as of this day.")
        self.list_note.set_text(note)
        self.update_actions()
        self.tab.status_changed.emit()  # the status bar repeats the total

    # ------------------------------------------------------------ selection

    def selected_rows(self) -> list[ArrearsRow]:
        """The rooms selected, in the order shown."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row_at(row) for row in rows]

    def selected_ids(self) -> list[int]:
        """The ids of the rooms selected."""
        return [row.room_id for row in self.selected_rows()]

    def _select(self, room_ids: list[int]) -> None:
        self.table.clearSelection()
        selection = self.table.selectionModel()
        for room_id in room_ids:
            line = self.model.row_of(room_id)
            if line is not None:
                selection.select(
                    self.model.index(line, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows
                )
        self.update_actions()

    def select_rooms(self, room_ids: list[int]) -> None:
        """Select these rooms (those listed)."""
        self._select(room_ids)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.update_actions()

    def show_account(self) -> None:
        """The account of the room double-clicked."""
        chosen = self.selected_rows()
        if len(chosen) == 1:
            self.tab.show_account(chosen[0].room_id)

    # ------------------------------------------------------------ export and reminders

    def export(self) -> None:
        """Write the rooms listed to .xlsx or .csv."""
        rows = self.model.shown_rows()
        if not rows or self.arrears is None:
            return
        day = self.arrears.as_of
        self.task = save_in_background(
            self,
            self.tr("Export the arrears"),
            Path.home() / f"欠费清单 {day.isoformat()}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            self.tr("Exporting…"),
            lambda target: export_arrears(target, rows),
            lambda count, target: self.tr("{count} rooms were written to\n{path}").format(
                count=count, path=target
            ),
            suffixes=(".xlsx", ".csv"),
        )
        self._watch_task()

    def print_reminders(self, selected: bool) -> None:
        """One reminder (催缴通知单) per room, as one PDF: for the rooms selected, or every room listed."""
        if self.arrears is None:
            return
        day = self.arrears.as_of
        building = self.chosen_building()
        rows = self.selected_rows() if selected else self.model.shown_rows()
        if not rows:
            return
        whole = not selected and len(rows) == len(
            [row for row in self.arrears.rooms if building is None or row.building == building]
        )
        if whole:  # the building (or the estate) as the service prints it

            def write(target: Path) -> int:
                return fees.print_reminders(target, building, day)
        else:

            def write(target: Path) -> int:
                return print_room_reminders(target, rows, day)

        self.task = save_in_background(
            self,
            self.tr("Print reminders"),
            Path.home()
            / present.reminders_name(building, day, [row.room_code for row in rows] if selected else ()),
            self.tr("PDF document (*.pdf)"),
            self.tr("Writing the reminders…"),
            write,
            lambda count, target: self.tr("{count} reminders were written to\n{path}").format(
                count=count, path=target
            ),
            suffixes=(".pdf",),
        )
        self._watch_task()

    def _watch_task(self) -> None:
        task = self.task
        if task is not None:
            task.finished.connect(lambda: self._task_ended(task))
        self.update_actions()
