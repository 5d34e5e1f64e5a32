"""The households tab (房屋与住户档案): place tree, searchable room list, detail and history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from estatedesk.domain.errors import EstateDeskError
from estatedesk.gui import settings as prefs
from estatedesk.gui.dialogs.files import choose_open_file
from estatedesk.gui.errors import report_error
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import set_up_table
from estatedesk.gui.models.room_table_model import RoomTableModel
from estatedesk.gui.presenters import common
from estatedesk.gui.presenters import households as present
from estatedesk.gui.tabs.base import LayoutPart, Tab
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.gui.widgets.place_tree import PlaceTree
from estatedesk.gui.worker import BackgroundTask, save_in_background
from estatedesk.services import fees, households
from estatedesk.services.changes import Records
from estatedesk.services.households import NumberKind, RoomDetail

FIRST_SCREEN_ROWS = 150  # more rows than the tallest screen shows


class HouseholdsTab(Tab):
    """Everything on the households tab."""

    ui_file = "households_tab.ui"
    settings_key = "households"
    shows = frozenset({Records.ROOMS, Records.FEES})  # the panel shows the room's fee balance

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        ui = self.widget
        self.search = find(ui, QLineEdit, "searchEdit")
        self.archived = find(ui, QCheckBox, "archivedCheck")
        self.tree = find(ui, QTreeView, "placeTree")
        self.table = find(ui, QTableView, "roomTable")
        self.count_label = find(ui, QLabel, "countLabel")
        self.detail = find(ui, QTextBrowser, "detailView")
        self.history = find(ui, QTreeWidget, "historyTree")
        self.splitter = find(ui, QSplitter, "splitter")
        self.add_button = find(ui, QPushButton, "addButton")
        self.edit_button = find(ui, QPushButton, "editButton")
        self.remove_button = find(ui, QPushButton, "removeButton")
        self.import_button = find(ui, QPushButton, "importButton")
        self.export_button = find(ui, QPushButton, "exportButton")
        self.search.addAction(icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        self.add_button.setIcon(icon("fa5s.plus"))
        self.edit_button.setIcon(icon("fa5s.edit"))
        self.remove_button.setIcon(icon("fa5s.archive"))
        self.import_button.setIcon(icon("fa5s.file-import"))
        self.export_button.setIcon(icon("fa5s.file-export"))
        # Setting up a new estate: a whole building's rooms at once (dialogs/layout_dialog.py).
        self.layout_button = QPushButton(icon("fa5s.building"), self.tr("Add a building…"), ui)
        self.layout_button.setObjectName("layoutButton")
        self.layout_button.setToolTip(
            self.tr("Create a building's rooms in one go: units, floors, rooms per floor")
        )
        toolbar = find(ui, QHBoxLayout, "toolbarLayout")
        toolbar.insertWidget(toolbar.indexOf(self.add_button) + 1, self.layout_button)

        self.model = RoomTableModel(self)
        set_up_table(self.table, self.model, sorted_by="code")
        self.place_tree = PlaceTree(self.tree, self)
        self.list_note = ListNote(self.table)  # says so in the list when a search finds nothing
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([150, 820, 330])
        # A change's lines span the whole panel under its when/who/what line, and a long one
        # comes on lines of its own (presenter) with the whole text as tooltip: nothing is cut
        # short, and a long list of owners never pushes the panel sideways.
        history_header = self.history.header()
        history_header.setStretchLastSection(True)
        history_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        when_width = self.history.fontMetrics().horizontalAdvance("2026-12-31 23:59")
        history_header.resizeSection(0, when_width + self.history.indentation() + 16)
        history_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.history.setUniformRowHeights(False)

        export_menu = QMenu(self.export_button)
        self.export_full = export_menu.addAction(self.tr("Export the list shown…"))
        self.export_masked = export_menu.addAction(
            self.tr("Export the list shown, phone and ID numbers masked…")
        )
        export_menu.addSeparator()
        self.print_action = export_menu.addAction(self.tr("Print the list shown (PDF roster)…"))
        self.preview_action = export_menu.addAction(self.tr("Print preview of the list shown…"))
        self.export_button.setMenu(export_menu)
        import_menu = QMenu(self.import_button)
        self.import_action = import_menu.addAction(self.tr("Import from a spreadsheet…"))
        self.template_action = import_menu.addAction(self.tr("Save the import template…"))
        self.import_button.setMenu(import_menu)

        self.search.textChanged.connect(self._search_changed)
        self.archived.toggled.connect(lambda _on: self.reload())
        self.place_tree.place_changed.connect(self._place_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_room())
        self.detail.anchorClicked.connect(self._link_clicked)
        self.add_button.clicked.connect(self.add_room)
        self.layout_button.clicked.connect(self.add_building)
        self.edit_button.clicked.connect(self.edit_room)
        self.remove_button.clicked.connect(self.remove_room)
        self.import_action.triggered.connect(self.import_file)
        self.template_action.triggered.connect(self.save_template)
        self.export_full.triggered.connect(lambda: self.export_list(masked=False))
        self.export_masked.triggered.connect(lambda: self.export_list(masked=True))
        self.print_action.triggered.connect(self.print_roster)
        self.preview_action.triggered.connect(self.preview_roster)
        self._shown_room: int | None = -1  # nothing rendered yet
        self._shown_empty = False
        self._detail: RoomDetail | None = None  # the room the panel shows
        self.preview: QWidget | None = None  # the print preview, while it is open
        self._show_detail(None)

    # ------------------------------------------------------------ the frame's calls

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The splitter and the list's columns."""
        return {"splitter": self.splitter, "columns": self.table.horizontalHeader()}

    def forget_file(self) -> None:
        """A search typed for another estate means nothing in this one; its panel is redrawn."""
        self.search.clear()
        self._shown_room = -1  # the panel shows nothing of the new file yet (and whether it is writable)

    def status_text(self) -> str:
        """Rooms, owners and residents of the estate."""
        return present.status_text(households.estate_counts())

    # ------------------------------------------------------------ loading

    def show_new_file(self) -> None:
        """Show a file just opened: its first screenful at once, every room a moment later.

        Reading 20,000 rooms takes 0.1–0.2 s, but the first screen needs only its own rows:
        they are painted first, and the rest is read on the event loop's next turn.
        """
        first = households.list_rooms(include_archived=self.archived.isChecked(), limit=FIRST_SCREEN_ROWS)
        if len(first) < FIRST_SCREEN_ROWS:
            self.reload()
            return
        self.model.set_rows(first)
        self.place_tree.fill(households.building_tree(first))
        self.count_label.setText(self.tr("Reading all rooms…"))
        self._show_detail(None)
        self.reload_soon()

    def read(self, select_id: int | None) -> None:
        """Read all rooms and places from the file again, keeping the selection (or ``select_id``)."""
        keep = select_id if select_id is not None else self.selected_id()
        rows = households.list_rooms(include_archived=self.archived.isChecked())
        self.model.set_rows(rows)
        self.place_tree.fill(households.building_tree(rows))
        self._update_count()
        if keep is not None:
            self.select_room(keep)
        else:  # refilling the tree may have selected the only room shown: show what is selected
            self._show_detail(self.selected_id())

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        self.count_label.setText(present.count_text(shown, self.model.total))
        self.list_note.set_text(
            "" if shown else present.empty_list_text(self.model.total, self.search.text())
        )

    # ------------------------------------------------------------ filtering and selection

    def _search_changed(self, text: str) -> None:
        selected = self.selected_id()
        self.model.set_query(text)
        self._after_filter(selected)

    def _place_changed(self, building: str | None, unit: str | None) -> None:
        selected = self.selected_id()
        self.model.set_place(building, unit)
        self._after_filter(selected)

    def _after_filter(self, selected: int | None) -> None:
        self._update_count()
        if selected is not None and self.model.row_of(selected) is not None:
            self.select_room(selected)
        elif self.model.rowCount() == 1:
            self.table.selectRow(0)
        else:
            self._show_detail(None)

    def selected_id(self) -> int | None:
        """The id of the room selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def select_room(self, room_id: int) -> None:
        """Select a room in the list and show its detail (if it is shown)."""
        row = self.model.row_of(room_id)
        if row is None:
            self._show_detail(None)
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        self._show_detail(room_id)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail(self.selected_id())

    # ------------------------------------------------------------ detail panel

    def _show_detail(self, room_id: int | None) -> None:
        empty, writable = self.model.total == 0, not self.read_only
        if room_id is None and self._shown_room is None and self._shown_empty == empty:
            return  # the hint is already there: typing in the search box must stay cheap
        self._shown_room, self._shown_empty = room_id, empty
        detail = None
        if room_id is not None:
            try:
                detail = households.room_detail(room_id)
            except EstateDeskError:
                detail = None
        self._detail = detail
        self.update_actions()
        self.history.clear()
        if detail is None:
            self.detail.setHtml(present.hint_html(estate_is_empty=empty, writable=writable))
            return
        self.detail.setHtml(present.detail_html(detail, writable=writable, balance=self._balance(detail.id)))
        for line in present.history_lines(households.room_history(detail.id), self._history_columns()):
            item = QTreeWidgetItem([line.when, line.actor, line.title])
            item.setToolTip(2, "\n".join([line.title, *line.changes]))
            self.history.addTopLevelItem(item)  # spanning needs the item in the tree
            for change in line.changes:
                child = QTreeWidgetItem([change])
                child.setToolTip(0, change)
                item.addChild(child)
                child.setFirstColumnSpanned(True)
        newest = self.history.topLevelItem(0)
        if newest is not None:
            newest.setExpanded(True)

    @staticmethod
    def _balance(room_id: int) -> tuple[int, int] | None:
        """What the room shown owes and holds in advance (read for that one room: the list stays fast)."""
        try:
            return fees.room_balance(room_id)
        except EstateDeskError:  # a file too damaged to read the ledger still shows the room
            return None

    def _history_columns(self) -> int:
        """How many half-width characters a history line fits in the panel as it is now (wider: more)."""
        # The history may be the hidden page of its tab widget (not laid out yet): the detail
        # page beside it has the same width.
        width = max(self.history.viewport().width(), self.detail.viewport().width())
        room = width - 2 * self.history.indentation()
        return max(24, room // max(self.history.fontMetrics().horizontalAdvance("0"), 1))

    def update_actions(self) -> None:
        """Buttons for the room shown; on a read-only file only looking, printing and exporting."""
        detail, writable = self._detail, not self.read_only
        archived = detail is not None and detail.archived_at is not None
        for control in (self.add_button, self.layout_button, self.import_action):
            control.setEnabled(writable)
        self.edit_button.setEnabled(writable and detail is not None and not archived)
        self.remove_button.setEnabled(writable and detail is not None)
        self.remove_button.setText(self.tr("Restore") if archived else self.tr("Delete…"))
        self.remove_button.setIcon(icon("fa5s.undo") if archived else icon("fa5s.archive"))

    # ------------------------------------------------------------ actions

    def add_room(self) -> None:
        """Open the dialog for a new room and select it once saved."""
        from estatedesk.gui.dialogs.room_dialog import RoomDialog  # loads with its first use

        dialog = RoomDialog(self.widget, households.create_room)
        if dialog.exec():
            self.select_room(int(dialog.result))  # the list has it already: the save was announced

    def open_room(self) -> None:
        """Open the selected room (a double click): edit it, or offer to restore an archived one."""
        detail = self._detail  # the panel shows the selected room
        if detail is None or detail.id != self.selected_id() or self.read_only:
            return
        if detail.archived_at is None:
            self.edit_room()  # which reads the room afresh for the dialog
            return
        answer = QMessageBox.question(
            self.widget,
            self.tr("Room {code}").format(code=detail.code),
            self.tr(
                "Room {code} is archived: its records are kept, but it is left out of the list and "
                "cannot be changed. Restore it to the list?"
            ).format(code=detail.code),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_room()

    def restore_room(self) -> None:
        """Bring the selected archived room back into the list, and keep it selected."""
        room_id = self.selected_id()
        if room_id is None:
            return
        households.unarchive_room(room_id)
        self.select_room(room_id)

    def _link_clicked(self, url: QUrl) -> None:
        link = url.toString()
        number = present.revealed_by(link)
        if number is not None:
            self.show_number(*number)
        elif link == present.RESTORE_LINK:
            self.restore_room()
        elif link == present.LAYOUT_LINK:
            self.add_building()
        elif link == present.ACCOUNT_LINK and self._detail is not None:
            self.show_account(self._detail.id)

    def show_account(self, room_id: int) -> None:
        """Show the room's account on the fee ledger tab (the window holds both tabs and switches)."""
        from estatedesk.gui.main_window import MainWindow  # the window this tab is shown in

        window = self.widget.window()
        if isinstance(window, MainWindow):
            window.show_fee_account(room_id)

    def show_number(self, kind: NumberKind, person_id: int) -> None:
        """Show one full number of a person of the room shown, with a copy button; the look is audited."""
        if self._detail is None:
            return
        room = self._detail
        title = self.tr("Room {code}").format(code=room.code)
        try:
            number = households.reveal_number(room.id, person_id, kind)
        except EstateDeskError as error:
            report_error(self.widget, title, error)
            return
        box = QMessageBox(
            QMessageBox.Icon.Information, title, number, QMessageBox.StandardButton.Close, self.widget
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setInformativeText(self.tr("This look at the full number is recorded in the room's history."))
        copy = box.addButton(self.tr("Copy"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is copy:
            QGuiApplication.clipboard().setText(number)
        self._show_detail(room.id)  # the history now tells of this look

    def add_building(self) -> None:
        """Create a building's rooms in one go (new-estate set-up), then show the first one made."""
        from estatedesk.gui.dialogs.layout_dialog import LayoutDialog  # loads with its first use

        dialog = LayoutDialog(self.widget)
        if dialog.exec() and dialog.result:
            self.select_room(dialog.result[0])

    def edit_room(self) -> None:
        """Edit the selected room."""
        from estatedesk.gui.dialogs.room_dialog import RoomDialog

        room_id = self.selected_id()
        if room_id is None:
            return
        detail = households.room_detail(room_id)
        if detail.archived_at is not None:
            return
        dialog = RoomDialog(
            self.widget, lambda data, confirmed: households.update_room(room_id, data, confirmed), detail
        )
        if dialog.exec():
            self.select_room(room_id)

    def remove_room(self) -> None:
        """Delete a room entered by mistake, archive one with history, or restore an archived one."""
        room_id = self.selected_id()
        if room_id is None:
            return
        detail = households.room_detail(room_id)
        title = self.tr("Room {code}").format(code=detail.code)
        if detail.archived_at is not None:
            self.restore_room()
            return
        if households.has_history(room_id):
            question = self.tr(
                "Room {code} has a change history, so it will be archived, not deleted: it leaves the "
                "list but its records are kept. Archive it?"
            ).format(code=detail.code)
        else:
            question = self.tr("Delete room {code}? It has no history yet.").format(code=detail.code)
        answer = QMessageBox.question(self.widget, title, question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            households.remove_room(room_id)
        except EstateDeskError as error:
            report_error(self.widget, title, error)

    def import_file(self) -> None:
        """Choose a spreadsheet, preview it, and import it."""
        path = choose_open_file(
            self.widget, prefs.IMPORT, self.tr("Import households"), self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if path is None:
            return
        # Spreadsheet code loads only when the clerk imports or exports, not at start-up.
        from estatedesk.gui.dialogs.import_dialog import ImportDialog
        from estatedesk.services.households.sheet import HOUSEHOLDS

        ImportDialog(
            self.widget,
            path,
            HOUSEHOLDS,
            self.tr("Import households"),
            lambda result: self.tr(
                "{imported} new rooms imported, {updated} existing rooms updated, {unchanged} unchanged."
            ).format(imported=result.imported, updated=result.updated, unchanged=result.unchanged),
        ).exec()

    def save_template(self) -> None:
        """Copy the Excel import template to where the clerk wants it."""
        from estatedesk.services import interchange
        from estatedesk.services.households.sheet import HOUSEHOLDS

        self._task = save_in_background(
            self.widget,
            self.tr("Save the import template"),
            Path.home() / self.tr("households_template.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
            self.tr("Saving the template…"),
            lambda target: interchange.save_template(HOUSEHOLDS, target),
            lambda _result, target: self.tr(
                "The template was saved as\n{path}\nFill in one room per row, then import it."
            ).format(path=target),
            suffixes=(".xlsx",),
        )

    def print_roster(self) -> None:
        """Write the rooms shown now as a printable PDF roster (phones masked: paper travels)."""
        rooms = self.model.shown_rows()
        estate_name = self.estate_name
        scope = self.scope_text()
        self._task = save_in_background(
            self.widget,
            self.tr("Print the list shown"),
            Path.home() / self.tr("households_roster.pdf"),
            self.tr("PDF document (*.pdf)"),
            self.tr("Writing the roster…"),
            lambda target: households.print_roster(target, estate_name, rooms, scope),
            lambda pages, target: self.tr("The roster ({pages} pages) was written to\n{path}").format(
                pages=pages, path=target
            ),
            suffixes=(".pdf",),
        )

    def preview_roster(self) -> None:
        """Show the roster of the rooms shown in Qt's print preview, to print on one of the system's printers.

        The pages are laid out on a worker thread (hundreds of pages for a whole large estate),
        then drawn as the PDF roster has them.
        """
        rooms = self.model.shown_rows()
        estate_name = self.estate_name
        scope = self.scope_text()
        self._task = BackgroundTask(
            self.widget,
            self.tr("Laying out the roster…"),
            lambda _progress, _cancelled: households.roster_pages(estate_name, rooms, scope),
            self._show_preview,
            cancellable=False,
        ).start()

    def _show_preview(self, document: Any) -> None:
        from estatedesk.gui.widgets.page_printer import preview_dialog  # QtPrintSupport loads when used

        preview = self.preview = preview_dialog(self.widget, document)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.finished.connect(lambda _result: setattr(self, "preview", None))  # deleted once closed
        preview.open()

    def scope_text(self) -> str:
        """Which part of the estate the list shows, in Chinese, for the printed roster's heading."""
        return common.scope_text(self.place_tree.place(), self.search.text())

    def export_list(self, masked: bool) -> None:
        """Write the rooms shown now to .xlsx or .csv."""
        from estatedesk.services.households.sheet import export_households

        ids = self.model.shown_ids()
        self._task = save_in_background(
            self.widget,
            self.tr("Export households"),
            Path.home() / self.tr("households.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            self.tr("Exporting…"),
            lambda target: export_households(target, room_ids=ids, masked=masked),
            lambda count, target: self.tr("{count} rooms were written to\n{path}").format(
                count=count, path=target
            ),
            suffixes=(".xlsx", ".csv"),
        )
