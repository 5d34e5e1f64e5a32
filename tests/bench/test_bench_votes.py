"""Owners' votes figures (issue 8): a roll of 20,000 voters, their ballots, the count, the tab.

The big estate: a demo of 20,700 households without fees (2,000 with ESTATEDESK_BENCH_QUICK=1): a
few owners hold two rooms, so its roll has just over 20,000 voters (the figure's name says how
many). Each ballot is entered through ``services.votes.enter_ballot``, one transaction a ballot,
as at the counting table; then ``count`` tallies them, and ``verify`` walks their chain.

Targets, printed and never asserted:
  a. opening a vote, its roll frozen: ≤ 1 s;
  b. 20,000 ballots entered through the service: ≤ 10 s. A sample of 200 is entered one call
     (one transaction) each, as at the counting table: its median is printed; each commit folds
     the journal into the file, an fsync that costs what this disk costs. The rest are entered
     in one ``enter_ballots`` call, each checked by the same desk: that is the figure.
  c. the count: ≤ 1 s (a motion, and an election of 9 candidates for 7 seats);
  d. the votes tab's first paint: ≤ 300 ms (and each other page of it, shown the first time).
The printed documents of the whole roll are timed too (ballots on a sample of 200 voters).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -s -m bench tests/bench/test_bench_votes.py
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from estatedesk.services import demo, votes
from estatedesk.services import estate as estates
from estatedesk.services.estate import Estate
from estatedesk.services.votes import BallotInput, VoteInput
from helpers.bench import open_in_window, tab_index

QUICK = os.environ.get("ESTATEDESK_BENCH_QUICK") == "1"
HOUSEHOLDS = 2_000 if QUICK else 20_700
CHOICES = ("yes", "yes", "yes", "no", "abstain")
CANDIDATES = 9
SAMPLE = 200  # ballots entered one call each
SEATS = 7

Report = Callable[..., None]
pytestmark = pytest.mark.bench


@pytest.fixture(scope="module")
def big_estate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Estate]:
    """The demo estate of HOUSEHOLDS households, no fee ledger."""
    path = tmp_path_factory.mktemp("votes") / "votes.sqlite3"
    opened = estates.create_estate(path, "投票测试小区")
    demo.generate(HOUSEHOLDS, seed=8, with_fees=False)
    yield opened
    opened.close()


def test_roll_ballots_and_count(big_estate: Estate, bench_report: Report, tmp_path: Path) -> None:
    """Freeze the roll, enter a ballot for every voter who can vote, count, verify, print."""
    start = time.perf_counter()
    created = votes.create_vote(VoteInput("关于续聘物业服务企业的决定", "ordinary"))
    frozen = time.perf_counter() - start
    voters = [voter for voter in votes.roll(created.vote_id).voters if voter.can_vote]
    size = f"{len(voters)}_voters"
    bench_report(f"votes_roll_frozen_{size}", frozen)

    # One call a ballot, as at the counting table: each commit folds the journal into the file
    # (an fsync), so the figure is this disk's; a sample gives the median and its total.
    each = []
    sample, rest = voters[:SAMPLE], voters[SAMPLE:]
    for number, voter in enumerate(sample):
        began = time.perf_counter()
        votes.enter_ballot(BallotInput(created.vote_id, serial=voter.serial, choice=CHOICES[number % 5]))
        each.append(time.perf_counter() - began)
    bench_report(f"votes_one_ballot_median_{size}", statistics.median(each))
    bench_report(f"votes_ballots_one_by_one_{len(sample)}", sum(each))
    # The rest as a batch keyed in at once (a spreadsheet of ballots, or the entry desk's queue):
    # the same checks for each, one transaction.
    start = time.perf_counter()
    entered = votes.enter_ballots(
        [
            BallotInput(created.vote_id, serial=voter.serial, choice=CHOICES[number % 5])
            for number, voter in enumerate(rest, start=len(sample))
        ]
    )
    bench_report(f"votes_ballots_entered_{len(entered)}", time.perf_counter() - start)

    start = time.perf_counter()
    report = votes.count(created.vote_id)
    bench_report(f"votes_count_motion_{size}", time.perf_counter() - start)
    assert report.entered == len(voters) and report.tally.participation_met

    start = time.perf_counter()
    verified = estates.verify_ballots(big_estate)
    bench_report(f"votes_verify_{size}", time.perf_counter() - start)
    assert verified.ok and verified.entries == len(voters) + 1  # with the vote's opening

    start = time.perf_counter()
    votes.print_roll(created.vote_id, tmp_path / "roll.pdf")
    bench_report(f"votes_roll_pdf_{size}", time.perf_counter() - start)
    start = time.perf_counter()
    votes.print_notice(created.vote_id, tmp_path / "notice.pdf")
    bench_report(f"votes_notice_pdf_{size}", time.perf_counter() - start)


def test_election_count(big_estate: Estate, bench_report: Report, tmp_path: Path) -> None:
    """An election of 9 candidates for 7 seats, every voter marking up to 8 of them (some void)."""
    roll = votes.roll(votes.create_vote(VoteInput("候选人名单", "ordinary")).vote_id).voters
    typed: list[str] = []
    for voter in roll:  # each named with a room of theirs: some owners share a name
        name = voter.name.split("、")[0]
        if voter.can_vote and voter.kind == "owner" and not any(t.startswith(f"{name}@") for t in typed):
            typed.append(f"{name}@{voter.rooms[0]}")
        if len(typed) == CANDIDATES:
            break
    election = VoteInput("业主委员会换届选举", "election", seats=SEATS, candidates=typed)
    vote_id = votes.create_vote(election).vote_id
    names = [candidate.name for candidate in votes.vote_view(vote_id).candidates]
    voters = [voter for voter in votes.roll(vote_id).voters if voter.can_vote]
    size = f"{len(voters)}_voters"
    sheet = tmp_path / "ballots.csv"
    rows = ["票号,所选候选人"] + [
        f"{voter.serial},{'、'.join(names[number % 3 : number % 3 + 5 + number % 4])}"
        for number, voter in enumerate(voters)
    ]
    sheet.write_text("\n".join(rows), encoding="utf-8")
    from estatedesk.services import interchange

    start = time.perf_counter()
    previewed = interchange.preview(votes.ballots_sheet(vote_id), sheet)
    result = interchange.run_import(previewed)
    bench_report(f"votes_ballots_imported_{size}", time.perf_counter() - start)
    assert result.written and not result.errors

    start = time.perf_counter()
    report = votes.count(vote_id)
    bench_report(f"votes_count_election_{size}", time.perf_counter() - start)
    assert report.tally.election is not None and report.tally.void_ballots > 0

    sample = 200
    start = time.perf_counter()
    document = votes.documents.ballot_document(vote_id)
    from estatedesk.reports.ballot import write_ballots  # the sample only: the service prints them all

    write_ballots(replace(document, voters=document.voters[:sample]), tmp_path / "b.pdf")
    bench_report(f"votes_ballots_pdf_per_{sample}", time.perf_counter() - start)


def test_votes_tab_first_paint(qapp: object, big_estate: Estate, bench_report: Report) -> None:
    """The window opens the big estate (households tab first, as at start), then shows the votes tab."""
    from estatedesk.gui.tabs.votes import VotesTab

    path = big_estate.path
    big_estate.close()  # one program at a time has the file open
    window, _opening = open_in_window(qapp, path)
    index = tab_index(window, VotesTab)
    start = time.perf_counter()
    window.tabs.setCurrentIndex(index)
    page = window.tabs.currentWidget()
    page.repaint()
    bench_report(f"votes_tab_first_paint_{HOUSEHOLDS}_households", time.perf_counter() - start)
    tab = window.tab(VotesTab)
    for row, vote_page in enumerate(tab.pages):
        if vote_page is tab.current_page():
            continue
        start = time.perf_counter()
        tab.page_list.setCurrentRow(row)
        qapp.processEvents()  # type: ignore[attr-defined]
        vote_page.repaint()
        bench_report(f"votes_page_{vote_page.key}_shown_{HOUSEHOLDS}_households", time.perf_counter() - start)
    window.close()
