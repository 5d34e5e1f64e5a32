"""The repair register's, figures' and settings' texts (gui/presenters/repair_register.py), without Qt."""

from __future__ import annotations

from datetime import date, time
from fractions import Fraction

import pytest

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.repairs import LimitKind, OrderKind, TimeLimit
from estatedesk.gui.presenters import repair_register as present
from estatedesk.gui.presenters.repair_register import Standing
from estatedesk.services.repairs import FacilityView, Holidays, MonthFigures

TODAY = date(2026, 10, 15)


def facility(
    warranty: date | None = None,
    next_upkeep: date | None = None,
    months: int | None = 6,
    open_orders: int = 0,
) -> FacilityView:
    return FacilityView(
        1, "1号生活水泵", "地下泵房", "CR10", None, warranty, months, "", None, next_upkeep, 5, open_orders
    )


def figures(**values: object) -> MonthFigures:
    base: dict[str, object] = {
        "month": "2026-09",
        "orders": 200,
        "cancelled": 0,
        "by_category": (("water", 50), ("in-home", 150)),
        "by_kind": ((OrderKind.REPAIR, 190), (OrderKind.ENQUIRY, 10)),
        "judged": 200,
        "on_time": 198,
        "done": 100,
        "visited": 30,
        "satisfied_visits": 29,
        "visits": 30,
        "reworked": 2,
        "hours_to_done": Fraction(5),
        "on_time_rate": Fraction(198, 200),
        "visit_rate": Fraction(30, 100),
        "satisfaction": Fraction(29, 30),
        "rework_rate": Fraction(2, 100),
    }
    return MonthFigures(**{**base, **values})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("warranty", "standing", "text"),
    [
        (None, Standing.NONE, ""),
        (date(2026, 10, 14), Standing.PAST, "2026-10-14 (ended)"),
        (date(2026, 10, 15), Standing.SOON, "2026-10-15 (0 days left)"),  # its last day: still covered
        (date(2027, 1, 13), Standing.SOON, "2027-01-13 (90 days left)"),
        (date(2027, 1, 14), Standing.OK, "2027-01-14"),
    ],
)
def test_a_warranty_is_marked_when_ended_or_ending_within_90_days(
    warranty: date | None, standing: Standing, text: str
) -> None:
    assert present.warranty_standing(facility(warranty), TODAY) is standing
    assert present.warranty_text(facility(warranty), TODAY) == text


@pytest.mark.parametrize(
    ("due", "standing", "text", "background"),
    [
        (None, Standing.NONE, "", None),
        (date(2026, 10, 1), Standing.PAST, "2026-10-01 (overdue 14 days)", present.RED_BACKGROUND),
        (date(2026, 10, 15), Standing.SOON, "2026-10-15 (today)", present.AMBER_BACKGROUND),
        (date(2026, 11, 14), Standing.SOON, "2026-11-14 (in 30 days)", present.AMBER_BACKGROUND),
        (date(2026, 11, 15), Standing.OK, "2026-11-15", None),
    ],
)
def test_the_next_upkeep_is_highlighted_within_30_days_and_red_when_late(
    due: date | None, standing: Standing, text: str, background: str | None
) -> None:
    view = facility(next_upkeep=due)
    assert present.upkeep_standing(view, TODAY) is standing
    assert present.next_upkeep_text(view, TODAY) == text
    assert present.standing_background(standing) == background


def test_cycle_orders_and_the_upkeep_button() -> None:
    assert present.cycle_text(facility()) == "every 6 months"
    assert present.cycle_text(facility(months=None)) == ""
    assert present.orders_text(facility()) == "5"
    assert present.orders_text(facility(open_orders=2)) == "5 (2 open)"
    assert present.upkeep_button_text(0, 0) == "Make upkeep orders"
    assert present.upkeep_button_text(3, 0) == "Make upkeep orders for all 3"
    assert present.upkeep_button_text(3, 1) == "Make upkeep orders for the 1 ticked"
    assert present.upkeep_made_text(3).startswith("3 upkeep orders")
    assert present.register_status([facility()], 1) == "1 facilities, 1 due for upkeep within 30 days"


def test_a_month_on_its_targets_exactly_is_on_target() -> None:
    shown = {figure.key: figure for figure in present.month_figures(figures())}
    assert [figure.key for figure in present.month_figures(figures())] == [
        "orders",
        "on_time",
        "visits",
        "satisfaction",
        "rework",
        "hours",
    ]
    assert (shown["on_time"].value, shown["on_time"].off_target) == ("99.00%", False)
    assert shown["on_time"].target == "target ≥ 99%"
    assert shown["on_time"].detail == "198 of 200 orders judged met every deadline"
    assert (shown["visits"].value, shown["visits"].off_target) == ("30.00%", False)
    assert (shown["rework"].value, shown["rework"].off_target) == ("2.00%", False)
    assert shown["rework"].target == "target ≤ 2%"
    assert (shown["satisfaction"].value, shown["satisfaction"].off_target) == ("96.67%", None)
    assert shown["hours"].value == "5.0 hours"
    assert shown["orders"].value == "200" and shown["orders"].detail == ""


def test_a_month_off_its_targets_is_marked() -> None:
    shown = {
        figure.key: figure
        for figure in present.month_figures(
            figures(
                on_time_rate=Fraction(197, 200),
                visit_rate=Fraction(29, 100),
                rework_rate=Fraction(3, 100),
                cancelled=4,
            )
        )
    }
    assert (shown["on_time"].value, shown["on_time"].off_target) == ("98.50%", True)
    assert shown["visits"].off_target and shown["rework"].off_target
    assert present.mark_text(True) == "✗ off target" and present.mark_colour(True) == present.RED
    assert present.mark_text(False) == "✓ on target" and present.mark_colour(False) == present.GREEN
    assert present.mark_text(None) == "" and present.mark_colour(None) is None
    assert shown["orders"].detail == "besides 4 cancelled"


def test_a_month_with_nothing_to_judge_shows_dashes_unmarked() -> None:
    empty = figures(
        orders=0, on_time_rate=None, visit_rate=None, satisfaction=None, rework_rate=None, hours_to_done=None
    )
    shown = present.month_figures(empty)
    assert [figure.value for figure in shown[1:]] == ["—"] * 5
    assert all(figure.off_target is None for figure in shown)


def test_hours_to_done_in_hours_then_days() -> None:
    assert present.hours_text(Fraction(5, 6)) == "0.8 hours"
    assert present.hours_text(Fraction(47)) == "47.0 hours"
    assert present.hours_text(Fraction(60)) == "2.5 days"
    assert present.hours_text(None) == "—"


def test_lines_by_category_and_kind_the_most_first() -> None:
    month = figures()
    lines = present.category_lines(month, {"water": "水路维修", "in-home": "户内维修"})
    assert [(line.name, line.count, line.share) for line in lines] == [
        ("户内维修", 150, "75.00%"),
        ("水路维修", 50, "25.00%"),
    ]
    kinds = present.kind_lines(month)
    assert [(line.key, line.count, line.share) for line in kinds] == [
        ("repair", 190, "95.00%"),
        ("enquiry", 10, "5.00%"),
    ]
    assert present.figures_status(month) == "2026-09: 200 orders, 99.00% on time"
    assert present.figures_status(None) == ""


def test_the_chart_runs_twelve_months_across_a_year_end() -> None:
    months = present.chart_months("2027-02")
    assert months[0] == "2026-03" and months[-1] == "2027-02" and len(months) == 12
    assert len(set(months)) == 12
    assert present.chart_months("2026-12", 3) == ["2026-10", "2026-11", "2026-12"]
    assert present.chart_title(months, True) == "On-time rate by month, 2026-03 – 2027-02"


def test_limits_in_words() -> None:
    cutoff = time(22, 0)
    assert present.limit_text(TimeLimit(LimitKind.MINUTES, 30), cutoff) == "30 minutes"
    assert present.limit_text(TimeLimit(LimitKind.MINUTES, 480), cutoff) == "8 hours"
    assert present.limit_text(TimeLimit(LimitKind.SAME_DAY), cutoff) == "by 24:00 the same day"
    assert present.limit_text(TimeLimit(LimitKind.BEFORE_NIGHT), cutoff) == "before 22:00"
    assert present.limit_text(TimeLimit(LimitKind.WORKING_DAYS, 3), cutoff) == "3 working days"
    assert present.limit_text(None, cutoff) == ""
    assert present.default_text(None, TimeLimit(LimitKind.MINUTES, 15), cutoff) == "on site: 15 minutes"
    assert present.limit_kind_name(None) == "None"
    assert present.takes_amount(LimitKind.MINUTES) and not present.takes_amount(LimitKind.SAME_DAY)


def test_amounts_and_times_typed() -> None:
    assert present.read_amount(" 7 ", LimitKind.WORKING_DAYS, "f") == 7
    assert present.read_amount("abc", LimitKind.SAME_DAY, "f") == 0  # the kind takes none
    for bad in ("", "0", "1.5", "-3", "七"):
        with pytest.raises(ValidationError) as refused:
            present.read_amount(bad, LimitKind.MINUTES, "limits[1].finish")
        assert refused.value.field == "limits[1].finish"
    assert present.read_minutes("30", "emergency_minutes") == 30
    with pytest.raises(ValidationError):
        present.read_minutes("半小时", "emergency_minutes")
    assert present.read_clock("22:00", "c") == time(22, 0)
    assert present.read_clock("2130", "c") == time(21, 30)
    assert present.read_clock("21：30", "c") == time(21, 30)
    for bad in ("25:00", "22", "晚上十点", ""):
        with pytest.raises(ValidationError):
            present.read_clock(bad, "night_cutoff")


def test_what_the_calendar_knows_is_said() -> None:
    assert present.library_years(2026) == (2004, 2026)
    note = present.calendar_note((2004, 2026), [2027, 2031])
    assert "2004–2026" in note and "2027, 2031" in note and "weekends only" in note
    assert present.year_text(2026, None, True) == "2026 is in the statutory calendar: nothing to enter."
    assert "weekends only" in present.year_text(2028, None, False)
    held = Holidays(2031, (date(2031, 10, 1), date(2031, 10, 2)), (date(2031, 10, 11),))
    assert present.year_text(2031, held, False).startswith("2031: 2 holidays and 1 working weekend days")


def test_days_added_moved_and_removed() -> None:
    held = present.with_day(None, 2031, date(2031, 10, 1), False)
    assert held == Holidays(2031, (date(2031, 10, 1),), ())
    held = present.with_day(held, 2031, date(2031, 10, 11), True)
    moved = present.with_day(held, 2031, date(2031, 10, 1), True)  # now a working day, not both
    assert moved == Holidays(2031, (), (date(2031, 10, 1), date(2031, 10, 11)))
    assert present.without_days(held, [date(2031, 10, 1)]) == Holidays(2031, (), (date(2031, 10, 11),))
    lines = present.day_lines(held)
    assert [(line.day.day, line.working, line.kind) for line in lines] == [
        (1, False, "Holiday"),
        (11, True, "Working day"),
    ]
    assert present.weekday_name(date(2031, 10, 11)) == "Sat"
    assert present.day_lines(None) == []


def test_a_new_category_s_key_is_spelled_from_its_name() -> None:
    assert present.suggested_key("电梯", []) == "dianti"
    assert present.suggested_key("电梯", ["dianti"]) == "dianti-2"
    assert present.suggested_key("电梯", ["dianti", "dianti-2"]) == "dianti-3"
    assert present.suggested_key("Lift 2", []) == "lift2"
    assert present.suggested_key("  ", []) == "custom"


def test_the_figures_open_on_the_month_before_while_this_one_is_a_week_old() -> None:
    months = ["2026-12", "2026-11", "2026-10"]
    assert present.default_month(months, date(2026, 12, 1)) == "2026-11"
    assert present.default_month(months, date(2026, 12, 7)) == "2026-11"
    assert present.default_month(months, date(2026, 12, 8)) == "2026-12"
    assert present.default_month(["2027-01", "2026-12"], date(2027, 1, 2)) == "2026-12"  # across the year
    assert present.default_month(["2026-12", "2026-10"], date(2026, 12, 1)) == "2026-12"  # none before
    assert present.default_month(["2026-10"], date(2026, 12, 1)) == "2026-10"
    assert present.default_month([], date(2026, 12, 1)) is None
