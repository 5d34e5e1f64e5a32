"""Who pays: the owner's repair charged to the room on closing; the maintenance fund and its decision."""

from __future__ import annotations

from datetime import date

import pytest

from estatedesk.domain.errors import InputRejected
from estatedesk.domain.fees import Month
from estatedesk.domain.repairs import Payer, State, Step
from estatedesk.services import fees, households, repairs, votes
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.services.repairs import DoneInput, Notice
from estatedesk.services.votes import BallotInput, VoteInput
from services.repairs.conftest import Opener, Rooms


def done_by(order_id: int, typed: DoneInput, day: str = "2026-10-09") -> repairs.StepDone:
    repairs.dispatch(order_id, "李师傅", at=f"{day} 09:05")
    repairs.start(order_id, at=f"{day} 09:30")
    return repairs.finish(order_id, typed)


def owner_pays(cost: str = "50", day: str = "2026-10-09") -> DoneInput:
    return DoneInput("换密封圈", "密封圈", "12.50", cost, "owner", at=f"{day} 11:00")


def test_closing_an_order_the_owner_pays_charges_the_room(open_order: Opener, rooms: Rooms) -> None:
    order = open_order().order_id
    done_by(order, owner_pays())
    closed = repairs.close(order, at="2026-10-09 12:00")
    assert closed.state is State.CLOSED and closed.charge_fen == 6250 and closed.charge_entry_id is not None
    assert closed.notices == ()
    account = fees.account(rooms.home)
    assert account.owed_fen == 6250
    line = next(line for line in account.lines if line.charge_id == closed.charge_entry_id)
    assert (line.amount_fen, line.month, line.item) == (6250, Month(2026, 10), "维修费")
    close_step = repairs.order_detail(order).steps[-1]
    assert close_step.kind is Step.CLOSE
    assert (close_step.charge_entry_id, close_step.charge_fen) == (closed.charge_entry_id, 6250)


def test_two_repairs_of_one_room_in_one_month_are_both_charged(open_order: Opener, rooms: Rooms) -> None:
    first, second = open_order().order_id, open_order("2026-10-20 09:00").order_id
    done_by(first, owner_pays("50"))
    repairs.close(first, at="2026-10-09 12:00")
    done_by(second, owner_pays("30", "2026-10-20"), "2026-10-20")
    repairs.close(second, at="2026-10-20 12:00")
    account = fees.account(rooms.home)
    assert account.owed_fen == 6250 + 4250
    repair_lines = [line for line in account.lines if line.item == "维修费"]
    assert sorted(line.amount_fen for line in repair_lines) == [4250, 6250]
    assert {line.month for line in repair_lines} == {Month(2026, 10)}


def test_no_charge_when_told_not_to_or_when_someone_else_pays(open_order: Opener, rooms: Rooms) -> None:
    told = open_order().order_id
    done_by(told, owner_pays())
    not_charged = repairs.close(told, charge=False, at="2026-10-09 12:00")
    assert (not_charged.charge_entry_id, not_charged.charge_fen, not_charged.notices) == (None, 0, ())
    estate = open_order().order_id
    done_by(estate, DoneInput("换灯泡", labour_cost="20", payer="estate", at="2026-10-09 11:00"))
    assert repairs.close(estate, at="2026-10-09 12:00").charge_fen == 0
    free = open_order().order_id
    done_by(free, DoneInput("拧紧", payer="owner", at="2026-10-09 11:00"))  # the owner pays nothing
    assert repairs.close(free, at="2026-10-09 12:00").charge_entry_id is None
    assert fees.account(rooms.home).owed_fen == 0 and fees.account(rooms.home).lines == ()


def test_the_owner_pays_but_no_room_is_named_a_notice_and_nothing_charged(open_order: Opener) -> None:
    order = open_order("2026-10-09 09:00", "common-part", room="", place_kind="roof", description="屋面渗水")
    done_by(order.order_id, owner_pays())
    closed = repairs.close(order.order_id, at="2026-10-09 12:00")
    assert closed.state is State.CLOSED and closed.charge_entry_id is None and closed.charge_fen == 0
    assert len(closed.notices) == 1 and isinstance(closed.notices[0], Notice)
    assert "names no room" in closed.notices[0].message


def test_the_repair_fee_item_has_no_price_and_billing_never_charges_it(
    open_order: Opener, rooms: Rooms
) -> None:
    fees.add_item(fees.FeeItemInput("物业费", "area", "1", date(2026, 1, 1)))
    order = open_order().order_id
    done_by(order, owner_pays())
    entry = repairs.close(order, at="2026-10-09 12:00").charge_entry_id
    item = fees.find_item("维修费")
    with pytest.raises(InputRejected) as refused:
        fees.set_price(item.id, "100", date(2026, 12, 1))
    assert [error.field for error in refused.value.errors] == ["price"]
    before = fees.account(rooms.home)
    made = fees.bill(Month(2026, 10), Month(2026, 12), date(2026, 12, 1))
    assert made.created == 3 * 3  # the area fee for three rooms, three months; the repair item never
    after = fees.account(rooms.home)
    repair_lines = [line for line in after.lines if line.item == "维修费"]
    assert [line.charge_id for line in repair_lines] == [entry]
    assert after.owed_fen == before.owed_fen + 3 * 8950


def test_the_fund_pays_only_with_a_vote_or_as_emergency_use(open_order: Opener, rooms: Rooms) -> None:
    without = open_order().order_id
    step = done_by(without, DoneInput("更换水泵", labour_cost="800", payer="fund", at="2026-10-09 11:00"))
    assert step.state is State.DONE and len(step.notices) == 1
    assert "maintenance fund pays without an owners' decision" in step.notices[0].message
    detail = repairs.order_detail(without)
    assert [notice.message for notice in detail.notices] == [step.notices[0].message]
    assert detail.payer is Payer.FUND and detail.steps[-1].vote_id is None

    emergency = open_order().order_id
    used = done_by(emergency, DoneInput("抢修", payer="fund", emergency_use=True, at="2026-10-09 11:00"))
    assert used.notices == () and repairs.order_detail(emergency).notices == ()
    assert repairs.order_detail(emergency).steps[-1].emergency_use is True

    refused_vote = votes.create_vote(VoteInput("关于使用维修资金更换水箱的决定", "major")).vote_id
    votes.close_vote(refused_vote)  # nobody voted: it did not pass
    failed = open_order().order_id
    on_failed = done_by(
        failed, DoneInput("更换水箱", payer="fund", vote_id=refused_vote, at="2026-10-09 11:00")
    )
    assert [notice.template for notice in on_failed.notices] == [
        "vote {number} did not pass: it approved no spending of the fund"
    ]
    assert [notice.message for notice in repairs.order_detail(failed).notices] == [
        on_failed.notices[0].message
    ]

    for room_id, code, owner in (
        (rooms.upstairs, ("3", "2", "1002", "120"), "李喆"),
        (rooms.other, ("5", "1", "101", "60"), "张堃"),
    ):
        households.update_room(room_id, RoomInput(*code, owners=[PersonInput(owner)]))
    vote = votes.create_vote(VoteInput("关于使用维修资金更换水泵的决定", "major")).vote_id
    for room in ("3-2-501", "3-2-1002", "5-1-101"):
        votes.enter_ballot(BallotInput(vote, room=room, choice="yes"))
    votes.close_vote(vote)
    approved = open_order().order_id
    linked = done_by(approved, DoneInput("更换水泵", payer="fund", vote_id=vote, at="2026-10-09 11:00"))
    assert linked.notices == ()
    detail = repairs.order_detail(approved)
    assert detail.notices == () and detail.steps[-1].vote_id == vote

    election = votes.create_vote(
        VoteInput("业主委员会选举", "election", seats=5, candidates=["王玥", "李喆", "张堃"])
    ).vote_id
    on_election = open_order().order_id
    told = done_by(on_election, DoneInput("更换水泵", payer="fund", vote_id=election, at="2026-10-09 11:00"))
    assert [notice.template for notice in told.notices] == [
        "vote {number} decides no spending: link the motion that approved it"
    ]

    unknown = open_order().order_id
    repairs.dispatch(unknown, "李师傅", at="2026-10-09 09:05")
    repairs.start(unknown, at="2026-10-09 09:30")
    with pytest.raises(InputRejected) as refused:
        repairs.finish(
            unknown, DoneInput("更换水泵", payer="fund", vote_id=vote + 100, at="2026-10-09 11:00")
        )
    assert [error.field for error in refused.value.errors] == ["vote"]
    assert repairs.order_row(unknown).state is State.IN_PROGRESS


def test_a_vote_still_open_is_told_and_a_vote_for_another_payer_is_not_kept(open_order: Opener) -> None:
    vote = votes.create_vote(VoteInput("关于使用维修资金的决定", "major")).vote_id
    order = open_order().order_id
    step = done_by(order, DoneInput("更换水泵", payer="fund", vote_id=vote, at="2026-10-09 11:00"))
    assert len(step.notices) == 1 and "still open" in step.notices[0].message
    other = open_order().order_id
    done_by(other, DoneInput("换灯", payer="estate", vote_id=vote, at="2026-10-09 11:00"))
    assert repairs.order_detail(other).steps[-1].vote_id is None


def test_a_reworked_order_keeps_the_cost_of_each_done_and_charges_the_owners_part(
    open_order: Opener, rooms: Rooms
) -> None:
    order = open_order().order_id
    done_by(order, owner_pays())  # 62.50 the owner pays
    repairs.visit(order, False, "还在滴", at="2026-10-09 15:00")
    repairs.start(order, at="2026-10-10 09:00")
    repairs.finish(order, DoneInput("重新密封", labour_cost="30", payer="estate", at="2026-10-10 10:00"))
    assert repairs.order_detail(order).cost_fen == 6250 + 3000
    repairs.visit(order, False, "仍然渗水", at="2026-10-10 15:00")
    repairs.start(order, at="2026-10-11 09:00")
    repairs.finish(order, DoneInput("更换水管", materials_cost="20", payer="owner", at="2026-10-11 10:00"))
    detail = repairs.order_detail(order)
    assert detail.cost_fen == 6250 + 3000 + 2000 and detail.payer is Payer.OWNER
    closed = repairs.close(order, at="2026-10-11 12:00")
    assert closed.charge_fen == 6250 + 2000  # the estate paid for its own second visit
    assert fees.account(rooms.home).owed_fen == 8250


def test_the_rooms_prepayment_pays_its_repair_and_no_other_rooms_is_touched(
    open_order: Opener, rooms: Rooms
) -> None:
    fees.pay(fees.PaymentInput(rooms.home, "100", "cash", paid_on=date(2026, 10, 1)))
    fees.pay(fees.PaymentInput(rooms.other, "80", "cash", paid_on=date(2026, 10, 1)))
    order = open_order().order_id
    done_by(order, owner_pays())
    repairs.close(order, at="2026-10-09 12:00")
    home = fees.account(rooms.home)
    assert (home.owed_fen, home.prepaid_fen) == (0, 10_000 - 6250)
    assert fees.account(rooms.other).prepaid_fen == 8000
