"""The cleaning schedule's commands (cli/cleaning.py) end to end, through the command line's entry point.

An estate of three stairwells (from the households file) and two common areas gets RULES.md §5's
default tasks from 1 Dec 2026, and a team of three with different days off, minutes a day and
leave; the rota of December 2026 is checked against every rule of issue 10 points 4 and 5 from its
``--json`` alone. Every ``--json`` is checked for exactly its keys; every refusal exits 1 naming
the option, with nothing written.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from estatedesk.cli import EXIT_USAGE
from estatedesk.domain.cleaning import WEEKDAY_WORDS, occurrences, parse_frequency
from helpers.cli_run import make_estate, refusal, succeeds, usage_error

ROOMS = [
    ["3", "2", "501", "89.5", "王玥", "13800000001", ""],
    ["3", "1", "101", "76", "李喆", "13800000002", ""],
    ["5", "1", "201", "90", "张堃", "13800000003", ""],
]
# The stairwells, in the households tree's natural order, and whose each is once the team is in.
LI_AREA, WANG_AREA, WANG_AREA_5 = "3号楼1单元楼道", "3号楼2单元楼道", "5号楼1单元楼道"
STAIRWELLS = [LI_AREA, WANG_AREA, WANG_AREA_5]
START = "2026-12-01"
ROTA_KEYS = {"assignments", "uncovered", "minutes"}
ASSIGNMENT_KEYS = {"date", "area", "task", "cleaner", "minutes"}
UNCOVERED_KEYS = {"date", "area", "task", "why"}
DECEMBER = [date(2026, 12, 1) + timedelta(days=offset) for offset in range(31)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An estate with three stairwells (buildings 3 and 5), made by ``import households``."""
    return make_estate(tmp_path, ROOMS)


def cleaning(db: Path, *argv: str) -> str:
    """Run ``cleaning …`` and insist that it succeeds; its output."""
    return succeeds(db, "cleaning", *argv)


def cleaning_json(db: Path, *argv: str) -> Any:
    return json.loads(cleaning(db, *argv, "--json"))


def refused(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run ``cleaning …``, insist that it exits 1 printing nothing but one error line; that line."""
    return refusal(db, capsys, "cleaning", *argv)


def furnish(db: Path) -> Path:
    """Two common areas, the default tasks from 1 Dec 2026, a team of three, responsibilities, leave."""
    cleaning(db, "area", "add", "--name", "南广场", "--kind", "road")
    cleaning(db, "area", "add", "--name", "垃圾站", "--kind", "garbage")
    cleaning(db, "task", "defaults", "--starts", START)
    # the yearly clear-out of the garbage point, on a day only 王玥 works (李喆's leave, 张堃's Monday)
    cleaning(db, "task", "add", "--area", "垃圾站", "--what", "垃圾站大扫除", "--every", "month:14",
             "--minutes", "200", "--starts", START)  # fmt: skip
    cleaning(db, "cleaner", "add", "--name", "王玥", "--off", "sun", "--minutes-per-day", "300")
    cleaning(db, "cleaner", "add", "--name", "李喆", "--off", "sat", "--minutes-per-day", "300")
    cleaning(db, "cleaner", "add", "--name", "张堃", "--off", "mon,tue", "--minutes-per-day", "240")
    for area, cleaner in (
        ("3号楼2单元楼道", "王玥"),
        ("5号楼1单元楼道", "王玥"),
        ("3号楼1单元楼道", "李喆"),
        ("南广场", "张堃"),
    ):
        cleaning(db, "responsible", "--area", area, "--cleaner", cleaner)
    cleaning(db, "leave", "--cleaner", "李喆", "--from", "2026-12-14", "--to", "2026-12-16")
    return db


@pytest.fixture
def team(db: Path) -> Path:
    """The estate of ``db``, furnished."""
    return furnish(db)


def rota_json(db: Path, month: str = "2026-12", *options: str) -> dict[str, Any]:
    """A month's rota as ``--json``, checked for exactly its keys."""
    rota = cleaning_json(db, "rota", "--month", month, *options)
    assert set(rota) == ROTA_KEYS
    assert all(set(row) == ASSIGNMENT_KEYS for row in rota["assignments"])
    assert all(set(row) == UNCOVERED_KEYS for row in rota["uncovered"])
    return dict(rota)


def expected_occurrences(db: Path, first: date, last: date) -> dict[tuple[str, str, str], int]:
    """How many times each (day, area, task) comes, from the tasks as ``task list --json`` gives them."""
    found: dict[tuple[str, str, str], int] = defaultdict(int)
    for task in cleaning_json(db, "task", "list")["tasks"]:
        anchor = date.fromisoformat(task["counted_from"])
        bounded = task["starts"] is not None
        for day, times in occurrences(parse_frequency(task["every"]), first, last, anchor, bounded):
            found[day.isoformat(), task["area"], task["what"]] += times
    return dict(found)


def check_rules(db: Path, rota: dict[str, Any], first: date, last: date) -> None:
    """Issue 10 points 4 and 5, from the rota's ``--json`` and what the other commands say."""
    team = {member["name"]: member for member in cleaning_json(db, "cleaners")["cleaners"]}
    responsible = {area["name"]: area["responsible"] for area in cleaning_json(db, "areas")["areas"]}

    def works(name: str, day: date) -> bool:
        member = team[name]
        off = {WEEKDAY_WORDS.index(word) for word in member["off"].split(",") if word}
        on_leave = any(
            date.fromisoformat(period["from"]) <= day <= date.fromisoformat(period["to"])
            for period in member["leave"]
        )
        return day.weekday() not in off and not on_leave

    day_minutes: dict[tuple[str, str], int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    for row in rota["assignments"]:
        day = date.fromisoformat(row["date"])
        assert works(row["cleaner"], day), row  # not on a day off, not on leave
        day_minutes[row["cleaner"], row["date"]] += row["minutes"]
        totals[row["cleaner"]] += row["minutes"]
        owner = responsible[row["area"]]
        if owner is not None and works(owner, day):
            assert row["cleaner"] == owner, row  # 责任制: the team's minutes a day leave them room here
    for (name, _day), minutes in day_minutes.items():
        assert minutes <= team[name]["minutes_per_day"]
    assert rota["minutes"] == {name: totals.get(name, 0) for name in team}
    # Every occurrence is there exactly once: given to one cleaner or listed as uncovered.
    given: dict[tuple[str, str, str], int] = defaultdict(int)
    for row in [*rota["assignments"], *rota["uncovered"]]:
        given[row["date"], row["area"], row["task"]] += 1
    assert dict(given) == expected_occurrences(db, first, last)
    # In date order, then the areas' order (stairwells by building and unit, then common areas).
    areas = [area["name"] for area in cleaning_json(db, "areas")["areas"]]
    keys = [(row["date"], areas.index(row["area"])) for row in rota["assignments"]]
    assert keys == sorted(keys)


# ---------------------------------------------------------------- areas and tasks


def test_areas_come_from_the_households_file_and_common_areas_are_added(db: Path) -> None:
    assert cleaning_json(db, "areas") == {
        "areas": [
            {"name": name, "kind": "stairwell", "responsible": None, "tasks": []} for name in STAIRWELLS
        ]
    }
    assert "no tasks: `cleaning task defaults` or `cleaning task add`" in cleaning(db, "areas")
    assert cleaning(db, "area", "add", "--name", "南广场", "--kind", "road") == (
        "added area 南广场 (road)\nits default tasks: `estatedesk cleaning task defaults --area 南广场`\n"
    )
    assert cleaning(db, "task", "defaults", "--area", "南广场", "--starts", START) == (
        "added 1 default task to 南广场: see `cleaning task list`\n"
    )
    assert cleaning(db, "task", "defaults", "--area", "南广场") == "南广场 has tasks already: nothing added\n"
    areas = cleaning_json(db, "areas")["areas"]
    assert areas[-1] == {
        "name": "南广场",
        "kind": "road",
        "responsible": None,
        "tasks": [{"what": "清扫道路及广场", "every": "2/day", "minutes": 40}],
    }
    assert cleaning(db, "task", "defaults", "--starts", START) == (
        "added 9 default tasks to the areas without tasks: see `cleaning task list`\n"
    )
    assert cleaning(db, "task", "defaults") == "every area has tasks already: nothing added\n"
    stairwell = cleaning_json(db, "areas")["areas"][0]
    assert stairwell["tasks"] == [
        {"what": "清扫楼道及门厅", "every": "day", "minutes": 20},
        {"what": "拖洗楼道", "every": "1/week", "minutes": 30},
        {"what": "擦拭扶手", "every": "2/week", "minutes": 10},
    ]
    text = cleaning(db, "areas")
    assert "3号楼2单元楼道 (stairwell): no responsible cleaner, about 190 minutes a week" in text
    assert "擦拭扶手" in text and "2/week" in text and "from 2026-12-01" in text


def test_every_kind_of_common_area_is_taken(db: Path) -> None:
    kinds = ["road", "garbage", "green", "car-park", "drains", "septic-tank", "water-tank", "other"]
    for index, kind in enumerate(kinds):
        cleaning(db, "area", "add", "--name", f"区域{index}", "--kind", kind)
    listed = cleaning_json(db, "areas")["areas"]
    assert [area["kind"] for area in listed[len(STAIRWELLS) :]] == kinds


def test_task_add_list_and_remove(db: Path) -> None:
    cleaning(db, "area", "add", "--name", "南广场", "--kind", "road")
    for spec in ("2/day", "day", "mon,thu", "2/week", "3days", "month:15", "2months", "year"):
        out = cleaning(db, "task", "add", "--area", "南广场", "--what", f"任务{spec}", "--every", spec,
                       "--minutes", "15", "--starts", START)  # fmt: skip
        assert out.startswith("added task #") and f"every {spec}, 15 minutes, from 2026-12-01" in out
        assert "note:" not in out
    tasks = cleaning_json(db, "task", "list", "--area", "南广场")["tasks"]
    assert [task["every"] for task in tasks] == [
        "2/day", "day", "mon,thu", "2/week", "3days", "month:15", "2months", "year"
    ]  # fmt: skip
    assert set(tasks[0]) == {"id", "area", "what", "every", "minutes", "starts", "counted_from"}
    assert tasks[0] == {
        "id": tasks[0]["id"], "area": "南广场", "what": "任务2/day", "every": "2/day", "minutes": 15,
        "starts": START, "counted_from": START,
    }  # fmt: skip
    text = cleaning(db, "task", "list")
    assert f"南广场  #{tasks[0]['id']}  任务2/day" in text
    assert cleaning(db, "task", "remove", "--id", str(tasks[0]["id"])) == (
        f"removed task #{tasks[0]['id']}: 南广场, 任务2/day\n"
    )
    assert len(cleaning_json(db, "task", "list")["tasks"]) == 7
    assert cleaning_json(db, "task", "list", "--area", WANG_AREA) == {"tasks": []}


def test_monthly_on_day_31_is_taken_and_falls_on_the_last_day_of_shorter_months(db: Path) -> None:
    cleaning(db, "area", "add", "--name", "南广场", "--kind", "road")
    out = cleaning(db, "task", "add", "--area", "南广场", "--what", "冲洗广场", "--every", "month:31",
                   "--minutes", "60", "--starts", START)  # fmt: skip
    assert out.endswith(
        "note: months shorter than 31 days have no day 31: the task falls on their last day\n"
    )
    cleaning(db, "cleaner", "add", "--name", "王玥")
    for month, day in (("2026-12", "2026-12-31"), ("2027-02", "2027-02-28"), ("2027-04", "2027-04-30")):
        assert [row["date"] for row in rota_json(db, month)["assignments"]] == [day]


def test_task_refusals_name_the_option_and_write_nothing(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cleaning(db, "area", "add", "--name", "南广场", "--kind", "road")
    base = ("task", "add", "--area", "南广场", "--what", "扫地")
    assert refused(db, capsys, *base, "--every", "day", "--minutes", "0") == (
        "--minutes: minutes must be a whole number above 0, not '0'"
    )
    assert refused(db, capsys, *base, "--every", "day", "--minutes", "-5") == (
        "--minutes: minutes must be a whole number above 0, not '-5'"
    )
    assert refused(db, capsys, *base, "--every", "fortnightly", "--minutes", "30") == (
        "--every: 'fortnightly' is not a frequency: write 2/day, day, mon,thu, 2/week, 3days, month:15,"
        " 2months or year"
    )
    assert refused(db, capsys, *base, "--every", "month:32", "--minutes", "30") == (
        "--every: a month has no day 32: give a day from 1 to 31"
    )
    both = refused(db, capsys, *base, "--every", "fortnightly", "--minutes", "0")
    assert both.startswith("--every: ") and "; --minutes: " in both  # every problem told at once
    assert refused(
        db, capsys, *base, "--every", "day", "--minutes", "30", "--starts", "2026-13-01"
    ).startswith("--starts: ")
    unknown = ("task", "add", "--area", "北广场", "--what", "扫地", "--every", "day", "--minutes", "30")
    assert refused(db, capsys, *unknown) == "--area: there is no area named '北广场': see cleaning areas"
    assert refused(db, capsys, "task", "list", "--area", "北广场").startswith("--area: ")
    assert refused(db, capsys, "task", "remove", "--id", "99") == "the task is no longer in use"
    assert refused(db, capsys, "task", "defaults", "--starts", "soon").startswith("--starts: ")
    assert cleaning_json(db, "task", "list") == {"tasks": []}


def test_area_refusals(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert refused(db, capsys, "area", "add", "--name", "楼道", "--kind", "stairwell") == (
        "--kind: stairwells come from the households file: add the building's rooms"
    )
    assert refused(db, capsys, "area", "add", "--name", "广场", "--kind", "plaza") == (
        "--kind: 'plaza' is not a kind of area: write road, garbage, green, car-park, drains, septic-tank,"
        " water-tank, other"
    )
    assert refused(db, capsys, "area", "add", "--name", WANG_AREA, "--kind", "road") == (
        f"--name: an area named '{WANG_AREA}' exists already"
    )
    assert refused(db, capsys, "area", "add", "--name", " ", "--kind", "road") == "--name: name the area"
    assert len(cleaning_json(db, "areas")["areas"]) == len(STAIRWELLS)


# ---------------------------------------------------------------- the team


def test_cleaners_with_days_off_minutes_leave_and_areas(team: Path) -> None:
    listed = cleaning_json(team, "cleaners")["cleaners"]
    assert [member["name"] for member in listed] == ["李喆", "王玥", "张堃"]  # in pinyin order
    assert all(
        set(member) == {"name", "phone", "off", "minutes_per_day", "leave", "areas"} for member in listed
    )
    assert listed[0] == {
        "name": "李喆",
        "phone": None,
        "off": "sat",
        "minutes_per_day": 300,
        "leave": [{"from": "2026-12-14", "to": "2026-12-16"}],
        "areas": ["3号楼1单元楼道"],
    }
    assert listed[1]["areas"] == ["3号楼2单元楼道", "5号楼1单元楼道"]
    text = cleaning(team, "cleaners")
    assert "李喆  off sat      300 min a day" in text
    assert "responsible for 3号楼2单元楼道、5号楼1单元楼道" in text
    assert "leave 2026-12-14 to 2026-12-16" in text
    areas = {area["name"]: area["responsible"] for area in cleaning_json(team, "areas")["areas"]}
    assert areas == {
        "3号楼2单元楼道": "王玥",
        "3号楼1单元楼道": "李喆",
        "5号楼1单元楼道": "王玥",
        "南广场": "张堃",
        "垃圾站": None,
    }


def test_cleaner_add_and_remove_say_what_they_did(db: Path) -> None:
    assert cleaning(db, "cleaners") == "no cleaners yet: `cleaning cleaner add --name NAME`\n"
    assert cleaning(db, "cleaner", "add", "--name", "王玥", "--off", "sat,sun", "--phone", "13912345678") == (
        "added cleaner 王玥: off sat,sun, 480 minutes a day\n"
    )
    assert (
        cleaning(db, "cleaner", "add", "--name", "李喆")
        == "added cleaner 李喆: off none, 480 minutes a day\n"
    )
    assert cleaning_json(db, "cleaners")["cleaners"][1]["phone"] == "13912345678"
    assert cleaning(db, "responsible", "--area", WANG_AREA, "--cleaner", "李喆") == (
        f"李喆 is responsible for {WANG_AREA}\n"
    )
    assert cleaning(db, "cleaner", "remove", "--name", "王玥") == (
        "removed 王玥 from the team: their past rotas and scores stay\n"
    )
    assert [member["name"] for member in cleaning_json(db, "cleaners")["cleaners"]] == ["李喆"]


def test_team_refusals_name_the_option(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert refused(team, capsys, "cleaner", "remove", "--name", "王玥") == (
        "--name: 王玥 is still responsible for these areas: 3号楼2单元楼道、5号楼1单元楼道;"
        " name another cleaner for them first"
    )
    assert refused(team, capsys, "cleaner", "remove", "--name", "赵六") == (
        "--name: there is no cleaner named '赵六' on the team"
    )
    assert refused(team, capsys, "cleaner", "add", "--name", "赵六", "--minutes-per-day", "0") == (
        "--minutes-per-day: minutes must be a whole number above 0, not '0'"
    )
    assert refused(team, capsys, "cleaner", "add", "--name", "赵六", "--off", "funday") == (
        "--off: 'funday' is not a weekday: write mon, tue, wed, thu, fri, sat or sun"
    )
    assert refused(
        team, capsys, "cleaner", "add", "--name", "赵六", "--off", "mon,tue,wed,thu,fri,sat,sun"
    ) == ("--off: a cleaner needs at least one working day a week")
    assert refused(team, capsys, "cleaner", "add", "--name", "王玥").startswith(
        "--name: a cleaner named '王玥' is on the team already"
    )
    assert refused(
        team, capsys, "leave", "--cleaner", "王玥", "--from", "2026-12-10", "--to", "2026-12-09"
    ) == ("--to: the leave ends on 2026-12-09, before it starts on 2026-12-10")
    assert refused(
        team, capsys, "leave", "--cleaner", "王玥", "--from", "2026-12-32", "--to", "2026-12-09"
    ).startswith("--from: ")
    assert refused(
        team, capsys, "leave", "--cleaner", "赵六", "--from", "2026-12-10", "--to", "2026-12-11"
    ) == ("--cleaner: there is no cleaner named '赵六' on the team")
    assert refused(
        team, capsys, "leave", "--cleaner", "李喆", "--from", "2026-12-16", "--to", "2026-12-18"
    ) == ("--from: 李喆 is already on leave from 2026-12-14 to 2026-12-16")
    assert refused(team, capsys, "responsible", "--area", "北广场", "--cleaner", "王玥") == (
        "--area: there is no area named '北广场': see cleaning areas"
    )
    assert refused(team, capsys, "responsible", "--area", "垃圾站", "--cleaner", "赵六") == (
        "--cleaner: there is no cleaner named '赵六' on the team"
    )
    # Nothing of the refused commands was written.
    listed = cleaning_json(team, "cleaners")["cleaners"]
    assert [member["name"] for member in listed] == ["李喆", "王玥", "张堃"]
    assert [len(member["leave"]) for member in listed] == [1, 0, 0]


# ---------------------------------------------------------------- the rota


def test_the_rota_keeps_every_rule(team: Path) -> None:
    rota = rota_json(team)
    check_rules(team, rota, DECEMBER[0], DECEMBER[-1])
    # Mon 14 Dec: 李喆 on leave, 张堃 off; 王玥's 300 minutes cannot hold the day's work with the
    # garbage point's 200-minute clear-out: what is left over is listed, the rest of the month is covered.
    assert rota["uncovered"]
    assert {(row["date"], row["why"]) for row in rota["uncovered"]} == {
        ("2026-12-14", "every cleaner working that day is full: no one has the minutes left for it")
    }
    monday = [row for row in rota["assignments"] if row["date"] == "2026-12-14"]
    assert {row["cleaner"] for row in monday} == {"王玥"}
    assert 300 - 10 < sum(row["minutes"] for row in monday) <= 300  # no 10-minute task would still fit
    assert set(rota["minutes"]) == {"王玥", "李喆", "张堃"}
    on_leave = {row["cleaner"] for row in rota["assignments"] if "2026-12-14" <= row["date"] <= "2026-12-16"}
    assert "李喆" not in on_leave and on_leave
    # The responsible cleaner's area goes to a substitute on their day off: 王玥's Sundays.
    sunday = [row for row in rota["assignments"] if row["date"] == "2026-12-06" and row["area"] == WANG_AREA]
    assert sunday and all(row["cleaner"] != "王玥" for row in sunday)
    assert rota["assignments"][0] == {
        "date": "2026-12-01", "area": LI_AREA, "task": "清扫楼道及门厅", "cleaner": "李喆", "minutes": 20
    }  # fmt: skip


def test_the_rota_in_text_a_table_by_day_and_the_fairness_figures(team: Path) -> None:
    text = cleaning(team, "rota", "--month", "2026-12")
    lines = text.splitlines()
    assert lines[0].startswith("rota of 2026-12 (not accepted yet: `--accept` keeps it): ")
    assert lines[0].endswith(" given, 3 uncovered")
    assert lines[1].startswith("2026-12-01 Tue  3号楼1单元楼道  清扫楼道及门厅") and lines[1].endswith("李喆")
    # the first stairwell's weekly mopping comes on the day its counting started (defaults spread)
    assert lines[2].startswith("                3号楼1单元楼道  拖洗楼道") and lines[2].endswith("李喆")
    assert any(line.startswith("2026-12-31 Thu  ") for line in lines)
    assert "清扫道路及广场 #2" in text  # the second occurrence of a 2/day task
    fairness = next(line for line in lines if line.startswith("fairness: "))
    assert "minutes a working day" in fairness and "within" in fairness
    rota = rota_json(team)
    days = {"王玥": 27, "李喆": 24, "张堃": 22}  # Sundays off; Saturdays off and 3 days of leave; Mon-Tue off
    for name, working_days in days.items():
        line = next(line for line in lines if line.startswith(f"  {name}  "))
        assert f"{working_days} working days" in line
        assert f"{rota['minutes'][name]} min" in line
        assert "a working day" in line


def test_the_same_inputs_give_the_same_rota(team: Path, tmp_path: Path) -> None:
    first = cleaning(team, "rota", "--month", "2026-12", "--json")
    assert cleaning(team, "rota", "--month", "2026-12", "--json") == first
    again = tmp_path / "again"
    again.mkdir()
    other = furnish(make_estate(again, ROOMS))
    assert cleaning(other, "rota", "--month", "2026-12", "--json") == first
    assert cleaning(team, "rota", "--month", "2026-12") == cleaning(other, "rota", "--month", "2026-12")


def test_an_overloaded_day_lists_what_is_uncovered_and_why(db: Path) -> None:
    cleaning(db, "area", "add", "--name", "南广场", "--kind", "road")
    cleaning(db, "cleaner", "add", "--name", "王玥", "--off", "sun", "--minutes-per-day", "60")
    for what, every, minutes in (("扫地", "day", "40"), ("拖地", "day", "40"), ("冲洗", "month:10", "100")):
        task = ("--what", what, "--every", every, "--minutes", minutes, "--starts", START)
        cleaning(db, "task", "add", "--area", "南广场", *task)
    rota = rota_json(db)
    check_rules(db, rota, DECEMBER[0], DECEMBER[-1])
    why = {(row["date"], row["task"]): row["why"] for row in rota["uncovered"]}
    assert why["2026-12-06", "扫地"] == why["2026-12-06", "拖地"] == "no cleaner works that day"  # Sunday
    assert why["2026-12-10", "冲洗"] == (
        "it takes longer than the working day of every cleaner working that day"
    )
    assert why["2026-12-01", "拖地"] == (
        "every cleaner working that day is full: no one has the minutes left for it"
    )
    sundays = [day for day in DECEMBER if day.weekday() == 6]
    assert len(rota["uncovered"]) == 2 * len(sundays) + (31 - len(sundays)) + 1
    assert rota["minutes"] == {"王玥": 40 * (31 - len(sundays))}
    text = cleaning(db, "rota", "--month", "2026-12")
    assert f"uncovered: {len(rota['uncovered'])} tasks" in text
    assert "  2026-12-10  南广场  冲洗  100 min:  it takes longer than the working day" in text
    assert "UNCOVERED" in text


def test_leave_after_accepting_re_plans_the_days_it_breaks(team: Path) -> None:
    accepted = rota_json(team, "2026-12", "--accept")
    assert accepted == rota_json(team)  # accepting keeps the rota as shown
    assert "(accepted)" in cleaning(team, "rota", "--month", "2026-12").splitlines()[0]
    worked = sorted({row["date"] for row in accepted["assignments"] if row["cleaner"] == "王玥"})
    assert {"2026-12-10", "2026-12-11"} <= set(worked)
    said = cleaning(team, "leave", "--cleaner", "王玥", "--from", "2026-12-10", "--to", "2026-12-11")
    assert said == (
        "entered leave of 王玥 from 2026-12-10 to 2026-12-11\n"
        "the accepted rota of 2026-12 gives 王玥 work on 2 days of it:"
        " `estatedesk cleaning rota --month 2026-12` shows the re-plan, `--accept` keeps it\n"
    )
    replanned = rota_json(team)
    check_rules(team, replanned, DECEMBER[0], DECEMBER[-1])
    leave_days = {"2026-12-10", "2026-12-11"}
    assert not [
        row for row in replanned["assignments"] if row["cleaner"] == "王玥" and row["date"] in leave_days
    ]
    # The days the leave does not touch stay as they were accepted.
    untouched = [row for row in accepted["assignments"] if row["date"] not in leave_days]
    assert [row for row in replanned["assignments"] if row["date"] not in leave_days] == untouched
    text = cleaning(team, "rota", "--month", "2026-12")
    assert "the accepted rota no longer holds" in text and "`--accept` keeps" in text
    moved = [line for line in text.splitlines() if " → " in line]
    assert moved and all(line.split(": ")[-1].startswith("王玥 → ") for line in moved)
    assert all(line.lstrip().startswith(("2026-12-10", "2026-12-11")) for line in moved)
    kept = cleaning(team, "rota", "--month", "2026-12", "--accept")
    assert f"accepted the rota of 2026-12, with the {len(moved)} changes listed" in kept
    assert "no longer holds" not in cleaning(team, "rota", "--month", "2026-12")
    assert rota_json(team) == replanned
    # Leave in a month without an accepted rota breaks nothing.
    assert cleaning(team, "leave", "--cleaner", "张堃", "--from", "2027-01-04", "--to", "2027-01-05") == (
        "entered leave of 张堃 from 2027-01-04 to 2027-01-05\n"
    )


def test_rota_refusals_and_an_empty_month(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        refused(db, capsys, "rota", "--month", "2026-13")
        == "--month: '2026-13' is not a month such as 2026-12"
    )
    assert refused(db, capsys, "rota", "--month", "december").startswith("--month: ")
    assert cleaning(db, "rota", "--month", "2026-12") == (
        "no task comes in 2026-12: add tasks with `cleaning task defaults` or `cleaning task add`\n"
    )
    assert rota_json(db) == {"assignments": [], "uncovered": [], "minutes": {}}


# ---------------------------------------------------------------- inspections and the ranking


def inspect(db: Path, day: str, area: str, score: str, *options: str) -> str:
    return cleaning(db, "inspect", "--date", day, "--area", area, "--score", score, *options)


def test_inspections_are_kept_against_the_responsible_cleaner(team: Path) -> None:
    assert inspect(team, "2026-12-02", WANG_AREA, "95", "--note", "良好") == (
        f"inspected {WANG_AREA} on 2026-12-02: 95, kept against 王玥\n"
    )
    assert inspect(team, "2026-12-02", "垃圾站", "60") == (
        "inspected 垃圾站 on 2026-12-02: 60: the area has no responsible cleaner, so the score counts"
        " for the area only\n"
    )
    assert inspect(team, "2026-12-02", WANG_AREA, "90") == (
        f"inspected {WANG_AREA} on 2026-12-02: 90, kept against 王玥\n"
        "it replaces the inspection entered before for that area and day\n"
    )
    assert inspect(team, "2026-12-03", LI_AREA, "80").endswith(
        "note: 2026-12-03 is a Thu; the weekly inspection day is wed\n"
    )


def test_the_ranking_of_a_month(team: Path) -> None:
    for day, area, score in [
        ("2026-12-02", WANG_AREA, "95"),
        ("2026-12-09", WANG_AREA, "90"),
        ("2026-12-02", LI_AREA, "80"),
        ("2026-12-09", LI_AREA, "81"),
        ("2026-12-02", WANG_AREA_5, "70"),
        ("2026-12-02", "南广场", "90"),
        ("2026-12-09", "南广场", "91"),
        ("2026-12-16", "南广场", "91"),
        ("2026-12-02", "垃圾站", "60"),
        ("2026-11-25", "垃圾站", "100"),  # November: not in December's ranking
    ]:
        inspect(team, day, area, score)
    ranked = cleaning_json(team, "ranking", "--month", "2026-12")
    assert ranked == {
        "month": "2026-12",
        "bands": {"top_percent": 20, "bottom_percent": 10},
        "cleaners": [
            {"rank": 1, "name": "张堃", "average": 90.67, "inspections": 3, "band": "commended"},
            {"rank": 2, "name": "王玥", "average": 85.0, "inspections": 3, "band": "middle"},
            {"rank": 3, "name": "李喆", "average": 80.5, "inspections": 2, "band": "middle"},
        ],
        "areas": [
            {"rank": 1, "area": WANG_AREA, "average": 92.5, "inspections": 2, "band": "commended"},
            {"rank": 2, "area": "南广场", "average": 90.67, "inspections": 3, "band": "middle"},
            {"rank": 3, "area": LI_AREA, "average": 80.5, "inspections": 2, "band": "middle"},
            {"rank": 4, "area": WANG_AREA_5, "average": 70.0, "inspections": 1, "band": "middle"},
            {"rank": 5, "area": "垃圾站", "average": 60.0, "inspections": 1, "band": "flagged"},
        ],
    }
    text = cleaning(team, "ranking", "--month", "2026-12")
    assert text.startswith(
        "ranking of 2026-12: the top 20% commended, the bottom 10% flagged for follow-up\ncleaners:\n"
    )
    assert "  1  张堃  90.67  3 inspections  commended" in text
    assert "  5  垃圾站          60.00  1 inspection   flagged" in text
    assert cleaning_json(team, "ranking", "--month", "2027-01") == {
        "month": "2027-01",
        "bands": {"top_percent": 20, "bottom_percent": 10},
        "cleaners": [],
        "areas": [],
    }
    assert "no inspections this month" in cleaning(team, "ranking", "--month", "2027-01")


def test_inspection_refusals(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert refused(team, capsys, "inspect", "--date", "2026-12-02", "--area", "垃圾站", "--score", "101") == (
        "--score: a score is a whole number from 0 to 100, not '101'"
    )
    assert refused(
        team, capsys, "inspect", "--date", "2026-12-02", "--area", "垃圾站", "--score", "-1"
    ).startswith("--score: ")
    assert refused(team, capsys, "inspect", "--date", "2026-12-02", "--area", "北广场", "--score", "90") == (
        "--area: there is no area named '北广场': see cleaning areas"
    )
    assert refused(
        team, capsys, "inspect", "--date", "12/02", "--area", "垃圾站", "--score", "90"
    ).startswith("--date: ")
    assert refused(team, capsys, "ranking", "--month", "2026-13").startswith("--month: ")
    assert cleaning_json(team, "ranking", "--month", "2026-12")["areas"] == []


def test_usage_errors_exit_2(db: Path) -> None:
    assert usage_error("--db", str(db), "cleaning") == EXIT_USAGE
    assert usage_error("--db", str(db), "cleaning", "task", "add", "--area", "南广场") == EXIT_USAGE
    assert usage_error("--db", str(db), "cleaning", "rota") == EXIT_USAGE
    assert (
        usage_error("--db", str(db), "cleaning", "inspect", "--date", "2026-12-02", "--area", "x")
        == EXIT_USAGE
    )


# ---------------------------------------------------------------- printing


def documents_with(name: str) -> None:
    """Skip unless the cleaning documents module (another part of the work) provides ``name``."""
    documents = pytest.importorskip("estatedesk.services.cleaning.documents")
    if not hasattr(documents, name):
        pytest.skip(f"estatedesk.services.cleaning.documents has no {name} yet")


def test_rota_prints_the_wall_chart(team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    documents_with("print_wall_chart")
    pdf = tmp_path / "rota.pdf"
    out = cleaning(team, "rota", "--month", "2026-12", "--pdf", str(pdf))
    assert out.endswith(f"wrote the wall chart of 2026-12 to {pdf}\n")
    assert pdf.read_bytes().startswith(b"%PDF")
    pdf.unlink()
    assert rota_json(team, "2026-12", "--pdf", str(pdf)) == rota_json(team)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert refused(
        team, capsys, "rota", "--month", "2026-13", "--pdf", str(tmp_path / "none.pdf")
    ).startswith("--month: ")
    assert not (tmp_path / "none.pdf").exists()


def test_sheet_prints_the_daily_task_sheets(
    team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    documents_with("print_task_sheets")
    pdf = tmp_path / "sheets.pdf"
    assert cleaning(team, "sheet", "--month", "2026-12", "--pdf", str(pdf)) == (
        f"wrote the task sheets of 2026-12 to {pdf}\n"
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    one = tmp_path / "one.pdf"
    only = ("--cleaner", "王玥", "--date", "2026-12-02")
    assert cleaning(team, "sheet", "--month", "2026-12", "--pdf", str(one), *only) == (
        f"wrote the task sheets of 2026-12 of 王玥 on 2026-12-02 to {one}\n"
    )
    assert one.read_bytes().startswith(b"%PDF")
    none = tmp_path / "none.pdf"
    assert refused(team, capsys, "sheet", "--month", "2026-12", "--pdf", str(none), "--cleaner", "赵六") == (
        "--cleaner: there is no cleaner named '赵六' on the team"
    )
    assert refused(
        team, capsys, "sheet", "--month", "2026-12", "--pdf", str(none), "--date", "someday"
    ).startswith("--date: ")
    assert not none.exists()


def test_ranking_prints(team: Path, tmp_path: Path) -> None:
    documents_with("print_ranking")
    inspect(team, "2026-12-02", WANG_AREA, "95")
    pdf = tmp_path / "ranking.pdf"
    assert cleaning(team, "ranking", "--month", "2026-12", "--pdf", str(pdf)).endswith(
        f"wrote the ranking of 2026-12 to {pdf}\n"
    )
    assert pdf.read_bytes().startswith(b"%PDF")


# ---------------------------------------------------------------- found in review


def test_a_responsible_cleaner_named_after_accepting_gets_the_area(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cleaning(db, "area", "add", "--name", "北广场", "--kind", "road")
    cleaning(db, "task", "add", "--area", "北广场", "--what", "清扫", "--every", "day", "--minutes", "40",
             "--starts", START)  # fmt: skip
    for name in ("甲", "乙", "丙"):
        cleaning(db, "cleaner", "add", "--name", name, "--minutes-per-day", "300")
    cleaning(db, "rota", "--month", "2026-12", "--accept")
    cleaning(db, "responsible", "--area", "北广场", "--cleaner", "丙")
    rota = rota_json(db)
    square = [row for row in rota["assignments"] if row["area"] == "北广场"]
    assert len(square) == 31 and {row["cleaner"] for row in square} == {"丙"}
    listed = cleaning(db, "rota", "--month", "2026-12").splitlines()
    assert listed[1].startswith("the accepted rota no longer holds") and " changes, " in listed[1]
    assert listed[2].endswith(" → 丙")
    # an empty score is no score (it is not 100), and an accept whose chart cannot be written keeps nothing
    assert refused(db, capsys, "inspect", "--date", "2026-12-02", "--area", "北广场", "--score", "") == (
        "--score: give the score, a whole number from 0 to 100"
    )
    assert refused(
        db, capsys, "inspect", "--date", "2026-12-02", "--area", "北广场", "--score", "²"
    ).startswith("--score: a score is a whole number from 0 to 100")
    before = rota_json(db)
    assert refused(
        db, capsys, "rota", "--month", "2026-12", "--accept", "--pdf", str(db.parent / "no" / "x.pdf")
    )
    assert cleaning_json(db, "rota", "--month", "2026-12") == before
    assert (
        cleaning(db, "rota", "--month", "2026-12").splitlines()[1].startswith("the accepted rota no longer")
    )
