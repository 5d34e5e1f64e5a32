"""工单: the orders, filtered by state, category, building, worker, date and words; the one chosen in detail.

The filters run in SQL (``repairs.list_orders``) and the list holds the newest ``LIST_LIMIT``
orders they let through, so ten years of orders stay quick; the count says when there are more.
Dates the wrong way round (from after to) are said in the list, not shown as "no order".
Below the list, the order chosen as received (its caller's phone masked until asked for), its
deadlines and how they stand, its steps in order, what is amiss, its photos; beside it, a button
for each step that may follow where the order stands, each through its dialog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelection, Qt, QTimer, QUrl
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
)

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError, InputRejected
from estatedesk.domain.repairs import State, Step
from estatedesk.gui import labels
from estatedesk.gui import settings as prefs
from estatedesk.gui.dialogs.base import BAD_FIELD_STYLE
from estatedesk.gui.i18n import translate
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import set_up_table
from estatedesk.gui.presenters import repairs as present
from estatedesk.gui.presenters.common import all_buildings_text, place_text
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.repair_pages.base import (
    ORDER_COLUMNS,
    TICK_MS,
    OrderRowsModel,
    RepairPage,
    write_and_open,
)
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.gui.worker import BackgroundTask
from estatedesk.paths import data_dir
from estatedesk.services import households, repairs, votes
from estatedesk.services.repairs import OrderDetail, OrderFilter, OrderRow

if TYPE_CHECKING:
    from estatedesk.gui.tabs.repairs import RepairsTab

LIST_LIMIT = 1000  # the newest orders the filters let through; more would only slow the list down
SEARCH_DELAY_MS = 250  # a search runs once the clerk pauses typing
ALL = ""
OPEN, OVERDUE = "open", "overdue"  # the state filter's two choices that are not one state
PHOTOS = "photos"  # the file chooser's purpose, as in the intake form
PHOTO_FILTER = QT_TRANSLATE_NOOP("repairs", "Pictures (*.jpg *.jpeg *.png *.bmp *.webp);;All files (*)")
THUMBNAIL = (96, 72)


class OrdersPage(RepairPage):
    """The orders the filters let through, newest first; the chosen one in detail with its next steps."""

    title = QT_TRANSLATE_NOOP("repairs", "Orders")
    icon = "fa5s.tools"
    key = "orders"
    ui_file = "repair_orders.ui"

    def __init__(self, tab: RepairsTab) -> None:
        super().__init__(tab)
        form = self.form
        self.search = find(form, QLineEdit, "searchEdit")
        self.state = find(form, QComboBox, "stateCombo")
        self.category = find(form, QComboBox, "categoryCombo")
        self.building = find(form, QComboBox, "buildingCombo")
        self.worker = find(form, QComboBox, "workerCombo")
        self.date_check = find(form, QCheckBox, "dateCheck")
        self.date_from = find(form, QDateEdit, "fromEdit")
        self.date_to = find(form, QDateEdit, "toEdit")
        self.clear_button = find(form, QPushButton, "clearButton")
        self.new_button = find(form, QPushButton, "newButton")
        self.table = find(form, QTableView, "ordersTable")
        self.count_label = find(form, QLabel, "countLabel")
        self.splitter = find(form, QSplitter, "splitter")
        self.detail_view = find(form, QTextBrowser, "detailView")
        self.photo_list = find(form, QListWidget, "photoList")
        self.buttons: dict[Step, QPushButton] = {
            Step.DISPATCH: find(form, QPushButton, "dispatchButton"),
            Step.START: find(form, QPushButton, "startButton"),
            Step.DONE: find(form, QPushButton, "doneButton"),
            Step.VISIT: find(form, QPushButton, "visitButton"),
            Step.CLOSE: find(form, QPushButton, "closeButton"),
            Step.PAUSE: find(form, QPushButton, "pauseButton"),
            Step.CANCEL: find(form, QPushButton, "cancelButton"),
            Step.NOTE: find(form, QPushButton, "noteButton"),
        }
        self.photo_button = find(form, QPushButton, "photoButton")
        self.print_button = find(form, QPushButton, "printButton")
        for step, name in (
            (Step.DISPATCH, "fa5s.user-cog"),
            (Step.START, "fa5s.walking"),
            (Step.DONE, "fa5s.check"),
            (Step.VISIT, "fa5s.phone"),
            (Step.CLOSE, "fa5s.lock"),
            (Step.PAUSE, "fa5s.pause"),
            (Step.CANCEL, "fa5s.times"),
            (Step.NOTE, "fa5s.comment-dots"),
        ):
            self.buttons[step].setIcon(icon(name))
            self.buttons[step].clicked.connect(lambda _checked=False, step=step: self.take_step(step))
        self.photo_button.setIcon(icon("fa5s.camera"))
        self.print_button.setIcon(icon("fa5s.print"))
        self.new_button.setIcon(icon("fa5s.plus"))
        self.search.addAction(icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        self.state.addItem(translate("repairs", "Any state"), ALL)
        self.state.addItem(translate("repairs", "Open"), OPEN)
        self.state.addItem(translate("repairs", "Overdue"), OVERDUE)
        for state in State:
            self.state.addItem(present.state_text(state), state.value)
        today = QDate.currentDate()
        self.date_from.setDate(today.addDays(-30))
        self.date_to.setDate(today)
        self._dates_enabled(False)
        self.model = OrderRowsModel(ORDER_COLUMNS, self, lambda: self.tab.category_names)
        set_up_table(self.table, self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.model.column_index("received"), Qt.SortOrder.DescendingOrder)
        self.list_note = ListNote(self.table)
        self.photo_note = ListNote(self.photo_list)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.detail: OrderDetail | None = None
        self.more = False  # the filters let through more orders than the list holds
        self.task: BackgroundTask | None = None
        self._revealed: int | None = None  # the order whose caller's phone is shown whole
        self._vote_titles: dict[int, str] = {}
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.read_list)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        for combo in (self.state, self.category, self.building, self.worker):
            combo.activated.connect(lambda _index: self.read_list())
        self.date_check.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _day: self.search_timer.start())
        self.date_to.dateChanged.connect(lambda _day: self.search_timer.start())
        self.clear_button.clicked.connect(self.show_all)
        self.new_button.clicked.connect(self.tab.new_order)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail_view.anchorClicked.connect(self._link)
        self.photo_list.itemActivated.connect(self._photo_activated)
        self.photo_button.clicked.connect(self.add_photos)
        self.print_button.clicked.connect(self.print_work_order)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.show_detail()

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the filters' choices (categories, buildings, workers) and the list, keeping the choice."""
        self._fill_filters()
        self.read_list()

    def _fill_filters(self) -> None:
        names = self.tab.category_names
        self._refill(self.category, translate("repairs", "Any category"), list(names.items()))
        buildings = [(name, place_text(name)) for name, _units in households.building_tree()]
        self._refill(self.building, all_buildings_text(), buildings)
        self._refill(
            self.worker, translate("repairs", "Any worker"), [(name, name) for name, _ in repairs.workers()]
        )

    @staticmethod
    def _refill(combo: QComboBox, every: str, choices: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(every, ALL)
        for key, text in choices:
            combo.addItem(text, key)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def forget_file(self) -> None:
        """Another estate: no filter, no order."""
        self.search_timer.stop()
        self._clear_filters()
        self.model.set_rows([])
        self.count_label.clear()
        self._revealed = None
        self.show_detail()

    def status_text(self) -> str:
        """How many orders the list shows."""
        return self.count_label.text()

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The list's columns and the split between list and detail."""
        return {"columns": self.table.horizontalHeader(), "splitter": self.splitter}

    def focus_first(self) -> None:
        """The list."""
        self.table.setFocus()

    def update_actions(self) -> None:
        """A step's button when it may follow where the order stands, on a writable file; printing always."""
        writable = not self.tab.read_only
        detail = self.detail
        allowed = present.allowed_steps(detail.row) if detail is not None else frozenset()
        for step, button in self.buttons.items():
            button.setEnabled(writable and step in allowed)
        self.photo_button.setEnabled(writable and detail is not None)
        self.print_button.setEnabled(detail is not None and self.task is None)
        self.new_button.setEnabled(writable)

    def _tick(self) -> None:
        """A minute passed: the time left shrinks in the list and in the detail."""
        if self.isVisible() and self.model.rowCount():
            self.model.set_as_of(self.now())
            if self.detail is not None and present.is_open(self.detail.row):
                self.show_detail()

    # ------------------------------------------------------------ filters and the list

    def _dates_enabled(self, enabled: bool) -> None:
        for widget in (self.date_from, self.date_to, find(self.form, QLabel, "toLabel")):
            widget.setEnabled(enabled)

    def _dates_toggled(self, checked: bool) -> None:
        self._dates_enabled(checked)
        self.read_list()

    def _clear_filters(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        for combo in (self.state, self.category, self.building, self.worker):
            combo.setCurrentIndex(0)
        self.date_check.blockSignals(True)
        self.date_check.setChecked(False)
        self.date_check.blockSignals(False)
        self._dates_enabled(False)
        for edit in (self.date_from, self.date_to):
            edit.setStyleSheet("")

    def show_all(self) -> None:
        """Clear every filter and show the newest orders."""
        self._clear_filters()
        self.read_list()

    def filtered(self) -> bool:
        """Whether any filter is set."""
        return bool(
            self.search.text().strip()
            or any(
                combo.currentIndex() > 0 for combo in (self.state, self.category, self.building, self.worker)
            )
            or self.date_check.isChecked()
        )

    def order_filter(self) -> OrderFilter:
        """The filters as chosen, for the service (one more than the list holds: are there more?)."""
        state = self.state.currentData()
        states = frozenset({State(state)}) if state not in (ALL, OPEN, OVERDUE, None) else frozenset()
        dated = self.date_check.isChecked()
        return OrderFilter(
            states=states,
            category=self.category.currentData() or "",
            building=self.building.currentData() or "",
            worker=self.worker.currentData() or "",
            received_from=_day(self.date_from) if dated else None,
            received_to=_day(self.date_to) if dated else None,
            search=self.search.text(),
            open_only=state == OPEN,
            overdue_as_of=self.now() if state == OVERDUE else None,
            limit=LIST_LIMIT + 1,
        )

    def read_list(self, select_id: int | None = None) -> None:
        """Read the orders the filters let through, keeping the one chosen (or choosing ``select_id``)."""
        self.search_timer.stop()
        keep = select_id if select_id is not None else self.selected_id()
        # From a day after to: nothing could be found, and the clerk would not see why.
        reversed_dates = self.date_check.isChecked() and self.date_from.date() > self.date_to.date()
        for edit in (self.date_from, self.date_to):
            edit.setStyleSheet(BAD_FIELD_STYLE if reversed_dates else "")
        rows = [] if reversed_dates else repairs.list_orders(self.order_filter())
        self.more = len(rows) > LIST_LIMIT
        self.model.as_of = self.now()
        self.model.set_rows(rows[:LIST_LIMIT])
        shown = self.model.rowCount()
        self.count_label.setText(present.list_count_text(shown, self.more))
        if reversed_dates:
            self.list_note.set_text(present.reversed_dates_text(_day(self.date_from), _day(self.date_to)))
        else:
            self.list_note.set_text(
                "" if shown else present.empty_list_text(self.filtered(), not self.tab.read_only)
            )
        line = self.model.row_of(keep) if keep is not None else None
        if line is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(line)
            self.table.scrollTo(self.model.index(line, 0))
        self.show_detail()
        self.tab.status_changed.emit()

    def show_order(self, order_id: int) -> None:
        """Choose an order and show it in detail, clearing the filters if they hide it."""
        if self.model.row_of(order_id) is None:
            self._clear_filters()
            self.read_list(order_id)
        if self.model.row_of(order_id) is None:  # older than the list holds: find it by its number
            self.search.blockSignals(True)
            self.search.setText(repairs.order_number(order_id))
            self.search.blockSignals(False)
            self.read_list(order_id)
        line = self.model.row_of(order_id)
        if line is not None:
            self.table.selectRow(line)
            self.table.scrollTo(self.model.index(line, 0))
        self.table.setFocus()

    # ------------------------------------------------------------ the order chosen

    def selected_row(self) -> OrderRow | None:
        """The order chosen in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        """The chosen order's id."""
        chosen = self.selected_row()
        return chosen.order_id if chosen is not None else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        """Show the chosen order whole (or what to do when none is), and the buttons that fit it."""
        chosen = self.selected_id()
        writable = not self.tab.read_only
        if chosen != self._revealed:
            self._revealed = None
        if chosen is None:
            self.detail = None
            self.detail_view.setHtml(present.no_order_html(writable))
            self.photo_list.clear()
            self.photo_note.set_text("")
            self.update_actions()
            return
        detail = self.detail = repairs.order_detail(chosen)
        if any(step.vote_id is not None for step in detail.steps) and not self._vote_titles:
            self._vote_titles = {view.vote_id: view.title for view in votes.list_votes()}
        scroll = self.detail_view.verticalScrollBar().value()
        self.detail_view.setHtml(
            present.detail_html(
                detail,
                self.now(),
                self.tab.category_names,
                phone=repairs.reporter_phone(chosen),
                phone_revealed=self._revealed == chosen,
                vote_titles=self._vote_titles,
                writable=writable,
            )
        )
        self.detail_view.verticalScrollBar().setValue(scroll)
        self._show_photos(detail)
        self.update_actions()

    def _show_photos(self, detail: OrderDetail) -> None:
        self.photo_list.clear()
        for photo in detail.photos:
            picture = QPixmap()
            picture.loadFromData(repairs.photo_jpeg(photo.photo_id), "JPEG")
            thumbnail = picture.scaled(
                *THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            item = QListWidgetItem(QIcon(thumbnail), photo.name or f"#{photo.photo_id}")
            item.setData(Qt.ItemDataRole.UserRole, photo.photo_id)
            item.setToolTip(f"{photo.name} ({photo.width}×{photo.height})")
            self.photo_list.addItem(item)
        self.photo_note.set_text("" if detail.photos else translate("repairs", "No photo yet."))

    def _link(self, url: QUrl) -> None:
        if url.toString() == present.REVEAL_PHONE_LINK:
            self._revealed = self.selected_id()
            if self._revealed is not None:
                repairs.reveal_reporter_phone(self._revealed)  # the look is in the audit trail
            self.show_detail()

    def _photo_activated(self, item: QListWidgetItem) -> None:
        self.open_photo(int(item.data(Qt.ItemDataRole.UserRole)))

    def open_photo(self, photo_id: int) -> QDialog:
        """Show a photo large, in a window of its own (closed with Escape)."""
        picture = QPixmap()
        picture.loadFromData(repairs.photo_jpeg(photo_id), "JPEG")
        viewer = QDialog(self)
        viewer.setWindowTitle(translate("repairs", "Photo"))
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        room = (self.screen().availableGeometry().size() * 0.85) if self.screen() is not None else None
        if room is not None and (picture.width() > room.width() or picture.height() > room.height()):
            picture = picture.scaled(
                room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        label = QLabel(viewer)
        label.setPixmap(picture)
        area = QScrollArea(viewer)
        area.setWidget(label)
        area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(viewer)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)
        viewer.resize(picture.width() + 4, picture.height() + 4)
        viewer.open()
        return viewer

    # ------------------------------------------------------------ steps

    def take_step(self, step: Step) -> bool:
        """Take a step of the chosen order through its dialog; then say what the clerk must know."""
        from estatedesk.gui.dialogs.repair_step_dialog import RepairStepDialog  # loads with its first use

        detail = self.detail
        if detail is None or self.tab.read_only:
            return False
        dialog = RepairStepDialog(self, step, detail, self.now())
        if not dialog.exec():
            return False
        done = dialog.result
        self.read_list(detail.row.order_id)
        text = present.step_done_text(done, detail.room_code)
        if text:
            title = dialog.dialog.windowTitle()
            if done.notices:
                QMessageBox.warning(self, title, text)
            else:
                QMessageBox.information(self, title, text)
        return True

    def add_photos(self) -> None:
        """Keep pictures with the chosen order (each shrunk to at most 1600 pixels a side)."""
        detail = self.detail
        if detail is None or self.tab.read_only:
            return
        chosen, _ = QFileDialog.getOpenFileNames(
            self,
            translate("repairs", "Add photos"),
            str(prefs.last_folder(PHOTOS)),
            translate("repairs", PHOTO_FILTER),
        )
        if chosen:
            prefs.remember_folder(PHOTOS, Path(chosen[0]).parent)
        self.keep_photos(detail.row.order_id, [Path(name) for name in chosen])

    def keep_photos(self, order_id: int, paths: list[Path]) -> int:
        """Keep these pictures with an order; what is no picture, or kept already, is said; how many kept."""
        problems, kept = [], 0
        names = {photo.name for photo in repairs.order_detail(order_id).photos}
        for path in paths:
            if path.name in names:  # the same file chosen again (its name is all the order keeps of it)
                problems.append(
                    translate("repairs", "{name} is kept with the order already").format(name=path.name)
                )
                continue
            names.add(path.name)
            try:
                repairs.add_photo(order_id, path.read_bytes(), path.name)
                kept += 1
            except OSError as error:
                problems.append(f"{path.name}: {error.strerror}")
            except InputRejected as rejected:
                problems.append(labels.messages(rejected.errors))
            except EstateDeskError as error:
                problems.append(labels.message(error))
        if paths:
            self.read_list(order_id)
        if problems:
            QMessageBox.warning(self, translate("repairs", "Add photos"), "\n".join(problems))
        return kept

    def print_work_order(self) -> None:
        """The work order sheet (派工单) of the chosen order, written as a PDF and opened to print."""
        from estatedesk.services.repairs import documents  # loads with its first use

        detail = self.detail
        if detail is None or self.task is not None:
            return
        order_id = detail.row.order_id
        self.task = write_and_open(
            self,
            translate("repairs", "Writing the work order…"),
            present.work_order_path(data_dir(), detail.row.number),
            lambda target: documents.print_work_order(order_id, target),
        )
        self.task.finished.connect(self._task_ended)
        self.update_actions()

    def _task_ended(self) -> None:
        self.task = None
        self.update_actions()


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())
