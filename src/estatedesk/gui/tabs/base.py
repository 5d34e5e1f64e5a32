"""What every tab has, and how the window holds tabs without paying for them before they are shown.

A tab is built (its module imported, its form loaded) the first time it is shown, and it reads
its data then: start-up does not grow with the number of tabs. After that it reads the whole file
again when an estate is opened or replaced, and reloads (keeping the clerk's selection) when a
service reports a change to records it shows; while it is not the current tab it only notes what
it missed, and catches up when it is shown.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QSplitter, QTabWidget, QVBoxLayout, QWidget

from estatedesk.domain.errors import EstateDeskError
from estatedesk.gui import settings as prefs
from estatedesk.gui.errors import report_error
from estatedesk.gui.i18n import translate
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import load_ui
from estatedesk.services.changes import Records

LayoutPart = QSplitter | QHeaderView


class Tab(QObject):
    """One tab of the main window: its form, its data, its layout and its status-bar figures.

    A tab sets ``ui_file`` (its Designer form), ``settings_key`` (the prefix of its layout in
    the user's settings) and ``shows`` (the kinds of records it displays), and implements
    ``read``; ``show_new_file``, ``forget_file``, ``status_text`` and ``layout_parts`` as it needs.
    """

    ui_file: ClassVar[str]
    settings_key: ClassVar[str]
    shows: ClassVar[frozenset[Records]] = frozenset()

    status_changed = Signal()  # the status-bar figures changed

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.widget = load_ui(self.ui_file, parent)
        self.estate_name = ""  # printed on the tab's documents
        self.read_only = False  # the file is open for looking, printing and exporting only
        self._has_file = False
        self._current = False
        self._new_file = False  # a file was opened since the tab last read
        self._stale = False  # records it shows changed since it last read
        self._reads = 0  # counts reloads, so that a read planned earlier knows it is not needed

    # ------------------------------------------------------------ what the window tells a tab

    def open_estate(self, name: str, read_only: bool = False) -> None:
        """An estate file was opened, or replaced (restore): forget the last one, read when shown.

        ``read_only``: the file cannot be written (damaged, write-protected stick); the tab
        offers looking, printing and exporting only (``update_actions``).
        """
        self.estate_name = name
        self.read_only = read_only
        self.update_actions()
        self._has_file = True
        self.forget_file()
        self._new_file = True
        self._catch_up()

    def records_changed(self, kinds: frozenset[Records]) -> None:
        """A service committed changes to records of ``kinds``: read again if this tab shows them."""
        if kinds & self.shows:
            self._stale = True
            self._catch_up()

    def set_current(self, current: bool) -> None:
        """The tab became (or stopped being) the one on screen; it reads what it has missed."""
        self._current = current
        self._catch_up()

    def _catch_up(self) -> None:
        """If this is the tab on screen, read what it missed: a new file whole, changes by a reload."""
        if not (self._current and self._has_file and (self._new_file or self._stale)):
            return
        if self._new_file:
            self._reading(self.show_new_file)
        else:
            self.reload()  # keeps the clerk's selection and filters
        self._new_file = self._stale = False
        self.status_changed.emit()

    # ------------------------------------------------------------ what a tab implements

    def reload(self, select_id: int | None = None) -> None:
        """Read everything the tab shows from the file again, keeping the selection (or ``select_id``).

        What cannot be read (a damaged file, open read-only) is said once, and the tab stays usable.
        """
        self._reads += 1
        self._reading(lambda: self.read(select_id))

    def _reading(self, read: Callable[[], None]) -> None:
        """Run a read; what cannot be read (a damaged file) is told, and the tab goes on working."""
        try:
            read()
        except EstateDeskError as error:
            report_error(self.widget, QCoreApplication.translate("tabs", "Reading the data file"), error)

    def reload_soon(self) -> None:
        """Reload on the event loop's next turn, unless the tab reads again before then.

        For ``show_new_file`` of a long list: its first screenful is painted at once, the rest
        a moment later without the clerk waiting for it.
        """
        planned = self._reads

        def reload_if_still_needed() -> None:
            if self._reads == planned:  # nothing reloaded, or opened, since
                self.reload()

        QTimer.singleShot(0, reload_if_still_needed)

    def read(self, select_id: int | None) -> None:
        """Read everything the tab shows, then select the record ``select_id`` (else keep the selection)."""
        raise NotImplementedError

    def show_new_file(self) -> None:
        """The first read after a file was opened (a tab may paint its first screen before the rest)."""
        self.reload()

    def forget_file(self) -> None:
        """Clear what belonged to the file shown until now (a search typed, a filter chosen)."""

    def update_actions(self) -> None:
        """Enable the buttons that fit the selection; when ``read_only``, only those that do not write."""

    def status_text(self) -> str:
        """The tab's figures for the status bar ('' for none)."""
        return ""

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The splitters and table headers whose sizes the tab keeps, by the name they are kept under."""
        return {}

    # ------------------------------------------------------------ layout

    def save_layout(self, store: QSettings) -> None:
        """Remember the sizes of the tab's splitters and columns under its own prefix."""
        for name, part in self.layout_parts().items():
            store.setValue(f"{self.settings_key}/{name}", part.saveState())

    def restore_layout(self, store: QSettings) -> None:
        """Put back the sizes remembered by ``save_layout``."""
        for name, part in self.layout_parts().items():
            state = store.value(f"{self.settings_key}/{name}")
            if state is not None:
                part.restoreState(state)


@dataclass(frozen=True)
class TabSpec:
    """A tab as the window lists it: title (translated in context "tabs"), icon, and where its class is.

    The class is named by its module and name so that its module, and whatever only that tab
    uses, is imported the first time the tab is shown.
    """

    title: str
    icon: str
    module: str
    class_name: str

    def translated_title(self) -> str:
        """The tab's title in the interface language."""
        return translate("tabs", self.title)


class TabSlot:
    """The window's page for one tab: empty until the tab is first shown, then the tab inside it."""

    def __init__(self, spec: TabSpec, parent: QWidget) -> None:
        self.spec = spec
        self.page = QWidget(parent)
        self.page.setObjectName(f"{spec.class_name}Page")
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tab: Tab | None = None
        self._estate_name: str | None = None
        self._read_only = False

    def build(self, settings: QSettings) -> Tab:
        """The tab, made now if it was not yet: its layout restored and the open estate given."""
        if self.tab is None:
            kind = getattr(importlib.import_module(self.spec.module), self.spec.class_name)
            tab: Tab = kind(self.page)
            layout = self.page.layout()
            assert layout is not None  # made in __init__
            layout.addWidget(tab.widget)
            tab.restore_layout(settings)
            self.tab = tab
            if self._estate_name is not None:
                tab.open_estate(self._estate_name, self._read_only)
        return self.tab

    def open_estate(self, name: str, read_only: bool = False) -> None:
        """Tell the tab (now, or when it is built) which estate is open, and whether it may be written."""
        self._estate_name = name
        self._read_only = read_only
        if self.tab is not None:
            self.tab.open_estate(name, read_only)

    def records_changed(self, kinds: frozenset[Records]) -> None:
        """Pass a change on to the tab, if it exists: one not built yet reads everything when it is."""
        if self.tab is not None:
            self.tab.records_changed(kinds)

    def save_layout(self, settings: QSettings) -> None:
        """Remember the tab's layout (a tab never built keeps what was remembered before)."""
        if self.tab is not None:
            self.tab.save_layout(settings)


T = TypeVar("T", bound=Tab)


class TabHost(QObject):
    """The window's tabs: each built when first shown, all told of the open estate and of changes."""

    status_changed = Signal()  # the current tab's figures changed, or another tab became current

    def __init__(self, widget: QTabWidget, specs: Sequence[TabSpec]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.slots = [TabSlot(spec, widget) for spec in specs]
        for slot in self.slots:
            widget.addTab(slot.page, icon(slot.spec.icon), slot.spec.translated_title())
        widget.currentChanged.connect(self._current_changed)

    def tab(self, kind: type[T]) -> T:
        """The tab of class ``kind``, built now if it was not yet."""
        for slot in self.slots:
            if slot.spec.class_name == kind.__name__:
                built = self._build(slot)
                assert isinstance(built, kind)
                return built
        raise LookupError(f"no tab {kind.__name__}")

    def open_estate(self, name: str, read_only: bool = False) -> None:
        """An estate was opened or replaced: the tab on screen reads it now, the others when shown."""
        current = self._current_slot()
        if current is not None:
            self._build(current)
        for slot in self.slots:
            slot.open_estate(name, read_only)

    def records_changed(self, kinds: frozenset[Records]) -> None:
        """A service committed changes: every tab showing those records reads them, now or when shown."""
        for slot in self.slots:
            slot.records_changed(kinds)

    def status_text(self) -> str:
        """The figures of the tab on screen, for the status bar."""
        current = self._current_slot()
        if current is None or current.tab is None:
            return ""
        try:
            return current.tab.status_text()
        except EstateDeskError:  # a damaged file: the tab has said what it could not read
            return ""

    def save_layout(self, settings: QSettings) -> None:
        """Remember the layout of every tab that was built."""
        for slot in self.slots:
            slot.save_layout(settings)

    def _build(self, slot: TabSlot) -> Tab:
        fresh = slot.tab is None
        built = slot.build(prefs.settings())
        if fresh:
            built.status_changed.connect(lambda: self._tab_status_changed(built))
            built.set_current(self.widget.currentWidget() is slot.page)
        return built

    def _current_slot(self) -> TabSlot | None:
        page = self.widget.currentWidget()
        return next((slot for slot in self.slots if slot.page is page), None)

    def _current_changed(self, _index: int) -> None:
        current = self._current_slot()
        for slot in self.slots:
            if slot is current:
                self._build(slot).set_current(True)
            elif slot.tab is not None:
                slot.tab.set_current(False)
        self.status_changed.emit()

    def _tab_status_changed(self, tab: Tab) -> None:
        current = self._current_slot()
        if current is not None and current.tab is tab:
            self.status_changed.emit()
