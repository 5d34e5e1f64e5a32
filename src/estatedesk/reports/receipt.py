"""The receipt (收款收据, RULES.md §3): one per payment, reprinted as a copy, voided with a reason.

A receipt is a landscape slip of 210 × 148 mm: an A5 sheet turned sideways, or exactly the
top or bottom half of an A4 sheet, so both layouts draw the same slip and the table has the
width its five columns need. A receipt with more lines than a slip holds goes on over the
next slip(s), each with the header and the table's column titles again and "第 1 张，共 2 张";
the total, the payment and the signatures are on its last slip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from fpdf import FPDF

from estatedesk.domain.fees import ReceiptLayout  # a choice the window and the command line make too
from estatedesk.domain.money import capitals, format_yuan
from estatedesk.reports.pdf import FILL_GREY, FONT, fit_text, fitting_size, new_document, wrap_text


@dataclass(frozen=True)
class ReceiptLine:
    """One fee item of a receipt, its period already grouped by the caller."""

    item: str  # 物业费
    period: str  # "2027-01 至 2027-06" or "2027-03"
    quantity: str  # "89.50㎡×6月", may be ""
    unit_price: str  # "0.60元/㎡/月", may be ""
    amount_fen: int


@dataclass(frozen=True)
class ReceiptDocument:
    """Everything one printed receipt shows."""

    estate_name: str
    number: str  # "2026-000001"
    paid_on: date
    payer: str
    room: str  # "3-2-501"
    lines: tuple[ReceiptLine, ...]
    prepaid_fen: int  # the part of the payment kept as prepayment (预交)
    total_fen: int  # the whole payment: the lines and the prepayment
    method: str  # 现金 / 银行转账 / 微信 / 支付宝
    reference: str  # "" for cash
    clerk: str  # 收款人
    copy: bool = False  # a reprint
    void_reason: str | None = None  # voided, and why
    check_code: str = ""  # the start of the payment's ledger hash: the paper's anchor to the file

    def __post_init__(self) -> None:
        # A receipt whose figures do not add up must never reach paper: it is proof of payment.
        if self.total_fen != sum(line.amount_fen for line in self.lines) + self.prepaid_fen:
            raise ValueError(f"receipt {self.number}: the total is not the sum of its lines and prepayment")


TITLE = "收款收据"
COPY_MARK = "副本（补打）"
VOID_MARK = "作废"
PREPAID_ITEM = "预交（存入预付款）"
NOTE = "本收据为收取物业服务费用的凭证，请妥善保管。"
NONE_TO_PRINT = "没有要打印的收据。"
COLUMNS = (
    ("收费项目", 40.0, "L"),
    ("所属期间", 42.0, "C"),
    ("数量", 36.0, "C"),
    ("单价", 36.0, "C"),
    ("金额（元）", 32.0, "R"),
)  # widths in mm: together the 186 mm between the slip's side margins
WIDTH = sum(width for _title, width, _align in COLUMNS)

SLIP_WIDTH = 210.0
SLIP_HEIGHT = 148.0  # A5 landscape; half of A4 is 148.5, the half millimetre goes to the cut
HALF_A4 = 148.5
A5_PORTRAIT = (148.0, 210.0)
SIDE = (SLIP_WIDTH - WIDTH) / 2
TOP = 8.0
TABLE_TOP = 33.0  # below the title, the number, the payer and the date
HEADER_HEIGHT = 7.0
TOTAL_HEIGHT = 8.0
BOTTOM = SLIP_HEIGHT - 7.0  # the note line ends here
NOTE_TOP = BOTTOM - 5.0
SIGNATURE_TOP = NOTE_TOP - 10.0
PAYMENT_TOP = SIGNATURE_TOP - 7.0
REASON_LINE = 5.0
REASON_LINES = 4
REASON_SIZE = 9.5
GAP = 2.0  # between the table and what follows it
MORE_TOP = NOTE_TOP - 7.0  # "续下张" on a slip that is not the receipt's last

RED = (200, 30, 30)
GREY = (100, 100, 100)
BLACK = (0, 0, 0)


@dataclass(frozen=True)
class _Rows:
    """The table's type for one receipt: normal, or smaller when that saves a slip."""

    size: float  # points
    line: float  # mm per line of text in a cell
    height: float  # mm of a one-line row


NORMAL = _Rows(9.5, 4.4, 7.0)
COMPACT = _Rows(8.5, 3.8, 5.6)


@dataclass(frozen=True)
class _Row:
    cells: tuple[tuple[str, ...], ...]  # each cell's lines, wrapped to its column
    height: float


def _date_text(day: date) -> str:
    # Not strftime: a format with Chinese characters depends on the locale on Windows.
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


def _yuan(fen: int) -> str:
    return f"¥{format_yuan(fen)}"


def _row(pdf: FPDF, texts: Sequence[str], rows: _Rows) -> _Row:
    pdf.set_font(FONT, "", rows.size)
    cells = tuple(
        tuple(wrap_text(pdf, text, width))
        for text, (_title, width, _align) in zip(texts, COLUMNS, strict=True)
    )
    lines = max(len(cell) for cell in cells)
    return _Row(cells, max(rows.height, lines * rows.line + rows.height - rows.line))


def _line_texts(line: ReceiptLine) -> tuple[str, ...]:
    return (line.item, line.period, line.quantity, line.unit_price, format_yuan(line.amount_fen))


def _reason_lines(pdf: FPDF, receipt: ReceiptDocument) -> list[str]:
    """The void reason as printed: at most REASON_LINES lines, so the slip keeps room for its table."""
    if receipt.void_reason is None:
        return []
    text = f"本收据已作废。作废原因：{receipt.void_reason}"
    pdf.set_font(FONT, "B", REASON_SIZE)
    lines = wrap_text(pdf, text, WIDTH)
    if len(lines) > REASON_LINES:
        # A reason longer than a slip allows is kept whole in the audit trail; paper shows its start.
        last = fit_text(pdf, "".join(lines[REASON_LINES - 1 :]), WIDTH)
        lines = [*lines[: REASON_LINES - 1], last]
    return lines


def _closing_top(pdf: FPDF, receipt: ReceiptDocument) -> float:
    """Where the part under the table (total and payment) must start at the latest."""
    closing = TOTAL_HEIGHT + (NORMAL.height if receipt.prepaid_fen > 0 else 0)
    return PAYMENT_TOP - len(_reason_lines(pdf, receipt)) * REASON_LINE - GAP - closing


def _split(heights: Sequence[float], last_room: float, more_room: float) -> list[range]:
    """Rows per slip: as many as fit, keeping at least one for the last slip, which has the total."""
    slips: list[range] = []
    start = 0
    while start < len(heights) and sum(heights[start:]) > last_room:
        end, used = start, 0.0
        while end < len(heights) and used + heights[end] <= more_room:
            used += heights[end]
            end += 1
        end = max(start + 1, min(end, len(heights) - 1))  # always progress; never an empty last slip
        slips.append(range(start, end))
        start = end
    slips.append(range(start, len(heights)))
    return slips


def _slips(pdf: FPDF, receipt: ReceiptDocument) -> tuple[_Rows, list[list[_Row]]]:
    """The receipt's table rows per slip: normal type if one slip holds them, else smaller type."""
    last_room = _closing_top(pdf, receipt) - TABLE_TOP - HEADER_HEIGHT
    more_room = MORE_TOP - GAP - TABLE_TOP - HEADER_HEIGHT
    for rows in (NORMAL, COMPACT):
        table = [_row(pdf, _line_texts(line), rows) for line in receipt.lines]
        if rows is COMPACT or sum(row.height for row in table) <= last_room:
            break
    slips = _split([row.height for row in table], last_room, more_room)
    return rows, [[table[index] for index in slip] for slip in slips]


class _Slip:
    """Draws one slip of a receipt on the current page, ``top`` mm from the paper's top edge."""

    def __init__(self, pdf: FPDF, receipt: ReceiptDocument, top: float) -> None:
        self.pdf = pdf
        self.receipt = receipt
        self.top = top

    def text(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        text: str,
        align: str = "L",
        size: float = 10.0,
        bold: bool = False,
        color: tuple[int, int, int] = BLACK,
        smallest: float | None = None,
    ) -> None:
        """One line of text at (x, y) of the slip, shrunk down to ``smallest`` points to fit."""
        self.pdf.set_font(FONT, "B" if bold else "", size)
        if smallest is not None:
            fitting_size(self.pdf, text, width, size, smallest)
        self.pdf.set_text_color(*color)
        self.pdf.set_xy(x, self.top + y)
        self.pdf.cell(width, height, text, align=align)
        self.pdf.set_text_color(*BLACK)

    def head(self, sheet: int, sheets: int) -> None:
        """Title, copy mark, number, payer, room and date."""
        receipt = self.receipt
        mark_width = 36.0
        # The title stays centred on the slip; with a copy mark it keeps clear of it on both sides.
        inset = mark_width + 2 if receipt.copy else 0.0
        title = f"{receipt.estate_name} {TITLE}"
        self.text(SIDE + inset, TOP, WIDTH - 2 * inset, 10, title, "C", 16, True, smallest=10)
        if receipt.copy:
            self.pdf.set_draw_color(*RED)
            self.pdf.set_line_width(0.4)
            self.pdf.rect(SIDE + WIDTH - mark_width, self.top + TOP + 1, mark_width, 8)
            self.text(SIDE + WIDTH - mark_width, TOP + 1, mark_width, 8, COPY_MARK, "C", 11, True, RED)
        self.pdf.set_draw_color(*BLACK)
        self.pdf.set_line_width(0.2)
        self.pdf.set_font(FONT, "B", 16)
        fitting_size(self.pdf, title, WIDTH - 2 * inset, 16, 10)
        # The rule under the title a little wider than the title, as on a printed receipt book.
        half = min(self.pdf.get_string_width(title) / 2 + 8, WIDTH / 2 - inset)
        self.pdf.line(SLIP_WIDTH / 2 - half, self.top + TOP + 11, SLIP_WIDTH / 2 + half, self.top + TOP + 11)
        self.text(SIDE, 20, 120, 6, f"交款人：{receipt.payer}", size=10.5, smallest=7)
        self.text(SIDE + 120, 20, WIDTH - 120, 6, f"No. {receipt.number}", "R", 12, True, RED)
        self.text(SIDE, 26, 120, 6, f"房　号：{receipt.room}", size=10.5, smallest=7)
        self.text(SIDE + 120, 26, WIDTH - 120, 6, f"收款日期：{_date_text(receipt.paid_on)}", "R", 10.5)
        if sheets > 1:
            self.text(SIDE, NOTE_TOP, WIDTH, 5, f"第 {sheet} 张，共 {sheets} 张", "R", 8, color=GREY)

    def header_row(self) -> float:
        """The table's column titles; returns the y below them."""
        self.pdf.set_fill_color(*FILL_GREY)
        x = SIDE
        for title, width, _align in COLUMNS:
            self.pdf.rect(x, self.top + TABLE_TOP, width, HEADER_HEIGHT, style="DF")
            self.text(x, TABLE_TOP, width, HEADER_HEIGHT, title, "C", 9.5, True)
            x += width
        return TABLE_TOP + HEADER_HEIGHT

    def row(self, y: float, row: _Row, rows: _Rows) -> float:
        """One framed table row at y; returns the y below it."""
        x = SIDE
        for lines, (_title, width, align) in zip(row.cells, COLUMNS, strict=True):
            self.pdf.rect(x, self.top + y, width, row.height)
            first = y + (row.height - len(lines) * rows.line) / 2  # the lines centred in the row
            for number, line in enumerate(lines):
                self.text(x, first + number * rows.line, width, rows.line, line, align, rows.size)
            x += width
        return y + row.height

    def closing(self, y: float) -> None:
        """The prepayment, the total in figures and capitals, payment, clerk, signatures, note."""
        receipt = self.receipt
        if receipt.prepaid_fen > 0:
            texts = (PREPAID_ITEM, "", "", "", format_yuan(receipt.prepaid_fen))
            y = self.row(y, _row(self.pdf, texts, NORMAL), NORMAL)
        words_width = WIDTH - COLUMNS[-1][1]
        self.pdf.set_fill_color(*FILL_GREY)
        self.pdf.rect(SIDE, self.top + y, words_width, TOTAL_HEIGHT, style="DF")
        self.pdf.rect(SIDE + words_width, self.top + y, COLUMNS[-1][1], TOTAL_HEIGHT, style="DF")
        words = f"合计（大写）：{capitals(receipt.total_fen)}"
        self.text(SIDE, y, words_width, TOTAL_HEIGHT, words, size=10.5, bold=True, smallest=7)
        figures = _yuan(receipt.total_fen)
        self.text(SIDE + words_width, y, COLUMNS[-1][1], TOTAL_HEIGHT, figures, "R", 10.5, True, smallest=7)

        reasons = _reason_lines(self.pdf, receipt)
        y = PAYMENT_TOP - len(reasons) * REASON_LINE
        for line in reasons:
            self.text(SIDE, y, WIDTH, REASON_LINE, line, size=REASON_SIZE, bold=True, color=RED)
            y += REASON_LINE
        payment = f"付款方式：{receipt.method}"
        if receipt.reference:
            payment += f"　交易单号：{receipt.reference}"
        self.text(SIDE, PAYMENT_TOP, 130, 6, payment, size=10, smallest=7)
        self.text(SIDE + 130, PAYMENT_TOP, WIDTH - 130, 6, f"收款人：{receipt.clerk}", "R", 10, smallest=7)
        half = WIDTH / 2
        for x, label in ((SIDE, "交款人签字："), (SIDE + half + 10, "收款人签字：")):
            self.text(x, SIGNATURE_TOP, 25, 7, label, size=10)
            self.pdf.line(x + 25, self.top + SIGNATURE_TOP + 6, x + half - 12, self.top + SIGNATURE_TOP + 6)
        note = f"{NOTE}　校验码：{receipt.check_code}" if receipt.check_code else NOTE
        self.text(SIDE, NOTE_TOP, 150, 5, note, size=8, color=GREY, smallest=6)

    def more(self, y: float) -> None:
        """The end of a slip that is not the receipt's last."""
        self.text(SIDE, y + 1, WIDTH, 6, "（续下张）", "R", 9.5, color=GREY)
        self.text(SIDE, NOTE_TOP, 150, 5, NOTE, size=8, color=GREY)

    def void_stamp(self) -> None:
        """A large 作废 stamped across the slip, see-through so the receipt stays readable."""
        pdf = self.pdf
        centre_x, centre_y = SLIP_WIDTH / 2, self.top + 72
        with pdf.local_context(fill_opacity=0.35, stroke_opacity=0.5), pdf.rotation(18, centre_x, centre_y):
            pdf.set_draw_color(*RED)
            pdf.set_line_width(1.5)
            pdf.rect(centre_x - 42, centre_y - 19, 84, 38)
            pdf.set_line_width(0.5)
            pdf.rect(centre_x - 39, centre_y - 16, 78, 32)
            pdf.set_font(FONT, "B", 66)
            pdf.set_text_color(*RED)
            pdf.set_xy(centre_x - 39, centre_y - 16)
            pdf.cell(78, 32, VOID_MARK, align="C")
        pdf.set_text_color(*BLACK)
        pdf.set_draw_color(*BLACK)
        pdf.set_line_width(0.2)


def _draw(
    pdf: FPDF, receipt: ReceiptDocument, size: _Rows, rows: list[_Row], top: float, sheet: int, sheets: int
) -> None:
    slip = _Slip(pdf, receipt, top)
    slip.head(sheet, sheets)
    y = slip.header_row()
    for row in rows:
        y = slip.row(y, row, size)
    if sheet == sheets:
        slip.closing(y)
    else:
        slip.more(y)
    if receipt.void_reason is not None:
        slip.void_stamp()  # last, so that it lies over the text like a real stamp


def _cut_line(pdf: FPDF) -> None:
    """The dashed line between the two halves of an A4 page, with a word on where to cut."""
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.2)
    pdf.set_dash_pattern(dash=2, gap=1.5)
    pdf.line(4, HALF_A4, SLIP_WIDTH / 2 - 14, HALF_A4)
    pdf.line(SLIP_WIDTH / 2 + 14, HALF_A4, SLIP_WIDTH - 4, HALF_A4)
    pdf.set_dash_pattern()
    pdf.set_draw_color(*BLACK)
    pdf.set_font(FONT, "", 7)
    pdf.set_text_color(*GREY)
    pdf.set_xy(SLIP_WIDTH / 2 - 14, HALF_A4 - 2)
    pdf.cell(28, 4, "沿虚线裁开", align="C")
    pdf.set_text_color(*BLACK)


def receipt_pdf(receipts: Sequence[ReceiptDocument], layout: ReceiptLayout) -> bytes:
    """All receipts in one PDF, in the chosen layout."""
    two = ReceiptLayout(layout) is ReceiptLayout.TWO_PER_A4  # also "a4x2" as a setting stores it
    title = f"{TITLE} No. {receipts[0].number}" if len(receipts) == 1 else TITLE
    # A5 by its size: fpdf2 2.8 warns on every use of the name "A5" (its size was once wrong).
    pdf = new_document(title, "A4" if two else A5_PORTRAIT, landscape=not two)
    if not receipts:
        # A PDF needs a page: one that says why it is empty rather than a blank sheet.
        pdf.add_page()
        pdf.set_font(FONT, "", 12)
        pdf.set_xy(SIDE, TOP + 20)
        pdf.cell(WIDTH, 8, NONE_TO_PRINT, align="C")
    slot = 0  # which slip of the page comes next: the A4 layout has two
    for receipt in receipts:
        size, table = _slips(pdf, receipt)
        for sheet, rows in enumerate(table, start=1):
            if slot == 0:
                pdf.add_page()
                if two:
                    _cut_line(pdf)
            _draw(pdf, receipt, size, rows, HALF_A4 * slot, sheet, len(table))
            slot = (slot + 1) % 2 if two else 0
    return bytes(pdf.output())
