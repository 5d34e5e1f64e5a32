"""What every page of the fee ledger tab has: its title, icon, data, actions and layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from estatedesk.gui.tabs.paged import TabPage

if TYPE_CHECKING:
    from estatedesk.gui.tabs.fees import FeesTab


class FeePage(TabPage):
    """One page of the fee ledger (收款, 账户, 收费项目…); its title is translated in context "fees"."""

    context = "fees"

    def __init__(self, tab: FeesTab) -> None:
        super().__init__(tab)
        self.tab = tab
