"""The ballot entry page (gui/tabs/vote_pages/entry.py): serial, answer or marks, Enter, the next one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from estatedesk.domain.errors import MESSAGE_CONTEXT
from estatedesk.domain.voting import Choice
from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters import vote_pages as present
from estatedesk.gui.tabs.vote_pages.entry import EntryPage
from estatedesk.services import votes
from estatedesk.services.votes import BallotInput
from estatedesk.store import audit
from helpers.vote_desk import Desk, serial_of


def message(template: str, **params: object) -> str:
    return translate(MESSAGE_CONTEXT, template).format(**params)


def entry_page(desk: Desk, qtbot: QtBot) -> EntryPage:
    """The entry page on screen, its window active (so that the keyboard focus is real)."""
    page = desk.page(EntryPage)
    desk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window)
    page.focus_first()
    return page


def scan(page: EntryPage, serial: str) -> None:
    """What a keyboard-wedge scanner does: the serial typed into the field with focus, then Enter."""
    widget = QApplication.focusWidget()
    assert widget is page.serial
    QTest.keyClicks(page.serial, serial)
    QTest.keyClick(page.serial, Qt.Key.Key_Return)


def press(key: Qt.Key) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClick(widget, key)


def errors(page: EntryPage) -> dict[str, str]:
    return page.errors.shown()


def test_scan_answer_enter_records_the_ballot_and_the_cursor_is_back_in_the_serial(
    desk: Desk, qtbot: QtBot
) -> None:
    vote_id = desk.motion()
    page = entry_page(desk, qtbot)
    assert page.can_vote == 7  # 2-1-102 has no recorded owner
    assert page.count_label.text() == "可投票的表决权人 7 人，已录入选票 0 张"
    serial = serial_of(vote_id, "李喆")
    scan(page, serial)
    assert page.voter is not None and page.voter.name == "李喆"
    assert "李喆" in page.voter_label.text() and "1-1-102" in page.voter_label.text()
    assert page.voter_problem.isHidden()
    assert QApplication.focusWidget() is page.choice_buttons[Choice.YES]  # on to the answer
    press(Qt.Key.Key_2)
    assert page.chosen() is Choice.NO
    press(Qt.Key.Key_Return)
    (row,) = votes.list_ballots(vote_id)
    assert (row.serial, row.voter_name, row.choice) == (serial, "李喆", Choice.NO)
    assert page.confirm_label.text() == f"已录入 {serial} 李喆"
    assert page.serial.text() == "" and page.chosen() is None and page.voter is None
    assert QApplication.focusWidget() is page.serial
    assert page.count_label.text() == "可投票的表决权人 7 人，已录入选票 1 张"


def test_letters_answer_too_and_a_room_finds_the_voter(desk: Desk, qtbot: QtBot) -> None:
    vote_id = desk.motion()
    page = entry_page(desk, qtbot)
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.room
    QTest.keyClicks(page.room, "3-1-101")
    press(Qt.Key.Key_Return)
    assert page.voter is not None and page.voter.rooms == ("1-1-103", "3-1-101")
    press(Qt.Key.Key_A)
    assert page.chosen() is Choice.ABSTAIN
    QTest.keyClick(page.choice_buttons[Choice.ABSTAIN], Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert page.chosen() is Choice.NO  # a capital N too
    press(Qt.Key.Key_Y)
    assert page.chosen() is Choice.YES
    press(Qt.Key.Key_Enter)
    (row,) = votes.list_ballots(vote_id)
    assert row.voter_name == "张堃" and row.choice is Choice.YES


def test_a_second_ballot_of_the_same_voter_is_refused_next_to_the_serial(desk: Desk, qtbot: QtBot) -> None:
    vote_id = desk.motion()
    serial = serial_of(vote_id, "赵一")
    votes.enter_ballot(BallotInput(vote_id, serial=serial, choice="同意"))
    page = entry_page(desk, qtbot)
    scan(page, serial)
    assert not page.voter_problem.isHidden()  # said as soon as it is scanned, with what was entered
    (entered,) = votes.list_ballots(vote_id)
    assert page.voter.ballot is not None and page.voter.ballot.choice is Choice.YES  # type: ignore[union-attr]
    assert page.voter_problem.text() == (
        f"已由{entered.actor}于 {present.at_text(entered.at)} 录入：同意。如需重新录入，请先作废。"
    )
    assert present.BAD_COLOUR in page.voter_label.styleSheet()
    assert QApplication.focusWidget() is page.serial and page.serial.selectedText() == serial
    page.choose(Choice.NO)
    page.proxy_check.setChecked(True)
    page.proxy_name.setText("张三")
    press(Qt.Key.Key_Return)  # in the proxy's name: saves
    assert errors(page) == {
        "serial": message(
            "the ballot of {name} (serial {serial}) is already entered: void it first to enter another",
            name="赵一",
            serial=serial,
        )
    }
    assert len(votes.list_ballots(vote_id)) == 1
    # Nothing typed is lost.
    assert page.serial.text() == serial and page.chosen() is Choice.NO and page.proxy_name.text() == "张三"
    assert QApplication.focusWidget() is page.serial


def test_errors_by_their_fields_in_the_interface_language(desk: Desk, qtbot: QtBot) -> None:
    vote_id = desk.motion()
    page = entry_page(desk, qtbot)
    serial = serial_of(vote_id, "钱二")
    wrong = serial[:-1] + ("0" if serial[-1] != "0" else "1")
    scan(page, wrong)
    assert errors(page) == {
        "serial": message("serial '{value}' is mistyped: its last character does not match", value=wrong)
    }
    assert page.voter is None
    page.serial.setText(serial)
    page.save()  # no answer ticked
    assert errors(page) == {"choice": message("enter the ballot's answer")}
    page.choose(Choice.YES)
    page.proxy_check.setChecked(True)
    page.proxy_id.setText("110101199003071234")  # no name, a wrong check digit
    page.save()
    assert set(errors(page)) == {"proxy_name"}  # the page's own check comes first
    page.proxy_name.setText("张三")
    page.save()
    assert set(errors(page)) == {"proxy_id"}
    page.proxy_id.setText("110101199003071233")
    assert page.save() is not None
    (row,) = votes.list_ballots(vote_id)
    assert (row.proxy_name, row.proxy_id) == ("张三", "110101199003071233")


def test_a_room_with_no_recorded_owner_is_shown_red_and_cannot_be_entered(desk: Desk, qtbot: QtBot) -> None:
    vote_id = desk.motion()
    page = entry_page(desk, qtbot)
    page.room.setText("2-1-102")
    QTest.keyClick(page.room, Qt.Key.Key_Return)
    assert page.voter is not None and not page.voter.can_vote
    assert page.voter_problem.text() == "本次表决名册上该房屋未登记业主：不能投票。"
    assert present.BAD_COLOUR in page.voter_label.styleSheet()
    page.choose(Choice.YES)
    page.save()
    assert set(errors(page)) == {"room"} and votes.list_ballots(vote_id) == []


def test_an_over_marked_election_ballot_is_entered_void_and_its_voter_takes_part(
    desk: Desk, qtbot: QtBot
) -> None:
    vote_id = desk.election(seats=5)
    page = entry_page(desk, qtbot)
    assert [check.text() for check in page.candidate_checks] == [
        "1. 李喆",
        "2. 张堃",
        "3. 赵一",
        "4. 钱二",
        "5. 孙三",
        "6. 王玥（1-1-101）",
    ]
    serial = serial_of(vote_id, "孙三")
    scan(page, serial)
    assert QApplication.focusWidget() is page.marks
    QTest.keyClicks(page.marks, "135")
    assert [check.isChecked() for check in page.candidate_checks] == [True, False, True, False, True, False]
    assert page.marked_label.text() == "已选 3 / 应选 5"
    QTest.keyClicks(page.marks, "246")
    assert page.marked_label.text() == "已选 6 / 应选 5"
    assert present.BAD_COLOUR in page.marked_label.styleSheet() and not page.over_label.isHidden()
    press(Qt.Key.Key_Return)
    (row,) = votes.list_ballots(vote_id)
    assert row.void and len(row.marks) == 6
    assert page.confirm_label.text() == f"已录入 {serial} 孙三 — {present.over_marked_text(5)}"
    assert "此票为废票" in page.confirm_label.text()
    report = votes.count(vote_id)
    assert report.tally.void_ballots == 1 and report.tally.participation.heads == 1
    assert all(candidate.votes.heads == 0 for candidate in report.tally.election.candidates)  # type: ignore[union-attr]


def test_candidates_are_ticked_with_the_mouse_too_and_a_wrong_number_is_said(
    desk: Desk, qtbot: QtBot
) -> None:
    vote_id = desk.election(seats=5)
    page = entry_page(desk, qtbot)
    scan(page, serial_of(vote_id, "李喆"))
    page.candidate_checks[1].click()
    page.candidate_checks[5].click()
    assert page.marks.text() == "26" and page.marked_label.text() == "已选 2 / 应选 5"
    QTest.keyClicks(page.marks, "9")
    assert errors(page) == {
        "marks": message("there is no candidate {number} (1 to {count})", number=9, count=6)
    }
    press(Qt.Key.Key_Return)
    assert votes.list_ballots(vote_id) == []  # refused by the page
    assert page.marks.selectedText() == "269"  # the field refused, selected to be typed over
    QTest.keyClick(page.marks, Qt.Key.Key_End)
    QTest.keyClick(page.marks, Qt.Key.Key_Backspace)
    press(Qt.Key.Key_Return)
    (row,) = votes.list_ballots(vote_id)
    assert row.marks == ("张堃", "王玥（1-1-101）") and not row.void


def test_a_spoiled_election_ballot(desk: Desk, qtbot: QtBot) -> None:
    vote_id = desk.election()
    page = entry_page(desk, qtbot)
    scan(page, serial_of(vote_id, "赵一"))
    page.spoiled.setChecked(True)
    assert not page.marks.isEnabled()
    page.save()
    (row,) = votes.list_ballots(vote_id)
    assert row.choice is Choice.SPOILED and row.void


def test_double_entry_says_whether_the_second_entry_agrees(desk: Desk, qtbot: QtBot) -> None:
    vote_id = desk.motion(double_entry=True)
    for name, room, choice in (("王玥", "1-1-101", "同意"), ("李喆", "", "反对")):
        votes.enter_ballot(BallotInput(vote_id, serial=serial_of(vote_id, name, room), choice=choice))
    page = entry_page(desk, qtbot)
    assert not page.second.isHidden()
    assert page.count_label.text().endswith("；2 张尚未第二次录入")
    audit.set_actor("第二位录入员")
    page.second.setChecked(True)
    page.focus_first()
    scan(page, serial_of(vote_id, "王玥", "1-1-101"))
    assert page.voter_problem.isHidden()  # a second entry: the first reading is not shown
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Return)
    assert page.agreement_label.text() == "与第一次录入一致"
    assert present.GOOD_COLOUR in page.agreement_label.styleSheet()
    assert page.second.isChecked()  # the clerk goes on with second entries
    scan(page, serial_of(vote_id, "李喆"))
    press(Qt.Key.Key_3)
    press(Qt.Key.Key_Return)
    assert page.agreement_label.text() == "与第一次录入不一致：请核对纸质选票"
    assert present.BAD_COLOUR in page.agreement_label.styleSheet()
    assert [row.checked for row in votes.list_ballots(vote_id)] == [True, False]
    assert page.count_label.text().endswith("；0 张尚未第二次录入")


def test_a_second_entry_by_the_clerk_who_entered_the_first_is_refused(desk: Desk, qtbot: QtBot) -> None:
    vote_id = desk.motion(double_entry=True)
    serial = serial_of(vote_id, "李喆")
    votes.enter_ballot(BallotInput(vote_id, serial=serial, choice="同意"))
    page = entry_page(desk, qtbot)
    page.second.setChecked(True)
    page.serial.setText(serial)
    page.choose(Choice.YES)
    page.save()
    assert errors(page) == {
        "serial": message(
            "{actor} entered this ballot: its second entry is another clerk's", actor=audit.current_actor()
        )
    }
    assert [row.checked for row in votes.list_ballots(vote_id)] == [None]  # no second entry recorded


def test_a_closed_vote_takes_no_ballot(desk: Desk, qtbot: QtBot) -> None:
    vote_id = desk.motion()
    votes.close_vote(vote_id)
    page = entry_page(desk, qtbot)
    assert not page.closed_label.isHidden()
    assert page.closed_label.text() == present.entry_closed_text(votes.vote_view(vote_id))
    assert not page.serial.isEnabled() and not page.save_button.isEnabled()
    page.serial.setText(serial_of(vote_id, "李喆"))
    assert page.save() is None and votes.list_ballots(vote_id) == []


def test_escape_starts_over(desk: Desk, qtbot: QtBot) -> None:
    vote_id = desk.motion()
    page = entry_page(desk, qtbot)
    scan(page, serial_of(vote_id, "李喆"))
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Escape)
    assert page.serial.text() == "" and page.chosen() is None and page.voter is None
    assert QApplication.focusWidget() is page.serial
