"""The repair log's commands (cli/repairs.py) end to end, through the command line's entry point.

Deadlines are checked across the 2026 National Day week (1-7 Oct off, Saturday 10 Oct worked), the
2026 Spring Festival (15-23 Feb off, Saturdays 14 and 28 Feb worked) and a year chinese-calendar
does not know (2031: weekends only, until the office's table is imported). Every ``--json`` is
checked for exactly its keys; every refusal exits 1 naming the option, with nothing written.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from estatedesk.cli import EXIT_OK, EXIT_USAGE
from estatedesk.cli.common import opened
from helpers.cli_run import make_estate, refusal, run, succeeds, usage_error

ROOMS = [
    ["3", "2", "501", "89.5", "王玥", "13800000001", ""],
    ["3", "2", "502", "76", "李喆", "13800000002", ""],
]
ADD_KEYS = {"order", "due", "calendar"}
STEP_KEYS = {"order", "state", "notices"}
ROW_KEYS = {"order", "state", "category", "received", "due", "overdue"}
STATS_KEYS = {"orders", "on_time_rate", "visit_rate", "satisfaction", "rework_rate"}


def iso(text: str) -> str:
    """A wall-clock time as ``--json`` gives it: ISO 8601 with the local offset."""
    return datetime.fromisoformat(text).astimezone().isoformat()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An estate with two rooms of building 3, made by ``import households``."""
    return make_estate(tmp_path, ROOMS)


def repairs(db: Path, *argv: str) -> str:
    """Run ``repairs …`` and insist that it succeeds; its output."""
    return succeeds(db, "repairs", *argv)


def repairs_json(db: Path, *argv: str) -> Any:
    return json.loads(repairs(db, *argv, "--json"))


def refused(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run ``repairs …``, insist that it exits 1 printing nothing but one error line; that line."""
    return refusal(db, capsys, "repairs", *argv)


def add(db: Path, received: str, category: str, *options: str) -> dict[str, Any]:
    """Open an order (in room 3-2-501 unless ``--place`` is given); its ``--json``."""
    where = () if "--place" in options or "--room" in options else ("--room", "3-2-501")
    made = repairs_json(
        db, "add", "--received", received, "--category", category, *where, "--text", "报修", *options
    )
    assert set(made) == ADD_KEYS
    return dict(made)


def step(db: Path, *argv: str) -> dict[str, Any]:
    """Take a step; its ``--json``, checked for its keys."""
    done = repairs_json(db, *argv)
    assert set(done) == STEP_KEYS | ({"charge_fen"} if argv[0] == "close" else set())
    return dict(done)


def steps_of(db: Path, order: int) -> list[str]:
    return [taken["step"] for taken in repairs_json(db, "show", str(order))["steps"]]


def owed_fen(db: Path, room: str) -> int:
    code, out = run("--db", str(db), "fees", "account", "--room", room, "--json")
    assert code == EXIT_OK, out
    return int(json.loads(out)["owed_fen"])


def work_through(db: Path, order: int, day: str, done_at: str, *done_options: str) -> None:
    """Dispatch, start and finish an order: dispatched and on site on ``day``, done at ``done_at``."""
    step(db, "dispatch", str(order), "--to", "李师傅", "--at", f"{day} 09:05")
    step(db, "start", str(order), "--at", f"{day} 09:20")
    step(db, "done", str(order), "--work", "修好", "--at", done_at, *done_options)


# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize(
    ("received", "category", "due"),
    [
        # 3 working days from 30 Sep: 1-7 Oct off, 8 Oct, 9 Oct, Sat 10 Oct worked → by 24:00 of 10 Oct.
        ("2026-09-30 10:00", "common-part", "2026-10-11 00:00"),
        ("2026-09-30 10:00", "public-glass-door-light", "2026-10-10 00:00"),
        # From Fri 9 Oct: Sat 10 Oct worked is the 1st, Sun 11 off, 12-16 Oct, 19 Oct is the 7th.
        ("2026-10-09 09:00", "in-home", "2026-10-20 00:00"),
        # The same-day and clock limits run through the holiday as on any day.
        ("2026-10-02 15:00", "water", "2026-10-03 00:00"),
        ("2026-10-02 21:00", "electricity", "2026-10-02 23:00"),
        ("2026-10-02 15:00", "electricity", "2026-10-02 22:00"),
        ("2026-10-03 08:00", "complaint", "2026-10-03 16:00"),
        ("2026-10-03 08:00", "enquiry", "2026-10-03 08:30"),
        ("2026-10-03 08:00", "noise-smell", "2026-10-03 08:15"),
    ],
)
def test_deadlines_across_the_national_day_week(db: Path, received: str, category: str, due: str) -> None:
    made = add(db, received, category)
    assert made["due"] == iso(due)
    assert made["calendar"] == "statutory"


@pytest.mark.parametrize(
    ("received", "category", "due"),
    [
        # Thu 12 Feb: Fri 13 Feb, then Sat 14 Feb worked → by 24:00 of 14 Feb.
        ("2026-02-12 10:00", "public-glass-door-light", "2026-02-15 00:00"),
        # Fri 13 Feb: Sat 14 worked, 15-23 off, 24 and 25 Feb.
        ("2026-02-13 10:00", "common-part", "2026-02-26 00:00"),
        # Fri 13 Feb: 14, 24, 25, 26, 27, Sat 28 Feb worked (6th), Sun 1 Mar off, Mon 2 Mar (7th).
        ("2026-02-13 10:00", "in-home", "2026-03-03 00:00"),
        # Received on a holiday: the first working day after it is 24 Feb.
        ("2026-02-17 10:00", "public-glass-door-light", "2026-02-26 00:00"),
    ],
)
def test_deadlines_across_the_spring_festival(db: Path, received: str, category: str, due: str) -> None:
    made = add(db, received, category)
    assert made["due"] == iso(due)
    assert made["calendar"] == "statutory"


def test_an_emergency_is_due_on_site_within_30_minutes_any_day(db: Path) -> None:
    made = add(db, "2026-10-01 23:50", "in-home", "--urgency", "emergency")
    assert made["due"] == iso("2026-10-02 00:20")  # the arrival, the first deadline to meet
    shown = repairs_json(db, "show", str(made["order"]), "--as-of", "2026-10-02 00:00")
    assert shown["arrive_due"] == iso("2026-10-02 00:20")
    assert shown["finish_due"] == iso("2026-10-16 00:00")  # 7 working days after 1 Oct: 8, 9, 10, 12-15 Oct
    assert shown["arrival"] == "pending" and shown["completion"] == "pending"


def write_holidays_2031(path: Path) -> Path:
    """The 2031 National Day as the office would type it: 1-7 Oct off, Sun 28 Sep and Sat 11 Oct worked."""
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["日期", "类型"])
        writer.writerow(["2031-09-28", "班"])
        writer.writerows([f"2031-10-0{day}", "休"] for day in range(1, 8))
        writer.writerow(["2031/10/11", "班"])
    return path


def test_a_year_the_library_does_not_know_counts_weekends_until_its_table_is_imported(
    db: Path, tmp_path: Path
) -> None:
    # Tue 30 Sep 2031 + 3 working days, weekends only: Wed 1, Thu 2, Fri 3 Oct.
    before = add(db, "2031-09-30 10:00", "common-part", "--place", "3号楼屋面")
    assert before == {"order": before["order"], "due": iso("2031-10-04 00:00"), "calendar": "weekends-only"}
    text = repairs(db, "add", "--received", "2031-09-30 10:00", "--category", "water", "--room", "3-2-501",
                   "--text", "水管爆裂")  # fmt: skip
    assert "weekends only" in text  # said even on a same-day limit counted in that year
    imported = repairs_json(db, "holidays", "import", str(write_holidays_2031(tmp_path / "2031.csv")))
    assert imported == {
        "years": [
            {
                "year": 2031,
                "holidays": [f"2031-10-0{day}" for day in range(1, 8)],
                "working_days": ["2031-09-28", "2031-10-11"],
            }
        ]
    }
    # 1-7 Oct off: Wed 8, Thu 9, Fri 10 Oct.
    after = add(db, "2031-09-30 10:00", "common-part", "--place", "3号楼屋面")
    assert after["due"] == iso("2031-10-11 00:00") and after["calendar"] == "office"
    # Sat 11 Oct worked: from Fri 10 Oct, 2 working days are 11 and 13 Oct.
    assert add(db, "2031-10-10 10:00", "public-glass-door-light")["due"] == iso("2031-10-14 00:00")
    # An order received before keeps its deadline, and still says how it was counted.
    listed = {row["order"]: row for row in repairs_json(db, "list", "--as-of", "2031-09-30 12:00")["orders"]}
    assert listed[before["order"]]["due"] == iso("2031-10-04 00:00")
    assert "weekends only" in repairs(db, "show", str(before["order"]))
    assert repairs_json(db, "holidays", "list") == imported
    assert "2031: working days 2031-09-28, 2031-10-11" in repairs(db, "holidays", "list")
    assert repairs(db, "holidays", "remove", "2031").startswith("removed the office's table of 2031")
    assert repairs_json(db, "holidays", "list") == {"years": []}
    assert add(db, "2031-09-30 10:00", "common-part")["calendar"] == "weekends-only"


def test_holidays_import_reads_xlsx_with_english_words(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "2030.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["date", "kind"])
    sheet.append(["2030-10-01", "holiday"])
    sheet.append(["2030-10-12", "workday"])
    book.save(path)
    assert repairs(db, "holidays", "import", str(path)) == "entered 2030: 1 holiday, 1 swapped working day\n"
    # Tue 1 Oct 2030 off: from Mon 30 Sep, 1 working day is Wed 2 Oct.
    assert add(db, "2030-09-30 10:00", "common-part")["calendar"] == "office"


def test_holidays_import_refuses_a_known_year_and_a_bad_row_naming_the_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    known = tmp_path / "2026.csv"
    known.write_text("日期,类型\n2026-10-01,休\n", encoding="utf-8")
    assert refused(db, capsys, "holidays", "import", str(known)) == (
        "FILE: 2026 is in the statutory calendar already: the office's table is for later years"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("日期,类型\n2031-10-01,休\n2031-10-02,maybe\n", encoding="utf-8")
    assert refused(db, capsys, "holidays", "import", str(bad)).startswith(
        "FILE: row 3: say whether 2031-10-02 is a holiday or a working day"
    )
    assert repairs_json(db, "holidays", "list") == {"years": []}  # nothing half-entered
    assert refused(db, capsys, "holidays", "remove", "2031") == "no arrangement of 2031 was entered"


def test_a_category_the_office_added_is_taken(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from estatedesk.domain.repairs import LimitKind, Limits, TimeLimit
    from estatedesk.services import repairs as service

    lift = (
        "add",
        "--received",
        "2026-10-09 09:00",
        "--category",
        "lift",
        "--room",
        "3-2-501",
        "--text",
        "电梯困人",
    )
    assert refused(db, capsys, *lift).startswith("--category: 'lift' is not a category")
    defaults = Limits()
    with opened(db):
        service.save_limits(
            Limits(finish={**defaults.finish, "lift": TimeLimit(LimitKind.MINUTES, 120)}),
            names={"lift": "电梯"},
        )
    assert add(db, "2026-10-09 09:00", "lift")["due"] == iso("2026-10-09 11:00")


# ---------------------------------------------------------------- the flow


def test_an_order_through_its_whole_flow_charges_the_owner_on_closing(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = add(db, "2026-10-09 09:00", "in-home", "--phone", "13912345678", "--reporter", "王玥")
    order = str(made["order"])
    dispatched = step(
        db, "dispatch", order, "--to", "李师傅", "--phone", "13800001111", "--at", "2026-10-09 09:10"
    )
    assert dispatched == {"order": made["order"], "state": "dispatched", "notices": []}
    assert step(db, "start", order, "--at", "2026-10-09 10:00")["state"] == "in-progress"
    done = step(db, "done", order, "--work", "换密封圈", "--materials", "密封圈", "--materials-cost", "12.50",
                "--cost", "50", "--payer", "owner", "--at", "2026-10-09 11:00")  # fmt: skip
    assert done["state"] == "done"
    assert (
        step(db, "visit", order, "--satisfied", "yes", "--comment", "满意", "--at", "2026-10-10 09:00")[
            "state"
        ]
        == "visited"
    )
    assert owed_fen(db, "3-2-501") == 0  # nothing is charged before closing
    assert step(db, "close", order, "--at", "2026-10-10 09:05") == {
        "order": made["order"],
        "state": "closed",
        "notices": [],
        "charge_fen": 6250,
    }
    assert owed_fen(db, "3-2-501") == 6250
    assert steps_of(db, made["order"]) == ["receive", "dispatch", "start", "done", "visit", "close"]
    shown = repairs(db, "show", order)
    assert "139****5678" in shown and "13912345678" not in shown  # the reporter's phone, masked
    assert "charged 62.50 yuan to the room" in shown
    assert repairs_json(db, "show", order)["reporter_phone"] == "139****5678"


def test_the_text_output_of_each_step(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    order = str(add(db, "2026-10-09 09:00", "in-home")["order"])
    assert repairs(db, "dispatch", order, "--to", "李师傅", "--at", "2026-10-09 09:10") == (
        "order 000001 is dispatched to 李师傅\n"
    )
    assert repairs(db, "start", order, "--at", "2026-10-09 10:00") == "order 000001 is in progress\n"
    assert repairs(db, "done", order, "--work", "修好", "--cost", "80", "--payer", "owner", "--at",
                   "2026-10-09 11:00") == (
        "order 000001 is done: 80.00 yuan, paid by owner; completion on-time (due 2026-10-20 00:00)\n"
    )  # fmt: skip
    assert repairs(db, "visit", order, "--satisfied", "yes", "--at", "2026-10-09 12:00") == (
        "order 000001 is visited: the owner is satisfied\n"
    )
    assert repairs(db, "close", order, "--at", "2026-10-09 12:05") == (
        "order 000001 is closed; charged 80.00 yuan to the fee account of room 3-2-501\n"
    )
    assert capsys.readouterr().err == ""


def test_closing_without_a_charge_and_the_clerk_recorded(db: Path) -> None:
    order = add(db, "2026-10-09 09:00", "in-home")["order"]
    work_through(db, order, "2026-10-09", "2026-10-09 11:00", "--cost", "30", "--payer", "owner")
    closed = step(db, "close", str(order), "--no-charge", "--at", "2026-10-09 12:00", "--clerk", "张会计")
    assert closed["charge_fen"] == 0 and closed["state"] == "closed"
    assert owed_fen(db, "3-2-501") == 0
    assert repairs_json(db, "show", str(order))["steps"][-1]["actor"] == "张会计"


def test_an_unsatisfied_visit_reopens_the_order_for_rework(db: Path) -> None:
    order = add(db, "2026-10-09 09:00", "water")["order"]
    work_through(db, order, "2026-10-09", "2026-10-09 10:00")
    assert repairs(
        db, "visit", str(order), "--satisfied", "no", "--comment", "还在滴", "--at", "2026-10-09 12:00"
    ) == ("order 000001 is reopened for rework: dispatched to 李师傅 again\n")
    assert repairs_json(db, "show", str(order))["reworks"] == 1
    assert step(db, "start", str(order), "--at", "2026-10-09 13:00")["state"] == "in-progress"
    assert step(db, "done", str(order), "--work", "换阀门", "--at", "2026-10-09 14:00")["state"] == "done"


def test_the_fund_without_a_vote_is_done_with_a_warning(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = add(db, "2026-10-09 09:00", "common-part")["order"]
    work_through(db, first, "2026-10-09", "2026-10-09 11:00", "--cost", "500", "--payer", "fund", "--json")
    notices = repairs_json(db, "show", str(first))["notices"]
    assert notices == [
        "the maintenance fund pays without an owners' decision: link the vote that approved it,"
        " or mark it as emergency use"
    ]
    second = str(add(db, "2026-10-09 09:00", "common-part")["order"])
    repairs(db, "dispatch", second, "--to", "李师傅", "--at", "2026-10-09 09:05")
    repairs(db, "start", second, "--at", "2026-10-09 09:20")
    capsys.readouterr()
    out = repairs(db, "done", second, "--work", "换水泵", "--cost", "500", "--payer", "fund", "--at",
                  "2026-10-09 11:00")  # fmt: skip
    assert out.startswith("order 000002 is done: 500.00 yuan, paid by fund")
    assert capsys.readouterr().err == f"warning: {notices[0]}\n"
    third = add(db, "2026-10-09 09:00", "common-part")["order"]
    repairs(db, "dispatch", str(third), "--to", "李师傅", "--at", "2026-10-09 09:05")
    repairs(db, "start", str(third), "--at", "2026-10-09 09:20")
    emergency = step(db, "done", str(third), "--work", "换水泵", "--cost", "500", "--payer", "fund",
                     "--emergency-use", "--at", "2026-10-09 11:00")  # fmt: skip
    assert emergency["notices"] == []


def test_the_fund_with_a_vote_that_does_not_exist_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    order = str(add(db, "2026-10-09 09:00", "common-part")["order"])
    repairs(db, "dispatch", order, "--to", "李师傅", "--at", "2026-10-09 09:05")
    repairs(db, "start", order, "--at", "2026-10-09 09:20")
    assert refused(db, capsys, "done", order, "--work", "换水泵", "--payer", "fund", "--vote", "7") == (
        "--vote: no vote has the number 7"
    )


def test_pause_cancel_and_notes(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    order = str(add(db, "2026-10-09 09:00", "in-home")["order"])
    step(db, "dispatch", order, "--to", "李师傅", "--at", "2026-10-09 09:10")
    assert step(db, "pause", order, "--reason", "等配件", "--at", "2026-10-09 10:00")["state"] == "paused"
    assert step(db, "note", order, "--text", "配件周五到")["state"] == "paused"
    assert step(db, "start", order, "--at", "2026-10-10 10:00")["state"] == "in-progress"  # it had a worker
    assert refused(db, capsys, "cancel", order, "--reason", "  ") == "--reason: give the reason"
    other = str(add(db, "2026-10-09 09:00", "in-home")["order"])
    assert (
        step(db, "cancel", other, "--reason", "重复报修", "--at", "2026-10-09 09:30")["state"] == "cancelled"
    )
    assert refused(db, capsys, "dispatch", other, "--to", "李师傅").startswith("ID: the order is cancelled")
    assert step(db, "note", other, "--text", "已告知业主")["state"] == "cancelled"  # notes are always taken
    assert refused(db, capsys, "note", other, "--text", " ") == "--text: the note is empty"
    assert repairs(db, "pause", order, "--reason", "业主不在家", "--at", "2026-10-10 11:00") == (
        "order 000001 is paused: 业主不在家\n"
    )


# ---------------------------------------------------------------- refusals


def test_refusals_name_the_option_and_write_nothing(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def adding(*options: str) -> str:
        return refused(db, capsys, "add", "--received", "2026-10-09 09:00", "--category", "water", *options)

    assert (
        adding("--room", "3-2-501", "--text", "  ") == "--text: say what is wrong: the description is empty"
    )
    assert adding("--room", "9-9-999", "--text", "漏水") == "--room: no room has the code 9-9-999"
    assert adding("--place", " ", "--text", "漏水") == "--place: say where the work is"
    assert adding("--room", "3-2-501", "--text", "漏水", "--urgency", "soon").startswith(
        "--urgency: 'soon' is not one of emergency, normal"
    )
    assert adding("--room", "3-2-501", "--text", "漏水", "--phone", "12345").startswith("--phone: ")
    no_time = (
        "add",
        "--received",
        "2026-10-09",
        "--category",
        "water",
        "--room",
        "3-2-501",
        "--text",
        "漏水",
    )
    assert refused(db, capsys, *no_time) == "--received: '2026-10-09' is not a time such as 2026-10-01 09:30"
    assert repairs_json(db, "list") == {"orders": []}

    order = str(add(db, "2026-10-09 09:00", "water")["order"])
    assert refused(db, capsys, "visit", order, "--satisfied", "yes", "--at", "2026-10-09 10:00") == (
        "ID: a return visit comes after the work is done: the order is received"
    )
    assert refused(db, capsys, "close", order).startswith("ID: an order is closed once its work is done")
    assert refused(db, capsys, "start", order) == "ID: dispatch the order to a worker before the work starts"
    repairs(db, "dispatch", order, "--to", "李师傅", "--at", "2026-10-09 09:05")
    repairs(db, "start", order, "--at", "2026-10-09 09:20")
    assert refused(db, capsys, "done", order, "--work", "修好", "--at", "2026-10-09 08:00") == (
        "--at: done at 2026-10-09 08:00 is before the order was received at 2026-10-09 09:00"
    )
    assert refused(
        db, capsys, "done", order, "--work", "修好", "--cost", "1.234", "--at", "2026-10-09 10:00"
    ) == ("--cost: an amount has at most 2 decimals (fen)")
    assert refused(db, capsys, "done", order, "--work", "修好", "--materials-cost", "1.234").startswith(
        "--materials-cost: "
    )
    assert refused(db, capsys, "done", order, "--work", " ") == "--work: say what was done"
    assert refused(db, capsys, "done", order, "--work", "修好", "--payer", "boss").startswith(
        "--payer: 'boss' is not one of owner, estate, fund"
    )
    assert refused(db, capsys, "dispatch", order, "--to", " ").startswith("--to: name the worker")
    assert steps_of(db, int(order)) == ["receive", "dispatch", "start"]  # nothing half-written
    assert repairs_json(db, "show", order)["state"] == "in-progress"


def test_an_unknown_order_is_a_clear_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ("show", "99"),
        ("dispatch", "99", "--to", "李师傅"),
        ("start", "99"),
        ("done", "99", "--work", "修好"),
        ("visit", "99", "--satisfied", "yes"),
        ("close", "99"),
        ("pause", "99", "--reason", "等配件"),
        ("cancel", "99", "--reason", "重复"),
        ("note", "99", "--text", "跟进"),
    ):
        assert refused(db, capsys, *argv) == "no repair order has the number 99"


def test_usage_errors_exit_2(db: Path) -> None:
    base = ("--db", str(db), "repairs")
    assert (
        usage_error(*base, "add", "--received", "2026-10-09 09:00", "--category", "water", "--text", "x")
        == EXIT_USAGE
    )
    assert usage_error(*base, "add", "--received", "2026-10-09 09:00", "--category", "water", "--room",
                       "3-2-501", "--place", "路灯", "--text", "x") == EXIT_USAGE  # fmt: skip
    assert usage_error(*base, "visit", "1", "--satisfied", "maybe") == EXIT_USAGE
    assert usage_error(*base, "start", "0") == EXIT_USAGE
    assert usage_error(*base, "holidays") == EXIT_USAGE


def test_a_room_typed_as_the_window_reads_it(db: Path) -> None:
    order = repairs_json(db, "add", "--received", "2026-10-09 09:00", "--category", "water", "--room",
                         "3号楼2单元501室", "--text", "漏水")["order"]  # fmt: skip
    assert repairs_json(db, "show", str(order))["room"] == "3-2-501"


def test_add_without_json_says_the_deadlines(db: Path) -> None:
    assert repairs(db, "add", "--received", "2026-10-09 09:00", "--category", "noise-smell", "--kind",
                   "complaint", "--room", "3-2-502", "--text", "楼上噪音") == (
        "opened order 000001: noise-smell, normal\non site by 2026-10-09 09:15\n"
    )  # fmt: skip


# ---------------------------------------------------------------- the list, the board, an order


def test_list_open_and_overdue_as_of(db: Path) -> None:
    water = add(db, "2026-10-09 09:00", "water")["order"]  # due 24:00 of 9 Oct
    home = add(db, "2026-10-09 09:00", "in-home")["order"]  # due 24:00 of 19 Oct
    done = add(db, "2026-10-08 09:00", "water")["order"]
    work_through(db, done, "2026-10-08", "2026-10-08 12:00")
    repairs(db, "close", str(done), "--at", "2026-10-08 13:00")

    everything = repairs_json(db, "list", "--as-of", "2026-10-10 08:00")["orders"]
    assert all(set(row) == ROW_KEYS for row in everything)
    assert [row["order"] for row in everything] == [home, water, done]  # newest first
    assert everything[1] == {
        "order": water,
        "state": "received",
        "category": "water",
        "received": iso("2026-10-09 09:00"),
        "due": iso("2026-10-10 00:00"),
        "overdue": True,
    }
    assert everything[2]["overdue"] is False and everything[2]["state"] == "closed"
    opened_rows = repairs_json(db, "list", "--open", "--as-of", "2026-10-10 08:00")["orders"]
    assert [row["order"] for row in opened_rows] == [home, water]
    overdue = repairs_json(db, "list", "--overdue", "--as-of", "2026-10-10 08:00")["orders"]
    assert [row["order"] for row in overdue] == [water]
    assert repairs_json(db, "list", "--overdue", "--as-of", "2026-10-09 23:59")["orders"] == []
    later = repairs_json(db, "list", "--overdue", "--open", "--as-of", "2026-10-21 00:00")["orders"]
    assert [row["order"] for row in later] == [home, water]
    assert [row["order"] for row in repairs_json(db, "list", "--category", "in-home")["orders"]] == [home]
    assert [row["order"] for row in repairs_json(db, "list", "--building", "3")["orders"]] == [
        home,
        water,
        done,
    ]
    assert [row["order"] for row in repairs_json(db, "list", "--worker", "李师傅")["orders"]] == [done]
    assert [row["order"] for row in repairs_json(db, "list", "--from", "2026-10-09")["orders"]] == [
        home,
        water,
    ]
    assert [row["order"] for row in repairs_json(db, "list", "--to", "2026-10-08")["orders"]] == [done]
    text = repairs(db, "list", "--as-of", "2026-10-10 08:00")
    assert "OVERDUE due 2026-10-10 00:00" in text and text.endswith(
        "3 orders, 1 overdue at 2026-10-10 08:00\n"
    )


def test_list_refuses_a_bad_time_or_day(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert refused(db, capsys, "list", "--as-of", "tomorrow") == (
        "--as-of: 'tomorrow' is not a time such as 2026-10-01 09:30"
    )
    assert refused(db, capsys, "list", "--from", "2026-13-01").startswith("--from: ")


def test_the_board_puts_the_overdue_first(db: Path) -> None:
    home = add(db, "2026-10-08 09:00", "in-home")["order"]
    water = add(db, "2026-10-09 09:00", "water")["order"]
    late = add(db, "2026-10-08 09:00", "water")["order"]
    repairs(db, "note", str(late), "--text", "已催师傅")
    board = repairs_json(db, "board", "--as-of", "2026-10-09 10:00")
    assert board["as_of"] == iso("2026-10-09 10:00")
    assert [row["order"] for row in board["orders"]] == [late, water, home]
    assert [(row["overdue"], row["due_today"]) for row in board["orders"]] == [
        (True, False),
        (False, True),
        (False, False),
    ]
    assert board["orders"][0]["last_note"] == "已催师傅"
    text = repairs(db, "board", "--as-of", "2026-10-09 10:00").splitlines()
    assert text[0] == "daily review at 2026-10-09 10:00: 3 open orders, 1 overdue, 1 due today"
    assert text[1].startswith("OVERDUE  000003") and "last note" in text[1] and "已催师傅" in text[1]
    assert text[2].startswith("today    000002") and text[2].endswith("no follow-up yet")


def test_show_gives_the_order_whole(db: Path) -> None:
    order = add(db, "2026-10-09 09:00", "in-home", "--channel", "walk-in")["order"]
    repairs(db, "dispatch", str(order), "--to", "外包公司", "--contractor", "--phone", "13800001111",
            "--at", "2026-10-09 09:10")  # fmt: skip
    shown = repairs_json(db, "show", str(order), "--as-of", "2026-10-21 00:00")
    assert shown["state"] == "dispatched" and shown["channel"] == "walk-in" and shown["worker"] == "外包公司"
    assert shown["completion"] == "overdue" and shown["overdue"] is True
    assert shown["reporter_phone"] == "138****0001"  # the room's owner, masked
    assert shown["steps"][1]["contractor"] is True and shown["steps"][1]["step"] == "dispatch"
    text = repairs(db, "show", str(order), "--as-of", "2026-10-21 00:00")
    assert "done by 2026-10-20 00:00: OVERDUE by 1 d" in text and "13800000001" not in text


# ---------------------------------------------------------------- the month's figures


def test_stats_of_a_constructed_month(db: Path) -> None:
    # Three water orders (by 24:00 the same day): two done in time, one the next day; one cancelled.
    first, second, third = (add(db, "2026-03-02 09:00", "water")["order"] for _ in range(3))
    work_through(db, first, "2026-03-02", "2026-03-02 12:00")
    work_through(db, second, "2026-03-02", "2026-03-02 15:00")
    work_through(db, third, "2026-03-02", "2026-03-03 10:00")
    cancelled = add(db, "2026-03-05 09:00", "in-home")["order"]
    repairs(db, "cancel", str(cancelled), "--reason", "重复报修", "--at", "2026-03-05 10:00")
    repairs(db, "visit", str(first), "--satisfied", "yes", "--at", "2026-03-03 09:00")
    repairs(db, "visit", str(second), "--satisfied", "no", "--at", "2026-03-03 09:00")  # rework
    stats = repairs_json(db, "stats", "--month", "2026-03", "--as-of", "2026-03-31 00:00")
    assert stats == {
        "orders": 3,
        "on_time_rate": "0.6667",
        "visit_rate": "0.6667",
        "satisfaction": "0.5000",
        "rework_rate": "0.3333",
    }
    text = repairs(db, "stats", "--month", "2026-03", "--as-of", "2026-03-31 00:00")
    assert "2026-03: 3 orders (1 cancelled, not counted)" in text
    assert "by category: water 3" in text
    assert "on time: 2 of 3 judged = 66.67% (target ≥ 99%: MISSED)" in text
    assert "return visits: 2 of 3 done = 66.67% (target ≥ 30%: met)" in text
    assert "rework: 1 of 3 done = 33.33% (target ≤ 2%: MISSED)" in text
    assert "average time to done: 11.3 hours" in text  # (3 + 6 + 25) / 3


def test_stats_of_an_empty_month_and_a_bad_month(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = repairs_json(db, "stats", "--month", "2026-04")
    assert set(empty) == STATS_KEYS
    assert empty == {
        "orders": 0,
        "on_time_rate": None,
        "visit_rate": None,
        "satisfaction": None,
        "rework_rate": None,
    }
    assert (
        refused(db, capsys, "stats", "--month", "2026-13")
        == "--month: '2026-13' is not a month such as 2027-01"
    )
    assert refused(db, capsys, "stats", "--month", "march").startswith("--month: ")


# ---------------------------------------------------------------- printing


def documents_with(name: str) -> None:
    """Skip unless the repairs' documents module (another part of the work) provides ``name``."""
    documents = pytest.importorskip("estatedesk.services.repairs.documents")
    if not hasattr(documents, name):
        pytest.skip(f"estatedesk.services.repairs.documents has no {name} yet")


def test_sheet_writes_the_work_order_sheet(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    documents_with("print_work_order")
    order = add(db, "2026-10-09 09:00", "in-home")["order"]
    pdf = tmp_path / "sheet.pdf"
    assert (
        repairs(db, "sheet", str(order), "--pdf", str(pdf))
        == f"wrote the work order sheet of order 000001 to {pdf}\n"
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    assert refused(db, capsys, "sheet", "99", "--pdf", str(tmp_path / "none.pdf")) == (
        "no repair order has the number 99"
    )
    assert not (tmp_path / "none.pdf").exists()


def test_board_prints_the_daily_sheet(db: Path, tmp_path: Path) -> None:
    documents_with("print_daily_sheet")
    add(db, "2026-10-09 09:00", "in-home")
    add(db, "2026-10-08 09:00", "water")
    pdf = tmp_path / "board.pdf"
    assert repairs(db, "board", "--as-of", "2026-10-09 10:00", "--pdf", str(pdf)) == (
        f"wrote the daily sheet of 2 open orders to {pdf}\n"
    )
    assert pdf.read_bytes().startswith(b"%PDF")


def test_report_prints_the_month(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    documents_with("print_month_report")
    order = add(db, "2026-03-02 09:00", "water")["order"]
    work_through(db, order, "2026-03-02", "2026-03-02 12:00")
    pdf = tmp_path / "report.pdf"
    assert repairs(db, "report", "--month", "2026-03", "--pdf", str(pdf)) == (
        f"wrote the repair report of 2026-03 to {pdf}\n"
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    assert refused(db, capsys, "report", "--month", "2026-3x", "--pdf", str(pdf)).startswith("--month: ")
