"""The repair log tab (报修台账): its pages in a list on the left, the page chosen on the right.

日清日审 (the daily review: every open order, the overdue first, a follow-up note one key away),
工单 (the orders, filtered, the one chosen in detail with its steps and the buttons for the next).
F2 on any page takes a new call (the intake form); the order made is then shown on 工单.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters import repairs as present
from estatedesk.gui.tabs.paged import PagedTab
from estatedesk.gui.tabs.repair_pages.base import RepairPage
from estatedesk.gui.tabs.repair_pages.board import BoardPage
from estatedesk.gui.tabs.repair_pages.facilities import FacilitiesPage
from estatedesk.gui.tabs.repair_pages.figures import FiguresPage
from estatedesk.gui.tabs.repair_pages.orders import OrdersPage
from estatedesk.services import repairs
from estatedesk.services.changes import Records

# The pages, in the order of the list (Ctrl+1, Ctrl+2…). The facility register and the monthly
# figures add theirs here.
PAGE_KINDS: tuple[type[RepairPage], ...] = (BoardPage, OrdersPage, FacilitiesPage, FiguresPage)
NEW_ORDER_KEY = "F2"


class RepairsTab(PagedTab):
    """Everything on the repair log tab; the pages share its clock and the categories' names."""

    ui_file = "repairs_tab.ui"
    settings_key = "repairs"
    shows = frozenset({Records.REPAIRS, Records.ROOMS, Records.ESTATE})
    page_kinds = PAGE_KINDS

    def __init__(self, parent: QWidget) -> None:
        self.clock: Callable[[], datetime] = datetime.now  # tests set a fixed moment
        self.category_names: dict[str, str] = {}  # category key → its name in the interface language
        super().__init__(parent)
        shortcut = QShortcut(QKeySequence(NEW_ORDER_KEY), self.widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_order)

    def now(self) -> datetime:
        """The office's wall clock, to the minute: what is overdue, and the time left, are against it."""
        return self.clock().replace(second=0, microsecond=0)

    def read(self, select_id: int | None) -> None:
        """Read the categories' names (the office may add its own), then the page on screen."""
        self.read_categories()
        super().read(select_id)

    def read_categories(self) -> None:
        """The names of the categories an order may have, built-in ones in the interface language."""
        self.category_names = {
            category.key: present.category_text(category.key, category.name)
            for category in repairs.categories()
        }

    def forget_file(self) -> None:
        """A new file: no category known until it is read."""
        self.category_names = {}
        super().forget_file()

    # ------------------------------------------------------------ what the pages ask of the tab

    def new_order(self) -> int | None:
        """Take a call in the intake form; the order made is said (with its deadline) and shown on 工单."""
        from estatedesk.gui.dialogs.repair_order_dialog import (  # loads with its first use
            IntakeResult,
            RepairOrderDialog,
        )

        if self.read_only or not self._has_read:
            return None
        if not self.category_names:
            self.read_categories()
        dialog = RepairOrderDialog(self.widget, self.now(), self.category_names)
        if not dialog.exec():
            return None
        made: IntakeResult = dialog.result
        title = translate("repairs", "New order")
        text = present.created_text(made.created)
        if made.photo_problems:
            QMessageBox.warning(self.widget, title, text + "\n\n" + "\n".join(made.photo_problems))
        else:
            QMessageBox.information(self.widget, title, text)
        self.show_order(made.created.order_id)
        return made.created.order_id

    def show_order(self, order_id: int) -> None:
        """Put the orders page on screen with ``order_id`` chosen and in detail."""
        page = self.show_page(OrdersPage)
        assert isinstance(page, OrdersPage)
        page.show_order(order_id)
