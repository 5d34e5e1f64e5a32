"""Owners' votes and committee elections: the roll, the thresholds, the count (RULES.md §6).

Everything here is exact: shares are ``Fraction``s and every comparison is made on integers
(area in 1/100 m², heads), so exactly 2/3 participates, exactly 1/2 is no majority and exactly 3/4
passes a major matter, whatever a float would have made of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError


class VoteKind(StrEnum):
    """What a vote decides and so which rule it is counted by."""

    ORDINARY = "ordinary"  # 一般事项
    MAJOR = "major"  # 重大事项
    OBJECTION = "objection"  # 否定表决
    PETITION = "petition"  # 提议
    ELECTION = "election"  # 委员会选举

    @property
    def is_motion(self) -> bool:
        """Whether ballots answer yes, no or abstain (everything but an election)."""
        return self is not VoteKind.ELECTION


class Participation(StrEnum):
    """How many must take part: 2/3 (Civil Code art. 278) or an older local "more than half"."""

    TWO_THIRDS = "two-thirds"
    HALF = "half"


class Combine(StrEnum):
    """Whether an objection vote fails when either measure reaches its share, or only both."""

    OR = "or"
    AND = "and"


class Choice(StrEnum):
    """What a motion's ballot says; a spoiled ballot (废票) takes part but counts for nothing."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    SPOILED = "spoiled"


class VoterKind(StrEnum):
    """Who a voter of the roll is."""

    OWNER = "owner"  # one owner, or one set of co-owners, of one or more rooms
    DEVELOPER = "developer"  # the developer (建设单位), one voter for all its rooms
    NO_OWNER = "no_owner"  # a room with no recorded owner: in the totals, cannot vote


SEATS_RANGE = range(5, 12)  # 5 to 11 members, an odd number
DEFAULT_OBJECTION_SHARE = Fraction(1, 3)
PETITION_SHARE = Fraction(1, 5)
DEFAULT_PROXY_LIMIT = 3  # ballots one proxy may carry before the scrutineers are told
DEVELOPER_KEY = "developer"
NO_OWNER_KEY_PREFIX = "room:"


@dataclass(frozen=True)
class VoteRules:
    """The rule set of one vote: its kind and the settings that differ between cities."""

    kind: VoteKind
    participation: Participation = Participation.TWO_THIRDS
    follow_majority: bool = False  # 从众条款: non-voters counted with the majority of those who voted
    objection_share: Fraction = DEFAULT_OBJECTION_SHARE
    objection_combine: Combine = Combine.OR
    seats: int | None = None


def check_rules(rules: VoteRules) -> None:
    """Refuse a rule set that cannot be held: seats outside 5–11 or even, an objection share not in (0, 1]."""
    if rules.kind is VoteKind.ELECTION:
        if rules.seats is None or rules.seats not in SEATS_RANGE or rules.seats % 2 == 0:
            raise ValidationError(
                "seats", QT_TRANSLATE_NOOP("messages", "a committee has 5 to 11 seats, an odd number")
            )
    elif rules.seats is not None:
        raise ValidationError("seats", QT_TRANSLATE_NOOP("messages", "only an election has seats"))
    if not 0 < rules.objection_share <= 1:
        raise ValidationError(
            "objection_share",
            QT_TRANSLATE_NOOP("messages", "the objection threshold is a share above 0 and at most 1"),
        )


@dataclass(frozen=True)
class Holding:
    """A room as the roll sees it: its code, area, owners (person ids and names) and developer mark."""

    room_code: str
    area_centi: int
    owner_ids: frozenset[int]
    owner_names: tuple[str, ...]  # in the room's order of owners
    developer: bool = False


@dataclass(frozen=True)
class Voter:
    """One voter of a frozen roll: a number (roll order), a stable key, who, which rooms, what area."""

    number: int
    key: str
    name: str
    kind: VoterKind
    rooms: tuple[str, ...]
    area_centi: int

    @property
    def can_vote(self) -> bool:
        """Whether a ballot may be entered for this voter (a room with no owner cannot vote)."""
        return self.kind is not VoterKind.NO_OWNER


def voter_key(holding: Holding) -> str:
    """The voter a room belongs to: its owner set, the developer, or the room itself when it has no owner."""
    if holding.developer:
        return DEVELOPER_KEY
    if not holding.owner_ids:
        return f"{NO_OWNER_KEY_PREFIX}{holding.room_code}"
    return "+".join(f"P{person}" for person in sorted(holding.owner_ids))


def build_roll(holdings: Iterable[Holding]) -> list[Voter]:
    """The roll of the given rooms (in their order): one voter per owner set, one for the developer.

    Rooms held by the same owner, or the same set of co-owners, make one voter with their areas
    summed; every developer room makes the one developer voter; a room with no owner is a voter of
    its own who cannot vote. Voters are numbered by their first room.
    """
    rooms: dict[str, list[Holding]] = {}
    for holding in holdings:
        rooms.setdefault(voter_key(holding), []).append(holding)
    roll = []
    for number, (key, held) in enumerate(rooms.items(), start=1):
        first = held[0]
        if key == DEVELOPER_KEY:
            kind, name = VoterKind.DEVELOPER, "建设单位"
        elif key.startswith(NO_OWNER_KEY_PREFIX):
            kind, name = VoterKind.NO_OWNER, ""
        else:
            kind, name = VoterKind.OWNER, "、".join(first.owner_names)
        roll.append(
            Voter(
                number,
                key,
                name,
                kind,
                tuple(holding.room_code for holding in held),
                sum(holding.area_centi for holding in held),
            )
        )
    return roll


# A ballot's serial: the vote, the voter's number and a check character (ISO 7064 MOD 11-2, as on
# ID cards), so that a serial typed with one digit wrong or two swapped names no other voter.
_SERIAL_WEIGHTS = 2


def _serial_check(digits: str) -> str:
    total = 0
    for digit in digits:
        total = (total + int(digit)) * _SERIAL_WEIGHTS % 11
    return "0123456789X"[(12 - total % 11) % 11]


def ballot_serial(vote_id: int, voter_number: int) -> str:
    """The serial printed (and held in the QR code) on a voter's ballot: ``12-00345-7``."""
    body = f"{vote_id}-{voter_number:05d}"
    return f"{body}-{_serial_check(body.replace('-', ''))}"


def read_serial(text: str, field: str = "serial") -> tuple[int, int]:
    """The vote and voter number a typed or scanned serial names; a wrong check character is refused."""
    parts = text.strip().upper().replace("－", "-").split("-")
    if len(parts) != 3 or not (parts[0].isdecimal() and parts[1].isdecimal()) or len(parts[2]) != 1:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a ballot serial (like 12-00345-7)"),
            value=text.strip(),
        )
    vote_id, number = int(parts[0]), int(parts[1])
    if _serial_check(parts[0] + parts[1]) != parts[2]:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "serial '{value}' is mistyped: its last character does not match"),
            value=text.strip(),
        )
    return vote_id, number


@dataclass(frozen=True)
class Weight:
    """Heads and area together: what a group of voters counts for."""

    heads: int = 0
    area_centi: int = 0

    def __add__(self, other: Weight) -> Weight:
        return Weight(self.heads + other.heads, self.area_centi + other.area_centi)

    def __sub__(self, other: Weight) -> Weight:
        return Weight(self.heads - other.heads, self.area_centi - other.area_centi)


@dataclass(frozen=True)
class Check:
    """One threshold on one measure: ``value / whole`` against ``share``, inclusive (≥) or strict (>)."""

    measure: str  # "area" or "heads"
    value: int
    whole: int
    share: Fraction
    inclusive: bool

    @property
    def met(self) -> bool:
        """Whether the threshold is reached, compared exactly (an empty whole reaches nothing)."""
        if self.whole <= 0:
            return False
        left, right = self.value * self.share.denominator, self.share.numerator * self.whole
        return left >= right if self.inclusive else left > right

    @property
    def ratio(self) -> Fraction:
        """The exact share ``value / whole`` (0 when the whole is empty)."""
        return Fraction(self.value, self.whole) if self.whole > 0 else Fraction(0)


def both(measure_share: Fraction, inclusive: bool, part: Weight, whole: Weight) -> tuple[Check, Check]:
    """The area and the heads check of one threshold."""
    return (
        Check("area", part.area_centi, whole.area_centi, measure_share, inclusive),
        Check("heads", part.heads, whole.heads, measure_share, inclusive),
    )


@dataclass(frozen=True)
class CountedBallot:
    """A live ballot as the count sees it: its voter's weight and what it says."""

    voter: Weight
    choice: Choice | None = None  # a motion's answer
    marks: tuple[int, ...] = ()  # an election's candidates, by position


@dataclass(frozen=True)
class MotionResult:
    """A motion's count: each answer's weight, who followed the majority, the checks and the outcome."""

    yes: Weight
    no: Weight
    abstain: Weight
    spoiled: Weight
    followers: Weight  # non-voters counted with the majority (从众), added to ``yes`` or ``no``
    checks: tuple[Check, ...]
    passed: bool


@dataclass(frozen=True)
class CandidateResult:
    """A candidate's votes, whether they reach the majority, and whether they are elected."""

    position: int
    name: str
    votes: Weight
    majority: bool
    elected: bool
    checks: tuple[Check, Check]


@dataclass(frozen=True)
class ElectionResult:
    """Candidates ranked by votes (heads; area only orders equal heads on screen), the tie, open seats."""

    candidates: tuple[CandidateResult, ...]
    tie: tuple[str, ...]
    open_seats: int


@dataclass(frozen=True)
class Tally:
    """A vote's count: totals, participation and its checks, void ballots, and the result (or why none)."""

    rules: VoteRules
    totals: Weight
    participation: Weight
    participation_checks: tuple[Check, ...]
    void_ballots: int
    count_void: bool  # more ballots found in the box than were issued: no result at all
    motion: MotionResult | None = None
    election: ElectionResult | None = None

    @property
    def participation_met(self) -> bool:
        """Whether enough owners took part (always, for rules that ask no participation)."""
        return all(check.met for check in self.participation_checks)


def participation_share(rules: VoteRules) -> tuple[Fraction, bool]:
    """The share of area and heads that must take part, and whether reaching it exactly is enough."""
    if rules.participation is Participation.HALF:
        return Fraction(1, 2), False
    return Fraction(2, 3), True


def needs_participation(kind: VoteKind) -> bool:
    """Whether the kind has a participation threshold (an objection vote or a petition has none)."""
    return kind not in (VoteKind.OBJECTION, VoteKind.PETITION)


def tally(
    rules: VoteRules,
    totals: Weight,
    ballots: Sequence[CountedBallot],
    candidates: Sequence[str] = (),
    issued: int | None = None,
    found: int | None = None,
    can_vote: Weight | None = None,
) -> Tally:
    """Count the live ballots of a vote by its rules (RULES.md §6).

    ``can_vote`` is the weight of the voters who may vote (the totals less the rooms with no
    recorded owner): under 从众 only they follow the majority. None: everyone on the roll may.
    """
    participation = sum((ballot.voter for ballot in ballots), Weight())
    participation_checks: tuple[Check, ...] = ()
    if needs_participation(rules.kind):
        share, inclusive = participation_share(rules)
        participation_checks = both(share, inclusive, participation, totals)
    seats = rules.seats or 0
    void = sum(1 for ballot in ballots if is_void(ballot, seats))
    count_void = issued is not None and found is not None and found > issued
    base = Tally(rules, totals, participation, participation_checks, void, count_void)
    if count_void:
        return base
    met = base.participation_met
    if rules.kind is VoteKind.ELECTION:
        result = _election(seats, candidates, ballots, participation, met)
        return Tally(rules, totals, participation, participation_checks, void, False, election=result)
    motion = _motion(rules, totals, ballots, participation, met, can_vote or totals)
    return Tally(rules, totals, participation, participation_checks, void, False, motion=motion)


def is_void(ballot: CountedBallot, seats: int) -> bool:
    """Whether a ballot counts for no one: spoiled (废票), or an election's with more marks than seats."""
    return ballot.choice is Choice.SPOILED or (seats > 0 and len(ballot.marks) > seats)


def _weights(ballots: Sequence[CountedBallot], choice: Choice) -> Weight:
    return sum((ballot.voter for ballot in ballots if ballot.choice is choice), Weight())


def majority_side(yes: Weight, no: Weight) -> Choice | None:
    """The side non-voters follow under 从众: the one ahead on both area and heads, else none."""
    if yes.heads > no.heads and yes.area_centi > no.area_centi:
        return Choice.YES
    if no.heads > yes.heads and no.area_centi > yes.area_centi:
        return Choice.NO
    return None


def _motion(
    rules: VoteRules,
    totals: Weight,
    ballots: Sequence[CountedBallot],
    participation: Weight,
    met: bool,
    can_vote: Weight,
) -> MotionResult:
    yes, no = _weights(ballots, Choice.YES), _weights(ballots, Choice.NO)
    abstain, spoiled = _weights(ballots, Choice.ABSTAIN), _weights(ballots, Choice.SPOILED)
    followers = Weight()
    base = participation
    if rules.kind is VoteKind.OBJECTION:
        checks = both(rules.objection_share, True, no, totals)
        reached = [check.met for check in checks]
        objected = any(reached) if rules.objection_combine is Combine.OR else all(reached)
        return MotionResult(yes, no, abstain, spoiled, followers, checks, not objected)
    if rules.kind is VoteKind.PETITION:
        checks = both(PETITION_SHARE, True, yes, totals)
        return MotionResult(yes, no, abstain, spoiled, followers, checks, all(c.met for c in checks))
    if rules.follow_majority and met:
        side = majority_side(yes, no)
        if side is not None:
            followers = can_vote - participation
            base = participation + followers
            if side is Choice.YES:
                yes = yes + followers
            else:
                no = no + followers
    if rules.kind is VoteKind.MAJOR:
        checks = both(Fraction(3, 4), True, yes, base)
    else:
        checks = both(Fraction(1, 2), False, yes, base)
    return MotionResult(yes, no, abstain, spoiled, followers, checks, met and all(c.met for c in checks))


def _election(
    seats: int, candidates: Sequence[str], ballots: Sequence[CountedBallot], participation: Weight, met: bool
) -> ElectionResult:
    votes = [Weight() for _ in candidates]
    for ballot in ballots:
        if is_void(ballot, seats):  # its voter took part; its marks count for no one
            continue
        for position in set(ballot.marks):
            votes[position] = votes[position] + ballot.voter
    checks = [both(Fraction(1, 2), False, weight, participation) for weight in votes]
    majority = [met and all(check.met for check in pair) for pair in checks]
    order = sorted(range(len(candidates)), key=lambda p: (-votes[p].heads, -votes[p].area_centi, p))
    elected: set[int] = set()
    tie: tuple[str, ...] = ()
    eligible = [position for position in order if majority[position]]
    index = 0
    while index < len(eligible) and len(elected) < seats:
        # Votes are ballots: equal heads at the last seat is a tie, whatever the areas behind them.
        group = [p for p in eligible[index:] if votes[p].heads == votes[eligible[index]].heads]
        if len(elected) + len(group) <= seats:
            elected.update(group)
        else:
            tie = tuple(candidates[p] for p in group)
            break
        index += len(group)
    ranked = tuple(
        CandidateResult(p, candidates[p], votes[p], majority[p], p in elected, checks[p]) for p in order
    )
    return ElectionResult(ranked, tie, seats - len(elected))


def format_share(share: Fraction) -> str:
    """A threshold share as the rules write it: ``2/3``, ``1/2``, ``20%``."""
    if share == PETITION_SHARE:
        return "20%"
    return f"{share.numerator}/{share.denominator}"


def check_percent(check: Check) -> str:
    """A check's share as a percentage that never seems to contradict its verdict beside the threshold.

    Rounded to the nearest hundredth, 133.33 of 200.00 m² would print 66.67% next to "≥ 2/3, not
    met". Where the nearest hundredth would seem to pass a threshold the exact share does not reach,
    or the other way round, it is rounded towards the verdict instead: 66.665% prints 66.66% ✗. The
    verdict itself is always the exact comparison.
    """
    floor, rest, nearest = _hundredths(check.ratio)
    threshold = _hundredths(check.share)[2]  # the share as it reads beside it: 2/3 is 66.67%
    seems_met = nearest >= threshold if check.inclusive else nearest > threshold
    if seems_met != check.met:
        nearest = floor + 1 if check.met and rest else floor
    return f"{nearest // 100}.{nearest % 100:02d}%"


def _hundredths(ratio: Fraction) -> tuple[int, int, int]:
    """A share in hundredths of a percent: rounded down, the remainder, and rounded half up."""
    scaled = ratio * 10_000
    floor, rest = divmod(scaled.numerator, scaled.denominator)
    return floor, rest, floor + (1 if 2 * rest >= scaled.denominator else 0)


def percent_text(ratio: Fraction) -> str:
    """An exact share as a percentage with two decimals, rounded half up: ``72.71%``."""
    rounded = _hundredths(ratio)[2]
    return f"{rounded // 100}.{rounded % 100:02d}%"


_KIND_NAMES = {
    VoteKind.ORDINARY: ("ordinary matter", "一般事项"),
    VoteKind.MAJOR: ("major matter", "重大事项"),
    VoteKind.OBJECTION: ("vote by objection", "否定表决"),
    VoteKind.PETITION: ("petition", "提议"),
    VoteKind.ELECTION: ("committee election", "业主委员会选举"),
}


def kind_name(kind: VoteKind, chinese: bool = True) -> str:
    """A vote kind's name: ``一般事项``, or in English for the command line."""
    return _KIND_NAMES[kind][1 if chinese else 0]


def rules_text(rules: VoteRules, chinese: bool = True) -> str:
    """The rule set a result was counted by, printed on every result (Chinese, or English for the CLI)."""
    share, inclusive = participation_share(rules)
    if chinese:
        take_part = (
            f"参与表决的业主专有部分面积和人数均{'不少于' if inclusive else '超过'}总数的"
            f"{'三分之二' if share == Fraction(2, 3) else '二分之一'}"
        )
        named = {
            VoteKind.ORDINARY: f"{take_part}；同意票占参与表决面积和人数均过半数",
            VoteKind.MAJOR: f"{take_part}；同意票占参与表决面积和人数均不少于四分之三",
            VoteKind.OBJECTION: (
                f"反对票占总面积{'或' if rules.objection_combine is Combine.OR else '且'}总人数"
                f"达到{format_share(rules.objection_share)}即不通过，否则通过；不设参与门槛"
            ),
            VoteKind.PETITION: "支持者占总面积和总人数均不少于20%；不设参与门槛",
            VoteKind.ELECTION: (
                f"{take_part}；应选{rules.seats}名，每票最多选{rules.seats}人，多选为废票；"
                "按得票人数排序，当选者得票须占参与表决面积和人数均过半数；"
                "末位得票人数相同者并列，另行投票"
            ),
        }
        text = f"{kind_name(rules.kind)}（{named[rules.kind]}）"
        if rules.follow_majority and rules.kind in (VoteKind.ORDINARY, VoteKind.MAJOR):
            text += "；未投票业主计入多数意见（从众条款）"
        return text
    take_part = (
        f"participation {'≥' if inclusive else '>'} {format_share(share)} of total area and of total heads"
    )
    named_en = {
        VoteKind.ORDINARY: f"{take_part}; passed by > 1/2 of participating area and of participating heads",
        VoteKind.MAJOR: f"{take_part}; passed by ≥ 3/4 of participating area and of participating heads",
        VoteKind.OBJECTION: (
            f"fails when objections reach {format_share(rules.objection_share)} of total area"
            f" {rules.objection_combine.value} of total heads; no participation threshold"
        ),
        VoteKind.PETITION: "carried by ≥ 20% of total area and of total heads; no participation threshold",
        VoteKind.ELECTION: (
            f"{take_part}; {rules.seats} seats, at most {rules.seats} marks a ballot (more: void);"
            " ranked by heads, elected with > 1/2 of participating area and heads;"
            " equal heads at the last seat tie for a further vote"
        ),
    }
    text = f"{kind_name(rules.kind, chinese=False)}: {named_en[rules.kind]}"
    if rules.follow_majority and rules.kind in (VoteKind.ORDINARY, VoteKind.MAJOR):
        text += "; non-voters counted with the majority"
    return text


CHOICE_WORDS: dict[Choice, tuple[str, ...]] = {
    Choice.YES: ("同意", "赞成", "支持", "yes"),
    Choice.NO: ("反对", "不同意", "no"),
    Choice.ABSTAIN: ("弃权", "abstain"),
    Choice.SPOILED: ("废票", "无效", "spoiled", "void"),
}
_CHOICE_BY_WORD = {word.casefold(): choice for choice, words in CHOICE_WORDS.items() for word in words}


def parse_choice(text: str, field: str = "choice") -> Choice:
    """A motion ballot's answer from its word (同意/反对/弃权/废票, or yes/no/abstain/spoiled)."""
    word = text.strip().casefold()
    if not word:
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "enter the ballot's answer"))
    try:
        return _CHOICE_BY_WORD[word]
    except KeyError:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "unknown answer '{value}' (yes, no, abstain or spoiled)"),
            value=text.strip(),
        ) from None


def parse_share(text: str, field: str = "objection_share") -> Fraction:
    """A threshold share as typed: ``1/3``, ``33.5%`` or ``0.25``, kept exact."""
    typed = text.strip().replace("％", "%").replace("／", "/")
    try:
        share = Fraction(typed[:-1].strip()) / 100 if typed.endswith("%") else Fraction(typed)
    except (ValueError, ZeroDivisionError):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a share (like 1/3 or 25%)"),
            value=text.strip(),
        ) from None
    if not 0 < share <= 1:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "the objection threshold is a share above 0 and at most 1"),
        )
    return share
