"""Fixtures of the votes' tests: an estate whose owners exercise every counting rule of art. 23.

``王玥`` holds three rooms (one voter), ``李喆`` and ``张堃`` co-own one room (one voter), the
developer holds two unsold rooms (one voter), one room has no recorded owner (its own voter, who
cannot vote), and two different people are both called ``刘洋``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from estatedesk.domain.households import Flag
from estatedesk.services import households, votes
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.services.votes import BallotEntered, BallotInput, VoteInput
from estatedesk.store.db import EstateFile

WANG = PersonInput("王玥", "13800138000")
LI = PersonInput("李喆", "13912345678")
ZHANG = PersonInput("张堃", "13712345678")
LIU_A = PersonInput("刘洋", "13600000001")
LIU_B = PersonInput("刘洋", "13600000002")
DEVELOPER = PersonInput("幸福置业有限公司", "")

# code → (area, owners, developer)
ROOMS: dict[str, tuple[str, list[PersonInput], bool]] = {
    "1-1-101": ("89.50", [WANG], False),
    "1-1-102": ("60.00", [LI, ZHANG], False),
    "1-1-201": ("75.25", [WANG], False),
    "1-1-202": ("80.00", [LIU_A], False),
    "2-1-101": ("100.00", [WANG], False),
    "2-1-102": ("90.00", [LIU_B], False),
    "2-1-201": ("70.00", [], False),
    "9-1-101": ("120.00", [DEVELOPER], True),
    "9-1-102": ("130.00", [], True),
}
TOTAL_AREA = 8950 + 6000 + 7525 + 8000 + 10000 + 9000 + 7000 + 12000 + 13000
# 王玥, 李喆+张堃, 刘洋 A, 刘洋 B, the room without owner, the developer
TOTAL_HEADS = 6


@dataclass
class Counter:
    """The counting table of a test: votes by title, ballots by room, the services underneath."""

    estate: EstateFile

    def open(self, kind: str = "ordinary", **settings: object) -> int:
        return votes.create_vote(VoteInput(f"{kind} 测试表决", kind, **settings)).vote_id  # type: ignore[arg-type]

    def elect(self, candidates: list[str], seats: int = 5, **settings: object) -> int:
        typed = VoteInput("第二届业主委员会选举", "election", seats=seats, candidates=candidates, **settings)  # type: ignore[arg-type]
        return votes.create_vote(typed).vote_id

    def ballot(
        self, vote_id: int, room: str, choice: str = "", marks: tuple[str, ...] = (), **extra: object
    ) -> BallotEntered:
        return votes.enter_ballot(BallotInput(vote_id, room=room, choice=choice, marks=marks, **extra))  # type: ignore[arg-type]

    def serial(self, vote_id: int, room: str) -> str:
        return next(voter.serial for voter in votes.roll(vote_id).voters if room in voter.rooms)


@pytest.fixture
def counter(estate: EstateFile) -> Counter:
    """The estate of ROOMS, ready to vote."""
    for code, (area, owners, developer) in ROOMS.items():
        building, unit, number = code.split("-")
        households.create_room(
            RoomInput(
                building,
                unit,
                number,
                area,
                owners=owners,
                flags=frozenset({Flag.DEVELOPER}) if developer else frozenset(),
            )
        )
    return Counter(estate)
