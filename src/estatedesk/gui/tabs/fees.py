"""The fee ledger tab (收费台账): its pages in a list on the left, the page chosen on the right.

收款 (take a payment), 账户 (a room's account), 收费项目 (fee items), 开账 (billing run),
收据 (receipts), 欠费 (arrears), 收缴率 (collection rate).
"""

from __future__ import annotations

from estatedesk.gui.tabs.fee_pages.account import AccountPage
from estatedesk.gui.tabs.fee_pages.arrears import ArrearsPage
from estatedesk.gui.tabs.fee_pages.base import FeePage
from estatedesk.gui.tabs.fee_pages.billing import BillingPage
from estatedesk.gui.tabs.fee_pages.collect import CollectPage
from estatedesk.gui.tabs.fee_pages.items import ItemsPage
from estatedesk.gui.tabs.fee_pages.rate import RatePage
from estatedesk.gui.tabs.fee_pages.receipts import ReceiptsPage
from estatedesk.gui.tabs.paged import PagedTab
from estatedesk.services.changes import Records

PAGE_KINDS: tuple[type[FeePage], ...] = (
    CollectPage,
    AccountPage,
    ItemsPage,
    BillingPage,
    ReceiptsPage,
    ArrearsPage,
    RatePage,
)


class FeesTab(PagedTab):
    """Everything on the fee ledger tab."""

    ui_file = "fees_tab.ui"
    settings_key = "fees"
    shows = frozenset({Records.FEES, Records.ROOMS, Records.ESTATE})
    page_kinds = PAGE_KINDS

    def show_account(self, room_id: int) -> None:
        """Show a room's account (asked from the households tab's detail panel)."""
        page = self.show_page(AccountPage)
        assert isinstance(page, AccountPage)
        page.show_room(room_id)
