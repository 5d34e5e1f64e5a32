"""Fixes from the lead's review of the services: each with the case that showed it."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from tests.services.repairs.conftest import Opener, Rooms

from estatedesk.domain.errors import InputRejected
from estatedesk.services import repairs, votes
from estatedesk.services.households import find_room_id, room_history
from estatedesk.services.repairs import DoneInput, OrderFilter
from estatedesk.services.votes import VoteInput
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
