"""gui/tabs/base.py: what every tab has, the lazy slots, and how the main window uses them."""

from __future__ import annotations

import sys
import textwrap
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication, QLabel, QSplitter, QWidget
from pytestqt.qtbot import QtBot

from estatedesk.gui import main_window
from estatedesk.gui import settings as prefs
from estatedesk.gui.loader import find
from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.tabs.base import LayoutPart, Tab, TabSlot, TabSpec
from estatedesk.gui.tabs.households import HouseholdsTab
from estatedesk.services import changes, households
from estatedesk.services.changes import Records
from estatedesk.services.households import PersonInput, RoomInput


class ToyTab(Tab):
    """A tab that counts what the frame asks of it."""

    ui_file = "households_tab.ui"
    settings_key = "toy"
    shows = frozenset({Records.ROOMS})

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.reloads = 0
        self.new_files = 0
        self.forgotten = 0
        self.splitter = find(self.widget, QSplitter, "splitter")

    def read(self, select_id: int | None) -> None:
        self.reloads += 1

    def show_new_file(self) -> None:
        self.new_files += 1
        super().show_new_file()

    def forget_file(self) -> None:
        self.forgotten += 1

    def status_text(self) -> str:
        return f"toy {self.reloads}"

    def layout_parts(self) -> dict[str, LayoutPart]:
        return {"splitter": self.splitter}


# A tab in a module of its own, to see when the window imports it.
LAZY_SOURCE = textwrap.dedent(
    """
    from estatedesk.gui.tabs.base import Tab
    from estatedesk.services.changes import Records


    class LazyTab(Tab):
        ui_file = "households_tab.ui"
        settings_key = "lazy"
        shows = frozenset({Records.ROOMS})
        reloads = 0

        def read(self, select_id):
            self.reloads += 1

        def status_text(self):
            return f"lazy {self.reloads}"
    """
)


@pytest.fixture
def page(app: QApplication, qtbot: QtBot) -> QWidget:
    """A widget for tabs and slots to live in."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def toy(page: QWidget) -> ToyTab:
    return ToyTab(page)


@pytest.fixture
def lazy_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TabSpec]:
    """A TabSpec naming a tab module written for this test (not imported yet)."""
    name = f"lazy_tab_{uuid.uuid4().hex[:8]}"
    (tmp_path / f"{name}.py").write_text(LAZY_SOURCE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield TabSpec("Lazy", "fa5s.home", name, "LazyTab")
    sys.modules.pop(name, None)


def statuses(tab: Tab) -> list[int]:
    told: list[int] = []
    tab.status_changed.connect(lambda: told.append(1))
    return told


# ---------------------------------------------------------------- Tab


def test_a_tab_loads_its_form(toy: ToyTab) -> None:
    assert isinstance(toy.widget, QWidget)
    assert toy.splitter.count() == 3
    assert toy.reloads == 0 and toy.estate_name == ""


def test_a_new_file_is_read_only_when_the_tab_becomes_current(toy: ToyTab) -> None:
    told = statuses(toy)
    toy.open_estate("幸福里小区")
    assert toy.estate_name == "幸福里小区"
    assert toy.forgotten == 1
    assert toy.reloads == 0 and told == []
    toy.set_current(True)
    assert (toy.new_files, toy.reloads) == (1, 1)
    assert told == [1]
    toy.set_current(False)
    toy.set_current(True)  # nothing missed: nothing read again
    assert toy.reloads == 1 and told == [1]


def test_a_current_tab_reads_a_new_file_at_once(toy: ToyTab) -> None:
    toy.set_current(True)
    assert toy.reloads == 0  # no file yet: nothing to read
    told = statuses(toy)
    toy.open_estate("幸福里小区")
    assert (toy.new_files, toy.reloads, told) == (1, 1, [1])
    toy.open_estate("另一个小区")  # replaced (a restore): forget, read again
    assert (toy.forgotten, toy.new_files, toy.reloads) == (2, 2, 2)


def test_a_change_to_records_the_tab_does_not_show_does_nothing(toy: ToyTab) -> None:
    toy.open_estate("幸福里小区")
    toy.set_current(True)
    told = statuses(toy)
    toy.records_changed(frozenset({Records.ESTATE}))
    assert toy.reloads == 1 and told == []
    toy.set_current(False)
    toy.records_changed(frozenset({Records.ESTATE}))
    toy.set_current(True)
    assert toy.reloads == 1 and told == []


def test_a_current_tab_reloads_once_for_a_change_it_shows(toy: ToyTab) -> None:
    toy.open_estate("幸福里小区")
    toy.set_current(True)
    told = statuses(toy)
    toy.records_changed(frozenset({Records.ROOMS, Records.ESTATE}))
    assert toy.reloads == 2 and told == [1]
    assert toy.new_files == 1  # a change is not a new file


def test_a_tab_not_shown_reloads_only_when_it_becomes_current(toy: ToyTab) -> None:
    toy.open_estate("幸福里小区")
    toy.set_current(True)
    toy.set_current(False)
    told = statuses(toy)
    toy.records_changed(frozenset({Records.ROOMS}))
    toy.records_changed(frozenset({Records.ROOMS}))
    assert toy.reloads == 1 and told == []
    toy.set_current(True)
    assert toy.reloads == 2 and told == [1]  # once for both changes


def test_a_tab_that_missed_a_change_is_reloaded_not_read_as_a_new_file(toy: ToyTab) -> None:
    toy.open_estate("幸福里小区")
    toy.set_current(True)
    toy.set_current(False)
    toy.records_changed(frozenset({Records.ROOMS}))
    toy.set_current(True)
    assert toy.new_files == 1


def test_the_base_tab_has_no_figures_and_no_layout(page: QWidget) -> None:
    class Bare(Tab):
        ui_file = "households_tab.ui"
        settings_key = "bare"

    bare = Bare(page)
    assert bare.status_text() == ""
    assert bare.layout_parts() == {}
    assert bare.shows == frozenset()
    with pytest.raises(NotImplementedError):
        bare.reload()


def test_a_splitters_sizes_are_kept_under_the_tabs_prefix(page: QWidget, toy: ToyTab) -> None:
    store = prefs.settings()
    toy.splitter.setSizes([111, 333, 222])
    state = toy.splitter.saveState()
    toy.save_layout(store)
    store.sync()
    assert prefs.settings().value("toy/splitter") == state

    other = ToyTab(page)
    assert other.splitter.saveState() != state
    other.restore_layout(prefs.settings())
    assert other.splitter.saveState() == state


def test_restoring_without_a_remembered_layout_changes_nothing(toy: ToyTab) -> None:
    toy.splitter.setSizes([50, 60, 70])
    state = toy.splitter.saveState()
    toy.restore_layout(prefs.settings())
    assert toy.splitter.saveState() == state


# ---------------------------------------------------------------- TabSpec and TabSlot


def test_a_slot_imports_its_tabs_module_only_when_built(lazy_spec: TabSpec, page: QWidget) -> None:
    slot = TabSlot(lazy_spec, page)
    assert slot.tab is None
    assert slot.page.objectName() == "LazyTabPage"
    slot.open_estate("幸福里小区")
    slot.records_changed(frozenset({Records.ROOMS}))  # no tab yet: nothing to tell
    assert lazy_spec.module not in sys.modules

    tab = slot.build(prefs.settings())

    assert lazy_spec.module in sys.modules
    assert type(tab).__name__ == "LazyTab"
    assert slot.build(prefs.settings()) is tab  # built once
    layout = slot.page.layout()
    assert layout is not None and layout.indexOf(tab.widget) == 0
    assert tab.estate_name == "幸福里小区"  # given the estate opened before it was built
    tab.set_current(True)
    assert tab.reloads == 1  # type: ignore[attr-defined]


def test_a_slot_passes_changes_and_new_files_to_its_tab(lazy_spec: TabSpec, page: QWidget) -> None:
    slot = TabSlot(lazy_spec, page)
    tab = slot.build(prefs.settings())
    tab.set_current(True)
    slot.open_estate("幸福里小区")
    slot.records_changed(frozenset({Records.ROOMS}))
    assert tab.reloads == 2  # type: ignore[attr-defined]
    assert tab.estate_name == "幸福里小区"


def test_a_slot_whose_tab_was_never_built_keeps_the_remembered_layout(
    lazy_spec: TabSpec, page: QWidget
) -> None:
    store = prefs.settings()
    store.setValue("lazy/splitter", QByteArray(b"remembered"))
    TabSlot(lazy_spec, page).save_layout(store)
    assert store.value("lazy/splitter") == QByteArray(b"remembered")


def test_a_spec_translates_its_title_in_the_tabs_context(app: QApplication) -> None:
    spec = main_window.TABS[0]
    assert spec.title == "Households"
    assert spec.translated_title() == "房屋与住户档案"


# ---------------------------------------------------------------- the main window


def test_the_window_has_one_slot_per_tab_spec(window: MainWindow) -> None:
    assert [slot.spec for slot in window.tab_host.slots] == list(main_window.TABS)
    assert window.tabs.count() == len(main_window.TABS)
    pages = [slot.page for slot in window.tab_host.slots]
    assert [window.tabs.widget(i) for i in range(window.tabs.count())] == pages
    assert window.tab(HouseholdsTab) is window.tab_host.slots[0].tab
    with pytest.raises(LookupError):
        window.tab(ToyTab)


def test_a_service_write_reaches_the_shown_tab_and_the_status_bar_at_once(window: MainWindow) -> None:
    tab = window.tab(HouseholdsTab)
    total = tab.model.total
    status = window.count_label.text()
    households.create_room(RoomInput("99", "1", "101", "50", owners=[PersonInput("新业主", "13911112222")]))
    assert tab.model.total == total + 1
    assert window.count_label.text() != status
    assert window.count_label.text() == tab.status_text()


def test_a_second_window_stops_listening_when_closed(window: MainWindow, qtbot: QtBot) -> None:
    before = len(changes._listeners)
    second = MainWindow()
    qtbot.addWidget(second)
    heard: list[object] = []
    second.records_changed.connect(heard.append)
    assert len(changes._listeners) == before + 1
    households.create_room(RoomInput("99", "1", "101", "50"))
    assert len(heard) == 1
    second.close()
    assert len(changes._listeners) == before
    households.create_room(RoomInput("99", "1", "102", "50"))
    assert len(heard) == 1
    assert window.tab(HouseholdsTab).model.total == 62  # the first window still hears


def test_the_window_builds_a_tab_when_it_is_first_shown(
    app: QApplication, qtbot: QtBot, demo_file: Path, lazy_spec: TabSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window, "TABS", (*main_window.TABS, lazy_spec))
    lazy_at = len(main_window.TABS) - 1
    main = MainWindow()
    qtbot.addWidget(main)
    try:
        assert main.open_file(demo_file)
        assert main.tab_host.slots[lazy_at].tab is None
        assert lazy_spec.module not in sys.modules
        rooms = main.tab(HouseholdsTab)
        total = rooms.model.total

        main.tabs.setCurrentIndex(lazy_at)

        lazy = main.tab_host.slots[lazy_at].tab
        assert lazy is not None and lazy.reloads == 1  # type: ignore[attr-defined]
        assert main.count_label.text() == "lazy 1"
        households.create_room(RoomInput("99", "1", "101", "50"))
        assert lazy.reloads == 2  # type: ignore[attr-defined]
        assert main.count_label.text() == "lazy 2"
        assert rooms.model.total == total  # not shown: it waits

        main.tabs.setCurrentIndex(0)
        assert rooms.model.total == total + 1
        assert main.count_label.text() == rooms.status_text()
        assert isinstance(main.count_label, QLabel)
    finally:
        main.close()
