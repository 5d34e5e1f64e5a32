"""The repair log's review papers (RULES.md §4): the daily sheet (日清日审表) and the monthly report.

The daily sheet is the board on one landscape page, to be chased and signed: every open order, the
overdue first (red, ■) and those due today next (amber, ▲), with the last follow-up note. It is
always one page: the type shrinks down to a floor, and what still does not fit is counted on its
last line ("另有 N 单未列出（其中已超时 X 单、今日到期 Y 单），见系统") — the least urgent orders, as the
board sorts them, so that the clerk knows how many of them still must be chased today. When the
page has room to spare, the description and the last follow-up take two lines each.

The monthly report gives a month's orders by category and kind, the four rates of §4 against their
targets, the average time to done, and two bar charts of the last twelve months drawn with fpdf2's
own lines and rectangles (no plotting library in the bundle).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from pathlib import Path

from fpdf import FPDF

from estatedesk.domain.workdays import CalendarSource
from estatedesk.reports.pdf import BLACK, FONT, draw_cell, fit_text, new_document, wrap_text, write_pdf
from estatedesk.reports.repair_words import date_text, due_text, span_text, time_text

RED = (200, 30, 30)
AMBER = (196, 110, 0)
GREY = (100, 100, 100)
LIGHT = (150, 150, 150)
BAR = (90, 120, 170)
WEEKDAYS = "一二三四五六日"


def _centred(
    pdf: FPDF, x: float, y: float, text: str, size: float, color: tuple[int, int, int] = BLACK
) -> None:
    """A short text centred on (x, y): a chart's labels, which need no cell around them."""
    pdf.set_font(FONT, "", size)
    pdf.set_text_color(*color)
    pdf.text(x - pdf.get_string_width(text) / 2, y + 0.3 * pdf.font_size, text)
    pdf.set_text_color(*BLACK)


def percent_text(rate: Fraction | None) -> str:
    """A rate as a percentage with one decimal, half up: ``66.7%``; "—" when there is nothing to rate."""
    if rate is None:
        return "—"
    tenths = rate * 1000
    whole = int(tenths)
    if tenths - whole >= Fraction(1, 2):
        whole += 1
    return f"{whole // 10}.{whole % 10}%"


# ---------------------------------------------------------------- the daily sheet


@dataclass(frozen=True)
class BoardLine:
    """An open order as the daily sheet lists it (words already in Chinese)."""

    number: str
    received: datetime
    place: str
    category: str
    emergency: bool
    state: str
    worker: str
    due: datetime | None  # the deadline still to meet; None once met (awaiting the visit…)
    calendar: CalendarSource
    overdue: bool
    due_today: bool
    waiting: str  # what an order with no deadline pending waits for: 待回访, 待关闭
    description: str
    last_note: str
    last_note_at: datetime | None


@dataclass(frozen=True)
class DailySheetDocument:
    """The daily review (日清日审) as printed at ``as_of``: every open order, most urgent first."""

    estate_name: str
    as_of: datetime
    lines: tuple[BoardLine, ...]

    @property
    def overdue(self) -> int:
        """How many open orders are late."""
        return sum(1 for line in self.lines if line.overdue)

    @property
    def due_today(self) -> int:
        """How many open orders, not late yet, are due by 24:00 today."""
        return sum(1 for line in self.lines if line.due_today and not line.overdue)


DAILY_TITLE = "报修日清日审表"
OVERDUE_MARK = "■"
TODAY_MARK = "▲"
CALENDAR_MARKS = {
    CalendarSource.STATUTORY: "",
    CalendarSource.OFFICE: "※",
    CalendarSource.WEEKENDS_ONLY: "＊",
}
CALENDAR_LEGEND = {
    CalendarSource.OFFICE: "※ 时限按本处录入的节假日安排计算",
    CalendarSource.WEEKENDS_ONLY: "＊ 时限按周末推算，未含法定节假日",
}
NOTHING_OPEN = "今日没有未完结的工单。"
LANDSCAPE = (297.0, 210.0)
MARGIN = 10.0
SHEET_WIDTH = LANDSCAPE[0] - 2 * MARGIN
TABLE_TOP = 27.0
TABLE_BOTTOM = LANDSCAPE[1] - 22.0  # the legend and the signatures below
SIZES = (9.0, 8.5, 8.0, 7.5, 7.0, 6.5)  # the rows' type, shrunk step by step to keep one page
ROW_PER_POINT = 0.62  # mm of row height per point of type: 5.6 mm at 9 pt, 4 mm at 6.5 pt
TWO_LINES = 1.6  # a row of two lines of text is this many single rows high
LINE_PER_POINT = 0.38  # mm between the two lines' middles per point of type
HEADER_ROW = 6.0
# The times and codes as narrow as their text at 9 pt (a time of another year shrinks a little):
# what is left goes to what the clerk reads, the description and the last follow-up.
DAILY_COLUMNS = (
    ("", 5.5, "C"),
    ("单号", 13.5, "C"),
    ("受理时间", 21.0, "C"),
    ("地点", 30.0, "L"),
    ("类别", 30.0, "L"),
    ("状态", 12.5, "C"),
    ("维修人员", 17.0, "L"),
    ("时限", 27.0, "C"),
    ("剩余/超时", 23.0, "C"),
    ("问题描述", 44.0, "L"),
    ("最后跟进", 53.5, "L"),
)

SHRINKING = frozenset({2, 7, 8})  # received, due, time left: times, which must be read whole
WRAPPING = frozenset({9, 10})  # description, last follow-up: two lines when the page has room


def more_text(count: int, overdue: int = 0, due_today: int = 0) -> str:
    """The last line of a daily sheet that could not list every order: how many, and how many pressing."""
    pressing = [
        text
        for number, text in ((overdue, f"已超时 {overdue} 单"), (due_today, f"今日到期 {due_today} 单"))
        if number
    ]
    if pressing:
        return f"另有 {count} 单未列出（其中{'、'.join(pressing)}），见系统"
    return f"另有 {count} 单未列出，见系统"


def _short(moment: datetime, today: datetime, text: str) -> str:
    """A time of this year without the year (the sheet's columns are narrow): ``10-09 09:30``."""
    return text[5:] if moment.year == today.year and text[:4] == f"{today.year:04d}" else text


def _row_texts(line: BoardLine, as_of: datetime) -> tuple[str, ...]:
    mark = OVERDUE_MARK if line.overdue else TODAY_MARK if line.due_today else ""
    category = f"【急】{line.category}" if line.emergency else line.category
    if line.due is None:
        due, left = "—", line.waiting or "—"
    else:
        due = _short(line.due, as_of, due_text(line.due)) + CALENDAR_MARKS[line.calendar]
        left = f"超 {span_text(as_of - line.due)}" if line.overdue else f"剩 {span_text(line.due - as_of)}"
    note = line.last_note
    if note and line.last_note_at is not None:
        note = f"{_short(line.last_note_at, as_of, time_text(line.last_note_at))} {note}"
    return (
        mark,
        line.number,
        _short(line.received, as_of, time_text(line.received)),
        line.place,
        category,
        line.state,
        line.worker,
        due,
        left,
        " ".join(line.description.split()),
        " ".join(note.split()),
    )


def daily_layout(count: int) -> tuple[float, int]:
    """The type size for a sheet of ``count`` orders, and how many rows it lists (then the "另有" line).

    The largest size at which all fit; else the floor, with as many as fit less one for the last line.
    """
    room = TABLE_BOTTOM - TABLE_TOP - HEADER_ROW
    for size in SIZES:
        if count * size * ROW_PER_POINT <= room:
            return size, count
    size = SIZES[-1]
    fitting = int(room // (size * ROW_PER_POINT))
    return size, fitting - 1


def two_lines(count: int, size: float) -> bool:
    """Whether ``count`` rows of type ``size`` fit the page at two lines each (the long texts wrap)."""
    return count * size * ROW_PER_POINT * TWO_LINES <= TABLE_BOTTOM - TABLE_TOP - HEADER_ROW


def _wrapped_cell(
    pdf: FPDF,
    x: float,
    y: float,
    width: float,
    height: float,
    text: str,
    size: float,
    bold: bool,
    color: tuple[int, int, int],
) -> None:
    """A cell of two lines: the text wrapped, its second line shortened with … if it is longer still."""
    draw_cell(pdf, x, y, width, height, border=True)
    pdf.set_font(FONT, "B" if bold else "", size)
    lines = wrap_text(pdf, text, width)
    if len(lines) > 2:
        lines = [lines[0], fit_text(pdf, "".join(lines[1:]), width)]
    step = size * LINE_PER_POINT
    middle = y + height / 2 - step * (len(lines) - 1) / 2
    for index, part in enumerate(lines):
        line_height = step * 2
        draw_cell(
            pdf, x, middle + index * step - line_height / 2, width, line_height, part, size, bold, color=color
        )


def _daily_head(pdf: FPDF, sheet: DailySheetDocument) -> None:
    as_of = sheet.as_of
    title = f"{sheet.estate_name} {DAILY_TITLE}"
    draw_cell(pdf, MARGIN, 7, SHEET_WIDTH, 9, title, 16, True, "C", smallest=11)
    day = f"日期：{date_text(as_of.date())}（星期{WEEKDAYS[as_of.weekday()]}）　截至 {as_of:%H:%M}"
    draw_cell(pdf, MARGIN, 18, 120, 7, day, 10.5)
    counts = (
        (f"未完结 {len(sheet.lines)} 单", BLACK),
        (f"{OVERDUE_MARK} 已超时 {sheet.overdue} 单", RED),
        (f"{TODAY_MARK} 今日到期 {sheet.due_today} 单", AMBER),
    )
    x = MARGIN + SHEET_WIDTH
    for text, color in reversed(counts):
        pdf.set_font(FONT, "B", 10.5)
        width = pdf.get_string_width(text) + 4
        x -= width
        draw_cell(pdf, x, 18, width, 7, text, 10.5, True, "R", color=color)
        x -= 4


def _daily_table(pdf: FPDF, sheet: DailySheetDocument, size: float, shown: int) -> None:
    wrap = two_lines(shown, size)
    row = size * ROW_PER_POINT * (TWO_LINES if wrap else 1)
    y = TABLE_TOP
    x = MARGIN
    for title, width, _align in DAILY_COLUMNS:
        draw_cell(pdf, x, y, width, HEADER_ROW, title, 8.5, True, "C", border=True, fill=True, smallest=6)
        x += width
    y += HEADER_ROW
    for line in sheet.lines[:shown]:
        color = RED if line.overdue else AMBER if line.due_today else BLACK
        x = MARGIN
        texts = _row_texts(line, sheet.as_of)
        for index, (text, (_title, width, align)) in enumerate(zip(texts, DAILY_COLUMNS, strict=True)):
            if wrap and index in WRAPPING:
                _wrapped_cell(pdf, x, y, width, row, text, size, line.overdue, color)
                x += width
                continue
            # A time shrinks a little rather than lose its end; a long text is shortened with ….
            smallest = size - 1.5 if index in SHRINKING else None
            draw_cell(
                pdf, x, y, width, row, text, size, line.overdue, align, True, color=color, smallest=smallest
            )
            x += width
        y += row
    hidden = sheet.lines[shown:]
    if hidden:
        overdue = sum(1 for line in hidden if line.overdue)
        today = sum(1 for line in hidden if line.due_today and not line.overdue)
        text = more_text(len(hidden), overdue, today)
        draw_cell(pdf, MARGIN, y, SHEET_WIDTH, row, text, 8, True, "C", border=True, fill=True)
    elif not sheet.lines:
        draw_cell(pdf, MARGIN, y, SHEET_WIDTH, 8, NOTHING_OPEN, 10, align="C", border=True)


def _daily_foot(pdf: FPDF, sheet: DailySheetDocument) -> None:
    y = TABLE_BOTTOM + 2
    legend = [f"{OVERDUE_MARK} 红色：已超时", f"{TODAY_MARK} 橙色：今日24:00前到期", "【急】急修"]
    used = {line.calendar for line in sheet.lines if line.due is not None}
    legend += [CALENDAR_LEGEND[source] for source in CALENDAR_LEGEND if source in used]
    draw_cell(pdf, MARGIN, y, SHEET_WIDTH, 5, "　".join(legend), 8.5, color=GREY, smallest=6.5)
    y += 8
    for x, who in ((MARGIN, "值班客服（签名）："), (MARGIN + 95, "审核人（签名）：")):
        draw_cell(pdf, x, y, 34, 7, who, 10)
        pdf.line(x + 34, y + 6, x + 84, y + 6)
    printed = f"打印时间：{time_text(sheet.as_of)}"
    draw_cell(pdf, MARGIN + 190, y, SHEET_WIDTH - 190, 7, printed, 9, align="R", color=GREY)


def daily_sheet_pdf(sheet: DailySheetDocument) -> tuple[FPDF, int]:
    """The daily sheet drawn on one A4 landscape page, and how many orders it lists."""
    pdf = new_document(f"{sheet.estate_name} {DAILY_TITLE} {date_text(sheet.as_of.date())}", landscape=True)
    pdf.add_page()
    pdf.set_line_width(0.2)
    size, shown = daily_layout(len(sheet.lines))
    _daily_head(pdf, sheet)
    _daily_table(pdf, sheet, size, shown)
    _daily_foot(pdf, sheet)
    return pdf, shown


def write_daily_sheet(sheet: DailySheetDocument, path: Path) -> int:
    """Write the daily sheet's PDF at ``path`` (whole or not at all); return how many orders it lists."""
    pdf, shown = daily_sheet_pdf(sheet)
    write_pdf(pdf, path)
    return shown


# ---------------------------------------------------------------- the monthly report


@dataclass(frozen=True)
class RateLine:
    """One of the month's rates: ``part`` of ``whole``, against a target (a floor, or a ceiling)."""

    name: str  # 及时率
    part: int
    whole: int
    basis: str  # how it is counted, in words: "按时 2 单 / 已判定 3 单"
    target: Fraction | None  # None: no target (satisfaction)
    at_least: bool = True  # the target is a floor (≥); else a ceiling (≤)

    @property
    def rate(self) -> Fraction | None:
        """The rate, or None when there is nothing to count it over."""
        return Fraction(self.part, self.whole) if self.whole else None

    @property
    def met(self) -> bool | None:
        """Whether the rate meets its target (None: no target, or nothing to count)."""
        rate = self.rate
        if rate is None or self.target is None:
            return None
        return rate >= self.target if self.at_least else rate <= self.target


@dataclass(frozen=True)
class MonthPoint:
    """One month of the twelve the charts show."""

    month: str  # YYYY-MM
    orders: int
    on_time_rate: Fraction | None


@dataclass(frozen=True)
class MonthReportDocument:
    """A month's figures as the monthly report prints them (words already in Chinese)."""

    estate_name: str
    month: str  # YYYY-MM
    as_of: datetime
    orders: int
    cancelled: int
    by_category: tuple[tuple[str, int], ...]
    by_kind: tuple[tuple[str, int], ...]
    rates: tuple[RateLine, ...]
    done: int
    hours_to_done: Fraction | None
    trend: tuple[MonthPoint, ...]  # the last twelve months, oldest first, this month last
    on_time_target: Fraction


MONTH_TITLE = "报修服务月报"
TOP_MARGIN = 12.0
SIDE = 15.0
PAGE_WIDTH = 210.0
WIDTH = PAGE_WIDTH - 2 * SIDE
MET, NOT_MET, NO_DATA = "达标", "未达标", "无数据"
CATEGORY_TABLE = (("类别", 44.0), ("单数", 16.0), ("占比", 18.0), ("", 38.0))  # the last: a bar
KIND_TABLE = (("类型", 24.0), ("单数", 16.0), ("占比", 18.0))
CHART_HEIGHT = 72.0
MAX_CATEGORY_ROWS = 16
RATE_TABLE = (("指标", 30.0), ("本月", 24.0), ("目标", 22.0), ("计算方法", 78.0), ("结论", 26.0))


def folded(by_category: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """The categories as the report lists them: all, or the busiest and one row for the rest.

    An office with many categories of its own would push the report onto a second page.
    """
    if len(by_category) <= MAX_CATEGORY_ROWS:
        return list(by_category)
    busiest = sorted(by_category, key=lambda pair: -pair[1])
    kept, rest = busiest[: MAX_CATEGORY_ROWS - 1], busiest[MAX_CATEGORY_ROWS - 1 :]
    return [*kept, (f"其余 {len(rest)} 类", sum(count for _name, count in rest))]


def month_words(month: str) -> str:
    """``2026-10`` as ``2026年10月``."""
    year, number = month.split("-")
    return f"{year}年{int(number)}月"


def target_text(line: RateLine) -> str:
    """A rate's target as printed: ``≥ 99%``, ``≤ 2%``; "—" without one."""
    return "—" if line.target is None else target_text_of(line.target, line.at_least)


def target_text_of(target: Fraction, at_least: bool) -> str:
    """A target as printed: ``≥ 99%`` (a floor) or ``≤ 2%`` (a ceiling); whole percents without ".0"."""
    shown = percent_text(target)
    return f"{'≥' if at_least else '≤'} {shown[:-3] + '%' if shown.endswith('.0%') else shown}"


def hours_text(hours: Fraction | None) -> str:
    """An average time as hours with one decimal: ``12.5 小时``."""
    if hours is None:
        return "—"
    tenths = hours * 10
    whole = int(tenths) + (1 if tenths - int(tenths) >= Fraction(1, 2) else 0)
    return f"{whole // 10}.{whole % 10} 小时"


class _Report:
    """Draws the monthly report top to bottom on one A4 page."""

    def __init__(self, pdf: FPDF, report: MonthReportDocument) -> None:
        self.pdf = pdf
        self.report = report
        self.y = TOP_MARGIN

    def heading(self, text: str) -> None:
        self.y += 3
        draw_cell(self.pdf, SIDE, self.y, WIDTH, 7, text, 12.5, True)
        self.y += 8.5

    def head(self) -> None:
        report, pdf = self.report, self.pdf
        draw_cell(pdf, SIDE, self.y, WIDTH, 7, report.estate_name, 13, True, "C", smallest=9)
        self.y += 8
        title = f"{MONTH_TITLE}（{month_words(report.month)}）"
        draw_cell(pdf, SIDE, self.y, WIDTH, 11, title, 19, True, "C")
        self.y += 13
        said = f"按受理时间统计本月工单，统计截至 {time_text(report.as_of)}"
        if report.cancelled:
            said += f"；已取消 {report.cancelled} 单，不计入"
        draw_cell(pdf, SIDE, self.y, WIDTH, 5.5, said + "。", 9.5, color=GREY, align="C", smallest=7)
        self.y += 6

    def counts(self) -> None:
        report = self.report
        self.heading(f"一、工单数量（共 {report.orders} 单）")
        by_category = folded(report.by_category)
        rows = max(len(by_category), len(report.by_kind), 1) + 2  # titles and the total
        height = 7.0 if rows <= 11 else max(4.5, 77.0 / rows)
        size = 10.0 if height >= 6.5 else 8.5
        top = self.y
        most = max((count for _name, count in by_category), default=0)
        self._table(SIDE, top, height, size, CATEGORY_TABLE, by_category, report.orders, most)
        kind_x = SIDE + sum(width for _title, width in CATEGORY_TABLE) + 6
        self._table(kind_x, top, height, size, KIND_TABLE, report.by_kind, report.orders, None)
        self.y = top + rows * height + 1

    def _table(
        self,
        x: float,
        y: float,
        height: float,
        size: float,
        columns: Sequence[tuple[str, float]],
        rows: Sequence[tuple[str, int]],
        total: int,
        most: int | None,
    ) -> None:
        """A table of names and counts with their shares; with ``most``, a bar beside each count."""
        pdf = self.pdf
        left = x
        for title, width in columns:
            draw_cell(pdf, left, y, width, height, title, size, True, "C", border=True, fill=True)
            left += width
        shown = list(rows) or [("（本月无工单）", 0)]
        for name, count in [*shown, ("合计", total)]:
            y += height
            bold = name == "合计"
            share = percent_text(Fraction(count, total) if total else None)
            texts = (name, str(count), share)
            left = x
            for text, (_title, width), align in zip(texts, columns, ("L", "R", "R"), strict=False):
                draw_cell(
                    pdf, left, y, width, height, text, size, bold, align, border=True, fill=bold, smallest=7
                )
                left += width
            if most is not None:
                width = columns[-1][1]
                draw_cell(pdf, left, y, width, height, border=True, fill=bold)
                if not bold and most:
                    pdf.set_fill_color(*BAR)
                    length = (width - 4) * count / most
                    if length > 0:
                        pdf.rect(left + 2, y + height * 0.25, length, height * 0.5, style="F")

    def rates(self) -> None:
        report, pdf = self.report, self.pdf
        self.heading("二、服务指标")
        height = 7.5
        x = SIDE
        for title, width in RATE_TABLE:
            draw_cell(pdf, x, self.y, width, height, title, 10, True, "C", border=True, fill=True)
            x += width
        for line in report.rates:
            self.y += height
            met = line.met
            verdict = NO_DATA if line.rate is None else "—" if met is None else MET if met else NOT_MET
            color = RED if met is False else BLACK
            texts = (line.name, percent_text(line.rate), target_text(line), line.basis, verdict)
            self._rate_row(texts, ("C", "R", "C", "L", "C"), color)
        self.y += height
        basis = f"受理至首次完工，已完工 {report.done} 单"
        self._rate_row(
            ("平均完成时长", hours_text(report.hours_to_done), "—", basis, "—"), ("C", "R", "C", "L", "C")
        )
        self.y += height + 1

    def _rate_row(
        self, texts: Sequence[str], aligns: Sequence[str], color: tuple[int, int, int] = BLACK
    ) -> None:
        x = SIDE
        for index, (text, (_title, width), align) in enumerate(zip(texts, RATE_TABLE, aligns, strict=True)):
            bold = index in (1, 4)
            shown_color = color if index in (1, 4) else BLACK
            draw_cell(
                pdf=self.pdf,
                x=x,
                y=self.y,
                width=width,
                height=7.5,
                text=text,
                size=10,
                bold=bold,
                align=align,
                border=True,
                color=shown_color,
                smallest=7.5,
            )
            x += width

    def charts(self) -> None:
        report = self.report
        self.heading("三、近十二个月走势")
        width = (WIDTH - 10) / 2
        orders = [point.orders for point in report.trend]
        scale = max(4, -(-max(orders, default=0) // 4) * 4)  # a multiple of 4: whole numbers on the scale
        labels = [str(scale * step // 4) for step in range(5)]
        texts = [str(count) for count in orders]
        self._bars(SIDE, "每月工单数（单）", [count / scale for count in orders], texts, labels)
        rates = [point.on_time_rate for point in report.trend]
        target = report.on_time_target
        self._bars(
            SIDE + width + 10,
            "每月及时率（%）",
            [None if rate is None else float(rate) for rate in rates],
            # Without the % sign, which the title says: 100.0 fits over a bar twelve months share.
            [percent_text(rate).removesuffix("%") for rate in rates],
            [f"{25 * step}%" for step in range(5)],
            float(target),
            f"红色虚线为目标 {target_text_of(target, True)}，未达标的月份为红色",
        )
        self.y += CHART_HEIGHT + 2

    def _bars(
        self,
        x: float,
        title: str,
        heights: Sequence[float | None],
        texts: Sequence[str],
        scale: Sequence[str],
        target: float | None = None,
        caption: str = "",
    ) -> None:
        """A bar chart of the twelve months, each bar a share of the plot's height (None: no bar).

        The value is printed over each bar and the month under it (its year under January and the
        first month); a target is a dashed red line, and the bars below it are red.
        """
        pdf, report = self.pdf, self.report
        width = (WIDTH - 10) / 2
        y = self.y
        draw_cell(pdf, x, y, width, 6, title, 10, True, "C")
        axis = 10.0  # the scale's labels
        plot_x, plot_y = x + axis, y + 11  # the title, and room for the value over a full bar
        plot_w, plot_h = width - axis, CHART_HEIGHT - 11 - 14  # the months, their years, the caption
        pdf.set_draw_color(*LIGHT)
        pdf.set_line_width(0.1)
        for step, label in enumerate(scale):
            level = plot_y + plot_h - plot_h * step / (len(scale) - 1)
            pdf.line(plot_x, level, plot_x + plot_w, level)
            _centred(pdf, x + axis / 2 - 0.5, level, label, 6.5, GREY)
        pdf.set_draw_color(*BLACK)
        pdf.set_line_width(0.2)
        pdf.line(plot_x, plot_y + plot_h, plot_x + plot_w, plot_y + plot_h)
        if target is not None:  # under the bars and their values, which stay readable over it
            level = plot_y + plot_h - plot_h * min(target, 1.0)
            pdf.set_draw_color(*RED)
            pdf.set_dash_pattern(dash=1.5, gap=1)
            pdf.line(plot_x, level, plot_x + plot_w, level)
            pdf.set_dash_pattern()
            pdf.set_draw_color(*BLACK)
        slot = plot_w / max(len(heights), 1)
        for index, (height, text, point) in enumerate(zip(heights, texts, report.trend, strict=True)):
            middle = plot_x + (index + 0.5) * slot
            month = int(point.month[5:])
            _centred(pdf, middle, plot_y + plot_h + 2.5, str(month), 7, GREY)
            if month == 1 or index == 0:
                _centred(pdf, middle, plot_y + plot_h + 6, f"{point.month[:4]}年", 6, GREY)
            if height is None:
                _centred(pdf, middle, plot_y + plot_h - 2, "—", 6.5, GREY)
                continue
            bar = plot_h * min(max(height, 0.0), 1.0)
            missed = target is not None and height < target
            pdf.set_fill_color(*(RED if missed else BAR))
            if bar > 0:
                pdf.rect(middle - slot * 0.3, plot_y + plot_h - bar, slot * 0.6, bar, style="F")
            _centred(pdf, middle, plot_y + plot_h - bar - 2, text, 5.5, RED if missed else BLACK)
        if caption:
            draw_cell(pdf, x, plot_y + plot_h + 8.5, width, 4, caption, 7, align="C", color=GREY, smallest=6)

    def signatures(self) -> None:
        pdf = self.pdf
        self.y += 6
        for x, who in ((SIDE, "制表（签名）："), (SIDE + WIDTH / 2, "审核（签名）：")):
            draw_cell(pdf, x, self.y, 28, 7, who, 10.5)
            pdf.line(x + 28, self.y + 6, x + WIDTH / 2 - 10, self.y + 6)
        self.y += 10
        draw_cell(
            pdf,
            SIDE,
            self.y,
            WIDTH,
            5,
            f"打印时间：{time_text(self.report.as_of)}",
            8.5,
            align="R",
            color=GREY,
        )


def month_report_pdf(report: MonthReportDocument) -> FPDF:
    """The monthly report drawn on one A4 page."""
    pdf = new_document(f"{report.estate_name} {MONTH_TITLE} {report.month}")
    pdf.add_page()
    pdf.set_line_width(0.2)
    drawer = _Report(pdf, report)
    drawer.head()
    drawer.counts()
    drawer.rates()
    drawer.charts()
    drawer.signatures()
    return pdf


def write_month_report(report: MonthReportDocument, path: Path) -> None:
    """Write the monthly report's PDF at ``path`` (whole or not at all; else ``FileNotWritten``)."""
    write_pdf(month_report_pdf(report), path)


def recent_months(month: str, count: int = 12) -> list[str]:
    """The ``count`` months ending with ``month`` (YYYY-MM), oldest first."""
    year, number = (int(part) for part in month.split("-"))
    months = []
    for back in range(count - 1, -1, -1):
        index = year * 12 + number - 1 - back
        months.append(f"{index // 12:04d}-{index % 12 + 1:02d}")
    return months
