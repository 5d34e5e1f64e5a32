"""保洁员与请假: the cleaning team, and the selected cleaner's leave.

Each cleaner is listed with their phone, days off, minutes a day, areas and leave ahead. Leave
entered over an accepted rota says which months it breaks and offers the first one's rota, where
the re-planned days wait to be checked and accepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QSplitter, QTableView

from estatedesk.domain.collation import pinyin_sort_key
from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError
from estatedesk.gui.errors import report_error
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import RIGHT, ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.presenters import cleaning as present
from estatedesk.gui.presenters.common import MUTED
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.cleaning_pages.base import CleaningPage
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.services import cleaning
from estatedesk.services.cleaning import CleanerView, LeaveAdded, LeaveView

if TYPE_CHECKING:
    from estatedesk.gui.tabs.cleaning import CleaningTab

ON_LEAVE_COLOUR = "#b9770e"  # amber: away today, the rota works around them


class TeamPage(CleaningPage):
    """The team, and the selected cleaner's leave with 登记请假 and 撤销请假."""

    title = QT_TRANSLATE_NOOP("cleaning", "Cleaners and leave")
    icon = "fa5s.users"
    key = "team"
    ui_file = "cleaning_team.ui"

    def __init__(self, tab: CleaningTab) -> None:
        super().__init__(tab)
        form = self.form
        self.table = find(form, QTableView, "cleanerTable")
        self.leave_table = find(form, QTableView, "leaveTable")
        self.leave_title = find(form, QLabel, "leaveTitle")
        self.splitter = find(form, QSplitter, "splitter")
        self.add_button = find(form, QPushButton, "addCleanerButton")
        self.edit_button = find(form, QPushButton, "editCleanerButton")
        self.remove_button = find(form, QPushButton, "removeCleanerButton")
        self.add_leave_button = find(form, QPushButton, "addLeaveButton")
        self.remove_leave_button = find(form, QPushButton, "removeLeaveButton")
        for button, name in (
            (self.add_button, "fa5s.user-plus"),
            (self.edit_button, "fa5s.user-edit"),
            (self.remove_button, "fa5s.user-minus"),
            (self.add_leave_button, "fa5s.calendar-plus"),
            (self.remove_leave_button, "fa5s.calendar-times"),
        ):
            button.setIcon(icon(name))
        self.today = self.tab.today()
        self.model: RecordTableModel[CleanerView] = RecordTableModel(
            [
                ColumnSpec(
                    "name",
                    self.tr("Name"),
                    lambda cleaner: cleaner.name,
                    sort_key=lambda cleaner: pinyin_sort_key(cleaner.name),  # as Excel sorts names
                    width=70,
                ),
                ColumnSpec("phone", self.tr("Phone"), lambda cleaner: cleaner.phone, width=100),
                ColumnSpec(
                    "off",
                    self.tr("Days off"),
                    lambda cleaner: present.days_off_text(cleaner.days_off),
                    sort_key=lambda cleaner: sorted(cleaner.days_off),
                    width=75,
                ),
                ColumnSpec(
                    "minutes",
                    self.tr("A day"),
                    lambda cleaner: present.minutes_text(cleaner.minutes_per_day),
                    sort_key=lambda cleaner: cleaner.minutes_per_day,
                    alignment=RIGHT,
                    width=70,
                ),
                ColumnSpec(
                    "areas",
                    self.tr("Responsible for"),
                    present.responsible_for_text,
                    sort_key=lambda cleaner: len(cleaner.areas),
                    width=250,
                ),
                ColumnSpec(
                    "leave",
                    self.tr("Leave ahead"),
                    lambda cleaner: present.leave_ahead_text(cleaner, self.today),
                    sort_key=lambda cleaner: [
                        period.first for period in present.leave_ahead(cleaner, self.today)
                    ],
                    width=150,
                    colour=lambda cleaner: ON_LEAVE_COLOUR if present.on_leave(cleaner, self.today) else None,
                ),
            ],
            id_of=lambda cleaner: cleaner.cleaner_id,
            parent=self,
        )
        set_up_table(self.table, self.model, sorted_by="name")
        self.table.setSortingEnabled(True)
        self.leave_model: RecordTableModel[LeaveView] = RecordTableModel(
            [
                ColumnSpec(
                    "from",
                    self.tr("From"),
                    lambda leave: leave.first.isoformat(),
                    width=84,
                    colour=lambda leave: MUTED if leave.last < self.today else None,
                ),
                ColumnSpec(
                    "to",
                    self.tr("To"),
                    lambda leave: leave.last.isoformat(),
                    width=84,
                    colour=lambda leave: MUTED if leave.last < self.today else None,
                ),
                ColumnSpec(
                    "days",
                    self.tr("Days"),
                    lambda leave: str(present.leave_days(leave)),
                    alignment=RIGHT,
                    width=40,
                ),
                ColumnSpec("note", self.tr("Note"), lambda leave: leave.note, width=80),
            ],
            id_of=lambda leave: leave.leave_id,
            parent=self,
        )
        set_up_table(self.leave_table, self.leave_model)
        self.list_note = ListNote(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([760, 340])
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_cleaner())
        self.leave_table.selectionModel().selectionChanged.connect(lambda *_args: self.update_actions())
        self.add_button.clicked.connect(self.add_cleaner)
        self.edit_button.clicked.connect(self.edit_cleaner)
        self.remove_button.clicked.connect(self.remove_cleaner)
        self.add_leave_button.clicked.connect(self.add_leave)
        self.remove_leave_button.clicked.connect(self.remove_leave)
        self._show_leave(None)

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the team again, keeping the cleaner selected and the leave chosen."""
        keep, keep_leave = self.selected_id(), self.selected_leave_id()
        self.today = self.tab.today()
        team = cleaning.list_cleaners()
        self.model.set_rows(team)
        self.list_note.set_text(
            ""
            if team
            else self.tr(
                "No cleaners yet. Add the team with “Add cleaner…”: each with their days off and "
                "minutes of work a day; then name each area's responsible cleaner on “Areas and tasks”."
            )
        )
        self.select_cleaner(keep)
        self.select_leave(keep_leave)

    def forget_file(self) -> None:
        """Nothing of another file stays on show."""
        self.model.set_rows([])
        self._show_leave(None)

    def status_text(self) -> str:
        """How many cleaners, how many away today."""
        return present.team_status(self.model.shown_rows(), self.today)

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The splitter and both lists' columns."""
        return {
            "splitter": self.splitter,
            "columns": self.table.horizontalHeader(),
            "leaveColumns": self.leave_table.horizontalHeader(),
        }

    def focus_first(self) -> None:
        """The team."""
        self.table.setFocus()

    def update_actions(self) -> None:
        """Buttons for the cleaner and leave selected; on a read-only file none (they all write)."""
        writable = not self.tab.read_only
        chosen = self.selected_cleaner() is not None
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and chosen)
        self.remove_button.setEnabled(writable and chosen)
        self.add_leave_button.setEnabled(writable and chosen)
        self.remove_leave_button.setEnabled(writable and self.selected_leave() is not None)

    # ------------------------------------------------------------ selection

    def selected_cleaner(self) -> CleanerView | None:
        """The cleaner selected, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        """The selected cleaner's id, if any."""
        chosen = self.selected_cleaner()
        return chosen.cleaner_id if chosen is not None else None

    def select_cleaner(self, cleaner_id: int | None) -> None:
        """Select a cleaner (None, or one no longer on the team: none) and show their leave."""
        row = self.model.row_of(cleaner_id) if cleaner_id is not None else None
        if row is None:
            self.table.clearSelection()
            self._show_leave(None)
        else:
            self.table.selectRow(row)
            self._show_leave(self.model.row_at(row))

    def selected_leave(self) -> LeaveView | None:
        """The period of leave chosen, if any."""
        rows = self.leave_table.selectionModel().selectedRows()
        return self.leave_model.row_at(rows[0].row()) if rows else None

    def selected_leave_id(self) -> int | None:
        """The chosen leave's id, if any."""
        leave = self.selected_leave()
        return leave.leave_id if leave is not None else None

    def select_leave(self, leave_id: int | None) -> None:
        """Choose a period of the selected cleaner's leave (None, or one not listed: none)."""
        row = self.leave_model.row_of(leave_id) if leave_id is not None else None
        if row is None:
            self.leave_table.clearSelection()
        else:
            self.leave_table.selectRow(row)
        self.update_actions()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_leave(self.selected_cleaner())

    def _show_leave(self, cleaner: CleanerView | None) -> None:
        if cleaner is None:
            self.leave_title.setText(self.tr("Select a cleaner to see their leave."))
            self.leave_model.set_rows([])
        else:
            self.leave_title.setText(present.leave_title(cleaner))
            # Newest first: what is coming, then what is past (greyed).
            self.leave_model.set_rows(sorted(cleaner.leave, key=lambda leave: leave.first, reverse=True))
        self.update_actions()

    # ------------------------------------------------------------ the team

    def add_cleaner(self) -> None:
        """Add a cleaner; they are selected once added."""
        from estatedesk.gui.dialogs.cleaner_dialog import CleanerDialog

        if self.tab.read_only:
            return
        dialog = CleanerDialog(self)
        if dialog.exec():
            self.read()
            self.select_cleaner(int(dialog.result))

    def edit_cleaner(self) -> None:
        """Change the cleaner selected."""
        from estatedesk.gui.dialogs.cleaner_dialog import CleanerDialog

        cleaner = self.selected_cleaner()
        if cleaner is None or self.tab.read_only:
            return
        if CleanerDialog(self, cleaner).exec():
            self.read()

    def remove_cleaner(self) -> None:
        """Take the cleaner selected off the team (refused beside their name while they answer for areas)."""
        from estatedesk.gui.dialogs.cleaner_dialog import CleanerDialog

        cleaner = self.selected_cleaner()
        if cleaner is None or self.tab.read_only:
            return
        if CleanerDialog(self, cleaner, removing=True).exec():
            self.read()

    # ------------------------------------------------------------ leave

    def add_leave(self) -> None:
        """Enter leave for the cleaner selected; offer the rota of a month it breaks."""
        from estatedesk.gui.dialogs.leave_dialog import LeaveDialog

        cleaner = self.selected_cleaner()
        if cleaner is None or self.tab.read_only:
            return
        dialog = LeaveDialog(self, cleaner, today=self.tab.today())
        if not dialog.exec():
            return
        added: LeaveAdded = dialog.result
        self.read()
        self.select_leave(added.leave_id)
        if added.affected:
            answer = QMessageBox.question(
                self,
                self.tr("Leave over an accepted rota"),
                present.leave_breaks_rota_text(cleaner.name, added.affected),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.tab.show_rota(added.affected[0][0])

    def remove_leave(self) -> None:
        """Take back the leave chosen, once the clerk confirms."""
        cleaner, leave = self.selected_cleaner(), self.selected_leave()
        if cleaner is None or leave is None or self.tab.read_only:
            return
        title = self.tr("Take back leave")
        text = self.tr(
            "Take back the leave of {name} from {first} to {last}? Accepted rotas over it stay as they are."
        ).format(name=cleaner.name, first=leave.first.isoformat(), last=leave.last.isoformat())
        if QMessageBox.question(self, title, text) != QMessageBox.StandardButton.Yes:
            return
        try:
            cleaning.remove_leave(leave.leave_id)
        except EstateDeskError as error:
            report_error(self, title, error)
        self.read()
