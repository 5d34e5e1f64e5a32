"""Entering paper ballots: serial or room → voter → answer or marks → appended to the chain.

A voter has at most one live ballot: a second one is refused until the first is voided (with a
reason; nothing is ever deleted). When the vote asks for double entry, another clerk enters each
ballot again; a second entry that differs from the first is listed for checking against the paper.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, Problems, ValidationError
from estatedesk.domain.households import normalize_id_number, typed_room_code, validate_person_name
from estatedesk.domain.text import check_text
from estatedesk.domain.voting import Choice, VoteKind, VoterKind, ballot_serial, parse_choice, read_serial
from estatedesk.services.changes import Records, writing
from estatedesk.services.votes.opening import LIVE_BALLOTS, open_vote, rooms_by_voter, vote_view
from estatedesk.services.votes.records import (
    BallotEntered,
    BallotInput,
    BallotRow,
    Disagreement,
    ProxyLoad,
    Reading,
    VoidedBallot,
    VoteView,
)
from estatedesk.store import audit, ballots
from estatedesk.store.ballots import BallotRecord
from estatedesk.store.sql import execute


@dataclass(frozen=True)
class VoterOnRoll:
    """A voter found by serial or room: number, name, rooms, area, and the live ballot if entered."""

    number: int
    name: str
    kind: VoterKind
    rooms: tuple[str, ...]
    area_centi: int
    serial: str
    ballot: BallotRow | None
    key: str = ""  # the voter's key on the roll (the command line's "voter")

    @property
    def can_vote(self) -> bool:
        """Whether a ballot may be entered for this voter (a room with no owner cannot vote)."""
        return self.kind is not VoterKind.NO_OWNER


@dataclass(frozen=True)
class _Live:
    entry_id: int
    choice: str | None
    marks: str | None
    proxy_name: str | None
    proxy_id: str | None
    actor: str


class BallotDesk:
    """The entry of one vote's ballots: the vote read once, then any number of ballots (an import)."""

    def __init__(self, vote_id: int) -> None:
        self.vote: VoteView = open_vote(vote_id)
        self.positions = {candidate.name: candidate.position for candidate in self.vote.candidates}
        # a candidate also by "name@room" (any room of theirs), or by the name alone when no other
        # candidate has it
        self.by_voter = {
            (candidate.name.partition("（")[0], candidate.voter_number): candidate.position
            for candidate in self.vote.candidates
        }
        self.by_name: dict[str, list[int]] = {}
        for (name, _), position in self.by_voter.items():
            self.by_name.setdefault(name, []).append(position)
        self.seats = self.vote.rules.seats or 0

    def check(
        self, typed: BallotInput
    ) -> tuple[int, tuple[str | None, str | None], tuple[str | None, str | None]]:
        """A ballot's voter number, (choice, marks) and (proxy name, ID) as stored; every problem at once.

        Reads only: an import's preview checks each row with it before anything is written, a voter
        who cannot vote or whose ballot is entered already included.
        """
        problems = Problems()
        number = problems.attempt(self._voter_number, typed)
        answer = problems.attempt(self._answer, typed)
        proxy = _proxy(typed, problems)
        if number is not None:
            problems.attempt(self._may_enter, typed, number)
        if problems:
            raise InputRejected(problems)
        assert number is not None and answer is not None and proxy is not None
        return number, answer, proxy

    def _may_enter(self, typed: BallotInput, number: int) -> None:
        """Refuse a voter who cannot vote, and a first entry of a voter whose ballot is entered already."""
        name, kind = execute(
            "SELECT name, kind FROM vote_voter WHERE vote_id = ? AND number = ?", (self.vote.vote_id, number)
        ).fetchone()
        field = "serial" if typed.serial.strip() else "room"
        if kind == "no_owner":
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP(
                    "messages",
                    "room {room} has no recorded owner on this vote's roll: it cannot vote until one"
                    " is recorded in the households file and taken onto the roll",
                ),
                room=_first_room(self.vote.vote_id, number),
            )
        if not typed.second_entry and _live_ballot(self.vote.vote_id, number) is not None:
            serial = ballot_serial(self.vote.vote_id, number)
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP(
                    "messages",
                    "the ballot of {name} (serial {serial}) is already entered: void it first"
                    " to enter another",
                ),
                name=name or serial,
                serial=serial,
            )

    def enter(self, typed: BallotInput) -> BallotEntered:
        """Check one ballot and append it (call inside a transaction); ``InputRejected`` says why not."""
        number, (choice, marks), proxy = self.check(typed)
        name = str(
            execute(
                "SELECT name FROM vote_voter WHERE vote_id = ? AND number = ?", (self.vote.vote_id, number)
            ).fetchone()[0]
        )
        serial = ballot_serial(self.vote.vote_id, number)
        if typed.second_entry:
            field = "serial" if typed.serial.strip() else "room"
            live = _live_ballot(self.vote.vote_id, number)
            return self._second_entry(typed, field, number, serial, name, live, choice, marks, proxy)
        (entry_id,) = ballots.append(
            [BallotRecord("ballot", self.vote.vote_id, number, serial, choice, marks, *proxy)]
        )
        return BallotEntered(entry_id, number, serial, name, self._void(choice, marks))

    def _second_entry(
        self,
        typed: BallotInput,
        field: str,
        number: int,
        serial: str,
        name: str,
        live: _Live | None,
        choice: str | None,
        marks: str | None,
        proxy: tuple[str | None, str | None],
    ) -> BallotEntered:
        """Append the second entry of a ballot another clerk entered; say whether both agree."""
        if not self.vote.double_entry:
            raise InputRejected(
                [
                    ValidationError(
                        field, QT_TRANSLATE_NOOP("messages", "this vote does not ask for double entry")
                    )
                ]
            )
        if live is None:
            raise InputRejected(
                [
                    ValidationError(
                        field,
                        QT_TRANSLATE_NOOP("messages", "no ballot of {name} is entered yet: enter it first"),
                        name=name or serial,
                    )
                ]
            )
        if live.actor == audit.current_actor():
            raise InputRejected(
                [
                    ValidationError(
                        field,
                        QT_TRANSLATE_NOOP(
                            "messages", "{actor} entered this ballot: its second entry is another clerk's"
                        ),
                        actor=live.actor,
                    )
                ]
            )
        (entry_id,) = ballots.append(
            [
                BallotRecord(
                    "check", self.vote.vote_id, number, serial, choice, marks, *proxy, ballot_id=live.entry_id
                )
            ]
        )
        agrees = (live.choice, live.marks, live.proxy_name, live.proxy_id) == (choice, marks, *proxy)
        return BallotEntered(entry_id, number, serial, name, self._void(choice, marks), agrees)

    def _void(self, choice: str | None, marks: str | None) -> bool:
        return choice == Choice.SPOILED.value or len(_positions(marks)) > self.seats > 0

    def _voter_number(self, typed: BallotInput) -> int:
        """The voter a ballot names by serial, room, or both (which must agree)."""
        return find_voter_number(self.vote.vote_id, typed.serial, typed.room)

    def _answer(self, typed: BallotInput) -> tuple[str | None, str | None]:
        """(choice, marks) as stored: a motion's answer, or an election's marked positions."""
        if self.vote.kind is not VoteKind.ELECTION:
            if list(typed.marks):
                raise ValidationError(
                    "marks", QT_TRANSLATE_NOOP("messages", "a motion's ballot has an answer, not candidates")
                )
            return parse_choice(typed.choice).value, None
        if typed.choice.strip():
            if parse_choice(typed.choice) is not Choice.SPOILED:
                raise ValidationError(
                    "choice",
                    QT_TRANSLATE_NOOP("messages", "an election's ballot marks candidates, not an answer"),
                )
            return Choice.SPOILED.value, None
        positions: list[int] = []
        for mark in typed.marks:
            name = mark.strip()
            if not name:
                continue
            position = self._candidate(name)
            if position in positions:
                raise ValidationError(
                    "marks", QT_TRANSLATE_NOOP("messages", "{name} is marked twice"), name=name
                )
            positions.append(position)
        return None, ",".join(str(position) for position in sorted(positions))

    def _candidate(self, mark: str) -> int:
        """The position of the candidate a mark names: as on the ballot, or ``name@room``."""
        if mark in self.positions:
            return self.positions[mark]
        name, _, room = mark.partition("@")
        name = name.strip()
        if room.strip():
            code = typed_room_code(room) or room.strip()
            row = execute(
                "SELECT voter_number FROM vote_room WHERE vote_id = ? AND code = ?", (self.vote.vote_id, code)
            ).fetchone()
            if row is not None and (name, int(row[0])) in self.by_voter:
                return self.by_voter[(name, int(row[0]))]
        elif len(self.by_name.get(name, ())) == 1:
            return self.by_name[name][0]
        elif name in self.by_name:
            raise ValidationError(
                "marks",
                QT_TRANSLATE_NOOP("messages", "two candidates are named {name}: write {name}@room"),
                name=name,
            )
        raise ValidationError(
            "marks", QT_TRANSLATE_NOOP("messages", "{name} is not a candidate of this election"), name=mark
        )


def _positions(marks: str | None) -> tuple[int, ...]:
    return tuple(int(part) for part in marks.split(",")) if marks else ()


def _proxy(typed: BallotInput, problems: Problems) -> tuple[str | None, str | None] | None:
    """The proxy's name and ID number as stored (None when the owner signed themself)."""
    before = len(problems)
    name_text = problems.attempt(check_text, typed.proxy_name.strip(), "proxy_name")
    id_text = typed.proxy_id.strip()
    name = None
    if id_text and name_text == "":
        problems.append(
            ValidationError("proxy_name", QT_TRANSLATE_NOOP("messages", "enter the proxy's name"))
        )
    elif name_text:
        name = problems.attempt(validate_person_name, name_text, "proxy_name")
    id_number = problems.attempt(normalize_id_number, id_text, "proxy_id") if id_text else None
    return None if len(problems) > before else (name, id_number)


def find_voter_number(vote_id: int, serial_text: str, room_text: str) -> int:
    """The voter number a serial and/or a room names on a vote's roll; refused when they disagree."""
    by_serial: int | None = None
    by_room: int | None = None
    if serial_text.strip():
        serial_vote, number = read_serial(serial_text)
        if serial_vote != vote_id:
            raise ValidationError(
                "serial",
                QT_TRANSLATE_NOOP(
                    "messages", "serial {serial} is a ballot of vote {other}, not of vote {vote}"
                ),
                serial=serial_text.strip(),
                other=serial_vote,
                vote=vote_id,
            )
        if (
            execute("SELECT 1 FROM vote_voter WHERE vote_id = ? AND number = ?", (vote_id, number)).fetchone()
            is None
        ):
            raise ValidationError(
                "serial",
                QT_TRANSLATE_NOOP("messages", "no voter has serial {serial}"),
                serial=serial_text.strip(),
            )
        by_serial = number
    if room_text.strip():
        code = typed_room_code(room_text) or room_text.strip()
        row = execute(
            "SELECT voter_number FROM vote_room WHERE vote_id = ? AND code = ?", (vote_id, code)
        ).fetchone()
        if row is None:
            raise ValidationError(
                "room",
                QT_TRANSLATE_NOOP("messages", "room {room} is not on this vote's roll"),
                room=room_text.strip(),
            )
        by_room = int(row[0])
    if by_serial is not None and by_room is not None and by_serial != by_room:
        raise ValidationError(
            "serial",
            QT_TRANSLATE_NOOP("messages", "serial {serial} is not the ballot of the voter of room {room}"),
            serial=serial_text.strip(),
            room=room_text.strip(),
        )
    if by_serial is not None:
        return by_serial
    if by_room is not None:
        return by_room
    raise ValidationError("serial", QT_TRANSLATE_NOOP("messages", "enter the ballot's serial or a room"))


def _first_room(vote_id: int, number: int) -> str:
    row = execute(
        "SELECT MIN(code) FROM vote_room WHERE vote_id = ? AND voter_number = ?", (vote_id, number)
    ).fetchone()
    return str(row[0])


def _live_ballot(vote_id: int, number: int) -> _Live | None:
    row = execute(
        f"""SELECT id, choice, marks, proxy_name, proxy_id, actor FROM ({LIVE_BALLOTS})
            WHERE voter_number = ?""",
        (vote_id, number),
    ).fetchone()
    return None if row is None else _Live(*row)


def enter_ballot(typed: BallotInput) -> BallotEntered:
    """Enter one paper ballot (or its second entry); all or nothing, refused field by field."""
    with writing(Records.VOTES):
        return BallotDesk(typed.vote_id).enter(typed)


def enter_ballots(typed: Sequence[BallotInput]) -> list[BallotEntered]:
    """Enter many ballots of one vote in one transaction (all or none), each checked as one alone is.

    The first ballot refused stops the whole batch: ``InputRejected`` with its number in the batch
    (``ballot``) beside the reasons.
    """
    if not typed:
        return []
    with writing(Records.VOTES):
        desk = BallotDesk(typed[0].vote_id)
        entered = []
        for number, ballot in enumerate(typed, start=1):
            if ballot.vote_id != desk.vote.vote_id:
                raise ValueError("a batch of ballots is of one vote")
            try:
                entered.append(desk.enter(ballot))
            except InputRejected as rejected:
                problems = [
                    ValidationError(
                        "ballot",
                        QT_TRANSLATE_NOOP("messages", "ballot {number} of the batch is refused"),
                        number=number,
                    ),
                    *rejected.errors,
                ]
                raise InputRejected(problems) from None
        return entered


def void_ballot(vote_id: int, serial: str, room: str, reason: str) -> VoidedBallot:
    """Take a voter's live ballot out of the count, with a reason; the ballot itself stays on file."""
    open_vote(vote_id)
    problems = Problems()
    number = problems.attempt(find_voter_number, vote_id, serial, room)
    why = problems.attempt(check_text, reason.strip(), "reason")
    if why is not None and not why:
        problems.append(
            ValidationError("reason", QT_TRANSLATE_NOOP("messages", "say why the ballot is voided"))
        )
    if problems:
        raise InputRejected(problems)
    assert number is not None and why is not None
    live = _live_ballot(vote_id, number)
    if live is None:
        raise InputRejected(
            [
                ValidationError(
                    "serial" if serial.strip() else "room",
                    QT_TRANSLATE_NOOP("messages", "no ballot of serial {serial} is entered"),
                    serial=ballot_serial(vote_id, number),
                )
            ]
        )
    with writing(Records.VOTES):
        ballots.append(
            [
                BallotRecord(
                    "void",
                    vote_id,
                    number,
                    ballot_serial(vote_id, number),
                    ballot_id=live.entry_id,
                    reason=why,
                )
            ]
        )
        audit.record(
            "void",
            "ballot",
            live.entry_id,
            after={"vote": vote_id, "serial": ballot_serial(vote_id, number), "reason": why},
        )
    return voided_ballots(vote_id)[-1]


# ---------------------------------------------------------------- reading ballots back


def describe(vote: VoteView, choice: str | None, marks: str | None) -> tuple[Choice | None, tuple[str, ...]]:
    """A stored answer as a choice, or an election's marks as candidate names."""
    names = {candidate.position: candidate.name for candidate in vote.candidates}
    return (Choice(choice) if choice else None), tuple(names[p] for p in _positions(marks))


def list_ballots(vote_id: int, voter_number: int | None = None) -> list[BallotRow]:
    """A vote's live ballots (or one voter's) in entry order, with their voters and second-entry state."""
    vote = vote_view(vote_id, with_ballots=False)
    rooms = rooms_by_voter(vote_id, voter_number)
    one_voter = "" if voter_number is None else "WHERE b.voter_number = ?"
    rows = execute(
        f"""SELECT b.id, b.voter_number, b.serial, v.name, v.area_centi, b.choice, b.marks, b.proxy_name,
                   b.proxy_id, b.at, b.actor, c.choice, c.marks, c.proxy_name, c.proxy_id, c.id
            FROM ({LIVE_BALLOTS}) AS b
            JOIN vote_voter AS v ON v.vote_id = b.vote_id AND v.number = b.voter_number
            LEFT JOIN ballot_entry AS c ON c.id = (SELECT MAX(id) FROM ballot_entry AS k
                                                   WHERE k.ballot_id = b.id AND k.kind = 'check')
            {one_voter} ORDER BY b.id""",
        (vote_id,) if voter_number is None else (vote_id, voter_number),
    ).fetchall()
    seats = vote.rules.seats or 0
    result = []
    for (entry_id, number, serial, name, area, choice, marks, proxy_name, proxy_id, at, actor,
         c_choice, c_marks, c_proxy_name, c_proxy_id, check_id) in rows:  # fmt: skip
        answer, names = describe(vote, choice, marks)
        checked = None if check_id is None else (choice, marks, proxy_name, proxy_id) == (
            c_choice, c_marks, c_proxy_name, c_proxy_id)  # fmt: skip
        result.append(
            BallotRow(
                entry_id,
                number,
                serial,
                name,
                rooms.get(number, ()),
                area,
                answer,
                names,
                answer is Choice.SPOILED or len(names) > seats > 0,
                proxy_name or "",
                proxy_id or "",
                at,
                actor,
                checked,
            )
        )
    return result


def find_voter(vote_id: int, serial: str = "", room: str = "") -> VoterOnRoll:
    """The voter a scanned or typed serial (or a room) names, with their ballot if already entered."""
    vote_view(vote_id, with_ballots=False)
    try:
        number = find_voter_number(vote_id, serial, room)
    except ValidationError as error:  # refused as every other input is: by field
        raise InputRejected([error]) from None
    key, name, kind, area = execute(
        "SELECT key, name, kind, area_centi FROM vote_voter WHERE vote_id = ? AND number = ?",
        (vote_id, number),
    ).fetchone()
    ballot = next(iter(list_ballots(vote_id, number)), None)
    return VoterOnRoll(
        number,
        str(name),
        VoterKind(kind),
        rooms_by_voter(vote_id, number).get(number, ()),
        int(area),
        ballot_serial(vote_id, number),
        ballot,
        str(key),
    )


def disagreements(vote_id: int) -> list[Disagreement]:
    """Ballots whose latest second entry differs from the first, for checking against the paper."""
    vote = vote_view(vote_id, with_ballots=False)
    rows = execute(
        f"""SELECT b.serial, v.name, b.choice, b.marks, b.proxy_name, b.proxy_id, b.actor,
                   c.choice, c.marks, c.proxy_name, c.proxy_id, c.actor
            FROM ({LIVE_BALLOTS}) AS b
            JOIN vote_voter AS v ON v.vote_id = b.vote_id AND v.number = b.voter_number
            JOIN ballot_entry AS c ON c.id = (SELECT MAX(id) FROM ballot_entry AS k
                                              WHERE k.ballot_id = b.id AND k.kind = 'check')
            ORDER BY b.id""",
        (vote_id,),
    ).fetchall()
    return [
        Disagreement(serial, name, reading(vote, *row[2:6]), reading(vote, *row[7:11]), row[6], row[11])
        for row in rows
        if (serial := row[0]) is not None
        and (name := row[1]) is not None
        and tuple(row[2:6]) != tuple(row[7:11])
    ]


def reading(
    vote: VoteView, choice: str | None, marks: str | None, proxy_name: str | None, proxy_id: str | None
) -> Reading:
    """A stored entry's reading: its answer or marked candidates, and its proxy."""
    answer, names = describe(vote, choice, marks)
    return Reading(answer, names, proxy_name or "", proxy_id or "")


def unchecked_count(vote_id: int) -> int:
    """Live ballots without a second entry yet."""
    row = execute(
        f"""SELECT COUNT(*) FROM ({LIVE_BALLOTS}) AS b
            WHERE NOT EXISTS (SELECT 1 FROM ballot_entry AS k
                              WHERE k.ballot_id = b.id AND k.kind = 'check')""",
        (vote_id,),
    ).fetchone()
    return int(row[0])


def heavy_proxies(vote_id: int) -> list[ProxyLoad]:
    """Proxies carrying more live ballots than the vote's limit, by name (typed with or without an ID).

    Two people of one name are listed together: the scrutineers look at the written proxies.
    """
    vote = vote_view(vote_id, with_ballots=False)
    rows = execute(
        f"""SELECT proxy_name, COALESCE(GROUP_CONCAT(DISTINCT proxy_id), ''), COUNT(*),
                   GROUP_CONCAT(serial, ',')
            FROM ({LIVE_BALLOTS}) WHERE proxy_name IS NOT NULL
            GROUP BY proxy_name HAVING COUNT(*) > ? ORDER BY COUNT(*) DESC, proxy_name""",
        (vote_id, vote.proxy_limit),
    ).fetchall()
    return [
        ProxyLoad(str(name), str(ids), int(count), tuple(sorted(str(serials).split(","))))
        for name, ids, count, serials in rows
    ]


def voided_ballots(vote_id: int) -> list[VoidedBallot]:
    """The ballots taken out of the count, with why and by whom, in the order they were voided."""
    vote_view(vote_id, with_ballots=False)
    return [
        VoidedBallot(int(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]), str(row[5]))
        for row in execute(
            """SELECT x.ballot_id, x.serial, v.name, x.reason, x.at, x.actor FROM ballot_entry AS x
               JOIN vote_voter AS v ON v.vote_id = x.vote_id AND v.number = x.voter_number
               WHERE x.vote_id = ? AND x.kind = 'void' ORDER BY x.id""",
            (vote_id,),
        )
    ]
