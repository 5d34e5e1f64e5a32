"""The count page of the votes tab (gui/tabs/vote_pages/tally.py): thresholds, outcome, warnings, notice.

A small estate of owners with 100 ㎡ each is open in the window, the votes tab on screen; votes are
opened and ballots entered through the services, as the other pages of the tab do, and the page
follows as the window tells the tab that votes changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.presenters import votes as present
from estatedesk.gui.tabs.vote_pages.tally import TallyPage
from estatedesk.gui.tabs.votes import VotesTab
from estatedesk.services import households, votes
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.services.votes import BallotInput, VoteInput
from estatedesk.store.db import create_estate

OWNERS = ("王玥", "李喆", "张堃")  # names outside GB2312
ROOMS = tuple(f"1-1-{101 + number}" for number in range(len(OWNERS)))
ELECTION_OWNERS = ("赵一", "钱二", "孙三", "周四", "王玥", "李喆", "张堃", "吴八")


@dataclass
class Counting:
    """The open window, its votes tab, and the rooms of the estate in roll order."""

    window: MainWindow
    tab: VotesTab
    rooms: tuple[str, ...]

    def page(self) -> TallyPage:
        """The count page on screen (it reads the vote chosen)."""
        page = self.tab.show_page(TallyPage)
        assert isinstance(page, TallyPage)
        return page

    def open_vote(self, typed: VoteInput) -> int:
        """Open a vote and choose it in the tab's bar, as the votes page does."""
        vote_id = votes.create_vote(typed).vote_id
        self.tab.choose_vote(vote_id)
        return vote_id


def build_estate(path: Path, owners: Sequence[str], without_owner: int = 0) -> tuple[str, ...]:
    """An estate of one 100 ㎡ room per owner (1-1-101…), then rooms with no owner; closed after."""
    estate = create_estate(path, "幸福里小区")
    codes = []
    try:
        for number in range(len(owners) + without_owner):
            owner = [PersonInput(owners[number], "13812345678")] if number < len(owners) else []
            households.create_room(RoomInput("1", "1", str(101 + number), "100", owners=owner))
            codes.append(f"1-1-{101 + number}")
    finally:
        estate.close()
    return tuple(codes)


def open_counting(app: QApplication, qtbot: QtBot, path: Path, rooms: tuple[str, ...]) -> Iterator[Counting]:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_file(path)
    tab = window.tab(VotesTab)
    window.tabs.setCurrentIndex(window.tabs.indexOf(tab.widget.parentWidget()))
    window.show()
    yield Counting(window, tab, rooms)
    window.close()


@pytest.fixture
def counting(app: QApplication, qtbot: QtBot, tmp_path: Path, boxes: object) -> Iterator[Counting]:
    """Three owners of 100 ㎡ each (王玥, 李喆, 张堃), the votes tab on screen, no vote yet."""
    path = tmp_path / "votes.sqlite3"
    yield from open_counting(app, qtbot, path, build_estate(path, OWNERS))


@pytest.fixture
def electing(app: QApplication, qtbot: QtBot, tmp_path: Path, boxes: object) -> Iterator[Counting]:
    """Eight owners of 100 ㎡ each and two rooms with no owner, the votes tab on screen."""
    path = tmp_path / "election.sqlite3"
    yield from open_counting(app, qtbot, path, build_estate(path, ELECTION_OWNERS, without_owner=2))


def ballot(vote_id: int, room: str, choice: str = "", marks: Sequence[str] = ()) -> None:
    votes.enter_ballot(BallotInput(vote_id, room=room, choice=choice, marks=tuple(marks)))


# ---------------------------------------------------------------- no vote, no ballots


def test_without_a_vote_the_page_says_where_to_open_one(counting: Counting) -> None:
    page = counting.page()
    assert page.no_vote_label.isVisible()
    assert page.no_vote_label.text() == present.no_vote_text()
    assert not page.scroll_area.isVisible()
    assert not page.print_button.isEnabled()
    assert page.status_text() == ""


def test_a_vote_without_ballots_shows_its_empty_count(counting: Counting) -> None:
    vote_id = counting.open_vote(VoteInput("续聘物业服务企业", "ordinary"))
    page = counting.page()
    assert not page.no_vote_label.isVisible() and page.scroll_area.isVisible()
    assert page.title_label.text() == f"#{vote_id} 续聘物业服务企业"
    assert page.outcome_label.text() == "No ballots entered yet"
    assert page.threshold_texts() == [
        "Area taking part 0.00 / 300.00 ㎡ = 0.00% ≥ 2/3 ✗",
        "Heads taking part 0 / 3 = 0.00% ≥ 2/3 ✗",
        "Area for 0.00 / 0.00 ㎡ = — > 1/2 ✗",
        "Heads for 0 / 0 = — > 1/2 ✗",
    ]
    assert page.print_button.isEnabled()


# ---------------------------------------------------------------- a motion, live


def test_exactly_two_thirds_taking_part_is_shown_met_with_green_bars(counting: Counting) -> None:
    vote_id = counting.open_vote(VoteInput("续聘物业服务企业", "ordinary"))
    page = counting.page()
    ballot(vote_id, counting.rooms[0], "同意")
    assert page.outcome_label.text() == "Participation threshold not reached"  # read again when told
    ballot(vote_id, counting.rooms[1], "同意")
    assert page.threshold_texts() == [
        "Area taking part 200.00 / 300.00 ㎡ = 66.67% ≥ 2/3 ✓",
        "Heads taking part 2 / 3 = 66.67% ≥ 2/3 ✓",
        "Area for 200.00 / 200.00 ㎡ = 100.00% > 1/2 ✓",
        "Heads for 2 / 2 = 100.00% > 1/2 ✓",
    ]
    bars = [row.bar for row in page.participation.rows]
    assert [bar.met for bar in bars] == [True, True]
    assert [bar.fill for bar in bars] == [pytest.approx(2 / 3)] * 2
    assert [bar.threshold for bar in bars] == [pytest.approx(2 / 3)] * 2
    assert page.outcome_label.text() == "Passed"
    assert "#3a9a4a" in page.outcome_label.styleSheet()
    assert page.rules_label.text().startswith("Rules: 一般事项")
    assert page.totals_label.text() == "On the roll: 3 voters, 300.00 ㎡"
    assert page.answers.rows() == [
        ["Answer", "Heads", "% of heads taking part", "Area (㎡)", "% of area taking part"],
        ["Yes", "2", "100.00%", "200.00", "100.00%"],
        ["No", "0", "0.00%", "0.00", "0.00%"],
        ["Abstain", "0", "0.00%", "0.00", "0.00%"],
        ["Spoiled", "0", "0.00%", "0.00", "0.00%"],
        ["Total", "2", "100.00%", "200.00", "100.00%"],
    ]
    assert not page.table.isVisibleTo(page)
    assert "66.67%" in page.status_text() and "Passed" in page.status_text()


def test_exactly_half_for_is_not_passed(counting: Counting) -> None:
    vote_id = counting.open_vote(VoteInput("调整停车收费", "ordinary"))
    page = counting.page()
    ballot(vote_id, counting.rooms[0], "同意")
    ballot(vote_id, counting.rooms[1], "反对")
    assert page.results.texts() == [
        "Area for 100.00 / 200.00 ㎡ = 50.00% > 1/2 ✗",
        "Heads for 1 / 2 = 50.00% > 1/2 ✗",
    ]
    assert [row.bar.met for row in page.results.rows] == [False, False]
    assert page.outcome_label.text() == "Not passed"
    assert page.outcome_detail.text() == "The votes for did not reach the threshold."


def test_the_refresh_button_counts_again(counting: Counting) -> None:
    vote_id = counting.open_vote(VoteInput("续聘物业服务企业", "ordinary"))
    page = counting.page()
    counting.tab.set_current(False)  # another tab on screen: the change is only noted
    ballot(vote_id, counting.rooms[0], "同意")
    assert page.outcome_label.text() == "No ballots entered yet"
    page.refresh_button.click()
    assert page.threshold_texts()[1] == "Heads taking part 1 / 3 = 33.33% ≥ 2/3 ✗"


def test_the_scrutineers_warnings_are_shown_in_amber(counting: Counting) -> None:
    vote_id = counting.open_vote(VoteInput("续聘物业服务企业", "ordinary"))
    page = counting.page()
    assert page.warnings_label.isVisible()
    assert (
        page.warnings_label.text() == "• The scrutineers have not recorded the ballots issued and found yet."
    )
    ballot(vote_id, counting.rooms[0], "同意")
    votes.record_counts(vote_id, 3, 2)
    assert page.warnings_label.text() == "• 1 ballots are entered, but 2 were found in the box."
    assert "#8a5200" in page.warnings_label.styleSheet()
    ballot(vote_id, counting.rooms[1], "弃权")
    assert not page.warnings_label.isVisible()


def test_a_void_count_shows_only_the_void_line(counting: Counting) -> None:
    vote_id = counting.open_vote(VoteInput("续聘物业服务企业", "ordinary"))
    page = counting.page()
    for room in counting.rooms:
        ballot(vote_id, room, "同意")
    votes.record_counts(vote_id, 2, 3)
    assert page.outcome_label.text() == "More ballots were found than were issued: this count is void"
    assert page.threshold_texts() == []
    assert not page.result_box.isVisible()
    assert not page.participation.holder.isVisible()


# ---------------------------------------------------------------- an election


def test_an_election_shows_its_ranked_candidates_a_tie_and_the_open_seats(electing: Counting) -> None:
    candidates = ELECTION_OWNERS[:6]  # 赵一 … 李喆; seats 5
    vote_id = electing.open_vote(
        VoteInput("第二届业主委员会选举", "election", seats=5, candidates=candidates)
    )
    page = electing.page()
    marks = {  # 8 voters: 赵一 … 周四 elected, 王玥 and 李喆 tied with 5 each, one seat left
        0: ("赵一", "钱二", "孙三", "周四", "王玥"),
        1: ("赵一", "钱二", "孙三", "周四", "王玥"),
        2: ("赵一", "钱二", "孙三", "周四", "王玥"),
        3: ("赵一", "钱二", "孙三", "王玥", "李喆"),
        4: ("赵一", "钱二", "周四", "王玥", "李喆"),
        5: ("赵一", "孙三", "周四", "李喆"),
        6: ("钱二", "孙三", "周四", "李喆"),
        7: ("赵一", "钱二", "孙三", "周四", "李喆"),
    }
    for voter, marked in marks.items():
        ballot(vote_id, electing.rooms[voter], marks=marked)
    model = page.model
    rows = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert rows == [
        ["1", "赵一", "7", "700.00", "87.50%", "87.50%", "✓", "Elected"],
        ["1", "钱二", "7", "700.00", "87.50%", "87.50%", "✓", "Elected"],
        ["1", "孙三", "7", "700.00", "87.50%", "87.50%", "✓", "Elected"],
        ["1", "周四", "7", "700.00", "87.50%", "87.50%", "✓", "Elected"],
        ["5", "王玥", "5", "500.00", "62.50%", "62.50%", "✓", "Tied"],
        ["5", "李喆", "5", "500.00", "62.50%", "62.50%", "✓", "Tied"],
    ]
    assert page.table.isVisibleTo(page) and not page.answers.holder.isVisibleTo(page)
    assert page.tie_label.text() == "王玥、李喆 have the same votes: a further vote is needed"
    assert page.open_seats_label.text() == "1 of 5 seats are still open"
    assert page.outcome_label.text() == "Elected: 赵一、钱二、孙三、周四"
    # 8 of 10 heads take part, and 800.00 of 1,000.00 ㎡: the two rooms without owner count in the totals.
    assert page.threshold_texts() == [
        "Area taking part 800.00 / 1,000.00 ㎡ = 80.00% ≥ 2/3 ✓",
        "Heads taking part 8 / 10 = 80.00% ≥ 2/3 ✓",
    ]
    assert "• 2 rooms have no recorded owner and cannot vote: 1-1-109、1-1-110" in page.warnings_label.text()


# ---------------------------------------------------------------- the notice


def test_printing_the_notice_writes_a_pdf_where_the_clerk_said(
    counting: Counting, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: object
) -> None:
    vote_id = counting.open_vote(VoteInput("续聘物业服务企业", "ordinary"))
    page = counting.page()
    ballot(vote_id, counting.rooms[0], "同意")
    ballot(vote_id, counting.rooms[1], "同意")
    asked: list[Path] = []
    target = tmp_path / "公告" / "续聘结果"  # no suffix typed: .pdf is added
    target.parent.mkdir()

    def choose(
        _parent: object, _purpose: str, _title: str, suggested: Path, _filter: str
    ) -> tuple[Path, str]:
        asked.append(suggested)
        return target, "PDF document (*.pdf)"

    monkeypatch.setattr("estatedesk.gui.worker.choose_save_file", choose)
    page.print_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert asked[0].name == f"表决结果公告 #{vote_id} 续聘物业服务企业.pdf"
    written = target.with_name("续聘结果.pdf")
    assert page.last_notice == written
    assert written.read_bytes().startswith(b"%PDF")
    assert any(str(written) in text for text in boxes.texts())  # type: ignore[attr-defined]


def test_f5_counts_again(counting: Counting, qtbot: QtBot) -> None:
    vote_id = counting.open_vote(VoteInput("续聘物业服务企业", "ordinary"))
    page = counting.page()
    counting.tab.set_current(False)  # another tab on screen: the change is only noted
    ballot(vote_id, counting.rooms[0], "同意")
    with qtbot.waitActive(counting.window):
        counting.window.activateWindow()
    qtbot.keyClick(counting.window, Qt.Key.Key_F5)  # the button is pressed for a moment, then clicked
    qtbot.waitUntil(lambda: page.threshold_texts()[1] == "Heads taking part 1 / 3 = 33.33% ≥ 2/3 ✗")
