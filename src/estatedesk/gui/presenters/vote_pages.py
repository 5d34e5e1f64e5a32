"""The votes tab's pages as text: the list of votes, the roll, ballot entry and the ballots entered.

Qt-free so that it is tested without a window (the count's texts are in ``presenters.votes``).
Areas come in 1/100 ㎡ and leave with two decimals; ID numbers of proxies are masked as every
other ID number the program shows; times are stored in UTC and shown in local time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from estatedesk.domain.households import format_area_total, mask_id_number
from estatedesk.domain.search import normalize_query
from estatedesk.domain.voting import Choice, VoteKind, kind_name
from estatedesk.gui import labels
from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters.common import local_time
from estatedesk.services.votes import (
    BallotEntered,
    BallotRow,
    Reading,
    RollVoter,
    VoteCreated,
    VoterOnRoll,
    VoteView,
)

NONE = "—"
BAD_COLOUR = "#c0392b"  # a voter who cannot vote, a ballot already entered, a second entry that differs
GOOD_COLOUR = "#1e7e34"  # a second entry that agrees with the first
ROOMS_LISTED = 30  # rooms with no owner named in a warning line; the rest are counted

# The keys that choose a motion's answer at the counting table (the first is shown on the button).
CHOICE_KEYS: dict[Choice, tuple[str, ...]] = {
    Choice.YES: ("1", "Y"),
    Choice.NO: ("2", "N"),
    Choice.ABSTAIN: ("3", "A"),
    Choice.SPOILED: ("4", "S"),
}


# ---------------------------------------------------------------- numbers and words


def area_text(area_centi: int) -> str:
    """An area with two decimals, thousands grouped as the count page and the notice show it: ``8,012.34``."""
    return format_area_total(area_centi)


def rooms_text(rooms: Iterable[str]) -> str:
    """A voter's rooms joined as the roll writes them: ``1-1-101、1-1-202``."""
    return "、".join(rooms)


def choice_text(choice: Choice | None) -> str:
    """A motion's answer in the interface language (同意, 反对, 弃权, 废票)."""
    if choice is None:
        return ""
    return {
        Choice.YES: translate("votes", "Yes"),
        Choice.NO: translate("votes", "No"),
        Choice.ABSTAIN: translate("votes", "Abstain"),
        Choice.SPOILED: translate("votes", "Spoiled"),
    }[choice]


def choice_button_text(choice: Choice) -> str:
    """A radio button of the entry page: the key that chooses it, then the answer (``1  同意``)."""
    return f"{CHOICE_KEYS[choice][0]}  {choice_text(choice)}"


def choice_for_key(key: str) -> Choice | None:
    """The answer a key chooses (1–4, or Y/N/A/S), if any."""
    typed = key.upper()
    return next((choice for choice, keys in CHOICE_KEYS.items() if typed in keys), None)


def kind_text(kind: VoteKind) -> str:
    """What a vote decides, in Chinese as every list and paper of votes names it (一般事项…)."""
    return kind_name(kind)


def state_text(view: VoteView) -> str:
    """Open, or closed with when."""
    if view.is_open:
        return translate("votes", "Open")
    assert view.closed_at is not None
    return translate("votes", "Closed {at}").format(at=local_time(view.closed_at))


def proxy_text(name: str, id_number: str) -> str:
    """A proxy as lists show one: the name and the ID number masked (``张三 110101********123X``)."""
    if not name:
        return ""
    masked = mask_id_number(id_number)
    return f"{name} {masked}" if masked else name


def check_state_text(checked: bool | None) -> str:
    """A ballot's second entry: none yet, agrees, or differs."""
    if checked is None:
        return NONE
    return translate("votes", "Agrees") if checked else translate("votes", "Differs")


def check_state_colour(checked: bool | None) -> str | None:
    """Green for a second entry that agrees, red for one that differs."""
    if checked is None:
        return None
    return GOOD_COLOUR if checked else BAD_COLOUR


def answer_text(row: BallotRow) -> str:
    """What a ballot says: a motion's answer, or an election's candidates marked."""
    if row.choice is not None:
        return choice_text(row.choice)
    if not row.marks:
        return translate("votes", "(no candidate marked)")
    return "、".join(row.marks)


def void_text(row: BallotRow) -> str:
    """Why a live ballot counts for no one (spoiled, or more marks than seats), or nothing."""
    if not row.void:
        return ""
    if row.choice is Choice.SPOILED:
        return translate("votes", "Void: spoiled")
    return translate("votes", "Void: {count} marked").format(count=len(row.marks))


def ballot_search_text(row: BallotRow) -> str:
    """What the ballots list's filter finds a ballot by: serial, voter, rooms, proxy, clerk."""
    return " ".join(
        [
            normalize_query(row.serial),
            row.voter_name.casefold(),
            *(normalize_query(room) for room in row.rooms),
            row.proxy_name.casefold(),
            row.actor.casefold(),
        ]
    )


# ---------------------------------------------------------------- the list of votes


def votes_status(views: Sequence[VoteView]) -> str:
    """How many votes, how many still open."""
    if not views:
        return ""
    open_count = sum(1 for view in views if view.is_open)
    return translate("votes", "{count} votes, {open} open").format(count=len(views), open=open_count)


def no_votes_text() -> str:
    """What an empty list of votes says."""
    return translate(
        "votes",
        "No vote yet. “New vote…” opens one: the roll of voters is frozen from the households file "
        "as it is at that moment.",
    )


def created_text(created: VoteCreated) -> str:
    """What opening a vote did: the roll frozen, its totals."""
    return translate(
        "votes",
        "Vote {number} is open. Its roll is frozen: {heads} voters holding {area} ㎡ in all. "
        "Later changes to the households file do not change it.",
    ).format(number=created.vote_id, heads=created.heads, area=area_text(created.area_centi))


def no_owner_text(rooms: Sequence[str]) -> str:
    """The rooms with no recorded owner: in the totals, unable to vote ('' when there are none)."""
    if not rooms:
        return ""
    listed = "、".join(rooms[:ROOMS_LISTED])
    if len(rooms) > ROOMS_LISTED:
        listed += translate("votes", " and {count} more").format(count=len(rooms) - ROOMS_LISTED)
    return translate(
        "votes",
        "{count} rooms have no recorded owner: they count in the totals (area and heads) but cannot "
        "vote until an owner is recorded: {rooms}",
    ).format(count=len(rooms), rooms=listed)


def close_question(view: VoteView) -> str:
    """What closing a vote asks first."""
    return translate(
        "votes",
        "Close vote {number} “{title}”? {ballots} ballots are entered. Once closed, no ballot can be "
        "entered, voided or counted again, and the scrutineers' counts cannot change.",
    ).format(number=view.vote_id, title=view.title, ballots=view.ballots) + (
        translate(
            "votes",
            "\n\nThe scrutineers have not recorded the ballots issued and found: closed without them, the"
            " result notice will say so for good.",
        )
        if view.issued is None
        else ""
    )


def closed_text(view: VoteView) -> str:
    """What closing a vote did."""
    return translate("votes", "Vote {number} is closed with {ballots} ballots.").format(
        number=view.vote_id, ballots=view.ballots
    )


# ---------------------------------------------------------------- the new-vote dialog


@dataclass(frozen=True)
class CandidateLines:
    """The candidates typed one a line: the names, and the line (1-based) each came from."""

    names: tuple[str, ...]
    lines: tuple[int, ...]

    def line_of(self, position: int) -> int:
        """The line of the box the candidate at ``position`` (0-based, as the service names it) is on."""
        return self.lines[position] if 0 <= position < len(self.lines) else position + 1


def candidate_lines(text: str) -> CandidateLines:
    """The candidates typed in the box, one a line; blank lines are left out."""
    names: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            names.append(line.strip())
            lines.append(number)
    return CandidateLines(tuple(names), tuple(lines))


CANDIDATE_LINE = re.compile(r"^candidates\.(\d+)$")


def candidate_errors(errors: Sequence[ValidationError], typed: CandidateLines) -> list[ValidationError]:
    """Errors as the dialog shows them: ``candidates.N`` become the box's, each naming its line."""
    shown = []
    for error in errors:
        found = CANDIDATE_LINE.match(error.field)
        if found is None:
            shown.append(error)
            continue
        shown.append(
            ValidationError(
                "candidates",
                QT_TRANSLATE_NOOP("messages", "line {line}: {message}"),
                line=typed.line_of(int(found.group(1))),
                message=labels.message(error),
            )
        )
    return shown


def participation_choices() -> list[tuple[str, str]]:
    """The participation rules offered: (value the service takes, its name)."""
    return [
        ("two-thirds", translate("votes", "At least 2/3 of area and heads (Civil Code art. 278)")),
        ("half", translate("votes", "More than half of area and heads (older local rule)")),
    ]


def combine_choices() -> list[tuple[str, str]]:
    """How an objection vote's two measures combine."""
    return [
        ("or", translate("votes", "area or heads reach it")),
        ("and", translate("votes", "area and heads both reach it")),
    ]


# ---------------------------------------------------------------- the roll


def voter_name(voter: RollVoter) -> str:
    """A voter's name; a room with no recorded owner says so."""
    return voter.name or translate("votes", "(no recorded owner)")


def can_vote_text(can_vote: bool) -> str:
    """Whether a voter can vote, in words of its own: "Yes" in context "votes" is a ballot's answer (同意)."""
    return translate("votes", "Yes, can vote") if can_vote else translate("votes", "No (no recorded owner)")


def voter_search_text(voter: RollVoter) -> str:
    """What the roll's filter finds a voter by: name, rooms, serial (folded as typed words are)."""
    return " ".join(
        [
            voter.name.casefold(),
            *(normalize_query(room) for room in voter.rooms),
            normalize_query(voter.serial),
        ]
    )


def roll_totals_text(heads: int, area_centi: int, voters: Sequence[RollVoter]) -> str:
    """The roll's totals line: heads, area, and how many can vote."""
    can_vote = sum(1 for voter in voters if voter.can_vote)
    return translate("votes", "Total heads {heads} · total area {area} ㎡ · {can_vote} can vote").format(
        heads=heads, area=area_text(area_centi), can_vote=can_vote
    )


def roll_count_text(shown: int, total: int) -> str:
    """How many voters the filter shows."""
    return translate("votes", "{shown} of {total} voters shown").format(shown=shown, total=total)


# ---------------------------------------------------------------- ballot entry


@dataclass(frozen=True)
class VoterLine:
    """The voter found by a serial or room, as the entry page shows them; ``problem`` shows red."""

    text: str
    problem: str  # '' when a ballot may be entered


def voter_line(voter: VoterOnRoll, second_entry: bool, clerk: str = "") -> VoterLine:
    """Who a scanned serial names, and whether their ballot can be entered now.

    A second entry does not show what the first one read: the second clerk reads the paper afresh.
    ``clerk`` is who enters now: the clerk who entered a ballot is told at once that its second
    entry is another's, before keying it in.
    """
    text = translate("votes", "{serial}  {name}  ·  rooms {rooms}  ·  {area} ㎡").format(
        serial=voter.serial,
        name=voter.name or translate("votes", "(no recorded owner)"),
        rooms=rooms_text(voter.rooms),
        area=area_text(voter.area_centi),
    )
    if not voter.can_vote:
        return VoterLine(
            text,
            translate("votes", "No recorded owner on this vote's roll: this room cannot vote."),
        )
    ballot = voter.ballot
    if second_entry:
        if ballot is None:
            return VoterLine(
                text, translate("votes", "No ballot of this voter is entered yet: enter it first.")
            )
        if clerk and ballot.actor == clerk:
            return VoterLine(
                text,
                translate(
                    "votes",
                    "You ({clerk}) entered this ballot: its second entry is another clerk's. Each clerk sets"
                    " their name under Tools → Settings.",
                ).format(clerk=clerk),
            )
        return VoterLine(text, "")
    if ballot is not None:
        return VoterLine(
            text,
            translate(
                "votes", "Already entered by {actor} at {at}: {answer}. Void it first to enter another."
            ).format(actor=ballot.actor, at=local_time(ballot.at), answer=answer_text(ballot)),
        )
    return VoterLine(text, "")


def marked_text(marked: int, seats: int) -> str:
    """The election's live counter: ``已选 n / 应选 N``."""
    return translate("votes", "Marked {marked} / seats {seats}").format(marked=marked, seats=seats)


def over_marked_text(seats: int) -> str:
    """What an over-marked ballot is."""
    return translate(
        "votes",
        "More than {seats} marked: the ballot is void. It is still entered, and its voter still takes part.",
    ).format(seats=seats)


_MARK_SEPARATORS = re.compile(r"[\s,，、;；.。]+")


def read_marks(text: str, candidates: int) -> tuple[list[int], list[ValidationError]]:
    """The candidates' numbers (1-based, in the order typed) from the marks line, and what is wrong.

    Numbers are separated by spaces or commas; with nine candidates or fewer, digits typed
    together are one candidate each (``137`` marks 1, 3 and 7).
    """
    numbers: list[int] = []
    problems: list[ValidationError] = []
    for word in _MARK_SEPARATORS.split(text.strip()):
        if not word:
            continue
        if not word.isdecimal():
            problems.append(
                ValidationError(
                    "marks",
                    QT_TRANSLATE_NOOP("messages", "'{value}' is not a candidate's number"),
                    value=word,
                )
            )
            continue
        parts = list(word) if candidates <= 9 else [word]
        for part in parts:
            number = int(part)
            if not 1 <= number <= candidates:
                problems.append(
                    ValidationError(
                        "marks",
                        QT_TRANSLATE_NOOP("messages", "there is no candidate {number} (1 to {count})"),
                        number=number,
                        count=candidates,
                    )
                )
            elif number in numbers:
                problems.append(
                    ValidationError(
                        "marks",
                        QT_TRANSLATE_NOOP("messages", "candidate {number} is typed twice"),
                        number=number,
                    )
                )
            else:
                numbers.append(number)
    return numbers, problems


def marks_line(numbers: Iterable[int], candidates: int) -> str:
    """The marks line for these candidates' numbers (ticked with the mouse): ``1 3 7``."""
    ordered = sorted(set(numbers))
    return ("" if candidates <= 9 else " ").join(str(number) for number in ordered) if ordered else ""


def entered_text(result: BallotEntered, seats: int = 0, marked: int | None = None) -> str:
    """The one-line confirmation of a ballot entered (``已录入 12-00345-3 王玥``).

    ``marked`` is how many candidates an election's ballot marks: more than the seats is said as
    the reason it is void, none as a blank ballot (valid, its voter takes part).
    """
    if result.agrees is not None:
        return translate("votes", "Second entry of {serial} {name}").format(
            serial=result.serial, name=result.voter_name
        )
    text = translate("votes", "Entered {serial} {name}").format(serial=result.serial, name=result.voter_name)
    if result.void:
        over = seats > 0 and marked is not None and marked > seats
        text += " — " + (
            over_marked_text(seats) if over else translate("votes", "a spoiled ballot: its voter takes part")
        )
    elif seats and marked == 0:
        text += " — " + translate("votes", "a blank ballot: no candidate marked, its voter takes part")
    return text


def agreement_text(agrees: bool | None) -> str:
    """What a second entry found: the same reading, or another."""
    if agrees is None:
        return ""
    return (
        translate("votes", "Agrees with the first entry")
        if agrees
        else translate("votes", "Differs from the first entry: check the paper ballot")
    )


def entry_count_text(view: VoteView, can_vote: int, unchecked: int | None) -> str:
    """How many ballots are entered so far (and, with double entry, how many wait for their second)."""
    text = translate("votes", "{ballots} ballots entered of {voters} voters who can vote").format(
        ballots=view.ballots, voters=can_vote
    )
    if unchecked is not None:
        text += translate("votes", "; {count} without a second entry").format(count=unchecked)
    return text


def entry_closed_text(view: VoteView) -> str:
    """Why the entry page takes no ballot."""
    return translate("votes", "Vote {number} is closed: no more ballots can be entered.").format(
        number=view.vote_id
    )


# ---------------------------------------------------------------- the ballots page


def reading_text(reading: Reading) -> str:
    """A double entry's reading as the ballots page shows it: the answer in words, the ID masked."""
    answer = choice_text(reading.choice) if reading.choice is not None else ("、".join(reading.marks) or "-")
    if not reading.proxy_name:
        return answer
    return translate("votes", "{answer} (proxy {proxy})").format(
        answer=answer, proxy=proxy_text(reading.proxy_name, reading.proxy_id)
    )


def proxies_note(limit: int) -> str:
    """What the list of proxies over the limit is."""
    return translate(
        "votes", "Proxies carrying more than {limit} ballots: the scrutineers check their written proxies."
    ).format(limit=limit)


def ballots_status(shown: int, total: int, void: int) -> str:
    """The ballots list's count."""
    return translate("votes", "{shown} of {total} ballots shown; {void} void").format(
        shown=shown, total=total, void=void
    )


def tab_title(title: str, count: int) -> str:
    """A sub-list's tab, with how many lines it holds."""
    return f"{title} ({count})"


def void_question(serial: str, name: str) -> str:
    """What voiding a ballot asks once more."""
    return translate(
        "votes",
        "Void the ballot {serial} of {name}? It stays on file, marked void with your reason, and "
        "another ballot of this voter can then be entered.",
    ).format(serial=serial, name=name)


def at_text(timestamp: str) -> str:
    """A stored time in local time."""
    return local_time(timestamp)


_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def document_name(what: str, vote_id: int, title: str, suffix: str) -> str:
    """A file name suggested for a vote's document: ``名册 3 使用维修资金.pdf`` (no / : * ? in it)."""
    name = f"{what} {vote_id} {title}".strip()
    return _NOT_IN_NAMES.sub("_", name)[:120] + suffix
