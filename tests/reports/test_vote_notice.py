"""The result notice (reports/vote_notice.py): exact shares, ≥ and >, ties, open seats, a void count."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from estatedesk.domain.errors import FileNotWritten
from estatedesk.domain.voting import (
    Choice,
    Combine,
    CountedBallot,
    Tally,
    VoteKind,
    VoteRules,
    Weight,
    rules_text,
    tally,
)
from estatedesk.reports.vote_notice import VOID_COUNT, VoteNoticeDocument, write_vote_notice

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason=".ci/run installs poppler")

CANDIDATES = ("王玥", "李喆", "张堃", "欧阳娜娜", "赵敏", "周芷若", "陈家洛", "霍青桐", "司马相如")
MATTER = "关于使用专项维修资金更换3号楼电梯的决定"
ELECTION = VoteRules(VoteKind.ELECTION, seats=7)
TOTALS = Weight(120, 1102000)  # 120 voters, 11,020.00 ㎡
ANNOUNCED = date(2027, 3, 20)
RULES_TEXT = re.sub(r"\s+", "", rules_text(ELECTION))


def marked(count: int, marks: tuple[int, ...], area: int = 9000) -> list[CountedBallot]:
    return [CountedBallot(Weight(1, area), marks=marks) for _ in range(count)]


def answered(count: int, choice: Choice, area: int = 9000) -> list[CountedBallot]:
    return [CountedBallot(Weight(1, area), choice=choice) for _ in range(count)]


def notice(
    rules: VoteRules,
    counted: Tally,
    issued: int | None = 120,
    found: int | None = 90,
    warnings: tuple[str, ...] = (),
    title: str = "第二届业主委员会委员选举",
) -> VoteNoticeDocument:
    return VoteNoticeDocument(
        "幸福里小区", title, rules, rules_text(rules), counted, issued, found, ANNOUNCED, warnings
    )


def texts(document: VoteNoticeDocument, tmp_path: Path) -> list[str]:
    """Each page's text, without the spaces pdftotext puts (or not) between Chinese characters."""
    path = tmp_path / "公告.pdf"
    write_vote_notice(document, path)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


def tied_election() -> Tally:
    """Five candidates with every vote, 周芷若 with 80; 陈家洛 and 霍青桐 level at 50 for the last seat."""
    ballots = (
        marked(40, (0, 1, 2, 3, 4, 5, 6))
        + marked(40, (0, 1, 2, 3, 4, 5, 7))
        + marked(10, (0, 1, 2, 3, 4, 6, 7))
    )
    return tally(ELECTION, TOTALS, ballots, CANDIDATES, issued=120, found=90)


@needs_pdftotext
def test_an_election_ranks_the_candidates_and_reports_the_tie(tmp_path: Path) -> None:
    (page,) = texts(notice(ELECTION, tied_election()), tmp_path)
    assert "幸福里小区" in page and "选举结果公告" in page and "第二届业主委员会委员选举" in page
    assert "依据：" + RULES_TEXT in page
    assert "公告日期：2027年03月20日" in page
    assert "总人数120人，总面积11,020.00㎡" in page
    assert "发出选票120张，收回90张" in page
    assert "参与面积占总面积：8,100.00/11,020.00㎡=73.50%≥2/3，达到" in page
    assert "参与人数占总人数：90/120人=75.00%≥2/3，达到" in page
    for title in ("名次", "候选人", "得票人数", "得票面积（㎡）", "人数占比", "面积占比", "过半数", "当选"):
        assert title in page
    assert "1王玥908,100.00100.00%100.00%是当选" in page
    assert "6周芷若807,200.0088.89%88.89%是当选" in page
    assert "7陈家洛504,500.0055.56%55.56%是并列待定" in page
    assert "7霍青桐504,500.0055.56%55.56%是并列待定" in page
    assert "9司马相如00.000.00%0.00%否" in page
    assert "当选委员（6名，按得票排序）：王玥、李喆、张堃、欧阳娜娜、赵敏、周芷若" in page
    assert "陈家洛、霍青桐得票相同，需另行投票确定第7个席位" in page
    assert "席位空缺" not in page  # the seat is not empty: it waits for the further vote
    assert "废票0张" in page


@needs_pdftotext
def test_seats_without_a_majority_stay_open_and_void_ballots_are_counted(tmp_path: Path) -> None:
    ballots = (
        marked(50, (0, 1, 2, 3, 4, 5)) + marked(40, (0, 1, 2, 3, 4, 6)) + marked(3, (0, 1, 2, 3, 4, 5, 6, 7))
    )
    counted = tally(ELECTION, TOTALS, ballots, CANDIDATES, issued=120, found=93)
    (page,) = texts(notice(ELECTION, counted, found=93), tmp_path)
    assert "废票3张" in page
    assert "7陈家洛403,600.0043.01%43.01%否" in page  # 40 of 93: no majority
    assert "当选委员（6名，按得票排序）：王玥、李喆、张堃、欧阳娜娜、赵敏、周芷若" in page
    assert "尚有1个席位空缺" in page
    assert "得票相同" not in page


@needs_pdftotext
def test_no_one_is_elected_when_too_few_take_part(tmp_path: Path) -> None:
    counted = tally(ELECTION, TOTALS, marked(79, (0, 1, 2)), CANDIDATES)  # 79 of 120: below 2/3
    (page,) = texts(notice(ELECTION, counted, issued=None, found=None), tmp_path)
    assert "参与人数占总人数：79/120人=65.83%≥2/3，未达到" in page
    assert "本次选举无人当选" in page
    assert "当选委员：无" in page
    assert "尚有7个席位空缺" in page
    assert "发出选票" not in page  # nothing recorded, nothing printed


@needs_pdftotext
def test_more_ballots_found_than_issued_voids_the_count_and_shows_no_result(tmp_path: Path) -> None:
    counted = tally(ELECTION, TOTALS, marked(90, (0, 1, 2)), CANDIDATES, issued=80, found=90)
    assert counted.count_void
    (page,) = texts(notice(ELECTION, counted, issued=80, found=90), tmp_path)
    assert VOID_COUNT in page
    assert "发出选票80张，收回90张" in page
    body = page.replace(RULES_TEXT, "")  # the rules say how a count elects; the notice must not
    assert RULES_TEXT in page
    for result in ("名次", "当选", "得票", "参与人数占", "参与面积占", "废票", "席位", "通过"):
        assert result not in body
    for name in CANDIDATES:
        assert name not in page
    assert "监票人" in page and "计票人" in page  # the scrutineers still sign what they found
    assert "二、监票、计票人员签字" in page and "三、" not in page  # no result part: no gap in the numbers


@needs_pdftotext
def test_the_notice_refuses_a_result_for_more_ballots_than_issued_even_if_handed_one(tmp_path: Path) -> None:
    counted = tied_election()  # counted as if the box held no more than was issued
    (page,) = texts(notice(ELECTION, counted, issued=80, found=90), tmp_path)
    assert VOID_COUNT in page
    assert "王玥" not in page and "当选" not in page.replace(RULES_TEXT, "")


@needs_pdftotext
def test_a_motion_at_exactly_two_thirds_takes_part_and_exactly_half_is_no_majority(tmp_path: Path) -> None:
    rules = VoteRules(VoteKind.ORDINARY)
    totals = Weight(30, 300000)
    ballots = (
        answered(10, Choice.YES, 10000) + answered(9, Choice.NO, 10000) + answered(1, Choice.SPOILED, 10000)
    )
    counted = tally(rules, totals, ballots, issued=30, found=20)
    (page,) = texts(notice(rules, counted, 30, 20, title=MATTER), tmp_path)
    assert "表决结果公告" in page and MATTER in page
    assert "发出表决票30张，收回20张" in page
    assert "参与面积占总面积：2,000.00/3,000.00㎡=66.67%≥2/3，达到" in page
    assert "参与人数占总人数：20/30人=66.67%≥2/3，达到" in page
    assert "占比以参与表决的人数、面积为基数" in page
    assert "同意面积占参与面积：1,000.00/2,000.00㎡=50.00%>1/2，未达到" in page
    assert "同意人数占参与人数：10/20人=50.00%>1/2，未达到" in page
    assert "同意1050.00%1,000.0050.00%" in page
    assert "废票15.00%100.005.00%" in page
    assert "合计20100.00%2,000.00100.00%" in page
    assert "表决结果：未通过（同意票未达到规定比例）" in page


@needs_pdftotext
def test_a_motion_that_passes(tmp_path: Path) -> None:
    rules = VoteRules(VoteKind.ORDINARY)
    ballots = (
        answered(60, Choice.YES)
        + answered(15, Choice.NO)
        + answered(8, Choice.ABSTAIN)
        + answered(2, Choice.SPOILED)
    )
    counted = tally(rules, TOTALS, ballots, issued=120, found=85)
    (page,) = texts(notice(rules, counted, 120, 85, title=MATTER), tmp_path)
    assert "同意人数占参与人数：60/85人=70.59%>1/2，达到" in page
    assert "反对1517.65%1,350.0017.65%" in page
    assert "弃权89.41%720.009.41%" in page
    assert "废票2张" in page
    assert "表决结果：通过" in page and "未通过" not in page


@needs_pdftotext
def test_a_motion_without_enough_participants_fails_and_says_why(tmp_path: Path) -> None:
    rules = VoteRules(VoteKind.MAJOR)
    counted = tally(rules, TOTALS, answered(70, Choice.YES))
    (page,) = texts(notice(rules, counted, None, None, title=MATTER), tmp_path)
    assert "参与表决的业主未达到规定比例" in page
    assert "同意面积占参与面积：6,300.00/6,300.00㎡=100.00%≥3/4，达到" in page
    assert "表决结果：未通过（参与表决的业主未达到规定比例）" in page


@needs_pdftotext
def test_an_objection_vote_counts_against_the_total(tmp_path: Path) -> None:
    rules = VoteRules(VoteKind.OBJECTION, objection_combine=Combine.OR)
    counted = tally(rules, TOTALS, answered(40, Choice.NO) + answered(5, Choice.YES))
    (page,) = texts(notice(rules, counted, None, None, title=MATTER), tmp_path)
    assert "占比以总人数、总面积为基数" in page
    assert "本事项不设参与门槛" in page
    assert "未交回表决票的75人" in page
    assert "反对票任一项达到下列比例即不通过" in page
    assert "反对人数占总人数：40/120人=33.33%≥1/3，达到" in page
    assert "反对面积占总面积：3,600.00/11,020.00㎡=32.67%≥1/3，未达到" in page
    assert "表决结果：未通过（反对票达到规定比例）" in page


@needs_pdftotext
def test_non_voters_following_the_majority_are_shown(tmp_path: Path) -> None:
    rules = VoteRules(VoteKind.ORDINARY, follow_majority=True)
    counted = tally(rules, TOTALS, answered(70, Choice.YES) + answered(20, Choice.NO))
    (page,) = texts(notice(rules, counted, None, None, title=MATTER), tmp_path)
    assert "从众条款" in page
    assert "未投票业主30人、2,920.00㎡计入同意" in page
    assert "同意人数占总人数：100/120人=83.33%>1/2，达到" in page


@needs_pdftotext
def test_warnings_signatures_and_the_stamp(tmp_path: Path) -> None:
    warnings = (
        "票号12-00017-1两次录入不一致（第一次：同意；第二次：反对），尚未核对",
        "票号12-00023-6只录入一次，未经复核",
    )
    (page,) = texts(notice(ELECTION, tied_election(), warnings=warnings), tmp_path)
    assert "注意事项" in page
    for warning in warnings:
        assert warning in page
    assert "监票人（签名）" in page and "计票人（签名）" in page
    assert "业主委员会（筹备组）（盖章）2027年03月20日" in page
    (plain,) = texts(notice(ELECTION, tied_election()), tmp_path)
    assert "注意事项" not in plain


@needs_pdftotext
def test_a_long_notice_goes_on_over_numbered_pages(tmp_path: Path) -> None:
    names = (*CANDIDATES, *(f"候选人{number}" for number in range(10, 31)))
    rules = VoteRules(VoteKind.ELECTION, seats=11)
    ballots = marked(90, tuple(range(11)))
    counted = tally(rules, TOTALS, ballots, names)
    warnings = tuple(f"票号12-{number:05d}-X两次录入不一致，尚未核对" for number in range(1, 13))
    pages = texts(notice(rules, counted, warnings=warnings), tmp_path)
    assert len(pages) == 2
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共2页" in page
    assert "名次" in pages[1]  # the table's column titles again over the rows that go on
    assert "业主委员会（筹备组）（盖章）" in pages[-1]
    assert "候选人30" in "".join(pages)


def test_no_glyph_is_missing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # fpdf2 logs the characters the embedded font lacks (it has ✓ but no ✗, hence 达到 / 未达到).
    rules = VoteRules(VoteKind.ORDINARY)
    motion = tally(rules, TOTALS, answered(85, Choice.YES))
    with caplog.at_level(logging.WARNING):
        write_vote_notice(notice(ELECTION, tied_election()), tmp_path / "选举.pdf")
        write_vote_notice(notice(rules, motion, title=MATTER), tmp_path / "表决.pdf")
    assert not [record for record in caplog.records if "missing" in record.getMessage()]


def test_a_folder_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotWritten):
        write_vote_notice(notice(ELECTION, tied_election()), tmp_path / "无此文件夹" / "公告.pdf")


@needs_pdftotext
def test_a_notice_of_a_vote_still_open_says_it_is_not_the_result(tmp_path: Path) -> None:
    counted = tied_election()
    final = texts(notice(ELECTION, counted), tmp_path)[0]
    assert "不是最终结果" not in final
    document = replace(notice(ELECTION, counted), provisional=True)
    (page,) = texts(document, tmp_path)
    assert "表决尚未结束" in page and "不是最终结果" in page
