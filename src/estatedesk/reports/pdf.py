"""What every EstateDesk PDF shares: A4 pages, the embedded Chinese font, header and footer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fpdf import FPDF

from estatedesk.domain.errors import FileNotWritten
from estatedesk.paths import FONTS_DIR, write_whole

FONT = "EstateDeskSans"
REGULAR = FONTS_DIR / "EstateDeskSansSC-Regular.ttf"
BOLD = FONTS_DIR / "EstateDeskSansSC-Bold.ttf"


class EstateDocument(FPDF):
    """An A4 document with the estate's name and title on each page, and page numbers."""

    def __init__(self, estate_name: str, title: str, landscape: bool = False) -> None:
        super().__init__(orientation="L" if landscape else "P", unit="mm", format="A4")
        self.estate_name = estate_name
        self.document_title = title
        self.printed_on = date.today()
        # Embedding the font is what makes names such as 王玥 or 张堃 print on any computer.
        self.add_font(FONT, "", str(REGULAR))
        self.add_font(FONT, "B", str(BOLD))
        self.set_title(f"{estate_name} {title}")
        self.set_creator("EstateDesk")
        self.set_auto_page_break(auto=True, margin=15)
        self.set_margins(12, 12, 12)
        self.alias_nb_pages()

    def header(self) -> None:
        """The estate's name and the document's title, then the date it was printed."""
        self.set_font(FONT, "B", 14)
        self.cell(0, 8, f"{self.estate_name} {self.document_title}", align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", 9)
        self.cell(0, 5, f"打印日期：{self.printed_on:%Y年%m月%d日}", align="R", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self) -> None:
        """Page x of y."""
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.cell(0, 6, f"第 {self.page_no()} 页 / 共 {{nb}} 页", align="C")

    def save(self, path: Path) -> int:
        """Write the document to ``path`` whole or not at all; return its number of pages."""
        try:
            write_whole(path, lambda temp: self.output(str(temp)))
        except OSError as error:
            raise FileNotWritten(path, error) from None
        return self.pages_count
