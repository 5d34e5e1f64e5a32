"""Owners' votes and committee elections (cli/votes.py) end to end, through the command line's entry point.

The estates are made with the households import; every threshold is tried at its exact boundary
and one voter short of it (RULES.md §6: ≥ 2/3 takes part, > 1/2 approves, ≥ 3/4 approves a major
matter, objections reaching 1/3 defeat a motion).
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from estatedesk.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE
from helpers.cli_run import HEADER, make_estate, refusal, run, succeeds, usage_error

# One owner with three rooms, two co-owners of one room, two developer rooms, a room with no owner.
MIXED = [
    ["1", "1", "101", "100", "王玥", "13800000001", ""],
    ["1", "1", "102", "80.50", "王玥", "13800000001", ""],
    ["1", "1", "201", "60", "王玥", "13800000001", ""],
    ["1", "1", "202", "90", "李喆、张堃", "13800000002、13800000003", ""],
    ["1", "2", "101", "70", "", "", "开发商"],
    ["1", "2", "102", "75", "", "", "开发商"],
    ["1", "2", "201", "50", "", "", ""],
]
OWNERS = ["王玥", "李喆", "张堃", "赵一", "钱二", "孙三", "李四", "周五", "吴六", "郑七", "冯八", "陈九"]
TWELVE_ROOMS = [f"1-1-{101 + index}" for index in range(12)]
# Twelve rooms of 100 m², one owner each: 12 heads, 1,200 m².
TWELVE = [["1", "1", str(101 + index), "100", name, "", ""] for index, name in enumerate(OWNERS)]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    return make_estate(tmp_path, MIXED)


@pytest.fixture
def twelve(tmp_path: Path) -> Path:
    return make_estate(tmp_path, TWELVE)


def votes(db: Path, *argv: str) -> str:
    """Run ``votes …`` and insist that it succeeds; its output."""
    return succeeds(db, "votes", *argv)


def votes_json(db: Path, *argv: str) -> Any:
    return json.loads(votes(db, *argv, "--json"))


def refused(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run ``votes …``, insist that it exits 1 printing nothing but one error line; that line."""
    return refusal(db, capsys, "votes", *argv)


def create(db: Path, kind: str, *options: str) -> int:
    """Open a vote of ``kind``; its id."""
    return int(votes_json(db, "create", "--title", f"{kind} 表决", "--kind", kind, *options)["vote"])


def cast(db: Path, vote: int, rooms: Sequence[str], choice: str) -> None:
    """Enter the same answer for the voters of ``rooms``."""
    for room in rooms:
        votes(db, "ballot", str(vote), "--room", room, "--choice", choice)


def tally(db: Path, vote: int) -> Any:
    return votes_json(db, "tally", str(vote))


def ballots_entered(db: Path) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(
            connection.execute("SELECT COUNT(*) FROM ballot_entry WHERE kind = 'ballot'").fetchone()[0]
        )
    finally:
        connection.close()


def pdf_text(path: Path) -> str:
    """The PDF's text without whitespace (pdftotext spaces Chinese as it likes)."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- opening a vote, its roll


def test_create_gives_the_frozen_rolls_totals(mixed: Path) -> None:
    created = votes_json(mixed, "create", "--title", "续聘物业服务企业", "--kind", "ordinary")
    # Heads: 王玥 once for three rooms, the co-owners once, the developer once for two rooms, and the
    # room with no owner as a head of its own. Area: every room's.
    assert {key: created[key] for key in ("vote", "heads", "area_centi")} == {
        "vote": 1,
        "heads": 4,
        "area_centi": 10000 + 8050 + 6000 + 9000 + 7000 + 7500 + 5000,
    }
    assert created["rooms_without_owner"] == ["1-2-201"]


def test_create_in_words(mixed: Path) -> None:
    out = votes(mixed, "create", "--title", "续聘物业服务企业", "--kind", "major")
    assert out.splitlines() == [
        "opened vote 1: 续聘物业服务企业 (major matter)",
        "rules: major matter: participation ≥ 2/3 of total area and of total heads;"
        " passed by ≥ 3/4 of participating area and of participating heads",
        "roll frozen: 4 heads, 525.50 m²",
        "1 room with no recorded owner cannot vote: 1-2-201",
    ]


def test_roll_lists_each_voter_once_with_their_rooms(mixed: Path) -> None:
    vote = create(mixed, "ordinary")
    roll = votes_json(mixed, "roll", str(vote))
    assert (roll["heads"], roll["area_centi"]) == (4, 52550)
    assert [(v["rooms"], v["area_centi"], v["kind"], v["can_vote"]) for v in roll["voters"]] == [
        (["1-1-101", "1-1-102", "1-1-201"], 24050, "owner", True),
        (["1-1-202"], 9000, "owner", True),
        (["1-2-101", "1-2-102"], 14500, "developer", True),
        (["1-2-201"], 5000, "no_owner", False),
    ]
    keys = [voter["voter"] for voter in roll["voters"]]
    assert len(set(keys)) == 4
    assert keys[2] == "developer" and keys[3] == "room:1-2-201"
    assert [voter["name"] for voter in roll["voters"]] == ["王玥", "李喆、张堃", "建设单位", ""]
    assert all({"voter", "rooms", "area_centi"} <= voter.keys() for voter in roll["voters"])


def test_the_roll_is_frozen_when_the_vote_opens(mixed: Path, tmp_path: Path) -> None:
    vote = create(mixed, "ordinary")
    rooms = tmp_path / "more.csv"
    with rooms.open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows([HEADER, ["1", "2", "201", "50", "陈九", "13800000009", ""]])
    assert run("--db", str(mixed), "import", "households", str(rooms))[0] == EXIT_OK
    assert votes_json(mixed, "roll", str(vote))["voters"][3]["can_vote"] is False
    assert votes_json(mixed, "roll", str(create(mixed, "ordinary")))["voters"][3]["can_vote"] is True


def test_roll_in_words_and_as_files(mixed: Path, tmp_path: Path) -> None:
    vote = create(mixed, "ordinary")
    lines = votes(mixed, "roll", str(vote)).splitlines()
    assert lines[0].endswith("王玥: 1-1-101, 1-1-102, 1-1-201, 240.50 m²")
    assert lines[3].endswith("(no recorded owner: cannot vote): 1-2-201, 50.00 m²")
    assert lines[-1] == "4 heads, 525.50 m²"
    sheet, table = tmp_path / "roll.pdf", tmp_path / "roll.xlsx"
    out = votes(mixed, "roll", str(vote), "--pdf", str(sheet), "--xlsx", str(table))
    assert out.splitlines() == [
        f"wrote the sign-for sheet of 4 voters to {sheet}",
        f"exported 4 voters to {table}",
    ]
    assert "王玥" in pdf_text(sheet) and "建设单位" in pdf_text(sheet)
    assert table.read_bytes().startswith(b"PK")


def test_create_refusals_name_the_options(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert refused(
        mixed,
        capsys,
        *("create", "--title", " ", "--kind", "election", "--seats", "4", "--candidates", "王玥"),
        *("--participation", "most", "--objection-share", "3/2", "--proxy-limit", "0"),
    ) == (
        "--title: enter the vote's title; --participation: unknown value 'most' (two-thirds, half);"
        " --objection-share: the objection threshold is a share above 0 and at most 1;"
        " --seats: a committee has 5 to 11 seats, an odd number;"
        " --proxy-limit: the proxy limit is at least 1 ballot"
    )
    assert refused(mixed, capsys, "create", "--title", "t", "--kind", "vote") == (
        "--kind: unknown value 'vote' (ordinary, major, objection, petition, election)"
    )
    assert refused(
        mixed,
        capsys,
        "create",
        "--title",
        "t",
        "--kind",
        "election",
        "--seats",
        "5",
        "--candidates",
        "王玥,王五",
    ) == ("--candidates: 王五 is not an owner on the roll: a candidate must be one")
    assert refused(mixed, capsys, "create", "--title", "t", "--kind", "ordinary", "--candidates", "王玥") == (
        "--candidates: only an election has candidates"
    )
    assert refused(
        mixed, capsys, "create", "--title", "t", "--kind", "ordinary", "--objection-combine", "xor"
    ) == ("--objection-combine: unknown value 'xor' (or, and)")
    assert votes_json(mixed, "list") == []  # nothing was opened


def test_list(mixed: Path) -> None:
    assert votes(mixed, "list") == "no votes yet: open one with `estatedesk votes create`\n"
    first = create(mixed, "ordinary")
    second = create(mixed, "election", "--seats", "5", "--candidates", "王玥,李喆")
    listed = votes_json(mixed, "list")
    assert [vote["vote"] for vote in listed] == [second, first]
    assert listed[0]["candidates"] == ["王玥", "李喆"] and listed[0]["seats"] == 5
    assert listed[1]["kind"] == "ordinary" and listed[1]["closed_at"] is None
    assert votes(mixed, "list").splitlines()[1] == (
        f"{first}: ordinary 表决 (ordinary matter, open): 4 heads, 525.50 m², 0 ballots entered"
    )


# ---------------------------------------------------------------- entering ballots


def test_a_room_names_its_voter_and_a_second_ballot_is_refused(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vote = create(mixed, "ordinary")
    entered = votes_json(mixed, "ballot", str(vote), "--room", "1-1-102", "--choice", "yes")
    assert entered["voter"] == votes_json(mixed, "roll", str(vote))["voters"][0]["voter"]
    assert (entered["name"], entered["rooms"], entered["void"]) == (
        "王玥",
        ["1-1-101", "1-1-102", "1-1-201"],
        False,
    )
    before = ballots_entered(mixed)
    # Another room of the same owner is the same voter.
    assert refused(mixed, capsys, "ballot", str(vote), "--room", "1-1-201", "--choice", "no") == (
        f"--room: the ballot of 王玥 (serial {entered['serial']}) is already entered: void it first"
        " to enter another"
    )
    assert refused(mixed, capsys, "ballot", str(vote), "--serial", entered["serial"], "--choice", "no") == (
        f"--serial: the ballot of 王玥 (serial {entered['serial']}) is already entered: void it first"
        " to enter another"
    )
    assert ballots_entered(mixed) == before
    result = tally(mixed, vote)["result"]
    assert result["yes"] == {"heads": 1, "area_centi": 24050} and result["no"]["heads"] == 0


def test_ballot_in_words_by_serial_with_a_proxy(mixed: Path) -> None:
    vote = create(mixed, "ordinary")
    serial = votes_json(mixed, "roll", str(vote))["voters"][2]["serial"]
    out = votes(mixed, "ballot", str(vote), "--serial", serial, "--choice", "同意", "--proxy", "赵六")
    assert out == f"entered ballot {serial} of 建设单位 (1-2-101, 1-2-102): 同意\n"
    assert tally(mixed, vote)["result"]["yes"] == {"heads": 1, "area_centi": 14500}


def test_ballot_refusals_name_the_options(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vote = create(mixed, "ordinary")
    serial = votes_json(mixed, "roll", str(vote))["voters"][0]["serial"]
    ballot = ("ballot", str(vote))
    assert refused(mixed, capsys, *ballot, "--room", "1-2-201", "--choice", "yes").startswith(
        "--room: room 1-2-201 has no recorded owner on this vote's roll: it cannot vote"
    )
    assert refused(mixed, capsys, *ballot, "--room", "9-9-999", "--choice", "yes") == (
        "--room: room 9-9-999 is not on this vote's roll"
    )
    assert refused(mixed, capsys, *ballot, "--room", "1-1-202", "--choice", "maybe") == (
        "--choice: unknown answer 'maybe' (yes, no, abstain or spoiled)"
    )
    assert refused(mixed, capsys, *ballot, "--room", "1-1-202", "--marks", "王玥") == (
        "--marks: a motion's ballot has an answer, not candidates"
    )
    assert refused(mixed, capsys, *ballot, "--serial", serial, "--room", "1-1-202", "--choice", "yes") == (
        f"--serial: serial {serial} is not the ballot of the voter of room 1-1-202"
    )
    assert refused(mixed, capsys, *ballot, "--choice", "yes") == (
        "--room: give the ballot's room (--room) or its serial (--serial)"
    )
    proxy_id = ("--proxy-id", "11010519491231002X")
    assert refused(mixed, capsys, *ballot, "--room", "1-1-202", "--choice", "yes", *proxy_id) == (
        "--proxy: enter the proxy's name"
    )
    assert (
        refused(mixed, capsys, "ballot", "99", "--room", "1-1-202", "--choice", "yes")
        == "there is no vote 99"
    )
    assert ballots_entered(mixed) == 0


def test_void_takes_a_ballot_out_and_lets_another_in(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vote = create(mixed, "ordinary")
    votes(mixed, "ballot", str(vote), "--room", "1-1-101", "--choice", "no")
    serial = votes_json(mixed, "roll", str(vote))["voters"][1]["serial"]
    assert refused(mixed, capsys, "void", str(vote), "--room", "1-1-202", "--reason", "填错") == (
        f"--room: no ballot of serial {serial} is entered"
    )
    assert refused(mixed, capsys, "void", str(vote), "--room", "1-1-101", "--reason", " ") == (
        "--reason: say why the ballot is voided"
    )
    voided = votes_json(mixed, "void", str(vote), "--room", "1-1-201", "--reason", "业主更正")
    assert (voided["name"], voided["reason"]) == ("王玥", "业主更正")
    assert tally(mixed, vote)["entered"] == 0
    votes(mixed, "ballot", str(vote), "--room", "1-1-101", "--choice", "yes")
    result = tally(mixed, vote)["result"]
    assert (result["yes"]["heads"], result["no"]["heads"]) == (1, 0)


def test_double_entry_by_another_clerk(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vote = create(mixed, "ordinary", "--double-entry")
    votes(mixed, "ballot", str(vote), "--room", "1-1-101", "--choice", "yes", "--clerk", "甲")
    votes(mixed, "ballot", str(vote), "--room", "1-1-202", "--choice", "no", "--clerk", "甲")
    assert refused(
        mixed,
        capsys,
        "ballot",
        str(vote),
        "--room",
        "1-1-101",
        "--choice",
        "yes",
        "--second-entry",
        "--clerk",
        "甲",
    ) == ("--room: 甲 entered this ballot: its second entry is another clerk's")
    second = ("--second-entry", "--clerk", "乙", "--json")
    assert votes(mixed, "ballot", str(vote), "--room", "1-1-101", "--choice", "yes", *second[:-1]).endswith(
        ": yes, agrees with the first\n"
    )
    differs = votes_json(mixed, "ballot", str(vote), "--room", "1-1-202", "--choice", "yes", *second[:-1])
    assert differs["agrees"] is False and differs["second_entry"] is True
    counted = tally(mixed, vote)
    assert any(
        warning.startswith("1 ballot") and "entered differently twice" in warning
        for warning in counted["warnings"]
    )
    serial = differs["serial"]
    assert counted["disagreements"] == [
        {
            "serial": serial,
            "name": "李喆、张堃",
            "first": "no",
            "second": "yes",
            "first_clerk": "甲",
            "second_clerk": "乙",
        }
    ]
    assert f"  entered differently: {serial} 李喆、张堃: no (甲) / yes (乙)" in votes(
        mixed, "tally", str(vote)
    )
    assert refused(mixed, capsys, "close", str(vote)) == (
        "ID: double entry is not finished: 0 ballots without a second entry,"
        f" 1 entered differently ({serial})"
    )
    connection = sqlite3.connect(mixed)
    try:
        actors = [
            row[0]
            for row in connection.execute(
                "SELECT actor FROM ballot_entry WHERE kind IN ('ballot', 'check') ORDER BY id"
            )
        ]
    finally:
        connection.close()
    assert actors == ["甲", "甲", "乙", "乙"]


def test_a_second_entry_needs_a_vote_asking_for_it(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vote = create(mixed, "ordinary")
    votes(mixed, "ballot", str(vote), "--room", "1-1-101", "--choice", "yes")
    assert refused(
        mixed,
        capsys,
        "ballot",
        str(vote),
        "--room",
        "1-1-101",
        "--choice",
        "yes",
        "--second-entry",
        "--clerk",
        "乙",
    ) == ("--room: this vote does not ask for double entry")


def test_a_closed_vote_takes_nothing_more(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vote = create(mixed, "ordinary")
    votes(mixed, "ballot", str(vote), "--room", "1-1-101", "--choice", "yes")
    assert votes(mixed, "close", str(vote)) == (
        f"closed vote {vote}: 1 ballot entered\n"
        "note: the scrutineers' counts of ballots issued and found were never recorded\n"
    )
    assert refused(mixed, capsys, "ballot", str(vote), "--room", "1-1-202", "--choice", "yes") == (
        f"ID: vote {vote} is closed: nothing more can be entered"
    )
    assert refused(mixed, capsys, "count", str(vote), "--issued", "3", "--found", "1") == (
        f"ID: vote {vote} is closed: nothing more can be entered"
    )
    assert tally(mixed, vote)["closed"] is True


# ---------------------------------------------------------------- thresholds, at their boundaries


@pytest.mark.parametrize(("voters", "met"), [(8, True), (7, False)])
def test_participation_of_exactly_two_thirds_is_enough(twelve: Path, voters: int, met: bool) -> None:
    vote = create(twelve, "ordinary")
    cast(twelve, vote, TWELVE_ROOMS[:voters], "yes")
    counted = tally(twelve, vote)
    assert counted["participation"]["heads"] == voters
    assert counted["participation"]["area_centi"] == voters * 10000
    assert counted["participation"]["met"] is met
    assert counted["result"]["passed"] is met  # every ballot says yes: only participation decides


def test_participation_in_words(twelve: Path) -> None:
    vote = create(twelve, "ordinary")
    cast(twelve, vote, TWELVE_ROOMS[:8], "yes")
    lines = votes(twelve, "tally", str(vote)).splitlines()
    assert lines[4] == (
        "participation: area 800.00/1200.00 m² = 66.67% ≥ 2/3 ✓; heads 8/12 = 66.67% ≥ 2/3 ✓: met"
    )
    votes(twelve, "void", str(vote), "--room", TWELVE_ROOMS[0], "--reason", "重复")
    lines = votes(twelve, "tally", str(vote)).splitlines()
    assert lines[4] == (
        "participation: area 700.00/1200.00 m² = 58.33% ≥ 2/3 ✗; heads 7/12 = 58.33% ≥ 2/3 ✗: NOT met"
    )
    assert "result: NOT PASSED (participation not met)" in lines


@pytest.mark.parametrize(("voters", "met"), [(7, True), (6, False)])
def test_more_than_half_participation_is_strict(twelve: Path, voters: int, met: bool) -> None:
    vote = create(twelve, "ordinary", "--participation", "half")
    cast(twelve, vote, TWELVE_ROOMS[:voters], "yes")
    assert tally(twelve, vote)["participation"]["met"] is met


@pytest.mark.parametrize(("yes", "passed"), [(4, False), (5, True)])
def test_exactly_half_yes_is_no_majority(twelve: Path, yes: int, passed: bool) -> None:
    vote = create(twelve, "ordinary")
    cast(twelve, vote, TWELVE_ROOMS[:yes], "yes")
    cast(twelve, vote, TWELVE_ROOMS[yes:8], "no")
    counted = tally(twelve, vote)
    assert counted["participation"]["met"] is True
    assert counted["result"]["yes"] == {"heads": yes, "area_centi": yes * 10000}
    assert counted["result"]["no"] == {"heads": 8 - yes, "area_centi": (8 - yes) * 10000}
    assert counted["result"]["passed"] is passed


@pytest.mark.parametrize(("yes", "passed"), [(6, True), (5, False)])
def test_exactly_three_quarters_passes_a_major_matter(twelve: Path, yes: int, passed: bool) -> None:
    vote = create(twelve, "major")
    cast(twelve, vote, TWELVE_ROOMS[:yes], "yes")
    cast(twelve, vote, TWELVE_ROOMS[yes:7], "no")
    cast(twelve, vote, TWELVE_ROOMS[7:8], "abstain")  # an abstention takes part and counts against
    counted = tally(twelve, vote)
    assert counted["participation"] == {**counted["participation"], "heads": 8, "met": True}
    assert counted["result"]["abstain"] == {"heads": 1, "area_centi": 10000}
    assert counted["result"]["passed"] is passed
    lines = votes(twelve, "tally", str(vote)).splitlines()
    assert f"result: {'PASSED' if passed else 'NOT PASSED'}" in lines


# Four rooms: 张三 holds exactly 1/3 of the area (100 of 300 m²) but 1/4 of the heads.
OBJECTION_ROOMS = [
    ["2", "1", "101", "100", "张三", "", ""],
    ["2", "1", "102", "50", "李四", "", ""],
    ["2", "1", "201", "75", "王五", "", ""],
    ["2", "1", "202", "75", "赵六", "", ""],
]


@pytest.mark.parametrize(
    ("objector", "combine", "passed"),
    [
        ("2-1-101", "or", False),  # the area reaches 1/3 exactly: defeated
        ("2-1-101", "and", True),  # the heads do not: with "and", not defeated
        ("2-1-102", "or", True),  # 50 m² and one head: short of 1/3 on both
    ],
)
def test_objections_reaching_exactly_a_third_of_the_area_defeat_the_motion(
    tmp_path: Path, objector: str, combine: str, passed: bool
) -> None:
    db = make_estate(tmp_path, OBJECTION_ROOMS)
    vote = create(db, "objection", "--objection-combine", combine)
    votes(db, "ballot", str(vote), "--room", objector, "--choice", "no")
    votes(db, "ballot", str(vote), "--room", "2-1-201", "--choice", "yes")
    counted = tally(db, vote)
    assert counted["participation"]["met"] is True  # an objection vote asks no participation
    assert counted["result"]["passed"] is passed
    assert counted["rules"] == (
        f"vote by objection: fails when objections reach 1/3 of total area {combine} of total heads;"
        " no participation threshold"
    )


def test_an_objection_share_as_given(tmp_path: Path) -> None:
    db = make_estate(tmp_path, OBJECTION_ROOMS)
    vote = create(db, "objection", "--objection-share", "1/2")
    votes(db, "ballot", str(vote), "--room", "2-1-101", "--choice", "no")
    assert tally(db, vote)["result"]["passed"] is True
    lines = votes(db, "tally", str(vote)).splitlines()
    assert "objections (or): area 100.00/300.00 m² = 33.33% ≥ 1/2 ✗; heads 1/4 = 25.00% ≥ 1/2 ✗" in lines


@pytest.mark.parametrize(("supporters", "passed"), [(3, True), (2, False)])
def test_a_petition_needs_a_fifth_of_area_and_heads(twelve: Path, supporters: int, passed: bool) -> None:
    vote = create(twelve, "petition")
    cast(twelve, vote, TWELVE_ROOMS[:supporters], "yes")
    assert tally(twelve, vote)["result"]["passed"] is passed


def test_non_voters_follow_the_majority_only_when_asked(twelve: Path) -> None:
    plain = create(twelve, "major")
    following = create(twelve, "major", "--follow-majority")
    for vote in (plain, following):
        cast(twelve, vote, TWELVE_ROOMS[:5], "yes")
        cast(twelve, vote, TWELVE_ROOMS[5:8], "no")
    assert tally(twelve, plain)["result"]["passed"] is False  # 5/8 < 3/4
    result = tally(twelve, following)["result"]
    assert result["followers"] == {"heads": 4, "area_centi": 40000}
    assert result["yes"] == {"heads": 9, "area_centi": 90000}  # 9/12 = 3/4 of the whole roll
    assert result["passed"] is True


# ---------------------------------------------------------------- an election

CANDIDATES = OWNERS[:7]  # 王玥 李喆 张堃 赵一 钱二 孙三 李四
A, B, C, D, E, F, G = CANDIDATES
# Eight valid ballots (5 seats, at most 5 marks each): A–D get 6 votes, E and F 5, G 1.
MARKED = [
    [A, B, C, D, E],
    [A, B, C, D, E],
    [A, B, C, D, E],
    [A, B, C, D, F],
    [A, B, C, D, F],
    [A, B, C, D, F],
    [E, F, G],
    [E, F],
]


def test_an_election_with_a_void_ballot_a_tie_and_an_open_seat(twelve: Path) -> None:
    vote = create(twelve, "election", "--seats", "5", "--candidates", ",".join(CANDIDATES))
    for room, marks in zip(TWELVE_ROOMS, MARKED, strict=False):
        votes(twelve, "ballot", str(vote), "--room", room, "--marks", ",".join(marks))
    over = votes_json(
        twelve, "ballot", str(vote), "--room", TWELVE_ROOMS[8], "--marks", "、".join(CANDIDATES[:6])
    )
    assert over["void"] is True
    counted = tally(twelve, vote)
    assert counted["void_ballots"] == 1
    # The void ballot's voter takes part: 9 of 12.
    assert counted["participation"] == {
        **counted["participation"],
        "heads": 9,
        "area_centi": 90000,
        "met": True,
    }
    result = counted["result"]
    ranked = [(c["name"], c["heads"], c["area_centi"], c["elected"]) for c in result["candidates"]]
    assert ranked == [
        (A, 6, 60000, True),
        (B, 6, 60000, True),
        (C, 6, 60000, True),
        (D, 6, 60000, True),
        (E, 5, 50000, False),  # 5 of 9 is a majority, but E and F tie for the last seat
        (F, 5, 50000, False),
        (G, 1, 10000, False),
    ]
    assert result["tie"] == [E, F]
    assert result["open_seats"] == 1
    lines = votes(twelve, "tally", str(vote)).splitlines()
    assert f"tie for the last seat: {E}, {F}: a further vote decides it" in lines
    assert f"result: elected {A}, {B}, {C}, {D}; open seats: 1" in lines
    assert (
        f"7. {G}: 1 head, 100.00 m²: area 100.00/900.00 m² = 11.11% > 1/2 ✗;"
        " heads 1/9 = 11.11% > 1/2 ✗: not elected"
    ) in lines


def test_election_ballot_refusals(twelve: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vote = create(twelve, "election", "--seats", "5", "--candidates", ",".join(CANDIDATES))
    room = TWELVE_ROOMS[0]
    assert refused(twelve, capsys, "ballot", str(vote), "--room", room, "--marks", f"{A},王五") == (
        "--marks: 王五 is not a candidate of this election"
    )
    assert refused(twelve, capsys, "ballot", str(vote), "--room", room, "--marks", f"{A},{A}") == (
        f"--marks: {A} is marked twice"
    )
    assert refused(twelve, capsys, "ballot", str(vote), "--room", room, "--choice", "yes") == (
        "--choice: an election's ballot marks candidates, not an answer"
    )
    assert votes_json(twelve, "ballot", str(vote), "--room", room, "--choice", "spoiled")["void"] is True


def test_a_count_with_more_ballots_found_than_issued_is_void(
    twelve: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vote = create(twelve, "ordinary")
    cast(twelve, vote, TWELVE_ROOMS[:9], "yes")
    assert votes_json(twelve, "count", str(vote), "--issued", "9", "--found", "9") == {
        "vote": vote,
        "issued": 9,
        "found": 9,
    }
    counted = tally(twelve, vote)
    assert counted["count_void"] is False and counted["result"]["passed"] is True
    refusal = refused(twelve, capsys, "count", str(vote), "--issued", "9", "--found", "10")
    assert refusal == "--reason: the counts recorded were 9 issued and 9 found: say why they are corrected"
    corrected = ("--issued", "9", "--found", "10", "--reason", "重点", "--clerk", "监票人甲")
    assert votes(twelve, "count", str(vote), *corrected).splitlines() == [
        f"vote {vote}: 9 ballots issued, 10 found in the box",
        "more ballots were found than issued: the count is void",
    ]
    counted = tally(twelve, vote)
    assert counted["result"] is None and counted["count_void"] is True
    assert (
        counted["warnings"][0] == "10 ballots were found in the box but only 9 were issued: the count is void"
    )
    assert (
        counted["warnings"][1]
        == "the scrutineers' counts were corrected by 监票人甲: issued 9, found 9 → issued 9, found 10 (重点)"
    )
    assert "result: none: 10 ballots were found in the box but only 9 were issued, so the count is void" in (
        votes(twelve, "tally", str(vote)).splitlines()
    )
    assert refused(
        twelve, capsys, "count", str(vote), "--issued", "13", "--found", "-1", "--reason", "x"
    ) == ("--issued: 13 ballots issued, but only 12 voters can vote; --found: a count cannot be negative")


def test_tally_gives_the_keys_of_the_contract(mixed: Path) -> None:
    motion = create(mixed, "ordinary")
    votes(mixed, "ballot", str(motion), "--room", "1-1-101", "--choice", "yes")
    counted = tally(mixed, motion)
    contract = {"rules", "heads", "area_centi", "participation", "void_ballots", "result"}
    assert contract | {"count_void", "warnings", "entered"} <= counted.keys()
    assert {"heads", "area_centi", "met"} <= counted["participation"].keys()
    assert {"yes", "no", "abstain", "passed", "spoiled", "followers"} <= counted["result"].keys()
    assert (counted["heads"], counted["area_centi"], counted["entered"]) == (4, 52550, 1)
    assert any(
        warning.endswith("no recorded owner and cannot vote: 1-2-201") for warning in counted["warnings"]
    )
    election = create(mixed, "election", "--seats", "5", "--candidates", "王玥,李喆")
    counted = tally(mixed, election)
    assert contract <= counted.keys()
    assert {"candidates", "tie", "open_seats"} <= counted["result"].keys()
    assert {"name", "heads", "area_centi", "elected"} <= counted["result"]["candidates"][0].keys()


def test_tally_in_words(twelve: Path) -> None:
    vote = create(twelve, "ordinary", "--proxy-limit", "1")
    cast(twelve, vote, TWELVE_ROOMS[:4], "yes")
    cast(twelve, vote, TWELVE_ROOMS[4:8], "no")
    for room in TWELVE_ROOMS[8:10]:
        votes(twelve, "ballot", str(vote), "--room", room, "--choice", "abstain", "--proxy", "赵大")
    lines = votes(twelve, "tally", str(vote)).splitlines()
    assert lines[:11] == [
        f"vote {vote}: ordinary 表决 (ordinary matter, open)",
        "rules: ordinary matter: participation ≥ 2/3 of total area and of total heads;"
        " passed by > 1/2 of participating area and of participating heads",
        "roll: 12 heads, 1200.00 m²",
        "ballots entered: 10, void: 0",
        "participation: area 1000.00/1200.00 m² = 83.33% ≥ 2/3 ✓; heads 10/12 = 83.33% ≥ 2/3 ✓: met",
        "yes: 4 heads, 400.00 m²",
        "no: 4 heads, 400.00 m²",
        "abstain: 2 heads, 200.00 m²",
        "spoiled: 0 heads, 0.00 m²",
        "approval: area 400.00/1000.00 m² = 40.00% > 1/2 ✗; heads 4/10 = 40.00% > 1/2 ✗",
        "result: NOT PASSED",
    ]
    assert lines[11] == "warnings:"
    assert "  the scrutineers have not recorded the ballots issued and found" in lines
    assert any(line.startswith("  proxy 赵大 carries 2 ballots (more than 1): ") for line in lines)


# ---------------------------------------------------------------- ballots keyed in a spreadsheet


def write_ballots(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["房号", "意见", "委托代理人"])
        writer.writerows(rows)
    return path


def test_ballots_import_refuses_a_bad_row_by_its_number_and_writes_nothing(
    twelve: Path, tmp_path: Path
) -> None:
    vote = create(twelve, "ordinary")
    keyed = write_ballots(
        tmp_path / "ballots.csv",
        [["1-1-101", "同意", ""], ["1-1-102", "反对", ""], ["9-9-999", "同意", ""], ["1-1-104", "同意", ""]],
    )
    code, out = run("--db", str(twelve), "votes", "ballots", "import", str(vote), str(keyed))
    assert code == EXIT_REJECTED
    assert out.splitlines() == [
        "row 4: 房号: room 9-9-999 is not on this vote's roll",
        "nothing imported: fix the rows above, or use --valid-only",
    ]
    assert ballots_entered(twelve) == 0
    code, out = run("--db", str(twelve), "votes", "ballots", "import", str(vote), str(keyed), "--json")
    assert code == EXIT_REJECTED
    assert json.loads(out)["errors"] == [
        {"row": 4, "column": "房号", "reason": "room 9-9-999 is not on this vote's roll"}
    ]
    assert ballots_entered(twelve) == 0


def test_ballots_import_refuses_a_bad_answer_by_its_row_and_writes_nothing(
    twelve: Path, tmp_path: Path
) -> None:
    vote = create(twelve, "ordinary")
    keyed = write_ballots(tmp_path / "ballots.csv", [["1-1-101", "同意", ""], ["1-1-102", "也许", ""]])
    code, out = run("--db", str(twelve), "votes", "ballots", "import", str(vote), str(keyed))
    assert code == EXIT_REJECTED
    assert out.splitlines() == [
        "row 3: 意见: unknown answer '也许' (yes, no, abstain or spoiled)",
        "nothing imported: fix the rows above, or use --valid-only",
    ]
    assert ballots_entered(twelve) == 0


def test_ballots_import_refuses_a_voter_already_entered_and_writes_nothing(
    twelve: Path, tmp_path: Path
) -> None:
    vote = create(twelve, "ordinary")
    votes(twelve, "ballot", str(vote), "--room", "1-1-103", "--choice", "yes")
    keyed = write_ballots(tmp_path / "ballots.csv", [["1-1-101", "同意", ""], ["1-1-103", "反对", ""]])
    code, out = run("--db", str(twelve), "votes", "ballots", "import", str(vote), str(keyed))
    assert code == EXIT_REJECTED
    assert out.splitlines()[0].startswith("row 3: 房号: the ballot of 张堃 (serial ")
    assert ballots_entered(twelve) == 1


def test_ballots_import_writes_every_row_or_the_good_ones(twelve: Path, tmp_path: Path) -> None:
    vote = create(twelve, "ordinary")
    good = write_ballots(tmp_path / "good.csv", [["1-1-101", "同意", "赵大"], ["1-1-102", "反对", ""]])
    code, out = run(
        "--db", str(twelve), "votes", "ballots", "import", str(vote), str(good), "--clerk", "王会计"
    )
    assert (code, out) == (EXIT_OK, "imported 2 new ballots, updated 0, unchanged 0\n")
    mixed = write_ballots(tmp_path / "mixed.csv", [["1-1-103", "同意", ""], ["9-9-999", "同意", ""]])
    code, out = run(
        "--db", str(twelve), "votes", "ballots", "import", str(vote), str(mixed), "--valid-only", "--json"
    )
    assert code == EXIT_REJECTED  # a row was left out: said, and exit 1
    assert json.loads(out)["imported"] == 1
    result = tally(twelve, vote)["result"]
    assert (result["yes"]["heads"], result["no"]["heads"]) == (2, 1)
    connection = sqlite3.connect(twelve)
    try:
        actors = {
            row[0]
            for row in connection.execute("SELECT actor FROM ballot_entry WHERE kind = 'ballot' AND id <= 3")
        }
    finally:
        connection.close()
    assert actors == {"王会计"}


# ---------------------------------------------------------------- verify and printing


def test_verify_checks_the_ballots_too(twelve: Path) -> None:
    vote = create(twelve, "ordinary")
    cast(twelve, vote, TWELVE_ROOMS[:3], "yes")
    code, out = run("--db", str(twelve), "verify", "--json")
    assert code == EXIT_OK
    assert json.loads(out) == {
        "ok": True,
        "entries": 0,
        "first_bad": None,
        "ballots": {"ok": True, "entries": 4, "first_bad": None},  # the vote's opening and 3 ballots
    }
    connection = sqlite3.connect(twelve)  # another program turns the second ballot's yes into a no
    try:
        connection.execute("UPDATE ballot_entry SET choice = 'no' WHERE id = 2")
        assert connection.total_changes == 1
        connection.commit()
    finally:
        connection.close()
    code, out = run("--db", str(twelve), "verify", "--json")
    assert code == EXIT_REJECTED
    found = json.loads(out)
    assert (found["ok"], found["entries"], found["first_bad"]) == (False, 0, None)  # the ledger is sound
    assert found["ballots"]["ok"] is False
    assert found["ballots"]["entries"] == 1
    assert found["ballots"]["first_bad"]["entry"] == 2
    assert found["ballots"]["first_bad"]["what"]
    code, out = run("--db", str(twelve), "verify")
    assert code == EXIT_REJECTED
    lines = out.splitlines()
    assert lines[0] == "ledger OK: 0 entries, every one as the program wrote it"
    assert lines[1].startswith("ballot entry 2 does not match: ")
    assert lines[2] == "1 ballot entries before it are sound"


def test_notice_and_ballots_are_printed(twelve: Path, tmp_path: Path) -> None:
    vote = create(twelve, "election", "--seats", "5", "--candidates", ",".join(CANDIDATES))
    for room, marks in zip(TWELVE_ROOMS, MARKED, strict=False):
        votes(twelve, "ballot", str(vote), "--room", room, "--marks", ",".join(marks))
    notice, ballots, delivery = tmp_path / "notice.pdf", tmp_path / "ballots.pdf", tmp_path / "delivery.pdf"
    assert votes(twelve, "notice", str(vote), "--pdf", str(notice)) == (
        f"wrote the result notice of vote {vote} to {notice}\n"
    )
    text = pdf_text(notice)
    assert A in text and "election表决" in text
    out = votes(twelve, "ballots", str(vote), "--pdf", str(ballots), "--delivery-pdf", str(delivery))
    assert out.splitlines() == [
        f"wrote 12 ballots to {ballots}",
        f"wrote the delivery sign-for sheet of 12 voters to {delivery}",
    ]
    serials = [voter["serial"] for voter in votes_json(twelve, "roll", str(vote))["voters"]]
    assert all(serial in pdf_text(ballots) for serial in serials)
    assert all(name in pdf_text(delivery) for name in OWNERS)


def test_a_vote_that_does_not_exist(twelve: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for argv in (
        ["tally", "7"],
        ["roll", "7"],
        ["close", "7"],
        ["notice", "7", "--pdf", str(tmp_path / "n.pdf")],
    ):
        assert refused(twelve, capsys, *argv) == "there is no vote 7"
    assert not (tmp_path / "n.pdf").exists()


# ---------------------------------------------------------------- the parser


@pytest.mark.parametrize(
    "argv",
    [
        ["votes"],
        ["votes", "frobnicate"],
        ["votes", "create", "--kind", "ordinary"],  # --title is required
        ["votes", "tally"],  # ID is required
        ["votes", "tally", "0"],  # ID is a positive number
        ["votes", "ballot", "1", "--room", "1-1-101"],  # --choice or --marks
        ["votes", "ballot", "1", "--room", "1-1-101", "--choice", "yes", "--marks", "王玥"],
        ["votes", "void", "1", "--reason", "x"],  # --serial or --room
        ["votes", "count", "1", "--issued", "3"],  # --found is required
        ["votes", "notice", "1"],  # --pdf is required
        ["votes", "ballots", "1"],  # --pdf or --delivery-pdf
        ["votes", "ballots", "import", "1"],  # FILE is required
        ["votes", "ballots", "import", "x", "ballots.csv"],
        ["votes", "ballots", "1", "--pdf", "b.pdf", "--valid-only"],
    ],
)
def test_usage_errors_exit_2(twelve: Path, argv: list[str]) -> None:
    assert usage_error("--db", str(twelve), *argv) == EXIT_USAGE


@pytest.mark.parametrize(
    "word", ["create", "list", "roll", "ballot", "void", "ballots", "count", "tally", "notice", "close"]
)
def test_every_votes_command_has_english_help(word: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert usage_error("votes", word, "--help") == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith(f"usage: estatedesk votes {word}")


def test_a_room_without_owner_votes_once_its_owner_is_taken_onto_the_roll(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vote = create(mixed, "ordinary")
    assert "until one" in refused(mixed, capsys, "ballot", str(vote), "--room", "1-2-201", "--choice", "yes")
    assert "still has no recorded owner" in refused(
        mixed, capsys, "take-owner", str(vote), "--room", "1-2-201"
    )
    rows = tmp_path / "owner.csv"
    with rows.open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows([HEADER, ["1", "2", "201", "50", "赵六", "13900000009", ""]])
    code, out = run("--db", str(mixed), "import", "households", str(rows))
    assert code == EXIT_OK, out
    taken = votes_json(mixed, "take-owner", str(vote), "--room", "1-2-201")
    assert taken["name"] == "赵六" and taken["rooms"] == ["1-2-201"]
    votes(mixed, "ballot", str(vote), "--room", "1-2-201", "--choice", "yes")
    assert votes_json(mixed, "tally", str(vote))["participation"]["heads"] == 1
