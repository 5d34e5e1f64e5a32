"""The month's cleaning rota as a wall chart (保洁排班表, RULES.md §5), for the office wall.

One A4 landscape page holds the grid: the cleaners as rows, the days of the month as columns (the
weekday under each day, weekends shaded), each cell the minutes of work that day, 休 on a day off
and 假 on leave; each row ends with the month's minutes, working days and minutes a working day
(red when outside the fairness tolerance), and two rows under the grid total each day's minutes
and count what was left uncovered. Below the grid: the fairness figures, the areas each cleaner
answers for, and every uncovered occurrence with why (or 全部任务已安排). Those lists go on to a
second page when a month has many uncovered occurrences; the grid never splits.

A4 rather than A3: any office printer takes it, and 31 days at 7 mm a day keep 4-digit minutes
legible at 7 points. A rota never accepted, or one with re-planned changes waiting, is stamped 未确认.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from fractions import Fraction
from pathlib import Path

from fpdf import FPDF

from estatedesk.domain.rota import Why
from estatedesk.reports.cleaning_paper import Colour, Paper
from estatedesk.reports.cleaning_words import (
    DAY_OFF,
    NOT_ACCEPTED,
    ON_LEAVE,
    WHY_WORDS,
    month_words,
    occurrence_words,
    one_decimal,
    short_date_words,
    weekday_word,
)
from estatedesk.reports.pdf import BLACK, CELL_PADDING, new_document, write_pdf
from estatedesk.reports.repair_words import time_text


class Presence(StrEnum):
    """Whether a cleaner works on a day of the chart."""

    WORKING = "working"
    DAY_OFF = "day-off"
    ON_LEAVE = "on-leave"


@dataclass(frozen=True)
class ChartRow:
    """A cleaner's row: each day's presence and minutes, the month's totals, the areas they answer for."""

    name: str
    presence: tuple[Presence, ...]  # one per day of the month
    minutes: tuple[int, ...]  # one per day of the month
    working_days: int
    rate: Fraction  # minutes a working day
    within: bool  # within the fairness tolerance of the team's average
    areas: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """The month's minutes."""
        return sum(self.minutes)


@dataclass(frozen=True)
class UncoveredLine:
    """An occurrence no cleaner could take, and why."""

    day: date
    area: str
    task: str
    occurrence: int
    times: int  # how many times the task comes that day: "第2次" is said when more than once
    why: Why


@dataclass(frozen=True)
class RotaChartDocument:
    """The month's rota as the wall chart prints it."""

    estate_name: str
    month: str  # YYYY-MM
    first: date
    last: date
    rows: tuple[ChartRow, ...]
    uncovered: tuple[UncoveredLine, ...]
    occurrences: int  # every occurrence of the month, covered or not
    average: Fraction  # the team's minutes a working day
    tolerance: Fraction
    accepted: bool
    changes: int  # re-planned occurrences waiting to be accepted
    unassigned_areas: tuple[str, ...]  # areas with no responsible cleaner
    printed: datetime

    @property
    def days(self) -> list[date]:
        """The days of the month."""
        return [self.first + timedelta(days=offset) for offset in range((self.last - self.first).days + 1)]

    @property
    def confirmed(self) -> bool:
        """Whether the chart is the rota the clerk accepted, with nothing re-planned since."""
        return self.accepted and not self.changes


TITLE = "保洁排班表"
ALL_COVERED = "全部任务已安排。"
PAGE_WIDTH, PAGE_HEIGHT = 297.0, 210.0
MARGIN = 8.0
WIDTH = PAGE_WIDTH - 2 * MARGIN
BOTTOM = PAGE_HEIGHT - MARGIN
NAME_WIDTH = 18.0
TOTAL_COLUMNS = (("本月分钟", 12.5), ("工作天数", 8.5), ("日均分钟", 11.5))
GRID_TOP = 25.0
DAY_ROW = 5.0  # the day numbers
WEEKDAY_ROW = 4.5
ROW = 7.0  # a cleaner's row: taller when the lists leave room, lower for a large team (one page)
TALLEST_ROW = 8.5
ONE_PAGE_ROW = 6.0  # rows as low as this keep the lists on the grid's page
LEAST_ROW = 4.2
NUMBER_BLEED = 0.65  # mm of a day cell's padding its figure may use
LEGEND = 7.0
HEADING = 6.0
SIGNATURES = 9.5
COLUMN_GAP = 6.0
LIST_LINE = 4.2  # a line of the lists under the grid
LIST_SIZE = 8.0

RED = (200, 30, 30)
GREY = (100, 100, 100)
HEADER_FILL = (225, 225, 225)
WEEKEND_FILL = (236, 236, 236)
WEEKEND_HEADER_FILL = (205, 205, 205)
LEAVE_FILL = (255, 236, 205)
LEAVE_TEXT = (150, 80, 0)
TOTAL_FILL = (245, 245, 245)


class _Chart:
    """Draws the wall chart top to bottom, going on to a new page where the lists need it."""

    def __init__(self, pdf: FPDF, chart: RotaChartDocument) -> None:
        self.pdf = pdf
        self.paper = Paper(pdf)
        self.chart = chart
        self.days = chart.days
        self.day_width = (WIDTH - NAME_WIDTH - sum(width for _title, width in TOTAL_COLUMNS)) / len(self.days)
        self.y = 0.0
        # The lists under the grid, laid out first: the room they take decides the grid's row height.
        half = (WIDTH - COLUMN_GAP) / 2
        blocks = [self._list(f"{row.name}：", row.areas or ("（无）",), half) for row in chart.rows]
        split = (len(blocks) + 1) // 2
        self.left = [line for block in blocks[:split] for line in block]
        self.right = [line for block in blocks[split:] for line in block]
        self.unassigned = (
            self._list("任务区域未指定责任人：", chart.unassigned_areas, WIDTH)
            if chart.unassigned_areas
            else []
        )
        self.missing = self._uncovered_lines()

    # ------------------------------------------------------------ the head

    def title(self) -> str:
        chart = self.chart
        return f"{chart.estate_name} {month_words(chart.month)} {TITLE}"

    def head(self) -> None:
        chart = self.chart
        stamp = 0.0 if chart.confirmed else 30.0
        self.paper.cell(MARGIN + stamp, 6, WIDTH - 2 * stamp, 10, self.title(), 17, True, "C", smallest=11)
        if not chart.confirmed:
            self.stamp(MARGIN + WIDTH - 26, 6.5)
        covered = chart.occurrences - len(chart.uncovered)
        said = f"共 {len(chart.rows)} 人；本月任务 {chart.occurrences} 次，已安排 {covered} 次"
        said += f"，未安排 {len(chart.uncovered)} 次" if chart.uncovered else ""
        self.paper.cell(MARGIN, 17, 150, 6, said, 9.5, smallest=7.5)
        if not chart.accepted:
            state, colour = "本月排班尚未确认，以下为系统排出的方案", RED
        elif chart.changes:
            state, colour = f"确认后因请假等变动重排 {chart.changes} 处，尚待确认", RED
        else:
            state, colour = "本月排班已确认", GREY
        self.paper.cell(MARGIN + 150, 17, 82, 6, state, 9, align="R", colour=colour, smallest=7)
        printed = f"打印：{time_text(chart.printed)}"
        self.paper.cell(MARGIN + 232, 17, WIDTH - 232, 6, printed, 8, align="R", colour=GREY, smallest=6.5)

    def stamp(self, x: float, y: float) -> None:
        """The red framed 未确认, as a stamp would say it."""
        pdf = self.pdf
        pdf.set_draw_color(*RED)
        pdf.set_line_width(0.5)
        pdf.rect(x, y, 26, 9)
        self.paper.cell(x, y, 26, 9, NOT_ACCEPTED, 13, True, "C", colour=RED)
        pdf.set_draw_color(*BLACK)
        pdf.set_line_width(0.2)

    # ------------------------------------------------------------ the grid

    def lists_height(self) -> float:
        """What the legend, the lists and the signatures take under the grid."""
        responsibilities = max(len(self.left), len(self.right)) + len(self.unassigned)
        return LEGEND + 2 * HEADING + (responsibilities + len(self.missing)) * LIST_LINE + 1.5 + SIGNATURES

    def row_height(self) -> float:
        """A cleaner's row: up to 8.5 mm when the lists keep to the page, down to 6 mm to keep them there.

        The grid never splits: a large team gets lower rows still, and lists too long for the page
        (a month with many uncovered occurrences) go on to the next one with 7 mm rows.
        """
        rows = len(self.chart.rows) + 2  # the day's total and the uncovered
        room = BOTTOM - GRID_TOP - DAY_ROW - WEEKDAY_ROW
        shared = (room - self.lists_height()) / rows
        if shared >= ONE_PAGE_ROW:
            return min(TALLEST_ROW, shared)
        return max(LEAST_ROW, min(ROW, (room - LEGEND) / rows))

    def grid(self) -> None:
        chart, paper = self.chart, self.paper
        height = self.row_height()
        size = min(9.0, max(6.0, height + 1))  # 8 points in a 7 mm row
        x0, y = MARGIN, GRID_TOP
        header = DAY_ROW + WEEKDAY_ROW
        paper.fill(x0, y, WIDTH, header, HEADER_FILL)
        paper.cell(x0, y, NAME_WIDTH, header, "保洁员", 8.5, True, "C")
        paper.frame(x0, y, NAME_WIDTH, header)
        for index, day in enumerate(self.days):
            x = self.day_x(index)
            weekend = day.weekday() >= 5
            if weekend:
                paper.fill(x, y, self.day_width, header, WEEKEND_HEADER_FILL)
            paper.cell(x, y, self.day_width, DAY_ROW + 0.5, str(day.day), 8, True, "C")
            colour = RED if weekend else BLACK
            paper.cell(
                x,
                y + DAY_ROW - 0.3,
                self.day_width,
                WEEKDAY_ROW,
                weekday_word(day),
                7,
                align="C",
                colour=colour,
            )
            paper.frame(x, y, self.day_width, header)
        x = self.totals_x()
        for title, width in TOTAL_COLUMNS:
            paper.cell(x, y + 0.3, width, header / 2, title[:2], 7.5, True, "C")
            paper.cell(x, y + header / 2 - 0.3, width, header / 2, title[2:], 7.5, True, "C")
            paper.frame(x, y, width, header)
            x += width
        y += header
        for row in chart.rows:
            self.cleaner_row(row, y, height, size)
            y += height
        self.total_rows(y, height, size)
        self.y = y + 2 * height

    def day_x(self, index: int) -> float:
        return MARGIN + NAME_WIDTH + index * self.day_width

    def totals_x(self) -> float:
        return MARGIN + NAME_WIDTH + len(self.days) * self.day_width

    def number(
        self,
        index: int,
        y: float,
        height: float,
        text: str,
        size: float,
        bold: bool = False,
        colour: Colour = BLACK,
    ) -> None:
        """A day's figure, allowed into the cell's padding: 4 digits keep 8 points in a 7 mm column."""
        x = self.day_x(index) - NUMBER_BLEED
        width = self.day_width + 2 * NUMBER_BLEED
        self.paper.cell(x, y, width, height, text, size, bold, "C", colour=colour, smallest=size - 2)

    def cleaner_row(self, row: ChartRow, y: float, height: float, size: float) -> None:
        paper = self.paper
        paper.cell(MARGIN, y, NAME_WIDTH, height, row.name, size + 1, True, border=True, smallest=6)
        for index, (day, presence, minutes) in enumerate(
            zip(self.days, row.presence, row.minutes, strict=True)
        ):
            x = self.day_x(index)
            if presence is Presence.ON_LEAVE:
                paper.fill(x, y, self.day_width, height, LEAVE_FILL)
            elif day.weekday() >= 5:
                paper.fill(x, y, self.day_width, height, WEEKEND_FILL)
            if minutes:  # minutes on a day off cannot be planned, but a number is never hidden
                self.number(index, y, height, str(minutes), size)
            elif presence is Presence.DAY_OFF:
                self.number(index, y, height, DAY_OFF, size, colour=GREY)
            elif presence is Presence.ON_LEAVE:
                self.number(index, y, height, ON_LEAVE, size, True, LEAVE_TEXT)
            paper.frame(x, y, self.day_width, height)
        x = self.totals_x()
        texts = (str(row.total), str(row.working_days), one_decimal(row.rate))
        for index, (text, (_title, width)) in enumerate(zip(texts, TOTAL_COLUMNS, strict=True)):
            outside = index == 2 and not row.within
            paper.cell(
                x,
                y,
                width,
                height,
                text,
                size,
                outside,
                "R",
                True,
                colour=RED if outside else BLACK,
                smallest=5.5,
            )
            x += width

    def total_rows(self, y: float, height: float, size: float) -> None:
        chart, paper = self.chart, self.paper
        per_day = [sum(row.minutes[index] for row in chart.rows) for index in range(len(self.days))]
        uncovered: dict[date, int] = defaultdict(int)
        for line in chart.uncovered:
            uncovered[line.day] += 1
        missing = y + height
        paper.fill(MARGIN, y, WIDTH, height, TOTAL_FILL)
        paper.cell(MARGIN, y, NAME_WIDTH, height, "当日合计", size, True, border=True, smallest=6)
        paper.cell(MARGIN, missing, NAME_WIDTH, height, "未安排(次)", size, True, border=True, smallest=5.5)
        for index, day in enumerate(self.days):
            x = self.day_x(index)
            if per_day[index]:
                self.number(index, y, height, str(per_day[index]), size)
            paper.frame(x, y, self.day_width, height)
            if uncovered.get(day):
                self.number(index, missing, height, str(uncovered[day]), size, True, RED)
            paper.frame(x, missing, self.day_width, height)
        x = self.totals_x()
        first = TOTAL_COLUMNS[0][1]
        width = sum(width for _title, width in TOTAL_COLUMNS)
        paper.cell(x, y, first, height, str(sum(per_day)), size, True, "R", True, smallest=5.5)
        paper.cell(x + first, y, width - first, height, border=True)
        total = f"共 {len(chart.uncovered)} 次" if chart.uncovered else "无"
        paper.cell(
            x, missing, width, height, total, size, True, "C", True, colour=RED if chart.uncovered else BLACK
        )

    # ------------------------------------------------------------ under the grid

    def legend(self) -> None:
        chart = self.chart
        self.y += 1.0
        parts = [
            "格内数字：当日安排的分钟数",
            f"{DAY_OFF}：休息日",
            f"{ON_LEAVE}：请假",
            "灰底：周六、周日",
            f"全队日均 {one_decimal(chart.average)} 分钟，允许偏差 ±{one_decimal(chart.tolerance)} 分钟",
        ]
        if any(not row.within for row in chart.rows):
            parts.append("日均分钟为红字者超出允许偏差")
        self.paper.cell(MARGIN, self.y, WIDTH, 5, "　".join(parts), 8, colour=GREY, smallest=6.5)
        self.y = self.y - 1.0 + LEGEND

    def room(self, height: float) -> None:
        """Go on to a new page unless ``height`` mm fit under what is drawn."""
        if self.y + height <= BOTTOM:
            return
        self.pdf.add_page()
        self.paper.cell(MARGIN, 6, WIDTH, 8, f"{self.title()}（续）", 12, True, "C", smallest=9)
        self.y = 17.0

    def heading(self, text: str) -> None:
        self.room(HEADING + LIST_LINE)  # a heading is never left alone at the foot of a page
        self.paper.cell(MARGIN, self.y, WIDTH, HEADING, text, 10, True)
        self.y += HEADING

    def lines(self, lines: Sequence[str], x: float = MARGIN, width: float = WIDTH) -> None:
        for text in lines:
            self.room(LIST_LINE)
            self.paper.cell(x, self.y, width, LIST_LINE, text, LIST_SIZE)
            self.y += LIST_LINE

    def responsibilities(self) -> None:
        """Each cleaner's areas in two columns (else one after the other), then the areas of no one."""
        self.heading("责任区域")
        if self.y + LIST_LINE * max(len(self.left), len(self.right)) <= BOTTOM:
            top = self.y
            self.lines(self.left, MARGIN, (WIDTH - COLUMN_GAP) / 2)
            bottom, self.y = self.y, top
            self.lines(self.right, MARGIN + (WIDTH + COLUMN_GAP) / 2, (WIDTH - COLUMN_GAP) / 2)
            self.y = max(bottom, self.y)
        else:
            self.lines(self.left + self.right)
        self.lines(self.unassigned)
        self.y += 1.5

    def _list(self, label: str, items: Sequence[str], width: float) -> list[str]:
        """``label`` then ``items`` joined by 、, wrapped between items; the next lines indented."""
        paper = self.paper
        indent = "　" * 2
        lines: list[str] = []
        line, fresh = label, True  # a line's first item goes on it, however long (it is then shortened)
        for index, item in enumerate(items):
            piece = item + ("、" if index < len(items) - 1 else "")
            if not fresh and paper.width(line + piece, LIST_SIZE) > width - 2 * CELL_PADDING:
                lines.append(line)
                line = indent
            line += piece
            fresh = False
        lines.append(line)
        return lines

    def _uncovered_lines(self) -> list[str]:
        """Every uncovered occurrence, a paragraph for each day and reason."""
        groups: dict[tuple[date, Why], list[UncoveredLine]] = defaultdict(list)
        for line in self.chart.uncovered:
            groups[line.day, line.why].append(line)
        lines: list[str] = []
        for (day, why), found in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1].value)):
            items = [
                f"{line.area} {line.task}{occurrence_words(line.occurrence, line.times)}" for line in found
            ]
            lines += self._list(
                f"{short_date_words(day)} {WHY_WORDS[why]}（{len(found)} 次）：", items, WIDTH
            )
        return lines or [ALL_COVERED]

    def uncovered(self) -> None:
        count = len(self.chart.uncovered)
        self.heading(f"未安排的任务（{count} 次）" if count else "未安排的任务")
        self.lines(self.missing)

    def signatures(self) -> None:
        pdf = self.pdf
        self.room(SIGNATURES)
        self.y += 1.5
        for x, who in ((MARGIN, "制表（签名）："), (MARGIN + 90, "审核（签名）：")):
            self.paper.cell(x, self.y, 26, 7, who, 9.5)
            pdf.line(x + 26, self.y + 6, x + 76, self.y + 6)
        self.y += SIGNATURES - 1.5


def rota_chart_pdf(chart: RotaChartDocument) -> FPDF:
    """The wall chart drawn: the grid on one A4 landscape page, the lists under it (going on if long)."""
    pdf = new_document(f"{chart.estate_name} {chart.month} {TITLE}", landscape=True)
    pdf.add_page()
    pdf.set_line_width(0.2)
    drawer = _Chart(pdf, chart)
    drawer.head()
    drawer.grid()
    drawer.legend()
    drawer.responsibilities()
    drawer.uncovered()
    drawer.signatures()
    return pdf


def write_rota_chart(chart: RotaChartDocument, path: Path) -> int:
    """Write the wall chart's PDF at ``path`` (whole or not at all); return its pages."""
    pdf = rota_chart_pdf(chart)
    write_pdf(pdf, path)
    return pdf.pages_count
