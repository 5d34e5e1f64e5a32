"""The owners' votes tab (业主大会表决 / 业主委员会选举): a vote chosen in the bar, its pages below.

表决 (the votes: open one, record the scrutineers' counts, close), 名册 (the frozen roll),
录入选票 (ballot entry at the counting table), 选票 (ballots entered, voids, double entry,
proxies), 计票 (the count against each threshold, and the result notice).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from estatedesk.domain.voting import kind_name
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.tabs.paged import PagedTab
from estatedesk.gui.tabs.vote_pages.ballots import BallotsPage
from estatedesk.gui.tabs.vote_pages.base import VotePage
from estatedesk.gui.tabs.vote_pages.entry import EntryPage
from estatedesk.gui.tabs.vote_pages.roll import RollPage
from estatedesk.gui.tabs.vote_pages.tally import TallyPage
from estatedesk.gui.tabs.vote_pages.votes_list import VotesListPage
from estatedesk.services import votes
from estatedesk.services.changes import Records

PAGE_KINDS: tuple[type[VotePage], ...] = (VotesListPage, RollPage, EntryPage, BallotsPage, TallyPage)


class VotesTab(PagedTab):
    """Everything on the votes tab; the pages show the vote chosen in the bar."""

    ui_file = "votes_tab.ui"
    settings_key = "votes"
    shows = frozenset({Records.VOTES, Records.ESTATE})
    page_kinds = PAGE_KINDS

    def __init__(self, parent: QWidget) -> None:
        self.vote_id: int | None = None
        super().__init__(parent)
        self.vote_combo = find(self.widget, QComboBox, "voteCombo")
        self.vote_state = find(self.widget, QLabel, "voteState")
        self.vote_combo.activated.connect(self._vote_chosen)

    def read(self, select_id: int | None) -> None:
        """Read the list of votes into the bar (keeping the vote chosen), then the page on screen."""
        self._fill_votes(select_id if select_id is not None else self.vote_id)
        super().read(select_id)

    def choose_vote(self, vote_id: int) -> None:
        """Show ``vote_id`` on every page (a vote just opened, or picked in the list)."""
        self._fill_votes(vote_id)
        self._reread_pages()

    def _fill_votes(self, wanted: int | None) -> None:
        listed = votes.list_votes()
        self.vote_combo.blockSignals(True)
        self.vote_combo.clear()
        for view in listed:
            state = translate("votes", "open") if view.is_open else translate("votes", "closed")
            label = f"#{view.vote_id} {view.title}（{kind_name(view.kind)}，{state}）"
            self.vote_combo.addItem(label, view.vote_id)
        ids = [view.vote_id for view in listed]
        self.vote_id = wanted if wanted in ids else (ids[0] if ids else None)
        if self.vote_id is not None:
            self.vote_combo.setCurrentIndex(ids.index(self.vote_id))
        self.vote_combo.blockSignals(False)
        chosen = next((view for view in listed if view.vote_id == self.vote_id), None)
        self.vote_state.setText(
            ""
            if chosen is None
            else translate("votes", "{heads} voters, {ballots} ballots entered").format(
                heads=chosen.heads, ballots=chosen.ballots
            )
        )

    def _vote_chosen(self, index: int) -> None:
        self._fill_votes(self.vote_combo.itemData(index))  # the bar's figures are of the vote chosen
        self._reread_pages()

    def _reread_pages(self) -> None:
        current = self.current_page()
        self._pages_to_read = set(self.pages) - {current}
        self._reading(current.read)
        self.status_changed.emit()

    def forget_file(self) -> None:
        """A new file: no vote is chosen until the file is read."""
        self.vote_id = None
        super().forget_file()
