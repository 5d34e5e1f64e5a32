"""Opening a vote: the roll frozen by art. 23, candidates among its owners, the settings checked."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.services.votes.conftest import LIU_A, TOTAL_AREA, TOTAL_HEADS, WANG, Counter

from estatedesk.domain.errors import InputRejected, NotFound
from estatedesk.domain.voting import Combine, Participation, VoteKind, VoterKind
from estatedesk.services import households, votes
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.services.votes import BallotInput, VoteInput
from estatedesk.store.sql import execute


def fields_of(error: InputRejected) -> set[str]:
    return {problem.field for problem in error.errors}


def test_the_roll_counts_each_owner_set_once_and_the_developer_once(counter: Counter) -> None:
    created = votes.create_vote(VoteInput("关于更换电梯的决定", "major"))
    assert (created.heads, created.area_centi) == (TOTAL_HEADS, TOTAL_AREA)
    assert created.rooms_without_owner == ("2-1-201",)
    roll = votes.roll(created.vote_id)
    by_rooms = {voter.rooms: voter for voter in roll.voters}
    assert by_rooms[("1-1-101", "1-1-201", "2-1-101")].name == "王玥"
    assert by_rooms[("1-1-101", "1-1-201", "2-1-101")].area_centi == 8950 + 7525 + 10000
    assert by_rooms[("1-1-102",)].name == "李喆、张堃"
    developer = by_rooms[("9-1-101", "9-1-102")]
    assert developer.kind is VoterKind.DEVELOPER and developer.area_centi == 25000
    assert [voter.rooms for voter in roll.without_owner] == [("2-1-201",)]
    assert len({voter.serial for voter in roll.voters}) == TOTAL_HEADS


def test_archived_rooms_are_not_on_the_roll(counter: Counter) -> None:
    room_id = execute("SELECT id FROM room WHERE code = '2-1-102'").fetchone()[0]
    households.update_room(room_id, replace(households.room_detail(room_id).as_input(), note="已售"))
    assert households.remove_room(room_id) == "archived"  # it has history: kept, archived
    created = votes.create_vote(VoteInput("归档后", "ordinary"))
    assert (created.heads, created.area_centi) == (TOTAL_HEADS - 1, TOTAL_AREA - 9000)


def test_edits_of_households_after_opening_change_neither_the_roll_nor_the_count(counter: Counter) -> None:
    vote_id = counter.open("ordinary")
    counter.ballot(vote_id, "1-1-102", "yes")
    before_roll, before_count = votes.roll(vote_id), votes.count(vote_id).tally
    # 李喆 and 张堃 sell 1-1-102 to 王玥; a new owner is recorded for the room that had none
    for code, owners in (
        ("1-1-102", [PersonInput("王玥", "13800138000")]),
        ("2-1-201", [PersonInput("赵六")]),
    ):
        room_id = execute("SELECT id FROM room WHERE code = ?", (code,)).fetchone()[0]
        households.update_room(room_id, replace(households.room_detail(room_id).as_input(), owners=owners))
    assert votes.roll(vote_id) == before_roll
    assert votes.count(vote_id).tally == before_count
    # a vote opened now sees the new owners: 王玥 holds four rooms, the room has an owner
    later = votes.create_vote(VoteInput("之后的表决", "ordinary"))
    assert later.heads == TOTAL_HEADS - 1 and later.rooms_without_owner == ()


def test_candidates_must_be_owners_on_the_roll_and_a_shared_name_needs_its_room(counter: Counter) -> None:
    with pytest.raises(InputRejected) as refused:
        counter.elect(["王玥", "孙悟空", "刘洋", "王玥"])
    messages = {problem.field: problem.message for problem in refused.value.errors}
    assert "not an owner on the roll" in messages["candidates.1"]
    assert "刘洋@" in messages["candidates.2"] and "2 owners" in messages["candidates.2"]
    assert "named twice" in messages["candidates.3"]
    assert execute("SELECT COUNT(*) FROM vote").fetchone()[0] == 0  # nothing half-written
    vote_id = counter.elect(["王玥", "刘洋@2-1-102", "张堃"])
    candidates = votes.vote_view(vote_id).candidates
    # the other 刘洋 does not stand, yet the ballot must tell them apart
    assert [c.name for c in candidates] == ["王玥", "刘洋（2-1-102）", "张堃"]
    roll = {voter.number: voter for voter in votes.roll(vote_id).voters}
    assert roll[candidates[1].voter_number].rooms == ("2-1-102",)


def test_settings_are_checked_and_kept(counter: Counter) -> None:
    with pytest.raises(InputRejected) as refused:
        votes.create_vote(
            VoteInput(
                " ", "election", seats=6, candidates=["王玥"], participation="most", objection_share="2"
            )
        )
    assert {"title", "seats", "participation", "objection_share"} <= fields_of(refused.value)
    with pytest.raises(InputRejected) as refused:
        votes.create_vote(VoteInput("x", "ordinary", candidates=["王玥"]))
    assert fields_of(refused.value) == {"candidates"}
    with pytest.raises(InputRejected) as refused:
        votes.create_vote(VoteInput("x", "referendum"))
    assert fields_of(refused.value) == {"kind"}
    vote_id = votes.create_vote(
        VoteInput(
            "动用维修资金",
            "objection",
            participation="half",
            objection_share="25%",
            objection_combine="and",
            double_entry=True,
            proxy_limit=2,
        )
    ).vote_id
    view = votes.vote_view(vote_id)
    assert view.kind is VoteKind.OBJECTION and view.rules.participation is Participation.HALF
    assert view.rules.objection_share.numerator * 4 == view.rules.objection_share.denominator
    assert view.rules.objection_combine is Combine.AND and view.double_entry and view.proxy_limit == 2
    assert view.is_open and view.ballots == 0


def test_settings_a_kind_has_no_use_for_are_refused(counter: Counter) -> None:
    for typed, field in (
        (VoteInput("x", "ordinary", seats=7), "seats"),
        (VoteInput("x", "objection", follow_majority=True), "follow_majority"),
        (VoteInput("x", "petition", follow_majority=True), "follow_majority"),
        (VoteInput("x", "major", objection_share="1/4"), "objection_share"),
        (VoteInput("x", "ordinary", objection_combine="and"), "objection_share"),
    ):
        with pytest.raises(InputRejected) as refused:
            votes.create_vote(typed)
        assert fields_of(refused.value) == {field}, typed
    assert votes.list_votes() == []


def test_an_unknown_vote_is_not_found(counter: Counter) -> None:
    with pytest.raises(NotFound):
        votes.vote_view(99)
    with pytest.raises(NotFound):
        votes.enter_ballot(BallotInput(99, room="1-1-101", choice="yes"))


def test_the_scrutineers_counts_are_checked_and_recorded(counter: Counter) -> None:
    vote_id = counter.open()
    with pytest.raises(InputRejected) as refused:
        votes.record_counts(vote_id, TOTAL_HEADS, -1)  # the room with no owner gets no ballot
    assert fields_of(refused.value) == {"issued", "found"}
    view = votes.record_counts(vote_id, 5, 4)
    assert (view.issued, view.found) == (5, 4)
    audit = execute("SELECT action, entity FROM audit_entry WHERE entity = 'vote' ORDER BY id").fetchall()
    assert audit == [("open", "vote"), ("count", "vote")]


def test_no_vote_opens_where_nobody_could_vote(estate: object) -> None:
    with pytest.raises(InputRejected, match="no rooms on file"):
        votes.create_vote(VoteInput("空小区", "ordinary"))
    households.create_room(RoomInput("1", "1", "101", "50"))  # no owner recorded
    with pytest.raises(InputRejected, match="nobody could vote"):
        votes.create_vote(VoteInput("空小区", "ordinary"))
    assert votes.list_votes() == []


def test_an_owner_in_two_owner_sets_is_two_voters_and_one_candidate(counter: Counter) -> None:
    households.create_room(RoomInput("3", "1", "101", "50", owners=[WANG, LIU_A]))
    created = votes.create_vote(VoteInput("换届选举", "election", seats=5, candidates=["王玥", "李喆"]))
    assert created.heads == TOTAL_HEADS + 1  # 王玥 with 刘洋 is another owner set: another voter
    candidates = votes.vote_view(created.vote_id).candidates
    assert [c.name for c in candidates] == ["王玥", "李喆"]


def test_a_room_without_owner_votes_once_its_owner_is_recorded_and_taken_onto_the_roll(
    counter: Counter,
) -> None:
    vote_id = counter.open()
    with pytest.raises(InputRejected, match="until one is recorded"):
        counter.ballot(vote_id, "2-1-201", "yes")
    with pytest.raises(InputRejected, match="still has no recorded owner"):
        votes.take_recorded_owner(vote_id, "2-1-201")
    room_id = execute("SELECT id FROM room WHERE code = '2-1-201'").fetchone()[0]
    households.update_room(room_id, replace(households.room_detail(room_id).as_input(), owners=[WANG]))
    with pytest.raises(InputRejected, match="already votes on this roll"):
        votes.take_recorded_owner(vote_id, "2-1-201")  # 王玥 votes already: one person, one voter
    zhao = PersonInput("赵六", "13500000006")
    households.update_room(room_id, replace(households.room_detail(room_id).as_input(), owners=[zhao]))
    voter = votes.take_recorded_owner(vote_id, "2-1-201")
    assert (voter.name, voter.can_vote, voter.rooms, voter.area_centi) == ("赵六", True, ("2-1-201",), 7000)
    view = votes.vote_view(vote_id)
    assert (view.heads, view.area_centi) == (TOTAL_HEADS, TOTAL_AREA)  # the totals stay as frozen
    counter.ballot(vote_id, "2-1-201", "yes")
    with pytest.raises(InputRejected, match="had an owner"):
        votes.take_recorded_owner(vote_id, "2-1-201")
