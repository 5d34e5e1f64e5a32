"""The rules of owners' votes (RULES.md §6): the roll, every threshold at its boundary, elections.

The hypothesis tests compare ``tally`` with a plain re-count written here, independently: voters
and ballots as dictionaries, thresholds as the Civil Code words them, compared as Fractions.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.voting import (
    Choice,
    Combine,
    CountedBallot,
    Holding,
    Participation,
    VoteKind,
    VoterKind,
    VoteRules,
    Weight,
    ballot_serial,
    build_roll,
    check_rules,
    parse_choice,
    parse_share,
    percent_text,
    read_serial,
    rules_text,
    tally,
)


def ballot(area: int, choice: Choice | None = None, marks: tuple[int, ...] = ()) -> CountedBallot:
    return CountedBallot(Weight(1, area), choice, marks)


# ---------------------------------------------------------------- the roll (art. 23)


def test_one_owner_of_three_rooms_is_one_voter_with_their_areas_summed() -> None:
    roll = build_roll(
        [
            Holding("1-1-101", 8950, frozenset({1}), ("王玥",)),
            Holding("1-1-102", 6000, frozenset({2, 3}), ("李喆", "张堃")),
            Holding("2-1-101", 10000, frozenset({1}), ("王玥",)),
            Holding("3-1-101", 5000, frozenset({1}), ("王玥",)),
        ]
    )
    assert [(voter.name, voter.rooms, voter.area_centi) for voter in roll] == [
        ("王玥", ("1-1-101", "2-1-101", "3-1-101"), 23950),
        ("李喆、张堃", ("1-1-102",), 6000),
    ]


def test_co_owners_count_once_but_a_different_set_is_another_voter() -> None:
    roll = build_roll(
        [
            Holding("1-101", 100, frozenset({2, 3}), ("李喆", "张堃")),
            Holding("1-102", 100, frozenset({3, 2}), ("张堃", "李喆")),  # the same set, named the other way
            Holding("1-103", 100, frozenset({2}), ("李喆",)),  # 李喆 alone is another owner set
        ]
    )
    assert [voter.rooms for voter in roll] == [("1-101", "1-102"), ("1-103",)]


def test_every_developer_room_together_is_one_voter_whoever_is_recorded() -> None:
    roll = build_roll(
        [
            Holding("9-101", 5000, frozenset(), (), developer=True),
            Holding("1-101", 7000, frozenset({1}), ("王玥",)),
            Holding("9-102", 5000, frozenset({7}), ("某某置业有限公司",), developer=True),
        ]
    )
    developer = roll[0]
    assert developer.kind is VoterKind.DEVELOPER and developer.can_vote
    assert developer.rooms == ("9-101", "9-102") and developer.area_centi == 10000
    assert len(roll) == 2


def test_a_room_with_no_owner_is_its_own_voter_in_the_totals_who_cannot_vote() -> None:
    roll = build_roll([Holding("1-101", 5000, frozenset(), ()), Holding("1-102", 5000, frozenset(), ())])
    assert [(voter.kind, voter.can_vote, voter.rooms) for voter in roll] == [
        (VoterKind.NO_OWNER, False, ("1-101",)),
        (VoterKind.NO_OWNER, False, ("1-102",)),
    ]


# ---------------------------------------------------------------- serials


def test_a_serial_reads_back_and_a_mistyped_one_is_refused() -> None:
    serial = ballot_serial(12, 345)
    assert read_serial(serial) == (12, 345)
    assert read_serial(serial.lower().replace("-", "－", 1)) == (12, 345)
    wrong_digit = serial.replace("345", "346")
    swapped = serial.replace("345", "354")
    for typo in (wrong_digit, swapped):
        with pytest.raises(ValidationError, match="mistyped"):
            read_serial(typo)
    with pytest.raises(ValidationError, match="not a ballot serial"):
        read_serial("hello")


@given(st.integers(1, 999), st.integers(1, 99_999), st.integers(0, 9), st.integers(0, 4))
def test_no_single_wrong_digit_names_another_voter(vote: int, number: int, digit: int, where: int) -> None:
    serial = ballot_serial(vote, number)
    body = f"{number:05d}"
    changed = body[:where] + str(digit) + body[where + 1 :]
    if changed == body:
        return
    typo = serial.replace(f"-{body}-", f"-{changed}-")
    with pytest.raises(ValidationError):
        read_serial(typo)


# ---------------------------------------------------------------- thresholds at their boundaries


def test_exactly_two_thirds_participates_and_one_hundredth_less_does_not() -> None:
    rules = VoteRules(VoteKind.ORDINARY)
    totals = Weight(3, 30000)
    exact = tally(rules, totals, [ballot(10000, Choice.YES), ballot(10000, Choice.YES)])
    assert exact.participation_met and exact.motion is not None and exact.motion.passed
    short = tally(rules, Weight(3, 30001), [ballot(10000, Choice.YES), ballot(10000, Choice.YES)])
    assert not short.participation_met
    assert short.motion is not None and not short.motion.passed  # every yes, but too few took part


def test_exactly_half_is_no_majority_of_an_ordinary_matter() -> None:
    rules = VoteRules(VoteKind.ORDINARY)
    half = tally(
        rules, Weight(4, 400), [ballot(100, c) for c in (Choice.YES, Choice.YES, Choice.NO, Choice.NO)]
    )
    assert half.participation_met and half.motion is not None and not half.motion.passed
    # half the heads, but more than half the area: both must be more than half
    area_only = tally(
        rules,
        Weight(4, 400),
        [ballot(101, Choice.YES), ballot(100, Choice.YES), ballot(99, Choice.NO), ballot(100, Choice.NO)],
    )
    assert area_only.motion is not None and not area_only.motion.passed


def test_abstentions_count_as_participating_and_not_as_yes() -> None:
    rules = VoteRules(VoteKind.ORDINARY)
    result = tally(
        rules,
        Weight(3, 300),
        [ballot(100, Choice.YES), ballot(100, Choice.ABSTAIN), ballot(100, Choice.ABSTAIN)],
    )
    assert result.participation == Weight(3, 300)
    assert result.motion is not None and not result.motion.passed


def test_exactly_three_quarters_passes_a_major_matter() -> None:
    rules = VoteRules(VoteKind.MAJOR)
    choices = (Choice.YES, Choice.YES, Choice.YES, Choice.NO)
    exact = tally(rules, Weight(4, 400), [ballot(100, c) for c in choices])
    assert exact.motion is not None and exact.motion.passed
    under = tally(
        rules,
        Weight(4, 401),
        [ballot(100, Choice.YES), ballot(100, Choice.YES), ballot(100, Choice.YES), ballot(101, Choice.NO)],
    )
    assert under.motion is not None and not under.motion.passed  # 300/401 of the area is under 3/4


def test_the_older_local_rule_needs_more_than_half_to_take_part() -> None:
    rules = VoteRules(VoteKind.ORDINARY, Participation.HALF)
    half = tally(rules, Weight(4, 400), [ballot(100, Choice.YES), ballot(100, Choice.YES)])
    assert not half.participation_met
    more = tally(
        rules, Weight(4, 400), [ballot(100, Choice.YES), ballot(100, Choice.YES), ballot(100, Choice.NO)]
    )
    assert more.participation_met and more.motion is not None and more.motion.passed


def test_an_objection_vote_fails_when_objections_reach_a_third_of_either_measure() -> None:
    rules = VoteRules(VoteKind.OBJECTION)
    totals = Weight(6, 600)
    area_third = tally(rules, totals, [ballot(200, Choice.NO)])  # 1/3 of the area, 1/6 of the heads
    assert area_third.motion is not None and not area_third.motion.passed
    under = tally(rules, totals, [ballot(199, Choice.NO)])
    assert under.motion is not None and under.motion.passed
    heads_third = tally(rules, totals, [ballot(1, Choice.NO), ballot(1, Choice.NO)])  # 2 of 6 heads
    assert heads_third.motion is not None and not heads_third.motion.passed
    both = VoteRules(VoteKind.OBJECTION, objection_combine=Combine.AND)
    only_heads = tally(both, totals, [ballot(1, Choice.NO), ballot(1, Choice.NO)])
    assert only_heads.motion is not None and only_heads.motion.passed  # "and": the area is far from 1/3
    assert tally(rules, totals, []).motion is not None  # nobody objecting: passed, no participation asked


def test_a_petition_needs_a_fifth_of_the_area_and_of_the_heads() -> None:
    rules = VoteRules(VoteKind.PETITION)
    assert tally(rules, Weight(5, 500), [ballot(100, Choice.YES)]).motion.passed  # type: ignore[union-attr]
    assert not tally(rules, Weight(5, 501), [ballot(100, Choice.YES)]).motion.passed  # type: ignore[union-attr]
    assert not tally(rules, Weight(6, 500), [ballot(100, Choice.YES)]).motion.passed  # type: ignore[union-attr]


def test_non_voters_follow_the_majority_only_when_the_setting_says_so() -> None:
    plain = VoteRules(VoteKind.MAJOR)
    follow = VoteRules(VoteKind.MAJOR, follow_majority=True)
    ballots = [
        ballot(100, Choice.YES),
        ballot(100, Choice.YES),
        ballot(100, Choice.NO),
        ballot(100, Choice.YES),
        ballot(100, Choice.YES),
        ballot(100, Choice.NO),
    ]
    totals = Weight(9, 900)  # 6 of 9 take part: exactly 2/3; 4 of 6 say yes, under 3/4
    assert not tally(plain, totals, ballots).motion.passed  # type: ignore[union-attr]
    followed = tally(follow, totals, ballots).motion
    assert followed is not None and followed.followers == Weight(3, 300) and followed.yes == Weight(7, 700)
    assert followed.passed  # 7 of 9 with the followers, over 3/4


def test_only_voters_who_may_vote_follow_the_majority() -> None:
    follow = VoteRules(VoteKind.ORDINARY, follow_majority=True)
    ballots = [ballot(100, Choice.YES), ballot(100, Choice.YES), ballot(100, Choice.NO)]
    # 4 voters, one of them a room with no recorded owner: 3 of 4 took part, the fourth cannot follow
    followed = tally(follow, Weight(4, 400), ballots, can_vote=Weight(3, 300)).motion
    assert followed is not None and followed.followers == Weight() and followed.yes == Weight(2, 200)
    everyone = tally(follow, Weight(4, 400), ballots).motion
    assert everyone is not None and everyone.followers == Weight(1, 100)


def test_spoiled_ballots_take_part_and_count_for_no_side() -> None:
    result = tally(
        VoteRules(VoteKind.ORDINARY), Weight(3, 300), [ballot(100, Choice.SPOILED), ballot(100, Choice.YES)]
    )
    assert result.void_ballots == 1 and result.participation == Weight(2, 200)
    assert (
        result.motion is not None and not result.motion.passed
    )  # 1 of 2 participating is not more than half


def test_more_ballots_found_than_issued_voids_the_count() -> None:
    result = tally(
        VoteRules(VoteKind.ORDINARY), Weight(3, 300), [ballot(100, Choice.YES)] * 3, issued=2, found=3
    )
    assert result.count_void and result.motion is None and result.election is None
    fine = tally(
        VoteRules(VoteKind.ORDINARY), Weight(3, 300), [ballot(100, Choice.YES)] * 3, issued=3, found=3
    )
    assert not fine.count_void and fine.motion is not None


# ---------------------------------------------------------------- elections


SEVEN = VoteRules(VoteKind.ELECTION, seats=7)
NAMES = ["王玥", "李喆", "张堃", "赵一", "钱二", "孙三", "周四", "吴五", "郑六"]


def test_the_most_voted_with_a_majority_are_elected_and_a_tie_at_the_last_seat_is_reported() -> None:
    ballots = [ballot(100, marks=(0, 1, 2, 3, 4, 5)) for _ in range(6)]  # six candidates, all on 6 of 9
    ballots += [ballot(100, marks=(6,)), ballot(100, marks=(7,)), ballot(100, marks=(6, 7))]
    result = tally(SEVEN, Weight(9, 900), ballots, NAMES)
    election = result.election
    assert election is not None
    assert [c.name for c in election.candidates if c.elected] == NAMES[:6]
    # 周四 and 吴五: 2 votes each, no majority of the 9 participating: not elected, no tie to report
    assert election.tie == () and election.open_seats == 1


def test_a_tie_for_the_last_seat_is_not_broken() -> None:
    seats = VoteRules(VoteKind.ELECTION, seats=5)
    # 0-3: 6 votes of 6; 4 and 5: 3 votes each, on the same area: neither is more than half of 6…
    ballots = [ballot(100, marks=(0, 1, 2, 3, 4)) for _ in range(3)]
    ballots += [ballot(100, marks=(0, 1, 2, 3, 5)) for _ in range(3)]
    # …with a seventh voter marking both, each has 4 of 7: a majority, and a tie for the one seat left
    ballots.append(ballot(100, marks=(4, 5)))
    result = tally(seats, Weight(7, 700), ballots, NAMES[:6])
    election = result.election
    assert election is not None
    assert [c.name for c in election.candidates if c.elected] == NAMES[:4]
    assert set(election.tie) == {NAMES[4], NAMES[5]} and election.open_seats == 1


def test_without_a_majority_an_equal_pair_is_no_tie_and_the_seat_stays_open() -> None:
    seats = VoteRules(VoteKind.ELECTION, seats=5)
    ballots = [ballot(100, marks=(0, 1, 2, 3, 4)) for _ in range(3)]
    ballots += [ballot(100, marks=(0, 1, 2, 3, 5)) for _ in range(3)]
    election = tally(seats, Weight(6, 600), ballots, NAMES[:6]).election
    assert election is not None and election.tie == () and election.open_seats == 1


def test_an_over_marked_ballot_is_void_but_its_voter_took_part() -> None:
    seats = VoteRules(VoteKind.ELECTION, seats=5)
    ballots = [ballot(100, marks=(0,)), ballot(100, marks=(0,)), ballot(100, marks=(0, 1, 2, 3, 4, 5))]
    result = tally(seats, Weight(3, 300), ballots, NAMES[:6])
    assert result.void_ballots == 1 and result.participation == Weight(3, 300)
    election = result.election
    assert election is not None and election.candidates[0].votes == Weight(2, 200)
    assert [c.name for c in election.candidates if c.elected] == ["王玥"] and election.open_seats == 4


def test_rules_refuse_even_or_out_of_range_seats() -> None:
    for seats in (4, 6, 13, None):
        with pytest.raises(ValidationError):
            check_rules(VoteRules(VoteKind.ELECTION, seats=seats))
    check_rules(VoteRules(VoteKind.ELECTION, seats=11))


# ---------------------------------------------------------------- words and text


def test_answers_and_shares_read_as_clerks_write_them() -> None:
    assert parse_choice("同意") is Choice.YES and parse_choice(" 反对 ") is Choice.NO
    assert parse_choice("ABSTAIN") is Choice.ABSTAIN and parse_choice("废票") is Choice.SPOILED
    with pytest.raises(ValidationError, match="unknown answer"):
        parse_choice("也许")
    assert parse_share("1/3") == Fraction(1, 3) and parse_share("25%") == Fraction(1, 4)
    assert parse_share("0.5") == Fraction(1, 2)
    for bad in ("0", "3/2", "abc", "1/0"):
        with pytest.raises(ValidationError):
            parse_share(bad)


def test_percentages_round_half_up_and_the_rules_are_printed() -> None:
    assert percent_text(Fraction(801234, 1102000)) == "72.71%"
    assert percent_text(Fraction(2, 3)) == "66.67%" and percent_text(Fraction(1, 8)) == "12.50%"
    assert "三分之二" in rules_text(VoteRules(VoteKind.ORDINARY))
    assert "more than half" not in rules_text(VoteRules(VoteKind.ORDINARY), chinese=False)
    assert "从众" in rules_text(VoteRules(VoteKind.MAJOR, follow_majority=True))
    assert "1/3" in rules_text(VoteRules(VoteKind.OBJECTION), chinese=False)


# ---------------------------------------------------------------- the count against a plain re-count


def recount_motion(kind: VoteKind, total_heads: int, total_area: int, answers: list[tuple[int, str]]) -> bool:
    """Art. 278 as written, counted from (area, answer) pairs: no Weight, no Check, no shortcuts."""
    heads = len(answers)
    area = sum(a for a, _ in answers)
    yes_heads = sum(1 for _, c in answers if c == "yes")
    yes_area = sum(a for a, c in answers if c == "yes")
    no_heads = sum(1 for _, c in answers if c == "no")
    no_area = sum(a for a, c in answers if c == "no")
    if kind is VoteKind.OBJECTION:
        return not (
            (total_area and Fraction(no_area, total_area) >= Fraction(1, 3))
            or (total_heads and Fraction(no_heads, total_heads) >= Fraction(1, 3))
        )
    if kind is VoteKind.PETITION:
        return (
            bool(total_area and total_heads)
            and Fraction(yes_area, total_area) >= Fraction(1, 5)
            and Fraction(yes_heads, total_heads) >= Fraction(1, 5)
        )
    if not total_heads or not total_area:
        return False
    took_part = Fraction(area, total_area) >= Fraction(2, 3) and Fraction(heads, total_heads) >= Fraction(
        2, 3
    )
    if not took_part or not heads or not area:
        return False
    if kind is VoteKind.MAJOR:
        return Fraction(yes_area, area) >= Fraction(3, 4) and Fraction(yes_heads, heads) >= Fraction(3, 4)
    return Fraction(yes_area, area) > Fraction(1, 2) and Fraction(yes_heads, heads) > Fraction(1, 2)


voters = st.lists(st.integers(1, 5), min_size=1, max_size=12)  # areas in whole hundredths, small: many ties
answers = st.sampled_from(["yes", "no", "abstain", "none"])


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([VoteKind.ORDINARY, VoteKind.MAJOR, VoteKind.OBJECTION, VoteKind.PETITION]),
    voters,
    st.data(),
)
def test_a_motion_counts_as_a_plain_recount_does(
    kind: VoteKind, areas: list[int], data: st.DataObject
) -> None:
    said = [data.draw(answers) for _ in areas]
    cast = [(area, answer) for area, answer in zip(areas, said, strict=True) if answer != "none"]
    result = tally(
        VoteRules(kind),
        Weight(len(areas), sum(areas)),
        [ballot(area, Choice(answer)) for area, answer in cast],
    )
    assert result.motion is not None
    assert result.motion.passed == recount_motion(kind, len(areas), sum(areas), cast)
    assert result.motion.yes.heads == sum(1 for _, answer in cast if answer == "yes")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([5, 7]), st.integers(5, 9), voters, st.data())
def test_an_election_counts_as_a_plain_recount_does(
    seats: int, candidates: int, areas: list[int], data: st.DataObject
) -> None:
    marks_of = [
        data.draw(st.none() | st.lists(st.integers(0, candidates - 1), unique=True, max_size=seats + 1))
        for _ in areas
    ]
    cast = [(area, tuple(marks)) for area, marks in zip(areas, marks_of, strict=True) if marks is not None]
    result = tally(
        VoteRules(VoteKind.ELECTION, seats=seats),
        Weight(len(areas), sum(areas)),
        [ballot(area, marks=marks) for area, marks in cast],
        NAMES[:candidates],
    )
    election = result.election
    assert election is not None
    # the re-count: votes per candidate from valid ballots; majority of those who took part
    heads, area = len(cast), sum(a for a, _ in cast)
    took_part = Fraction(area, sum(areas)) >= Fraction(2, 3) and Fraction(heads, len(areas)) >= Fraction(2, 3)
    votes = {
        c: (
            sum(1 for _, m in cast if len(m) <= seats and c in m),
            sum(a for a, m in cast if len(m) <= seats and c in m),
        )
        for c in range(candidates)
    }
    winners = [
        c for c in range(candidates) if took_part and votes[c][0] * 2 > heads and votes[c][1] * 2 > area
    ]
    winners.sort(key=lambda c: (-votes[c][0], -votes[c][1]))
    elected: list[int] = []
    tie: list[int] = []
    for c in winners:
        if len(elected) >= seats:
            break
        level = [d for d in winners if votes[d][0] == votes[c][0]]
        if c in elected or c in tie:
            continue
        if len(elected) + len(level) <= seats:
            elected += level
        else:
            tie = level
            break
    assert sorted(c.position for c in election.candidates if c.elected) == sorted(elected)
    assert sorted(election.tie) == sorted(NAMES[c] for c in tie)
    assert election.open_seats == seats - len(elected)
    assert result.void_ballots == sum(1 for _, m in cast if len(m) > seats)


def test_equal_heads_at_the_last_seat_tie_whatever_the_areas() -> None:
    seats = VoteRules(VoteKind.ELECTION, seats=5)
    # 0-3 on every ballot; 4 and 5 on four ballots each, 4 with the larger rooms
    ballots = [ballot(120, marks=(0, 1, 2, 3, 4)) for _ in range(4)]
    ballots += [ballot(100, marks=(0, 1, 2, 3, 5)) for _ in range(4)]
    ballots += [ballot(100, marks=(4, 5))]
    election = tally(seats, Weight(9, 980), ballots, NAMES[:6]).election
    assert election is not None
    votes_of = {c.name: c.votes for c in election.candidates}
    assert votes_of[NAMES[4]].heads == votes_of[NAMES[5]].heads == 5
    assert votes_of[NAMES[4]].area_centi > votes_of[NAMES[5]].area_centi  # the area does not decide
    assert set(election.tie) == {NAMES[4], NAMES[5]} and election.open_seats == 1


def test_a_checks_percentage_never_seems_to_contradict_its_verdict() -> None:
    from estatedesk.domain.voting import Check, check_percent

    two_thirds = Fraction(2, 3)
    assert check_percent(Check("area", 20000, 30000, two_thirds, True)) == "66.67%"  # exactly 2/3: met
    short = Check("area", 13333, 20000, two_thirds, True)  # 66.665%: rounds to 66.67%, but is not met
    assert not short.met and check_percent(short) == "66.66%"
    half = Check("heads", 2, 4, Fraction(1, 2), False)
    assert not half.met and check_percent(half) == "50.00%"
    just_over = Check("area", 100001, 200000, Fraction(1, 2), False)
    assert just_over.met and check_percent(just_over) == "50.01%"


@given(
    st.integers(0, 10_000),
    st.integers(1, 10_000),
    st.sampled_from([Fraction(2, 3), Fraction(1, 2), Fraction(3, 4)]),
)
def test_the_shown_percentage_sits_on_the_side_of_the_verdict(
    value: int, whole: int, share: Fraction
) -> None:
    from estatedesk.domain.voting import Check, check_percent

    threshold = Fraction(percent_text(share).removesuffix("%"))  # 2/3 reads 66.67%
    for inclusive in (True, False):
        check = Check("area", min(value, whole), whole, share, inclusive)
        shown = Fraction(check_percent(check).removesuffix("%"))
        assert abs(shown / 100 - check.ratio) < Fraction(1, 10_000)
        assert (shown >= threshold if inclusive else shown > threshold) == check.met
