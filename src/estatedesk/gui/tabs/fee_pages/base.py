"""What every page of the fee ledger tab has: its title, icon, data, actions and layout."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import load_ui
from estatedesk.gui.tabs.base import LayoutPart

if TYPE_CHECKING:
    from estatedesk.gui.tabs.fees import FeesTab


class FeePage(QWidget):
    """One page of the fee ledger (收款, 账户, 收费项目…), shown in the tab's page stack.

    A page sets ``title`` (translated in context "fees"), ``icon`` and ``ui_file`` (its form, loaded
    as ``self.form``), finds its widgets in ``__init__`` and implements ``read``. The tab calls
    ``read`` when the page is shown after records it shows changed, or a file was opened; a page
    not on screen reads only when shown.
    """

    title: ClassVar[str]
    icon: ClassVar[str]
    key: ClassVar[str]  # its name in the user's layout settings and in tests
    ui_file: ClassVar[str]  # its Designer form in ui/

    def __init__(self, tab: FeesTab) -> None:
        super().__init__(tab.widget)
        self.tab = tab
        self.setObjectName(f"{self.key}Page")
        self.form = load_ui(self.ui_file, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)

    def translated_title(self) -> str:
        """The page's title in the interface language."""
        return translate("fees", self.title)

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
