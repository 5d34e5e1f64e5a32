"""选票: the ballots of the vote chosen, the voided ones, double entries that differ, proxies over the limit.

A ballot is never deleted: voided with a reason, it stays listed under "Voided" and the voter's
ballot can be entered again. Ballots keyed into a spreadsheet are imported through the generic
import dialog, by the same rules as those entered at the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView, QTabWidget

from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.gui import settings as prefs
from estatedesk.gui.dialogs.files import choose_open_file
from estatedesk.gui.i18n import translate
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import CENTER, RIGHT, ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.presenters import vote_pages as present
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.vote_pages.base import VotePage
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.services import votes
from estatedesk.services.votes import BallotRow, Disagreement, ProxyLoad, VoidedBallot, VoteView

if TYPE_CHECKING:
    from estatedesk.gui.tabs.votes import VotesTab

BALLOTS_TAB, VOIDED_TAB, DISAGREEMENTS_TAB, PROXIES_TAB = range(4)
Numbered = tuple[int, Disagreement]
NumberedProxy = tuple[int, ProxyLoad]


def ballot_columns() -> list[ColumnSpec[BallotRow]]:
    """The live ballots: serial, voter, rooms, area, what it says, void, proxy, who, when, second entry."""
    return [
        ColumnSpec("serial", translate("votes", "Serial"), lambda row: row.serial, width=110),
        ColumnSpec("voter", translate("votes", "Voter"), lambda row: row.voter_name, width=130),
        ColumnSpec(
            "rooms", translate("votes", "Rooms"), lambda row: present.rooms_text(row.rooms), width=130
        ),
        ColumnSpec(
            "area",
            translate("votes", "Area (㎡)"),
            lambda row: present.area_text(row.area_centi),
            sort_key=lambda row: row.area_centi,
            alignment=RIGHT,
            width=80,
        ),
        ColumnSpec("answer", translate("votes", "Ballot says"), present.answer_text, width=200),
        ColumnSpec(
            "void",
            translate("votes", "Void"),
            present.void_text,
            width=110,
            colour=lambda row: present.BAD_COLOUR if row.void else None,
        ),
        ColumnSpec(
            "proxy",
            translate("votes", "Proxy"),
            lambda row: present.proxy_text(row.proxy_name, row.proxy_id),
            width=190,
        ),
        ColumnSpec("actor", translate("votes", "Entered by"), lambda row: row.actor, width=80),
        ColumnSpec(
            "at",
            translate("votes", "At"),
            lambda row: present.at_text(row.at),
            sort_key=lambda row: row.entry_id,
            width=125,
        ),
        ColumnSpec(
            "checked",
            translate("votes", "Second entry"),
            lambda row: present.check_state_text(row.checked),
            alignment=CENTER,
            width=90,
            colour=lambda row: present.check_state_colour(row.checked),
        ),
    ]


def voided_columns() -> list[ColumnSpec[VoidedBallot]]:
    """The voided ballots: serial, voter, reason, who voided it, when."""
    return [
        ColumnSpec("serial", translate("votes", "Serial"), lambda row: row.serial, width=110),
        ColumnSpec("voter", translate("votes", "Voter"), lambda row: row.voter_name, width=130),
        ColumnSpec("reason", translate("votes", "Reason"), lambda row: row.reason, width=300),
        ColumnSpec("actor", translate("votes", "Voided by"), lambda row: row.actor, width=90),
        ColumnSpec("at", translate("votes", "At"), lambda row: present.at_text(row.at), width=125),
    ]


def disagreement_columns() -> list[ColumnSpec[Numbered]]:
    """Ballots entered differently twice: serial, voter, both readings and who entered each."""
    return [
        ColumnSpec("serial", translate("votes", "Serial"), lambda line: line[1].serial, width=110),
        ColumnSpec("voter", translate("votes", "Voter"), lambda line: line[1].voter_name, width=130),
        ColumnSpec(
            "first",
            translate("votes", "First entry"),
            lambda line: present.reading_text(line[1].first),
            width=220,
        ),
        ColumnSpec("first_actor", translate("votes", "By"), lambda line: line[1].first_actor, width=80),
        ColumnSpec(
            "second",
            translate("votes", "Second entry"),
            lambda line: present.reading_text(line[1].second),
            width=220,
            colour=lambda _line: present.BAD_COLOUR,
        ),
        ColumnSpec("second_actor", translate("votes", "By"), lambda line: line[1].second_actor, width=80),
    ]


def proxy_columns() -> list[ColumnSpec[NumberedProxy]]:
    """Proxies over the limit: the proxy (ID masked), how many ballots, their serials."""
    return [
        ColumnSpec(
            "proxy",
            translate("votes", "Proxy"),
            lambda line: present.proxy_text(line[1].proxy_name, line[1].proxy_id),
            width=220,
        ),
        ColumnSpec(
            "ballots",
            translate("votes", "Ballots"),
            lambda line: str(line[1].ballots),
            sort_key=lambda line: line[1].ballots,
            alignment=RIGHT,
            width=70,
        ),
        ColumnSpec(
            "serials", translate("votes", "Serials"), lambda line: "、".join(line[1].serials), width=400
        ),
    ]


class BallotsPage(VotePage):
    """The live ballots (filtered as typed), and beside them what the scrutineers must look at."""

    title = QT_TRANSLATE_NOOP("votes", "Ballots")
    icon = "fa5s.inbox"
    key = "ballots"
    ui_file = "vote_ballots.ui"

    def __init__(self, tab: VotesTab) -> None:
        super().__init__(tab)
        form = self.form
        self.filter = find(form, QLineEdit, "filterEdit")
        self.tabs = find(form, QTabWidget, "listTabs")
        self.table = find(form, QTableView, "ballotTable")
        self.voided_table = find(form, QTableView, "voidedTable")
        self.disagreement_table = find(form, QTableView, "disagreementTable")
        self.proxy_table = find(form, QTableView, "proxyTable")
        self.proxies_note = find(form, QLabel, "proxiesNote")
        self.count_label = find(form, QLabel, "countLabel")
        self.void_button = find(form, QPushButton, "voidButton")
        self.import_button = find(form, QPushButton, "importButton")
        self.filter.addAction(icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        self.void_button.setIcon(icon("fa5s.ban"))
        self.import_button.setIcon(icon("fa5s.file-import"))
        self.tab_titles = [self.tabs.tabText(index) for index in range(self.tabs.count())]
        self.model: RecordTableModel[BallotRow] = RecordTableModel(
            ballot_columns(),
            id_of=lambda row: row.entry_id,
            parent=self,
            search_text=present.ballot_search_text,
        )
        set_up_table(self.table, self.model)
        self.table.sortByColumn(self.model.column_index("at"), Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setSortingEnabled(True)
        self.voided_model: RecordTableModel[VoidedBallot] = RecordTableModel(
            voided_columns(), id_of=lambda row: row.entry_id, parent=self
        )
        set_up_table(self.voided_table, self.voided_model)
        self.disagreement_model: RecordTableModel[Numbered] = RecordTableModel(
            disagreement_columns(), id_of=lambda line: line[0], parent=self
        )
        set_up_table(self.disagreement_table, self.disagreement_model)
        self.proxy_model: RecordTableModel[NumberedProxy] = RecordTableModel(
            proxy_columns(), id_of=lambda line: line[0], parent=self
        )
        set_up_table(self.proxy_table, self.proxy_model)
        self.list_note = ListNote(self.table)
        self.view: VoteView | None = None
        self.filter.textChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # A disagreement chosen chooses its ballot: the paper says which entry was wrong, and the
        # ballot is voided and entered again from here.
        self.disagreement_table.selectionModel().selectionChanged.connect(self._disagreement_chosen)
        self.void_button.clicked.connect(self.void_selected)
        self.import_button.clicked.connect(self.import_ballots)
        self.update_actions()

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the vote's ballots and the lists beside them again, keeping the filter and selection."""
        keep = self.selected_id()
        vote_id = self.vote_id
        self.view = votes.vote_view(vote_id) if vote_id is not None else None
        if vote_id is None:
            self.model.set_rows([])
            self.voided_model.set_rows([])
            self.disagreement_model.set_rows([])
            self.proxy_model.set_rows([])
        else:
            self.model.set_rows(votes.list_ballots(vote_id))
            self.voided_model.set_rows(votes.voided_ballots(vote_id))
            self.disagreement_model.set_rows(list(enumerate(votes.disagreements(vote_id))))
            self.proxy_model.set_rows(list(enumerate(votes.heavy_proxies(vote_id))))
        self.proxies_note.setText(
            present.proxies_note(self.view.proxy_limit) if self.view is not None else ""
        )
        counts = (
            self.model.total,
            self.voided_model.total,
            self.disagreement_model.total,
            self.proxy_model.total,
        )
        for index, (title, count) in enumerate(zip(self.tab_titles, counts, strict=True)):
            self.tabs.setTabText(index, present.tab_title(title, count))
        self.tabs.setTabVisible(DISAGREEMENTS_TAB, self.view is not None and self.view.double_entry)
        self._filter_changed(self.filter.text())
        self.select_ballot(keep)

    def forget_file(self) -> None:
        """Another file: no ballots, no filter."""
        self.filter.clear()
        self.view = None
        for model in (self.model, self.voided_model, self.disagreement_model, self.proxy_model):
            model.set_rows([])
        self.update_actions()

    def status_text(self) -> str:
        """The ballots listed."""
        return self.count_label.text()

    def layout_parts(self) -> dict[str, LayoutPart]:
        """Each list's columns."""
        return {
            "columns": self.table.horizontalHeader(),
            "voided": self.voided_table.horizontalHeader(),
            "disagreements": self.disagreement_table.horizontalHeader(),
            "proxies": self.proxy_table.horizontalHeader(),
        }

    def focus_first(self) -> None:
        """The filter."""
        self.filter.setFocus()

    def update_actions(self) -> None:
        """Void one ballot, import a file: on an open vote of a writable file."""
        writable = not self.tab.read_only and self.view is not None and self.view.is_open
        self.void_button.setEnabled(writable and self.selected_ballot() is not None)
        self.import_button.setEnabled(writable)

    # ------------------------------------------------------------ list

    def _filter_changed(self, text: str) -> None:
        keep = self.selected_id()
        self.model.set_query(text)
        shown, total = self.model.rowCount(), self.model.total
        void = sum(1 for row in self.model.shown_rows() if row.void)
        self.count_label.setText(present.ballots_status(shown, total, void) if self.view is not None else "")
        if self.view is None:
            note = translate("votes", "No vote is chosen: open one on the Votes page.")
        elif not total:
            note = translate("votes", "No ballot entered yet: ballots are entered on the Enter ballots page.")
        elif not shown:
            note = translate("votes", "No ballot matches “{text}”.").format(text=text.strip())
        else:
            note = ""
        self.list_note.set_text(note)
        self.select_ballot(keep)
        self.tab.status_changed.emit()

    def selected_ballot(self) -> BallotRow | None:
        """The ballot selected, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        """The entry id of the ballot selected."""
        chosen = self.selected_ballot()
        return chosen.entry_id if chosen is not None else None

    def select_ballot(self, entry_id: int | None) -> None:
        """Select a ballot by its entry (None, or one not shown: none)."""
        row = self.model.row_of(entry_id) if entry_id is not None else None
        if row is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
        self.update_actions()

    def select_serial(self, serial: str) -> bool:
        """Select the live ballot of a serial, if it is shown."""
        for line in range(self.model.rowCount()):
            if self.model.row_at(line).serial == serial:
                self.select_ballot(self.model.row_at(line).entry_id)
                return True
        return False

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.update_actions()

    def _disagreement_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.disagreement_table.selectionModel().selectedRows()
        if not rows:
            return
        _number, disagreement = self.disagreement_model.row_at(rows[0].row())
        if not self.select_serial(disagreement.serial) and self.filter.text():
            self.filter.clear()  # shown again, then chosen
            self.select_serial(disagreement.serial)

    # ------------------------------------------------------------ actions

    def void_selected(self) -> None:
        """Void the selected ballot with a reason (asked once more)."""
        from estatedesk.gui.dialogs.void_ballot_dialog import VoidBallotDialog

        chosen = self.selected_ballot()
        view = self.view
        if chosen is None or view is None or not view.is_open or self.tab.read_only:
            return
        if VoidBallotDialog(self, view.vote_id, chosen).exec():
            self.read()

    def import_ballots(self) -> None:
        """Choose a spreadsheet of keyed ballots, preview it, and enter its rows."""
        view = self.view
        if view is None or not view.is_open or self.tab.read_only:
            return
        title = translate("votes", "Import keyed ballots")
        path = choose_open_file(self, prefs.IMPORT, title, translate("votes", "Spreadsheets (*.xlsx *.csv)"))
        if path is None:
            return
        # Spreadsheet code loads only when the clerk imports, not when the tab opens.
        from estatedesk.gui.dialogs.import_dialog import ImportDialog

        ImportDialog(
            self,
            path,
            votes.ballots_sheet(view.vote_id),
            title,
            lambda result: translate("votes", "{count} ballots were entered.").format(count=result.imported),
        ).exec()
        self.read()
