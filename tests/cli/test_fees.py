"""The fee ledger's commands (cli/fees.py) end to end, and ``verify`` on a ledger changed behind its back."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from estatedesk.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE
from helpers.cli_run import refusal, run, succeeds, usage_error

# 89.50 m² × 0.60 = 53.70; 76 m² × 0.60 = 45.60; 120.33 m² × 0.60 = 72.198 → 72.20; 40 m² × 0.60 = 24.00
FEN_501, FEN_502, FEN_101, FEN_SHOP = 5370, 4560, 7220, 2400
RESIDENTIAL_MONTH = FEN_501 + FEN_502 + FEN_101  # 17150
ROOMS = [
    ["3", "2", "501", "89.50", "张三、王玥", "", "", ""],
    ["3", "2", "502", "76", "李喆", "", "空置", ""],
    ["4", "1", "101", "120.33", "张堃", "", "", "低保"],
    ["5", "1", "101", "40", "赵六", "商铺", "", ""],
]
PAID_ON = "2026-11-01"  # a past day: payments cannot be dated in the future
YEAR_2027 = [f"2027-{month:02d}" for month in range(1, 13)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An estate with three residential rooms (one vacant, one hardship) and a shop, and no fee items."""
    path = tmp_path / "estate.sqlite3"
    assert run("--db", str(path), "init", "--name", "幸福里小区")[0] == EXIT_OK
    rooms = tmp_path / "rooms.csv"
    with rooms.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["楼栋", "单元", "房号", "专有面积", "业主姓名", "用途", "状态", "标记"])
        writer.writerows(ROOMS)
    assert run("--db", str(path), "import", "households", str(rooms)) == (
        EXIT_OK,
        "imported 4 new rooms, updated 0, unchanged 0\n",
    )
    return path


@pytest.fixture
def billed(db: Path) -> Path:
    """``db`` with 物业费 at 0.60 from 2025-01-01 (residential rooms), billed for 2027."""
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    fees(db, "bill", "--from", "2027-01", "--to", "2027-12")
    return db


def fees(db: Path, *argv: str) -> str:
    """Run ``fees …`` and insist that it succeeds; its output."""
    return succeeds(db, "fees", *argv)


def fees_json(db: Path, *argv: str) -> Any:
    return json.loads(fees(db, *argv, "--json"))


def refused(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run ``fees …``, insist that it exits 1 printing nothing but one error line; that line."""
    return refusal(db, capsys, "fees", *argv)


def entries(db: Path) -> int:
    """How many ledger entries the file holds (through ``verify``)."""
    code, out = run("--db", str(db), "verify", "--json")
    assert code == EXIT_OK
    return int(json.loads(out)["entries"])


def pdf_text(path: Path) -> str:
    """The PDF's text without whitespace (pdftotext spaces Chinese as it likes)."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return re.sub(r"\s+", "", text)


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


def months(first: str, count: int) -> list[str]:
    year, month = map(int, first.split("-"))
    found = []
    for _ in range(count):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


# ---------------------------------------------------------------- fee items


def test_item_add_and_items_as_json(db: Path) -> None:
    out = fees(
        db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01"
    )
    assert out == (
        "added fee item 物业费: 0.60 yuan per m² per month from 2025-01-01, paid by residential rooms\n"
    )
    fees(
        db, "item", "add", "--name", "垃圾清运费", "--kind", "fixed", "--price", "10", "--from", "2025-01-01",
        "--uses", "shop,residential",
    )  # fmt: skip
    fees(
        db, "item", "add", "--name", "车位管理费", "--kind", "parking", "--price", "60.5", "--uses", "garage"
    )
    fees(
        db,
        "item",
        "add",
        "--name",
        "门禁卡工本费",
        "--kind",
        "one-off",
        "--price",
        "25",
        "--from",
        "2027-03-15",
    )
    assert fees_json(db, "items") == [
        {
            "name": "物业费",
            "kind": "area",
            "uses": ["residential"],
            "prices": [{"from": "2025-01-01", "price": "0.60"}],
            "stopped_from": None,
            "once_month": None,
        },
        {
            "name": "垃圾清运费",
            "kind": "fixed",
            "uses": ["residential", "shop"],
            "prices": [{"from": "2025-01-01", "price": "10.00"}],
            "stopped_from": None,
            "once_month": None,
        },
        {
            "name": "车位管理费",
            "kind": "parking",
            "uses": ["garage"],
            "prices": [{"from": date.today().isoformat(), "price": "60.50"}],  # --from defaults to today
            "stopped_from": None,
            "once_month": None,
        },
        {
            "name": "门禁卡工本费",
            "kind": "one-off",
            "uses": ["residential"],
            "prices": [{"from": "2027-03-15", "price": "25.00"}],
            "stopped_from": None,
            "once_month": "2027-03",
        },
    ]


def test_items_in_words(db: Path) -> None:
    assert fees(db, "items") == "no fee items yet: add one with `estatedesk fees item add`\n"
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.6125", "--from", "2025-01-01")
    fees(
        db,
        "item",
        "add",
        "--name",
        "门禁卡工本费",
        "--kind",
        "one-off",
        "--price",
        "25",
        "--from",
        "2027-03-15",
    )
    fees(db, "item", "stop", "--name", "物业费", "--from", "2028-01")
    assert fees(db, "items").splitlines() == [
        "物业费 (area, residential): 0.6125 from 2025-01-01 (yuan per m² per month), stopped from 2028-01",
        "门禁卡工本费 (one-off, residential): 25.00 from 2027-03-15 (yuan per room, once),"
        " billed once in 2027-03",
    ]


def test_a_one_off_item_is_billed_in_its_month_only(db: Path) -> None:
    fees(
        db,
        "item",
        "add",
        "--name",
        "门禁卡工本费",
        "--kind",
        "one-off",
        "--price",
        "25",
        "--from",
        "2027-03-15",
    )
    result = fees_json(db, "bill", "--from", "2027-01", "--to", "2027-12")
    assert result["created"] == 3 and result["total_fen"] == 3 * 2500


def test_item_price_applies_from_its_month_and_leaves_old_charges(db: Path) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    fees(db, "bill", "--from", "2027-01", "--to", "2027-06")
    assert fees(db, "item", "price", "--name", "物业费", "--price", "0.65", "--from", "2027-07-01") == (
        "物业费: 0.65 yuan per m² per month from 2027-07-01\n"
    )
    assert fees_json(db, "items")[0]["prices"] == [
        {"from": "2025-01-01", "price": "0.60"},
        {"from": "2027-07-01", "price": "0.65"},
    ]
    fees(db, "bill", "--from", "2027-01", "--to", "2027-12")
    lines = fees_json(db, "account", "--room", "3-2-501")["lines"]
    # 89.50 m² × 0.65 = 58.175, rounded half-up once to 58.18
    assert [line["amount_fen"] for line in lines] == [5370] * 6 + [5818] * 6


def test_item_price_refusals_name_the_option(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    fees(db, "bill", "--from", "2027-01", "--to", "2027-12")
    assert refused(
        db, capsys, "item", "price", "--name", "物业费", "--price", "0.65", "--from", "2027-12-01"
    ) == ("--from: 物业费 is already charged for 2027-12: a new price can start from 2028-01 at the earliest")
    assert refused(
        db, capsys, "item", "price", "--name", "物业费", "--price", "0.12345", "--from", "2028-01-01"
    ) == ("--price: '0.12345' is not a price in yuan with at most 4 decimals")
    assert refused(
        db, capsys, "item", "price", "--name", "物业费", "--price", "0.7", "--from", "2028-02-30"
    ) == ("--from: '2028-02-30' is not a date such as 2025-03-01")
    assert refused(db, capsys, "item", "price", "--name", "水费", "--price", "3", "--from", "2028-01-01") == (
        "there is no fee item named 水费"
    )
    assert (
        usage_error("--db", str(db), "fees", "item", "price", "--name", "物业费", "--price", "0.7")
        == EXIT_USAGE
    )


def test_item_add_refusals_name_the_option(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60")
    assert refused(db, capsys, "item", "add", "--name", "物业费", "--kind", "fixed", "--price", "1") == (
        "--name: a fee item named 物业费 exists"
    )
    assert refused(
        db, capsys, "item", "add", "--name", "水费", "--kind", "fixed", "--price", "1", "--uses", "office"
    ) == ("--uses: 'office' is not a room use (residential, shop, garage)")
    assert refused(db, capsys, "item", "add", "--name", "水费", "--kind", "fixed", "--price", "0") == (
        "--price: the price must be above 0"
    )
    assert refused(
        db, capsys, "item", "add", "--name", "水费", "--kind", "fixed", "--price", "1", "--from", "x"
    ) == ("--from: 'x' is not a date such as 2025-03-01")
    assert usage_error(
        "--db", str(db), "fees", "item", "add", "--name", "水费", "--kind", "meter", "--price", "1"
    ) == (EXIT_USAGE)
    assert [item["name"] for item in fees_json(db, "items")] == ["物业费"]


def test_item_stop_and_resume(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    assert (
        fees(db, "item", "stop", "--name", "物业费", "--from", "2027-07")
        == "物业费: not billed from 2027-07 on\n"
    )
    assert fees_json(db, "items")[0]["stopped_from"] == "2027-07"
    assert fees_json(db, "bill", "--from", "2027-01", "--to", "2027-12")["created"] == 3 * 6
    assert refused(db, capsys, "item", "stop", "--name", "物业费", "--from", "2027-03") == (
        "--from: 物业费 is already charged for 2027-06: it can stop from 2027-07 at the earliest"
    )
    assert fees(db, "item", "stop", "--name", "物业费", "--resume") == "物业费: billed again\n"
    assert fees_json(db, "items")[0]["stopped_from"] is None
    assert fees_json(db, "bill", "--from", "2027-01", "--to", "2027-12")["created"] == 3 * 6
    assert usage_error("--db", str(db), "fees", "item", "stop", "--name", "物业费") == EXIT_USAGE
    assert (
        usage_error(
            "--db", str(db), "fees", "item", "stop", "--name", "物业费", "--from", "2028-01", "--resume"
        )
        == EXIT_USAGE
    )


# ---------------------------------------------------------------- settings


def test_settings_show_and_change_only_what_is_given(db: Path) -> None:
    assert fees_json(db, "settings") == {
        "vacant_discount": None,
        "hardship_reduction": None,
        "how_to_pay": "",
        "office_phone": "",
    }
    assert fees(db, "settings").splitlines() == [
        "vacant-room discount: off",
        "hardship reduction: off",
        "how to pay: (the standard text)",
        "office phone: (none)",
    ]
    assert fees_json(db, "settings", "--vacant-discount", "50", "--office-phone", "0571-88886666") == {
        "vacant_discount": "50",
        "hardship_reduction": None,
        "how_to_pay": "",
        "office_phone": "0571-88886666",
    }
    assert fees_json(
        db, "settings", "--hardship-reduction", "12.5%", "--how-to-pay", "请到物业办公室缴纳"
    ) == {
        "vacant_discount": "50",
        "hardship_reduction": "12.5",
        "how_to_pay": "请到物业办公室缴纳",
        "office_phone": "0571-88886666",
    }
    assert fees(db, "settings", "--vacant-discount", "off").splitlines() == [
        "vacant-room discount: off",
        "hardship reduction: 12.5%",
        "how to pay: 请到物业办公室缴纳",
        "office phone: 0571-88886666",
    ]


@pytest.mark.parametrize("percent", ["0", "150", "12.345", "abc"])
def test_settings_refuse_a_bad_percent_and_change_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], percent: str
) -> None:
    message = refused(db, capsys, "settings", "--office-phone", "110", "--vacant-discount", percent)
    assert message == (
        f"--vacant-discount: '{percent}' is not a percent above 0 and at most 100 (2 decimals at most)"
    )
    assert fees_json(db, "settings")["office_phone"] == ""


# ---------------------------------------------------------------- billing


def test_bill_a_year_twice_creates_charges_once(db: Path) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    assert fees_json(db, "bill", "--from", "2027-01", "--to", "2027-12") == {
        "created": 36,  # the three residential rooms; the shop does not pay this item
        "total_fen": 12 * RESIDENTIAL_MONTH,
        "prepaid_applied_fen": 0,
    }
    assert fees_json(db, "bill", "--from", "2027-01", "--to", "2027-12") == {
        "created": 0,
        "total_fen": 0,
        "prepaid_applied_fen": 0,
    }
    lines = fees_json(db, "account", "--room", "3-2-501")["lines"]
    assert [(line["month"], line["amount_fen"]) for line in lines] == [
        (month, FEN_501) for month in YEAR_2027
    ]


def test_bill_in_words_and_to_defaults_to_from(db: Path) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    assert fees(db, "bill", "--from", "2027-01") == "billed 2027-01: 3 charges to 3 rooms, 171.50 yuan\n"
    assert fees(db, "bill", "--from", "2027-01", "--to", "2027-03") == (
        "billed 2027-01 to 2027-03: 6 charges to 3 rooms, 343.00 yuan\n"
    )


def test_bill_the_shop_when_the_item_says_so(db: Path) -> None:
    fees(
        db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01",
        "--uses", "residential,shop",
    )  # fmt: skip
    result = fees_json(db, "bill", "--from", "2027-01")
    assert (result["created"], result["total_fen"]) == (4, RESIDENTIAL_MONTH + FEN_SHOP)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "2027-13"], "--from: '2027-13' is not a month such as 2027-01"),
        (["--from", "2027-01", "--to", "2027-1x"], "--to: '2027-1x' is not a month such as 2027-01"),
        (
            ["--from", "2027-01", "--to", "2026-12"],
            "--to: the last month 2026-12 is before the first, 2027-01",
        ),
        (["--from", "2027-01", "--to", "2037-01"], "--to: a run covers at most 120 months"),
    ],
)
def test_bill_refuses_bad_months(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    assert refused(db, capsys, "bill", *argv) == message
    assert entries(db) == 0


def test_bill_applies_the_standing_reductions(db: Path) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    fees(db, "settings", "--vacant-discount", "50", "--hardship-reduction", "100")
    result = fees_json(db, "bill", "--from", "2027-01", "--to", "2027-12")
    # 3-2-502 is vacant: half of 45.60; 4-1-101 is a hardship household: all of 72.20.
    assert result == {
        "created": 36,
        "total_fen": 12 * RESIDENTIAL_MONTH,
        "prepaid_applied_fen": 0,
    }
    assert fees(db, "bill", "--from", "2028-01").splitlines() == [
        "billed 2028-01: 3 charges to 3 rooms, 171.50 yuan",
        "standing reductions (vacant, hardship): 95.00 yuan",
    ]
    account = fees_json(db, "account", "--room", "4-1-101")
    assert (account["due_fen"], account["reduced_fen"], account["owed_fen"]) == (
        13 * FEN_101,
        13 * FEN_101,
        0,
    )


def test_a_standing_reduction_names_its_percent_plainly(db: Path) -> None:
    # parse_percent once normalized 50 to Decimal("5E+1"), stored and written into reasons so.
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    fees(db, "settings", "--vacant-discount", "50")
    fees(db, "bill", "--from", "2027-01")
    connection = sqlite3.connect(db)
    try:
        reasons = {
            row[0] for row in connection.execute("SELECT reason FROM ledger_entry WHERE kind = 'reduction'")
        }
        stored = connection.execute("SELECT value FROM setting WHERE key = 'fees.vacant_percent'").fetchone()[
            0
        ]
    finally:
        connection.close()
    assert reasons == {"空置房优惠 50%"}
    assert stored == "50"


def test_bill_spends_prepayments(db: Path) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    paid = fees_json(
        db, "pay", "--room", "3-2-501", "--amount", "1000", "--method", "cash", "--date", PAID_ON
    )
    assert (paid["applied"], paid["prepaid_fen"]) == ([], 100000)
    result = fees_json(db, "bill", "--from", "2027-01", "--to", "2027-12")
    assert result["prepaid_applied_fen"] == 12 * FEN_501
    account = fees_json(db, "account", "--room", "3-2-501")
    assert (account["paid_fen"], account["owed_fen"], account["prepaid_fen"]) == (
        12 * FEN_501,
        0,
        100000 - 12 * FEN_501,
    )
    assert fees(db, "bill", "--from", "2028-01").splitlines() == [
        "billed 2028-01: 3 charges to 3 rooms, 171.50 yuan",
        "paid from prepayments: 53.70 yuan",
    ]


# ---------------------------------------------------------------- reductions


def test_reduce_by_percent(billed: Path) -> None:
    result = fees_json(
        billed, "reduce", "--room", "3-2-501", "--item", "物业费", "--from", "2027-01", "--to", "2027-03",
        "--percent", "50", "--reason", "房屋漏水，业委会同意减半", "--approver", "王主任",
    )  # fmt: skip
    assert result == {
        "reduced_fen": 3 * 2685,
        "months": [{"month": month, "fen": 2685} for month in ("2027-01", "2027-02", "2027-03")],
        "skipped": [],
    }
    account = fees_json(billed, "account", "--room", "3-2-501")
    assert account["reduced_fen"] == 3 * 2685
    assert [line["reduced_fen"] for line in account["lines"]] == [2685] * 3 + [0] * 9


def test_reduce_by_amount_skips_paid_and_unbilled_months(billed: Path) -> None:
    fees(billed, "pay", "--room", "3-2-501", "--amount", "53.70", "--method", "cash", "--date", PAID_ON)
    out = fees(
        billed, "reduce", "--room", "3-2-501", "--item", "物业费", "--from", "2027-01", "--to", "2027-03",
        "--amount", "10", "--reason", "低保补助", "--approver", "王主任",
    )  # fmt: skip
    assert out.splitlines() == [
        "reduced 物业费 of 3-2-501 by 20.00 yuan:",
        "  2027-02: 10.00",
        "  2027-03: 10.00",
        "skipped (not billed, or already paid in full): 2027-01",
    ]
    result = fees_json(
        billed, "reduce", "--room", "3-2-501", "--item", "物业费", "--from", "2027-12", "--to", "2028-01",
        "--amount", "100", "--reason", "空置", "--approver", "王主任",
    )  # fmt: skip
    # An amount never takes a charge below zero: the month's 53.70 is the most it takes.
    assert result == {
        "reduced_fen": FEN_501,
        "months": [{"month": "2027-12", "fen": FEN_501}],
        "skipped": ["2028-01"],
    }
    assert (
        fees_json(billed, "account", "--room", "3-2-501")["owed_fen"]
        == 12 * FEN_501 - FEN_501 - 2000 - FEN_501
    )


def test_reduce_to_defaults_to_from(billed: Path) -> None:
    result = fees_json(
        billed, "reduce", "--room", "3-2-502", "--item", "物业费", "--from", "2027-05", "--percent", "100",
        "--reason", "空置", "--approver", "王主任",
    )  # fmt: skip
    assert result == {"reduced_fen": FEN_502, "months": [{"month": "2027-05", "fen": FEN_502}], "skipped": []}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--amount", "10.001"], "--amount: an amount has at most 2 decimals (fen)"),
        (["--amount", "0"], "--amount: the amount must be above 0"),
        (
            ["--percent", "101"],
            "--percent: '101' is not a percent above 0 and at most 100 (2 decimals at most)",
        ),
        (["--percent", "50", "--reason", " "], "--reason: say why the fee is reduced"),
        (["--percent", "50", "--approver", " "], "--approver: name who approved the reduction"),
        (["--percent", "50", "--room", "9-9-999"], "--room: there is no room 9-9-999"),
        (["--percent", "50", "--item", "水费"], "there is no fee item named 水费"),
        (["--percent", "50", "--from", "2027-00"], "--from: '2027-00' is not a month such as 2027-01"),
        (["--percent", "50", "--to", "2026-01"], "--to: the last month 2026-01 is before the first, 2027-01"),
        (
            ["--percent", "50", "--from", "2029-01"],
            "--from: nothing to reduce: those months are not billed yet, or already paid in full",
        ),
    ],
)
def test_reduce_refusals_name_the_option(
    billed: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    given = dict(zip(argv[::2], argv[1::2], strict=True))
    typed = {
        "--room": "3-2-501",
        "--item": "物业费",
        "--from": "2027-01",
        "--reason": "减免",
        "--approver": "王",
    }
    typed.update(given)
    before = entries(billed)
    assert refused(billed, capsys, "reduce", *[word for pair in typed.items() for word in pair]) == message
    assert entries(billed) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["--percent", "50", "--amount", "10"],  # mutually exclusive
        [],  # one of them is required
    ],
)
def test_reduce_usage_errors(billed: Path, argv: list[str]) -> None:
    base = [
        "--room",
        "3-2-501",
        "--item",
        "物业费",
        "--from",
        "2027-01",
        "--reason",
        "减免",
        "--approver",
        "王",
    ]
    assert usage_error("--db", str(billed), "fees", "reduce", *base, *argv) == EXIT_USAGE
    without_reason = [
        "--room",
        "3-2-501",
        "--item",
        "物业费",
        "--from",
        "2027-01",
        "--percent",
        "5",
        "--approver",
        "王",
    ]
    assert usage_error("--db", str(billed), "fees", "reduce", *without_reason) == EXIT_USAGE


# ---------------------------------------------------------------- payments


def test_pay_applies_oldest_first_and_keeps_the_rest_as_prepayment(db: Path) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    fees(
        db, "item", "add", "--name", "垃圾清运费", "--kind", "fixed", "--price", "10", "--from", "2025-01-01"
    )
    fees(db, "bill", "--from", "2027-01", "--to", "2027-12")
    result = fees_json(
        db, "pay", "--room", "3-2-501", "--amount", "1,000", "--method", "cash", "--date", PAID_ON
    )
    assert result == {
        "receipt": "2026-000001",
        "amount_fen": 100000,
        "amount_words": "人民币壹仟元整",
        "applied": [
            line
            for month in YEAR_2027
            for line in (
                {"item": "物业费", "month": month, "fen": FEN_501},
                {"item": "垃圾清运费", "month": month, "fen": 1000},
            )
        ],
        "prepaid_fen": 100000 - 12 * (FEN_501 + 1000),
    }


def test_pay_in_part_pays_the_oldest_month_in_item_order(db: Path) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    fees(
        db, "item", "add", "--name", "垃圾清运费", "--kind", "fixed", "--price", "10", "--from", "2025-01-01"
    )
    fees(db, "bill", "--from", "2027-01", "--to", "2027-12")
    result = fees_json(
        db, "pay", "--room", "3-2-501", "--amount", "1,234.56", "--method", "wechat", "--ref", "4200001234",
        "--date", PAID_ON,
    )  # fmt: skip
    assert result["amount_words"] == "人民币壹仟贰佰叁拾肆元伍角陆分"
    assert result["prepaid_fen"] == 123456 - 12 * (FEN_501 + 1000)
    out = fees(
        db, "pay", "--room", "3-2-502", "--amount", "100", "--method", "transfer", "--ref", "NO.88",
        "--date", PAID_ON, "--payer", "李喆",
    )  # fmt: skip
    assert out.splitlines() == [
        "receipt 2026-000002: 100.00 yuan (人民币壹佰元整), transfer",
        "  物业费 2027-01: 45.60",
        "  垃圾清运费 2027-01: 10.00",
        "  物业费 2027-02: 44.40",
        "the room now holds 0.00 yuan in advance",
    ]


def test_pay_numbers_receipts_by_the_year_of_the_date(billed: Path) -> None:
    first = fees_json(
        billed, "pay", "--room", "3-2-501", "--amount", "10", "--method", "cash", "--date", "2025-06-01"
    )
    second = fees_json(
        billed, "pay", "--room", "3-2-501", "--amount", "10", "--method", "cash", "--date", PAID_ON
    )
    third = fees_json(
        billed, "pay", "--room", "3-2-502", "--amount", "10", "--method", "cash", "--date", "2025/12/31"
    )
    assert [first["receipt"], second["receipt"], third["receipt"]] == [
        "2025-000001",
        "2026-000001",
        "2025-000002",
    ]


def test_pay_without_a_date_is_dated_today(billed: Path) -> None:
    result = fees_json(billed, "pay", "--room", "3-2-501", "--amount", "10", "--method", "cash")
    assert result["receipt"] == f"{date.today().year}-000001"


def test_pay_with_nothing_owed_is_all_prepayment(billed: Path) -> None:
    out = fees(
        billed,
        "pay",
        "--room",
        "5-1-101",
        "--amount",
        "360.5",
        "--method",
        "alipay",
        "--ref",
        "A1",
        "--date",
        PAID_ON,
    )
    assert out.splitlines() == [
        "receipt 2026-000001: 360.50 yuan (人民币叁佰陆拾元零伍角整), alipay",
        "kept as prepayment: 360.50 yuan",
        "the room now holds 360.50 yuan in advance",
    ]


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("360.555", "--amount: an amount has at most 2 decimals (fen)"),
        ("0", "--amount: the amount must be above 0"),
        ("-5", "--amount: the amount must be above 0"),
        ("abc", "--amount: 'abc' is not an amount in yuan such as 360 or 1,234.56"),
        ("1,5", "--amount: '1,5' is not an amount in yuan such as 360 or 1,234.56"),
    ],
)
def test_pay_refuses_a_bad_amount_and_writes_nothing(
    billed: Path, capsys: pytest.CaptureFixture[str], amount: str, message: str
) -> None:
    before = entries(billed)
    assert (
        refused(billed, capsys, "pay", "--room", "3-2-501", "--amount", amount, "--method", "cash") == message
    )
    assert entries(billed) == before
    # and no receipt number was used up
    assert (
        fees_json(billed, "pay", "--room", "3-2-501", "--amount", "1", "--method", "cash", "--date", PAID_ON)[
            "receipt"
        ]
        == "2026-000001"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--method", "wechat"], "--ref: a transfer, WeChat or Alipay payment needs its reference number"),
        (
            ["--method", "transfer", "--ref", " "],
            "--ref: a transfer, WeChat or Alipay payment needs its reference number",
        ),
        (
            ["--method", "cash", "--date", "2026-02-30"],
            "--date: '2026-02-30' is not a date such as 2025-03-01",
        ),
        (
            ["--method", "cash", "--date", "2099-01-01"],
            "--date: the payment date 2099-01-01 is in the future",
        ),
        (["--method", "cash", "--room", "9-9-999"], "--room: there is no room 9-9-999"),
        (
            ["--method", "alipay", "--amount", "0"],
            "--amount: the amount must be above 0; --ref: a transfer, WeChat or Alipay payment needs its"
            " reference number",
        ),
    ],
)
def test_pay_refusals_name_the_option(
    billed: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    typed = {"--room": "3-2-501", "--amount": "100", **dict(zip(argv[::2], argv[1::2], strict=True))}
    before = entries(billed)
    assert refused(billed, capsys, "pay", *[word for pair in typed.items() for word in pair]) == message
    assert entries(billed) == before


def test_pay_usage_errors(billed: Path) -> None:
    assert usage_error(
        "--db", str(billed), "fees", "pay", "--room", "3-2-501", "--amount", "1", "--method", "cheque"
    ) == (EXIT_USAGE)
    assert (
        usage_error("--db", str(billed), "fees", "pay", "--room", "3-2-501", "--method", "cash") == EXIT_USAGE
    )


# ---------------------------------------------------------------- voids and receipts


def test_void_reopens_the_charges_and_the_number_stays_used(
    billed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paid = fees_json(
        billed, "pay", "--room", "3-2-501", "--amount", "1000", "--method", "cash", "--date", PAID_ON
    )
    assert paid["prepaid_fen"] == 100000 - 12 * FEN_501
    assert fees_json(billed, "void", "2026-000001", "--reason", "金额录错") == {
        "receipt": "2026-000001",
        "reopened_fen": 12 * FEN_501,
        "prepaid_fen": 0,
    }
    account = fees_json(billed, "account", "--room", "3-2-501")
    assert (account["paid_fen"], account["owed_fen"], account["prepaid_fen"]) == (0, 12 * FEN_501, 0)
    assert refused(billed, capsys, "void", "2026-000001", "--reason", "再作废") == (
        "RECEIPT: receipt 2026-000001 is already void"
    )
    numbers = [
        fees_json(
            billed, "pay", "--room", "3-2-501", "--amount", "100", "--method", "cash", "--date", PAID_ON
        )["receipt"],
        fees_json(
            billed, "pay", "--room", "3-2-502", "--amount", "100", "--method", "cash", "--date", PAID_ON
        )["receipt"],
    ]
    fees(billed, "void", "2026-000003", "--reason", "重复收款")
    numbers.append(
        fees_json(
            billed, "pay", "--room", "4-1-101", "--amount", "100", "--method", "cash", "--date", PAID_ON
        )["receipt"]
    )
    assert numbers == ["2026-000002", "2026-000003", "2026-000004"]  # gapless: a void number is never reused
    code, out = run("--db", str(billed), "check", "--json")
    assert code == EXIT_OK and json.loads(out)["stale_open_charges"] == 0


def test_void_in_words(billed: Path) -> None:
    fees(billed, "pay", "--room", "3-2-501", "--amount", "100", "--method", "cash", "--date", PAID_ON)
    assert fees(billed, "void", "2026-000001", "--reason", "金额录错").splitlines() == [
        "receipt 2026-000001 is void: 100.00 yuan of charges are unpaid again",
        "the room now holds 0.00 yuan in advance",
    ]


def test_void_of_a_prepayment_a_billing_run_spent(db: Path) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    fees(db, "pay", "--room", "3-2-501", "--amount", "1000", "--method", "cash", "--date", PAID_ON)
    assert (
        fees_json(db, "bill", "--from", "2027-01", "--to", "2027-12")["prepaid_applied_fen"] == 12 * FEN_501
    )
    assert fees_json(db, "void", "2026-000001", "--reason", "退款") == {
        "receipt": "2026-000001",
        "reopened_fen": 12 * FEN_501,
        "prepaid_fen": 0,
    }
    account = fees_json(db, "account", "--room", "3-2-501")
    assert (account["paid_fen"], account["owed_fen"], account["prepaid_fen"]) == (0, 12 * FEN_501, 0)
    code, out = run("--db", str(db), "check", "--json")
    assert code == EXIT_OK and json.loads(out)["ok"] is True


def test_void_refusals(billed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fees(billed, "pay", "--room", "3-2-501", "--amount", "100", "--method", "cash", "--date", PAID_ON)
    assert usage_error("--db", str(billed), "fees", "void", "2026-000001") == EXIT_USAGE  # no --reason
    assert (
        refused(billed, capsys, "void", "2026-000001", "--reason", "  ")
        == "--reason: say why the receipt is voided"
    )
    assert (
        refused(billed, capsys, "void", "2026-000009", "--reason", "错") == "there is no receipt 2026-000009"
    )
    assert refused(billed, capsys, "void", "abc", "--reason", "错") == (
        "RECEIPT: 'abc' is not a receipt number such as 2026-000001"
    )
    assert fees_json(billed, "account", "--room", "3-2-501")["paid_fen"] == 10000


def test_receipt_pdf(billed: Path, tmp_path: Path) -> None:
    fees(billed, "pay", "--room", "3-2-501", "--amount", "1,000", "--method", "cash", "--date", PAID_ON)
    pdf = tmp_path / "receipt.pdf"
    assert (
        fees(billed, "receipt", "2026-000001", "--pdf", str(pdf)) == f"wrote receipt 2026-000001 to {pdf}\n"
    )
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "2026-000001" in text and "人民币壹仟元整" in text and "3-2-501" in text
    assert "副本" not in text
    copy = tmp_path / "copy.pdf"
    out = fees(billed, "receipt", "2026-000001", "--pdf", str(copy), "--copy", "--layout", "a4x2")
    assert out == f"wrote a copy of receipt 2026-000001 to {copy}\n"
    assert "副本" in pdf_text(copy)
    # A5 landscape against A4 portrait (in points)
    assert b"/MediaBox [0 0 595.28 419.53]" in data
    assert b"/MediaBox [0 0 595.28 841.89]" in copy.read_bytes()


def test_receipt_refusals(billed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "receipt.pdf"
    assert (
        refused(billed, capsys, "receipt", "2026-000001", "--pdf", str(pdf))
        == "there is no receipt 2026-000001"
    )
    assert refused(billed, capsys, "receipt", "2026-1", "--pdf", str(pdf)) == (
        "RECEIPT: '2026-1' is not a receipt number such as 2026-000001"
    )
    assert not pdf.exists()
    assert usage_error(
        "--db", str(billed), "fees", "receipt", "2026-000001", "--pdf", str(pdf), "--layout", "a4"
    ) == (EXIT_USAGE)
    assert usage_error("--db", str(billed), "fees", "receipt", "2026-000001") == EXIT_USAGE


# ---------------------------------------------------------------- accounts


def test_account_as_json(billed: Path) -> None:
    fees(
        billed, "reduce", "--room", "3-2-501", "--item", "物业费", "--from", "2027-02", "--amount", "3.70",
        "--reason", "减免", "--approver", "王主任",
    )  # fmt: skip
    fees(billed, "pay", "--room", "3-2-501", "--amount", "100", "--method", "cash", "--date", PAID_ON)
    account = fees_json(billed, "account", "--room", "3-2-501")
    assert account == {
        "room": "3-2-501",
        "due_fen": 12 * FEN_501,
        "reduced_fen": 370,
        "paid_fen": 10000,
        "owed_fen": 12 * FEN_501 - 370 - 10000,
        "prepaid_fen": 0,
        "lines": [
            {
                "item": "物业费",
                "month": "2027-01",
                "amount_fen": FEN_501,
                "reduced_fen": 0,
                "paid_fen": FEN_501,
            },
            {
                "item": "物业费",
                "month": "2027-02",
                "amount_fen": FEN_501,
                "reduced_fen": 370,
                "paid_fen": 5000 - 370,
            },
            {
                "item": "物业费",
                "month": "2027-03",
                "amount_fen": FEN_501,
                "reduced_fen": 0,
                "paid_fen": 10000 - FEN_501 - 5000 + 370,
            },
            *(
                {"item": "物业费", "month": month, "amount_fen": FEN_501, "reduced_fen": 0, "paid_fen": 0}
                for month in YEAR_2027[3:]
            ),
        ],
    }


def test_account_in_words(billed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fees(billed, "pay", "--room", "3-2-501", "--amount", "60", "--method", "cash", "--date", PAID_ON)
    lines = fees(billed, "account", "--room", "3-2-501").splitlines()
    assert lines[:3] == [
        "room 3-2-501 (张三、王玥)",
        "  2027-01 物业费: 53.70, paid 53.70, settled",
        "  2027-02 物业费: 53.70, paid 6.30, owes 47.40",
    ]
    assert lines[-1] == "due 644.40, reduced 0.00, paid 60.00, owed 584.40, prepaid 0.00"
    assert refused(billed, capsys, "account", "--room", "3-2-999") == "--room: there is no room 3-2-999"


# ---------------------------------------------------------------- arrears and reminders


@pytest.fixture
def owing(db: Path) -> Path:
    """Rooms owing since 2026-09, 2026-05, 2025-12 and 2025-01 as of 2026-10-31 (paid on 2026-10-15)."""
    fees(
        db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01",
        "--uses", "residential,shop",
    )  # fmt: skip
    assert fees_json(db, "bill", "--from", "2025-01", "--to", "2026-10")["created"] == 4 * 22
    for room, paid_months, fen in (
        ("3-2-501", 20, FEN_501),
        ("3-2-502", 16, FEN_502),
        ("4-1-101", 11, FEN_101),
    ):
        amount = f"{paid_months * fen / 100:.2f}"
        fees(db, "pay", "--room", room, "--amount", amount, "--method", "cash", "--date", "2026-10-15")
    return db


def test_arrears_age_buckets(owing: Path) -> None:
    assert fees_json(owing, "arrears", "--as-of", "2026-10-31") == {
        "total_fen": 2 * FEN_501 + 6 * FEN_502 + 11 * FEN_101 + 22 * FEN_SHOP,
        "rooms": [
            {
                "room": "3-2-501",
                "owed_fen": 2 * FEN_501,
                "oldest": "2026-09",
                "bucket": "0-3",
            },
            {
                "room": "3-2-502",
                "owed_fen": 6 * FEN_502,
                "oldest": "2026-05",
                "bucket": "3-6",
            },
            {
                "room": "4-1-101",
                "owed_fen": 11 * FEN_101,
                "oldest": "2025-12",
                "bucket": "6-12",
            },
            {
                "room": "5-1-101",
                "owed_fen": 22 * FEN_SHOP,
                "oldest": "2025-01",
                "bucket": "12+",
            },
        ],
    }


def test_arrears_as_of_a_day_before_the_payments_and_by_building(owing: Path) -> None:
    before = fees_json(owing, "arrears", "--as-of", "2026-10-14", "--building", "3")
    assert before == {
        "total_fen": 22 * (FEN_501 + FEN_502),
        "rooms": [
            {
                "room": "3-2-501",
                "owed_fen": 22 * FEN_501,
                "oldest": "2025-01",
                "bucket": "12+",
            },
            {
                "room": "3-2-502",
                "owed_fen": 22 * FEN_502,
                "oldest": "2025-01",
                "bucket": "12+",
            },
        ],
    }
    # Months after the as-of month are not owed yet.
    assert (
        fees_json(owing, "arrears", "--as-of", "2025-03-31", "--building", "5")["total_fen"] == 3 * FEN_SHOP
    )


def test_arrears_in_words(owing: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fees(owing, "arrears", "--as-of", "2026-10-31", "--building", "4").splitlines() == [
        "4-1-101: owes 794.20 since 2025-12 (11 months, 6-12)",
        "1 room owes 794.20 yuan on 2026-10-31",
    ]
    assert (
        fees(owing, "arrears", "--as-of", "2026-10-31", "--building", "9")
        == "no room owes money on 2026-10-31\n"
    )
    assert refused(owing, capsys, "arrears", "--as-of", "yesterday") == (
        "--as-of: 'yesterday' is not a date such as 2025-03-01"
    )


def test_notices_write_one_reminder_per_room_owing(owing: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "notices.pdf"
    assert (
        fees(owing, "notices", "--pdf", str(pdf), "--as-of", "2026-10-31") == f"wrote 4 reminders to {pdf}\n"
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    pages = pdf_pages(pdf)
    assert len(pages) == 4
    assert "3-2-501" in pages[0] and "107.40" in pages[0]
    building = tmp_path / "building-4.pdf"
    out = fees(owing, "notices", "--pdf", str(building), "--building", "4", "--as-of", "2026-10-31")
    assert out == f"wrote 1 reminder to {building}\n"
    (page,) = pdf_pages(building)
    assert "4-1-101" in page and "794.20" in page


def test_notices_when_no_room_owes_money_write_no_file(
    owing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "notices.pdf"
    assert refused(
        owing, capsys, "notices", "--pdf", str(pdf), "--building", "9", "--as-of", "2026-10-31"
    ) == ("no room in building 9 owes money on 2026-10-31: no reminders were written")
    assert refused(owing, capsys, "notices", "--pdf", str(pdf), "--as-of", "2024-12-31") == (
        "no room owes money on 2024-12-31: no reminders were written"
    )
    assert not pdf.exists()


def test_a_reminder_as_of_a_past_day_never_asks_for_nothing(owing: Path, tmp_path: Path) -> None:
    fees(owing, "pay", "--room", "3-2-501", "--amount", "107.40", "--method", "cash", "--date", "2026-11-01")
    pdf = tmp_path / "notices.pdf"
    fees(owing, "notices", "--pdf", str(pdf), "--as-of", "2026-10-31")
    pages = pdf_pages(pdf)
    assert not [page for page in pages if "人民币零元整" in page or "¥0.00" in page]


# ---------------------------------------------------------------- collection rate


def test_rate(billed: Path) -> None:
    fees(
        billed,
        "pay",
        "--room",
        "3-2-501",
        "--amount",
        f"{12 * FEN_501 / 100:.2f}",
        "--method",
        "cash",
        "--date",
        PAID_ON,
    )
    fees(
        billed,
        "pay",
        "--room",
        "3-2-502",
        "--amount",
        f"{6 * FEN_502 / 100:.2f}",
        "--method",
        "cash",
        "--date",
        PAID_ON,
    )
    fees(
        billed, "reduce", "--room", "4-1-101", "--item", "物业费", "--from", "2027-01", "--to", "2027-12",
        "--amount", "10", "--reason", "低保", "--approver", "王主任",
    )  # fmt: skip
    # due, net of reductions: 12 × 171.50 − 12 × 10 = 1,938.00; collected 644.40 + 273.60 = 918.00
    assert fees_json(billed, "rate", "--from", "2027-01", "--to", "2027-12") == {
        "due_fen": 193800,
        "collected_fen": 91800,
        "rate": "0.4737",
        "households_billed": 3,
        "households_paid": 1,
    }
    assert fees_json(billed, "rate", "--from", "2027-01", "--to", "2027-06") == {
        "due_fen": 6 * RESIDENTIAL_MONTH - 6000,
        "collected_fen": 6 * (FEN_501 + FEN_502),
        "rate": "0.6149",
        "households_billed": 3,
        "households_paid": 2,
    }
    assert fees(billed, "rate", "--from", "2027-01", "--to", "2027-12").splitlines() == [
        "2027-01 to 2027-12: due 1,938.00 yuan, collected 918.00 yuan, rate 47.37%",
        "households billed 3, paid in full 1",
    ]


def test_rate_when_nothing_was_due(billed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fees_json(billed, "rate", "--from", "2030-01", "--to", "2030-12") == {
        "due_fen": 0,
        "collected_fen": 0,
        "rate": None,
        "households_billed": 0,
        "households_paid": 0,
    }
    assert fees(billed, "rate", "--from", "2030-01", "--to", "2030-01") == "2030-01: nothing was due\n"
    assert refused(billed, capsys, "rate", "--from", "2027-12", "--to", "2027-01") == (
        "--to: the last month 2027-01 is before the first, 2027-12"
    )
    assert refused(billed, capsys, "rate", "--from", "2027-13", "--to", "2027-01") == (
        "--from: '2027-13' is not a month such as 2027-01"
    )


# ---------------------------------------------------------------- verify


def verify(db: Path) -> tuple[int, dict[str, Any]]:
    code, out = run("--db", str(db), "verify", "--json")
    return code, json.loads(out)


def test_verify_a_clean_ledger(billed: Path) -> None:
    fees(billed, "pay", "--room", "3-2-501", "--amount", "100", "--method", "cash", "--date", PAID_ON)
    fees(billed, "void", "2026-000001", "--reason", "错收")
    no_ballots = {"ok": True, "entries": 0, "first_bad": None}
    assert verify(billed) == (
        EXIT_OK,
        {"ok": True, "entries": entries(billed), "first_bad": None, "ballots": no_ballots},
    )
    code, out = run("--db", str(billed), "verify")
    assert code == EXIT_OK
    assert out == (
        f"ledger OK: {entries(billed)} entries, every one as the program wrote it\n"
        "ballots OK: 0 entries, every one as the program wrote it\n"
    )


@pytest.mark.parametrize(
    ("column", "kind", "value"),
    [
        ("amount_fen", "charge", "amount_fen + 1"),
        ("amount_fen", "payment", "1"),
        ("on_date", "payment", "'2026-01-01'"),
        ("room_id", "allocation", "(SELECT MAX(id) FROM room)"),
        ("receipt", "payment", "'2026-000099'"),
    ],
)
def test_verify_names_the_entry_changed_outside_the_program(
    billed: Path, column: str, kind: str, value: str
) -> None:
    fees(billed, "pay", "--room", "3-2-501", "--amount", "100", "--method", "cash", "--date", PAID_ON)
    fees(billed, "pay", "--room", "3-2-502", "--amount", "100", "--method", "cash", "--date", PAID_ON)
    total = entries(billed)
    connection = sqlite3.connect(billed)  # the command has closed the file: another program edits it
    try:
        # The first entry of its kind for the second room: neither the first nor the last of the chain.
        (entry_id,) = connection.execute(
            "SELECT MIN(e.id) FROM ledger_entry AS e JOIN room AS r ON r.id = e.room_id"
            " WHERE e.kind = ? AND r.code = '3-2-502'",
            (kind,),
        ).fetchone()
        assert 1 < entry_id < total
        connection.execute(f"UPDATE ledger_entry SET {column} = {value} WHERE id = ?", (entry_id,))
        assert connection.total_changes == 1
        connection.commit()
    finally:
        connection.close()
    code, result = verify(billed)
    assert code == EXIT_REJECTED
    assert result["ok"] is False
    assert result["first_bad"]["entry"] == entry_id
    assert result["entries"] == entry_id - 1
    code, out = run("--db", str(billed), "verify")
    assert code == EXIT_REJECTED
    assert out.splitlines()[0].startswith(f"ledger entry {entry_id} does not match: ")


# ---------------------------------------------------------------- the parser


@pytest.mark.parametrize(
    "argv",
    [
        ["fees"],
        ["fees", "frobnicate"],
        ["fees", "item"],
        ["fees", "bill"],  # --from is required
        ["fees", "rate", "--from", "2027-01"],  # --to is required
        ["fees", "notices"],  # --pdf is required
        ["fees", "account"],  # --room is required
    ],
)
def test_usage_errors_exit_2(db: Path, argv: list[str]) -> None:
    assert usage_error("--db", str(db), *argv) == EXIT_USAGE


@pytest.mark.parametrize(
    "argv",
    [
        ["fees"],
        ["fees", "item"],
        ["fees", "item", "add"],
        ["fees", "item", "price"],
        ["fees", "item", "stop"],
        *(
            ["fees", word]
            for word in (
                "items",
                "settings",
                "bill",
                "reduce",
                "pay",
                "void",
                "receipt",
                "account",
                "arrears",
                "notices",
                "rate",
            )
        ),
    ],
)
def test_every_fees_command_has_english_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert usage_error(*argv, "--help") == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith(f"usage: estatedesk {' '.join(argv)}")


def test_a_room_is_named_as_clerks_write_it(db: Path) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    fees(db, "bill", "--from", "2027-01")
    for typed in ("3-2-501", "３-２-５０１", "3号楼2单元501室", " 3-2-501 "):
        assert fees_json(db, "account", "--room", typed)["room"] == "3-2-501"


def test_bill_and_arrears_give_exactly_the_keys_of_the_contract(db: Path) -> None:
    fees(db, "item", "add", "--name", "物业费", "--kind", "area", "--price", "0.60", "--from", "2025-01-01")
    assert set(fees_json(db, "bill", "--from", "2026-01")) == {"created", "total_fen", "prepaid_applied_fen"}
    arrears = fees_json(db, "arrears", "--as-of", "2026-11-30")
    assert set(arrears) == {"total_fen", "rooms"}
    assert arrears["rooms"] and all(
        set(row) == {"room", "owed_fen", "oldest", "bucket"} for row in arrears["rooms"]
    )
