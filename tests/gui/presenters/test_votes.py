"""The count page's texts (gui/presenters/votes.py), from tallies the domain counts, without Qt.

Small rolls are built by hand so that each boundary of RULES.md §6 is met exactly or missed by
one hundredth of a square metre: exactly 2/3 takes part, exactly 1/2 is no majority, exactly 3/4
passes a major matter.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from fractions import Fraction
from types import EllipsisType

import pytest

from estatedesk.domain.voting import (
    Check,
    Choice,
    Combine,
    CountedBallot,
    Participation,
    Tally,
    VoteKind,
    VoteRules,
    Weight,
    rules_text,
    tally,
)
from estatedesk.gui import i18n
from estatedesk.gui.presenters import votes as present
from estatedesk.gui.presenters.votes import Outcome
from estatedesk.services.votes import (
    Candidate,
    CountRecord,
    Disagreement,
    ProxyLoad,
    Reading,
    TallyReport,
    VoteView,
)

M2 = 100  # 1 m² in the domain's hundredths


def roll(*areas: int) -> list[Weight]:
    """Voters of these areas (in hundredths of m²), one head each."""
    return [Weight(1, area) for area in areas]


def totals(voters: Sequence[Weight]) -> Weight:
    return sum(voters, Weight())


def motion(
    kind: VoteKind,
    voters: Sequence[Weight],
    choices: Sequence[Choice | None],
    issued: int | None = None,
    found: int | None = None,
    **settings: object,
) -> Tally:
    """Count a motion: ``choices[i]`` is voter i's answer, None for one who did not vote."""
    ballots = [CountedBallot(voter, choice) for voter, choice in zip(voters, choices, strict=True) if choice]
    rules = VoteRules(kind, **settings)  # type: ignore[arg-type]
    return tally(rules, totals(voters), ballots, issued=issued, found=found)


def report(
    counted: Tally,
    entered: int | None = None,
    issued: int | EllipsisType | None = ...,
    found: int | EllipsisType | None = ...,
    **fields: object,
) -> TallyReport:
    """A report around ``counted`` as services.votes.count gives it: one ballot entered per voter
    taking part, and (unless given) as many issued and found as entered."""
    entered = counted.participation.heads if entered is None else entered
    view = VoteView(
        7,
        "更换物业服务企业",
        counted.rules,
        False,
        3,
        counted.totals.heads,
        counted.totals.area_centi,
        entered if issued is ... else issued,
        entered if found is ... else found,
        "2027-03-01T02:00:00+00:00",
        "clerk",
        None,
        (),
        entered,
    )
    values: dict[str, object] = {
        "entered": entered,
        "unchecked": 0,
        "disagreements": (),
        "proxies": (),
        "rooms_without_owner": (),
    }
    values.update(fields)
    return TallyReport(view, counted, **values)  # type: ignore[arg-type]


def lines_text(lines: Sequence[present.ThresholdLine]) -> list[str]:
    return [f"{line.label} {line.text}" for line in lines]


def test_the_count_texts_need_no_qt() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, estatedesk.gui.presenters.votes; "
            "print(any(m.split('.')[0] in ('PySide6', 'shiboken6', 'qtawesome') for m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"


# ---------------------------------------------------------------- one threshold


def test_a_threshold_line_reads_as_the_committee_checks_it() -> None:
    line = present.threshold_line(Check("area", 801_234, 1_102_000, Fraction(2, 3), True), "Area taking part")
    assert line.text == "8,012.34 / 11,020.00 ㎡ = 72.71% ≥ 2/3 ✓"
    assert (line.value, line.whole, line.percent, line.comparison, line.share) == (
        "8,012.34 ㎡",
        "11,020.00 ㎡",
        "72.71%",
        "≥",
        "2/3",
    )
    assert line.met and line.mark == "✓"
    assert line.fill == pytest.approx(801_234 / 1_102_000)
    assert line.threshold == pytest.approx(2 / 3)


def test_heads_are_whole_numbers_and_a_strict_share_compares_with_greater_than() -> None:
    line = present.threshold_line(Check("heads", 1_204, 2_408, Fraction(1, 2), False), "Heads for")
    assert line.text == "1,204 / 2,408 = 50.00% > 1/2 ✗"
    assert not line.met


def test_an_empty_roll_shows_a_dash_and_reaches_nothing() -> None:
    line = present.threshold_line(Check("heads", 0, 0, Fraction(2, 3), True), "Heads taking part")
    assert line.percent == "—" and not line.met and line.empty and line.fill == 0.0


# ---------------------------------------------------------------- participation at 2/3


def test_exactly_two_thirds_takes_part() -> None:
    voters = roll(100 * M2, 100 * M2, 100 * M2)
    counted = motion(VoteKind.ORDINARY, voters, [Choice.YES, Choice.YES, None])
    view = present.tally_view(report(counted))
    assert lines_text(view.participation_lines) == [
        "Area taking part 200.00 / 300.00 ㎡ = 66.67% ≥ 2/3 ✓",
        "Heads taking part 2 / 3 = 66.67% ≥ 2/3 ✓",
    ]
    assert all(line.met for line in view.participation_lines)
    assert view.outcome.outcome is Outcome.PASSED
    assert view.outcome.text == "Passed"
    assert view.participation == "Taking part: 2 voters, 200.00 ㎡ (2 ballots entered)"


def test_one_hundredth_of_a_square_metre_less_does_not() -> None:
    voters = roll(100 * M2, 100 * M2 - 1, 100 * M2 + 1)
    counted = motion(VoteKind.ORDINARY, voters, [Choice.YES, Choice.YES, None])
    view = present.tally_view(report(counted))
    area, heads = view.participation_lines
    assert f"{area.label} {area.text}" == "Area taking part 199.99 / 300.00 ㎡ = 66.66% ≥ 2/3 ✗"
    assert heads.met and not area.met
    assert view.outcome.outcome is Outcome.NO_QUORUM
    assert view.outcome.text == "Participation threshold not reached"


def test_the_mark_follows_the_exact_share_not_the_rounded_percentage() -> None:
    # 1,999,999 of 3,000,000 hundredths is 66.666633…%: it prints as 66.67%, and is short of 2/3.
    voters = roll(1_000_000, 999_999, 1_000_001)
    counted = motion(VoteKind.ORDINARY, voters, [Choice.YES, Choice.YES, None])
    area = present.tally_view(report(counted)).participation_lines[0]
    assert area.text == "19,999.99 / 30,000.00 ㎡ = 66.66% ≥ 2/3 ✗"  # never a 66.67% beside a ✗
    assert not area.met and area.fill > 0.6666


def test_the_older_local_rule_asks_more_than_half() -> None:
    voters = roll(100 * M2, 100 * M2, 100 * M2, 100 * M2)
    counted = motion(
        VoteKind.ORDINARY, voters, [Choice.YES, Choice.YES, None, None], participation=Participation.HALF
    )
    view = present.tally_view(report(counted))
    assert [line.text for line in view.participation_lines] == [
        "200.00 / 400.00 ㎡ = 50.00% > 1/2 ✗",
        "2 / 4 = 50.00% > 1/2 ✗",
    ]
    assert view.outcome.outcome is Outcome.NO_QUORUM


# ---------------------------------------------------------------- results


def test_exactly_half_yes_is_no_majority_for_an_ordinary_matter() -> None:
    voters = roll(*[90 * M2] * 4)
    counted = motion(VoteKind.ORDINARY, voters, [Choice.YES, Choice.YES, Choice.NO, Choice.NO])
    view = present.tally_view(report(counted))
    assert view.motion is not None
    assert lines_text(view.motion.lines) == [
        "Area for 180.00 / 360.00 ㎡ = 50.00% > 1/2 ✗",
        "Heads for 2 / 4 = 50.00% > 1/2 ✗",
    ]
    assert view.outcome.outcome is Outcome.FAILED
    assert view.outcome.text == "Not passed"
    assert not view.outcome.good


def test_exactly_three_quarters_passes_a_major_matter() -> None:
    voters = roll(*[90 * M2] * 4)
    counted = motion(VoteKind.MAJOR, voters, [Choice.YES, Choice.YES, Choice.YES, Choice.NO])
    view = present.tally_view(report(counted))
    assert view.motion is not None
    assert [line.text for line in view.motion.lines] == [
        "270.00 / 360.00 ㎡ = 75.00% ≥ 3/4 ✓",
        "3 / 4 = 75.00% ≥ 3/4 ✓",
    ]
    assert view.outcome.outcome is Outcome.PASSED
    assert view.outcome.good


def test_a_hundredth_short_of_three_quarters_fails_a_major_matter() -> None:
    voters = roll(90 * M2, 90 * M2, 90 * M2 - 1, 90 * M2 + 1)
    counted = motion(VoteKind.MAJOR, voters, [Choice.YES, Choice.YES, Choice.YES, Choice.NO])
    view = present.tally_view(report(counted))
    assert view.motion is not None
    area, heads = view.motion.lines
    assert area.text == "269.99 / 360.00 ㎡ = 74.99% ≥ 3/4 ✗"
    assert heads.met and not area.met
    assert view.outcome.outcome is Outcome.FAILED


def test_the_answers_table_gives_shares_of_those_taking_part() -> None:
    voters = roll(80 * M2, 100 * M2, 120 * M2, 60 * M2, 40 * M2)
    counted = motion(
        VoteKind.ORDINARY, voters, [Choice.YES, Choice.YES, Choice.NO, Choice.ABSTAIN, Choice.SPOILED]
    )
    view = present.tally_view(report(counted))
    assert view.motion is not None
    table = view.motion
    assert not table.of_all
    assert (table.heads_percent_title, table.area_percent_title) == (
        "% of heads taking part",
        "% of area taking part",
    )
    assert [(a.answer, a.heads, a.heads_percent, a.area, a.area_percent) for a in table.answers] == [
        ("Yes", "2", "40.00%", "180.00", "45.00%"),
        ("No", "1", "20.00%", "120.00", "30.00%"),
        ("Abstain", "1", "20.00%", "60.00", "15.00%"),
        ("Spoiled", "1", "20.00%", "40.00", "10.00%"),
        ("Total", "5", "100.00%", "400.00", "100.00%"),
    ]
    assert [a.total for a in table.answers] == [False, False, False, False, True]
    assert table.followers == ""
    assert view.participation == (
        "Taking part: 5 voters, 400.00 ㎡ (5 ballots entered, 1 of them void: "
        "they take part but count for no one)"
    )


def test_the_participation_line_is_one_whole_sentence_to_translate(monkeypatch: pytest.MonkeyPatch) -> None:
    """A translator gets the line whole, with or without void ballots, never in pieces."""
    monkeypatch.setattr(i18n, "_installed", [lambda _context, text: f"«{text}»"])
    voters = roll(100 * M2, 100 * M2, 100 * M2)
    for choices, void in (([Choice.YES, Choice.NO, None], 0), ([Choice.YES, Choice.SPOILED, None], 1)):
        counted = motion(VoteKind.ORDINARY, voters, choices)
        assert counted.void_ballots == void
        text = present.participation_text(counted, 2)
        assert text.startswith("«Taking part: 2 voters, 200.00 ㎡ (2 ballots entered") and text.endswith(")»")
        assert text.count("«") == 1 and ("of them void" in text) == bool(void)


def test_an_objection_vote_counts_against_the_whole_roll_and_has_no_participation_threshold() -> None:
    voters = roll(*[100 * M2] * 6)
    choices = [Choice.NO, Choice.NO, Choice.YES, None, None, None]
    counted = motion(VoteKind.OBJECTION, voters, choices, objection_combine=Combine.OR)
    view = present.tally_view(report(counted))
    assert view.participation_lines == ()
    assert view.participation_note == "This kind of vote has no participation threshold."
    assert view.motion is not None
    assert view.motion.of_all
    assert view.motion.heads_percent_title == "% of all heads"
    assert lines_text(view.motion.lines) == [
        "Area against, of the total area 200.00 / 600.00 ㎡ = 33.33% ≥ 1/3 ✓",
        "Heads against, of the total heads 2 / 6 = 33.33% ≥ 1/3 ✓",
    ]
    assert view.outcome.outcome is Outcome.FAILED
    assert view.outcome.detail == "The objections reached the threshold."
    # reaching an objection threshold defeats the motion: the line is drawn as a failure, not green
    reached = [line for line in view.motion.lines if line.met]
    assert reached and all(line.against and not line.good for line in reached)


def test_a_petition_counts_support_of_the_whole_roll() -> None:
    voters = roll(*[100 * M2] * 5)
    counted = motion(VoteKind.PETITION, voters, [Choice.YES, None, None, None, None])
    view = present.tally_view(report(counted))
    assert view.motion is not None
    assert lines_text(view.motion.lines) == [
        "Area supporting, of the total area 100.00 / 500.00 ㎡ = 20.00% ≥ 20% ✓",
        "Heads supporting, of the total heads 1 / 5 = 20.00% ≥ 20% ✓",
    ]
    assert view.outcome.outcome is Outcome.PASSED


def test_non_voters_counted_with_the_majority_are_said_and_shares_become_of_the_roll() -> None:
    voters = roll(*[100 * M2] * 6)
    choices = [Choice.YES, Choice.YES, Choice.YES, Choice.NO, None, None]
    counted = motion(VoteKind.ORDINARY, voters, choices, follow_majority=True)
    view = present.tally_view(report(counted))
    assert view.motion is not None
    assert view.motion.of_all
    assert view.motion.followers == (
        "Counted with the majority: 2 voters who did not vote, 200.00 ㎡, added to “Yes”"
    )
    assert view.motion.answers[0].heads == "5"
    assert view.motion.lines[0].label == "Area for, of the total area"
    assert view.motion.lines[0].text == "500.00 / 600.00 ㎡ = 83.33% > 1/2 ✓"
    assert "从众" in view.rules


def test_the_rule_set_is_the_domains_chinese_text() -> None:
    counted = motion(VoteKind.MAJOR, roll(100 * M2), [Choice.YES])
    view = present.tally_view(report(counted))
    assert view.rules == rules_text(counted.rules)
    assert view.rules.startswith("重大事项")
    assert view.totals == "On the roll: 1 voters, 100.00 ㎡"


def test_a_count_with_more_ballots_found_than_issued_shows_only_the_void_line() -> None:
    voters = roll(*[100 * M2] * 3)
    counted = motion(VoteKind.ORDINARY, voters, [Choice.YES, Choice.YES, Choice.YES], issued=2, found=3)
    assert counted.count_void
    view = present.tally_view(report(counted, issued=2, found=3))
    assert view.participation_lines == ()
    assert view.motion is None and view.election is None
    assert view.outcome.outcome is Outcome.VOID
    assert view.outcome.text == "More ballots were found than were issued: this count is void"
    assert view.participation_note == ""
    assert view.status == "3 ballots; More ballots were found than were issued: this count is void"


def test_a_vote_without_ballots_says_so() -> None:
    voters = roll(*[100 * M2] * 3)
    counted = motion(VoteKind.ORDINARY, voters, [None, None, None])
    view = present.tally_view(report(counted, entered=0))
    assert view.outcome.outcome is Outcome.NO_BALLOTS
    assert view.outcome.text == "No ballots entered yet"
    assert [line.text for line in view.participation_lines] == [
        "0.00 / 300.00 ㎡ = 0.00% ≥ 2/3 ✗",
        "0 / 3 = 0.00% ≥ 2/3 ✗",
    ]
    assert view.motion is not None
    assert view.motion.answers[-1].heads_percent == "—"


# ---------------------------------------------------------------- an election

NAMES = ("赵一", "钱二", "孙三", "周四", "王玥", "李喆", "张堃")


def election(votes_for: Sequence[int], voters: int = 10, seats: int = 5) -> Tally:
    """An election of ``NAMES`` among ``voters`` of 100 ㎡ each, all taking part; candidate i gets
    ``votes_for[i]`` ballots, spread so that no ballot marks more than ``seats`` names."""
    marks: list[list[int]] = [[] for _ in range(voters)]
    for position, count in enumerate(votes_for):
        for ballot in sorted(range(voters), key=lambda b: len(marks[b]))[:count]:
            marks[ballot].append(position)
    assert all(len(marked) <= seats for marked in marks)
    weight = Weight(1, 100 * M2)
    ballots = [CountedBallot(weight, None, tuple(marked)) for marked in marks]
    rules = VoteRules(VoteKind.ELECTION, seats=seats)
    return tally(rules, Weight(voters, voters * 100 * M2), ballots, NAMES[: len(votes_for)])


def test_an_election_ranks_its_candidates_and_reports_a_tie_and_open_seats() -> None:
    counted = election([10, 9, 8, 7, 6, 6, 3])
    view = present.tally_view(report(counted))
    assert view.motion is None and view.election is not None
    table = view.election
    assert [(c.rank, c.name, c.heads, c.area, c.heads_percent, c.area_percent) for c in table.candidates] == [
        (1, "赵一", "10", "1,000.00", "100.00%", "100.00%"),
        (2, "钱二", "9", "900.00", "90.00%", "90.00%"),
        (3, "孙三", "8", "800.00", "80.00%", "80.00%"),
        (4, "周四", "7", "700.00", "70.00%", "70.00%"),
        (5, "王玥", "6", "600.00", "60.00%", "60.00%"),
        (5, "李喆", "6", "600.00", "60.00%", "60.00%"),
        (7, "张堃", "3", "300.00", "30.00%", "30.00%"),
    ]
    assert [c.majority_mark for c in table.candidates] == ["✓"] * 6 + ["✗"]
    assert [c.state for c in table.candidates] == ["Elected"] * 4 + ["Tied", "Tied", ""]
    assert table.tie == "王玥、李喆 have the same votes: a further vote is needed"
    assert table.open_seats == "1 of 5 seats are still open"
    assert view.outcome.outcome is Outcome.ELECTED
    assert view.outcome.text == "Elected: 赵一、钱二、孙三、周四"
    assert view.outcome.detail == "4 of 5 seats filled"


def test_a_candidate_with_exactly_half_is_not_elected() -> None:
    counted = election([10, 9, 8, 7, 5], voters=10)
    table = present.tally_view(report(counted)).election
    assert table is not None
    last = table.candidates[-1]
    assert (last.name, last.heads_percent, last.majority_mark, last.elected) == ("王玥", "50.00%", "✗", False)
    assert table.tie == ""
    assert table.open_seats == "1 of 5 seats are still open"


def test_an_election_below_participation_elects_no_one_and_names_no_open_seats() -> None:
    weight = Weight(1, 100 * M2)
    rules = VoteRules(VoteKind.ELECTION, seats=5)
    ballots = [CountedBallot(weight, None, (0, 1)) for _ in range(6)]
    counted = tally(rules, Weight(10, 1000 * M2), ballots, NAMES[:6])
    view = present.tally_view(report(counted))
    assert view.outcome.outcome is Outcome.NO_QUORUM
    assert view.election is not None
    assert view.election.open_seats == "" and view.election.tie == ""
    assert not any(c.elected for c in view.election.candidates)


# ---------------------------------------------------------------- warnings


def test_the_warnings_are_built_from_the_reports_fields() -> None:
    voters = roll(*[100 * M2] * 3)
    counted = motion(VoteKind.ORDINARY, voters, [Choice.YES, Choice.YES, None])
    rooms = tuple(f"1-1-{number}" for number in range(101, 113))
    made = report(
        counted,
        issued=None,
        found=None,
        unchecked=2,
        disagreements=(
            Disagreement(
                "7-00001-5",
                "王玥",
                Reading(Choice.YES, (), "", ""),
                Reading(Choice.NO, (), "", ""),
                "clerk",
                "other",
            ),
        ),
        proxies=(ProxyLoad("张堃", "", 4, ("7-00001-5", "7-00002-3", "7-00003-1", "7-00004-X")),),
        rooms_without_owner=rooms,
        warnings=("English, for the command line",),
    )
    said = present.warnings(made)
    assert said == (
        "The scrutineers have not recorded the ballots issued and found yet.",
        "12 rooms have no recorded owner and cannot vote: "
        "1-1-101、1-1-102、1-1-103、1-1-104、1-1-105、1-1-106、1-1-107、1-1-108、1-1-109、1-1-110 …",
        "2 ballots have no second entry yet.",
        "1 ballots were entered differently twice: check the paper (7-00001-5).",
        "Proxy 张堃 carries 4 ballots, more than 3: 7-00001-5、7-00002-3、7-00003-1、7-00004-X",
    )
    assert "English, for the command line" not in present.tally_view(made).warnings


def test_corrected_counts_are_told_with_who_and_why() -> None:
    voters = roll(*[100 * M2] * 3)
    counted = motion(VoteKind.ORDINARY, voters, [Choice.YES, Choice.YES, None])
    recorded = (
        CountRecord(3, 3, "", "2027-03-01T02:00:00+00:00", "监票人甲"),
        CountRecord(3, 2, "重新清点", "2027-03-01T02:10:00+00:00", "监票人乙"),
    )
    said = present.warnings(report(counted, issued=3, found=2, counts=recorded))
    assert said == (
        "The scrutineers' counts were corrected by 监票人乙: issued 3, found 3"
        " → issued 3, found 2 (重新清点).",
    )


def test_ballots_entered_that_differ_from_those_found_are_warned_of() -> None:
    voters = roll(*[100 * M2] * 3)
    counted = motion(VoteKind.ORDINARY, voters, [Choice.YES, Choice.YES, None])
    said = present.warnings(report(counted, issued=3, found=3))
    assert said == ("2 ballots are entered, but 3 were found in the box.",)
    assert present.warnings(report(counted, issued=3, found=2)) == ()


# ---------------------------------------------------------------- the page around it


def test_an_open_vote_says_its_count_is_live_and_a_closed_one_when_it_closed(shanghai: None) -> None:
    counted = motion(VoteKind.ORDINARY, roll(100 * M2), [Choice.YES])
    made = report(counted)
    assert present.vote_state(made.vote) == "Open: the count changes as ballots are entered"
    closed = VoteView(**{**made.vote.__dict__, "closed_at": "2027-03-20T07:30:00+00:00"})
    assert present.vote_state(closed) == "Closed on 2027-03-20 15:30: this is the final count"


def test_the_status_bar_and_the_notice_file_name() -> None:
    voters = roll(*[100 * M2] * 3)
    counted = motion(VoteKind.ORDINARY, voters, [Choice.YES, Choice.YES, None])
    made = report(counted)
    view = present.tally_view(made)
    assert view.status == "2 ballots; taking part 66.67% of heads, 66.67% of area; Passed"
    assert view.title == "#7 更换物业服务企业"
    odd = VoteView(**{**made.vote.__dict__, "title": 'A/B: "续聘"?'})
    assert present.notice_file_name(odd) == "表决结果公告 #7 A B 续聘.pdf"
    elected = VoteView(
        **{
            **made.vote.__dict__,
            "rules": VoteRules(VoteKind.ELECTION, seats=5),
            "candidates": (Candidate(0, "王玥", 1),),
        }
    )
    assert present.notice_file_name(elected).startswith("选举结果公告 #7")
