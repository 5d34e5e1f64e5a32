"""A vote's printed documents: ballots, their delivery sheet, the roll to sign, the result notice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from estatedesk.domain.voting import VoteKind, Voter, rules_text
from estatedesk.reports.ballot import BallotDocument, BallotVoter, write_ballots, write_delivery_sheet
from estatedesk.reports.vote_notice import VoteNoticeDocument, write_vote_notice
from estatedesk.reports.voter_roll import VoterRollDocument, write_voter_roll
from estatedesk.services.votes.counting import count
from estatedesk.services.votes.opening import roll, vote_view
from estatedesk.services.votes.records import TallyReport
from estatedesk.store.sql import estate_name


def ballot_document(vote_id: int) -> BallotDocument:
    """The ballots of a vote: one for each voter who can vote, in roll order."""
    view = vote_view(vote_id, with_ballots=False)
    election = view.kind is VoteKind.ELECTION
    return BallotDocument(
        estate_name=estate_name(),
        vote_title=view.title,
        kind=view.kind,
        rules_text=rules_text(view.rules),
        voters=tuple(
            BallotVoter(voter.serial, voter.name, voter.rooms, voter.area_centi)
            for voter in roll(vote_id).voters
            if voter.can_vote
        ),
        seats=view.rules.seats if election else None,
        candidates=tuple(candidate.name for candidate in view.candidates) if election else (),
    )


def print_ballots(vote_id: int, path: Path) -> int:
    """Write the vote's ballots (one page a voter, serial and QR code) to a PDF; return how many."""
    document = ballot_document(vote_id)
    write_ballots(document, path)
    return len(document.voters)


def print_delivery_sheet(vote_id: int, path: Path) -> int:
    """Write the sheet on which each voter signs for their ballot; return how many voters it lists."""
    document = ballot_document(vote_id)
    write_delivery_sheet(document, path)
    return len(document.voters)


def print_roll(vote_id: int, path: Path, on: date | None = None) -> int:
    """Write the frozen roll as a sign-for sheet (voter, rooms, area, signature); return how many voters."""
    view = vote_view(vote_id, with_ballots=False)
    voters = tuple(
        Voter(voter.number, voter.key, voter.name, voter.kind, voter.rooms, voter.area_centi)
        for voter in roll(vote_id).voters
    )
    write_voter_roll(VoterRollDocument(estate_name(), view.title, voters, on), path)
    return len(voters)


def notice_warnings(report: TallyReport) -> tuple[str, ...]:
    """What a notice must say beside the result, in Chinese: counts missing or differing, double entry."""
    said = []
    vote = report.vote
    for before, after in zip(report.counts, report.counts[1:], strict=False):
        said.append(
            f"监票人清点票数曾更正：发出 {before.issued} 张、收回 {before.found} 张 →"
            f" 发出 {after.issued} 张、收回 {after.found} 张（原因：{after.reason}）"
        )
    if vote.issued is None or vote.found is None:
        said.append("监票人尚未录入发出和收回的选票张数")
    elif vote.found != report.entered and not report.tally.count_void:
        said.append(f"已录入 {report.entered} 张选票，与票箱收回的 {vote.found} 张不符")
    if report.rooms_without_owner:
        said.append(f"{len(report.rooms_without_owner)} 套房屋未登记业主，计入总数但未能投票")
    if report.unchecked:
        said.append(f"尚有 {report.unchecked} 张选票未经第二次录入核对")
    if report.disagreements:
        said.append(f"有 {len(report.disagreements)} 张选票两次录入不一致，须对照纸质选票核实")
    return tuple(said)


def print_notice(vote_id: int, path: Path, on: date | None = None) -> None:
    """Write the result notice (表决结果公告 / 选举结果公告) of the count as it stands."""
    report = count(vote_id)
    view = report.vote
    write_vote_notice(
        VoteNoticeDocument(
            estate_name=estate_name(),
            vote_title=view.title,
            rules=view.rules,
            rules_text=rules_text(view.rules),
            tally=report.tally,
            issued=view.issued,
            found=view.found,
            announced_on=on or date.today(),
            warnings=notice_warnings(report),
            provisional=view.is_open,
        ),
        path,
    )
