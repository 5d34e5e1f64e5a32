"""区域与任务: the areas to keep clean, the cleaner responsible for each, the selected area's tasks.

Stairwells come from the households file, common areas are added by hand. An estate whose areas
have no task at all is offered RULES.md §5's default tasks in one click.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QMessageBox, QPushButton, QSplitter, QTableView

from estatedesk.domain.cleaning import AreaKind
from estatedesk.domain.collation import pinyin_sort_key
from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError
from estatedesk.gui.errors import report_error
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import (
    LOADED_ORDER,
    RIGHT,
    ColumnSpec,
    RecordTableModel,
    set_up_table,
)
from estatedesk.gui.presenters import cleaning as present
from estatedesk.gui.presenters.common import MUTED
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.cleaning_pages.base import CleaningPage
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.services import cleaning
from estatedesk.services.cleaning import AreaView, TaskView

if TYPE_CHECKING:
    from estatedesk.gui.tabs.cleaning import CleaningTab


class AreasPage(CleaningPage):
    """The areas with their kind, responsible cleaner and work, and the selected area's tasks."""

    title = QT_TRANSLATE_NOOP("cleaning", "Areas and tasks")
    icon = "fa5s.map-marked-alt"
    key = "areas"
    ui_file = "cleaning_areas.ui"

    def __init__(self, tab: CleaningTab) -> None:
        super().__init__(tab)
        form = self.form
        self.table = find(form, QTableView, "areaTable")
        self.task_table = find(form, QTableView, "taskTable")
        self.tasks_title = find(form, QLabel, "tasksTitle")
        self.splitter = find(form, QSplitter, "splitter")
        self.banner = find(form, QFrame, "defaultsBanner")
        self.banner_text = find(form, QLabel, "defaultsText")
        self.defaults_all_button = find(form, QPushButton, "defaultsAllButton")
        self.add_area_button = find(form, QPushButton, "addAreaButton")
        self.rename_area_button = find(form, QPushButton, "renameAreaButton")
        self.remove_area_button = find(form, QPushButton, "removeAreaButton")
        self.responsible_button = find(form, QPushButton, "responsibleButton")
        self.add_task_button = find(form, QPushButton, "addTaskButton")
        self.edit_task_button = find(form, QPushButton, "editTaskButton")
        self.remove_task_button = find(form, QPushButton, "removeTaskButton")
        self.defaults_area_button = find(form, QPushButton, "defaultsAreaButton")
        for button, name in (
            (self.defaults_all_button, "fa5s.magic"),
            (self.add_area_button, "fa5s.plus"),
            (self.rename_area_button, "fa5s.edit"),
            (self.remove_area_button, "fa5s.archive"),
            (self.responsible_button, "fa5s.user-check"),
            (self.add_task_button, "fa5s.plus"),
            (self.edit_task_button, "fa5s.edit"),
            (self.remove_task_button, "fa5s.stop"),
            (self.defaults_area_button, "fa5s.magic"),
        ):
            button.setIcon(icon(name))
        self.responsible_menu = QMenu(self.responsible_button)
        self.responsible_menu.aboutToShow.connect(self._fill_responsible_menu)
        self.responsible_button.setMenu(self.responsible_menu)
        self.model: RecordTableModel[AreaView] = RecordTableModel(
            [
                # Stairwells by building and unit, then common areas: the order the service gives.
                ColumnSpec("name", self.tr("Area"), lambda area: area.name, sort_key=LOADED_ORDER, width=150),
                ColumnSpec(
                    "kind", self.tr("Kind"), lambda area: present.area_kind_text(area.kind), width=100
                ),
                ColumnSpec(
                    "responsible",
                    self.tr("Responsible"),
                    present.responsible_text,
                    sort_key=lambda area: pinyin_sort_key(area.responsible),
                    width=90,
                    colour=lambda area: None if area.responsible else MUTED,
                ),
                ColumnSpec(
                    "tasks",
                    self.tr("Tasks"),
                    present.task_count_text,
                    sort_key=lambda area: area.tasks,
                    alignment=RIGHT,
                    width=50,
                ),
                ColumnSpec(
                    "week",
                    self.tr("A week"),
                    present.week_minutes_text,
                    sort_key=lambda area: area.minutes_per_week,
                    alignment=RIGHT,
                    width=100,
                ),
            ],
            id_of=lambda area: area.area_id,
            parent=self,
        )
        set_up_table(self.table, self.model, sorted_by="name")
        self.table.setSortingEnabled(True)
        self.task_model: RecordTableModel[TaskView] = RecordTableModel(
            [
                ColumnSpec("what", self.tr("What"), lambda task: task.what, width=130),
                ColumnSpec(
                    "every",
                    self.tr("How often"),
                    present.task_frequency_text,
                    width=150,
                ),
                ColumnSpec(
                    "minutes",
                    self.tr("Minutes"),
                    lambda task: present.minutes_text(task.minutes),
                    sort_key=lambda task: task.minutes,
                    alignment=RIGHT,
                    width=80,
                ),
                ColumnSpec(
                    "from",
                    self.tr("From"),
                    present.start_text,
                    sort_key=lambda task: task.starts_on,
                    width=110,
                ),
            ],
            id_of=lambda task: task.task_id,
            parent=self,
        )
        set_up_table(self.task_table, self.task_model)
        self.list_note = ListNote(self.table)
        self.task_note = ListNote(self.task_table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([560, 480])
        self.banner.hide()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.rename_area())
        self.task_table.selectionModel().selectionChanged.connect(lambda *_args: self.update_actions())
        self.task_table.doubleClicked.connect(lambda _index: self.edit_task())
        self.defaults_all_button.clicked.connect(lambda: self.add_default_tasks(every_area=True))
        self.defaults_area_button.clicked.connect(lambda: self.add_default_tasks(every_area=False))
        self.add_area_button.clicked.connect(self.add_area)
        self.rename_area_button.clicked.connect(self.rename_area)
        self.remove_area_button.clicked.connect(self.remove_area)
        self.add_task_button.clicked.connect(self.add_task)
        self.edit_task_button.clicked.connect(self.edit_task)
        self.remove_task_button.clicked.connect(self.remove_task)
        self._show_tasks()

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the areas again, keeping those selected and the task chosen."""
        keep, keep_task = self.selected_ids(), self.selected_task_id()
        areas = cleaning.list_areas()
        self.model.set_rows(areas)
        self.list_note.set_text(
            ""
            if areas
            else self.tr(
                "No areas yet. Each unit's stairwell appears here once the households file has its "
                "rooms; add roads and squares, garbage points, green belts and the other common areas "
                "with “Add common area…”."
            )
        )
        offer = bool(areas) and not any(area.tasks for area in areas)
        self.banner_text.setText(present.defaults_offer_text(areas) if offer else "")
        self.banner.setVisible(offer)
        self.select_areas(keep)
        self.select_task(keep_task)

    def forget_file(self) -> None:
        """Nothing of another file stays on show."""
        self.model.set_rows([])
        self.banner.hide()
        self._show_tasks()

    def status_text(self) -> str:
        """How many areas and tasks, and a usual week's work."""
        return present.areas_status(self.model.shown_rows())

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The splitter and both lists' columns."""
        return {
            "splitter": self.splitter,
            "columns": self.table.horizontalHeader(),
            "taskColumns": self.task_table.horizontalHeader(),
        }

    def focus_first(self) -> None:
        """The areas."""
        self.table.setFocus()

    def update_actions(self) -> None:
        """Buttons for the areas and task selected; on a read-only file none (they all write)."""
        writable = not self.tab.read_only
        chosen = self.selected_areas()
        one = chosen[0] if len(chosen) == 1 else None
        task = self.selected_task()
        self.defaults_all_button.setEnabled(writable)
        self.add_area_button.setEnabled(writable)
        self.rename_area_button.setEnabled(writable and one is not None)
        self.remove_area_button.setEnabled(writable and one is not None)
        self.responsible_button.setEnabled(writable and bool(chosen))
        self.add_task_button.setEnabled(writable and one is not None)
        self.edit_task_button.setEnabled(writable and task is not None)
        self.remove_task_button.setEnabled(writable and task is not None)
        without = [area for area in chosen if not area.tasks and cleaning.default_tasks(area.kind)]
        self.defaults_area_button.setVisible(bool(without))
        self.defaults_area_button.setEnabled(writable and bool(without))

    # ------------------------------------------------------------ selection

    def selected_areas(self) -> list[AreaView]:
        """The areas selected, in the order listed."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row_at(row) for row in rows]

    def selected_ids(self) -> list[int]:
        """The ids of the areas selected."""
        return [area.area_id for area in self.selected_areas()]

    def current_area(self) -> AreaView | None:
        """The one area selected (None when none, or several, are)."""
        chosen = self.selected_areas()
        return chosen[0] if len(chosen) == 1 else None

    def select_areas(self, area_ids: list[int]) -> None:
        """Select these areas (those no longer listed are left out) and show the tasks of one."""
        rows = [row for row in (self.model.row_of(area_id) for area_id in area_ids) if row is not None]
        last = self.model.columnCount() - 1
        wanted = QItemSelection()
        for row in rows:
            wanted.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag
        selection = self.table.selectionModel()
        selection.select(wanted, flags.ClearAndSelect | flags.Rows)
        if rows:
            selection.setCurrentIndex(self.model.index(rows[0], 0), flags.NoUpdate)
            self.table.scrollTo(self.model.index(rows[0], 0))
        self._show_tasks()

    def select_area(self, area_id: int | None) -> None:
        """Select one area (None: none)."""
        self.select_areas([] if area_id is None else [area_id])

    def selected_task(self) -> TaskView | None:
        """The task chosen in the selected area's list, if any."""
        rows = self.task_table.selectionModel().selectedRows()
        return self.task_model.row_at(rows[0].row()) if rows else None

    def selected_task_id(self) -> int | None:
        """The chosen task's id, if any."""
        task = self.selected_task()
        return task.task_id if task is not None else None

    def select_task(self, task_id: int | None) -> None:
        """Choose a task of the area shown (None, or one not listed: none)."""
        row = self.task_model.row_of(task_id) if task_id is not None else None
        if row is None:
            self.task_table.clearSelection()
        else:
            self.task_table.selectRow(row)
        self.update_actions()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_tasks()

    def _show_tasks(self) -> None:
        chosen = self.selected_areas()
        one = chosen[0] if len(chosen) == 1 else None
        if one is None:
            self.task_model.set_rows([])
            self.tasks_title.setText(
                self.tr("{count} areas selected: name their responsible cleaner at once.").format(
                    count=len(chosen)
                )
                if chosen
                else self.tr("Select an area to see its tasks.")
            )
            self.task_note.set_text("")
        else:
            self.task_model.set_rows(cleaning.list_tasks(one.area_id))
            self.tasks_title.setText(present.tasks_title(one))
            self.task_note.set_text(
                ""
                if one.tasks
                else self.tr("No tasks yet: “Add task…”, or the usual tasks of its kind in one click.")
            )
        self.update_actions()

    # ------------------------------------------------------------ areas

    def add_area(self) -> None:
        """Add a common area; it is selected once added."""
        from estatedesk.gui.dialogs.cleaning_area_dialog import CleaningAreaDialog

        if self.tab.read_only:
            return
        dialog = CleaningAreaDialog(self)
        if dialog.exec():
            self.read()
            self.select_area(int(dialog.result))

    def rename_area(self) -> None:
        """Give the selected area another name or note."""
        from estatedesk.gui.dialogs.cleaning_area_dialog import CleaningAreaDialog

        area = self.current_area()
        if area is None or self.tab.read_only:
            return
        if CleaningAreaDialog(self, area).exec():
            self.read()

    def remove_area(self) -> None:
        """Take the selected area out of use with its tasks, once the clerk confirms."""
        area = self.current_area()
        if area is None or self.tab.read_only:
            return
        title = self.tr("Remove {name}").format(name=area.name)
        text = self.tr(
            "Take {name} out of the areas, with its {count} tasks? Its rotas and inspections stay; "
            "it is no longer planned or inspected."
        ).format(name=area.name, count=area.tasks)
        if area.kind is AreaKind.STAIRWELL:
            text += "\n\n" + self.tr(
                "A stairwell removed is not made again when rooms are added there (a building of shops "
                "has none to clean)."
            )
        if QMessageBox.question(self, title, text) != QMessageBox.StandardButton.Yes:
            return
        try:
            cleaning.remove_area(area.area_id)
        except EstateDeskError as error:
            report_error(self, title, error)
        self.read()

    # ------------------------------------------------------------ responsible cleaners

    def _fill_responsible_menu(self) -> None:
        """The team to choose from, each with how many areas they answer for, and "nobody"."""
        menu = self.responsible_menu
        menu.clear()
        chosen = self.selected_areas()
        current = {area.responsible_id for area in chosen}
        try:
            team = cleaning.list_cleaners()
        except EstateDeskError as error:
            report_error(self, self.tr("Responsible cleaner"), error)
            return
        if not team:
            empty = menu.addAction(self.tr("No cleaners yet: add them on the team page"))
            empty.setEnabled(False)
        for cleaner in sorted(team, key=lambda cleaner: pinyin_sort_key(cleaner.name)):
            action = menu.addAction(
                self.tr("{name} ({count} areas)").format(name=cleaner.name, count=len(cleaner.areas))
                if cleaner.areas
                else cleaner.name
            )
            action.setCheckable(True)
            action.setChecked(current == {cleaner.cleaner_id})
            action.triggered.connect(lambda _on=False, cleaner_id=cleaner.cleaner_id: self.assign(cleaner_id))
        menu.addSeparator()
        nobody: QAction = menu.addAction(self.tr("Nobody"))
        nobody.setCheckable(True)
        nobody.setChecked(current == {None})
        nobody.triggered.connect(lambda _on=False: self.assign(None))

    def assign(self, cleaner_id: int | None) -> None:
        """Name ``cleaner_id`` (None: nobody) responsible for every area selected."""
        chosen = self.selected_ids()
        if not chosen or self.tab.read_only:
            return
        try:
            with self.tab.holding_reads():  # one read once every area is changed, not one per area
                for area_id in chosen:
                    cleaning.set_responsible(area_id, cleaner_id)
        except EstateDeskError as error:
            report_error(self, self.tr("Responsible cleaner"), error)
        self.read()
        self.select_areas(chosen)

    # ------------------------------------------------------------ tasks

    def add_task(self) -> None:
        """Add a task to the selected area; it is chosen once added."""
        from estatedesk.gui.dialogs.cleaning_task_dialog import CleaningTaskDialog

        area = self.current_area()
        if area is None or self.tab.read_only:
            return
        dialog = CleaningTaskDialog(self, area, today=self.tab.today())
        if dialog.exec():
            self.read()
            self.select_task(int(dialog.result))

    def edit_task(self) -> None:
        """Change the task chosen."""
        from estatedesk.gui.dialogs.cleaning_task_dialog import CleaningTaskDialog

        area, task = self.current_area(), self.selected_task()
        if area is None or task is None or self.tab.read_only:
            return
        if CleaningTaskDialog(self, area, task, today=self.tab.today()).exec():
            self.read()

    def remove_task(self) -> None:
        """Stop the task chosen, once the clerk confirms."""
        task = self.selected_task()
        if task is None or self.tab.read_only:
            return
        title = self.tr("Stop a task")
        text = self.tr("Stop “{what}” ({every}) in {area}? The rotas that had it keep their history.").format(
            what=task.what, every=present.frequency_text(task.frequency), area=task.area
        )
        if QMessageBox.question(self, title, text) != QMessageBox.StandardButton.Yes:
            return
        try:
            cleaning.remove_task(task.task_id)
        except EstateDeskError as error:
            report_error(self, title, error)
        self.read()

    def add_default_tasks(self, every_area: bool) -> None:
        """Give the areas without tasks (every one, or those selected) the usual tasks of their kind."""
        if self.tab.read_only:
            return
        title = self.tr("Default tasks")
        keep = self.selected_ids()
        try:
            added = cleaning.add_default_tasks(None if every_area else keep, today=self.tab.today())
        except EstateDeskError as error:
            report_error(self, title, error)
            added = 0
        self.read()
        self.select_areas(keep)
        if every_area or not added:
            QMessageBox.information(
                self,
                title,
                self.tr("{count} tasks added. Change any of them with “Change task…”.").format(count=added)
                if added
                else self.tr("Every area that has usual tasks has tasks already: nothing was added."),
            )
