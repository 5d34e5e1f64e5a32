"""月度排班: the month's rota as a grid the clerk adjusts by hand, its fairness, what is uncovered, printing.

The grid has a row per task occurrence (grouped by area) and a column per day; each cell names
the cleaner. Double-click or Enter on a cell offers the cleaners who work that day with the
minutes they have left; the service refuses a day off, leave or a day over their minutes, and
its reason is shown. The fairness figures below follow each change. A banner says when the
month's rota was never accepted, or when later changes (leave…) re-planned some of its days:
the changes are shown, to be accepted or not, before the rota is kept again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
)

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError, InputRejected
from estatedesk.gui import labels, worker
from estatedesk.gui.errors import report_error
from estatedesk.gui.i18n import translate
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import CENTER, RIGHT, ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.models.rota_grid_model import RotaGridModel
from estatedesk.gui.presenters import cleaning_rota as present
from estatedesk.gui.presenters.cleaning_rota import Banner, LoadLine, UncoveredLine
from estatedesk.gui.presenters.common import MUTED
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.cleaning_pages.base import CleaningPage
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.gui.worker import BackgroundTask
from estatedesk.paths import data_dir
from estatedesk.services import cleaning
from estatedesk.services.cleaning import RotaView, SlotView

if TYPE_CHECKING:
    from estatedesk.gui.tabs.cleaning import CleaningTab

DAY_WIDTH = 46  # a day's column: three Chinese characters of a name
ROW_HEIGHT = 22
ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


class RotaPage(CleaningPage):
    """The month's rota: the grid, the fairness figures, what is uncovered, accepting and printing."""

    title = QT_TRANSLATE_NOOP("cleaning", "Monthly rota")
    icon = "fa5s.calendar-alt"
    key = "rota"
    ui_file = "cleaning_rota.ui"

    def __init__(self, tab: CleaningTab) -> None:
        super().__init__(tab)
        form = self.form
        self.month_combo = find(form, QComboBox, "monthCombo")
        self.previous_button = find(form, QToolButton, "previousButton")
        self.next_button = find(form, QToolButton, "nextButton")
        self.accept_button = find(form, QPushButton, "acceptButton")
        self.wall_chart_button = find(form, QPushButton, "wallChartButton")
        self.sheets_button = find(form, QPushButton, "sheetsButton")
        self.legend_label = find(form, QLabel, "legendLabel")
        self.banner_frame = find(form, QFrame, "bannerFrame")
        self.banner_label = find(form, QLabel, "bannerLabel")
        self.changes_button = find(form, QPushButton, "changesButton")
        self.splitter = find(form, QSplitter, "splitter")
        self.bottom_splitter = find(form, QSplitter, "bottomSplitter")
        self.table = find(form, QTableView, "rotaTable")
        self.fairness_label = find(form, QLabel, "fairnessLabel")
        self.fairness_table = find(form, QTableView, "fairnessTable")
        self.uncovered_title = find(form, QLabel, "uncoveredTitle")
        self.uncovered_table = find(form, QTableView, "uncoveredTable")
        self.previous_button.setIcon(icon("fa5s.chevron-left"))
        self.next_button.setIcon(icon("fa5s.chevron-right"))
        self.accept_button.setIcon(icon("fa5s.check"))
        self.wall_chart_button.setIcon(icon("fa5s.print"))
        self.sheets_button.setIcon(icon("fa5s.tasks"))
        self.changes_button.setIcon(icon("fa5s.exchange-alt"))
        self.legend_label.setText(_legend())
        self.fairness_label.setStyleSheet(f"color: {MUTED};")
        self.banner_frame.hide()

        self.model = RotaGridModel(self)
        self.table.setModel(self.model)
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        columns.setDefaultSectionSize(DAY_WIDTH)
        columns.setMinimumSectionSize(DAY_WIDTH)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setMaximumWidth(320)
        self.grid_note = ListNote(self.table)

        self.fairness_model: RecordTableModel[LoadLine] = RecordTableModel(
            _load_columns(), id_of=lambda line: line.cleaner_id, parent=self
        )
        set_up_table(self.fairness_table, self.fairness_model, row_height=ROW_HEIGHT)
        fairness_columns = self.fairness_table.horizontalHeader()
        fairness_columns.setStretchLastSection(False)  # one ✓ needs no more than its title
        fairness_columns.setSectionResizeMode(
            self.fairness_model.column_index("within"), QHeaderView.ResizeMode.ResizeToContents
        )
        self.uncovered_model: RecordTableModel[UncoveredLine] = RecordTableModel(
            _uncovered_columns(), id_of=lambda line: line.key, parent=self
        )
        set_up_table(self.uncovered_table, self.uncovered_model, row_height=ROW_HEIGHT)
        # The reason is the longest words of the list: it takes what the other columns leave.
        self.uncovered_table.horizontalHeader().setSectionResizeMode(
            self.uncovered_model.column_index("why"), QHeaderView.ResizeMode.Stretch
        )
        self.uncovered_note = ListNote(self.uncovered_table)
        self.sheets_menu = QMenu(self.sheets_button)
        self.sheets_button.setMenu(self.sheets_menu)
        self.sheets_menu.aboutToShow.connect(self._fill_sheets_menu)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 270])  # the fairness table shows a team of 8 without scrolling
        self.bottom_splitter.setSizes([480, 560])  # the fairness table's columns, the rest for why

        self.view: RotaView | None = None
        self.month: str | None = None
        self.months: list[str] = []
        self.task: BackgroundTask | None = None
        self._writing = False  # the page's own write: it shows what the service gave back
        self.month_combo.activated.connect(lambda _index: self._month_chosen())
        self.previous_button.clicked.connect(lambda: self._step_month(-1))
        self.next_button.clicked.connect(lambda: self._step_month(1))
        self.accept_button.clicked.connect(self.accept)
        self.changes_button.clicked.connect(self.review_changes)
        self.wall_chart_button.clicked.connect(self.print_wall_chart)
        self.table.doubleClicked.connect(self.change_cell)
        self.table.installEventFilter(self)
        self.uncovered_table.activated.connect(self._find_uncovered)  # a double-click, or Enter
        self.update_actions()

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the months with an accepted rota and the chosen month's rota (this month at first)."""
        if self._writing:
            return  # the page shows what its own write gave back
        chosen = self.month or present.month_of(self.tab.today())
        self._fill_months(chosen)
        self._read_month(chosen)

    def forget_file(self) -> None:
        """Another estate: nothing of the last one on show, and this month again when read."""
        self.month = None
        self.months = []
        self.month_combo.clear()
        self._show(None)

    def status_text(self) -> str:
        """The month's occurrences, uncovered and set by hand."""
        return present.rota_status(self.view)

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The splitters, and the columns of the lists below the grid."""
        return {
            "splitter": self.splitter,
            "bottomSplitter": self.bottom_splitter,
            "fairnessColumns": self.fairness_table.horizontalHeader(),
            "uncoveredColumns": self.uncovered_table.horizontalHeader(),
        }

    def focus_first(self) -> None:
        """The grid: arrows go from cell to cell, Enter changes one."""
        self.table.setFocus()

    def update_actions(self) -> None:
        """Accepting and changing cells write; printing needs a rota with something in it."""
        writable = not self.tab.read_only
        shown = self.view is not None and bool(self.view.slots)
        kind, _text = present.banner(self.view) if self.view is not None else (Banner.NONE, "")
        team = present.has_team(self.view)  # a rota without cleaners is every task uncovered
        self.accept_button.setEnabled(writable and shown and team and kind is not Banner.NONE)
        self.changes_button.setEnabled(writable)
        idle = self.task is None
        self.wall_chart_button.setEnabled(shown and idle)
        self.sheets_button.setEnabled(shown and idle)

    # ------------------------------------------------------------ the month

    def show_month(self, month: str) -> None:
        """Put the rota of ``month`` (YYYY-MM) on screen."""
        key = cleaning.month_key(cleaning.parse_month(month)[0])
        self._fill_months(key)
        self._read_month(key)

    def _fill_months(self, chosen: str) -> None:
        accepted = set(cleaning.accepted_months())
        self.months = present.month_keys(self.tab.today(), accepted | {chosen})
        self.month_combo.blockSignals(True)
        self.month_combo.clear()
        for month in self.months:
            self.month_combo.addItem(present.month_title(month, month in accepted), month)
        self.month_combo.setCurrentIndex(self.months.index(chosen))
        self.month_combo.blockSignals(False)

    def _month_chosen(self) -> None:
        chosen = self.month_combo.currentData()
        if chosen:
            self._read_month(str(chosen))

    def _step_month(self, months: int) -> None:
        if self.month is not None:
            self.show_month(present.shift_month(self.month, months))

    def _read_month(self, month: str) -> None:
        self.month = month
        self._show(cleaning.rota(month))

    def _after_write(self, view: RotaView) -> None:
        """Show the rota a write gave back, the month marked accepted in the chooser."""
        self._fill_months(view.month)
        self.month = view.month
        self._show(view)

    # ------------------------------------------------------------ showing

    def _show(self, view: RotaView | None) -> None:
        kept = self._current_key()
        self.view = view
        order = [found.task_id for found in cleaning.list_tasks()] if view is not None else []
        # Without a cleaner every cell would read 未排: the grid is left empty and says why instead.
        self.model.set_view(view if present.has_team(view) else None, order)
        self.grid_note.set_text(present.empty_rota_text(view))
        if view is None:
            self.fairness_model.set_rows([])
            self.fairness_label.clear()
            self.uncovered_model.set_rows([])
        elif not present.has_team(view):
            self.fairness_model.set_rows([])
            self.fairness_label.setText(present.no_team_text())
            self.uncovered_model.set_rows([])
        else:
            self.fairness_model.set_rows(present.load_lines(view.fairness))
            self.fairness_label.setText(present.fairness_text(view.fairness))
            self.uncovered_model.set_rows(present.uncovered_lines(view))
        count = self.uncovered_model.rowCount()
        self.uncovered_title.setText(present.uncovered_title(count))
        self.uncovered_title.setStyleSheet(
            f"font-weight: bold; color: {present.RED};" if count else "font-weight: bold;"
        )
        self.uncovered_note.set_text(present.uncovered_note(view))
        kind, text = present.banner(view) if view is not None else (Banner.NONE, "")
        self.banner_label.setText(text)
        self.banner_frame.setVisible(kind is not Banner.NONE)
        self.changes_button.setVisible(kind is Banner.CHANGED)
        if kept is not None:
            self.select_cell(*kept)
        self.update_actions()
        self.tab.status_changed.emit()

    def _current_key(self) -> tuple[date, int, int] | None:
        slot = self.model.slot_at(self.table.currentIndex())
        return (slot.day, slot.task_id, slot.occurrence) if slot is not None else None

    def select_cell(self, day: date, task_id: int, occurrence: int) -> bool:
        """Make the cell of an occurrence the current one, scrolled into view (False: not in the grid)."""
        index = self.model.index_of(day, task_id, occurrence)
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _find_uncovered(self, index: QModelIndex) -> None:
        slot = self.uncovered_model.row_at(index.row()).slot
        if self.select_cell(slot.day, slot.task_id, slot.occurrence):
            self.table.setFocus()

    # ------------------------------------------------------------ changing a cell by hand

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a cell of the grid offers its cleaners, as a double-click does."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
        ):
            self.change_cell(self.table.currentIndex())
            return True
        return False

    def cell_menu(self, slot: SlotView) -> QMenu:
        """The cleaners who work on the slot's day, each with the minutes they have left."""
        assert self.view is not None
        menu = QMenu(self.table)
        heading = menu.addAction(
            translate("cleaning_rota", "{day} · {task}, {minutes} minutes").format(
                day=present.date_text(slot.day), task=slot.task, minutes=slot.minutes
            )
        )
        heading.setEnabled(False)
        menu.addSeparator()
        found = present.choices(self.view, slot)
        for choice in found:
            action = menu.addAction(present.choice_text(choice, slot.minutes))
            action.setCheckable(True)
            action.setChecked(choice.current)
            action.setData(choice.cleaner_id)
        if not found:
            menu.addAction(translate("cleaning_rota", "No cleaner works that day")).setEnabled(False)
        return menu

    def change_cell(self, index: QModelIndex) -> None:
        """Offer the cell's cleaners; the one chosen is given the task (if the service agrees).

        A change by hand keeps the month's rota as it stands: a re-plan waiting to be accepted
        is shown first, and the cell is changed only once it is accepted.
        """
        slot = self.model.slot_at(index)
        if slot is None or self.view is None or self.tab.read_only:
            return
        if self.view.changes:
            self.review_changes()
            if self.view is None or self.view.changes:
                return
            index = self.model.index_of(slot.day, slot.task_id, slot.occurrence)
            slot = self.model.slot_at(index)  # as the accepted rota has it now
            if slot is None:
                return
        menu = self.cell_menu(slot)
        where = self.table.viewport().mapToGlobal(self.table.visualRect(index).bottomLeft())
        chosen = self.choose(menu, where)
        if chosen is not None and chosen.data() is not None:
            self.reassign(slot, int(chosen.data()))

    def choose(self, menu: QMenu, where: QPoint) -> QAction | None:
        """Show a menu at ``where`` until the clerk chooses (tests answer in its place)."""
        return menu.exec(where)

    def reassign(self, slot: SlotView, cleaner_id: int) -> bool:
        """Give an occurrence to a cleaner by hand; a refusal (day off, leave, too long a day) is said.

        The service keeps the month's rota as it stands with the change: not while a re-plan waits
        to be accepted (the clerk has not seen it), which ``change_cell`` shows first.
        """
        if self.month is None or cleaner_id == slot.cleaner_id or self.tab.read_only:
            return False
        if self.view is not None and self.view.changes:
            return False
        title = translate("cleaning_rota", "Change the rota")
        if self.view is not None and not self.view.accepted and not self._accept_by_hand(title):
            return False
        self._writing = True
        try:
            view = cleaning.reassign(self.month, slot.day, slot.task_id, slot.occurrence, cleaner_id)
        except InputRejected as rejected:
            QMessageBox.warning(self, title, labels.messages(rejected.errors))
            return False
        except EstateDeskError as error:
            report_error(self, title, error)
            return False
        finally:
            self._writing = False
        self._after_write(view)
        self.select_cell(slot.day, slot.task_id, slot.occurrence)
        return True

    def _accept_by_hand(self, title: str) -> bool:
        """Ask before a month never accepted is kept whole by its first change by hand."""
        answer = QMessageBox.question(
            self,
            title,
            translate(
                "cleaning_rota",
                "This month's rota is not accepted yet. A change by hand accepts the whole month's "
                "rota with it. Go on?",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # ------------------------------------------------------------ accepting

    def accept(self) -> None:
        """Keep the month's rota; one re-planned after later changes is shown change by change first."""
        if self.view is None or self.month is None or self.tab.read_only:
            return
        if self.view.changes:
            self.review_changes()
            return
        self._writing = True
        try:
            view = cleaning.accept_rota(self.month)
        except EstateDeskError as error:
            report_error(self, translate("cleaning_rota", "Accept the rota"), error)
            return
        finally:
            self._writing = False
        self._after_write(view)

    def review_changes(self) -> None:
        """What the re-plan changed, day by day; 接受 keeps the rota as it stands now."""
        from estatedesk.gui.dialogs.rota_changes_dialog import RotaChangesDialog

        if self.view is None or self.tab.read_only:
            return
        dialog = RotaChangesDialog(self, self.view)
        self._writing = True
        try:
            accepted = dialog.exec()
        finally:
            self._writing = False
        if accepted and isinstance(dialog.result, RotaView):
            self._after_write(dialog.result)

    # ------------------------------------------------------------ printing

    def print_wall_chart(self) -> None:
        """The month's rota, cleaners by days, as a PDF opened to print."""
        from estatedesk.services.cleaning import documents  # the reports load when first printed

        month = self.month
        if month is None or self.task is not None:
            return
        self._print(
            translate("cleaning_rota", "Writing the wall chart…"),
            present.wall_chart_path(data_dir(), month),
            lambda target: documents.print_wall_chart(month, target),
        )

    def print_task_sheets(self, cleaner_id: int | None = None) -> None:
        """Each day's task sheets of the month, for everyone or one cleaner, as a PDF opened to print."""
        from estatedesk.services.cleaning import documents  # the reports load when first printed

        month, view = self.month, self.view
        if month is None or view is None or self.task is not None:
            return
        name = next((found.name for found in view.cleaners if found.cleaner_id == cleaner_id), "")
        self._print(
            translate("cleaning_rota", "Writing the task sheets…"),
            present.task_sheets_path(data_dir(), month, name),
            lambda target: documents.print_task_sheets(month, target, cleaner_id=cleaner_id),
        )

    def _fill_sheets_menu(self) -> None:
        self.sheets_menu.clear()
        everyone = self.sheets_menu.addAction(translate("cleaning_rota", "Every cleaner"))
        everyone.triggered.connect(lambda: self.print_task_sheets(None))
        if self.view is not None and self.view.cleaners:
            self.sheets_menu.addSeparator()
            for found in self.view.cleaners:
                action = self.sheets_menu.addAction(found.name)
                action.triggered.connect(
                    lambda _checked=False, key=found.cleaner_id: self.print_task_sheets(key)
                )

    def _print(self, busy: str, path: Path, write: Callable[[Path], object]) -> None:
        self.task = worker.write_and_open(
            self,
            busy,
            path,
            write,
            translate("cleaning_rota", "Printing"),
            translate(
                "cleaning_rota",
                "The document was written to\n{path}\nbut no program to show PDF files was found.",
            ),
        )
        self.task.finished.connect(self._task_ended)
        self.update_actions()

    def _task_ended(self) -> None:
        self.task = None
        self.update_actions()


def _legend() -> str:
    """What the colours of the grid mean."""
    swatch = "<span style='background:{colour}; color:{text};'>&nbsp;{word}&nbsp;</span>"
    by_hand = translate("cleaning_rota", "set by hand")
    return "&nbsp;&nbsp;".join(
        (
            swatch.format(
                colour=present.RED_BACKGROUND,
                text=present.RED,
                word=present.uncovered_word(),
            ),
            f"<b style='color:{present.MANUAL_COLOUR};'>{by_hand}</b>",
            swatch.format(
                colour=present.WEEKEND_BACKGROUND, text="#333", word=translate("cleaning_rota", "weekend")
            ),
        )
    )


def _load_columns() -> list[ColumnSpec[LoadLine]]:
    return [
        ColumnSpec("name", translate("cleaning_rota", "Cleaner"), lambda line: line.name, width=90),
        ColumnSpec(
            "days",
            translate("cleaning_rota", "Working days"),
            lambda line: str(line.working_days),
            sort_key=lambda line: line.working_days,
            alignment=RIGHT,
            width=70,
        ),
        ColumnSpec(
            "minutes",
            translate("cleaning_rota", "Minutes"),
            lambda line: str(line.minutes),
            sort_key=lambda line: line.minutes,
            alignment=RIGHT,
            width=70,
        ),
        ColumnSpec(
            "rate",
            translate("cleaning_rota", "Per working day"),
            lambda line: line.rate_text,
            sort_key=lambda line: line.rate,
            alignment=RIGHT,
            width=90,
        ),
        ColumnSpec(
            "deviation",
            translate("cleaning_rota", "Against average"),
            lambda line: line.deviation_text,
            sort_key=lambda line: line.deviation,
            alignment=RIGHT,
            width=90,
            colour=lambda line: line.colour,
        ),
        ColumnSpec(
            "within",
            translate("cleaning_rota", "Within"),
            lambda line: line.within_text,
            alignment=CENTER,
            width=50,
            colour=lambda line: line.colour,
        ),
    ]


def _uncovered_columns() -> list[ColumnSpec[UncoveredLine]]:
    return [
        ColumnSpec(
            "date",
            translate("cleaning_rota", "Date"),
            lambda line: line.date_text,
            sort_key=lambda line: line.slot.day,
            width=100,
        ),
        ColumnSpec("area", translate("cleaning_rota", "Area"), lambda line: line.slot.area, width=120),
        ColumnSpec("task", translate("cleaning_rota", "Task"), lambda line: line.task_text, width=130),
        ColumnSpec("why", translate("cleaning_rota", "Why"), lambda line: line.why_text, width=200),
    ]
