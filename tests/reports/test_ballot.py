"""Paper ballots (reports/ballot.py): one page per voter, its serial printed and in a QR code, large type."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import segno
from PIL import Image

from estatedesk.domain.errors import FileNotWritten
from estatedesk.domain.voting import VoteKind, VoteRules, ballot_serial, read_serial, rules_text
from estatedesk.reports.ballot import (
    MARK_OBJECTION,
    MARK_ONE,
    QR_BORDER,
    QR_LEFT,
    QR_SIZE,
    BallotDocument,
    BallotVoter,
    mark_election,
    qr_code,
    qr_rectangles,
    write_ballots,
    write_delivery_sheet,
)
from estatedesk.reports.pdf import A4_PORTRAIT

needs_poppler = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("pdftotext", "pdftoppm", "pdfimages")),
    reason=".ci/run installs poppler",
)

MATTER = "关于使用专项维修资金更换3号楼电梯的决定"
DESCRIPTION = (
    "3号楼两部电梯已使用18年，多次困人，经特种设备检验机构检测建议更换。"
    "拟使用3号楼专项维修资金更换两部电梯，预算总额人民币肆拾捌万元整（¥480,000.00），"
    "由业主委员会公开招标选定施工单位，费用按3号楼各户专有部分面积分摊。\n"
    "详细方案、报价及分摊明细已于2027年2月20日在各楼栋公告栏公示，欢迎业主查阅。"
)
CANDIDATES = ("王玥", "李喆", "张堃", "欧阳娜娜", "赵敏", "周芷若", "陈家洛", "霍青桐", "司马相如")
DEVELOPER_ROOMS = tuple(
    f"5-{unit}-{floor:02d}0{door}" for unit in (1, 2) for floor in range(1, 11) for door in (1, 2)
)
VOTERS = (
    BallotVoter(ballot_serial(12, 1), "王玥、李喆", ("3-2-501",), 8950),
    BallotVoter(ballot_serial(12, 2), "张堃", ("3-2-502", "3-2-602"), 17912),
    BallotVoter(ballot_serial(12, 345), "建设单位", DEVELOPER_ROOMS, 40 * 8950),
)


def motion(kind: VoteKind = VoteKind.ORDINARY, **changes: object) -> BallotDocument:
    fields: dict[str, object] = {
        "estate_name": "幸福里小区",
        "vote_title": MATTER,
        "kind": kind,
        "rules_text": rules_text(VoteRules(kind)),
        "voters": VOTERS,
        "description": DESCRIPTION,
        "deadline": "2027年03月15日17时前，投入物业办公室票箱",
    }
    fields.update(changes)
    return BallotDocument(**fields)  # type: ignore[arg-type]


def election(**changes: object) -> BallotDocument:
    fields: dict[str, object] = {
        "estate_name": "幸福里小区",
        "vote_title": "第二届业主委员会委员选举",
        "kind": VoteKind.ELECTION,
        "rules_text": rules_text(VoteRules(VoteKind.ELECTION, seats=7)),
        "voters": VOTERS,
        "seats": 7,
        "candidates": CANDIDATES,
    }
    fields.update(changes)
    return BallotDocument(**fields)  # type: ignore[arg-type]


def page_texts(path: Path) -> list[str]:
    """Each page's text, without the spaces pdftotext puts (or not) between Chinese characters."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


def written(document: BallotDocument, tmp_path: Path, name: str = "选票.pdf") -> Path:
    path = tmp_path / name
    write_ballots(document, path)
    return path


def rendered_pages(path: Path, tmp_path: Path, dpi: int = 150) -> list[Path]:
    """The pages as poppler draws them, in order."""
    folder = tmp_path / "pages"
    folder.mkdir()
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(path), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"), key=lambda page: int(page.stem.rsplit("-", 1)[1]))


def dark(pixel: object) -> bool:
    return isinstance(pixel, int) and pixel < 128


def drawn_modules(page: Path, size: int) -> list[list[bool]]:
    """The modules of the QR code drawn on a rendered ballot, ``size`` a side with its quiet zone.

    Read as a scanner reads them: the code is found by its top left finder pattern (a dark run
    7 modules long down the code's left edge), then each module is looked at in its middle.
    """
    with Image.open(page) as opened:
        grey = opened.convert("L")
    scale = grey.width / A4_PORTRAIT[0]  # pixels a millimetre
    module = QR_SIZE / size * scale
    left = QR_LEFT * scale
    x = int(left + (QR_BORDER + 0.5) * module)
    run, top = 0, None
    for y in range(grey.height):
        if dark(grey.getpixel((x, y))):
            run += 1
            continue
        if abs(run - 7 * module) <= module / 2:
            top = y - run - QR_BORDER * module
            break
        run = 0
    assert top is not None, f"no QR code at {QR_LEFT} mm on {page.name}"
    return [
        [
            dark(grey.getpixel((int(left + (column + 0.5) * module), int(top + (row + 0.5) * module))))
            for column in range(size)
        ]
        for row in range(size)
    ]


def expected_modules(serial: str) -> list[list[bool]]:
    return [
        [bool(module) for module in row] for row in segno.make_qr(serial, error="m").matrix_iter(border=4)
    ]


@needs_poppler
def test_one_page_per_voter_with_its_serial_and_who_it_is_for(tmp_path: Path) -> None:
    pages = page_texts(written(motion(), tmp_path))
    assert len(pages) == len(VOTERS)
    for page, voter in zip(pages, VOTERS, strict=True):
        assert voter.serial in page
        for other in VOTERS:
            if other is not voter:
                assert other.serial not in page  # no page shows another voter's serial
        assert "幸福里小区" in page and "业主大会表决票" in page and MATTER in page
    assert "王玥、李喆" in pages[0] and "3-2-501" in pages[0] and "89.50㎡" in pages[0]
    assert "3-2-502、3-2-602" in pages[1] and "179.12㎡" in pages[1]
    assert "建设单位" in pages[2] and "3,580.00㎡" in pages[2]


@needs_poppler
def test_a_motion_has_three_boxes_the_rule_and_the_signatures(tmp_path: Path) -> None:
    page = page_texts(written(motion(voters=VOTERS[:1]), tmp_path))[0]
    assert "表决事项：" + MATTER in page
    assert "¥480,000.00" in page  # a figure is not split over two lines
    assert "欢迎业主查阅" in page
    assert re.sub(r"\s+", "", MARK_ONE) in page
    assert page.index("同意") < page.index("反对") < page.index("弃权")
    assert "计票规则：" + re.sub(r"\s+", "", rules_text(VoteRules(VoteKind.ORDINARY))) in page
    assert "交票截止：2027年03月15日17时前，投入物业办公室票箱" in page
    for words in ("业主签名", "日期", "代理人姓名", "身份证号码", "代理人签名", "授权委托书"):
        assert words in page


@needs_poppler
def test_the_qr_code_holds_exactly_the_serial(tmp_path: Path) -> None:
    for document, name in ((motion(), "表决票"), (election(), "选票")):
        folder = tmp_path / name
        folder.mkdir()
        path = written(document, folder)
        pages = rendered_pages(path, folder)
        assert len(pages) == len(VOTERS)
        for page, voter in zip(pages, VOTERS, strict=True):
            expected = expected_modules(voter.serial)
            assert drawn_modules(page, len(expected)) == expected
            # A full QR code (21 modules and more), which every scanner reads; not a Micro QR code.
            assert len(expected) - 2 * QR_BORDER >= 21
        # Drawn, not embedded: no page carries an image to decode.
        listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, check=True)
        assert len(listing.stdout.decode().strip().splitlines()) == 2  # the list's two header lines
    # The serial a scanner types is one the entry field accepts, naming this vote and voter.
    assert read_serial(VOTERS[2].serial) == (12, 345)
    assert expected_modules(VOTERS[0].serial) != expected_modules(VOTERS[1].serial)


def test_the_qr_code_is_the_serials_and_its_rectangles_cover_exactly_its_dark_modules() -> None:
    for serial in ("12-00345-3", ballot_serial(7, 1), ballot_serial(123, 20000)):
        code = qr_code(serial)
        assert code == segno.make_qr(serial, error="m")
        assert not code.is_micro
        expected = expected_modules(serial)
        covered = [[False] * len(row) for row in expected]
        rectangles = qr_rectangles(code)
        for column, row, width, height in rectangles:
            for y in range(row, row + height):
                for x in range(column, column + width):
                    assert not covered[y][x]  # no module is drawn twice
                    covered[y][x] = True
        assert covered == expected  # the quiet zone included: nothing is drawn in it
        assert len(rectangles) < sum(map(sum, expected)) / 2  # runs of modules, not module by module


@needs_poppler
def test_an_objection_ballot_says_only_objecting_owners_return_it(tmp_path: Path) -> None:
    document = motion(VoteKind.OBJECTION, voters=VOTERS[:1])
    page = page_texts(written(document, tmp_path))[0]
    assert "否定表决" in page
    assert re.sub(r"\s+", "", MARK_OBJECTION) in page
    assert "未交回本票视为不反对" in page
    assert MARK_ONE not in page


@needs_poppler
def test_a_petition_is_titled_a_proposal_and_keeps_the_three_answers(tmp_path: Path) -> None:
    document = motion(VoteKind.PETITION, voters=VOTERS[:1], vote_title="关于提请召开临时业主大会的提议")
    page = page_texts(written(document, tmp_path))[0]
    assert "业主提议表决票" in page and "提议事项：关于提请召开临时业主大会的提议" in page
    assert "同意" in page and "反对" in page and "弃权" in page


@needs_poppler
def test_an_election_ballot_lists_every_candidate_with_the_limit(tmp_path: Path) -> None:
    pages = page_texts(written(election(), tmp_path))
    assert len(pages) == len(VOTERS)
    for page in pages:
        assert "业主委员会选举选票" in page
        assert "应选委员7名，候选人9名" in page
        assert "最多选择7名候选人，超过7名视为废票" in page
        for name in CANDIDATES:
            assert name in page
        assert "弃权" not in page  # a candidate is marked or not: no yes/no/abstain boxes
    assert mark_election(5).count("5名") == 2


@needs_poppler
def test_the_developer_with_40_rooms_fits_its_page(tmp_path: Path) -> None:
    page = page_texts(written(election(voters=VOTERS[2:]), tmp_path))[0]
    assert "等共40套" in page
    assert DEVELOPER_ROOMS[0] in page
    assert DEVELOPER_ROOMS[-1] not in page  # the list is shortened, not run over the ballot


@needs_poppler
def test_a_matter_too_long_for_the_page_is_cut_with_a_pointer_to_the_notice(tmp_path: Path) -> None:
    long = "\n".join([DESCRIPTION] * 12)
    pages = page_texts(written(motion(voters=VOTERS[:2], description=long), tmp_path))
    assert len(pages) == 2
    for page in pages:
        assert "全文见表决事项公告" in page
        assert "业主签名" in page and "代理人签名" in page  # the signatures are never pushed off
    short = page_texts(written(motion(voters=VOTERS[:1]), tmp_path, "短.pdf"))[0]
    assert "全文见表决事项公告" not in short


def test_no_glyph_is_missing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # fpdf2 logs the characters the embedded font lacks; they would print as blanks.
    with caplog.at_level(logging.WARNING):
        written(motion(), tmp_path)
        written(election(), tmp_path, "选举.pdf")
        write_delivery_sheet(election(), tmp_path / "签收.pdf")
    assert not [record for record in caplog.records if "missing" in record.getMessage()]


def test_a_ballot_document_refuses_what_cannot_be_marked() -> None:
    with pytest.raises(ValueError, match="seats and candidates"):
        election(candidates=())
    with pytest.raises(ValueError, match="only an election"):
        motion(seats=7)


def test_a_folder_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotWritten):
        write_ballots(motion(), tmp_path / "无此文件夹" / "选票.pdf")
    with pytest.raises(FileNotWritten):
        write_delivery_sheet(motion(), tmp_path / "无此文件夹" / "签收.pdf")


@needs_poppler
def test_the_delivery_sheet_has_a_row_per_ballot_and_its_header_on_every_page(tmp_path: Path) -> None:
    voters = tuple(
        BallotVoter(
            ballot_serial(12, number), "王玥" if number % 2 else "李喆、张堃", (f"1-1-{number:03d}",), 8950
        )
        for number in range(1, 61)
    )
    path = tmp_path / "签收表.pdf"
    write_delivery_sheet(election(voters=voters), path)
    pages = page_texts(path)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "选票发放签收表" in page
        for title in ("序号", "票号", "业主", "房号", "面积（㎡）", "签收人签名", "日期"):
            assert title in page
        assert f"第{number}页共{len(pages)}页" in page
    text = "".join(pages)
    for voter in voters:
        assert text.count(voter.serial) == 1
    assert "共发放选票60张" in pages[0]
    motion_sheet = tmp_path / "表决票签收表.pdf"
    write_delivery_sheet(motion(), motion_sheet)
    assert "表决票发放签收表" in page_texts(motion_sheet)[0]
