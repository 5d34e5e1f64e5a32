"""What every page of the votes tab has: the vote chosen in the tab's bar, and its own reading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from estatedesk.gui.tabs.paged import TabPage

if TYPE_CHECKING:
    from estatedesk.gui.tabs.votes import VotesTab


class VotePage(TabPage):
    """One page of the votes tab (表决, 名册, 录入选票, 选票, 计票); titles are translated in context "votes".

    ``vote_id`` is the vote chosen in the tab's bar (None when the file has no vote yet); the tab
    calls ``read`` when another vote is chosen, as when the records it shows changed.
    """

    context = "votes"

    def __init__(self, tab: VotesTab) -> None:
        super().__init__(tab)
        self.tab = tab

    @property
    def vote_id(self) -> int | None:
        """The vote the page shows."""
        return self.tab.vote_id
