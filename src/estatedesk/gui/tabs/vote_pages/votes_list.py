"""表决: every vote of the estate; open a new one, record the scrutineers' counts, close one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTableView

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError, InputRejected
from estatedesk.gui import labels
from estatedesk.gui.errors import report_error
from estatedesk.gui.i18n import translate
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import CENTER, RIGHT, ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.presenters import vote_pages as present
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.vote_pages.base import VotePage
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.services import votes
from estatedesk.services.votes import VoteView

if TYPE_CHECKING:
    from estatedesk.gui.tabs.votes import VotesTab


def vote_columns() -> list[ColumnSpec[VoteView]]:
    """The list of votes: number, title, kind, opened, voters, area, ballots, state."""
    return [
        ColumnSpec(
            "number",
            translate("votes", "No."),
            lambda view: str(view.vote_id),
            sort_key=lambda view: view.vote_id,
            alignment=CENTER,
            width=50,
        ),
        ColumnSpec("title", translate("votes", "Title"), lambda view: view.title, width=260),
        ColumnSpec(
            "kind", translate("votes", "Decides"), lambda view: present.kind_text(view.kind), width=120
        ),
        ColumnSpec(
            "opened", translate("votes", "Opened"), lambda view: present.at_text(view.opened_at), width=130
        ),
        ColumnSpec(
            "heads",
            translate("votes", "Voters"),
            lambda view: str(view.heads),
            sort_key=lambda view: view.heads,
            alignment=RIGHT,
            width=70,
        ),
        ColumnSpec(
            "area",
            translate("votes", "Area (㎡)"),
            lambda view: present.area_text(view.area_centi),
            sort_key=lambda view: view.area_centi,
            alignment=RIGHT,
            width=100,
        ),
        ColumnSpec(
            "ballots",
            translate("votes", "Ballots entered"),
            lambda view: str(view.ballots),
            sort_key=lambda view: view.ballots,
            alignment=RIGHT,
            width=100,
        ),
        ColumnSpec("state", translate("votes", "State"), present.state_text, width=160),
    ]


class VotesListPage(VotePage):
    """The votes, newest first; closed ones greyed. A double click shows a vote on every page."""

    title = QT_TRANSLATE_NOOP("votes", "Votes")
    icon = "fa5s.vote-yea"
    key = "votes"
    ui_file = "vote_list.ui"

    def __init__(self, tab: VotesTab) -> None:
        super().__init__(tab)
        form = self.form
        self.table = find(form, QTableView, "voteTable")
        self.count_label = find(form, QLabel, "countLabel")
        self.new_button = find(form, QPushButton, "newButton")
        self.counts_button = find(form, QPushButton, "countsButton")
        self.close_button = find(form, QPushButton, "closeButton")
        self.new_button.setIcon(icon("fa5s.plus"))
        self.counts_button.setIcon(icon("fa5s.box"))
        self.close_button.setIcon(icon("fa5s.lock"))
        self.model: RecordTableModel[VoteView] = RecordTableModel(
            vote_columns(),
            id_of=lambda view: view.vote_id,
            parent=self,
            muted=lambda view: not view.is_open,
            muted_tip=translate("votes", "Closed: nothing more can be entered"),
        )
        set_up_table(self.table, self.model)  # newest first, as they are read
        self.list_note = ListNote(self.table)
        self._bar_vote: int | None = None  # the vote of the tab's bar when the list was read
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.show_selected())
        self.new_button.clicked.connect(self.new_vote)
        self.counts_button.clicked.connect(self.record_counts)
        self.close_button.clicked.connect(self.close_vote)
        self.update_actions()

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the votes again, keeping the one selected; another vote chosen in the bar is selected."""
        keep = self.selected_id()
        if keep is None or self.vote_id != self._bar_vote:
            keep = self.vote_id
        self._bar_vote = self.vote_id
        self.model.set_rows(votes.list_votes())
        self.list_note.set_text("" if self.model.rowCount() else present.no_votes_text())
        self.count_label.setText(present.votes_status(self.model.shown_rows()))
        self.select_vote(keep)

    def forget_file(self) -> None:
        """Nothing of another file stays on show."""
        self._bar_vote = None
        self.model.set_rows([])
        self.count_label.clear()
        self.update_actions()

    def status_text(self) -> str:
        """How many votes, how many open."""
        return present.votes_status(self.model.shown_rows())

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The list's columns."""
        return {"columns": self.table.horizontalHeader()}

    def focus_first(self) -> None:
        """The list."""
        self.table.setFocus()

    def update_actions(self) -> None:
        """New on a writable file; counts and close for an open vote selected."""
        writable = not self.tab.read_only
        chosen = self.selected_vote()
        self.new_button.setEnabled(writable)
        self.counts_button.setEnabled(writable and chosen is not None and chosen.is_open)
        self.close_button.setEnabled(writable and chosen is not None and chosen.is_open)

    # ------------------------------------------------------------ selection

    def selected_id(self) -> int | None:
        """The selected vote's id, if any."""
        chosen = self.selected_vote()
        return chosen.vote_id if chosen is not None else None

    def selected_vote(self) -> VoteView | None:
        """The selected vote, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_vote(self, vote_id: int | None) -> None:
        """Select a vote of the list (None, or one not there: no selection)."""
        row = self.model.row_of(vote_id) if vote_id is not None else None
        if row is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
        self.update_actions()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.update_actions()

    def show_selected(self) -> None:
        """Show the selected vote on every page (chosen in the tab's bar)."""
        chosen = self.selected_id()
        if chosen is not None:
            self.tab.choose_vote(chosen)

    # ------------------------------------------------------------ actions

    def new_vote(self) -> None:
        """Open a vote; then show it everywhere and say what was frozen (and which rooms cannot vote)."""
        from estatedesk.gui.dialogs.new_vote_dialog import NewVoteDialog

        if self.tab.read_only:
            return
        dialog = NewVoteDialog(self)
        if not dialog.exec():
            return
        created = dialog.result
        self.tab.choose_vote(created.vote_id)
        self.read()
        title = translate("votes", "New vote")
        warning = present.no_owner_text(created.rooms_without_owner)
        if warning:
            QMessageBox.warning(self, title, f"{present.created_text(created)}\n\n{warning}")
        else:
            QMessageBox.information(self, title, present.created_text(created))

    def record_counts(self) -> None:
        """The scrutineers' counts of the selected vote."""
        from estatedesk.gui.dialogs.counts_dialog import CountsDialog

        chosen = self.selected_vote()
        if chosen is None or not chosen.is_open or self.tab.read_only:
            return
        if CountsDialog(self, chosen).exec():
            self.read()

    def close_vote(self) -> None:
        """Close the selected vote after asking; a refusal (double entry unfinished) is said."""
        chosen = self.selected_vote()
        if chosen is None or not chosen.is_open or self.tab.read_only:
            return
        title = translate("votes", "Close vote {number}").format(number=chosen.vote_id)
        answer = QMessageBox.question(
            self,
            title,
            present.close_question(chosen),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            closed = votes.close_vote(chosen.vote_id)
        except InputRejected as rejected:
            QMessageBox.warning(self, title, labels.messages(rejected.errors))
            return
        except EstateDeskError as error:
            report_error(self, title, error)
            self.read()
            return
        self.read()
        QMessageBox.information(self, title, present.closed_text(closed))
