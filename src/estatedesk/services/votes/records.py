"""What the votes services take and give: plain, frozen records (no Qt, no database rows)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from estatedesk.domain.voting import Choice, Tally, VoteKind, VoterKind, VoteRules


@dataclass(frozen=True)
class VoteInput:
    """A new vote as the clerk typed it: title, kind, the election's seats and candidates, the settings."""

    title: str
    kind: str  # a VoteKind value
    seats: int | None = None
    candidates: Sequence[str] = ()  # owners' names; ``王玥@3-2-501`` when two owners share a name
    participation: str = "two-thirds"
    follow_majority: bool = False
    objection_share: str = "1/3"
    objection_combine: str = "or"
    double_entry: bool = False
    proxy_limit: int | None = None


@dataclass(frozen=True)
class VoteCreated:
    """A vote just opened: its id and the frozen roll's totals, and the rooms that cannot vote."""

    vote_id: int
    heads: int
    area_centi: int
    rooms_without_owner: tuple[str, ...]


@dataclass(frozen=True)
class Candidate:
    """A candidate of an election: position on the ballot, name, and the voter (owner) they are."""

    position: int
    name: str
    voter_number: int


@dataclass(frozen=True)
class VoteView:
    """A vote with everything about it but its ballots."""

    vote_id: int
    title: str
    rules: VoteRules
    double_entry: bool
    proxy_limit: int
    heads: int
    area_centi: int
    issued: int | None
    found: int | None
    opened_at: str
    opened_by: str
    closed_at: str | None
    candidates: tuple[Candidate, ...]
    ballots: int  # live ballots entered

    @property
    def kind(self) -> VoteKind:
        """What the vote decides."""
        return self.rules.kind

    @property
    def is_open(self) -> bool:
        """Whether ballots may still be entered."""
        return self.closed_at is None


@dataclass(frozen=True)
class RollVoter:
    """One voter of a frozen roll as shown and printed, with the serial of their ballot."""

    number: int
    key: str
    name: str
    kind: VoterKind
    rooms: tuple[str, ...]
    area_centi: int
    serial: str

    @property
    def can_vote(self) -> bool:
        """Whether a ballot may be entered for this voter."""
        return self.kind is not VoterKind.NO_OWNER


@dataclass(frozen=True)
class Roll:
    """A vote's frozen roll: totals and voters in roll order."""

    heads: int
    area_centi: int
    voters: tuple[RollVoter, ...]

    @property
    def without_owner(self) -> tuple[RollVoter, ...]:
        """The rooms with no recorded owner: in the totals, unable to vote."""
        return tuple(voter for voter in self.voters if not voter.can_vote)


@dataclass(frozen=True)
class BallotInput:
    """A paper ballot as entered: whose (serial and/or room), what it says, and a proxy if any."""

    vote_id: int
    serial: str = ""
    room: str = ""
    choice: str = ""  # a motion's answer: yes/no/abstain/spoiled or 同意/反对/弃权/废票
    marks: Sequence[str] = ()  # an election's marked candidates, by name
    proxy_name: str = ""
    proxy_id: str = ""
    second_entry: bool = False  # the double entry of a ballot already entered by another clerk


@dataclass(frozen=True)
class BallotEntered:
    """What entering a ballot did: its entry, whose, whether it is void, whether a second entry agrees."""

    entry_id: int
    voter_number: int
    serial: str
    voter_name: str
    void: bool  # a spoiled or over-marked ballot: its voter takes part, it counts for no one
    agrees: bool | None = None  # a second entry: whether it matches the first


@dataclass(frozen=True)
class BallotRow:
    """A live ballot as listed: who, what it says (as words), proxy, who entered it, its second entry."""

    entry_id: int
    voter_number: int
    serial: str
    voter_name: str
    rooms: tuple[str, ...]
    area_centi: int
    choice: Choice | None
    marks: tuple[str, ...]
    void: bool
    proxy_name: str
    proxy_id: str
    at: str
    actor: str
    checked: bool | None  # None: no second entry; True/False: the latest second entry agrees or not


@dataclass(frozen=True)
class Reading:
    """What one entry read on a paper ballot: the answer or the marked candidates, and the proxy."""

    choice: Choice | None
    marks: tuple[str, ...]
    proxy_name: str
    proxy_id: str  # whole: whoever shows it masks it

    @property
    def answer(self) -> str:
        """The answer as the command line writes it (``yes``), or the candidates (``王玥、李喆``)."""
        return self.choice.value if self.choice is not None else ("、".join(self.marks) or "-")


@dataclass(frozen=True)
class Disagreement:
    """A ballot whose second entry differs from the first: both readings, for checking the paper."""

    serial: str
    voter_name: str
    first: Reading
    second: Reading
    first_actor: str
    second_actor: str


@dataclass(frozen=True)
class ProxyLoad:
    """A proxy carrying more ballots than the vote allows without the scrutineers' attention."""

    proxy_name: str
    proxy_id: str
    ballots: int
    serials: tuple[str, ...]


@dataclass(frozen=True)
class VoidedBallot:
    """A ballot taken out of the count, why, by whom."""

    entry_id: int
    serial: str
    voter_name: str
    reason: str
    at: str
    actor: str


@dataclass(frozen=True)
class CountRecord:
    """One recording of the scrutineers' counts: issued, found, why (a correction), when and by whom."""

    issued: int
    found: int
    reason: str
    at: str
    actor: str


@dataclass(frozen=True)
class TallyReport:
    """A vote's count with all the scrutineers must see beside it."""

    vote: VoteView
    tally: Tally
    entered: int
    unchecked: int  # ballots without a second entry, when the vote asks for double entry
    disagreements: tuple[Disagreement, ...]
    proxies: tuple[ProxyLoad, ...]
    rooms_without_owner: tuple[str, ...]
    counts: tuple[CountRecord, ...] = ()  # every recording of the scrutineers' counts: more than one corrects
    warnings: tuple[str, ...] = field(default=())  # English, for the CLI; the GUI builds its own
