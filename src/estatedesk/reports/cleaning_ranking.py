"""The month's cleaning ranking (保洁考评排名, RULES.md §5: 奖优罚劣), printed for the notice board.

A4 portrait: the bands used, the cleaners ranked by their average inspection score (rank, name,
average to one decimal, inspections, band in words), each cleaner's average over the last six
months as a small line chart of their own beside the team's average (drawn with fpdf2's lines, no
plotting library), then the areas ranked the same way, in two columns when they are many, and the
signatures. Tables go on to a new page with their header again; a row is never split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from itertools import pairwise
from math import floor
from pathlib import Path

from fpdf import FPDF

from estatedesk.domain.cleaning_scores import Band
from estatedesk.reports.cleaning_paper import Paper
from estatedesk.reports.cleaning_words import BAND_WORDS, month_words, one_decimal, two_decimals
from estatedesk.reports.pdf import BLACK, new_document, write_pdf
from estatedesk.reports.repair_words import time_text


@dataclass(frozen=True)
class RankLine:
    """A cleaner or an area in the ranking."""

    rank: int
    name: str
    average: Fraction
    inspections: int
    band: Band


@dataclass(frozen=True)
class HistorySeries:
    """A cleaner's average score month by month (None: not inspected that month)."""

    name: str
    averages: tuple[Fraction | None, ...]


@dataclass(frozen=True)
class RankingDocument:
    """The month's ranking as printed."""

    estate_name: str
    month: str  # YYYY-MM
    cleaners: tuple[RankLine, ...]
    areas: tuple[RankLine, ...]
    top_percent: int
    bottom_percent: int
    months: tuple[str, ...]  # the chart's months, oldest first, this month last
    history: tuple[HistorySeries, ...]  # in the order the chart shows them
    printed: datetime


TITLE = "保洁检查考评排名"
NONE_INSPECTED = "本月无检查记录"
PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0
SIDE = 15.0
WIDTH = PAGE_WIDTH - 2 * SIDE  # 180 mm
TOP = 12.0
BOTTOM = PAGE_HEIGHT - 12.0
ROW = 6.5
AREA_ROW = 6.0
CLEANER_COLUMNS = (
    ("名次", 18.0, "C"),
    ("保洁员", 56.0, "L"),
    ("平均分", 30.0, "R"),
    ("检查次数", 30.0, "R"),
    ("等级", 46.0, "C"),
)
AREA_COLUMNS = (
    ("名次", 10.0, "C"),
    ("区域", 33.0, "L"),
    ("平均分", 13.0, "R"),
    ("次数", 9.0, "R"),
    ("等级", 22.0, "C"),
)
AREA_GAP = 6.0  # between the two columns of the areas' table
PANELS_PER_ROW = 4
PANEL_GAP = 3.0
TALLEST_PANEL = 42.0
LEAST_PANEL = 30.0
CAPTION = 6.0

RED = (200, 30, 30)
GREEN = (20, 110, 50)
GREY = (100, 100, 100)
LIGHT = (170, 170, 170)
LINE = (40, 80, 150)
BAND_COLORS = {Band.COMMENDED: GREEN, Band.MIDDLE: BLACK, Band.FLAGGED: RED}


def bands_text(top_percent: int, bottom_percent: int) -> str:
    """The bands in words: ``前20%奖励、中间70%鼓励、后10%末位（需跟进）``."""
    middle = 100 - top_percent - bottom_percent
    return (
        f"前{top_percent}%{BAND_WORDS[Band.COMMENDED]}、中间{middle}%{BAND_WORDS[Band.MIDDLE]}、"
        f"后{bottom_percent}%{BAND_WORDS[Band.FLAGGED]}"
    )


def band_counts(lines: Sequence[RankLine], unit: str) -> str:
    """How many are in each band: ``奖励 2 人、鼓励 9 人、末位（需跟进）1 人``."""
    return "、".join(
        f"{BAND_WORDS[band]} {sum(1 for line in lines if line.band is band)} {unit}" for band in Band
    )


def _dip(values: Sequence[Fraction | None], index: int) -> bool:
    """Whether a month's value is lower than each neighbour that has one (and it has at least one)."""
    value = values[index]
    neighbours = [values[other] for other in (index - 1, index + 1) if 0 <= other < len(values)]
    present = [other for other in neighbours if other is not None]
    return value is not None and bool(present) and all(value < other for other in present)


def scale_floor(lowest: Fraction) -> int:
    """Where the chart's scale starts: a ten below the lowest average, so that months apart look apart."""
    return max(0, min(90, floor(lowest / 10) * 10 - 10))


def team_averages(history: Sequence[HistorySeries], months: int) -> list[Fraction | None]:
    """The team's average of each month: the mean of the cleaners' averages that month."""
    found: list[Fraction | None] = []
    for index in range(months):
        values = [value for value in (series.averages[index] for series in history) if value is not None]
        found.append(sum(values, Fraction(0)) / len(values) if values else None)
    return found


class _Ranking:
    """Draws the ranking top to bottom, going on to new pages as tables need."""

    def __init__(self, pdf: FPDF, document: RankingDocument) -> None:
        self.pdf = pdf
        self.paper = Paper(pdf)
        self.document = document
        self.y = TOP

    def title(self) -> str:
        document = self.document
        return f"{document.estate_name} {month_words(document.month)} {TITLE}"

    def head(self) -> None:
        document = self.document
        self.paper.cell(SIDE, self.y, WIDTH, 10, self.title(), 16, True, "C", smallest=11)
        self.y += 12
        said = (
            f"按本月每周检查的平均分排名；等级：{bands_text(document.top_percent, document.bottom_percent)}；"
            "平均分相同者名次并列。"
        )
        self.paper.cell(SIDE, self.y, WIDTH, 5.5, said, 9, colour=GREY, align="C", smallest=7)
        self.y += 7

    def room(self, height: float) -> bool:
        """Go on to a new page unless ``height`` mm fit; whether it did."""
        if self.y + height <= BOTTOM:
            return False
        self.new_page()
        return True

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = TOP
        self.paper.cell(SIDE, self.y, WIDTH, 8, f"{self.title()}（续）", 12, True, "C", smallest=9)
        self.y += 10

    def heading(self, text: str, after: float) -> None:
        """A section's heading, kept on the page with the first ``after`` mm of what follows it."""
        self.room(9 + after)
        self.y += 2
        self.paper.cell(SIDE, self.y, WIDTH, 7, text, 12, True)
        self.y += 8

    def header(self, x: float, columns: Sequence[tuple[str, float, str]], height: float) -> None:
        for title, width, _align in columns:
            self.paper.cell(
                x, self.y, width, height, title, 9.5, True, "C", border=True, fill=True, smallest=7
            )
            x += width

    def row(
        self,
        x: float,
        y: float,
        columns: Sequence[tuple[str, float, str]],
        line: RankLine,
        height: float,
        size: float,
    ) -> None:
        texts = (
            str(line.rank),
            line.name,
            two_decimals(line.average),
            str(line.inspections),
            BAND_WORDS[line.band],
        )
        color = BAND_COLORS[line.band]
        for index, (text, (_title, width, align)) in enumerate(zip(texts, columns, strict=True)):
            banded = index == 4
            self.paper.cell(
                x,
                y,
                width,
                height,
                text,
                size,
                banded and line.band is not Band.MIDDLE,
                align,
                True,
                colour=color if banded else BLACK,
                smallest=6.5,
            )
            x += width

    def cleaners(self) -> None:
        document = self.document
        lines = document.cleaners
        counts = f"：{band_counts(lines, '人')}" if lines else ""
        self.heading(f"一、保洁员排名（{len(lines)} 人{counts}）", 2 * ROW)
        self.header(SIDE, CLEANER_COLUMNS, ROW)
        self.y += ROW
        if not lines:
            self.paper.cell(SIDE, self.y, WIDTH, ROW, NONE_INSPECTED, 10, align="C", border=True)
            self.y += ROW
        for line in lines:
            if self.room(ROW):
                self.header(SIDE, CLEANER_COLUMNS, ROW)
                self.y += ROW
            self.row(SIDE, self.y, CLEANER_COLUMNS, line, ROW, 10)
            self.y += ROW

    def areas(self) -> None:
        document = self.document
        lines = document.areas
        counts = f"：{band_counts(lines, '个')}" if lines else ""
        self.heading(f"三、区域排名（{len(lines)} 个{counts}）", 2 * AREA_ROW)
        width = sum(width for _title, width, _align in AREA_COLUMNS)
        if not lines:
            self.header(SIDE, AREA_COLUMNS, AREA_ROW)
            self.y += AREA_ROW
            self.paper.cell(SIDE, self.y, width, AREA_ROW, NONE_INSPECTED, 10, align="C", border=True)
            self.y += AREA_ROW
            return
        left = list(lines)
        while left:
            # Two columns side by side, the left one read first, as many rows as the page has room for.
            rows = int((BOTTOM - self.y) // AREA_ROW) - 1  # under the header
            if rows < 3:
                self.new_page()
                rows = int((BOTTOM - self.y) // AREA_ROW) - 1
            page, left = left[: 2 * rows], left[2 * rows :]
            per_column = (len(page) + 1) // 2
            for column, x in enumerate((SIDE, SIDE + width + AREA_GAP)):
                chunk = page[column * per_column : (column + 1) * per_column]
                if not chunk:
                    continue
                self.header(x, AREA_COLUMNS, AREA_ROW)
                for index, line in enumerate(chunk, start=1):
                    self.row(x, self.y + index * AREA_ROW, AREA_COLUMNS, line, AREA_ROW, 9)
            self.y += (per_column + 1) * AREA_ROW
            if left:
                self.new_page()

    def chart(self) -> None:
        document = self.document
        count = len(document.months)
        self.heading(f"二、近{count}个月平均分走势", LEAST_PANEL)
        if not document.history:
            self.paper.cell(SIDE, self.y, WIDTH, 7, f"近{count}个月无检查记录。", 10, colour=GREY)
            self.y += 8
            return
        values = [value for series in document.history for value in series.averages if value is not None]
        low = scale_floor(min(values))
        team = team_averages(document.history, count)
        panel_width = (WIDTH - PANEL_GAP * (PANELS_PER_ROW - 1)) / PANELS_PER_ROW
        rows = -(-len(document.history) // PANELS_PER_ROW)
        # As tall as the page has room for (the caption under them), within bounds: twelve keep page one.
        height = min(TALLEST_PANEL, max(LEAST_PANEL, (BOTTOM - self.y - CAPTION) / rows - PANEL_GAP))
        for start in range(0, len(document.history), PANELS_PER_ROW):
            self.room(height + PANEL_GAP)
            for offset, series in enumerate(document.history[start : start + PANELS_PER_ROW]):
                x = SIDE + offset * (panel_width + PANEL_GAP)
                self.panel(x, self.y, panel_width, height, series, team, low)
            self.y += height + PANEL_GAP
        caption = "蓝色实线：本人月平均分（点上数字）；灰色虚线：全体保洁员平均；空缺：当月无检查。"
        self.room(CAPTION)
        self.paper.cell(SIDE, self.y - 2, WIDTH, 5, caption, 8, colour=GREY, align="C", smallest=6.5)
        self.y += CAPTION - 2

    def panel(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        series: HistorySeries,
        team: Sequence[Fraction | None],
        low: int,
    ) -> None:
        """One cleaner's months: a line over a scale from ``low`` to 100, the team's average dashed behind."""
        pdf, document = self.pdf, self.document
        pdf.set_draw_color(*LIGHT)
        pdf.set_line_width(0.2)
        pdf.rect(x, y, width, height)
        pdf.set_draw_color(*BLACK)
        self.paper.cell(x + 1, y + 0.5, width - 2, 5.5, series.name, 9, True, smallest=7)
        axis = 7.0
        plot_x, plot_y = x + axis, y + 9.5  # the name, and room for a value over the highest point
        plot_w, plot_h = width - axis - 2, height - 9.5 - 7.5  # the months under it
        pdf.set_line_width(0.1)
        pdf.set_draw_color(*LIGHT)
        middle = (low + 100) // 2
        for level in (low, middle, 100):
            height = plot_y + plot_h * (100 - level) / (100 - low)
            pdf.line(plot_x, height, plot_x + plot_w, height)
            self.paper.centred(x + axis / 2 + 0.3, height, str(level), 5.5, GREY)
        slot = plot_w / max(len(document.months), 1)

        def point(index: int, value: Fraction) -> tuple[float, float]:
            shown = min(max(float(value), float(low)), 100.0)
            return plot_x + (index + 0.5) * slot, plot_y + plot_h * (100 - shown) / (100 - low)

        pdf.set_draw_color(*LIGHT)
        pdf.set_line_width(0.3)
        pdf.set_dash_pattern(dash=1.0, gap=0.8)
        self._lines([None if value is None else point(index, value) for index, value in enumerate(team)])
        pdf.set_dash_pattern()
        pdf.set_draw_color(*LINE)
        pdf.set_line_width(0.45)
        points = [
            None if value is None else point(index, value) for index, value in enumerate(series.averages)
        ]
        self._lines(points)
        pdf.set_fill_color(*LINE)
        for index, (value, at) in enumerate(zip(series.averages, points, strict=True)):
            month = document.months[index]
            self.paper.centred(
                plot_x + (index + 0.5) * slot, plot_y + plot_h + 2.5, f"{int(month[5:])}月", 6, GREY
            )
            if value is None or at is None:
                self.paper.centred(plot_x + (index + 0.5) * slot, plot_y + plot_h - 2, "—", 6, GREY)
                continue
            pdf.circle(at[0], at[1], 0.7, style="F")
            # A dip's value goes under its point, clear of the lines that come down to it.
            shift = 2.5 if _dip(series.averages, index) and at[1] + 2.5 < plot_y + plot_h else -2.3
            self.paper.centred(at[0], at[1] + shift, one_decimal(value), 5.5)
        pdf.set_draw_color(*BLACK)
        pdf.set_line_width(0.2)

    def _lines(self, points: Sequence[tuple[float, float] | None]) -> None:
        """Lines between neighbouring points; a month with no value breaks the line."""
        for before, after in pairwise(points):
            if before is not None and after is not None:
                self.pdf.line(before[0], before[1], after[0], after[1])

    def signatures(self) -> None:
        pdf = self.pdf
        self.room(20)
        self.y += 6
        for x, who in ((SIDE, "制表（签名）："), (SIDE + WIDTH / 2, "审核（签名）：")):
            self.paper.cell(x, self.y, 28, 7, who, 10.5)
            pdf.line(x + 28, self.y + 6, x + WIDTH / 2 - 10, self.y + 6)
        self.y += 10
        printed = f"打印时间：{time_text(self.document.printed)}"
        self.paper.cell(SIDE, self.y, WIDTH, 5, printed, 8.5, align="R", colour=GREY)


def ranking_pdf(document: RankingDocument) -> FPDF:
    """The ranking drawn on A4 portrait pages."""
    pdf = new_document(f"{document.estate_name} {document.month} {TITLE}")
    pdf.add_page()
    pdf.set_line_width(0.2)
    drawer = _Ranking(pdf, document)
    drawer.head()
    drawer.cleaners()
    drawer.chart()
    drawer.areas()
    drawer.signatures()
    return pdf


def write_ranking(document: RankingDocument, path: Path) -> int:
    """Write the ranking's PDF at ``path`` (whole or not at all); return its pages."""
    pdf = ranking_pdf(document)
    write_pdf(pdf, path)
    return pdf.pages_count
