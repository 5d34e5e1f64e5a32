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

from estatedesk.gui.i18n import translate
from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.presenters import votes as present
from estatedesk.gui.presenters.votes import Outcome
from estatedesk.gui.tabs.vote_pages.tally import TallyPage
from estatedesk.gui.tabs.votes import VotesTab
from estatedesk.services import households, votes
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.services.votes import BallotInput, VoteInput
from estatedesk.store.db import create_estate
from helpers.desk_window import open_on_tab

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
    window, tab = open_on_tab(qtbot, path, VotesTab)
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


def said(text: str, **params: object) -> str:
    """A text of the votes tab as the page shows it: in the interface language (Chinese)."""
    return translate("votes", text).format(**params)


def line(label: str, figures: str) -> str:
    """A threshold row as ``threshold_texts`` gives it: its label (translated), then its figures."""
    return f"{said(label)} {figures}"


def outcome(page: TallyPage) -> Outcome:
    """What the count says now (the large line under the figures)."""
    assert page.view is not None
    return page.view.outcome.outcome


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
    assert outcome(page) is Outcome.NO_BALLOTS and page.outcome_label.text() == "尚未录入选票"
    assert page.threshold_texts() == [
        line("Area taking part", "0.00 / 300.00 ㎡ = 0.00% ≥ 2/3 ✗"),
        line("Heads taking part", "0 / 3 = 0.00% ≥ 2/3 ✗"),
        line("Area for", "0.00 / 0.00 ㎡ = — > 1/2 ✗"),
        line("Heads for", "0 / 0 = — > 1/2 ✗"),
    ]
    assert page.print_button.isEnabled()


# ---------------------------------------------------------------- a motion, live


def test_exactly_two_thirds_taking_part_is_shown_met_with_green_bars(counting: Counting) -> None:
    vote_id = counting.open_vote(VoteInput("续聘物业服务企业", "ordinary"))
    page = counting.page()
    ballot(vote_id, counting.rooms[0], "同意")
    assert outcome(page) is Outcome.NO_QUORUM  # read again when told
    assert page.outcome_label.text() == "参与表决未达到规定比例"
    ballot(vote_id, counting.rooms[1], "同意")
    assert page.threshold_texts() == [
        line("Area taking part", "200.00 / 300.00 ㎡ = 66.67% ≥ 2/3 ✓"),
        line("Heads taking part", "2 / 3 = 66.67% ≥ 2/3 ✓"),
        line("Area for", "200.00 / 200.00 ㎡ = 100.00% > 1/2 ✓"),
        line("Heads for", "2 / 2 = 100.00% > 1/2 ✓"),
    ]
    bars = [row.bar for row in page.participation.rows]
    assert [bar.met for bar in bars] == [True, True]
    assert [bar.fill for bar in bars] == [pytest.approx(2 / 3)] * 2
    assert [bar.threshold for bar in bars] == [pytest.approx(2 / 3)] * 2
    assert outcome(page) is Outcome.PASSED and page.outcome_label.text() == "通过"
    assert "#3a9a4a" in page.outcome_label.styleSheet()
    assert page.rules_label.text().startswith("计票规则：一般事项")
    assert page.totals_label.text() == "名册总人数 3，总面积 300.00 ㎡"
    assert page.participation_label.text() == "参与表决：2 人，200.00 ㎡（已录入 2 张选票）"
    titles = ("Answer", "Heads", "% of heads taking part", "Area (㎡)", "% of area taking part")
    assert page.answers.rows() == [
        [said(title) for title in titles],
        ["同意", "2", "100.00%", "200.00", "100.00%"],
        ["反对", "0", "0.00%", "0.00", "0.00%"],
        ["弃权", "0", "0.00%", "0.00", "0.00%"],
        ["废票", "0", "0.00%", "0.00", "0.00%"],
        ["合计", "2", "100.00%", "200.00", "100.00%"],
    ]
    assert not page.table.isVisibleTo(page)
    assert page.status_text() == "选票 2 张；参与表决人数占 66.67%，面积占 66.67%；通过"


def test_exactly_half_for_is_not_passed(counting: Counting) -> None:
    vote_id = counting.open_vote(VoteInput("调整停车收费", "ordinary"))
    page = counting.page()
    ballot(vote_id, counting.rooms[0], "同意")
    ballot(vote_id, counting.rooms[1], "反对")
    assert page.results.texts() == [
        line("Area for", "100.00 / 200.00 ㎡ = 50.00% > 1/2 ✗"),
        line("Heads for", "1 / 2 = 50.00% > 1/2 ✗"),
    ]
    assert [row.bar.met for row in page.results.rows] == [False, False]
    assert outcome(page) is Outcome.FAILED and page.outcome_label.text() == "未通过"
    assert page.outcome_detail.text() == "同意票未达到通过比例。"


def test_the_refresh_button_counts_again(counting: Counting) -> None:
    vote_id = counting.open_vote(VoteInput("续聘物业服务企业", "ordinary"))
    page = counting.page()
    counting.tab.set_current(False)  # another tab on screen: the change is only noted
    ballot(vote_id, counting.rooms[0], "同意")
    assert outcome(page) is Outcome.NO_BALLOTS and page.outcome_label.text() == "尚未录入选票"
    page.refresh_button.click()
    assert outcome(page) is Outcome.NO_QUORUM
    assert page.threshold_texts()[1] == line("Heads taking part", "1 / 3 = 33.33% ≥ 2/3 ✗")


def test_the_scrutineers_warnings_are_shown_in_amber(counting: Counting) -> None:
    vote_id = counting.open_vote(VoteInput("续聘物业服务企业", "ordinary"))
    page = counting.page()
    assert page.warnings_label.isVisible()
    assert page.warnings_label.text() == "• 监票人尚未登记发出和收回的选票数。"
    ballot(vote_id, counting.rooms[0], "同意")
    votes.record_counts(vote_id, 3, 2)
    assert page.warnings_label.text() == "• 已录入 1 张选票，但票箱中收回 2 张。"
    assert "#8a5200" in page.warnings_label.styleSheet()
    ballot(vote_id, counting.rooms[1], "弃权")
    assert not page.warnings_label.isVisible()


def test_a_void_count_shows_only_the_void_line(counting: Counting) -> None:
    vote_id = counting.open_vote(VoteInput("续聘物业服务企业", "ordinary"))
    page = counting.page()
    for room in counting.rooms:
        ballot(vote_id, room, "同意")
    votes.record_counts(vote_id, 2, 3)
    assert outcome(page) is Outcome.VOID
    assert page.outcome_label.text() == "收回的选票多于发出的选票：本次计票无效"
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
    elected, tied = said("Elected"), said("Tied")
    assert rows == [
        ["1", "赵一", "7", "700.00", "87.50%", "87.50%", "✓", elected],
        ["1", "钱二", "7", "700.00", "87.50%", "87.50%", "✓", elected],
        ["1", "孙三", "7", "700.00", "87.50%", "87.50%", "✓", elected],
        ["1", "周四", "7", "700.00", "87.50%", "87.50%", "✓", elected],
        ["5", "王玥", "5", "500.00", "62.50%", "62.50%", "✓", tied],
        ["5", "李喆", "5", "500.00", "62.50%", "62.50%", "✓", tied],
    ]
    assert [(row.elected, row.tied) for row in model.shown_rows()] == [(True, False)] * 4 + [
        (False, True)
    ] * 2
    assert page.table.isVisibleTo(page) and not page.answers.holder.isVisibleTo(page)
    assert page.tie_label.text() == "王玥、李喆得票相同：需另行投票"
    assert page.open_seats_label.text() == "应选 5 名，尚有 1 个席位空缺"
    assert outcome(page) is Outcome.ELECTED and page.outcome_label.text() == "当选：赵一、钱二、孙三、周四"
    # 8 of 10 heads take part, and 800.00 of 1,000.00 ㎡: the two rooms without owner count in the totals.
    assert page.threshold_texts() == [
        line("Area taking part", "800.00 / 1,000.00 ㎡ = 80.00% ≥ 2/3 ✓"),
        line("Heads taking part", "8 / 10 = 80.00% ≥ 2/3 ✓"),
    ]
    assert "• 有 2 户房屋未登记业主，不能投票：1-1-109、1-1-110" in page.warnings_label.text()


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
    qtbot.waitUntil(lambda: page.threshold_texts()[1] == line("Heads taking part", "1 / 3 = 33.33% ≥ 2/3 ✗"))
