"""The arrears reminder (催缴通知单, RULES.md §3): polite, by item and period, and how to pay.

One reminder per A4 portrait page: every office printer has A4 loaded (no paper to change
before a door-to-door round), the type can be large enough for elderly owners, and a sheet
folded in three goes into a standard envelope or a door's letter slot. The room number is
printed large in the top corner, so the pile can be sorted by building and walked. A list too
long for the page is first set in smaller type; only beyond that does it go on over a second
page, with the column titles again.

A reminder never threatens to cut water, electricity or gas (Civil Code art. 944): none of
its own words do, and the office's own text (how to pay) is checked by the fee settings before it
is saved (``domain.fees.check_reminder_text``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from fpdf import FPDF

from estatedesk.domain.money import capitals, format_yuan
from estatedesk.reports.pdf import A4_PORTRAIT, FILL_GREY, FONT, fit_text, new_document, wrap_text


@dataclass(frozen=True)
class ReminderLine:
    """One unpaid item of a reminder, its period already grouped by the caller."""

    item: str
    period: str  # "2026-01 至 2026-06"
    amount_fen: int


@dataclass(frozen=True)
class ReminderDocument:
    """Everything one printed reminder shows."""

    estate_name: str
    room: str  # "3-2-501"
    addressee: str  # owner name(s), "王玥、李喆"; "" for 尊敬的业主
    lines: tuple[ReminderLine, ...]
    total_fen: int
    as_of: date
    how_to_pay: str  # office address and hours, accepted methods; may be several lines or ""
    office_phone: str  # may be ""

    def __post_init__(self) -> None:
        # An owner is asked for exactly what the table lists, never a figure that does not add up.
        if self.total_fen != sum(line.amount_fen for line in self.lines):
            raise ValueError(f"reminder for {self.room}: the total is not the sum of its lines")


TITLE = "催缴通知单"
# Words that threaten to cut supplies, which the law forbids as a way to collect (Civil Code art. 944).
IGNORE_IF_PAID = "如已缴纳，请忽略本通知。"
THANKS = "感谢您对小区管理工作的理解与支持！"
NONE_TO_PRINT = "没有欠费的房屋，无需打印催缴通知单。"
COLUMNS = (("项目", 62.0, "L"), ("期间", 62.0, "C"), ("金额（元）", 46.0, "R"))
WIDTH = sum(width for _title, width, _align in COLUMNS)  # 170 mm: A4 less two 20 mm margins
SIDE = (A4_PORTRAIT[0] - WIDTH) / 2
TOP = 16.0
BOTTOM = A4_PORTRAIT[1] - 16.0
BLACK = (0, 0, 0)
GREY = (100, 100, 100)


@dataclass(frozen=True)
class _Type:
    """Type sizes (points) and line heights (mm) of one reminder: normal, or smaller for a long list."""

    body: float
    body_line: float
    table: float
    table_line: float
    row: float


TYPES = (
    _Type(13, 7.5, 12, 5.2, 8.5),
    _Type(11.5, 6.5, 10.5, 4.6, 7.0),
    _Type(10.5, 5.8, 9, 4.0, 5.6),
    _Type(10, 5.2, 8.5, 3.6, 4.8),  # about 30 lines on the page with a few lines of how to pay
)


def _date_text(day: date) -> str:
    # Not strftime: a format with Chinese characters depends on the locale on Windows.
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


class _Writer:
    """Writes one reminder from the top of a page down; with ``draw`` off it only measures."""

    def __init__(self, pdf: FPDF, reminder: ReminderDocument, kind: _Type, draw: bool) -> None:
        self.pdf = pdf
        self.reminder = reminder
        self.kind = kind
        self.draw = draw
        self.pages = 0
        self.y = 0.0
        self.on_new_page: Callable[[], None] = lambda: None

    def new_page(self) -> None:
        """A fresh page with the room number in its corner, so the pile can be sorted for delivery."""
        self.pages += 1
        if self.draw:
            self.pdf.add_page()
            self.pdf.set_font(FONT, "B", 14)
            room = f"房号 {self.reminder.room}"
            width = self.pdf.get_string_width(room) + 8
            self.pdf.set_line_width(0.4)
            self.pdf.rect(SIDE + WIDTH - width, TOP - 6, width, 9)
            self.pdf.set_line_width(0.2)
            self.cell(SIDE + WIDTH - width, TOP - 6, width, 9, room, "C", 14, True)
            self.pdf.set_font(FONT, "", 9)
            name = fit_text(self.pdf, self.reminder.estate_name, WIDTH - width - 4)
            self.cell(SIDE, TOP - 6, WIDTH - width - 4, 6, name, "L", 9, color=GREY)
        self.y = TOP + 6
        if self.pages > 1:
            self.line(f"{TITLE}（续）", self.kind.body, self.kind.body_line + 2, bold=True, align="C")
            self.on_new_page()

    def room_for(self, height: float) -> bool:
        """Whether ``height`` mm still fit above the bottom margin."""
        return self.y + height <= BOTTOM

    def cell(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        text: str,
        align: str = "L",
        size: float = 12,
        bold: bool = False,
        color: tuple[int, int, int] = BLACK,
    ) -> None:
        """Draw one line of text (nothing while measuring)."""
        if not self.draw:
            return
        self.pdf.set_font(FONT, "B" if bold else "", size)
        self.pdf.set_text_color(*color)
        self.pdf.set_xy(x, y)
        self.pdf.cell(width, height, text, align=align)
        self.pdf.set_text_color(*BLACK)

    def line(
        self, text: str, size: float, height: float, bold: bool = False, align: str = "L", x: float = SIDE
    ) -> None:
        """One line of text across the page at the current y, on a new page if this one is full."""
        if not self.room_for(height):
            self.new_page()
        self.cell(x, self.y, SIDE + WIDTH - x, height, text, align, size, bold)
        self.y += height

    def paragraph(self, text: str, bold: bool = False, indent: bool = False, align: str = "L") -> None:
        """Text wrapped to the page's width in body type; ``indent`` starts it two characters in."""
        self.pdf.set_font(FONT, "B" if bold else "", self.kind.body)
        lead = "　　" if indent else ""  # ideographic spaces: the customary indent of a Chinese paragraph
        for wrapped in wrap_text(self.pdf, lead + text, WIDTH):
            self.line(wrapped, self.kind.body, self.kind.body_line, bold, align)

    def header_row(self) -> None:
        """The table's column titles."""
        height = self.kind.row
        if self.draw:
            self.pdf.set_fill_color(*FILL_GREY)
        x = SIDE
        for title, width, _align in COLUMNS:
            if self.draw:
                self.pdf.rect(x, self.y, width, height, style="DF")
            self.cell(x, self.y, width, height, title, "C", self.kind.table, True)
            x += width
        self.y += height

    def row(self, texts: Sequence[str], bold: bool = False, fill: bool = False) -> None:
        """One framed table row, its cells wrapped; on a new page under the column titles if need be."""
        kind = self.kind
        self.pdf.set_font(FONT, "B" if bold else "", kind.table)
        cells = [
            wrap_text(self.pdf, text, width) for text, (_t, width, _a) in zip(texts, COLUMNS, strict=True)
        ]
        height = max(
            kind.row, max(len(lines) for lines in cells) * kind.table_line + kind.row - kind.table_line
        )
        if not self.room_for(height):
            self.new_page()
        x = SIDE
        for lines, (_title, width, align) in zip(cells, COLUMNS, strict=True):
            if self.draw:
                self.pdf.set_fill_color(*FILL_GREY)
                self.pdf.rect(x, self.y, width, height, style="DF" if fill else "D")
            top = self.y + (height - len(lines) * kind.table_line) / 2  # the lines centred in the row
            for number, text in enumerate(lines):
                y = top + number * kind.table_line
                self.cell(x, y, width, kind.table_line, text, align, kind.table, bold)
            x += width
        self.y += height

    def write(self) -> int:
        """The whole reminder; returns how many pages it took."""
        reminder, kind = self.reminder, self.kind
        self.new_page()
        self.line(TITLE, 22, 13, bold=True, align="C")
        self.y += 5
        addressee = f"尊敬的{reminder.addressee}业主：" if reminder.addressee else "尊敬的业主："
        self.paragraph(addressee, bold=True)
        as_of = _date_text(reminder.as_of)
        self.paragraph(f"您好！截至{as_of}，您的房屋{reminder.room}尚有以下费用未缴纳：", indent=True)
        self.y += 3
        self.header_row()
        self.on_new_page = self.header_row  # the column titles again over a table that goes on
        for line in reminder.lines:
            self.row((line.item, line.period, format_yuan(line.amount_fen)))
        self.row(("合计", "", f"¥{format_yuan(reminder.total_fen)}"), bold=True, fill=True)
        self.on_new_page = lambda: None
        self.y += 2
        self.paragraph(f"合计金额（大写）：{capitals(reminder.total_fen)}")
        self.y += 4
        if reminder.how_to_pay.strip():
            self.paragraph("请您在方便时按以下方式缴纳：", indent=True)
            self.pdf.set_font(FONT, "", kind.body)
            # One character further in than the paragraph above: the lines are a list under it.
            indent = self.pdf.get_string_width("　　　")
            for text in reminder.how_to_pay.strip().splitlines():
                # Each of the office's own lines stays a line; a long one wraps under itself.
                for wrapped in wrap_text(self.pdf, text.strip(), WIDTH - indent):
                    self.line(wrapped, kind.body, kind.body_line, x=SIDE + indent)
        else:
            self.paragraph("请您在方便时到小区物业办公室缴纳。", indent=True)
        if reminder.office_phone:
            self.paragraph(f"如有疑问，请致电：{reminder.office_phone}", indent=True)
        self.paragraph(THANKS, indent=True)
        self.y += 8
        # The sender, the date and the closing remark stay together at the foot of the text.
        if not self.room_for(3 * kind.body_line + 4):
            self.new_page()
        self.paragraph(reminder.estate_name, align="R")
        self.paragraph(as_of, align="R")
        self.y += 4
        self.paragraph(IGNORE_IF_PAID)
        return self.pages


def _fitting_type(pdf: FPDF, reminder: ReminderDocument) -> _Type:
    """The largest type with which the reminder fits one page (the smallest if none does)."""
    for kind in TYPES:
        if _Writer(pdf, reminder, kind, draw=False).write() == 1:
            return kind
    return TYPES[-1]


def reminders_pdf(reminders: Sequence[ReminderDocument]) -> bytes:
    """One reminder per A4 portrait page, in the order given (a list too long for one goes on over two)."""
    pdf = new_document(TITLE)
    if not reminders:
        # A PDF needs a page: one that says why it is empty rather than a blank sheet.
        pdf.add_page()
        pdf.set_font(FONT, "", 14)
        pdf.set_xy(SIDE, TOP + 20)
        pdf.cell(WIDTH, 10, NONE_TO_PRINT, align="C")
    for reminder in reminders:
        _Writer(pdf, reminder, _fitting_type(pdf, reminder), draw=True).write()
    return bytes(pdf.output())
