"""The ballots page (gui/tabs/vote_pages/ballots.py): live ballots, voids, double entry, proxies, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from estatedesk.domain.errors import MESSAGE_CONTEXT
from estatedesk.domain.voting import Choice
from estatedesk.gui.dialogs.import_dialog import ImportDialog
from estatedesk.gui.dialogs.void_ballot_dialog import VoidBallotDialog
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import FOREGROUND
from estatedesk.gui.presenters import vote_pages as present
from estatedesk.gui.tabs.vote_pages.ballots import (
    BALLOTS_TAB,
    DISAGREEMENTS_TAB,
    PROXIES_TAB,
    VOIDED_TAB,
    BallotsPage,
)
from estatedesk.services import votes
from estatedesk.services.votes import BallotInput
from estatedesk.store import audit
from helpers.vote_desk import Desk, serial_of

PROXY_ID = "110101199003071233"
MASKED = "张三 110101********1233"  # the proxy as lists show one


def said(text: str, **params: object) -> str:
    """A text of the votes tab as the page shows it: in the interface language (Chinese)."""
    return translate("votes", text).format(**params)


def tab_title(title: str, count: int) -> str:
    """A list's tab as the page shows it: the title of ui/vote_ballots.ui, translated, and its count."""
    return present.tab_title(translate("BallotsPage", title), count)


def shown(model: object, key: str) -> list[str]:
    column = model.column_index(key)  # type: ignore[attr-defined]
    return [model.index(row, column).data() for row in range(model.rowCount())]  # type: ignore[attr-defined]


def enter(vote_id: int, name: str, choice: str = "", marks: tuple[str, ...] = (), proxy: str = "") -> str:
    serial = serial_of(vote_id, name, "1-1-101" if name == "王玥" else "")
    votes.enter_ballot(
        BallotInput(
            vote_id,
            serial=serial,
            choice=choice,
            marks=marks,
            proxy_name=proxy,
            proxy_id=PROXY_ID if proxy else "",
        )
    )
    return serial


def test_the_live_ballots_with_what_they_say_and_their_proxy_masked(desk: Desk) -> None:
    vote_id = desk.motion()
    first = enter(vote_id, "李喆", "同意", proxy="张三")
    second = enter(vote_id, "张堃", "废票")
    page = desk.page(BallotsPage)
    assert shown(page.model, "serial") == [second, first]  # newest first
    assert [row.choice for row in page.model.shown_rows()] == [Choice.SPOILED, Choice.YES]
    assert shown(page.model, "answer") == ["废票", "同意"]
    assert [row.void for row in page.model.shown_rows()] == [True, False]
    assert shown(page.model, "void") == [said("Void: spoiled"), ""]
    assert shown(page.model, "rooms") == ["1-1-103、3-1-101", "1-1-102"]
    assert shown(page.model, "area") == ["150.00", "100.00"]
    assert shown(page.model, "proxy") == ["", MASKED]
    assert shown(page.model, "checked") == [present.NONE, present.NONE]
    assert page.count_label.text() == present.ballots_status(2, 2, 1)
    assert page.tabs.tabText(BALLOTS_TAB) == tab_title("Ballots", 2)
    assert not page.tabs.isTabVisible(DISAGREEMENTS_TAB)  # this vote has no double entry
    page.filter.setText("3-1-101")
    assert shown(page.model, "voter") == ["张堃"]


def test_an_election_ballot_lists_its_candidates(desk: Desk) -> None:
    vote_id = desk.election(seats=5)
    enter(vote_id, "李喆", marks=("张堃", "王玥"))
    enter(vote_id, "赵一", marks=("李喆", "张堃", "赵一", "钱二", "孙三", "王玥"))
    page = desk.page(BallotsPage)
    # two owners are called 王玥: the candidate is named with her room
    assert shown(page.model, "answer") == [
        "李喆、张堃、赵一、钱二、孙三、王玥（1-1-101）",
        "张堃、王玥（1-1-101）",
    ]
    assert [row.void for row in page.model.shown_rows()] == [True, False]
    assert shown(page.model, "void") == [said("Void: {count} marked", count=6), ""]
    assert page.model.index(0, page.model.column_index("void")).data(FOREGROUND).color().name() == "#c0392b"


def test_a_void_needs_a_reason(desk: Desk, boxes: object) -> None:
    vote_id = desk.motion()
    serial = enter(vote_id, "李喆", "同意")
    page = desk.page(BallotsPage)
    assert page.select_serial(serial) and page.void_button.isEnabled()
    dialog = VoidBallotDialog(page, vote_id, page.selected_ballot())  # type: ignore[arg-type]
    dialog.reason.setText("   ")
    dialog.accept()
    error = find(dialog.dialog, QLabel, "reasonError")
    assert not error.isHidden()
    assert error.text() == translate(MESSAGE_CONTEXT, "say why the ballot is voided")
    assert not dialog.dialog.result() and boxes.texts() == []  # type: ignore[attr-defined]
    assert votes.voided_ballots(vote_id) == []


def test_a_voided_ballot_stays_listed_and_the_voter_can_vote_again(
    desk: Desk, boxes: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    vote_id = desk.motion()
    serial = enter(vote_id, "李喆", "同意")
    page = desk.page(BallotsPage)
    page.select_serial(serial)

    def give_reason(dialog: VoidBallotDialog) -> bool:
        dialog.reason.setText("票号录错")
        dialog.accept()
        return bool(dialog.dialog.result())

    monkeypatch.setattr(VoidBallotDialog, "exec", give_reason)
    page.void_button.click()
    (question,) = boxes.texts("question")  # type: ignore[attr-defined]
    assert serial in question and "李喆" in question
    assert page.model.rowCount() == 0
    assert page.tabs.tabText(VOIDED_TAB) == tab_title("Voided", 1)
    assert shown(page.voided_model, "reason") == ["票号录错"]
    assert shown(page.voided_model, "voter") == ["李喆"]
    assert shown(page.voided_model, "actor") == [audit.current_actor()]
    enter(vote_id, "李喆", "反对")  # the voter's ballot entered again
    page.read()
    assert [row.choice for row in page.model.shown_rows()] == [Choice.NO]
    assert shown(page.model, "answer") == ["反对"]


def test_a_void_answered_no_keeps_the_ballot(desk: Desk, boxes: object) -> None:
    vote_id = desk.motion()
    serial = enter(vote_id, "李喆", "同意")
    page = desk.page(BallotsPage)
    page.select_serial(serial)
    boxes.answer = QMessageBox.StandardButton.No  # type: ignore[attr-defined]
    dialog = VoidBallotDialog(page, vote_id, page.selected_ballot())  # type: ignore[arg-type]
    dialog.reason.setText("票号录错")
    dialog.accept()
    assert not dialog.dialog.result() and votes.voided_ballots(vote_id) == []


def test_double_entries_that_differ_are_listed_with_both_readings(desk: Desk) -> None:
    vote_id = desk.motion(double_entry=True)
    agreed = enter(vote_id, "李喆", "同意")
    differing = enter(vote_id, "张堃", "反对", proxy="张三")
    audit.set_actor("第二位录入员")
    votes.enter_ballot(BallotInput(vote_id, serial=agreed, choice="同意", second_entry=True))
    votes.enter_ballot(
        BallotInput(
            vote_id, serial=differing, choice="弃权", proxy_name="张三", proxy_id=PROXY_ID, second_entry=True
        )
    )
    page = desk.page(BallotsPage)
    assert [row.checked for row in page.model.shown_rows()] == [False, True]
    assert shown(page.model, "checked") == [said("Differs"), said("Agrees")]
    assert page.tabs.isTabVisible(DISAGREEMENTS_TAB)
    assert page.tabs.tabText(DISAGREEMENTS_TAB) == tab_title("Entered differently", 1)
    assert shown(page.disagreement_model, "serial") == [differing]
    (disagreement,) = page.disagreement_model.shown_rows()
    assert (disagreement[1].first.choice, disagreement[1].second.choice) == (Choice.NO, Choice.ABSTAIN)
    assert shown(page.disagreement_model, "first") == [f"反对（委托代理人 {MASKED}）"]
    assert shown(page.disagreement_model, "second") == [f"弃权（委托代理人 {MASKED}）"]
    assert shown(page.disagreement_model, "second_actor") == ["第二位录入员"]
    # choosing the disagreement chooses its ballot, ready to be voided and entered again
    page.filter.setText("no such ballot")
    assert not page.void_button.isEnabled()
    page.disagreement_table.selectRow(0)
    chosen = page.selected_ballot()
    assert chosen is not None and chosen.serial == differing and page.void_button.isEnabled()


def test_proxies_over_the_limit_are_listed_with_their_id_masked(desk: Desk) -> None:
    vote_id = desk.motion(proxy_limit=1)
    one = enter(vote_id, "李喆", "同意", proxy="张三")
    two = enter(vote_id, "张堃", "同意", proxy="张三")
    page = desk.page(BallotsPage)
    assert page.tabs.tabText(PROXIES_TAB) == tab_title("Proxies over the limit", 1)
    assert shown(page.proxy_model, "proxy") == [MASKED]
    assert shown(page.proxy_model, "ballots") == ["2"]
    assert shown(page.proxy_model, "serials") == ["、".join(sorted([one, two]))]
    assert page.proxies_note.text() == present.proxies_note(1)  # the vote's limit, 1 ballot


def test_keyed_ballots_imported_through_the_generic_import(
    desk: Desk, qtbot: QtBot, tmp_path: Path, boxes: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    vote_id = desk.motion()
    keyed = tmp_path / "选票.csv"
    keyed.write_text(
        "\r\n".join(["票号,房号,意见", f"{serial_of(vote_id, '李喆')},,同意", ",1-1-104,反对", ""]),
        encoding="utf-8-sig",
    )
    monkeypatch.setattr("estatedesk.gui.tabs.vote_pages.ballots.choose_open_file", lambda *_args: keyed)
    titles: list[str] = []

    def import_all(dialog: ImportDialog) -> bool:
        titles.append(dialog.dialog.windowTitle())
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
        return True

    monkeypatch.setattr(ImportDialog, "exec", import_all)
    page = desk.page(BallotsPage)
    page.import_button.click()
    assert titles == [said("Import keyed ballots")]
    assert sorted(shown(page.model, "voter")) == sorted(["李喆", "赵一"])
    assert boxes.texts("information")[-1] == said("{count} ballots were entered.", count=2)  # type: ignore[attr-defined]


def test_a_closed_vote_or_a_read_only_file_offers_no_void_and_no_import(desk: Desk) -> None:
    vote_id = desk.motion()
    serial = enter(vote_id, "李喆", "同意")
    page = desk.page(BallotsPage)
    page.select_serial(serial)
    assert page.void_button.isEnabled() and page.import_button.isEnabled()
    desk.tab.read_only = True
    page.update_actions()
    assert not page.void_button.isEnabled() and not page.import_button.isEnabled()
    desk.tab.read_only = False
    votes.close_vote(vote_id)
    page.read()
    page.select_serial(serial)
    assert not page.void_button.isEnabled() and not page.import_button.isEnabled()
