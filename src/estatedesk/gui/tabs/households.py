"""The households tab (房屋与住户档案): place tree, searchable room list, detail and history."""

from __future__ import annotations

import html
import shutil
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QItemSelection, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
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
from estatedesk.domain.households import Flag, format_area, mask_id_number, mask_phone
from estatedesk.gui import labels
from estatedesk.gui.dialogs.room_dialog import RoomDialog
from estatedesk.gui.loader import find, load_ui
from estatedesk.gui.models.room_table_model import COL_CODE, RoomTableModel
from estatedesk.gui.worker import BackgroundTask
from estatedesk.paths import TEMPLATES_DIR
from estatedesk.services import households
from estatedesk.services.households import HistoryEntry, RoomDetail, RoomRow

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1
FIRST_SCREEN_ROWS = 150  # more rows than the tallest screen shows


class HouseholdsTab(QObject):
    """Everything on the households tab; ``changed`` fires after any change to the file."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.widget = load_ui("households_tab.ui", parent)
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
        self.search.addAction(qta.icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        self.add_button.setIcon(qta.icon("fa5s.plus"))
        self.edit_button.setIcon(qta.icon("fa5s.edit"))
        self._archive_icon = qta.icon("fa5s.archive")
        self._restore_icon = qta.icon("fa5s.undo")
        self.remove_button.setIcon(self._archive_icon)
        self.import_button.setIcon(qta.icon("fa5s.file-import"))
        self.export_button.setIcon(qta.icon("fa5s.file-export"))

        self.estate_name = ""  # set by the main window when it opens a file; printed on documents
        self._generation = 0  # counts loads, so that a late full read never overwrites a newer one
        self.model = RoomTableModel(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSortIndicator(COL_CODE, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((96, 80, 84, 100, 130, 180, 90, 110, 120)):
            self.table.setColumnWidth(column, width)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(24)
        vertical.hide()

        self.places = QStandardItemModel(self)
        self.tree.setModel(self.places)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([150, 820, 330])
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        export_menu = QMenu(self.export_button)
        self.export_full = export_menu.addAction(self.tr("Export the list shown…"))
        self.export_masked = export_menu.addAction(
            self.tr("Export the list shown, phone and ID numbers masked…")
        )
        export_menu.addSeparator()
        self.print_action = export_menu.addAction(self.tr("Print the list shown (PDF roster)…"))
        self.export_button.setMenu(export_menu)
        import_menu = QMenu(self.import_button)
        self.import_action = import_menu.addAction(self.tr("Import from a spreadsheet…"))
        self.template_action = import_menu.addAction(self.tr("Save the import template…"))
        self.import_button.setMenu(import_menu)

        self.search.textChanged.connect(self._search_changed)
        self.archived.toggled.connect(lambda _on: self.reload())
        self.tree.selectionModel().currentChanged.connect(self._place_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_room())
        self.add_button.clicked.connect(self.add_room)
        self.edit_button.clicked.connect(self.edit_room)
        self.remove_button.clicked.connect(self.remove_room)
        self.import_action.triggered.connect(self.import_file)
        self.template_action.triggered.connect(self.save_template)
        self.export_full.triggered.connect(lambda: self.export_list(masked=False))
        self.export_masked.triggered.connect(lambda: self.export_list(masked=True))
        self.print_action.triggered.connect(self.print_roster)
        self._shown_room: int | None = -1  # nothing rendered yet
        self._shown_empty = False
        self._show_detail(None)

    # ------------------------------------------------------------ loading

    def show_new_file(self) -> None:
        """Show a file just opened: its first screenful at once, every room a moment later.

        Reading 20,000 rooms takes 0.1–0.2 s, but the first screen needs only its own rows:
        they are painted first, and the rest is read on the event loop's next turn.
        """
        self._generation += 1
        first = households.list_rooms(include_archived=self.archived.isChecked(), limit=FIRST_SCREEN_ROWS)
        if len(first) < FIRST_SCREEN_ROWS:
            self.reload()
            return
        self.model.set_rows(first)
        self._fill_places(first)
        self.count_label.setText(self.tr("Reading all rooms…"))
        self._show_detail(None)
        generation = self._generation
        QTimer.singleShot(0, lambda: self._finish_loading(generation))

    def _finish_loading(self, generation: int) -> None:
        if generation == self._generation:  # nothing reloaded or opened since
            self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Read all rooms and places from the file again, keeping the selection."""
        self._generation += 1
        keep = select_id if select_id is not None else self.selected_id()
        rows = households.list_rooms(include_archived=self.archived.isChecked())
        self.model.set_rows(rows)
        self._fill_places(rows)
        self._update_count()
        if keep is not None:
            self.select_room(keep)
        else:
            self._show_detail(None)

    def _fill_places(self, rows: Sequence[RoomRow]) -> None:
        current = self.tree.currentIndex().data(PLACE_ROLE) if self.tree.currentIndex().isValid() else None
        self.places.clear()
        root = QStandardItem(qta.icon("fa5s.city"), self.tr("All buildings"))
        root.setData(None, PLACE_ROLE)
        self.places.appendRow(root)
        select = root
        building_icon = qta.icon("fa5s.building")  # one icon for all: a large estate has hundreds
        building_label, unit_label = self.tr("Building {name}"), self.tr("Unit {name}")
        for building, units in households.building_tree(rows):
            item = QStandardItem(building_icon, building_label.format(name=building))
            item.setData((building, None), PLACE_ROLE)
            root.appendRow(item)
            if current == (building, None):
                select = item
            for unit in units:
                child = QStandardItem(unit_label.format(name=unit))
                child.setData((building, unit), PLACE_ROLE)
                item.appendRow(child)
                if current == (building, unit):
                    select = child
        self.tree.expand(root.index())
        self.tree.setCurrentIndex(select.index())

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total} rooms shown").format(
                shown=self.model.rowCount(), total=self.model.total
            )
        )

    # ------------------------------------------------------------ filtering and selection

    def _search_changed(self, text: str) -> None:
        selected = self.selected_id()
        self.model.set_query(text)
        self._after_filter(selected)

    def _place_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        place = current.data(PLACE_ROLE) if current.isValid() else None
        selected = self.selected_id()
        self.model.set_place(*(place if place else (None, None)))
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
        empty = self.model.total == 0
        if room_id is None and self._shown_room is None and self._shown_empty == empty:
            return  # the hint is already there: typing in the search box must stay cheap
        self._shown_room, self._shown_empty = room_id, empty
        detail = None
        if room_id is not None:
            try:
                detail = households.room_detail(room_id)
            except EstateDeskError:
                detail = None
        self.edit_button.setEnabled(detail is not None and detail.archived_at is None)
        self.remove_button.setEnabled(detail is not None)
        archived = detail is not None and detail.archived_at is not None
        self.remove_button.setText(self.tr("Restore") if archived else self.tr("Delete…"))
        self.remove_button.setIcon(self._restore_icon if archived else self._archive_icon)
        if detail is None:
            hint = (
                self.tr(
                    "This estate has no rooms yet: add them one by one with “Add room…”, "
                    "or import a spreadsheet with “Import…” (it offers a template to fill in)."
                )
                if empty
                else self.tr("Select a room to see its owners, residents and history.")
            )
            self.detail.setHtml(f"<p style='color:#777'>{html.escape(hint)}</p>")
            self.history.clear()
            return
        self.detail.setHtml(self._detail_html(detail))
        self._fill_history(households.room_history(detail.id))

    def _detail_html(self, room: RoomDetail) -> str:
        e = html.escape
        rows = [
            (self.tr("Exclusive area"), f"{format_area(room.area_centi)} m²"),
            (self.tr("Use"), labels.room_use(room.use)),
            (self.tr("State"), labels.occupancy(room.occupancy)),
            (self.tr("Flags"), labels.flags(room.flags) or "—"),
            (self.tr("Parking spaces"), "、".join(room.parking) or "—"),
        ]
        if room.note:
            rows.append((self.tr("Note"), room.note))
        parts = [f"<h2 style='margin-bottom:2px'>{e(room.code)}</h2>"]
        if room.archived_at:
            archived = self.tr("Archived on {date}").format(date=_local(room.archived_at))
            parts.append(f"<p style='color:#c0392b'>{e(archived)}</p>")
        parts.append("<table cellspacing='0' cellpadding='3'>")
        parts += [f"<tr><td style='color:#666'>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in rows]
        parts.append("</table>")
        parts.append("<h3>" + e(self.tr("Owners")) + "</h3>")
        if not room.owners:
            parts.append(_grey(self.tr("No owner recorded")))
        id_label = self.tr("ID")
        for owner in room.owners:
            line = f"<b>{e(owner.name)}</b> {e(mask_phone(owner.phone))}"
            if owner.id_number:
                line += (
                    f"<br><span style='color:#666'>{e(id_label)} {e(mask_id_number(owner.id_number))}</span>"
                )
            if owner.other_rooms:
                also = self.tr("Also owns: {rooms}").format(rooms="、".join(owner.other_rooms))
                line += f"<br><span style='color:#2c6fbb'>{e(also)}</span>"
            parts.append(f"<p style='margin:4px 0'>{line}</p>")
        parts.append("<h3>" + e(self.tr("Residents")) + "</h3>")
        if not room.residents:
            parts.append(_grey(self.tr("No resident recorded")))
        for resident in room.residents:
            role = labels.resident_role(resident.role)
            line = f"<b>{e(resident.name)}</b> · {e(role)} {e(mask_phone(resident.phone))}"
            if resident.lease_from or resident.lease_to:
                lease = self.tr("Lease {start} to {end}").format(
                    start=resident.lease_from.isoformat() if resident.lease_from else "…",
                    end=resident.lease_to.isoformat() if resident.lease_to else "…",
                )
                line += f"<br><span style='color:#666'>{e(lease)}</span>"
            parts.append(f"<p style='margin:4px 0'>{line}</p>")
        return "".join(parts)

    def _fill_history(self, entries: list[HistoryEntry]) -> None:
        self.history.clear()
        for entry in entries:
            title = labels.action(entry.action)
            if entry.entity == "person":
                title = self.tr("Person changed")
            item = QTreeWidgetItem([_local(entry.at), entry.actor, title])
            for field, old, new in _changes(entry.before, entry.after):
                item.addChild(QTreeWidgetItem(["", "", f"{labels.field_name(field)}: {old} → {new}"]))
            self.history.addTopLevelItem(item)
        newest = self.history.topLevelItem(0)
        if newest is not None:
            newest.setExpanded(True)

    # ------------------------------------------------------------ actions

    def add_room(self) -> None:
        """Open the dialog for a new room and select it once saved."""
        dialog = RoomDialog(self.widget, households.create_room)
        if dialog.exec():
            self.reload(select_id=int(dialog.result))
            self.changed.emit()

    def edit_room(self) -> None:
        """Edit the selected room."""
        room_id = self.selected_id()
        if room_id is None:
            return
        detail = households.room_detail(room_id)
        if detail.archived_at is not None:
            return
        dialog = RoomDialog(self.widget, lambda data: households.update_room(room_id, data), detail)
        if dialog.exec():
            self.reload(select_id=room_id)
            self.changed.emit()

    def remove_room(self) -> None:
        """Delete a room entered by mistake, archive one with history, or restore an archived one."""
        room_id = self.selected_id()
        if room_id is None:
            return
        detail = households.room_detail(room_id)
        title = self.tr("Room {code}").format(code=detail.code)
        if detail.archived_at is not None:
            households.unarchive_room(room_id)
            self.reload(select_id=room_id)
            self.changed.emit()
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
            QMessageBox.warning(self.widget, title, labels.message(error))
            return
        self.reload()
        self.changed.emit()

    def import_file(self) -> None:
        """Choose a spreadsheet, preview it, and import it."""
        path, _ = QFileDialog.getOpenFileName(
            self.widget,
            self.tr("Import households"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv)"),
        )
        if not path:
            return
        # Spreadsheet libraries load only when the clerk imports or exports, not at start-up.
        from estatedesk.gui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.widget, Path(path))
        if dialog.exec():
            self.reload()
            self.changed.emit()

    def save_template(self) -> None:
        """Copy the Excel import template to where the clerk wants it."""
        path, _ = QFileDialog.getSaveFileName(
            self.widget,
            self.tr("Save the import template"),
            str(Path.home() / self.tr("households_template.xlsx")),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not path:
            return
        target = Path(path).with_suffix(".xlsx")
        try:
            shutil.copyfile(TEMPLATES_DIR / "households_template.xlsx", target)
        except OSError as error:
            QMessageBox.warning(self.widget, self.tr("Save the import template"), str(error))
            return
        QMessageBox.information(
            self.widget,
            self.tr("Save the import template"),
            self.tr("The template was saved as\n{path}\nFill in one room per row, then import it.").format(
                path=target
            ),
        )

    def print_roster(self) -> None:
        """Write the rooms shown now as a printable PDF roster (phones masked: paper travels)."""
        path, _ = QFileDialog.getSaveFileName(
            self.widget,
            self.tr("Print the list shown"),
            str(Path.home() / self.tr("households_roster.pdf")),
            self.tr("PDF document (*.pdf)"),
        )
        if not path:
            return
        target = Path(path).with_suffix(".pdf")
        rooms = self.model.shown_rows()
        estate_name = self.estate_name
        scope = self._scope_text()

        def work(_progress: Any, _cancelled: Any) -> int:
            from estatedesk.reports.roster import write_roster  # fpdf2 loads only when printing

            return write_roster(target, estate_name, rooms, scope)

        def done(pages: int) -> None:
            QMessageBox.information(
                self.widget,
                self.tr("Print the list shown"),
                self.tr("The roster ({pages} pages) was written to\n{path}").format(pages=pages, path=target),
            )

        def failed(error: BaseException) -> None:
            if not isinstance(error, OSError):
                raise error
            QMessageBox.warning(self.widget, self.tr("Print the list shown"), str(error))

        self._task = BackgroundTask(
            self.widget, self.tr("Writing the roster…"), work, done, failed, cancellable=False
        ).start()

    def _scope_text(self) -> str:
        """Which part of the estate the list shows, in Chinese, for the printed roster's heading."""
        current = self.tree.currentIndex()
        place = current.data(PLACE_ROLE) if current.isValid() else None
        parts = []
        if place:
            building, unit = place
            parts.append(f"{building}号楼" + (f" {unit}单元" if unit else ""))
        if self.search.text().strip():
            parts.append(f"搜索“{self.search.text().strip()}”")
        return "，".join(parts)

    def export_list(self, masked: bool) -> None:
        """Write the rooms shown now to .xlsx or .csv."""
        path, chosen = QFileDialog.getSaveFileName(
            self.widget,
            self.tr("Export households"),
            str(Path.home() / self.tr("households.xlsx")),
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
        ids = self.model.shown_ids()

        from estatedesk.services import interchange

        def work(_progress: Any, _cancelled: Any) -> int:
            return interchange.export_households(target, room_ids=ids, masked=masked)

        def done(count: int) -> None:
            QMessageBox.information(
                self.widget,
                self.tr("Export households"),
                self.tr("{count} rooms were written to\n{path}").format(count=count, path=target),
            )

        def failed(error: BaseException) -> None:
            text = labels.message(error) if isinstance(error, EstateDeskError) else str(error)
            QMessageBox.warning(self.widget, self.tr("Export households"), text)

        self._task = BackgroundTask(
            self.widget, self.tr("Exporting…"), work, done, failed, cancellable=False
        ).start()


def _grey(text: str) -> str:
    return f"<p style='color:#777'>{html.escape(text)}</p>"


def _local(timestamp: str) -> str:
    """A stored UTC timestamp in the computer's local time."""
    try:
        return datetime.fromisoformat(timestamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return timestamp


def _text(field: str, value: Any) -> str:
    """One snapshot value as the history shows it: labels translated, phones masked."""
    if value is None or value == "" or value == []:
        return "—"
    if field == "use":
        return labels.room_use(str(value))
    if field == "occupancy":
        return labels.occupancy(str(value))
    if field == "flags":
        return labels.flags(frozenset(Flag(item) for item in value))
    if field == "id_number":
        return mask_id_number(str(value))
    if field == "phone":
        return mask_phone(str(value))
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, list):
        return "、".join(_text(field, item) for item in value)
    if isinstance(value, dict):
        return f"{value.get('name', '')} {mask_phone(value.get('phone'))}".strip()
    return str(value)


def _changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[tuple[str, str, str]]:
    """The fields that differ between two snapshots, as (field, old, new) texts."""
    before, after = before or {}, after or {}
    return [
        (key, _text(key, before.get(key)), _text(key, after.get(key)))
        for key in dict.fromkeys([*before, *after])
        if before.get(key) != after.get(key)
    ]
