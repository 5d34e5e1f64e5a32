"""The vote pages' estate, open in the window with the votes tab on screen (fixture ``desk``).

Shared by tests/gui/tabs/vote_pages (their conftest imports the fixture).

=========  ======  =============================================================
room       area    owner
=========  ======  =============================================================
1-1-101    100.00  王玥 (13812345678)
1-1-102    100.00  李喆
1-1-103    100.00  张堃, who also holds 3-1-101 (50.00): one voter, 150.00 ㎡
1-1-104    100.00  赵一
1-1-105    100.00  钱二
1-1-106    100.00  孙三
2-1-101     80.00  another 王玥 (13900001111): two owners share the name
2-1-102     60.00  nobody: in the totals, cannot vote
=========  ======  =============================================================

Roll order: 王玥 (1), 李喆 (2), 张堃 (3), 赵一 (4), 钱二 (5), 孙三 (6), 王玥 (7), 2-1-102 (8).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.tabs.vote_pages.base import VotePage
from estatedesk.gui.tabs.votes import VotesTab
from estatedesk.services import votes
from estatedesk.services.households import PersonInput
from estatedesk.services.votes import VoteInput
from helpers.desk_window import open_on_tab, write_rooms

P = TypeVar("P", bound=VotePage)
ROOMS = (
    ("1", "1", "101", "100", [PersonInput("王玥", "13812345678")]),
    ("1", "1", "102", "100", [PersonInput("李喆")]),
    ("1", "1", "103", "100", [PersonInput("张堃", "13700000000")]),
    ("1", "1", "104", "100", [PersonInput("赵一")]),
    ("1", "1", "105", "100", [PersonInput("钱二")]),
    ("1", "1", "106", "100", [PersonInput("孙三")]),
    ("2", "1", "101", "80", [PersonInput("王玥", "13900001111")]),
    ("2", "1", "102", "60", []),
    ("3", "1", "101", "50", [PersonInput("张堃", "13700000000")]),
)
CANDIDATES = ("李喆", "张堃", "赵一", "钱二", "孙三", "王玥@1-1-101")


@dataclass
class Desk:
    """The window, its votes tab on screen, and the files the pages asked to save."""

    window: MainWindow
    tab: VotesTab
    saved: list[Path]

    def page(self, kind: type[P]) -> P:
        """A page of the votes tab on screen (it reads what it missed)."""
        page = self.tab.show_page(kind)
        assert isinstance(page, kind)
        return page

    def open_vote(self, typed: VoteInput) -> int:
        """Open a vote through the service and choose it in the bar, as the votes page does."""
        vote_id = votes.create_vote(typed).vote_id
        self.tab.choose_vote(vote_id)
        return vote_id

    def motion(self, double_entry: bool = False, proxy_limit: int | None = None) -> int:
        """An ordinary matter, chosen."""
        return self.open_vote(
            VoteInput("续聘物业服务企业", "ordinary", double_entry=double_entry, proxy_limit=proxy_limit)
        )

    def election(self, seats: int = 5) -> int:
        """An election of ``seats`` among the six candidates, chosen."""
        return self.open_vote(
            VoteInput("第二届业主委员会选举", "election", seats=seats, candidates=CANDIDATES)
        )


def serial_of(vote_id: int, name: str, room: str = "") -> str:
    """The ballot serial of the voter called ``name`` (holding ``room``, if given) on a vote's roll."""
    return next(
        voter.serial
        for voter in votes.roll(vote_id).voters
        if voter.name == name and (not room or room in voter.rooms)
    )


@pytest.fixture
def desk(
    app: QApplication, qtbot: QtBot, tmp_path: Path, boxes: object, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Desk]:
    """The estate above in a file, open in the window, the votes tab on screen; no vote yet."""
    path = tmp_path / "votes.sqlite3"
    write_rooms(path, ROOMS)
    saved: list[Path] = []
    suggested = tmp_path / "saved"
    suggested.mkdir()

    def choose_save_file(
        _parent: object, _purpose: str, _title: str, proposed: Path, file_filter: str
    ) -> tuple[Path, str]:
        target = suggested / proposed.name
        saved.append(target)
        return target, file_filter.split(";;")[0]

    monkeypatch.setattr("estatedesk.gui.worker.choose_save_file", choose_save_file)
    window, tab = open_on_tab(qtbot, path, VotesTab)
    yield Desk(window, tab, saved)
    window.close()
