"""The roll page (gui/tabs/vote_pages/roll.py): the frozen roll, its filter, totals, documents."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pytestqt.qtbot import QtBot

from estatedesk.domain.voting import Choice, VoterKind, ballot_serial
from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters import vote_pages as present
from estatedesk.gui.tabs.vote_pages.roll import RollModel, RollPage
from estatedesk.services import households
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.services.votes import RollVoter
from helpers.vote_desk import Desk

WAIT = 20_000
NO_OWNER = "（未登记业主）"  # the name of a room with no recorded owner, as the roll shows it


def said(text: str, **params: object) -> str:
    """A text of the votes tab as the page shows it: in the interface language (Chinese)."""
    return translate("votes", text).format(**params)


def shown(page: RollPage, key: str) -> list[str]:
    column = page.model.column_index(key)
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def test_without_a_vote_the_roll_is_empty_and_says_why(desk: Desk) -> None:
    page = desk.page(RollPage)
    assert page.model.rowCount() == 0 and page.list_note.text()
    assert not page.print_roll_button.isEnabled() and not page.export_button.isEnabled()


def test_the_frozen_voters_with_their_rooms_area_and_serials(desk: Desk) -> None:
    vote_id = desk.motion()
    page = desk.page(RollPage)
    assert shown(page, "number") == [str(number) for number in range(1, 9)]
    assert shown(page, "name") == [
        "王玥",
        "李喆",
        "张堃",
        "赵一",
        "钱二",
        "孙三",
        "王玥",
        NO_OWNER,
    ]
    assert shown(page, "rooms")[2] == "1-1-103、3-1-101"  # one owner of two rooms is one voter
    assert shown(page, "area")[2] == "150.00"
    assert shown(page, "serial")[0] == ballot_serial(vote_id, 1)
    assert [page.model.row_at(row).can_vote for row in range(page.model.rowCount())] == [True] * 7 + [False]
    assert shown(page, "can_vote")[-2:] == ["是", "否（未登记业主）"]  # not 同意: that is a ballot's answer
    assert shown(page, "can_vote")[-2] != present.choice_text(Choice.YES)
    assert page.totals_label.text() == "总人数 8 · 总面积 790.00 ㎡ · 可投票 7 人"
    assert not page.warning_label.isHidden() and "2-1-102" in page.warning_label.text()
    assert page.status_text() == page.totals_label.text()
    assert page.print_roll_button.isEnabled() and page.print_ballots_button.isEnabled()


def test_the_roll_stays_as_it_was_when_the_households_file_changes(desk: Desk) -> None:
    desk.motion()
    page = desk.page(RollPage)
    room = next(room for room in households.list_rooms() if room.code == "2-1-102")
    households.update_room(room.id, RoomInput("2", "1", "102", "60", owners=[PersonInput("周八")]))
    page.read()
    assert shown(page, "name")[-1] == NO_OWNER and "2-1-102" in page.warning_label.text()
    assert not page.model.row_at(7).can_vote


def test_the_filter_finds_a_voter_by_name_room_or_serial(desk: Desk) -> None:
    vote_id = desk.motion()
    page = desk.page(RollPage)
    page.filter.setText("王玥")
    assert shown(page, "rooms") == ["1-1-101", "2-1-101"]
    page.filter.setText("3-1-101")
    assert shown(page, "name") == ["张堃"]
    page.filter.setText(ballot_serial(vote_id, 5))
    assert shown(page, "name") == ["钱二"]
    assert page.count_label.text() == present.roll_count_text(1, 8)
    page.filter.setText("周八")
    assert page.model.rowCount() == 0 and "周八" in page.list_note.text()
    page.filter.clear()
    assert page.model.rowCount() == 8 and page.list_note.isHidden()


def test_another_vote_chosen_shows_its_own_roll(desk: Desk) -> None:
    first = desk.motion()
    page = desk.page(RollPage)
    second = desk.election()
    assert shown(page, "serial")[0] == ballot_serial(second, 1)
    desk.tab.choose_vote(first)
    assert shown(page, "serial")[0] == ballot_serial(first, 1)


def test_twenty_thousand_voters_are_filtered_on_texts_made_once(qtbot: QtBot) -> None:
    model = RollModel()
    voters = tuple(
        RollVoter(
            number,
            f"P{number}",
            f"业主{number}",
            VoterKind.OWNER,
            (f"9-1-{number}",),
            8000,
            ballot_serial(3, number),
        )
        for number in range(1, 20_001)
    )
    model.set_roll(voters)
    assert len(model.search_texts) == 20_000
    model.set_query(ballot_serial(3, 12_345))
    assert [model.row_at(row).number for row in range(model.rowCount())] == [12_345]
    model.set_query("业主1999")
    assert model.rowCount() == 11  # 1999 and 19990…19999


def test_the_roll_exported_to_excel(desk: Desk, qtbot: QtBot, boxes: object) -> None:
    desk.motion()
    page = desk.page(RollPage)
    page.export_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=WAIT)
    (target,) = desk.saved
    assert target.suffix == ".xlsx" and target.name.startswith(f"{said('Roll')} 1 续聘物业服务企业")
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    names = [row[2] for row in sheet.iter_rows(values_only=True)]
    assert "张堃" in names and "（未登记业主）" in names
    written = boxes.texts("information")[-1]  # type: ignore[attr-defined]
    assert written.startswith(said("{count} voters were written to\n{path}", count=8, path=target))
    assert page.export_button.isEnabled()


def test_the_roll_ballots_and_delivery_sheet_printed_as_pdf(desk: Desk, qtbot: QtBot, boxes: object) -> None:
    desk.election()
    page = desk.page(RollPage)
    for button in (page.print_roll_button, page.print_ballots_button, page.print_delivery_button):
        button.click()
        assert not page.print_roll_button.isEnabled()  # one document at a time
        qtbot.waitUntil(lambda: page.task is None, timeout=WAIT)
    assert [path.suffix for path in desk.saved] == [".pdf"] * 3
    assert all(Path(path).read_bytes().startswith(b"%PDF") for path in desk.saved)
    texts = boxes.texts("information")  # type: ignore[attr-defined]
    roll, ballots, delivery = desk.saved
    assert texts[0].startswith(said("The roll of {count} voters was written to\n{path}", count=8, path=roll))
    # A ballot and a line to sign for each voter who can vote: none for 2-1-102, which has no owner.
    assert texts[1].startswith(said("{count} ballots were written to\n{path}", count=7, path=ballots))
    assert texts[2].startswith(
        said("The delivery sheet of {count} voters was written to\n{path}", count=7, path=delivery)
    )
