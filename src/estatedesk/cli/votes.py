"""``votes …``: owners' votes and committee elections from the command line (RULES.md §6).

A vote is opened with its roll frozen from the households file; paper ballots are entered by room
or serial (typed, or keyed in a spreadsheet), counted by the vote's rules and printed. Areas in
``--json`` are in 1/100 m² (``area_centi``), as the estate file holds them. A refusal names the
option it is about (``--marks: 王五 is not a candidate of this election``): the services name their
fields, this module tells them as the options that fed them.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from estatedesk.cli.common import (
    EXIT_OK,
    Handler,
    Invocation,
    Subcommands,
    add_command,
    command,
    import_file,
    naming_options,
    opened,
    positive,
)
from estatedesk.domain.errors import ValidationError
from estatedesk.domain.households import format_area, mask_id_number, split_list
from estatedesk.domain.voting import (
    Check,
    ElectionResult,
    MotionResult,
    Tally,
    VoteKind,
    Weight,
    check_percent,
    format_share,
    kind_name,
    rules_text,
)
from estatedesk.services import votes
from estatedesk.services.votes import (
    BallotInput,
    Reading,
    RollVoter,
    TallyReport,
    VoteInput,
    VoteView,
    documents,
)

WORDS = ("votes",)

# The option each service field is typed in, where it is not ``--`` and the field's name.
_FIELD_OPTIONS = {
    "proxy_name": "--proxy",
    "vote": "ID",
}
_KINDS = "|".join(kind.value for kind in VoteKind)
_BALLOTS_USAGE = (
    "%(prog)s [-h] ID [--pdf FILE] [--delivery-pdf FILE]\n"
    "       %(prog)s import ID FILE [--valid-only] [--clerk NAME] [--json]"
)


def register(commands: Subcommands, _imports: Subcommands, _exports: Subcommands) -> None:
    """Add ``votes`` and its commands to the parser; it imports and exports nothing of its own."""
    area = commands.add_parser("votes", help="owners' votes and committee elections: roll, ballots, count")
    words = area.add_subparsers(dest="votes_command", required=True, metavar="COMMAND")
    _register_opening(words)
    _register_ballots(words)
    _register_counting(words)


def _add(words: Subcommands, word: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
    return add_command(words, word, handler, help_text, _FIELD_OPTIONS)


def _vote_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("vote", type=positive, metavar="ID", help="the vote's number (see `votes list`)")


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON (areas in 1/100 m²)")


def _clerk_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--clerk",
        metavar="NAME",
        help="the clerk doing this, as the audit trail and the ballots record it (default: the system user)",
    )


def _register_opening(words: Subcommands) -> None:
    create = _add(
        words, "create", run_create, "open a vote: its rules, and its roll frozen from the households"
    )
    create.add_argument(
        "--title", required=True, metavar="TEXT", help="what is voted on, e.g. 续聘物业服务企业"
    )
    create.add_argument(
        "--kind",
        required=True,
        metavar=_KINDS,
        help="ordinary: > 1/2; major: ≥ 3/4; objection: passes unless objections reach a share;"
        " petition: ≥ 20%% support; election: the committee's members",
    )
    create.add_argument("--seats", type=int, metavar="N", help="an election's seats: 5 to 11, an odd number")
    create.add_argument(
        "--candidates",
        default="",
        metavar="A,B,C",
        help="an election's candidates, owners on the roll (王玥@3-2-501 when two owners share a name)",
    )
    create.add_argument(
        "--participation",
        default="two-thirds",
        metavar="two-thirds|half",
        help="who must take part: ≥ 2/3 of area and heads (Civil Code art. 278, the default),"
        " or more than half (older local rules)",
    )
    create.add_argument(
        "--follow-majority",
        action="store_true",
        help="count non-voters with the majority (从众条款), where the estate's rules say so",
    )
    create.add_argument(
        "--objection-share",
        default="1/3",
        metavar="SHARE",
        help="an objection vote fails when objections reach this share, e.g. 1/3 or 25%% (default 1/3)",
    )
    create.add_argument(
        "--objection-combine",
        default="or",
        metavar="or|and",
        help="an objection vote fails when area or heads reach the share (or, the default), or only both",
    )
    create.add_argument(
        "--double-entry",
        action="store_true",
        help="every ballot is entered twice, by two clerks, before the vote can close",
    )
    create.add_argument(
        "--proxy-limit",
        type=int,
        metavar="N",
        help="ballots one proxy may carry before the count warns (default 3)",
    )
    _clerk_option(create)
    _json_option(create)

    listing = _add(words, "list", run_list, "list the votes, newest first")
    _json_option(listing)

    roll = _add(words, "roll", run_roll, "a vote's frozen roll: voters, their rooms and area, serials")
    _vote_argument(roll)
    roll.add_argument(
        "--pdf", type=Path, metavar="FILE", help="write the roll as a sign-for sheet (签领表) to this PDF"
    )
    roll.add_argument(
        "--xlsx", type=Path, metavar="FILE", help="export the roll to this .xlsx (or .csv) file"
    )
    _json_option(roll)

    owner = _add(
        words,
        "take-owner",
        run_take_owner,
        "put on the roll the owner now recorded for a room that had none when the vote opened",
    )
    _vote_argument(owner)
    owner.add_argument("--room", required=True, metavar="CODE", help="the room, e.g. 3-2-501")
    _clerk_option(owner)
    _json_option(owner)


def _register_ballots(words: Subcommands) -> None:
    ballot = _add(words, "ballot", run_ballot, "enter one paper ballot, by its room or serial")
    _vote_argument(ballot)
    ballot.add_argument("--room", default="", metavar="CODE", help="a room of the voter, e.g. 3-2-501")
    ballot.add_argument(
        "--serial", default="", metavar="S", help="the serial printed on the ballot, e.g. 3-00012-7"
    )
    says = ballot.add_mutually_exclusive_group(required=True)
    says.add_argument(
        "--choice",
        metavar="yes|no|abstain|spoiled",
        help="a motion's answer (in an objection vote, no is an objection); spoiled: a void ballot",
    )
    says.add_argument(
        "--marks", metavar="A,B", help='an election\'s marked candidates ("" for a blank ballot)'
    )
    ballot.add_argument(
        "--proxy", default="", metavar="NAME", help="the proxy who signed, with a written proxy"
    )
    ballot.add_argument("--proxy-id", default="", metavar="ID", help="the proxy's ID card number")
    ballot.add_argument(
        "--second-entry",
        action="store_true",
        help="the second entry of a ballot another clerk entered (votes with --double-entry)",
    )
    _clerk_option(ballot)
    _json_option(ballot)

    void = _add(words, "void", run_void, "take a voter's ballot out of the count, with a reason")
    _vote_argument(void)
    whose = void.add_mutually_exclusive_group(required=True)
    whose.add_argument("--serial", default="", metavar="S", help="the ballot's serial")
    whose.add_argument("--room", default="", metavar="CODE", help="a room of the voter")
    void.add_argument("--reason", required=True, metavar="TEXT", help="why the ballot is voided")
    _clerk_option(void)
    _json_option(void)

    help_text = (
        "print the ballots (or the sign-for sheet for delivering them), or import ballots keyed in a file"
    )
    sheets: argparse.ArgumentParser = words.add_parser(
        "ballots", help=help_text, description=help_text, usage=_BALLOTS_USAGE
    )
    sheets.add_argument("target", metavar="ID|import", help="the vote's number; or import, then ID and FILE")
    sheets.add_argument("rest", nargs="*", metavar="ID FILE", help=argparse.SUPPRESS)
    sheets.add_argument("--pdf", type=Path, metavar="FILE", help="write one ballot per voter to this PDF")
    sheets.add_argument(
        "--delivery-pdf",
        type=Path,
        metavar="FILE",
        help="write the sign-for sheet for delivering the ballots (送达签收表) to this PDF",
    )
    sheets.add_argument(
        "--valid-only", action="store_true", help="import: enter the good rows even when some rows are bad"
    )
    _clerk_option(sheets)
    sheets.add_argument("--json", action="store_true", help="import: print the result as JSON")
    sheets.set_defaults(allow_removals=False, accept_warnings=False)  # a ballots file removes nothing
    # The estate is opened once the words are known to make a command (see run_ballots).
    command(
        sheets, naming_options(functools.partial(run_ballots, sheets), _FIELD_OPTIONS), opens_estate=False
    )


def _register_counting(words: Subcommands) -> None:
    counts = _add(
        words,
        "count",
        run_count,
        "record the scrutineers' counts: ballots issued and ballots found in the box",
    )
    _vote_argument(counts)
    counts.add_argument("--issued", type=int, required=True, metavar="N", help="ballots issued (signed for)")
    counts.add_argument("--found", type=int, required=True, metavar="N", help="ballots found in the box")
    counts.add_argument(
        "--reason",
        default="",
        metavar="TEXT",
        help="why counts recorded before are corrected (required then)",
    )
    _clerk_option(counts)
    _json_option(counts)

    tally = _add(words, "tally", run_tally, "count the ballots by the vote's rules, with the warnings")
    _vote_argument(tally)
    _json_option(tally)

    notice = _add(words, "notice", run_notice, "print the result notice (表决结果公告) to a PDF")
    _vote_argument(notice)
    notice.add_argument("--pdf", required=True, type=Path, metavar="FILE", help="the PDF file to write")

    close = _add(words, "close", run_close, "close a vote: no more ballots, voids or counts")
    _vote_argument(close)
    _clerk_option(close)


# ---------------------------------------------------------------- what the commands share


def _area(centi: int) -> str:
    return f"{format_area(centi)} m²"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _weight(weight: Weight) -> dict[str, int]:
    return {"heads": weight.heads, "area_centi": weight.area_centi}


def _weight_words(weight: Weight) -> str:
    return f"{_count(weight.heads, 'head')}, {_area(weight.area_centi)}"


def _check_words(check: Check) -> str:
    """``heads 8/12 = 66.67% ≥ 2/3 ✓``, ``area 800.00/1200.00 m² = 66.67% ≥ 2/3 ✓``: exact, and met or not."""
    value, whole = (
        (format_area(check.value), f"{format_area(check.whole)} m²")
        if check.measure == "area"
        else (str(check.value), str(check.whole))
    )
    sign = "≥" if check.inclusive else ">"
    mark = "✓" if check.met else "✗"
    return (
        f"{check.measure} {value}/{whole} = {check_percent(check)} {sign} {format_share(check.share)} {mark}"
    )


def _check_json(check: Check) -> dict[str, object]:
    return {
        "measure": check.measure,
        "value": check.value,
        "whole": check.whole,
        "share": format_share(check.share),
        "inclusive": check.inclusive,
        "percent": check_percent(check),
        "met": check.met,
    }


def _voter_json(voter: RollVoter) -> dict[str, object]:
    return {
        "voter": voter.key,
        "rooms": list(voter.rooms),
        "area_centi": voter.area_centi,
        "number": voter.number,
        "name": voter.name,
        "kind": voter.kind.value,
        "serial": voter.serial,
        "can_vote": voter.can_vote,
    }


def _vote_json(view: VoteView) -> dict[str, object]:
    rules = view.rules
    return {
        "vote": view.vote_id,
        "title": view.title,
        "kind": rules.kind.value,
        "seats": rules.seats,
        "candidates": [candidate.name for candidate in view.candidates],
        "participation": rules.participation.value,
        "follow_majority": rules.follow_majority,
        "objection_share": format_share(rules.objection_share),
        "objection_combine": rules.objection_combine.value,
        "double_entry": view.double_entry,
        "proxy_limit": view.proxy_limit,
        "heads": view.heads,
        "area_centi": view.area_centi,
        "ballots": view.ballots,
        "issued": view.issued,
        "found": view.found,
        "opened_at": view.opened_at,
        "opened_by": view.opened_by,
        "closed_at": view.closed_at,
    }


def _state(view: VoteView) -> str:
    return "open" if view.is_open else "closed"


# ---------------------------------------------------------------- opening a vote, its roll


def run_create(run: Invocation) -> int:
    """Open a vote: check its rules, freeze the roll, name the candidates; say the roll's totals."""
    args = run.args
    created = votes.create_vote(
        VoteInput(
            title=args.title,
            kind=args.kind,
            seats=args.seats,
            candidates=tuple(split_list(args.candidates)),
            participation=args.participation,
            follow_majority=args.follow_majority,
            objection_share=args.objection_share,
            objection_combine=args.objection_combine,
            double_entry=args.double_entry,
            proxy_limit=args.proxy_limit,
        )
    )
    if args.json:
        run.say_json(
            {
                "vote": created.vote_id,
                "heads": created.heads,
                "area_centi": created.area_centi,
                "rooms_without_owner": list(created.rooms_without_owner),
            }
        )
        return EXIT_OK
    view = votes.vote_view(created.vote_id)
    run.say(f"opened vote {created.vote_id}: {view.title} ({kind_name(view.kind, chinese=False)})")
    run.say(f"rules: {rules_text(view.rules, chinese=False)}")
    if view.candidates:
        run.say(f"candidates: {', '.join(candidate.name for candidate in view.candidates)}")
    run.say(f"roll frozen: {_count(created.heads, 'head')}, {_area(created.area_centi)}")
    if rooms := created.rooms_without_owner:
        run.say(f"{_count(len(rooms), 'room')} with no recorded owner cannot vote: {', '.join(rooms)}")
    return EXIT_OK


def run_list(run: Invocation) -> int:
    """List the votes, newest first."""
    found = votes.list_votes()
    if run.args.json:
        run.say_json([_vote_json(view) for view in found])
        return EXIT_OK
    if not found:
        run.say("no votes yet: open one with `estatedesk votes create`")
    for view in found:
        counts = "" if view.issued is None else f", {view.issued} issued, {view.found} found"
        run.say(
            f"{view.vote_id}: {view.title} ({kind_name(view.kind, chinese=False)}, {_state(view)}):"
            f" {_count(view.heads, 'head')}, {_area(view.area_centi)}, {_count(view.ballots, 'ballot')}"
            f" entered{counts}"
        )
    return EXIT_OK


def run_roll(run: Invocation) -> int:
    """Show a vote's frozen roll, or write it as a sign-for sheet (PDF) or a spreadsheet."""
    args = run.args
    roll = votes.roll(args.vote)
    if args.pdf is not None:
        count = documents.print_roll(args.vote, args.pdf)
        if not args.json:
            run.say(f"wrote the sign-for sheet of {_count(count, 'voter')} to {args.pdf}")
    if args.xlsx is not None:
        count = votes.export_roll(args.vote, args.xlsx)
        if not args.json:
            run.say(f"exported {_count(count, 'voter')} to {args.xlsx}")
    if args.json:
        run.say_json(
            {
                "heads": roll.heads,
                "area_centi": roll.area_centi,
                "voters": [_voter_json(voter) for voter in roll.voters],
            }
        )
        return EXIT_OK
    if args.pdf is not None or args.xlsx is not None:
        return EXIT_OK
    for voter in roll.voters:
        who = voter.name or "(no recorded owner: cannot vote)"
        run.say(f"{voter.serial}  {who}: {', '.join(voter.rooms)}, {_area(voter.area_centi)}")
    run.say(f"{_count(roll.heads, 'head')}, {_area(roll.area_centi)}")
    return EXIT_OK


# ---------------------------------------------------------------- entering ballots


def run_ballot(run: Invocation) -> int:
    """Enter one ballot (or its second entry); a voter's second ballot is refused."""
    args = run.args
    if not args.room.strip() and not args.serial.strip():
        raise ValidationError("--room", "give the ballot's room (--room) or its serial (--serial)")
    marks: Sequence[str] = () if args.marks is None else tuple(split_list(args.marks))
    entered = votes.enter_ballot(
        BallotInput(
            vote_id=args.vote,
            serial=args.serial,
            room=args.room,
            choice=args.choice or "",
            marks=marks,
            proxy_name=args.proxy,
            proxy_id=args.proxy_id,
            second_entry=args.second_entry,
        )
    )
    voter = votes.find_voter(args.vote, serial=entered.serial)
    if args.json:
        run.say_json(
            {
                "entry": entered.entry_id,
                "vote": args.vote,
                "serial": entered.serial,
                "voter": voter.key,
                "name": entered.voter_name,
                "rooms": list(voter.rooms),
                "void": entered.void,
                "second_entry": args.second_entry,
                "agrees": entered.agrees,
            }
        )
        return EXIT_OK
    says = (args.choice or "").strip() or ", ".join(marks) or "no candidate marked"
    whose = f"ballot {entered.serial} of {entered.voter_name} ({', '.join(voter.rooms)})"
    if args.second_entry:
        if entered.agrees:
            run.say(f"second entry of {whose}: {says}, agrees with the first")
        else:
            run.say(f"second entry of {whose}: {says}, DIFFERS from the first: check the paper ballot")
            for differing in votes.disagreements(args.vote):
                if differing.serial == entered.serial:
                    run.say(f"  first ({differing.first_actor}): {_reading_words(differing.first)}")
                    run.say(f"  second ({differing.second_actor}): {_reading_words(differing.second)}")
    else:
        run.say(f"entered {whose}: {says}")
    if entered.void:
        run.say("the ballot is void: its voter takes part, it counts for no one")
    return EXIT_OK


def run_take_owner(run: Invocation) -> int:
    """Give a room's voter the owner the households file now records; it may vote from then on."""
    voter = votes.take_recorded_owner(run.args.vote, run.args.room)
    if run.args.json:
        run.say_json(
            {"voter": voter.key, "name": voter.name, "rooms": list(voter.rooms), "serial": voter.serial}
        )
    else:
        run.say(f"room {', '.join(voter.rooms)} may now vote: {voter.name} (serial {voter.serial})")
    return EXIT_OK


def run_void(run: Invocation) -> int:
    """Take a voter's live ballot out of the count; the ballot stays on file."""
    args = run.args
    voided = votes.void_ballot(args.vote, args.serial, args.room, args.reason)
    if args.json:
        run.say_json(
            {
                "entry": voided.entry_id,
                "serial": voided.serial,
                "name": voided.voter_name,
                "reason": voided.reason,
            }
        )
        return EXIT_OK
    run.say(f"ballot {voided.serial} of {voided.voter_name} is void: {voided.reason}")
    return EXIT_OK


def run_ballots(parser: argparse.ArgumentParser, run: Invocation) -> int:
    """``ballots ID --pdf/--delivery-pdf``: print; ``ballots import ID FILE``: enter a keyed file.

    The words are checked as argparse would (a usage error, exit 2) before the estate is opened.
    """
    args = run.args
    importing = args.target == "import"
    if importing:
        if len(args.rest) != 2:
            parser.error("import needs the vote's ID and the FILE: votes ballots import ID FILE")
        if args.pdf is not None or args.delivery_pdf is not None:
            parser.error("--pdf and --delivery-pdf print ballots: they do not go with import")
        vote_id = _vote_id(parser, args.rest[0])
        args.file = Path(args.rest[1])
    else:
        vote_id = _vote_id(parser, args.target)
        if args.rest:
            parser.error(f"unrecognized arguments: {' '.join(args.rest)}")
        if args.pdf is None and args.delivery_pdf is None:
            parser.error("give --pdf FILE, --delivery-pdf FILE, or both (or import ID FILE)")
        if args.valid_only or args.json:
            parser.error("--valid-only and --json go with import")
    with opened(run.db_path) as run.estate:
        if importing:
            return import_file(run, votes.ballots_sheet(vote_id), noun="ballots")
        if args.pdf is not None:
            count = documents.print_ballots(vote_id, args.pdf)
            run.say(f"wrote {_count(count, 'ballot')} to {args.pdf}")
        if args.delivery_pdf is not None:
            count = documents.print_delivery_sheet(vote_id, args.delivery_pdf)
            run.say(f"wrote the delivery sign-for sheet of {_count(count, 'voter')} to {args.delivery_pdf}")
    return EXIT_OK


def _vote_id(parser: argparse.ArgumentParser, text: str) -> int:
    try:
        return positive(text)
    except (ValueError, argparse.ArgumentTypeError):
        parser.error(f"argument ID: invalid vote number: {text!r}")


# ---------------------------------------------------------------- counting


def run_count(run: Invocation) -> int:
    """Record the scrutineers' counts of ballots issued and found."""
    args = run.args
    view = votes.record_counts(args.vote, args.issued, args.found, args.reason)
    if args.json:
        run.say_json({"vote": view.vote_id, "issued": view.issued, "found": view.found})
        return EXIT_OK
    run.say(f"vote {view.vote_id}: {_count(args.issued, 'ballot')} issued, {args.found} found in the box")
    if view.issued is not None and view.found is not None and view.found > view.issued:
        run.say("more ballots were found than issued: the count is void")
    return EXIT_OK


def run_tally(run: Invocation) -> int:
    """Count the ballots by the vote's rules: participation, each result, the outcome, the warnings."""
    report = votes.count(run.args.vote)
    if run.args.json:
        run.say_json(_tally_json(report))
        return EXIT_OK
    for line in _tally_lines(report):
        run.say(line)
    return EXIT_OK


def _tally_json(report: TallyReport) -> dict[str, object]:
    tally = report.tally
    result: dict[str, Any] | None = None
    if tally.motion is not None:
        motion = tally.motion
        result = {
            "yes": _weight(motion.yes),
            "no": _weight(motion.no),
            "abstain": _weight(motion.abstain),
            "passed": motion.passed,
            "spoiled": _weight(motion.spoiled),
            "followers": _weight(motion.followers),
            "checks": [_check_json(check) for check in motion.checks],
        }
    elif tally.election is not None:
        election = tally.election
        result = {
            "candidates": [
                {
                    "name": candidate.name,
                    "heads": candidate.votes.heads,
                    "area_centi": candidate.votes.area_centi,
                    "elected": candidate.elected,
                    "majority": candidate.majority,
                }
                for candidate in election.candidates
            ],
            "tie": list(election.tie),
            "open_seats": election.open_seats,
        }
    return {
        "rules": rules_text(tally.rules, chinese=False),
        "heads": tally.totals.heads,
        "area_centi": tally.totals.area_centi,
        "participation": {
            "heads": tally.participation.heads,
            "area_centi": tally.participation.area_centi,
            "met": tally.participation_met,
            "checks": [_check_json(check) for check in tally.participation_checks],
        },
        "void_ballots": tally.void_ballots,
        "result": result,
        "count_void": tally.count_void,
        "vote": report.vote.vote_id,
        "title": report.vote.title,
        "kind": report.vote.kind.value,
        "closed": not report.vote.is_open,
        "entered": report.entered,
        "issued": report.vote.issued,
        "found": report.vote.found,
        "warnings": list(report.warnings),
        "disagreements": [
            {
                "serial": differing.serial,
                "name": differing.voter_name,
                "first": _reading_words(differing.first),
                "second": _reading_words(differing.second),
                "first_clerk": differing.first_actor,
                "second_clerk": differing.second_actor,
            }
            for differing in report.disagreements
        ],
    }


def _reading_words(reading: Reading) -> str:
    """What one entry read on a paper ballot, as the command line says it (the proxy's ID masked)."""
    said = reading.answer
    if reading.proxy_name:
        proxy_id = f" {mask_id_number(reading.proxy_id)}" if reading.proxy_id else ""
        said += f", proxy {reading.proxy_name}{proxy_id}"
    return said


def _tally_lines(report: TallyReport) -> list[str]:
    tally = report.tally
    vote = report.vote
    lines = [
        f"vote {vote.vote_id}: {vote.title} ({kind_name(vote.kind, chinese=False)}, {_state(vote)})",
        f"rules: {rules_text(tally.rules, chinese=False)}",
        f"roll: {_weight_words(tally.totals)}",
    ]
    entered = f"ballots entered: {report.entered}, void: {tally.void_ballots}"
    if vote.issued is not None:
        entered += f"; issued: {vote.issued}, found in the box: {vote.found}"
    lines.append(entered)
    if tally.participation_checks:
        checks = "; ".join(_check_words(check) for check in tally.participation_checks)
        lines.append(f"participation: {checks}: {'met' if tally.participation_met else 'NOT met'}")
    else:
        lines.append(f"participation: {_weight_words(tally.participation)} (no participation threshold)")
    if tally.count_void:
        lines.append(
            f"result: none: {vote.found} ballots were found in the box but only {vote.issued}"
            " were issued, so the count is void"
        )
    elif tally.motion is not None:
        lines.extend(_motion_lines(tally, tally.motion))
    elif tally.election is not None:
        lines.extend(_election_lines(tally.election, tally.participation_met))
    if report.warnings:
        lines.append("warnings:")
        lines.extend(f"  {warning}" for warning in report.warnings)
    for differing in report.disagreements:
        lines.append(
            f"  entered differently: {differing.serial} {differing.voter_name}:"
            f" {_reading_words(differing.first)} ({differing.first_actor})"
            f" / {_reading_words(differing.second)} ({differing.second_actor})"
        )
    return lines


def _motion_lines(tally: Tally, motion: MotionResult) -> list[str]:
    kind = tally.rules.kind
    lines = [
        f"{word}: {_weight_words(weight)}"
        for word, weight in (
            ("yes", motion.yes),
            ("no", motion.no),
            ("abstain", motion.abstain),
            ("spoiled", motion.spoiled),
        )
    ]
    if motion.followers.heads or motion.followers.area_centi:
        lines.append(
            f"non-voters counted with the majority (in yes or no above): {_weight_words(motion.followers)}"
        )
    checks = "; ".join(_check_words(check) for check in motion.checks)
    if kind is VoteKind.OBJECTION:
        lines.append(f"objections ({tally.rules.objection_combine.value}): {checks}")
        why = "" if motion.passed else " (the objections reached the threshold)"
    elif kind is VoteKind.PETITION:
        lines.append(f"support: {checks}")
        why = "" if motion.passed else " (support did not reach 20% of area and of heads)"
    else:
        lines.append(f"approval: {checks}")
        why = "" if motion.passed or tally.participation_met else " (participation not met)"
    lines.append(f"result: {'PASSED' if motion.passed else 'NOT PASSED'}{why}")
    return lines


def _election_lines(election: ElectionResult, participation_met: bool) -> list[str]:
    lines = []
    for place, candidate in enumerate(election.candidates, start=1):
        checks = "; ".join(_check_words(check) for check in candidate.checks)
        outcome = "ELECTED" if candidate.elected else "not elected"
        lines.append(f"{place}. {candidate.name}: {_weight_words(candidate.votes)}: {checks}: {outcome}")
    if election.tie:
        lines.append(f"tie for the last seat: {', '.join(election.tie)}: a further vote decides it")
    elected = [candidate.name for candidate in election.candidates if candidate.elected]
    why = "" if participation_met else " (participation not met)"
    lines.append(f"result: elected {', '.join(elected) or 'no one'}{why}; open seats: {election.open_seats}")
    return lines


# ---------------------------------------------------------------- printing and closing


def run_notice(run: Invocation) -> int:
    """Write the result notice of a vote to a PDF."""
    documents.print_notice(run.args.vote, run.args.pdf)
    run.say(f"wrote the result notice of vote {run.args.vote} to {run.args.pdf}")
    return EXIT_OK


def run_close(run: Invocation) -> int:
    """Close a vote; refused while its double entry is unfinished."""
    view = votes.close_vote(run.args.vote)
    run.say(f"closed vote {view.vote_id}: {_count(view.ballots, 'ballot')} entered")
    if view.issued is None:
        run.say("note: the scrutineers' counts of ballots issued and found were never recorded")
    return EXIT_OK
