"""Fixes from the lead's review of the services: each with the case that showed it."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image
from tests.services.repairs.conftest import Opener, Rooms

from estatedesk.domain.errors import InputRejected, ValidationError
from estatedesk.domain.repairs import State
from estatedesk.services import repairs, votes
from estatedesk.services.estate import set_clerk
from estatedesk.services.households import find_room_id, room_history
from estatedesk.services.repairs import DoneInput, OrderFilter
from estatedesk.services.votes import VoteInput
from estatedesk.store.db import EstateFile
from estatedesk.store.sql import execute


def test_a_search_for_a_percent_sign_finds_only_the_text_with_one(open_order: Opener) -> None:
    wanted = open_order(description="水压只有50%")
    open_order(description="楼道灯不亮")
    found = repairs.list_orders(OrderFilter(search="%"))
    assert [row.order_id for row in found] == [wanted.order_id]
    assert repairs.list_orders(OrderFilter(search="_")) == []


def test_a_common_part_of_a_building_is_found_by_the_buildings_filter(open_order: Opener) -> None:
    made = open_order(room="", place_kind="door-access", building="3", unit="2", description="门禁对讲无声")
    found = repairs.list_orders(OrderFilter(building="3"))
    assert made.order_id in [row.order_id for row in found]
    assert repairs.list_orders(OrderFilter(building="5")) == []


def test_the_fund_spent_on_a_vote_still_open_is_said_on_the_order(rooms: Rooms, open_order: Opener) -> None:
    vote = votes.create_vote(VoteInput("使用维修资金更换水泵", "ordinary"))
    made = open_order()
    repairs.dispatch(made.order_id, "李师傅", at="2026-10-09 09:10")
    repairs.start(made.order_id, at="2026-10-09 10:00")
    done = repairs.finish(
        made.order_id, DoneInput("换水泵", payer="fund", vote_id=vote.vote_id, at="2026-10-09 11:00")
    )
    assert [notice.params["number"] for notice in done.notices] == [vote.vote_id]
    assert [notice.template for notice in repairs.order_detail(made.order_id).notices] == [
        done.notices[0].template
    ]


def test_a_picture_of_too_many_pixels_is_refused_before_it_is_read(open_order: Opener) -> None:
    made = open_order()
    huge = io.BytesIO()
    Image.new("1", (10_000, 7_000)).save(huge, "PNG")  # a few KB of file, 70 million pixels
    with pytest.raises(InputRejected) as refused:
        repairs.add_photo(made.order_id, huge.getvalue(), "huge.png")
    assert refused.value.errors[0].field == "photo"


def test_a_rooms_repair_orders_are_not_in_its_households_history(rooms: Rooms, open_order: Opener) -> None:
    open_order()
    room_id = find_room_id("3-2-501")
    assert room_id is not None
    assert all(entry.entity != "repair_order" for entry in room_history(room_id))


def test_seeing_the_callers_phone_whole_is_in_the_audit_trail(rooms: Rooms, open_order: Opener) -> None:
    made = open_order()
    assert repairs.reveal_reporter_phone(made.order_id) == "13800138000"
    looks = execute("SELECT entity_id FROM audit_entry WHERE action = 'reveal' AND entity = 'repair_order'")
    assert [row[0] for row in looks] == [made.order_id]


def test_workers_are_listed_once_with_the_phone_last_given(open_order: Opener) -> None:
    first, second = open_order(), open_order()
    repairs.dispatch(first.order_id, "李师傅", "13800001111", at="2026-10-09 09:10")
    repairs.dispatch(second.order_id, "李师傅", "13900002222", at="2026-10-09 09:20")
    repairs.dispatch(second.order_id, "王师傅", at="2026-10-09 09:30")
    assert repairs.workers() == [("李师傅", "13900002222"), ("王师傅", "")]


def test_an_emergency_at_2350_is_overdue_when_its_water_deadline_passes_before_its_arrival(
    open_order: Opener,
) -> None:
    made = open_order("2026-10-03 23:50", "water", urgency="emergency")
    assert made.due == datetime(2026, 10, 4, 0, 0)  # the completion comes before the on-site limit
    overdue = repairs.list_orders(OrderFilter(overdue_as_of=datetime(2026, 10, 4, 0, 10)))
    assert [row.order_id for row in overdue] == [made.order_id]


def test_a_reworked_order_has_a_new_deadline_from_the_visit_and_is_chased_when_it_passes(
    open_order: Opener,
) -> None:
    made = open_order("2026-11-02 08:00", "water")
    repairs.dispatch(made.order_id, "李师傅", at="2026-11-02 08:10")
    repairs.start(made.order_id, at="2026-11-02 08:40")
    repairs.finish(made.order_id, DoneInput("换阀门", at="2026-11-02 10:00"))
    repairs.visit(made.order_id, False, "还在漏", at="2026-11-03 09:00")
    row = repairs.order_row(made.order_id)
    assert row.timing.rework_due == datetime(2026, 11, 4, 0, 0) and row.due == datetime(2026, 11, 4, 0, 0)
    assert not row.overdue(datetime(2026, 11, 3, 23, 0)) and row.overdue(datetime(2026, 11, 4, 1, 0))
    assert repairs.board(datetime(2026, 11, 4, 1, 0))[0].order_id == made.order_id
    repairs.start(made.order_id, at="2026-11-03 10:00")
    repairs.finish(made.order_id, DoneInput("重新更换阀门", at="2026-11-03 11:00"))
    assert repairs.order_row(made.order_id).timing.rework_due is None
    assert repairs.month_figures("2026-11", datetime(2026, 11, 30)).on_time == 1  # the first done was on time


def test_an_enquiry_answered_at_once_and_reopened_waits_for_a_dispatch(open_order: Opener) -> None:
    made = open_order("2026-10-09 09:00", "enquiry", kind="enquiry", description="物业费怎么交")
    repairs.finish(made.order_id, DoneInput("电话答复", at="2026-10-09 09:05"))
    assert repairs.visit(made.order_id, False, "没听懂", at="2026-10-09 10:00").state is State.RECEIVED
    with pytest.raises(InputRejected):
        repairs.start(made.order_id, at="2026-10-09 10:05")


def test_a_common_part_takes_no_building_from_its_caller(open_order: Opener) -> None:
    made = open_order(place_kind="door-access", place_text="南大门门禁", room="5-1-101")
    assert repairs.order_row(made.order_id).building == ""
    assert repairs.list_orders(OrderFilter(building="5")) == []


def test_done_without_a_cost_keeps_no_cost_and_the_history_is_in_time_order(open_order: Opener) -> None:
    made = open_order("2026-10-09 09:00")
    repairs.dispatch(made.order_id, "李师傅", at="2026-10-09 09:05")
    repairs.note(made.order_id, "已约明早")  # timed now: after everything below
    repairs.start(made.order_id, at="2026-10-09 09:30")
    repairs.finish(made.order_id, DoneInput("修好", at="2026-10-09 11:00"))
    detail = repairs.order_detail(made.order_id)
    assert detail.cost_fen is None
    assert [step.at for step in detail.steps] == sorted(step.at for step in detail.steps)


def test_an_order_is_found_by_its_callers_household_name(rooms: Rooms, open_order: Opener) -> None:
    made = open_order()
    assert [row.order_id for row in repairs.list_orders(OrderFilter(search="王玥"))] == [made.order_id]


def test_a_month_outside_the_years_is_refused_by_field() -> None:
    for month in ("9999-12", "2026-13", "1026-01"):
        with pytest.raises((InputRejected, ValidationError)) as refused:
            repairs.month_figures(month)
        errors = refused.value.errors if isinstance(refused.value, InputRejected) else [refused.value]
        assert [error.field for error in errors] == ["month"]


def test_a_facilitys_last_upkeep_from_the_paper_ledger_starts_its_cycle(estate: EstateFile) -> None:
    pump = repairs.add_facility(
        repairs.FacilityInput(
            "生活水泵", "地下泵房", installed_on="2016-06-01", upkeep_months="6", last_upkeep_on="2026-09-15"
        )
    )
    view = repairs.facility(pump)
    assert view.last_upkeep == date(2026, 9, 15) and view.next_upkeep == date(2027, 3, 15)
    assert view.recorded_last_upkeep == date(2026, 9, 15)
    assert pump not in [due.facility_id for due in repairs.upkeep_due(date(2026, 12, 1))]
    with pytest.raises(InputRejected) as refused:
        repairs.add_facility(
            repairs.FacilityInput("消防泵", installed_on="2020-01-01", last_upkeep_on="2019-01-01")
        )
    assert [error.field for error in refused.value.errors] == ["last_upkeep_on"]


def test_a_clerks_name_with_a_control_character_is_refused(estate: EstateFile) -> None:
    with pytest.raises(ValidationError) as refused:
        set_clerk("王玥\x07")
    assert refused.value.field == "clerk"


def test_a_holiday_file_whose_first_row_is_a_bad_date_is_refused_whole(
    estate: EstateFile, tmp_path: Path
) -> None:
    table = tmp_path / "2032.csv"
    table.write_text("2032-02-30,休\n2032-01-01,休\n2032-01-03,班\n", encoding="utf-8")
    with pytest.raises(InputRejected):
        repairs.import_holidays(table)
    assert repairs.office_years() == []
