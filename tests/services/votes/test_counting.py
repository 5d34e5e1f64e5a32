"""Counting through the services: the roll's totals, live ballots only, the scrutineers' counts."""

from __future__ import annotations

import pytest
from tests.services.votes.conftest import TOTAL_AREA, TOTAL_HEADS, Counter

from estatedesk.domain.errors import InputRejected
from estatedesk.domain.voting import Weight
from estatedesk.services import votes

WANG_AREA = 8950 + 7525 + 10000
COUPLE_AREA = 6000
DEVELOPER_AREA = 25000


def test_a_motion_counts_each_voter_with_all_their_rooms(counter: Counter) -> None:
    vote_id = counter.open("ordinary")
    counter.ballot(vote_id, "2-1-101", "yes")  # 王玥: three rooms
    counter.ballot(vote_id, "9-1-102", "yes")  # the developer: both rooms
    counter.ballot(vote_id, "1-1-102", "yes")
    counter.ballot(vote_id, "1-1-202", "abstain")
    tally = votes.count(vote_id).tally
    assert tally.totals == Weight(TOTAL_HEADS, TOTAL_AREA)
    assert tally.participation == Weight(4, WANG_AREA + DEVELOPER_AREA + COUPLE_AREA + 8000)
    assert tally.participation_met  # 4 of 6 heads, 65,475 of 86,475 of the area: both at least 2/3
    motion = tally.motion
    assert motion is not None and motion.yes == Weight(3, WANG_AREA + DEVELOPER_AREA + COUPLE_AREA)
    assert motion.passed


def test_half_the_heads_is_not_a_majority_through_the_services(counter: Counter) -> None:
    vote_id = counter.open("ordinary")
    for room, choice in (("2-1-101", "yes"), ("9-1-102", "yes"), ("1-1-102", "no"), ("1-1-202", "abstain")):
        counter.ballot(vote_id, room, choice)
    motion = votes.count(vote_id).tally.motion
    assert motion is not None and motion.yes.heads * 2 == 4 and not motion.passed


def test_a_voided_ballot_no_longer_counts(counter: Counter) -> None:
    vote_id = counter.open("petition")
    counter.ballot(vote_id, "1-1-101", "yes")
    counter.ballot(vote_id, "9-1-101", "yes")
    motion = votes.count(vote_id).tally.motion
    assert motion is not None and motion.passed  # 2 of 6 heads: over 1/5
    votes.void_ballot(vote_id, "", "1-1-101", "非本人签名")
    tally = votes.count(vote_id).tally
    assert tally.participation == Weight(1, DEVELOPER_AREA)
    assert tally.motion is not None and not tally.motion.passed  # 1 of 6 heads is under 1/5


def test_more_ballots_in_the_box_than_issued_voids_the_count(counter: Counter) -> None:
    vote_id = counter.open()
    for room in ("1-1-101", "1-1-102", "1-1-202", "2-1-102"):
        counter.ballot(vote_id, room, "yes")
    votes.record_counts(vote_id, 4, 5)
    report = votes.count(vote_id)
    assert report.tally.count_void and report.tally.motion is None
    assert any("the count is void" in warning for warning in report.warnings)
    with pytest.raises(InputRejected, match="say why they are corrected"):
        votes.record_counts(vote_id, 5, 5)
    votes.record_counts(vote_id, 5, 5, "第5张票夹在签收表中，重新清点")
    report = votes.count(vote_id)
    assert not report.tally.count_void and report.tally.motion is not None
    assert [(c.issued, c.found) for c in report.counts] == [(4, 5), (5, 5)]
    assert any("corrected" in warning and "重新清点" in warning for warning in report.warnings)
    assert any("4 ballots are entered but 5 were found" in warning for warning in report.warnings)


def test_an_election_through_the_services(counter: Counter) -> None:
    vote_id = counter.elect(["王玥", "李喆", "张堃", "刘洋@1-1-202", "刘洋@2-1-102"], seats=5)
    names = [candidate.name for candidate in votes.vote_view(vote_id).candidates]
    assert names == ["王玥", "李喆", "张堃", "刘洋（1-1-202）", "刘洋（2-1-102）"]
    with pytest.raises(InputRejected, match="two candidates are named 刘洋"):
        counter.ballot(vote_id, "1-1-101", marks=("王玥", "刘洋"))
    counter.ballot(vote_id, "1-1-101", marks=("王玥", "刘洋@2-1-102"))
    counter.ballot(vote_id, "1-1-102", marks=("王玥", "刘洋（2-1-102）", "张堃"))
    counter.ballot(vote_id, "1-1-202", marks=("王玥", "刘洋@1-1-202"))
    counter.ballot(
        vote_id, "9-1-101", marks=("王玥", "李喆", "张堃", "刘洋@1-1-202", "刘洋@2-1-102", "x")[:5]
    )
    counter.ballot(vote_id, "2-1-102", marks=tuple(names))  # five marks for five seats: valid
    election = votes.count(vote_id).tally.election
    assert election is not None
    votes_of = {c.name: c.votes.heads for c in election.candidates}
    assert votes_of == {"王玥": 5, "刘洋（2-1-102）": 4, "张堃": 3, "刘洋（1-1-202）": 3, "李喆": 2}
    # 5 of 6 took part (the room without owner cannot): 王玥 and the second 刘洋 have a majority of
    # the heads; the area decides the rest
    assert [c.name for c in election.candidates if c.elected][:2] == ["王玥", "刘洋（2-1-102）"]


def test_warnings_name_rooms_without_owner_and_missing_counts(counter: Counter) -> None:
    report = votes.count(counter.open())
    assert report.rooms_without_owner == ("2-1-201",)
    assert any("2-1-201" in warning for warning in report.warnings)
    assert any("have not recorded" in warning for warning in report.warnings)
