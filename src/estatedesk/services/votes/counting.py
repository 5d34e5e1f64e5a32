"""Counting a vote: its live ballots against its rules, with everything the scrutineers must see."""

from __future__ import annotations

from dataclasses import replace

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, ValidationError
from estatedesk.domain.voting import Choice, CountedBallot, Weight, tally
from estatedesk.services.changes import Records, writing
from estatedesk.services.votes.ballots import disagreements, heavy_proxies, unchecked_count
from estatedesk.services.votes.opening import LIVE_BALLOTS, count_records, open_vote, vote_view
from estatedesk.services.votes.records import TallyReport, VoteView
from estatedesk.store import audit, ballots
from estatedesk.store.audit import current_actor, now_utc
from estatedesk.store.ballots import BallotRecord
from estatedesk.store.sql import execute


def count(vote_id: int) -> TallyReport:
    """The vote's count now: participation, results against each threshold, and the warnings."""
    vote = vote_view(vote_id)
    counted = [
        CountedBallot(
            Weight(1, int(area)),
            Choice(choice) if choice else None,
            tuple(int(part) for part in marks.split(",")) if marks else (),
        )
        for area, choice, marks in execute(
            f"""SELECT v.area_centi, b.choice, b.marks FROM ({LIVE_BALLOTS}) AS b
                JOIN vote_voter AS v ON v.vote_id = b.vote_id AND v.number = b.voter_number""",
            (vote_id,),
        )
    ]
    cannot_vote = execute(
        "SELECT COUNT(*), COALESCE(SUM(area_centi), 0) FROM vote_voter"
        " WHERE vote_id = ? AND kind = 'no_owner'",
        (vote_id,),
    ).fetchone()
    totals = Weight(vote.heads, vote.area_centi)
    result = tally(
        vote.rules,
        totals,
        counted,
        [candidate.name for candidate in vote.candidates],
        vote.issued,
        vote.found,
        totals - Weight(int(cannot_vote[0]), int(cannot_vote[1])),
    )
    without_owner = tuple(
        str(row[0])
        for row in execute(
            """SELECT r.code FROM vote_voter AS v
               JOIN vote_room AS r ON r.vote_id = v.vote_id AND r.voter_number = v.number
               WHERE v.vote_id = ? AND v.kind = 'no_owner' ORDER BY v.number""",
            (vote_id,),
        )
    )
    unchecked = unchecked_count(vote_id) if vote.double_entry else 0
    differing = tuple(disagreements(vote_id)) if vote.double_entry else ()
    proxies = tuple(heavy_proxies(vote_id))
    counts = tuple(count_records(vote_id))
    report = TallyReport(vote, result, len(counted), unchecked, differing, proxies, without_owner, counts)
    return replace(report, warnings=tuple(warnings(report)))


def warnings(report: TallyReport) -> list[str]:
    """What the scrutineers must look at before a result is announced (English, for the command line)."""
    vote = report.vote
    said = []
    if report.tally.count_void:
        said.append(
            f"{vote.found} ballots were found in the box but only {vote.issued} were issued:"
            " the count is void"
        )
    for before, after in zip(report.counts, report.counts[1:], strict=False):
        said.append(
            f"the scrutineers' counts were corrected by {after.actor}: issued {before.issued},"
            f" found {before.found} → issued {after.issued}, found {after.found} ({after.reason})"
        )
    if vote.issued is None or vote.found is None:
        said.append("the scrutineers have not recorded the ballots issued and found")
    elif vote.found != report.entered:
        said.append(
            f"{_count(report.entered, 'ballot')} {'is' if report.entered == 1 else 'are'} entered"
            f" but {vote.found} {'was' if vote.found == 1 else 'were'} found in the box"
        )
    if rooms := report.rooms_without_owner:
        listed = ", ".join(rooms[:10]) + (" …" if len(rooms) > 10 else "")
        said.append(
            f"{_count(len(rooms), 'room')} {'has' if len(rooms) == 1 else 'have'} no recorded owner"
            f" and cannot vote: {listed}"
        )
    if report.unchecked:
        said.append(
            f"{_count(report.unchecked, 'ballot')} {'has' if report.unchecked == 1 else 'have'}"
            " no second entry yet"
        )
    if differing := len(report.disagreements):
        said.append(
            f"{_count(differing, 'ballot')} {'was' if differing == 1 else 'were'} entered differently twice:"
            " check the paper"
        )
    for proxy in report.proxies:
        said.append(
            f"proxy {proxy.proxy_name} carries {proxy.ballots} ballots (more than {vote.proxy_limit}):"
            f" {', '.join(proxy.serials)}"
        )
    return said


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def close_vote(vote_id: int) -> VoteView:
    """Close a vote: no more ballots, voids or counts. Refused while double entry is unfinished."""
    open_vote(vote_id)
    vote = vote_view(vote_id)
    if vote.double_entry:
        unchecked = unchecked_count(vote_id)
        differing = [disagreement.serial for disagreement in disagreements(vote_id)]
        if unchecked or differing:
            raise InputRejected(
                [
                    ValidationError(
                        "vote",
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "double entry is not finished: {unchecked} ballots without a second entry,"
                            " {differing} entered differently{serials}",
                        ),
                        unchecked=unchecked,
                        differing=len(differing),
                        serials=f" ({', '.join(differing[:20])})" if differing else "",
                    )
                ]
            )
    with writing(Records.VOTES):
        execute(
            "UPDATE vote SET closed_at = ?, closed_by = ? WHERE id = ?", (now_utc(), current_actor(), vote_id)
        )
        ballots.append([BallotRecord("close", vote_id)])
        audit.record("close", "vote", vote_id, after={"ballots": vote.ballots})
    return vote_view(vote_id)
