"""The receipt (reports/receipt.py): totals in figures and capitals, copies, voids, layouts, long lists."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from estatedesk.domain.money import capitals, read_capitals
from estatedesk.reports.receipt import ReceiptDocument, ReceiptLayout, ReceiptLine, receipt_pdf
from helpers.pdf_reading import overlapping, words

LINES = (
    ReceiptLine("物业费", "2027-01 至 2027-06", "89.50㎡×6月", "0.60元/㎡/月", 32220),
    ReceiptLine("垃圾清运费", "2027-01 至 2027-06", "6月", "10.00元/月", 6000),
    ReceiptLine("车位管理费", "2027-03", "1个×1月", "30.00元/月", 3000),
)
PREPAID = 126812  # with the lines' 412.20 a payment of 1,680.32, the amount RULES.md §3 spells out


def receipt(**changes: object) -> ReceiptDocument:
    fields: dict[str, object] = {
        "estate_name": "幸福里小区",
        "number": "2026-000001",
        "paid_on": date(2026, 12, 1),
        "payer": "王玥",
        "room": "3-2-501",
        "lines": LINES,
        "prepaid_fen": PREPAID,
        "total_fen": 168032,
        "method": "微信",
        "reference": "4200001234202612011234567890",
        "clerk": "张堃",
    }
    fields.update(changes)
    return ReceiptDocument(**fields)  # type: ignore[arg-type]


def long_receipt(count: int = 40) -> ReceiptDocument:
    lines = tuple(
        ReceiptLine(f"代收水费（{n}号表）", f"2026-{n % 12 + 1:02d}", f"{n}吨", "3.20元/吨", 320 * n)
        for n in range(1, count + 1)
    )
    return receipt(lines=lines, prepaid_fen=0, total_fen=sum(line.amount_fen for line in lines))


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason=".ci/run installs poppler")


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "收据.pdf"
    path.write_bytes(data)
    return path


def page_texts(data: bytes, tmp_path: Path, raw: bool = False) -> list[str]:
    """Each page's text, without the spaces pdftotext puts (or not) between Chinese characters.

    ``raw`` keeps text in the order it was drawn: pdftotext's layout leaves out slanted text (the stamp).
    """
    options = ["-raw"] if raw else []
    text = subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", str(write(tmp_path, data)), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


def page_count(data: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", data))


def page_size_mm(data: bytes) -> tuple[float, float]:
    match = re.search(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", data)
    assert match
    return tuple(round(float(value) * 25.4 / 72) for value in match.groups())  # type: ignore[return-value]


@needs_pdftotext
def test_the_total_is_printed_in_figures_and_capitals(tmp_path: Path) -> None:
    (text,) = page_texts(receipt_pdf([receipt()], ReceiptLayout.A5), tmp_path)
    assert "幸福里小区收款收据" in text
    assert "No.2026-000001" in text
    assert "2026年12月01日" in text
    assert "交款人：王玥" in text and "3-2-501" in text
    for title in ("收费项目", "所属期间", "数量", "单价", "金额（元）"):
        assert title in text
    assert "89.50㎡×6月" in text and "0.60元/㎡/月" in text and "322.20" in text
    assert "垃圾清运费" in text and "车位管理费" in text
    assert "预交（存入预付款）" in text and "1,268.12" in text
    assert "¥1,680.32" in text
    assert capitals(168032) == "人民币壹仟陆佰捌拾元零叁角贰分"
    assert "合计（大写）：人民币壹仟陆佰捌拾元零叁角贰分" in text
    assert "付款方式：微信" in text and "4200001234202612011234567890" in text
    assert "收款人：张堃" in text
    assert "交款人签字" in text and "收款人签字" in text
    assert "请妥善保管" in text
    assert "副本" not in text and "补打" not in text and "作废" not in text


@needs_pdftotext
def test_no_prepayment_line_without_a_prepayment_and_no_reference_for_cash(tmp_path: Path) -> None:
    document = receipt(prepaid_fen=0, total_fen=41220, method="现金", reference="")
    (text,) = page_texts(receipt_pdf([document], ReceiptLayout.A5), tmp_path)
    assert "预交" not in text and "交易单号" not in text
    assert "¥412.20" in text and "人民币肆佰壹拾贰元贰角整" in text
    assert read_capitals("人民币肆佰壹拾贰元贰角整") == 41220


@needs_pdftotext
def test_a_payment_kept_whole_as_prepayment_has_only_that_line(tmp_path: Path) -> None:
    (text,) = page_texts(receipt_pdf([receipt(lines=(), total_fen=PREPAID)], ReceiptLayout.A5), tmp_path)
    assert "预交（存入预付款）" in text and "¥1,268.12" in text


@needs_pdftotext
def test_a_reprint_is_marked_as_a_copy(tmp_path: Path) -> None:
    (text,) = page_texts(receipt_pdf([receipt(copy=True)], ReceiptLayout.A5), tmp_path)
    assert "副本（补打）" in text
    assert "¥1,680.32" in text


@needs_pdftotext
def test_a_void_receipt_is_stamped_and_says_why(tmp_path: Path) -> None:
    document = receipt(void_reason="金额录错，已重开 No. 2026-000002")
    (text,) = page_texts(receipt_pdf([document], ReceiptLayout.A5), tmp_path, raw=True)
    assert "作废原因：金额录错，已重开No.2026-000002" in text
    assert text.count("作废") == 3  # the stamp, 本收据已作废 and 作废原因
    assert "¥1,680.32" in text  # a void receipt still shows what it said


@needs_pdftotext
def test_a_very_long_void_reason_is_shortened_not_spread_over_the_receipt(tmp_path: Path) -> None:
    document = receipt(void_reason="收款时误将款项记到其他房号名下，经财务核对后作废并重新开具。" * 10)
    data = receipt_pdf([document], ReceiptLayout.A5)
    assert page_count(data) == 1
    (text,) = page_texts(data, tmp_path)
    assert "作废原因：收款时误将" in text and "…" in text
    assert "¥1,680.32" in text and "收款人签字" in text


def test_an_a5_page_holds_one_receipt(tmp_path: Path) -> None:
    data = receipt_pdf([receipt(number=f"2026-00000{n}") for n in (1, 2, 3)], ReceiptLayout.A5)
    assert page_count(data) == 3
    assert page_size_mm(data) == (210, 148)  # A5 landscape: the table's five columns need the width


@needs_pdftotext
def test_two_receipts_per_a4_page_with_a_cut_line(tmp_path: Path) -> None:
    data = receipt_pdf([receipt(number=f"2026-00000{n}") for n in (1, 2, 3)], ReceiptLayout.TWO_PER_A4)
    assert page_count(data) == 2
    assert page_size_mm(data) == (210, 297)
    first, second = page_texts(data, tmp_path)
    assert "2026-000001" in first and "2026-000002" in first and "2026-000003" not in first
    assert "2026-000003" in second
    assert first.count("收款收据") == 2 and second.count("收款收据") == 1
    assert "沿虚线裁开" in first


@needs_pdftotext
def test_no_text_crosses_the_cut_line_or_overlaps(tmp_path: Path) -> None:
    documents = [receipt(), receipt(number="2026-000002", copy=True), long_receipt()]
    for width, height, found in words(write(tmp_path, receipt_pdf(documents, ReceiptLayout.TWO_PER_A4))):
        cut = height / 2
        for word, (x0, y0, x1, y1) in found:
            assert 0 < x0 < x1 < width and 0 < y0 < y1 < height, word
            if word != "沿虚线裁开":  # the word that sits on the line, in a gap of it
                assert y1 <= cut or y0 >= cut, f"{word} crosses the cut line"
        assert not overlapping(found)


def test_the_font_is_embedded() -> None:
    data = receipt_pdf([receipt()], ReceiptLayout.A5)
    assert b"/FontFile2" in data
    assert b"EstateDeskSansSC" in data


@needs_pdftotext
def test_rare_name_characters_print(tmp_path: Path) -> None:
    document = receipt(payer="王玥、李喆", clerk="张堃")
    (text,) = page_texts(receipt_pdf([document], ReceiptLayout.A5), tmp_path)
    assert "王玥、李喆" in text and "张堃" in text


@needs_pdftotext
def test_a_forty_line_receipt_goes_on_over_slips_with_the_table_header_again(tmp_path: Path) -> None:
    document = long_receipt(40)
    data = receipt_pdf([document], ReceiptLayout.A5)
    pages = page_texts(data, tmp_path)
    assert len(pages) == page_count(data) > 1
    count = len(pages)
    every = "".join(pages)
    for n in range(1, 41):
        assert f"代收水费（{n}号表）" in every
        assert f"{n}吨" in every
    for number, text in enumerate(pages, start=1):
        assert "收费项目" in text and "No.2026-000001" in text and "王玥" in text
        assert f"第{number}张，共{count}张" in text
    *first, last = pages
    assert all("（续下张）" in text and "合计" not in text for text in first)
    assert "¥2,624.00" in last and "人民币贰仟陆佰贰拾肆元整" in last and "收款人签字" in last
    for _width, _height, found in words(write(tmp_path, data)):
        assert not overlapping(found)
        sizes = [y1 - y0 for word, (_x0, y0, _x1, y1) in found if word.startswith("代收水费")]
        assert min(sizes) > 11  # pdftotext's line box: about 8 points of type, still easy to read


@needs_pdftotext
def test_long_names_and_items_wrap_or_shrink_inside_their_cells(tmp_path: Path) -> None:
    document = receipt(
        estate_name="幸福里小区（二期）南区业主委员会自管物业管理办公室",
        payer="王玥、李喆、张堃、欧阳娜娜、司马相如（委托代缴人：诸葛孔明）",
        lines=(
            ReceiptLine(
                "地下机动车位管理费（含公共照明分摊及保洁服务费用）",
                "2026-01 至 2026-12",
                "1个×12月",
                "80.00元/月",
                96000,
            ),
        ),
        prepaid_fen=0,
        total_fen=96000,
        copy=True,
    )
    data = receipt_pdf([document], ReceiptLayout.A5)
    (text,) = page_texts(data, tmp_path)
    assert "地下机动车位管理费（含公共照明分摊及保洁服务费用）" in text
    assert "诸葛孔明" in text and "自管物业管理办公室收款收据" in text
    for width, height, found in words(write(tmp_path, data)):
        assert all(0 < x0 < x1 < width and 0 < y0 < y1 < height for _word, (x0, y0, x1, y1) in found)
        assert not overlapping(found)


def test_a_total_that_does_not_add_up_is_refused() -> None:
    with pytest.raises(ValueError, match="total"):
        receipt(total_fen=168033)


@needs_pdftotext
def test_nothing_to_print_gives_a_page_that_says_so(tmp_path: Path) -> None:
    data = receipt_pdf([], ReceiptLayout.TWO_PER_A4)
    assert page_count(data) == 1
    assert page_texts(data, tmp_path) == ["没有要打印的收据。"]


def test_the_layout_values_are_stable() -> None:
    # Stored in settings and passed by the services: the values must not change.
    assert [layout.value for layout in ReceiptLayout] == ["a5", "a4x2"]
    assert dataclasses.is_dataclass(ReceiptDocument)


@needs_pdftotext
def test_the_check_code_is_printed_beside_the_note(tmp_path: Path) -> None:
    (text,) = page_texts(receipt_pdf([receipt(check_code="3FA2-9C01")], ReceiptLayout.A5), tmp_path)
    assert "校验码：3FA2-9C01" in text
    (plain,) = page_texts(receipt_pdf([receipt()], ReceiptLayout.A5), tmp_path)
    assert "校验码" not in plain
