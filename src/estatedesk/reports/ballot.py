"""Paper ballots (表决票 / 选票, RULES.md §6): one per voter, and the sheet their delivery is signed on.

A ballot is one A4 portrait page in large type, for owners who read without glasses only with
difficulty: the vote, the voter (serial, names, rooms, area), the matter with three large boxes
(同意 / 反对 / 弃权) or the candidates with a box each, how to mark it, the rule it is counted
by in small print, and the owner's signature or a proxy's. The serial is printed large and held,
exactly and alone, in a QR code: a keyboard-wedge scanner at the counting table types it into the
serial field as if it were keyed in, and its check character catches a mistyped one.

A long matter is first set in smaller type; only a text longer than the page holds even then is
cut, with a pointer to the notice that has it in full.

A roll of 20,000 voters is 20,000 pages, so a page costs little: the QR code is drawn as vector
rectangles (no image to encode, decode and embed per page), texts are measured and placed by the
shared ``Pen`` rather than fpdf2's ``cell``, and what every ballot of a vote shares (the matter's
lines, the type that fits) is worked out once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import segno
from fpdf import FPDF
from fpdf.enums import RenderStyle

from estatedesk.domain.voting import VoteKind
from estatedesk.reports.pdf import (
    A4_PORTRAIT,
    FONT,
    Pen,
    area_text,
    new_document,
    write_laid_out,
    write_pdf,
)
from estatedesk.reports.voter_roll import Sheet, SheetColumn, lay_out_sheet


@dataclass(frozen=True)
class BallotVoter:
    """One voter's ballot: its serial (``domain.voting.ballot_serial``) and who it is for."""

    serial: str  # "12-00345-7"
    name: str  # the owners' names ("王玥、李喆"), or 建设单位
    rooms: tuple[str, ...]  # room codes, in roll order
    area_centi: int


@dataclass(frozen=True)
class BallotDocument:
    """The ballots of one vote: the vote as every ballot shows it, and its voters in print order."""

    estate_name: str
    vote_title: str
    kind: VoteKind
    rules_text: str  # domain.voting.rules_text(rules)
    voters: tuple[BallotVoter, ...]
    description: str = ""  # the matter in full; may be empty (the title then says it all)
    seats: int | None = None  # an election's seats
    candidates: tuple[str, ...] = ()  # an election's candidates, in ballot order
    deadline: str = ""  # e.g. "2027年03月15日17时前，投入物业办公室票箱"; "" prints no line

    def __post_init__(self) -> None:
        # A ballot with no one to choose, or the wrong number of seats, must never reach paper.
        if self.kind is VoteKind.ELECTION:
            if not self.seats or not self.candidates:
                raise ValueError(f"ballots of {self.vote_title}: an election needs seats and candidates")
        elif self.seats is not None or self.candidates:
            raise ValueError(f"ballots of {self.vote_title}: only an election has seats and candidates")


DOCUMENT_NAMES = {
    VoteKind.ORDINARY: "业主大会表决票",
    VoteKind.MAJOR: "业主大会表决票",
    VoteKind.OBJECTION: "业主大会表决票（否定表决）",
    VoteKind.PETITION: "业主提议表决票",
    VoteKind.ELECTION: "业主委员会选举选票",
}
CHOICES = ("同意", "反对", "弃权")
MARK_ONE = "请在所选意见对应的方框内划“√”，只能选择一项，多选或不选视为废票。"
MARK_OBJECTION = (
    "本事项为否定表决：只有反对的业主需要在“反对”对应的方框内划“√”并交回本票；"
    "未交回本票视为不反对。交回的票只能选择一项，多选或不选视为废票。"
)
PROXY_NOTE = "委托他人投票的，由代理人填写以下各项，并附业主签字的授权委托书："
FOOT_NOTE = "票号及二维码用于计票录入，请勿涂改、污损。"
NONE_TO_PRINT = "没有要打印的选票。"


def mark_election(seats: int) -> str:
    """How an election's ballot is marked, with its limit."""
    return f"请在所选候选人姓名右侧的方框内划“√”。最多选择{seats}名候选人，超过{seats}名视为废票。"


QR_BORDER = 4  # the quiet zone: modules of white all round the code, which scanners need
_DARK_RUN = re.compile(b"\x01+")


def qr_code(serial: str) -> segno.QRCode:
    """The QR code of a serial: the serial and nothing else, so a scanner types just it.

    Always a full QR code: ``segno.make`` would give a serial this short a Micro QR code, which
    many of the handheld scanners an office buys cannot read.
    """
    return segno.make_qr(serial, error="m")


def qr_rectangles(code: segno.QRCode) -> list[tuple[int, int, int, int]]:
    """The dark modules of ``code`` as rectangles (column, row, width, height), in modules.

    Counted from the corner of the quiet zone (``QR_BORDER`` modules of white all round). Each row's
    run of dark modules is a rectangle, and the same run in the rows below lengthens it: a code of
    version 1 (441 modules, about half of them dark) is drawn in about 80 rectangles.
    """
    rectangles: list[tuple[int, int, int, int]] = []
    running: dict[tuple[int, int], int] = {}  # a run (first column, width) -> the row it began in
    matrix = code.matrix
    for row in range(len(matrix) + 1):
        runs = (
            {(match.start(), match.end() - match.start()) for match in _DARK_RUN.finditer(matrix[row])}
            if row < len(matrix)
            else set()
        )
        for run in [run for run in running if run not in runs]:
            first = running.pop(run)
            rectangles.append((run[0] + QR_BORDER, first + QR_BORDER, run[1], row - first))
        for run in runs:
            running.setdefault(run, row)
    return sorted(rectangles, key=lambda rectangle: (rectangle[1], rectangle[0]))


SIDE = 18.0
WIDTH = A4_PORTRAIT[0] - 2 * SIDE  # 174 mm
TOP = 12.0
FOOT = A4_PORTRAIT[1] - 12.0  # the foot note's line
BOTTOM = FOOT - 2.0  # everything else ends above this
QR_SIZE = 34.0  # the QR code's square, its quiet zone included
QR_LEFT = SIDE + WIDTH - QR_SIZE - 4
BLACK = (0, 0, 0)
GREY = (90, 90, 90)
ROOM_LINES = 3  # a voter with more rooms than fit in 3 lines: the first ones and "等共N套"


@dataclass(frozen=True)
class _Type:
    """The matter's and the candidates' type: sizes in points, line and row heights in mm."""

    body: float
    body_line: float
    row: float  # a candidate's row
    box: float  # the side of a choice's square


TYPES = (
    _Type(15.0, 7.6, 13.0, 20.0),
    _Type(13.5, 6.8, 11.0, 18.0),
    _Type(12.5, 6.2, 10.0, 16.0),
    _Type(11.5, 5.6, 9.0, 14.0),
    _Type(10.5, 5.0, 8.0, 12.0),
)


@dataclass
class _Run:
    """What the ballots of one run share: the PDF, its pen, and the texts they all wrap alike."""

    pdf: FPDF
    pen: Pen
    wrapped: dict[tuple[str, float, str, float], tuple[str, ...]] = field(default_factory=dict)


class _Writer:
    """Writes one ballot from the top of a page down; with ``draw`` off it only measures its height."""

    def __init__(
        self,
        run: _Run,
        document: BallotDocument,
        voter: BallotVoter,
        kind: _Type,
        draw: bool,
        matter_lines: int | None = None,
    ) -> None:
        self.run = run
        self.pdf = run.pdf
        self.pen = run.pen
        self.document = document
        self.voter = voter
        self.kind = kind
        self.draw = draw
        self.matter_lines = matter_lines  # the matter's lines cut to this many (a text too long)
        self.y = TOP
        self.matter_height = 0.0  # mm the matter's text takes: what cutting it can save

    def wrap(self, text: str, width: float) -> list[str]:
        """``wrap_paragraph`` in the current font, remembered: every ballot of a vote wraps the same texts."""
        key = (self.pdf.font_style, self.pdf.font_size_pt, text, width)
        wrapped = self.run.wrapped.get(key)
        if wrapped is None:
            wrapped = self.run.wrapped[key] = tuple(self.pen.wrap_paragraph(text, width))
        return list(wrapped)

    # ---- drawing primitives (nothing while measuring)

    def text(
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
    ) -> None:
        if not self.draw:
            return
        self.pen.font(size, bold)
        if color == BLACK:
            self.pen.cell(x, y, width, height, text, align)
        else:
            self.pdf.set_text_color(*color)
            self.pen.cell(x, y, width, height, text, align)
            self.pdf.set_text_color(*BLACK)

    def rect(self, x: float, y: float, width: float, height: float, line: float = 0.3) -> None:
        if self.draw:
            self.pdf.set_line_width(line)
            self.pdf.rect(x, y, width, height)
            self.pdf.set_line_width(0.2)

    def rule(self, x1: float, x2: float, y: float) -> None:
        if self.draw:
            self.pdf.set_line_width(0.3)
            self.pdf.line(x1, y, x2, y)
            self.pdf.set_line_width(0.2)

    def lines(
        self,
        text: str,
        size: float,
        height: float,
        bold: bool = False,
        align: str = "L",
        color: tuple[int, int, int] = BLACK,
        indent: float = 0.0,
    ) -> list[str]:
        """``text`` wrapped to the page's width at the current y; returns the lines."""
        self.pen.font(size, bold)
        wrapped = self.wrap(text, WIDTH - indent)
        for line in wrapped:
            self.text(SIDE + indent, self.y, WIDTH - indent, height, line, size, bold, align, color)
            self.y += height
        return wrapped

    # ---- the parts of a ballot

    def head(self) -> None:
        document = self.document
        self.text(SIDE, self.y, WIDTH, 6, document.estate_name, 12, align="C", color=GREY)
        self.y += 7
        self.text(SIDE, self.y, WIDTH, 11, DOCUMENT_NAMES[document.kind], 24, True, "C")
        self.y += 13
        self.pen.font(15, bold=True)
        title = self.wrap(document.vote_title, WIDTH)
        if len(title) > 2:
            title = [title[0], self.pen.fit_text("".join(title[1:]), WIDTH)]
        for line in title:
            self.text(SIDE, self.y, WIDTH, 7.5, line, 15, True, "C")
            self.y += 7.5
        self.y += 3

    def _rooms(self, width: float) -> list[str]:
        """The voter's rooms in at most ROOM_LINES lines: the first ones and 等共N套 if there are more."""
        rooms = self.voter.rooms
        lines = self.pen.wrap_items(rooms, width)
        count = len(rooms)
        while len(lines) > ROOM_LINES and count > 1:
            count -= 1
            lines = self.pen.wrap_items((*rooms[: count - 1], f"{rooms[count - 1]}等共{len(rooms)}套"), width)
        return lines

    def voter_block(self) -> None:
        """The serial, large, with its QR code; the voter's names, rooms and area."""
        voter, top = self.voter, self.y
        label, left = 22.0, SIDE + 4
        value_width = WIDTH - QR_SIZE - 12 - label
        y = top + 3
        self.text(left, y + 1, label, 12, "票　号", 14)
        self.text(left + label, y + 1, value_width, 12, voter.serial, 26, True)
        y += 15
        self.pen.font(15, bold=True)
        names = self.wrap(voter.name, value_width)
        if len(names) > 2:
            names = [names[0], self.pen.fit_text("".join(names[1:]), value_width)]
        self.text(left, y, label, 7.5, "业　主", 14)
        for line in names:
            self.text(left + label, y, value_width, 7.5, line, 15, True)
            y += 7.5
        self.text(left, y, label, 7, "房　号", 14)
        self.pen.font(13)  # the rooms are measured in the size they are printed in, not the label's
        for line in self._rooms(value_width):
            self.text(left + label, y, value_width, 7, line, 13)
            y += 7
        self.text(left, y, label, 7.5, "面　积", 14)
        self.text(left + label, y, value_width, 7.5, f"{area_text(voter.area_centi)} ㎡", 15, True)
        y += 7.5
        if self.draw:
            self.qr(QR_LEFT, top + 3)
        self.text(QR_LEFT, top + 3 + QR_SIZE, QR_SIZE, 5, "扫码录入票号", 8, align="C", color=GREY)
        bottom = max(y + 3, top + 3 + QR_SIZE + 7)
        self.rect(SIDE, top, WIDTH, bottom - top, 0.4)
        self.y = bottom + 4

    def qr(self, x: float, y: float) -> None:
        """The serial's QR code, its quiet zone included, in a square QR_SIZE wide at (x, y)."""
        code = qr_code(self.voter.serial)
        module = QR_SIZE / (len(code.matrix) + 2 * QR_BORDER)
        pdf = self.pdf
        pdf.set_fill_color(*BLACK)
        for column, row, width, height in qr_rectangles(code):
            pdf.rect(x + column * module, y + row * module, width * module, height * module, RenderStyle.F)

    def deadline(self) -> None:
        if self.document.deadline:
            self.lines(f"交票截止：{self.document.deadline}", 12.5, 6.5, bold=True)
            self.y += 2

    def matter(self) -> None:
        """The matter: its title and text, cut to ``matter_lines`` lines if asked."""
        document, kind = self.document, self.kind
        label = "提议事项" if document.kind is VoteKind.PETITION else "表决事项"
        self.lines(f"{label}：{document.vote_title}", kind.body + 0.5, kind.body_line + 0.4, bold=True)
        if not document.description.strip():
            return
        self.pen.font(kind.body)
        wrapped: list[str] = []
        for paragraph in document.description.strip().splitlines():
            if paragraph.strip():
                wrapped += self.wrap("　　" + paragraph.strip(), WIDTH)
        if self.matter_lines is not None and len(wrapped) > self.matter_lines:
            kept = max(self.matter_lines - 1, 0)
            wrapped = [*wrapped[:kept], "……（全文见表决事项公告）"]
        self.matter_height = len(wrapped) * kind.body_line
        for line in wrapped:
            self.text(SIDE, self.y, WIDTH, kind.body_line, line, kind.body)
            self.y += kind.body_line

    def choices(self) -> None:
        """同意 / 反对 / 弃权: a large square under each."""
        kind = self.kind
        self.y += 2
        instruction = MARK_OBJECTION if self.document.kind is VoteKind.OBJECTION else MARK_ONE
        self.lines(instruction, kind.body - 0.5, kind.body_line - 0.3, bold=True)
        self.y += 2
        width = WIDTH / len(CHOICES)
        height = 12 + kind.box + 5
        for index, choice in enumerate(CHOICES):
            x = SIDE + index * width
            self.rect(x, self.y, width, height, 0.4)
            self.text(x, self.y + 1.5, width, 10, choice, 20, True, "C")
            self.rect(x + (width - kind.box) / 2, self.y + 12, kind.box, kind.box, 0.6)
        self.y += height

    def candidates(self) -> None:
        """The candidates, each with a square; in two columns when there are more than six."""
        document, kind = self.document, self.kind
        seats = document.seats or 0
        names = document.candidates
        self.lines(
            f"应选委员 {seats} 名，候选人 {len(names)} 名", kind.body + 0.5, kind.body_line + 0.4, True
        )
        self.lines(mark_election(seats), kind.body - 0.5, kind.body_line - 0.3, bold=True)
        self.y += 2
        columns = 2 if len(names) > 6 else 1
        rows = -(-len(names) // columns)
        width = WIDTH / columns
        number_width, box_width = 14.0, 26.0
        name_width = width - number_width - box_width
        header = 8.0
        if self.draw:
            self.pdf.set_fill_color(235, 235, 235)
        for column in range(columns):
            x = SIDE + column * width
            for offset, cell_width, title in (
                (0.0, number_width, "序号"),
                (number_width, name_width, "候选人"),
                (number_width + name_width, box_width, "划“√”"),
            ):
                if self.draw:
                    self.pdf.rect(x + offset, self.y, cell_width, header, style="DF")
                self.text(x + offset, self.y, cell_width, header, title, 11, True, "C")
        self.y += header
        square = min(kind.row - 3, 8.0)
        for index, name in enumerate(names):
            column, row = divmod(index, rows)  # down the left column first, as a list is read
            x, y = SIDE + column * width, self.y + row * kind.row
            self.rect(x, y, number_width, kind.row)
            self.rect(x + number_width, y, name_width, kind.row)
            self.rect(x + number_width + name_width, y, box_width, kind.row)
            self.text(x, y, number_width, kind.row, str(index + 1), kind.body, align="C")
            self.pen.font(kind.body + 1.5, bold=True)
            shown = self.pen.fit_text(name, name_width)
            self.text(x + number_width, y, name_width, kind.row, shown, kind.body + 1.5, True, "C")
            self.rect(
                x + number_width + name_width + (box_width - square) / 2,
                y + (kind.row - square) / 2,
                square,
                square,
                0.5,
            )
        self.y += rows * kind.row

    def rules(self) -> None:
        self.y += 3
        self.lines(f"计票规则：{self.document.rules_text}", 8.5, 4.2, color=GREY)

    def signatures(self) -> None:
        """The owner's signature and date; under it a framed part for a proxy."""
        self.y += 5
        x = SIDE
        self.text(x, self.y, 28, 9, "业主签名：", 14, True)
        self.rule(x + 28, x + 95, self.y + 8)
        self.text(x + 102, self.y, 72, 9, "日期：　　　年　　月　　日", 14)
        self.y += 14
        top = self.y
        self.y += 2
        self.text(SIDE + 3, self.y, WIDTH - 6, 6, PROXY_NOTE, 10.5)
        self.y += 9
        self.text(x + 3, self.y, 27, 8, "代理人姓名：", 12)
        self.rule(x + 30, x + 68, self.y + 7)
        self.text(x + 72, self.y, 27, 8, "身份证号码：", 12)
        cell = 3.9  # 18 squares for the 18 characters of an identity card number
        for digit in range(18):
            self.rect(x + 98 + digit * cell, self.y + 0.5, cell, 7, 0.2)
        self.y += 11
        self.text(x + 3, self.y, 27, 8, "代理人签名：", 12)
        self.rule(x + 30, x + 68, self.y + 7)
        self.text(x + 72, self.y, 72, 8, "日期：　　　年　　月　　日", 12)
        self.y += 10
        self.rect(SIDE, top, WIDTH, self.y - top, 0.3)

    def write(self) -> float:
        """The whole ballot; returns the y below its last part."""
        self.head()
        self.voter_block()
        self.deadline()
        if self.document.kind is VoteKind.ELECTION:
            self.candidates()
        else:
            self.matter()
            self.choices()
        self.rules()
        self.signatures()
        self.text(SIDE, FOOT, WIDTH, 5, FOOT_NOTE, 8.5, align="C", color=GREY)
        return self.y


def _fitting(run: _Run, document: BallotDocument, voter: BallotVoter) -> tuple[_Type, int | None]:
    """The largest type with which a ballot fits its page; the matter's lines cut to, if none does."""
    for kind in TYPES:
        if _Writer(run, document, voter, kind, draw=False).write() <= BOTTOM:
            return kind, None
    kind = TYPES[-1]
    measured = _Writer(run, document, voter, kind, draw=False)
    over = measured.write() - BOTTOM
    lines = int(measured.matter_height // kind.body_line) - int(-(-over // kind.body_line))
    return kind, max(lines, 1)


def _voter_height(run: _Run, document: BallotDocument, voter: BallotVoter) -> float:
    """The height of a ballot's voter block: the only part that differs between the ballots of a vote."""
    writer = _Writer(run, document, voter, TYPES[0], draw=False)
    writer.voter_block()
    return round(writer.y, 3)


def ballots_pdf(document: BallotDocument) -> FPDF:
    """The ballots drawn, one page per voter in the order given."""
    pdf = new_document(f"{document.estate_name} {document.vote_title} {DOCUMENT_NAMES[document.kind]}")
    if not document.voters:
        # A PDF needs a page: one that says why it is empty rather than a blank sheet.
        pdf.add_page()
        pdf.set_font(FONT, "", 14)
        pdf.set_xy(SIDE, TOP + 20)
        pdf.cell(WIDTH, 10, NONE_TO_PRINT, align="C")
    # Ballots whose voter blocks are as tall fit the page alike: each height is measured once.
    fitting: dict[float, tuple[_Type, int | None]] = {}
    run = _Run(pdf, Pen(pdf))
    for voter in document.voters:
        height = _voter_height(run, document, voter)
        if height not in fitting:
            fitting[height] = _fitting(run, document, voter)
        kind, matter_lines = fitting[height]
        pdf.add_page()
        _Writer(run, document, voter, kind, draw=True, matter_lines=matter_lines).write()
    return pdf


def write_ballots(document: BallotDocument, path: Path) -> None:
    """Write the ballots' PDF at ``path`` (whole or not at all; ``FileNotWritten`` if it cannot be)."""
    write_pdf(ballots_pdf(document), path)


# ---------------------------------------------------------------- the delivery sheet

DELIVERY_COLUMNS = (
    SheetColumn("序号", 11.0, "C"),
    SheetColumn("票号", 27.0, "C"),
    SheetColumn("业主", 32.0),
    SheetColumn("房号", 44.0),
    SheetColumn("面积（㎡）", 20.0, "R"),
    SheetColumn("签收人签名", 28.0),
    SheetColumn("日期", 18.0),
)


def delivery_title(kind: VoteKind) -> str:
    """选票发放签收表 for an election, 表决票发放签收表 for a motion."""
    return "选票发放签收表" if kind is VoteKind.ELECTION else "表决票发放签收表"


def write_delivery_sheet(document: BallotDocument, path: Path) -> None:
    """Write the sheet on which each ballot's delivery is signed for, one row per ballot, in order."""
    voters = document.voters
    paper = "选票" if document.kind is VoteKind.ELECTION else "表决票"
    notes = (
        (f"共发放{paper} {len(voters)} 张", True),
        ("签收人不是业主本人的，请在签名后注明与业主的关系。", False),
    )
    rows = tuple(
        (str(number), voter.serial, voter.name, voter.rooms, area_text(voter.area_centi), "", "")
        for number, voter in enumerate(voters, start=1)
    )
    sheet = Sheet(
        delivery_title(document.kind),
        (document.estate_name, document.vote_title),
        notes,
        DELIVERY_COLUMNS,
        rows,
    )
    write_laid_out(lay_out_sheet(sheet), path)
