"""A tab made of pages: their list on the left, the page chosen on the right (fees, votes).

A page reads the file when it is shown after what it shows changed; the others only note that
they must. Ctrl+1… put a page on screen.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from estatedesk.gui.i18n import translate
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find, load_ui
from estatedesk.gui.tabs.base import LayoutPart, Tab


class TabPage(QWidget):
    """One page of a paged tab, shown in the tab's page stack.

    A page sets ``title`` (translated in its tab's ``context``), ``icon`` and ``ui_file`` (its form,
    loaded as ``self.form``), finds its widgets in ``__init__`` and implements ``read``. The tab
    calls ``read`` when the page is shown after records it shows changed, or a file was opened; a
    page not on screen reads only when shown.
    """

    title: ClassVar[str]
    icon: ClassVar[str]
    key: ClassVar[str]  # its name in the user's layout settings and in tests
    ui_file: ClassVar[str]  # its Designer form in ui/
    context: ClassVar[str]  # the translation context of its title

    def __init__(self, tab: PagedTab) -> None:
        super().__init__(tab.widget)
        self.setObjectName(f"{self.key}Page")
        self.form = load_ui(self.ui_file, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)

    def translated_title(self) -> str:
        """The page's title in the interface language."""
        return translate(self.context, self.title)

    def read(self) -> None:
        """Read everything the page shows from the file again, keeping what the clerk chose."""
        raise NotImplementedError

    def forget_file(self) -> None:
        """Clear what belonged to the file shown until now (a room chosen, a search typed)."""

    def update_actions(self) -> None:
        """Enable the buttons that fit; when the tab is read-only, only those that do not write."""

    def status_text(self) -> str:
        """The page's figures for the status bar ('' for none)."""
        return ""

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The splitters and table headers whose sizes the page keeps, by name."""
        return {}

    def focus_first(self) -> None:
        """Put the keyboard focus where the clerk starts on this page."""


class PagedTab(Tab):
    """A tab of pages: its ``ui_file`` holds a ``pageList``, ``pageStack`` and ``splitter``."""

    page_kinds: ClassVar[tuple[type[TabPage], ...]]

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.page_list = find(self.widget, QListWidget, "pageList")
        self.stack = find(self.widget, QStackedWidget, "pageStack")
        self.splitter = find(self.widget, QSplitter, "splitter")
        self.pages: list[TabPage] = [kind(self) for kind in self.page_kinds]
        self._pages_to_read: set[TabPage] = set()  # pages to read again when next shown
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

    def page(self, kind: type[TabPage]) -> TabPage:
        """The page of class ``kind``."""
        return next(page for page in self.pages if isinstance(page, kind))

    def current_page(self) -> TabPage:
        """The page on screen."""
        return self.pages[max(0, self.page_list.currentRow())]

    def show_page(self, kind: type[TabPage]) -> TabPage:
        """Put the page of class ``kind`` on screen (it reads what it missed) and return it."""
        page = self.page(kind)
        self.page_list.setCurrentRow(self.pages.index(page))
        return page

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
