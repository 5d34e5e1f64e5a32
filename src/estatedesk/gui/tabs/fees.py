"""The fee ledger tab (收费台账): its pages in a list on the left, the page chosen on the right.

收款 (take a payment), 账户 (a room's account), 收费项目 (fee items), 开账 (billing run),
收据 (receipts), 欠费 (arrears), 收缴率 (collection rate). A page reads the file when it is
shown after what it shows changed; the others only note that they must.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter, QStackedWidget, QWidget

from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.tabs.base import LayoutPart, Tab
from estatedesk.gui.tabs.fee_pages.account import AccountPage
from estatedesk.gui.tabs.fee_pages.arrears import ArrearsPage
from estatedesk.gui.tabs.fee_pages.base import FeePage
from estatedesk.gui.tabs.fee_pages.billing import BillingPage
from estatedesk.gui.tabs.fee_pages.collect import CollectPage
from estatedesk.gui.tabs.fee_pages.items import ItemsPage
from estatedesk.gui.tabs.fee_pages.rate import RatePage
from estatedesk.gui.tabs.fee_pages.receipts import ReceiptsPage
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


class FeesTab(Tab):
    """Everything on the fee ledger tab."""

    ui_file = "fees_tab.ui"
    settings_key = "fees"
    shows = frozenset({Records.FEES, Records.ROOMS, Records.ESTATE})

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.page_list = find(self.widget, QListWidget, "pageList")
        self.stack = find(self.widget, QStackedWidget, "pageStack")
        self.splitter = find(self.widget, QSplitter, "splitter")
        self.pages: list[FeePage] = [kind(self) for kind in PAGE_KINDS]
        self._pages_to_read: set[FeePage] = set()  # pages to read again when next shown
        self._has_read = False  # the tab has read the open file at least once
        for number, page in enumerate(self.pages, start=1):
            item = QListWidgetItem(icon(page.icon), page.translated_title())
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            self.page_list.addItem(item)
            self.stack.addWidget(page)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self.widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda index=number - 1: self.page_list.setCurrentRow(index))
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([150, 1100])
        self.page_list.currentRowChanged.connect(self._page_chosen)
        self.page_list.setCurrentRow(0)

    # ------------------------------------------------------------ pages

    def page(self, kind: type[FeePage]) -> FeePage:
        """The page of class ``kind``."""
        return next(page for page in self.pages if isinstance(page, kind))

    def current_page(self) -> FeePage:
        """The page on screen."""
        return self.pages[max(0, self.page_list.currentRow())]

    def show_page(self, kind: type[FeePage]) -> FeePage:
        """Put the page of class ``kind`` on screen (it reads what it missed) and return it."""
        page = self.page(kind)
        self.page_list.setCurrentRow(self.pages.index(page))
        return page

    def show_account(self, room_id: int) -> None:
        """Show a room's account (asked from the households tab's detail panel)."""
        page = self.show_page(AccountPage)
        assert isinstance(page, AccountPage)
        page.show_room(room_id)

    def _page_chosen(self, row: int) -> None:
        if row < 0:
            return
        page = self.pages[row]
        self.stack.setCurrentWidget(page)
        if page in self._pages_to_read and self._has_read:
            self._pages_to_read.discard(page)
            self._reading(page.read)
        page.focus_first()
        self.status_changed.emit()

    # ------------------------------------------------------------ what the window tells the tab

    def read(self, select_id: int | None) -> None:
        """Read the page on screen again; the others read when they are next shown."""
        self._has_read = True
        current = self.current_page()
        self._pages_to_read = set(self.pages) - {current}
        current.read()

    def forget_file(self) -> None:
        """A new file: every page forgets what it showed."""
        for page in self.pages:
            page.forget_file()

    def update_actions(self) -> None:
        """Every page enables only what the file allows (looking and printing when read-only)."""
        for page in getattr(self, "pages", ()):
            page.update_actions()

    def status_text(self) -> str:
        """The figures of the page on screen."""
        return self.current_page().status_text()

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The tab's splitter and every page's own parts, each under the page's key."""
        parts: dict[str, LayoutPart] = {"splitter": self.splitter}
        for page in self.pages:
            parts |= {f"{page.key}/{name}": part for name, part in page.layout_parts().items()}
        return parts
