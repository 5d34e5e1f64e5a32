"""Opening a vote (its roll frozen from the households file), reading it back, counts, closing.

The roll is copied, not linked: ``vote_voter`` and ``vote_room`` hold each voter's name, rooms and
area as they were when the vote opened, so later edits of households change nothing of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, NotFound, Problems, ValidationError
from estatedesk.domain.households import typed_room_code
from estatedesk.domain.sorting import natural_key
from estatedesk.domain.text import check_text
from estatedesk.domain.voting import (
    DEFAULT_OBJECTION_SHARE,
    DEFAULT_PROXY_LIMIT,
    Combine,
    Holding,
    Participation,
    VoteKind,
    VoterKind,
    VoteRules,
    ballot_serial,
    build_roll,
    check_rules,
    parse_share,
)
from estatedesk.services.changes import Records, writing
from estatedesk.services.votes.records import (
    Candidate,
    CountRecord,
    Roll,
    RollVoter,
    VoteCreated,
    VoteInput,
    VoteView,
)
from estatedesk.store import audit, ballots
from estatedesk.store.audit import current_actor, now_utc
from estatedesk.store.ballots import BallotRecord, vote_digest
from estatedesk.store.models import database_proxy
from estatedesk.store.sql import execute, insert, placeholders

MAX_TITLE = 200


def _choice_of(enum: type[VoteKind] | type[Participation] | type[Combine], text: str, field: str) -> object:
    try:
        return enum(text.strip().lower())
    except ValueError:
        names = ", ".join(member.value for member in enum)
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "unknown value '{value}' ({names})"),
            value=text.strip(),
            names=names,
        ) from None


def _checked_rules(typed: VoteInput, problems: Problems) -> VoteRules | None:
    kind = problems.attempt(_choice_of, VoteKind, typed.kind, "kind")
    participation = problems.attempt(_choice_of, Participation, typed.participation, "participation")
    combine = problems.attempt(_choice_of, Combine, typed.objection_combine, "objection_combine")
    share = problems.attempt(parse_share, typed.objection_share, "objection_share")
    if not isinstance(kind, VoteKind):
        return None
    seats = typed.seats if kind is VoteKind.ELECTION else None
    before = len(problems)
    problems.attempt(check_rules, VoteRules(kind, seats=seats))  # the seats, whatever else is wrong
    if len(problems) > before or share is None:
        return None
    if not isinstance(participation, Participation) or not isinstance(combine, Combine):
        return None
    before = len(problems)
    _settings_of_other_kinds(typed, kind, share, combine, problems)
    if len(problems) > before:
        return None
    return VoteRules(kind, participation, typed.follow_majority, share, combine, seats)


def _settings_of_other_kinds(
    typed: VoteInput, kind: VoteKind, share: Fraction, combine: Combine, problems: Problems
) -> None:
    """Refuse a setting the vote's kind has no use for: it would be printed on a result it does not shape."""
    if typed.seats is not None and kind is not VoteKind.ELECTION:
        problems.append(ValidationError("seats", QT_TRANSLATE_NOOP("messages", "only an election has seats")))
    if typed.follow_majority and kind not in (VoteKind.ORDINARY, VoteKind.MAJOR):
        problems.append(
            ValidationError(
                "follow_majority",
                QT_TRANSLATE_NOOP(
                    "messages", "non-voters follow the majority (从众) only in an ordinary or a major matter"
                ),
            )
        )
    if kind is not VoteKind.OBJECTION and (share != DEFAULT_OBJECTION_SHARE or combine is not Combine.OR):
        problems.append(
            ValidationError(
                "objection_share",
                QT_TRANSLATE_NOOP("messages", "only a vote by objection has an objection threshold"),
            )
        )


def create_vote(typed: VoteInput) -> VoteCreated:
    """Open a vote: check its rules, freeze the roll from the households file, name its candidates."""
    problems = Problems()
    title = problems.attempt(check_text, typed.title.strip(), "title")
    if title is not None and not title:
        problems.append(ValidationError("title", QT_TRANSLATE_NOOP("messages", "enter the vote's title")))
    elif title is not None and len(title) > MAX_TITLE:
        problems.append(
            ValidationError(
                "title",
                QT_TRANSLATE_NOOP("messages", "the title is longer than {limit} characters"),
                limit=MAX_TITLE,
            )
        )
    rules = _checked_rules(typed, problems)
    proxy_limit = DEFAULT_PROXY_LIMIT if typed.proxy_limit is None else typed.proxy_limit
    if proxy_limit < 1:
        problems.append(
            ValidationError(
                "proxy_limit", QT_TRANSLATE_NOOP("messages", "the proxy limit is at least 1 ballot")
            )
        )
    if rules is not None and rules.kind is VoteKind.ELECTION and not typed.candidates:
        problems.append(ValidationError("candidates", QT_TRANSLATE_NOOP("messages", "name the candidates")))
    if rules is not None and rules.kind is not VoteKind.ELECTION and typed.candidates:
        problems.append(
            ValidationError("candidates", QT_TRANSLATE_NOOP("messages", "only an election has candidates"))
        )
    if problems:
        raise InputRejected(problems)
    assert rules is not None and title is not None
    with writing(Records.VOTES):
        vote_id = insert(
            """INSERT INTO vote (title, kind, seats, participation, follow_majority, objection_numerator,
                                 objection_denominator, objection_combine, double_entry, proxy_limit,
                                 heads, area_centi, opened_at, opened_by)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)""",
            (
                title,
                rules.kind.value,
                rules.seats,
                rules.participation.value,
                int(rules.follow_majority),
                rules.objection_share.numerator,
                rules.objection_share.denominator,
                rules.objection_combine.value,
                int(typed.double_entry),
                proxy_limit,
                now_utc(),
                current_actor(),
            ),
        )
        heads, area, without_owner = _freeze_roll(vote_id)
        if heads == len(without_owner):  # the transaction is undone: no vote no one could vote in
            raise InputRejected(
                [
                    ValidationError(
                        "vote",
                        QT_TRANSLATE_NOOP(
                            "messages", "there are no rooms on file: record the households first"
                        )
                        if heads == 0
                        else QT_TRANSLATE_NOOP(
                            "messages", "no room on file has a recorded owner: nobody could vote"
                        ),
                    )
                ]
            )
        execute("UPDATE vote SET heads = ?, area_centi = ? WHERE id = ?", (heads, area, vote_id))
        candidates = _name_candidates(vote_id, typed.candidates)
        ballots.append([BallotRecord("open", vote_id, digest=vote_digest(vote_id))])
        audit.record(
            "open",
            "vote",
            vote_id,
            after={
                "title": title,
                "kind": rules.kind.value,
                "seats": rules.seats,
                "candidates": [candidate.name for candidate in candidates],
                "heads": heads,
                "area_centi": area,
            },
        )
    return VoteCreated(vote_id, heads, area, without_owner)


_INSERT_OWNER = (
    "INSERT INTO vote_owner (vote_id, voter_number, position, person_id, name) VALUES (?, ?, ?, ?, ?)"
)


def _owners_by_room() -> dict[str, list[tuple[int, str]]]:
    """Each room's owners (person id, name), in the room's order of owners, by room code."""
    owners: dict[str, list[tuple[int, str]]] = {}
    for code, person_id, name in execute(
        "SELECT r.code, o.person_id, p.name FROM ownership AS o JOIN person AS p ON p.id = o.person_id"
        " JOIN room AS r ON r.id = o.room_id ORDER BY o.room_id, o.position, o.id"
    ):
        owners.setdefault(str(code), []).append((int(person_id), str(name)))
    return owners


def current_holdings() -> list[Holding]:
    """Every room on file (archived ones left out), as the roll counts it, in room order."""
    owners = _owners_by_room()
    rooms = execute("SELECT code, area_centi, developer FROM room WHERE archived_at IS NULL").fetchall()
    rooms.sort(key=lambda row: natural_key(row[0]))
    return [
        Holding(
            code,
            area,
            frozenset(person for person, _ in owners.get(code, ())),
            tuple(name for _, name in owners.get(code, ())),
            bool(developer),
        )
        for code, area, developer in rooms
    ]


def _freeze_roll(vote_id: int) -> tuple[int, int, tuple[str, ...]]:
    """Copy the roll into the vote; return its heads, area and the rooms with no owner."""
    holdings = current_holdings()
    roll = build_roll(holdings)
    connection = database_proxy.connection()
    connection.executemany(
        "INSERT INTO vote_voter (vote_id, number, key, name, kind, area_centi) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (vote_id, voter.number, voter.key, voter.name, voter.kind.value, voter.area_centi)
            for voter in roll
        ],
    )
    by_code = {holding.room_code: holding for holding in holdings}
    connection.executemany(
        "INSERT INTO vote_room (vote_id, code, voter_number, area_centi) VALUES (?, ?, ?, ?)",
        [(vote_id, code, voter.number, by_code[code].area_centi) for voter in roll for code in voter.rooms],
    )
    owners = _owners_by_room()
    connection.executemany(
        _INSERT_OWNER,
        [
            (vote_id, voter.number, position, person_id, name)
            for voter in roll
            if voter.kind is VoterKind.OWNER
            for position, (person_id, name) in enumerate(owners[voter.rooms[0]])
        ],
    )
    without_owner = tuple(voter.rooms[0] for voter in roll if voter.kind is VoterKind.NO_OWNER)
    return len(roll), sum(voter.area_centi for voter in roll), without_owner


def _name_candidates(vote_id: int, typed: Sequence[str]) -> list[Candidate]:
    """Find each typed candidate among the owners of the frozen roll; all problems at once.

    An owner whose name another owner on the roll shares is named with a room of theirs
    (``刘洋（1-1-202）``) on the ballot and in the count; two such owners may both stand.
    """
    problems = Problems()
    found: list[tuple[int, str, int, str]] = []  # position, name, voter number, room
    seen: set[tuple[str, int]] = set()
    for position, text in enumerate(typed):
        field = f"candidates.{position}"
        name, _, room = text.strip().partition("@")
        name = name.strip()
        if not name:
            problems.append(
                ValidationError(field, QT_TRANSLATE_NOOP("messages", "a candidate's name is empty"))
            )
            continue
        matches = _owners_named(vote_id, name, room.strip())
        if len(matches) == 1:
            number, first_room = matches[0]
            if (name, number) in seen:
                problems.append(
                    ValidationError(field, QT_TRANSLATE_NOOP("messages", "{name} is named twice"), name=name)
                )
            seen.add((name, number))
            found.append((position, name, number, typed_room_code(room) or room.strip() or first_room))
        elif not matches:
            problems.append(
                ValidationError(
                    field,
                    QT_TRANSLATE_NOOP(
                        "messages", "{name} is not an owner on the roll: a candidate must be one"
                    ),
                    name=text.strip(),
                )
            )
        else:
            problems.append(
                ValidationError(
                    field,
                    QT_TRANSLATE_NOOP(
                        "messages", "{count} owners are named {name}: write the room too, like {example}"
                    ),
                    count=len(matches),
                    name=name,
                    example=f"{name}@{matches[0][1]}",
                )
            )
    if problems:
        raise InputRejected(problems)
    # A name another owner on the roll shares is printed with the candidate's room, so that no voter
    # takes the candidate for their namesake.
    candidates = [
        Candidate(
            position, f"{name}（{room}）" if len(_owners_named(vote_id, name, "")) > 1 else name, number
        )
        for position, name, number, room in found
    ]
    database_proxy.connection().executemany(
        "INSERT INTO vote_candidate (vote_id, position, name, voter_number) VALUES (?, ?, ?, ?)",
        [(vote_id, c.position, c.name, c.voter_number) for c in candidates],
    )
    return candidates


def _owners_named(vote_id: int, name: str, room: str) -> list[tuple[int, str]]:
    """Each owner on the roll called ``name`` (holding ``room``, if given): a voter of theirs, a room.

    An owner is a person: one who holds a room alone and another with a co-owner is in two voters
    of the roll, and is still one candidate.
    """
    held = ""
    params: tuple[object, ...] = (vote_id, name)
    if room:
        held = " AND o.voter_number IN (SELECT voter_number FROM vote_room WHERE vote_id = ? AND code = ?)"
        params = (vote_id, name, vote_id, typed_room_code(room) or room)
    rows = execute(
        f"""SELECT MIN(o.voter_number), MIN(r.code) FROM vote_owner AS o
            JOIN vote_room AS r ON r.vote_id = o.vote_id AND r.voter_number = o.voter_number
            WHERE o.vote_id = ? AND o.name = ?{held}
            GROUP BY o.person_id ORDER BY MIN(o.voter_number)""",
        params,
    ).fetchall()
    return [(int(row[0]), str(row[1])) for row in rows]


# ---------------------------------------------------------------- reading a vote back

_VOTE_COLUMNS = (
    "id, title, kind, seats, participation, follow_majority, objection_numerator, objection_denominator,"
    " objection_combine, double_entry, proxy_limit, heads, area_centi, ballots_issued, ballots_found,"
    " opened_at, opened_by, closed_at"
)
LIVE_BALLOTS = """
    SELECT b.* FROM ballot_entry AS b
    WHERE b.vote_id = ? AND b.kind = 'ballot'
      AND NOT EXISTS (SELECT 1 FROM ballot_entry AS x WHERE x.ballot_id = b.id AND x.kind = 'void')
"""


def vote_view(vote_id: int, with_ballots: bool = True) -> VoteView:
    """A vote with its rules, totals, counts, state and candidates; ``NotFound`` if there is none.

    ``with_ballots=False`` leaves the count of live ballots at 0: entering a ballot must not walk
    every ballot before it.
    """
    row = execute(f"SELECT {_VOTE_COLUMNS} FROM vote WHERE id = ?", (vote_id,)).fetchone()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "there is no vote {vote}"), vote=vote_id)
    return _view(row, with_ballots)


def _view(row: Sequence[object], with_ballots: bool = True) -> VoteView:
    (vote_id, title, kind, seats, participation, follow, numerator, denominator, combine, double, proxy_limit,
     heads, area, issued, found, opened_at, opened_by, closed_at) = row  # fmt: skip
    rules = VoteRules(
        VoteKind(str(kind)),
        Participation(str(participation)),
        bool(follow),
        Fraction(int(str(numerator)), int(str(denominator))),
        Combine(str(combine)),
        None if seats is None else int(str(seats)),
    )
    candidates = tuple(
        Candidate(int(position), str(name), int(number))
        for position, name, number in execute(
            "SELECT position, name, voter_number FROM vote_candidate WHERE vote_id = ? ORDER BY position",
            (vote_id,),
        )
    )
    ballots = (
        int(execute(f"SELECT COUNT(*) FROM ({LIVE_BALLOTS})", (vote_id,)).fetchone()[0])
        if with_ballots
        else 0
    )
    return VoteView(
        int(str(vote_id)),
        str(title),
        rules,
        bool(double),
        int(str(proxy_limit)),
        int(str(heads)),
        int(str(area)),
        None if issued is None else int(str(issued)),
        None if found is None else int(str(found)),
        str(opened_at),
        str(opened_by),
        None if closed_at is None else str(closed_at),
        candidates,
        ballots,
    )


def list_votes() -> list[VoteView]:
    """Every vote, newest first."""
    return [_view(row) for row in execute(f"SELECT {_VOTE_COLUMNS} FROM vote ORDER BY id DESC").fetchall()]


def rooms_by_voter(vote_id: int, voter_number: int | None = None) -> dict[int, tuple[str, ...]]:
    """The rooms of each voter of a vote's roll (or of one voter), in room order."""
    rooms: dict[int, list[str]] = {}
    one_voter = "" if voter_number is None else " AND voter_number = ?"
    for number, code in execute(
        f"SELECT voter_number, code FROM vote_room WHERE vote_id = ?{one_voter}",
        (vote_id,) if voter_number is None else (vote_id, voter_number),
    ):
        rooms.setdefault(int(number), []).append(str(code))
    return {number: tuple(sorted(codes, key=natural_key)) for number, codes in rooms.items()}


def roll(vote_id: int) -> Roll:
    """A vote's frozen roll in roll order, each voter with their rooms and ballot serial."""
    view = vote_view(vote_id, with_ballots=False)
    rooms = rooms_by_voter(vote_id)
    voters = tuple(
        RollVoter(
            int(number),
            str(key),
            str(name),
            VoterKind(str(kind)),
            rooms.get(int(number), ()),
            int(area),
            ballot_serial(vote_id, int(number)),
        )
        for number, key, name, kind, area in execute(
            "SELECT number, key, name, kind, area_centi FROM vote_voter WHERE vote_id = ? ORDER BY number",
            (vote_id,),
        )
    )
    return Roll(view.heads, view.area_centi, voters)


def open_vote(vote_id: int) -> VoteView:
    """The vote (its ballots not counted), refused with a clear message when it is closed."""
    view = vote_view(vote_id, with_ballots=False)
    if not view.is_open:
        raise InputRejected(
            [
                ValidationError(
                    "vote",
                    QT_TRANSLATE_NOOP("messages", "vote {vote} is closed: nothing more can be entered"),
                    vote=vote_id,
                )
            ]
        )
    return view


def record_counts(vote_id: int, issued: int, found: int, reason: str = "") -> VoteView:
    """Record the scrutineers' counts: ballots issued (signed for) and ballots found in the box.

    Counts once recorded are corrected only with a reason; every recording stays in the vote's
    chain, and the count and the result notice list the corrections.
    """
    view = open_vote(vote_id)
    problems = Problems()
    why = problems.attempt(check_text, reason.strip(), "reason") or ""
    if view.issued is not None and (view.issued, view.found) != (issued, found) and not why:
        problems.append(
            ValidationError(
                "reason",
                QT_TRANSLATE_NOOP(
                    "messages",
                    "the counts recorded were {issued} issued and {found} found: say why they are corrected",
                ),
                issued=view.issued,
                found=view.found,
            )
        )
    can_vote = int(
        execute(
            "SELECT COUNT(*) FROM vote_voter WHERE vote_id = ? AND kind <> 'no_owner'", (vote_id,)
        ).fetchone()[0]
    )
    if issued < 0:
        problems.append(
            ValidationError("issued", QT_TRANSLATE_NOOP("messages", "a count cannot be negative"))
        )
    elif issued > can_vote:
        problems.append(
            ValidationError(
                "issued",
                QT_TRANSLATE_NOOP("messages", "{count} ballots issued, but only {voters} voters can vote"),
                count=issued,
                voters=can_vote,
            )
        )
    if found < 0:
        problems.append(ValidationError("found", QT_TRANSLATE_NOOP("messages", "a count cannot be negative")))
    if problems:
        raise InputRejected(problems)
    with writing(Records.VOTES):
        execute(
            "UPDATE vote SET ballots_issued = ?, ballots_found = ? WHERE id = ?", (issued, found, vote_id)
        )
        ballots.append([BallotRecord("count", vote_id, issued=issued, found=found, reason=why or None)])
        audit.record(
            "count",
            "vote",
            vote_id,
            before={"issued": view.issued, "found": view.found},
            after={"issued": issued, "found": found, "reason": why},
        )
    return vote_view(vote_id)


def count_records(vote_id: int) -> list[CountRecord]:
    """Every recording of the scrutineers' counts, oldest first (more than one: corrections)."""
    return [
        CountRecord(int(issued), int(found), str(reason or ""), str(at), str(actor))
        for issued, found, reason, at, actor in execute(
            "SELECT issued, found, reason, at, actor FROM ballot_entry WHERE vote_id = ? AND kind = 'count'"
            " ORDER BY id",
            (vote_id,),
        )
    ]


def take_recorded_owner(vote_id: int, room: str) -> RollVoter:
    """Put on the roll the owner now recorded for a room that had none when the vote opened.

    Such a room is in the totals as a voter of its own who cannot vote "until an owner is
    recorded": once the households file records one, the room's voter takes their name and may
    vote. It stays one head with the room's own area, even when the owner holds other rooms: the
    roll's totals, frozen when the vote opened, do not change.
    """
    open_vote(vote_id)
    code = typed_room_code(room) or room.strip()
    row = execute(
        """SELECT v.number, v.kind FROM vote_room AS r
           JOIN vote_voter AS v ON v.vote_id = r.vote_id AND v.number = r.voter_number
           WHERE r.vote_id = ? AND r.code = ?""",
        (vote_id, code),
    ).fetchone()
    if row is None:
        raise InputRejected(
            [
                ValidationError(
                    "room",
                    QT_TRANSLATE_NOOP("messages", "room {room} is not on this vote's roll"),
                    room=room.strip(),
                )
            ]
        )
    number, kind = int(row[0]), str(row[1])
    if kind != VoterKind.NO_OWNER.value:
        raise InputRejected(
            [
                ValidationError(
                    "room",
                    QT_TRANSLATE_NOOP("messages", "room {room} had an owner on the roll already"),
                    room=code,
                )
            ]
        )
    owners = _owners_by_room().get(code, [])
    if not owners:
        raise InputRejected(
            [
                ValidationError(
                    "room",
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "room {room} still has no recorded owner: record one in the households file",
                    ),
                    room=code,
                )
            ]
        )
    on_roll = execute(
        f"""SELECT o.name, MIN(o.voter_number) FROM vote_owner AS o
            WHERE o.vote_id = ? AND o.person_id IN ({placeholders(len(owners))}) GROUP BY o.person_id""",
        (vote_id, *(person for person, _ in owners)),
    ).fetchone()
    if on_roll is not None:
        # One person is one voter (art. 23); the room's area cannot join theirs on a frozen roll.
        raise InputRejected(
            [
                ValidationError(
                    "room",
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "{name}, the owner now recorded for room {room}, already votes on this roll (serial"
                        " {serial}): one owner is one voter, and a frozen roll takes no room into their vote",
                    ),
                    name=on_roll[0],
                    room=code,
                    serial=ballot_serial(vote_id, int(on_roll[1])),
                )
            ]
        )
    name = "、".join(owner_name for _, owner_name in owners)
    with writing(Records.VOTES):
        execute(
            "UPDATE vote_voter SET name = ?, kind = 'owner' WHERE vote_id = ? AND number = ?",
            (name, vote_id, number),
        )
        database_proxy.connection().executemany(
            _INSERT_OWNER,
            [(vote_id, number, position, person, owner) for position, (person, owner) in enumerate(owners)],
        )
        ballots.append([BallotRecord("owner", vote_id, number, reason=name, digest=vote_digest(vote_id))])
        audit.record("take_owner", "vote", vote_id, after={"room": code, "owners": name})
    return next(voter for voter in roll(vote_id).voters if voter.number == number)
