"""The repair log's texts and colours (gui/presenters/repairs.py): time left or late, due today, caveats.

No translator is installed here, so the texts are the English source strings (conftest.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from estatedesk.domain.repairs import Channel, OrderKind, Payer, PlaceKind, State, Step, Timing, Urgency
from estatedesk.domain.workdays import CalendarSource
from estatedesk.gui.presenters import repairs as present
from estatedesk.services.repairs import OrderCreated, OrderDetail, OrderRow, StepDone, StepView
from estatedesk.services.repairs.orders import fund_notice

NOW = datetime(2026, 10, 9, 10, 0)


def row(
    state: State = State.DISPATCHED,
    arrive_due: datetime | None = None,
    finish_due: datetime | None = datetime(2026, 10, 10),
    arrived: datetime | None = None,
    done: datetime | None = None,
    worker: str = "李师傅",
    kind: OrderKind = OrderKind.REPAIR,
    calendar: CalendarSource = CalendarSource.STATUTORY,
) -> OrderRow:
    return OrderRow(
        order_id=7,
        number="000007",
        received=datetime(2026, 10, 9, 9, 0),
        kind=kind,
        category="water",
        urgency=Urgency.NORMAL,
        state=state,
        place="1-1-101",
        building="1",
        reporter="1-1-101",
        description="水管爆裂",
        worker=worker,
        timing=Timing(arrive_due, finish_due, arrived, done),
        calendar=calendar,
        last_note="已联系业主",
        last_note_at=datetime(2026, 10, 9, 9, 30),
        reworks=0,
    )


def step(kind: Step, at: datetime, **values: object) -> StepView:
    return StepView(
        step_id=1, kind=kind, at=at, recorded_at="2026-10-09T01:00:00+00:00", actor="前台小王", **values
    )  # type: ignore[arg-type]


def detail(order: OrderRow, steps: tuple[StepView, ...] = (), **values: object) -> OrderDetail:
    fields: dict[str, object] = {
        "channel": Channel.PHONE,
        "place_kind": PlaceKind.ROOM,
        "room_code": "1-1-101",
        "reporter_name": "",
        "reporter_phone": "13812345678",
        "facility_id": None,
        "facility": "",
        "upkeep": False,
        "worker_phone": "",
        "payer": None,
        "cost_fen": None,
        "steps": steps,
        "photos": (),
        "notices": (),
    }
    fields.update(values)
    return OrderDetail(row=order, **fields)  # type: ignore[arg-type]


def test_durations_name_the_two_largest_units() -> None:
    assert present.duration_text(timedelta(hours=2, minutes=15)) == "2 h 15 min"
    assert present.duration_text(timedelta(days=1, hours=3, minutes=59)) == "1 d 3 h"
    assert present.duration_text(timedelta(days=2)) == "2 d"
    assert present.duration_text(timedelta(hours=5)) == "5 h"
    assert present.duration_text(timedelta(minutes=40, seconds=30)) == "40 min"
    assert present.duration_text(timedelta(0)) == "0 min"


def test_time_left_before_the_deadline_and_how_late_after_it() -> None:
    due = datetime(2026, 10, 9, 12, 15)
    assert present.time_left_text(due, NOW) == "2 h 15 min left"
    assert present.time_left_text(due, due) == "0 min left"
    assert present.time_left_text(due, due + timedelta(days=1, hours=3)) == "overdue 1 d 3 h"


def test_a_deadline_at_midnight_is_24_00_of_its_day() -> None:
    assert present.due_text(datetime(2026, 10, 10)) == "2026-10-09 24:00"
    assert present.due_text(datetime(2026, 10, 9, 9, 30)) == "2026-10-09 09:30"
    assert present.due_text(None) == ""


def test_an_order_due_before_midnight_is_amber_and_one_overdue_red() -> None:
    today = row(finish_due=datetime(2026, 10, 10))  # 24:00 tonight
    assert present.due_today(today, NOW) and not today.overdue(NOW)
    assert present.row_background(today, NOW) == present.DUE_TODAY_BACKGROUND
    assert present.standing_colour(today, NOW) == present.DUE_TODAY_COLOUR
    assert present.standing_text(today, NOW) == "14 h left"
    late = row(finish_due=datetime(2026, 10, 8, 18, 0))
    assert present.row_background(late, NOW) == present.OVERDUE_BACKGROUND
    assert present.standing_colour(late, NOW) == present.OVERDUE_COLOUR
    assert present.standing_text(late, NOW) == "overdue 16 h"
    later = row(finish_due=datetime(2026, 10, 14))
    assert present.row_background(later, NOW) is None and present.standing_colour(later, NOW) is None
    assert present.standing_text(later, NOW) == "4 d 14 h left"


def test_the_next_deadline_is_arrival_until_someone_is_on_site() -> None:
    waiting = row(arrive_due=datetime(2026, 10, 9, 10, 15), finish_due=datetime(2026, 10, 20))
    assert present.standing_text(waiting, NOW) == "15 min left"
    there = replace(waiting, timing=replace(waiting.timing, arrived=datetime(2026, 10, 9, 10, 5)))
    assert present.standing_text(there, NOW) == "10 d 14 h left"


def test_a_finished_order_says_whether_it_was_on_time() -> None:
    on_time = row(State.CLOSED, done=datetime(2026, 10, 9, 20, 0))
    assert present.standing_text(on_time, NOW) == "on time" and present.standing_colour(on_time, NOW) is None
    late = row(State.VISITED, done=datetime(2026, 10, 10, 2, 30))
    # Done late: said, in grey; red is only what must still be chased (the board counts it so).
    assert present.standing_text(late, NOW) == "done late by 2 h 30 min"
    assert present.standing_colour(late, NOW) == present.LATE_COLOUR != present.OVERDUE_COLOUR
    assert not late.overdue(NOW) and present.board_counts([late], NOW).overdue == 0
    came_late = row(State.DONE, arrive_due=datetime(2026, 10, 9, 9, 30), done=datetime(2026, 10, 9, 9, 50))
    assert present.standing_text(came_late, NOW) == "on site late by 20 min"
    assert present.standing_colour(came_late, NOW) == present.LATE_COLOUR
    assert present.standing_text(row(State.CANCELLED), NOW) == ""
    assert present.standing_text(row(finish_due=None), NOW) == "no time limit"


def test_a_deadline_counted_without_the_statutory_calendar_says_so() -> None:
    assert present.calendar_caveat(CalendarSource.STATUTORY) == ""
    assert "weekends only" in present.calendar_caveat(CalendarSource.WEEKENDS_ONLY)
    assert "office entered" in present.calendar_caveat(CalendarSource.OFFICE)
    created = OrderCreated(
        9, "000009", None, datetime(2031, 10, 2), datetime(2031, 10, 2), CalendarSource.WEEKENDS_ONLY
    )
    text = present.created_text(created)
    assert "000009" in text and "Done by 2031-10-01 24:00" in text
    assert present.calendar_caveat(CalendarSource.WEEKENDS_ONLY) in text


def test_the_board_counts_open_overdue_and_due_today() -> None:
    rows = [
        row(finish_due=datetime(2026, 10, 8)),
        row(finish_due=datetime(2026, 10, 10)),
        row(finish_due=datetime(2026, 10, 12)),
        row(State.CLOSED, done=datetime(2026, 10, 9, 9, 30)),
    ]
    counts = present.board_counts(rows, NOW)
    assert counts == present.BoardCounts(open=3, overdue=1, due_today=1)
    assert present.board_status(counts) == "3 open orders, 1 overdue, 1 due today"
    html = present.board_counts_html(counts)
    assert present.OVERDUE_COLOUR in html and present.DUE_TODAY_COLOUR in html
    assert present.last_note_text(rows[0]) == "10-09 09:30 已联系业主"


def test_the_steps_offered_fit_where_the_order_stands() -> None:
    assert present.allowed_steps(row(State.RECEIVED, worker="")) == {
        Step.DISPATCH,
        Step.PAUSE,
        Step.CANCEL,
        Step.NOTE,
        Step.PHOTO,
    }
    assert Step.START in present.allowed_steps(row(State.DISPATCHED))
    assert Step.VISIT not in present.allowed_steps(row(State.IN_PROGRESS))
    assert {Step.VISIT, Step.CLOSE} <= present.allowed_steps(row(State.DONE))
    assert Step.START in present.allowed_steps(row(State.PAUSED))  # it had a worker
    assert Step.START not in present.allowed_steps(row(State.PAUSED, worker=""))
    assert present.allowed_steps(row(State.CLOSED)) == {Step.NOTE, Step.PHOTO}
    enquiry = row(State.RECEIVED, worker="", kind=OrderKind.ENQUIRY)
    assert Step.DONE in present.allowed_steps(enquiry)  # answered at once


def test_the_detail_shows_the_order_its_deadlines_and_steps() -> None:
    order = row(
        arrive_due=datetime(2026, 10, 9, 9, 30),
        finish_due=datetime(2026, 10, 10),
        arrived=datetime(2026, 10, 9, 9, 40),
    )
    steps = (
        step(Step.RECEIVE, datetime(2026, 10, 9, 9, 0)),
        step(Step.DISPATCH, datetime(2026, 10, 9, 9, 5), worker="李师傅", worker_phone="13900001111"),
        step(Step.START, datetime(2026, 10, 9, 9, 40)),
        step(Step.NOTE, datetime(2026, 10, 9, 9, 50), text="等配件"),
    )
    html = present.detail_html(detail(order, steps), NOW, {"water": "Water"}, phone="13812345678")
    assert "Order 000007" in html and "水管爆裂" in html
    assert "138****5678" in html and "13812345678" not in html and present.REVEAL_PHONE_LINK in html
    assert "late by 10 min" in html  # on site at 09:40 for 09:30
    assert "14 h left" in html  # done by 24:00
    assert "to 李师傅 13900001111" in html and "等配件" in html and "前台小王" in html
    shown = present.detail_html(detail(order, steps), NOW, phone="13812345678", phone_revealed=True)
    assert "13812345678" in shown
    weekends = replace(order, calendar=CalendarSource.WEEKENDS_ONLY)
    assert present.calendar_caveat(CalendarSource.WEEKENDS_ONLY) in present.detail_html(detail(weekends), NOW)


def test_the_fund_spent_without_a_vote_is_a_visible_warning() -> None:
    done = step(
        Step.DONE,
        datetime(2026, 10, 9, 11, 0),
        work="换水泵",
        materials_fen=120000,
        labour_fen=20000,
        payer=Payer.FUND,
    )
    html = present.detail_html(detail(row(State.DONE), (done,), notices=(fund_notice(),)), NOW)
    assert "⚠" in html and "maintenance fund pays without an owners" in html
    assert "materials ¥1,200.00" in html and "labour ¥200.00" in html and "paid by: Maintenance fund" in html
    voted = replace(done, vote_id=3)
    assert "approved by vote #3 更换水泵" in present.step_what(voted, {3: "更换水泵"})
    assert "emergency use" in present.step_what(replace(done, emergency_use=True))


def test_what_the_owner_pays_is_charged_and_said() -> None:
    steps = (
        step(Step.DONE, NOW, work="换阀", materials_fen=1250, labour_fen=5000, payer=Payer.OWNER),
        step(Step.DONE, NOW, work="返修", labour_fen=3000, payer=Payer.ESTATE),
    )
    assert present.owner_owes(detail(row(State.DONE), steps)) == 6250
    said = present.step_done_text(StepDone(7, State.CLOSED, (), 41, 6250), "1-1-101")
    assert said == "¥62.50 was charged to the fee account of 1-1-101."
    charged = step(Step.CLOSE, NOW, charge_entry_id=41, charge_fen=6250)
    assert present.step_what(charged) == "¥62.50 charged to the room's fee account"
    assert present.step_done_text(StepDone(7, State.DISPATCHED)) == ""


def test_documents_are_written_in_the_data_folder_by_number_and_day(tmp_path: Path) -> None:
    assert present.work_order_path(tmp_path, "000007") == tmp_path / "报修" / "派工单-000007.pdf"
    assert present.daily_sheet_path(tmp_path, NOW) == tmp_path / "报修" / "日清日审-2026-10-09.pdf"


def test_categories_are_named_built_in_ones_by_the_program_and_the_office_s_own_as_named() -> None:
    assert present.category_text("water") == "Water"
    assert present.category_text("lift", "电梯") == "电梯"
    assert present.category_text("unknown-key") == "unknown-key"


# ---------------------------------------------------------------- the clerk's review


def reopened(rework_due: datetime) -> OrderRow:
    """Done on time, then reopened by an unsatisfied visit: the rework due at ``rework_due``."""
    done = row(State.DISPATCHED, done=datetime(2026, 10, 8, 11, 0), finish_due=datetime(2026, 10, 9))
    return replace(done, timing=replace(done.timing, rework_due=rework_due), reworks=1)


def test_a_rework_past_its_deadline_is_overdue_red_and_counted() -> None:
    late = reopened(datetime(2026, 10, 9))  # 24:00 of the day of the visit, ten hours ago
    assert late.overdue(NOW) and present.standing_text(late, NOW) == "overdue 10 h"
    assert present.standing_colour(late, NOW) == present.OVERDUE_COLOUR
    assert present.row_background(late, NOW) == present.OVERDUE_BACKGROUND
    assert present.board_counts([late], NOW) == present.BoardCounts(open=1, overdue=1, due_today=0)
    lines = present.deadline_lines(detail(late), NOW)
    assert [(line.title, line.due, line.standing, line.colour) for line in lines] == [
        ("Work done", "2026-10-08 24:00", "on time (at 2026-10-08 11:00)", present.ON_TIME_COLOUR),
        ("Rework done", "2026-10-08 24:00", "overdue 10 h", present.OVERDUE_COLOUR),
    ]
    today = reopened(datetime(2026, 10, 10))  # by 24:00 tonight
    assert present.due_today(today, NOW) and present.standing_colour(today, NOW) == present.DUE_TODAY_COLOUR
    (_, rework) = present.deadline_lines(detail(today), NOW)
    assert (rework.standing, rework.colour) == ("14 h left", present.DUE_TODAY_COLOUR)
    cancelled = replace(late, state=State.CANCELLED)
    assert present.deadline_lines(detail(cancelled), NOW)[-1].standing == "cancelled"


def test_the_earliest_deadline_is_the_one_shown() -> None:
    # An emergency water order at 23:50: done by 24:00 comes before on site by 00:20.
    night = row(arrive_due=datetime(2026, 10, 10, 0, 20), finish_due=datetime(2026, 10, 10))
    assert night.due == datetime(2026, 10, 10)
    assert present.standing_text(night, datetime(2026, 10, 9, 23, 55)) == "5 min left"


def test_an_emergency_is_marked_in_its_category_cell() -> None:
    urgent = replace(row(), urgency=Urgency.EMERGENCY)
    assert present.category_cell_text(urgent, {}) == "[Emergency] Water"
    assert present.category_cell_text(row(), {"water": "水路维修"}) == "水路维修"


def test_the_owner_pays_by_default_only_for_a_repair_inside_a_home() -> None:
    home = replace(row(), category="in-home")
    assert present.default_payer(detail(home)) is Payer.OWNER
    assert present.default_payer(detail(home, place_kind=PlaceKind.STAIRWELL, room_code="")) is Payer.ESTATE
    assert present.default_payer(detail(row())) is Payer.ESTATE  # water, even in a room


def test_dates_the_wrong_way_round_are_said() -> None:
    said = present.reversed_dates_text(date(2026, 10, 9), date(2026, 9, 1))
    assert "2026-10-09" in said and "2026-09-01" in said
