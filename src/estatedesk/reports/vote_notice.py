"""The result notice (表决结果公告 / 选举结果公告, RULES.md §6): the count as it is posted and signed.

Every figure comes from the domain's exact count (``domain.voting.Tally``): shares are printed
from ``Fraction``s (``percent_text``) and each threshold says how it compares (≥ for 以上, > for
过半数) and whether it is reached, as ``Check.met`` decided it, never as a rounded percentage
would suggest. The rule set the count followed is printed on every notice ("依据："). When more
ballots were found than were issued the count is void: the notice says so and shows no result.

The bundled font has ✓ but no ✗, so a check reads 达到 / 未达到 in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path

from fpdf import FPDF

from estatedesk.domain.voting import (
    Check,
    Choice,
    Combine,
    ElectionResult,
    MotionResult,
    Tally,
    VoteKind,
    VoteRules,
    Weight,
    check_percent,
    format_share,
    majority_side,
    percent_text,
)
from estatedesk.reports.pdf import (
    A4_PORTRAIT,
    FILL_GREY,
    FONT,
    area_text,
    fit_text,
    fitting_size,
    new_document,
    wrap_items,
    wrap_paragraph,
    write_pdf,
)


@dataclass(frozen=True)
class VoteNoticeDocument:
    """Everything a result notice shows: the vote, the rules it was counted by, the count."""

    estate_name: str
    vote_title: str
    rules: VoteRules
    rules_text: str  # domain.voting.rules_text(rules)
    tally: Tally
    issued: int | None  # ballots issued to voters (None: not recorded)
    found: int | None  # ballots found in the box (None: not recorded)
    announced_on: date
    warnings: tuple[str, ...] = ()  # double entries that disagree or are unchecked, in Chinese
    provisional: bool = False  # the vote is still open: the count as it stands, not the result


VOID_COUNT = "收回票数多于发出票数，本次计票无效"
PROVISIONAL = "（表决尚未结束：以下为截至公告日期的计票情况，不是最终结果）"
MET = "达到"
NOT_MET = "未达到"
PASSED = "通过"
FAILED = "未通过"

SIDE = 18.0
WIDTH = A4_PORTRAIT[0] - 2 * SIDE  # 174 mm
TOP = 15.0
FOOT = A4_PORTRAIT[1] - 12.0  # the page number's line
BOTTOM = FOOT - 4.0
BLACK = (0, 0, 0)
RED = (200, 30, 30)
GREY = (90, 90, 90)
SIGNATURES = 55.0  # mm the signatures take with their heading (at most): kept together


@dataclass(frozen=True)
class _Type:
    """The notice's body type (points), its line height and a table row's height (mm)."""

    body: float
    line: float
    row: float
    gap: float  # mm between the parts


NORMAL = _Type(11.0, 6.0, 7.5, 3.0)
COMPACT = _Type(10.0, 4.9, 6.2, 1.5)  # when that keeps the notice on one page


def notice_title(kind: VoteKind) -> str:
    """选举结果公告 for an election, 表决结果公告 for a motion."""
    return "选举结果公告" if kind is VoteKind.ELECTION else "表决结果公告"


def _date_text(day: date) -> str:
    # Not strftime: a format with Chinese characters depends on the locale on Windows.
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


def _figure(measure: str, value: int) -> str:
    return area_text(value) if measure == "area" else f"{value:,}"


def _unit(measure: str) -> str:
    return "㎡" if measure == "area" else "人"


def _share_of(value: int, whole: int) -> str:
    """An exact share as a percentage, or a dash when there is nothing to share."""
    return percent_text(Fraction(value, whole)) if whole > 0 else "—"


def check_line(check: Check, subject: str, base: str) -> str:
    """One threshold as printed: ``参与面积占总面积：8,012.34 / 11,020.00 ㎡ = 72.71% ≥ 2/3，达到``."""
    measure = "面积" if check.measure == "area" else "人数"
    sign = "≥" if check.inclusive else ">"
    figures = f"{_figure(check.measure, check.value)} / {_figure(check.measure, check.whole)}"
    return (
        f"{subject}{measure}占{base}{measure}：{figures} {_unit(check.measure)}"
        f" = {check_percent(check)} {sign} {format_share(check.share)}，{MET if check.met else NOT_MET}"
    )


@dataclass(frozen=True)
class _Column:
    title: str
    width: float
    align: str


class _Writer:
    """Writes the notice from the top of the first page down; with ``draw`` off it only counts pages."""

    def __init__(
        self, pdf: FPDF, notice: VoteNoticeDocument, style: _Type, draw: bool, pages: int = 0
    ) -> None:
        self.pdf = pdf
        self.notice = notice
        self.style = style
        self.draw = draw
        self.total_pages = pages
        self.pages = 0
        self.y = 0.0

    # ---- primitives

    def new_page(self) -> None:
        self.pages += 1
        self.y = TOP
        if self.draw:
            self.pdf.add_page()
            if self.total_pages > 1:
                page = f"第 {self.pages} 页 共 {self.total_pages} 页"
                self.cell(SIDE, FOOT, WIDTH, 5, page, 9, align="C", color=GREY)
        if self.pages > 1:
            notice = self.notice
            self.pdf.set_font(FONT, "", 9)
            head = f"{notice.estate_name} {notice.vote_title} {notice_title(notice.rules.kind)}（续）"
            self.cell(SIDE, self.y, WIDTH, 5, fit_text(self.pdf, head, WIDTH), 9, color=GREY)
            self.y += 8

    def need(self, height: float) -> None:
        """A new page unless ``height`` mm still fit on this one."""
        if self.y + height > BOTTOM:
            self.new_page()

    def cell(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        text: str,
        size: float,
        bold: bool = False,
        align: str = "L",
        color: tuple[int, int, int] = BLACK,
        border: bool = False,
        fill: bool = False,
    ) -> None:
        if not self.draw:
            return
        self.pdf.set_font(FONT, "B" if bold else "", size)
        self.pdf.set_text_color(*color)
        self.pdf.set_fill_color(*FILL_GREY)
        self.pdf.set_xy(x, y)
        self.pdf.cell(width, height, text, border=1 if border else 0, align=align, fill=fill)
        self.pdf.set_text_color(*BLACK)

    def paragraph(
        self,
        text: str,
        size: float | None = None,
        height: float | None = None,
        bold: bool = False,
        color: tuple[int, int, int] = BLACK,
        align: str = "L",
        indent: float = 0.0,
    ) -> None:
        """``text`` wrapped to the page's width; a line that does not fit goes to the next page."""
        size = self.style.body if size is None else size
        height = self.style.line if height is None else height
        self.pdf.set_font(FONT, "B" if bold else "", size)
        for line in wrap_paragraph(self.pdf, text, WIDTH - indent):
            self.need(height)
            self.cell(SIDE + indent, self.y, WIDTH - indent, height, line, size, bold, align, color)
            self.y += height

    def names(
        self, items: Sequence[str], size: float, height: float, color: tuple[int, int, int] = BLACK
    ) -> None:
        """Bold names joined by 、 and wrapped between names, never inside one."""
        self.pdf.set_font(FONT, "B", size)
        for line in wrap_items(self.pdf, items, WIDTH):
            self.need(height)
            self.cell(SIDE, self.y, WIDTH, height, line, size, True, color=color)
            self.y += height

    def heading(self, text: str) -> None:
        self.need(9 + 3 * self.style.line)  # a heading never ends a page: a few lines stay with it
        self.y += self.style.gap
        self.cell(SIDE, self.y, WIDTH, 7, text, 12.5, True)
        self.y += 8

    def table(self, columns: Sequence[_Column], rows: Sequence[tuple[tuple[str, ...], bool]]) -> None:
        """A framed table, its column titles again on a new page; each row is (texts, bold)."""

        def header() -> None:
            x = SIDE
            for column in columns:
                self.pdf.set_font(FONT, "B", 10.5)
                size = fitting_size(self.pdf, column.title, column.width, 10.5, 8)
                self.cell(
                    x,
                    self.y,
                    column.width,
                    self.style.row,
                    column.title,
                    size,
                    True,
                    "C",
                    border=True,
                    fill=True,
                )
                x += column.width
            self.y += self.style.row

        self.need(2 * self.style.row)
        header()
        for texts, bold in rows:
            if self.y + self.style.row > BOTTOM:
                self.new_page()
                header()
            x = SIDE
            for column, text in zip(columns, texts, strict=True):
                self.pdf.set_font(FONT, "B" if bold else "", 10.5)
                size = fitting_size(self.pdf, text, column.width, 10.5, 7.5)
                shown = fit_text(self.pdf, text, column.width)
                self.cell(
                    x,
                    self.y,
                    column.width,
                    self.style.row,
                    shown,
                    size,
                    bold,
                    column.align,
                    border=True,
                    fill=bold,
                )
                x += column.width
            self.y += self.style.row
        self.y += 2

    # ---- the parts of the notice

    def head(self) -> None:
        notice = self.notice
        self.cell(SIDE, self.y, WIDTH, 7, notice.estate_name, 14, True, "C")
        self.y += 9
        self.cell(SIDE, self.y, WIDTH, 11, notice_title(notice.rules.kind), 22, True, "C")
        self.y += 13
        self.paragraph(notice.vote_title, 14, 7, bold=True, align="C")
        if notice.provisional:
            self.paragraph(PROVISIONAL, 12, 6.5, bold=True, align="C", color=RED)
        self.y += 3
        self.paragraph(f"依据：{notice.rules_text}", 10, 5.2)
        self.paragraph(f"公告日期：{_date_text(notice.announced_on)}", 10, 5.2)

    def roll_and_ballots(self, void: bool) -> None:
        notice, tally = self.notice, self.notice.tally
        self.heading("一、表决权人与投票情况")
        totals = tally.totals
        self.paragraph(f"总人数 {totals.heads:,} 人，总面积 {area_text(totals.area_centi)} ㎡。")
        paper = "选票" if notice.rules.kind is VoteKind.ELECTION else "表决票"
        counts = []
        if notice.issued is not None:
            counts.append(f"发出{paper} {notice.issued:,} 张")
        if notice.found is not None:
            counts.append(f"收回 {notice.found:,} 张")
        if counts:
            self.paragraph("，".join(counts) + "。")
        if void:
            self.y += 2
            self.paragraph(VOID_COUNT, 15, 8, bold=True, color=RED)
            self.paragraph("本次不公布表决结果，全部选票封存备查。", bold=True)
            return
        part = tally.participation
        self.paragraph(f"参与表决 {part.heads:,} 人，专有面积 {area_text(part.area_centi)} ㎡。")
        self.paragraph(f"废票 {tally.void_ballots:,} 张（计入参与表决，不计入任何意见或候选人）。")
        if tally.participation_checks:
            for check in tally.participation_checks:
                self.paragraph(check_line(check, "参与", "总"), indent=4)
            if not tally.participation_met:
                self.paragraph("参与表决的业主未达到规定比例。", bold=True, color=RED, indent=4)
        else:
            heads = _share_of(part.heads, totals.heads)
            area = _share_of(part.area_centi, totals.area_centi)
            self.paragraph(
                f"参与人数占总人数 {heads}，参与面积占总面积 {area}（本事项不设参与门槛）。", indent=4
            )

    def motion(self, result: MotionResult) -> None:
        kind = self.notice.rules.kind
        tally = self.notice.tally
        self.heading("二、表决结果")
        heads_check = next(check for check in result.checks if check.measure == "heads")
        area_check = next(check for check in result.checks if check.measure == "area")
        base = Weight(heads_check.whole, area_check.whole)
        followed = result.followers != Weight()
        if kind in (VoteKind.OBJECTION, VoteKind.PETITION):
            basis, base_name = "占比以总人数、总面积为基数", "总"
        elif followed:
            basis, base_name = "占比以总人数、总面积为基数（未投票业主已按从众条款计入）", "总"
        else:
            basis, base_name = "占比以参与表决的人数、面积为基数", "参与"
        self.paragraph(basis, 10, 5.2, color=GREY)
        columns = (
            _Column("意见", 34, "C"),
            _Column("人数", 30, "R"),
            _Column("人数占比", 30, "R"),
            _Column("面积（㎡）", 44, "R"),
            _Column("面积占比", 36, "R"),
        )
        rows: list[tuple[tuple[str, ...], bool]] = []
        answers = (
            ("同意", result.yes),
            ("反对", result.no),
            ("弃权", result.abstain),
            ("废票", result.spoiled),
        )
        for name, weight in answers:
            rows.append(
                (
                    (
                        name,
                        f"{weight.heads:,}",
                        _share_of(weight.heads, base.heads),
                        area_text(weight.area_centi),
                        _share_of(weight.area_centi, base.area_centi),
                    ),
                    False,
                )
            )
        total = sum((weight for _name, weight in answers), Weight())
        rows.append(
            (
                (
                    "合计",
                    f"{total.heads:,}",
                    _share_of(total.heads, base.heads),
                    area_text(total.area_centi),
                    _share_of(total.area_centi, base.area_centi),
                ),
                True,
            )
        )
        self.table(columns, rows)
        if followed:
            side = "同意" if majority_side(result.yes, result.no) is Choice.YES else "反对"
            self.paragraph(
                f"按从众条款，未投票业主 {result.followers.heads:,} 人、"
                f"{area_text(result.followers.area_centi)} ㎡ 计入{side}（多数意见）。"
            )
        subject = "反对" if kind is VoteKind.OBJECTION else "同意"
        if kind is VoteKind.OBJECTION:
            either = "任一项" if self.notice.rules.objection_combine is Combine.OR else "两项均"
            silent = tally.totals - tally.participation
            self.paragraph(
                f"未交回表决票的 {silent.heads:,} 人、{area_text(silent.area_centi)} ㎡ 视为不反对。"
            )
            self.paragraph(f"否定表决：反对票{either}达到下列比例即不通过。")
        else:
            self.paragraph("通过条件：")
        for check in result.checks:
            self.paragraph(check_line(check, subject, base_name), indent=4)
        self.y += 2
        reason = ""
        if not result.passed:
            if kind is VoteKind.OBJECTION:
                reason = "（反对票达到规定比例）"
            elif tally.participation_checks and not tally.participation_met:
                reason = "（参与表决的业主未达到规定比例）"
            else:
                reason = "（同意票未达到规定比例）"
        outcome = f"表决结果：{PASSED if result.passed else FAILED}{reason}"
        self.need(12)
        self.paragraph(outcome, 16, 9, bold=True, color=BLACK if result.passed else RED)

    def election(self, result: ElectionResult) -> None:
        tally = self.notice.tally
        seats = self.notice.rules.seats or 0
        self.heading("二、选举结果")
        self.paragraph(f"应选委员 {seats} 名，候选人 {len(result.candidates)} 名。")
        part = tally.participation
        self.paragraph(
            f"占比以参与表决的 {part.heads:,} 人、{area_text(part.area_centi)} ㎡ 为基数；"
            "过半数指得票人数和得票面积均超过参与表决的一半。",
            10,
            5.2,
            color=GREY,
        )
        columns = (
            _Column("名次", 13, "C"),
            _Column("候选人", 35, "C"),
            _Column("得票人数", 20, "R"),
            _Column("得票面积（㎡）", 30, "R"),
            _Column("人数占比", 20, "R"),
            _Column("面积占比", 20, "R"),
            _Column("过半数", 15, "C"),
            _Column("当选", 21, "C"),
        )
        rows: list[tuple[tuple[str, ...], bool]] = []
        rank, previous = 0, None
        for index, candidate in enumerate(result.candidates, start=1):
            if candidate.votes.heads != previous:  # votes are ballots: equal heads share a rank
                rank, previous = index, candidate.votes.heads
            area_check, heads_check = sorted(candidate.checks, key=lambda check: check.measure)
            if candidate.elected:
                elected = "当选"
            elif candidate.name in result.tie:
                elected = "并列待定"
            else:
                elected = ""
            rows.append(
                (
                    (
                        str(rank),
                        candidate.name,
                        f"{candidate.votes.heads:,}",
                        area_text(candidate.votes.area_centi),
                        check_percent(heads_check),
                        check_percent(area_check),
                        "是" if all(check.met for check in candidate.checks) else "否",
                        elected,
                    ),
                    False,
                )
            )
        self.table(columns, rows)
        if tally.participation_checks and not tally.participation_met:
            self.paragraph("参与表决的业主未达到规定比例，本次选举无人当选。", bold=True, color=RED)
        elected_names = [candidate.name for candidate in result.candidates if candidate.elected]
        self.y += 1
        if elected_names:
            label = f"当选委员（{len(elected_names)} 名，按得票排序）："
            self.names([label + elected_names[0], *elected_names[1:]], 13, 7.5)
        else:
            self.paragraph("当选委员：无", 13, 7.5, bold=True)
        if result.tie:
            filled = seats - result.open_seats
            if result.open_seats == 1:
                places = f"第{filled + 1}个席位"
            elif result.open_seats == 2:
                places = f"第{filled + 1}、{filled + 2}个席位"
            else:
                places = f"第{filled + 1}至{seats}个席位"
            tied = [*result.tie[:-1], f"{result.tie[-1]} 得票相同，需另行投票确定{places}"]
            self.names(tied, 12, 7, RED)
        elif result.open_seats:
            self.paragraph(f"尚有{result.open_seats}个席位空缺", 12, 7, True, RED)

    def warnings(self) -> None:
        notice = self.notice
        seen = dict.fromkeys(notice.warnings)
        if not seen:
            return
        self.heading("注意事项")
        for warning in seen:
            self.paragraph(f"· {warning}", color=RED, indent=2)

    def signatures(self, number: str) -> None:
        """Scrutineers' and counters' signatures, three lines each, and the committee's stamp."""
        self.need(SIGNATURES)
        self.heading(f"{number}、监票、计票人员签字")
        for role in ("监票人", "计票人"):
            self.y += 1
            self.cell(SIDE, self.y, 32, 9, f"{role}（签名）：", 11)
            for index in range(3):
                x = SIDE + 34 + index * 46
                if self.draw:
                    self.pdf.set_line_width(0.3)
                    self.pdf.line(x, self.y + 8, x + 40, self.y + 8)
            self.y += 11
        # The stamp goes over these two lines, as on any notice an office posts.
        self.y += 4
        self.cell(SIDE + 84, self.y, WIDTH - 84, 7, "业主委员会（筹备组）（盖章）", 12, align="R")
        self.y += 8
        self.cell(SIDE + 84, self.y, WIDTH - 84, 7, _date_text(self.notice.announced_on), 12, align="R")
        self.y += 7

    def write(self) -> int:
        """The whole notice; returns how many pages it took."""
        notice, tally = self.notice, self.notice.tally
        issued, found = notice.issued, notice.found
        # The domain voids such a count; the notice refuses a result for it even if handed one.
        void = tally.count_void or (issued is not None and found is not None and found > issued)
        self.new_page()
        self.head()
        self.roll_and_ballots(void)
        if not void:
            if tally.election is not None:
                self.election(tally.election)
            elif tally.motion is not None:
                self.motion(tally.motion)
        self.warnings()
        self.signatures("二" if void else "三")  # a void count has no result part: no gap in the numbers
        return self.pages


def notice_pdf(notice: VoteNoticeDocument) -> FPDF:
    """The notice drawn, measured first so that each page can say how many there are.

    Smaller type when that keeps the notice on one page: a notice is posted, and signed, as one sheet.
    """
    title = f"{notice.estate_name} {notice.vote_title} {notice_title(notice.rules.kind)}"
    pdf = new_document(title)
    for style in (NORMAL, COMPACT):
        pages = _Writer(pdf, notice, style, draw=False).write()
        if pages == 1:
            break
    _Writer(pdf, notice, style, draw=True, pages=pages).write()
    return pdf


def write_vote_notice(notice: VoteNoticeDocument, path: Path) -> None:
    """Write the notice's PDF at ``path`` (whole or not at all; ``FileNotWritten`` if it cannot be)."""
    write_pdf(notice_pdf(notice), path)
