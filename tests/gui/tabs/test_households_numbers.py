"""The full phone or ID number on request (households tab): shown with a copy button, each look audited."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.presenters import households as present
from estatedesk.gui.tabs.households import HouseholdsTab
from estatedesk.services import households
from estatedesk.services.households import NumberKind, PersonInput, RoomInput
from estatedesk.store.models import AuditEntry, Person
from helpers.households_sheet import ID_ZHANG


@pytest.fixture
def tab(window: MainWindow) -> HouseholdsTab:
    """The households tab showing room 9-1-101, whose owner has a phone and an ID number."""
    room_id = households.create_room(
        RoomInput("9", "1", "101", "80", owners=[PersonInput("欧阳娜娜", "13912345678", ID_ZHANG)])
    )
    households_tab = window.tab(HouseholdsTab)
    households_tab.reload()
    households_tab.select_room(room_id)
    return households_tab


def _owner_id() -> int:
    return int(Person.get(Person.name == "欧阳娜娜").id)


def test_the_panel_shows_numbers_masked_with_a_link_to_each(tab: HouseholdsTab) -> None:
    panel = tab.detail.toHtml()
    assert "13912345678" not in panel and ID_ZHANG not in panel
    assert "139****5678" in panel
    assert present.reveal_link(NumberKind.PHONE, _owner_id()) in panel
    assert present.reveal_link(NumberKind.ID_NUMBER, _owner_id()) in panel
    assert present.revealed_by(present.reveal_link(NumberKind.ID_NUMBER, 7)) == (NumberKind.ID_NUMBER, 7)
    assert present.revealed_by("estatedesk:reveal/nonsense/x") is None


def test_show_gives_the_whole_number_copies_it_and_records_the_look(
    tab: HouseholdsTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def click_copy(box: QMessageBox) -> int:
        shown.append(box.text())
        copy = next(button for button in box.buttons() if button.text() == tab.tr("Copy"))
        copy.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_copy)
    tab.show_number(NumberKind.PHONE, _owner_id())
    assert shown == ["13912345678"]
    assert QGuiApplication.clipboard().text() == "13912345678"
    looks = AuditEntry.select().where(AuditEntry.action == "reveal")
    assert [(look.entity_id, look.room_code) for look in looks] == [(_owner_id(), "9-1-101")]
    # and the room's history, still on screen, says who looked at which number
    titles = [tab.history.topLevelItem(i).text(2) for i in range(tab.history.topLevelItemCount())]
    assert any("欧阳娜娜" in title and "电话" in title for title in titles)


def test_closing_without_copying_leaves_the_clipboard_alone(
    tab: HouseholdsTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    QGuiApplication.clipboard().setText("before")
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)
    tab.show_number(NumberKind.ID_NUMBER, _owner_id())
    assert QGuiApplication.clipboard().text() == "before"
    assert AuditEntry.select().where(AuditEntry.action == "reveal").count() == 1
