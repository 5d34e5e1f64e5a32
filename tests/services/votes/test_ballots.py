"""Entering paper ballots: by serial or room, one live ballot a voter, voids, double entry, proxies."""

from __future__ import annotations

import sqlite3

import pytest
from tests.services.votes.conftest import Counter

from estatedesk.domain.errors import InputRejected
from estatedesk.domain.voting import Choice, ballot_serial
from estatedesk.services import votes
from estatedesk.services.votes import BallotInput
from estatedesk.store import audit, ballots
from estatedesk.store.models import database_proxy
from estatedesk.store.sql import execute


def refusal(error: pytest.ExceptionInfo[InputRejected]) -> dict[str, str]:
    return {problem.field: problem.message for problem in error.value.errors}


def connection() -> sqlite3.Connection:
    opened: sqlite3.Connection = database_proxy.connection()
    return opened


def test_a_serial_or_a_room_names_the_voter_and_both_must_agree(counter: Counter) -> None:
    vote_id = counter.open()
    serial = counter.serial(vote_id, "2-1-101")  # 王玥's ballot, whichever of her rooms names her
    entered = votes.enter_ballot(BallotInput(vote_id, serial=serial, room="1-1-201", choice="同意"))
    assert entered.voter_name == "王玥" and entered.serial == serial and not entered.void
    with pytest.raises(InputRejected) as refused:
        votes.enter_ballot(BallotInput(vote_id, serial=serial, room="1-1-102", choice="yes"))
    assert "not the ballot of the voter of room" in refusal(refused)["serial"]
    with pytest.raises(InputRejected) as refused:
        votes.enter_ballot(BallotInput(vote_id, serial=ballot_serial(vote_id + 1, 1), choice="yes"))
    assert "not of vote" in refusal(refused)["serial"]
    with pytest.raises(InputRejected) as refused:
        votes.enter_ballot(BallotInput(vote_id, room="7-7-777", choice="yes"))
    assert "not on this vote's roll" in refusal(refused)["room"]
    with pytest.raises(InputRejected) as refused:
        votes.enter_ballot(BallotInput(vote_id, choice="yes"))
    assert "serial or a room" in refusal(refused)["serial"]


def test_a_second_ballot_of_the_same_voter_is_refused_until_the_first_is_voided(counter: Counter) -> None:
    vote_id = counter.open()
    counter.ballot(vote_id, "1-1-101", "yes")
    with pytest.raises(InputRejected) as refused:
        counter.ballot(vote_id, "2-1-101", "no")  # another room of the same owner: the same voter
    assert "already entered" in refusal(refused)["room"]
    with pytest.raises(InputRejected) as refused:
        votes.void_ballot(vote_id, "", "1-1-101", " ")
    assert set(refusal(refused)) == {"reason"}
    votes.void_ballot(vote_id, "", "1-1-101", "录入时选错了意见")
    counter.ballot(vote_id, "2-1-101", "no")
    rows = votes.list_ballots(vote_id)
    assert [(row.voter_name, row.choice) for row in rows] == [("王玥", Choice.NO)]
    voided = votes.voided_ballots(vote_id)
    assert [(v.voter_name, v.reason) for v in voided] == [("王玥", "录入时选错了意见")]
    # the voided ballot is still on file, and the chain holds all three entries
    assert execute("SELECT COUNT(*) FROM ballot_entry WHERE kind <> 'open'").fetchone()[0] == 3
    assert ballots.verify(connection()).ok


def test_a_room_without_owner_cannot_vote_and_answers_are_checked(counter: Counter) -> None:
    vote_id = counter.open()
    with pytest.raises(InputRejected) as refused:
        counter.ballot(vote_id, "2-1-201", "yes")
    assert "no recorded owner" in refusal(refused)["room"]
    with pytest.raises(InputRejected) as refused:
        counter.ballot(vote_id, "1-1-101", "maybe")
    assert "unknown answer" in refusal(refused)["choice"]
    with pytest.raises(InputRejected) as refused:
        counter.ballot(vote_id, "1-1-101", "", marks=("王玥",))
    assert set(refusal(refused)) == {"marks"}
    spoiled = counter.ballot(vote_id, "1-1-101", "废票")
    assert spoiled.void
    assert execute("SELECT COUNT(*) FROM ballot_entry WHERE kind <> 'open'").fetchone()[0] == 1


def test_an_election_ballot_marks_candidates_and_too_many_marks_make_it_void(counter: Counter) -> None:
    vote_id = counter.elect(["王玥", "李喆", "张堃", "刘洋@1-1-202"], seats=5)
    with pytest.raises(InputRejected) as refused:
        counter.ballot(vote_id, "1-1-101", marks=("王玥", "孙悟空"))
    assert "not a candidate" in refusal(refused)["marks"]
    with pytest.raises(InputRejected) as refused:
        counter.ballot(vote_id, "1-1-101", marks=("王玥", "王玥"))
    assert "marked twice" in refusal(refused)["marks"]
    with pytest.raises(InputRejected) as refused:
        counter.ballot(vote_id, "1-1-101", "yes", marks=("王玥",))
    assert "marks candidates" in refusal(refused)["choice"]
    assert not counter.ballot(vote_id, "1-1-101", marks=("张堃", "王玥")).void
    assert not counter.ballot(vote_id, "1-1-102", marks=()).void  # a blank ballot is valid: fewer is fine
    rows = {row.voter_name: row for row in votes.list_ballots(vote_id)}
    assert rows["王玥"].marks == ("王玥", "张堃")  # in ballot order, whatever order they were typed


def test_double_entry_by_another_clerk_agrees_or_is_listed(counter: Counter) -> None:
    vote_id = counter.open(double_entry=True)
    audit.set_actor("张三")
    counter.ballot(vote_id, "1-1-101", "yes", proxy_name="赵六")
    counter.ballot(vote_id, "1-1-102", "no")
    with pytest.raises(InputRejected) as refused:
        counter.ballot(vote_id, "1-1-101", "yes", proxy_name="赵六", second_entry=True)
    assert "another clerk" in refusal(refused)["room"]
    audit.set_actor("李四")
    assert counter.ballot(vote_id, "1-1-101", "yes", proxy_name="赵六", second_entry=True).agrees is True
    assert counter.ballot(vote_id, "1-1-102", "abstain", second_entry=True).agrees is False
    with pytest.raises(InputRejected) as refused:
        counter.ballot(vote_id, "1-1-202", "yes", second_entry=True)
    assert "enter it first" in refusal(refused)["room"]
    listed = votes.disagreements(vote_id)
    assert [
        (d.voter_name, d.first.answer, d.second.answer, d.first_actor, d.second_actor) for d in listed
    ] == [("李喆、张堃", "no", "abstain", "张三", "李四")]
    checked = {row.voter_name: row.checked for row in votes.list_ballots(vote_id)}
    assert checked == {"王玥": True, "李喆、张堃": False}
    with pytest.raises(InputRejected, match="double entry is not finished"):
        votes.close_vote(vote_id)
    # the paper says abstain: the first entry was wrong; void it, enter it again, check it again
    votes.void_ballot(vote_id, "", "1-1-102", "第一次录入与纸质选票不符")
    counter.ballot(vote_id, "1-1-102", "abstain")
    audit.set_actor("张三")
    assert counter.ballot(vote_id, "1-1-102", "abstain", second_entry=True).agrees is True
    assert votes.disagreements(vote_id) == []
    assert not votes.close_vote(vote_id).is_open


def test_second_entry_is_refused_when_the_vote_does_not_ask_for_it(counter: Counter) -> None:
    vote_id = counter.open()
    counter.ballot(vote_id, "1-1-101", "yes")
    audit.set_actor("李四")
    with pytest.raises(InputRejected, match="does not ask for double entry"):
        counter.ballot(vote_id, "1-1-101", "yes", second_entry=True)


def test_proxies_are_checked_and_one_carrying_too_many_is_listed(counter: Counter) -> None:
    vote_id = counter.open(proxy_limit=2)
    with pytest.raises(InputRejected) as refused:
        counter.ballot(vote_id, "1-1-101", "yes", proxy_id="110105194912310021")
    assert set(refusal(refused)) == {"proxy_name", "proxy_id"}  # no name, and a wrong check digit
    for room in ("1-1-101", "1-1-102", "1-1-202"):
        counter.ballot(vote_id, room, "yes", proxy_name="赵六", proxy_id="11010519491231002X")
    counter.ballot(vote_id, "2-1-102", "yes", proxy_name="钱七")
    loads = votes.heavy_proxies(vote_id)
    assert [(p.proxy_name, p.ballots) for p in loads] == [("赵六", 3)]
    assert len(loads[0].serials) == 3
    report = votes.count(vote_id)
    assert any("proxy 赵六 carries 3 ballots" in warning for warning in report.warnings)


def test_a_closed_vote_takes_no_more_ballots(counter: Counter) -> None:
    vote_id = counter.open()
    counter.ballot(vote_id, "1-1-101", "yes")
    votes.close_vote(vote_id)
    with pytest.raises(InputRejected, match="closed"):
        counter.ballot(vote_id, "1-1-102", "yes")
    with pytest.raises(InputRejected, match="closed"):
        votes.void_ballot(vote_id, "", "1-1-101", "迟到")
    with pytest.raises(InputRejected, match="closed"):
        votes.record_counts(vote_id, 5, 5)


def test_a_ballot_changed_removed_or_added_behind_the_program_is_found(counter: Counter) -> None:
    vote_id = counter.open()
    for room, choice in (("1-1-101", "yes"), ("1-1-102", "no"), ("1-1-202", "yes")):
        counter.ballot(vote_id, room, choice)
    votes.record_counts(vote_id, 5, 3)
    sql = connection()
    assert ballots.verify(sql).entries == 5  # the opening, three ballots, the counts
    no = sql.execute("SELECT id FROM ballot_entry WHERE choice = 'no'").fetchone()[0]
    forgeries = (
        (f"UPDATE ballot_entry SET choice = 'yes' WHERE id = {no}", no, "do not match its hash"),
        (f"DELETE FROM ballot_entry WHERE id = {no}", no + 1, f"entry {no} is missing"),
        # what the ballots are counted by, changed where no ballot is: the chain's digests find it
        ("UPDATE vote_voter SET area_centi = area_centi + 1 WHERE number = 1", 1, "roll or candidates"),
        ("UPDATE vote SET kind = 'petition', participation = 'half'", 1, "rules, roll or candidates"),
        ("UPDATE vote SET ballots_found = 5", 5, "counts were changed"),
        ("UPDATE vote SET closed_at = '2026-12-01T00:00:00Z'", 1, "closed outside the program"),
        ("INSERT INTO vote (title, kind, participation, proxy_limit, heads, area_centi, opened_at, opened_by)"
         " VALUES ('x', 'ordinary', 'two-thirds', 3, 0, 0, 'now', 'me')", 0, "added outside the program"),
    )  # fmt: skip
    for forgery, entry, what in forgeries:
        sql.execute("SAVEPOINT forge")
        sql.execute(forgery)
        found = ballots.verify(sql)
        assert found.first_bad is not None and found.first_bad.entry == entry, forgery
        assert what in found.first_bad.what, forgery
        sql.execute("ROLLBACK TO forge")
        sql.execute("RELEASE forge")
    assert ballots.verify(sql).ok


def test_a_candidate_whose_name_another_owner_shares_is_marked_by_name_or_room(counter: Counter) -> None:
    vote_id = counter.elect(["王玥", "刘洋@2-1-102", "张堃"])
    counter.ballot(vote_id, "1-1-101", marks=("刘洋",))  # the only candidate 刘洋
    counter.ballot(vote_id, "1-1-102", marks=("刘洋（2-1-102）", "王玥"))
    counter.ballot(vote_id, "1-1-202", marks=("刘洋@2-1-102",))
    with pytest.raises(InputRejected, match="刘洋@1-1-202 is not a candidate"):
        counter.ballot(vote_id, "2-1-102", marks=("刘洋@1-1-202",))  # the other 刘洋 does not stand
    assert [row.marks for row in votes.list_ballots(vote_id)] == [
        ("刘洋（2-1-102）",),
        ("王玥", "刘洋（2-1-102）"),
        ("刘洋（2-1-102）",),
    ]
