"""The facility register: checked input, no two alike, upkeep due and ordered, months added at month ends."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estatedesk.domain.errors import InputRejected, NotFound
from estatedesk.domain.repairs import PlaceKind, State
from estatedesk.services import repairs
from estatedesk.services.repairs import DoneInput, FacilityInput, OrderFilter, OrderInput
from estatedesk.services.repairs.facilities import add_months
from services.repairs.conftest import Rooms

PUMP = FacilityInput("1号生活水泵", "地下泵房", "格兰富 CR10", "2026-06-15", "2028-06-14", "6", "每半年保养")


def fields(refused: pytest.ExceptionInfo[InputRejected]) -> list[str]:
    return [error.field for error in refused.value.errors]


def test_a_facility_is_added_updated_and_archived(rooms: Rooms) -> None:
    pump = repairs.add_facility(PUMP)
    view = repairs.facility(pump)
    assert (view.name, view.location, view.model, view.note) == (
        "1号生活水泵",
        "地下泵房",
        "格兰富 CR10",
        "每半年保养",
    )
    assert (view.installed_on, view.warranty_until, view.upkeep_months) == (
        date(2026, 6, 15),
        date(2028, 6, 14),
        6,
    )
    assert (view.last_upkeep, view.next_upkeep, view.orders, view.open_orders) == (
        None,
        date(2026, 12, 15),
        0,
        0,
    )
    repairs.update_facility(
        pump, FacilityInput("1号生活水泵", "地下泵房", "格兰富 CR15", "2026-06-15", upkeep_months="")
    )
    view = repairs.facility(pump)
    assert (view.model, view.warranty_until, view.upkeep_months, view.next_upkeep) == (
        "格兰富 CR15",
        None,
        None,
        None,
    )
    gate = repairs.add_facility(FacilityInput("北门道闸", "北门"))
    assert [f.facility_id for f in repairs.list_facilities()] == [gate, pump]  # by location: 北门, 地下泵房
    repairs.archive_facility(pump)
    assert [f.facility_id for f in repairs.list_facilities()] == [gate]
    assert repairs.facility(pump).name == "1号生活水泵"  # still there for its orders
    with pytest.raises(NotFound):
        repairs.archive_facility(999)
    with pytest.raises(NotFound):
        repairs.update_facility(999, PUMP)


def test_bad_input_is_refused_by_field(rooms: Rooms) -> None:
    def refused(**values: str) -> list[str]:
        typed = {**PUMP.__dict__, **values}
        with pytest.raises(InputRejected) as refusal:
            repairs.add_facility(FacilityInput(**typed))
        return fields(refusal)

    assert refused(name=" ") == ["name"]
    assert refused(installed_on="去年") == ["installed_on"]
    assert refused(warranty_until="2026-02-30") == ["warranty_until"]
    assert refused(warranty_until="2026-06-14") == ["warranty_until"]  # ends before it was installed
    for months in ("0", "121", "abc", "-1", "1.5"):
        assert refused(upkeep_months=months) == ["upkeep_months"]
    assert repairs.list_facilities() == []


def test_no_two_facilities_alike_in_the_register(rooms: Rooms) -> None:
    pump = repairs.add_facility(PUMP)
    with pytest.raises(InputRejected) as refused:
        repairs.add_facility(FacilityInput("1号生活水泵", "地下泵房"))
    assert fields(refused) == ["name"]
    second = repairs.add_facility(FacilityInput("1号生活水泵", "2号楼泵房"))  # elsewhere: another one
    with pytest.raises(InputRejected) as refused:
        repairs.update_facility(second, FacilityInput("1号生活水泵", "地下泵房"))
    assert fields(refused) == ["name"]
    repairs.update_facility(pump, PUMP)  # itself is no clash


def test_a_replaced_facility_can_be_entered_again_at_its_place(rooms: Rooms) -> None:
    old = repairs.add_facility(PUMP)
    repairs.archive_facility(old)
    new = repairs.add_facility(PUMP)
    assert new != old and [f.facility_id for f in repairs.list_facilities()] == [new]
    spare = repairs.add_facility(FacilityInput("2号生活水泵", "地下泵房"))
    repairs.archive_facility(new)
    repairs.update_facility(spare, PUMP)  # the spare takes the place of the one taken out
    assert [(f.facility_id, f.name) for f in repairs.list_facilities()] == [(spare, "1号生活水泵")]


def test_upkeep_falls_due_and_is_ordered_then_runs_from_the_last_done(rooms: Rooms) -> None:
    pump = repairs.add_facility(PUMP)  # installed 15 June 2026, every 6 months: 15 December
    repairs.add_facility(FacilityInput("北门道闸", "北门"))  # no upkeep
    assert repairs.upkeep_due(date(2026, 11, 14)) == []
    assert [f.facility_id for f in repairs.upkeep_due(date(2026, 11, 15))] == [pump]  # within 30 days
    assert [f.facility_id for f in repairs.upkeep_due(date(2027, 3, 1))] == [pump]  # past due still listed

    made = repairs.order_upkeep([pump], datetime(2026, 12, 1, 9, 0))
    assert len(made) == 1
    detail = repairs.order_detail(made[0].order_id)
    assert detail.upkeep and detail.facility_id == pump and detail.facility == "1号生活水泵"
    assert detail.place_kind is PlaceKind.FACILITY and detail.row.category == "common-part"
    assert "定期保养" in detail.row.description and detail.row.place.startswith("1号生活水泵")
    assert repairs.upkeep_due(date(2026, 12, 1)) == []  # an upkeep order is open
    view = repairs.facility(pump)
    assert (view.orders, view.open_orders) == (1, 1)
    assert repairs.list_orders(OrderFilter(facility_id=pump))[0].order_id == made[0].order_id

    order = made[0].order_id
    repairs.dispatch(order, "外包：泵业公司", at="2026-12-02 09:00")
    repairs.start(order, at="2026-12-03 09:00")
    repairs.finish(order, DoneInput("更换机封，加油", at="2026-12-03 11:00"))
    repairs.close(order, at="2026-12-03 12:00")
    view = repairs.facility(pump)
    assert (view.last_upkeep, view.next_upkeep, view.open_orders) == (date(2026, 12, 3), date(2027, 6, 3), 0)
    assert repairs.upkeep_due(date(2026, 12, 5)) == []
    assert repairs.upkeep_due(date(2027, 5, 3)) == []
    assert [f.facility_id for f in repairs.upkeep_due(date(2027, 5, 4))] == [pump]


def test_a_repair_of_a_facility_is_not_its_upkeep_and_a_cancelled_upkeep_leaves_it_due(rooms: Rooms) -> None:
    pump = repairs.add_facility(PUMP)
    repair = repairs.add_order(
        OrderInput("2026-10-09 09:00", "common-part", "水泵异响", place_kind="facility", facility_id=pump)
    ).order_id
    repairs.dispatch(repair, "李师傅", at="2026-10-09 09:05")
    repairs.start(repair, at="2026-10-09 09:30")
    repairs.finish(repair, DoneInput("紧固底座", at="2026-10-09 10:00"))
    view = repairs.facility(pump)
    assert view.last_upkeep is None and view.next_upkeep == date(2026, 12, 15) and view.orders == 1
    upkeep = repairs.order_upkeep([pump], datetime(2026, 12, 1, 9, 0))[0].order_id
    assert repairs.upkeep_due(date(2026, 12, 1)) == []
    repairs.cancel(upkeep, "厂家上门保养，不另派单", at="2026-12-01 10:00")
    assert repairs.order_row(upkeep).state is State.CANCELLED
    assert [f.facility_id for f in repairs.upkeep_due(date(2026, 12, 1))] == [pump]


def test_upkeep_of_several_facilities_at_once_is_all_or_nothing(rooms: Rooms) -> None:
    pump = repairs.add_facility(PUMP)
    with pytest.raises(NotFound):
        repairs.order_upkeep([pump, 999], datetime(2026, 12, 1, 9, 0))
    assert repairs.list_orders() == []
    gate = repairs.add_facility(
        FacilityInput("北门道闸", "北门", upkeep_months="3", installed_on="2026-09-01")
    )
    made = repairs.order_upkeep([pump, gate], datetime(2026, 12, 1, 9, 0))
    assert [repairs.order_detail(m.order_id).facility_id for m in made] == [pump, gate]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 12, 31), 2, date(2027, 2, 28)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 11, 30), 1, date(2026, 12, 30)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 5, 31), 12, date(2027, 5, 31)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 7, 31), 120, date(2036, 7, 31)),
    ],
)
def test_months_are_added_keeping_to_the_months_last_day(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@given(st.dates(date(2000, 1, 1), date(2190, 12, 31)), st.integers(-120, 120))
def test_adding_months_moves_exactly_that_many_months(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    last_of_month = (moved.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    assert moved.day == min(day.day, last_of_month.day)
