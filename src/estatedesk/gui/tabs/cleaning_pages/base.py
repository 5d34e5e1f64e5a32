"""What every page of the cleaning schedule tab has: its translation context and the tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from estatedesk.gui.tabs.paged import TabPage

if TYPE_CHECKING:
    from estatedesk.gui.tabs.cleaning import CleaningTab


class CleaningPage(TabPage):
    """One page of the cleaning tab (区域与任务, 保洁员与请假, 月度排班, 检查与评比), titled in "cleaning"."""

    context = "cleaning"

    def __init__(self, tab: CleaningTab) -> None:
        super().__init__(tab)
        self.tab = tab
