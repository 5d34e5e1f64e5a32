"""The work order sheet (派工单, RULES.md §4): what the worker takes to the job, filled in by hand there.

One A4 page: the order as received (number, time, category, urgency, place, the reporter's room and
masked phone, the description), who it went to, its deadlines with the calendar they were counted
with, then boxes for the worker to fill in on site (work done, materials, costs, who pays, arrival
and completion times) and the signatures of the worker and of the owner or reporter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fpdf import FPDF

from estatedesk.reports.pdf import BLACK, FONT, draw_cell, fit_text, new_document, wrap_text, write_pdf
from estatedesk.reports.repair_words import due_text, time_text


@dataclass(frozen=True)
class WorkOrderDocument:
    """Everything a work order sheet shows, in words (the caller has masked the phone)."""

    estate_name: str
    number: str  # "000012"
    received: datetime
    channel: str  # 电话
    kind: str  # 报修
    category: str  # 户内维修
    urgency: str  # 急修 / 一般
    emergency: bool
    place: str
    reporter: str  # the room and/or the caller's name; "" for an anonymous call
    reporter_phone: str  # masked: 139****4321
    description: str
    worker: str  # "" while not dispatched: written in by hand
    worker_phone: str
    contractor: bool
    dispatched: datetime | None
    arrive_due: datetime | None
    finish_due: datetime | None
    calendar_note: str  # "" when the statutory calendar counted the deadlines, else what did
    reworks: int  # how many times a return visit sent it back
    printed: datetime


TITLE = "派工单"
ANONYMOUS = "（匿名）"
NO_LIMIT = "本类别不设时限"
TO_FILL = "以下由维修人员在现场填写"
HAND_TIME = "　　　年　　月　　日　　时　　分"
PAYERS = "□业主　　□小区经费　　□维修资金（□业主共同决定　□应急使用）"
OPINION = "□满意　　□不满意"
NOTE = "完工后请将本单交回物业服务中心，由客服录入系统并安排回访。"

PAGE_WIDTH = 210.0
SIDE = 15.0
WIDTH = PAGE_WIDTH - 2 * SIDE  # 180 mm
LABEL = 26.0  # a label column
VALUE = WIDTH / 2 - LABEL  # a value column when a row holds two pairs
ROW = 8.5
LINE = 5.0  # a line of a wrapped description
DESCRIPTION_LINES = 5
MATERIAL_COLUMNS = (
    ("材料名称", 52.0),
    ("规格型号", 34.0),
    ("数量", 20.0),
    ("单价（元）", 24.0),
    ("金额（元）", 24.0),
)
MATERIAL_ROWS = 4
WORK_BOX = 28.0  # the least height of the box for the work done
SIGNATURES = 26.0
NOTE_HEIGHT = 7.0
BELOW_WORK = ROW * (MATERIAL_ROWS + 1) + 3 * ROW + SIGNATURES + NOTE_HEIGHT  # materials to the note
BOTTOM = 287.0

RED = (200, 30, 30)
GREY = (100, 100, 100)


class _Sheet:
    """Draws the sheet's cells: framed or not, text shrunk (then shortened) to fit its width."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf

    def cell(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        text: str = "",
        size: float = 10.5,
        bold: bool = False,
        align: str = "L",
        border: bool = False,
        fill: bool = False,
        color: tuple[int, int, int] = BLACK,
        smallest: float = 8.0,
    ) -> None:
        """``draw_cell`` in the sheet's type: 10.5 points unless said, shrunk down to 8 before shortened."""
        draw_cell(self.pdf, x, y, width, height, text, size, bold, align, border, fill, color, smallest)

    def label(self, x: float, y: float, height: float, text: str, width: float = LABEL) -> None:
        self.cell(x, y, width, height, text, 10, True, "C", border=True, fill=True)

    def pair(self, y: float, label: str, value: str, color: tuple[int, int, int] = BLACK) -> float:
        """A label and its value across the whole width; returns the y below."""
        self.label(SIDE, y, ROW, label)
        self.cell(SIDE + LABEL, y, WIDTH - LABEL, ROW, value, border=True, color=color)
        return y + ROW

    def pairs(
        self, y: float, first: tuple[str, str], second: tuple[str, str], bold_second: bool = False
    ) -> float:
        """Two labels and values side by side; returns the y below."""
        self.label(SIDE, y, ROW, first[0])
        self.cell(SIDE + LABEL, y, VALUE, ROW, first[1], border=True)
        x = SIDE + LABEL + VALUE
        self.label(x, y, ROW, second[0])
        color = RED if bold_second else BLACK
        self.cell(x + LABEL, y, VALUE, ROW, second[1], bold=bold_second, border=True, color=color)
        return y + ROW

    def mark(self, x: float, y: float, text: str) -> None:
        """A red framed word beside the title (急修, 返修), as a stamp would say it."""
        self.pdf.set_draw_color(*RED)
        self.pdf.set_line_width(0.5)
        self.pdf.rect(x, y, 22, 9)
        self.cell(x, y, 22, 9, text, 13, True, "C", color=RED)
        self.pdf.set_draw_color(*BLACK)
        self.pdf.set_line_width(0.2)

    def rule(self, x: float, y: float, width: float) -> None:
        """A line to write on."""
        self.pdf.line(x, y, x + width, y)


def _deadline(due: datetime | None, note: str) -> str:
    return "" if due is None else due_text(due) + note


def _head(sheet: _Sheet, order: WorkOrderDocument) -> float:
    sheet.cell(SIDE, 10, WIDTH, 7, order.estate_name, 13, True, "C", smallest=9)
    sheet.cell(SIDE + 30, 18, WIDTH - 60, 12, TITLE, 22, True, "C")
    marks = [word for word, shown in (("急修", order.emergency), ("返修", order.reworks > 0)) if shown]
    for index, word in enumerate(marks):
        sheet.mark(SIDE + WIDTH - 22 - index * 25, 19.5, word)
    sheet.pdf.set_line_width(0.4)
    sheet.rule(PAGE_WIDTH / 2 - 22, 30.5, 44)
    sheet.pdf.set_line_width(0.2)
    sheet.cell(SIDE, 33, 90, 7, f"单号：No. {order.number}", 12, True, color=RED)
    sheet.cell(
        SIDE + 90, 33, WIDTH - 90, 7, f"打印时间：{time_text(order.printed)}", 9, align="R", color=GREY
    )
    return 41.0


def _order_part(sheet: _Sheet, order: WorkOrderDocument, y: float) -> float:
    """The order as received and dispatched, with its deadlines."""
    y = sheet.pairs(y, ("受理时间", time_text(order.received)), ("受理方式", order.channel))
    y = sheet.pairs(
        y, ("类　　别", f"{order.category}（{order.kind}）"), ("紧急程度", order.urgency), order.emergency
    )
    y = sheet.pair(y, "报修地点", order.place)
    y = sheet.pairs(y, ("报 修 人", order.reporter or ANONYMOUS), ("联系电话", order.reporter_phone))
    pdf = sheet.pdf
    pdf.set_font(FONT, "", 10.5)
    lines = wrap_text(pdf, order.description, WIDTH - LABEL)
    if len(lines) > DESCRIPTION_LINES:
        # A description longer than the box is kept whole in the file; the sheet shows its start.
        lines = [
            *lines[: DESCRIPTION_LINES - 1],
            fit_text(pdf, "".join(lines[DESCRIPTION_LINES - 1 :]), WIDTH - LABEL),
        ]
    height = max(ROW, len(lines) * LINE + 3)
    sheet.label(SIDE, y, height, "问题描述")
    sheet.cell(SIDE + LABEL, y, WIDTH - LABEL, height, border=True)
    for index, line in enumerate(lines):
        sheet.cell(SIDE + LABEL, y + 1.5 + index * LINE, WIDTH - LABEL, LINE, line)
    y += height
    worker = order.worker + ("（外单位）" if order.worker and order.contractor else "")
    y = sheet.pairs(y, ("维修人员", worker), ("人员电话", order.worker_phone))
    dispatched = "" if order.dispatched is None else time_text(order.dispatched)
    y = sheet.pairs(y, ("派工时间", dispatched), ("返修次数", str(order.reworks) if order.reworks else "—"))
    if order.arrive_due is None and order.finish_due is None:
        return sheet.pair(y, "时　　限", NO_LIMIT)
    if order.arrive_due is not None:
        y = sheet.pair(y, "到场时限", _deadline(order.arrive_due, order.calendar_note), RED)
    if order.finish_due is not None:
        y = sheet.pair(y, "完成时限", _deadline(order.finish_due, order.calendar_note), RED)
    return y


def _hand_part(sheet: _Sheet, y: float) -> float:
    """The boxes the worker fills in on site; the box for the work done takes the room left."""
    y += 3
    sheet.cell(SIDE, y, WIDTH, 7, TO_FILL, 11, True)
    y += 8
    y = sheet.pairs(y, ("到场时间", HAND_TIME), ("完成时间", HAND_TIME))
    work = max(WORK_BOX, BOTTOM - y - BELOW_WORK)
    sheet.label(SIDE, y, work, "维修情况")
    sheet.cell(SIDE + LABEL, y, WIDTH - LABEL, work, border=True)
    y += work
    table = ROW * (MATERIAL_ROWS + 1)
    sheet.label(SIDE, y, table, "材料及数量")
    x = SIDE + LABEL
    for title, width in MATERIAL_COLUMNS:
        sheet.cell(x, y, width, ROW, title, 9.5, True, "C", border=True, fill=True)
        for row in range(1, MATERIAL_ROWS + 1):
            sheet.cell(x, y + row * ROW, width, ROW, border=True)
        x += width
    y += table
    sheet.label(SIDE, y, ROW, "费　　用")
    sheet.cell(SIDE + LABEL, y, WIDTH - LABEL, ROW, border=True)
    x = SIDE + LABEL + 2
    for word in ("材料费", "人工费", "合计"):
        sheet.cell(x, y, 18, ROW, f"{word}：", 10.5)
        sheet.rule(x + 17, y + ROW - 2, 20)
        sheet.cell(x + 37, y, 8, ROW, "元", 10.5)
        x += 51
    y += ROW
    y = sheet.pair(y, "付 费 方", PAYERS)
    sheet.label(SIDE, y, ROW, "报修人意见")
    sheet.cell(SIDE + LABEL, y, WIDTH - LABEL, ROW, border=True)
    sheet.cell(SIDE + LABEL, y, 50, ROW, OPINION)
    sheet.cell(SIDE + LABEL + 50, y, 16, ROW, "意见：")
    sheet.rule(SIDE + LABEL + 65, y + ROW - 2, WIDTH - LABEL - 69)
    return y + ROW


def _signatures(sheet: _Sheet, y: float) -> float:
    y += SIGNATURES - 20
    half = WIDTH / 2
    for x, who in ((SIDE, "维修人员（签名）："), (SIDE + half + 4, "业主/报修人（签名）：")):
        sheet.cell(x, y, 40, 8, who, 10.5)
        sheet.rule(x + 40, y + 6.5, half - 48)
        sheet.cell(x, y + 10, 40, 8, "日　　期：", 10.5)
        sheet.rule(x + 40, y + 16.5, half - 48)
    return y + 20


def work_order_pdf(order: WorkOrderDocument) -> FPDF:
    """The work order sheet drawn on one A4 page."""
    pdf = new_document(f"{order.estate_name} {TITLE} No. {order.number}")
    pdf.add_page()
    pdf.set_line_width(0.2)
    sheet = _Sheet(pdf)
    y = _head(sheet, order)
    y = _order_part(sheet, order, y)
    y = _hand_part(sheet, y)
    y = _signatures(sheet, y)
    sheet.cell(SIDE, y + 2, WIDTH, 5, NOTE, 8.5, color=GREY)
    return pdf


def write_work_order(order: WorkOrderDocument, path: Path) -> None:
    """Write the sheet's PDF at ``path`` (whole or not at all; ``FileNotWritten`` if it cannot be)."""
    write_pdf(work_order_pdf(order), path)
