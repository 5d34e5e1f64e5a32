"""The cleaning schedule tab (保洁排班): its pages in a list on the left, the page chosen on the right.

区域与任务 (the areas: stairwells from the households file, common areas by hand, and their tasks),
保洁员与请假 (the team and their leave), 月度排班 (the month's rota, adjusted by hand) and 检查与评比
(the weekly inspections and the month's ranking). New rooms make stairwells, so the tab also reads
again when rooms change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from PySide6.QtWidgets import QWidget

from estatedesk.gui.tabs.cleaning_pages.areas import AreasPage
from estatedesk.gui.tabs.cleaning_pages.base import CleaningPage
from estatedesk.gui.tabs.cleaning_pages.inspections import InspectionsPage
from estatedesk.gui.tabs.cleaning_pages.rota import RotaPage
from estatedesk.gui.tabs.cleaning_pages.team import TeamPage
from estatedesk.gui.tabs.paged import PagedTab
from estatedesk.services.changes import Records

# The pages, in the order of the list (Ctrl+1, Ctrl+2…).
PAGE_KINDS: tuple[type[CleaningPage], ...] = (AreasPage, TeamPage, RotaPage, InspectionsPage)


class CleaningTab(PagedTab):
    """Everything on the cleaning schedule tab; the pages share its calendar."""

    ui_file = "cleaning_tab.ui"
    settings_key = "cleaning"
    shows = frozenset({Records.CLEANING, Records.ROOMS, Records.ESTATE})
    page_kinds = PAGE_KINDS

    def __init__(self, parent: QWidget) -> None:
        self.clock: Callable[[], date] = date.today  # tests set a fixed day
        self._held: set[Records] | None = None  # changes heard while holding reads
        super().__init__(parent)

    def today(self) -> date:
        """The office's calendar day: leave ahead, the month shown first, this week's inspection."""
        return self.clock()

    def records_changed(self, kinds: frozenset[Records]) -> None:
        """Read again what changed; while ``holding_reads``, only note it."""
        if self._held is not None:
            self._held.update(kinds)
            return
        super().records_changed(kinds)

    @contextmanager
    def holding_reads(self) -> Iterator[None]:
        """Read once after several writes (a cleaner named for 20 stairwells), not after each one."""
        if self._held is not None:  # already holding: the outer block reads
            yield
            return
        self._held = set()
        try:
            yield
        finally:
            held, self._held = frozenset(self._held), None
            if held:
                super().records_changed(held)

    # ------------------------------------------------------------ what the pages ask of the tab

    def show_rota(self, month: str) -> None:
        """Put the month's rota (YYYY-MM) on screen: after leave that broke it, to check the re-plan."""
        page = self.show_page(RotaPage)
        assert isinstance(page, RotaPage)
        page.show_month(month)
