"""Fee ledger figures (issue 7): ten years of monthly bills and payments on 5,000 households.

The big estate: a demo of 5,000 households (300 with ESTATEDESK_BENCH_QUICK=1) with 物业费
(0.60 元/㎡/月, residential), 垃圾清运费 (8.00 元/户/月, residential and shops) and 车位管理费
(50.00 元/个/月, rooms with a space), billed a year at a time on the first day of the year's first
month for the ten years up to this month (two in quick mode: about 1.35 million charges at full
size), and paid between the runs through ``services.fees.pay``, in the order of the days paid:
most rooms once or twice a year ahead, some late, some stopped paying months or years ago. Each
year's run and payments are one transaction, as a clerk's would be many: that is only faster.
Before any figure, ``check`` and ``verify`` must find the file sound.

Targets, printed and never asserted:
  a. a month's billing run of 20,000 rooms × 3 items (a demo of its own; 2,000 in quick mode)
     at most 3× a raw ``executemany`` of the same rows into the same tables, measured in the same
     run inside a rolled-back transaction;
  b. a payment with its receipt (``pay``): median ≤ 30 ms;
  c. a room's account: median ≤ 50 ms;
  d. the arrears list ≤ 1 s;
  e. a year's collection rate, with and without detail ≤ 0.5 s;
  f. ``verify`` of the whole ledger ≤ 15 s;
  g. the fee tab's first paint ≤ 300 ms (the window opening the file, and each other page of the
     tab until what it reads is on screen, are printed beside it).
Making the big estate takes about a minute and a half at full size; its parts are printed too.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -s -m bench tests/bench/test_bench_fees.py
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from estatedesk.domain.fees import Month, month_of, monthly_amount
from estatedesk.domain.households import RoomUse
from estatedesk.domain.money import format_yuan
from estatedesk.services import demo, fees
from estatedesk.services import estate as estates
from estatedesk.services.changes import Records, writing
from estatedesk.services.estate import Estate
from estatedesk.store import ledger
from estatedesk.store.models import database_proxy
from estatedesk.store.sql import execute, placeholders, transaction
from helpers.bench import median_time, open_in_window, tab_index

QUICK = os.environ.get("ESTATEDESK_BENCH_QUICK") == "1"
HOUSEHOLDS = 300 if QUICK else 5_000
YEARS = 2 if QUICK else 10
BILLING_ROOMS = 2_000 if QUICK else 20_000
BILLING_MONTHS = 3  # separate runs of one month each: the figure is their median
SAMPLES = 50  # payments posted, accounts read
ITEMS = (  # name, kind, price, the room uses that pay it
    ("物业费", "area", "0.60", frozenset({RoomUse.RESIDENTIAL})),
    ("垃圾清运费", "fixed", "8.00", frozenset({RoomUse.RESIDENTIAL, RoomUse.SHOP})),
    ("车位管理费", "parking", "50.00", frozenset(RoomUse)),
)
METHODS = (("cash", 35), ("wechat", 35), ("alipay", 10), ("transfer", 20))

Report = Callable[..., None]
pytestmark = pytest.mark.bench


def months_up_to(last: Month, count: int) -> list[Month]:
    """The ``count`` months ending with ``last``, oldest first."""
    months = [last]
    while len(months) < count:
        month = months[0]
        months.insert(
            0, Month(month.year - 1, 12) if month.month == 1 else Month(month.year, month.month - 1)
        )
    return months


def add_items(since: Month) -> None:
    for name, kind, price, uses in ITEMS:
        fees.add_item(fees.FeeItemInput(name, kind, price, date(since.year, since.month, 1), uses))


class _Undo(Exception):
    """Raised to roll a transaction back."""


# ---------------------------------------------------------------- a. the billing run


def test_billing_run_against_raw_inserts(tmp_path: Path, bench_report: Report) -> None:
    """A month's run on a demo of 20,000 rooms, and the same rows written by a bare ``executemany``.

    For each month: the run once inside a rolled-back transaction, to learn the rows it writes
    (and warm the file as much as the real run finds it); those rows inserted by ``executemany``
    into ``ledger_entry`` and ``open_charge``, timed, rolled back; then the run itself, timed.
    """
    estate = estates.create_estate(tmp_path / "billing.sqlite3", "基准小区")
    try:
        demo.generate(BILLING_ROOMS, seed=3, with_fees=False)
        months = months_up_to(month_of(date.today()), BILLING_MONTHS)
        add_items(months[0])
        connection: sqlite3.Connection = database_proxy.connection()
        runs, raws, created = [], [], []
        for month in months:
            billed_on = date(month.year, month.month, 1)
            first = ledger.next_id()
            try:
                with writing(Records.FEES):
                    fees.bill(month, month, billed_on)
                    # every column, as stored: the raw insert writes exactly these rows
                    entries = connection.execute(
                        "SELECT * FROM ledger_entry WHERE id >= ? ORDER BY id", (first,)
                    ).fetchall()
                    owed = connection.execute(
                        "SELECT * FROM open_charge WHERE charge_id >= ? ORDER BY charge_id", (first,)
                    ).fetchall()
                    raise _Undo
            except _Undo:
                pass
            try:
                with transaction():
                    start = time.perf_counter()
                    connection.executemany(
                        f"INSERT INTO ledger_entry VALUES ({placeholders(len(entries[0]))})", entries
                    )
                    connection.executemany(
                        f"INSERT INTO open_charge VALUES ({placeholders(len(owed[0]))})", owed
                    )
                    raws.append(time.perf_counter() - start)
                    raise _Undo
            except _Undo:
                pass
            start = time.perf_counter()
            result = fees.bill(month, month, billed_on)
            runs.append(time.perf_counter() - start)
            assert result.created == len(entries)  # the raw insert wrote what the run writes
            created.append(result.created)
        assert estates.check(estate).ok and estates.verify(estate).ok
    finally:
        estate.close()
    print(f"\n{BILLING_ROOMS} rooms: {statistics.median(created)} charges a month")
    run, raw = statistics.median(runs), statistics.median(raws)
    bench_report(f"billing_run_one_month_{BILLING_ROOMS}_rooms", run)
    bench_report(f"raw_executemany_one_month_{BILLING_ROOMS}_rooms", raw)
    bench_report(f"billing_run_over_raw_{BILLING_ROOMS}_rooms", run / raw, "ratio")


# ---------------------------------------------------------------- the big estate


@dataclass(frozen=True)
class Payer:
    """How one room pays in the big estate."""

    room_id: int
    monthly_fen: int
    period: int  # months paid at a time
    first: int  # the month (index) of its first payment
    lag: int  # months it pays behind (0: pays its period ahead)
    stops: int | None  # the month (index) from which it pays nothing more
    method: str

    def pays_in(self, index: int) -> bool:
        if self.stops is not None and index >= self.stops:
            return False
        return index >= self.first and (index - self.first) % self.period == 0


def payers(rng: random.Random, since: Month, months: int) -> list[Payer]:
    """Most rooms pay a year or half a year ahead; 15% pay late; 6% stopped paying at some month."""
    items = fees.list_items()
    made = []
    for room_id, use, area, spaces in execute(
        """SELECT r.id, r.use, r.area_centi,
                  (SELECT COUNT(*) FROM parking_space AS p WHERE p.room_id = r.id)
           FROM room AS r ORDER BY r.id"""
    ).fetchall():
        monthly = sum(
            monthly_amount(item.kind, item.price_for(since) or 0, area, spaces)
            for item in items
            if RoomUse(use) in item.uses
        )
        if not monthly:
            continue
        period = rng.choices((12, 6, 3), (55, 35, 10))[0]
        roll = rng.random()
        lag = rng.randint(1, 6) if roll < 0.15 else 0
        stops = rng.randrange(months) if 0.15 <= roll < 0.21 else None
        method = rng.choices([m for m, _w in METHODS], [w for _m, w in METHODS])[0]
        made.append(Payer(room_id, monthly, period, rng.randrange(period), lag, stops, method))
    return made


def reference(rng: random.Random, method: str) -> str:
    return "" if method == "cash" else str(rng.randrange(10**19, 10**20))


def fill_ledger(rng: random.Random, today: date) -> tuple[int, float, float]:
    """``YEARS`` of yearly billing runs and the payments between them; (payments, run s, pay s)."""
    months = months_up_to(month_of(today), YEARS * 12)
    add_items(months[0])
    plan = payers(rng, months[0], len(months))
    paid = 0
    billing = paying = 0.0
    for start in range(0, len(months), 12):
        year = months[start : start + 12]
        with writing(Records.FEES):
            began = time.perf_counter()
            fees.bill(year[0], year[-1], date(year[0].year, year[0].month, 1))
            billing += time.perf_counter() - began
            due = []
            for index in range(start, start + len(year)):
                month = months[index]
                for payer in plan:
                    if payer.pays_in(index):
                        day = rng.randint(1, 28)
                        day = min(day, today.day) if month == months[-1] else day
                        due.append((date(month.year, month.month, day), payer.room_id, index, payer))
            due.sort(key=lambda payment: payment[:2])
            began = time.perf_counter()
            for paid_on, room_id, index, payer in due:
                billed_to = start + len(year) - 1
                if payer.lag:  # what it owes up to ``lag`` months ago, nothing ahead
                    cover, ahead = index - payer.lag, 0
                else:  # what it owes up to this month and the rest of its period ahead
                    cover, ahead = index + payer.period - 1, 0
                    if cover > billed_to:
                        cover, ahead = billed_to, cover - billed_to
                if cover < 0:
                    continue
                owed = execute(
                    "SELECT COALESCE(SUM(owed_fen), 0) FROM open_charge WHERE room_id = ? AND month <= ?",
                    (room_id, str(months[cover])),
                ).fetchone()[0]
                amount = owed + payer.monthly_fen * ahead - fees.prepaid_balances([room_id]).get(room_id, 0)
                if amount <= 0:
                    continue
                if payer.method == "cash" and rng.random() < 0.3:
                    amount = -(-amount // 1000) * 1000  # rounded up to ten yuan: the change kept ahead
                fees.pay(
                    fees.PaymentInput(
                        room_id, format_yuan(amount), payer.method, reference(rng, payer.method), paid_on
                    )
                )
                paid += 1
            paying += time.perf_counter() - began
    return paid, billing, paying


@pytest.fixture(scope="module")
def big_estate(tmp_path_factory: pytest.TempPathFactory, bench_report: Report) -> Iterator[Estate]:
    """The estate of ten years, open for the services (the GUI figure closes it first)."""
    path = tmp_path_factory.mktemp("bench-fees") / "ledger.sqlite3"
    started = time.perf_counter()
    estate = estates.create_estate(path, "基准小区")
    demo.generate(HOUSEHOLDS, seed=3, with_fees=False)
    payments, billing, paying = fill_ledger(random.Random(7), date.today())
    made = time.perf_counter() - started
    start = time.perf_counter()
    report = estates.check(estate)
    checked = time.perf_counter() - start
    start = time.perf_counter()
    verified = estates.verify(estate)
    verifying = time.perf_counter() - start
    assert report.ok, report
    assert verified.ok, verified
    counts = report.counts
    owing = fees.arrears()
    ages = dict(sorted(Counter(row.bucket.value for row in owing.rooms).items()))
    print(
        f"\n{counts['rooms']} rooms, {YEARS} years: {counts['ledger_entries']} entries,"
        f" {counts['charges']} charges, {counts['receipts']} receipts ({payments} payments posted),"
        f" file {path.stat().st_size >> 20} MiB; {len(owing.rooms)} rooms owe"
        f" {format_yuan(owing.total_fen)} yuan, by age {ages}"
    )
    bench_report(f"ledger_setup_{HOUSEHOLDS}_households_{YEARS}_years", made)
    bench_report(f"ledger_setup_billing_runs_{HOUSEHOLDS}_households_{YEARS}_years", billing)
    bench_report(f"ledger_setup_pay_each_{HOUSEHOLDS}_households_{YEARS}_years", paying / max(1, payments))
    bench_report(f"check_{HOUSEHOLDS}_households_{YEARS}_years", checked)
    bench_report(f"verify_at_setup_{HOUSEHOLDS}_households_{YEARS}_years", verifying)
    yield estate
    estate.close()


def sample_rooms(count: int) -> list[int]:
    """``count`` rooms spread evenly over the estate."""
    rooms = [int(row[0]) for row in execute("SELECT id FROM room ORDER BY id").fetchall()]
    return rooms[:: max(1, len(rooms) // count)][:count]


def test_room_account(big_estate: Estate, bench_report: Report) -> None:
    times, lines = [], []
    for room_id in sample_rooms(SAMPLES):
        start = time.perf_counter()
        account = fees.account(room_id)
        times.append(time.perf_counter() - start)
        lines.append(len(account.lines) + len(account.entries))
    print(f"\naccounts of {len(times)} rooms: median {statistics.median(lines)} lines and entries")
    bench_report(f"room_account_median_{HOUSEHOLDS}_households_{YEARS}_years", statistics.median(times))
    bench_report(f"room_account_max_{HOUSEHOLDS}_households_{YEARS}_years", max(times))


def test_arrears_list(big_estate: Estate, bench_report: Report) -> None:
    start = time.perf_counter()
    owing = fees.arrears()
    first = time.perf_counter() - start
    assert owing.rooms
    bench_report(f"arrears_first_{HOUSEHOLDS}_households_{YEARS}_years", first)
    bench_report(f"arrears_{HOUSEHOLDS}_households_{YEARS}_years", median_time(fees.arrears))


def test_collection_rate_of_a_year(big_estate: Estate, bench_report: Report) -> None:
    year = month_of(date.today()).year - 1  # the last whole year
    first, last = Month(year, 1), Month(year, 12)
    rate = fees.collection_rate(first, last, detail=True)
    assert rate.rate is not None and rate.by_month and rate.by_building
    print(
        f"\n{year}: collection rate {rate.rate}, {rate.households_paid}/{rate.households_billed} households"
    )
    bench_report(
        f"collection_rate_year_{HOUSEHOLDS}_households",
        median_time(lambda: fees.collection_rate(first, last, detail=False)),
    )
    bench_report(
        f"collection_rate_year_detail_{HOUSEHOLDS}_households",
        median_time(lambda: fees.collection_rate(first, last, detail=True)),
    )


def test_pay_with_receipt(big_estate: Estate, bench_report: Report) -> None:
    """Payments at the counter, each its own transaction: half all a room owes, half 600 yuan ahead."""
    rng = random.Random(5)
    owing = [row.room_id for row in fees.arrears().rooms]
    owing = owing[:: max(1, len(owing) // (SAMPLES // 2))][: SAMPLES // 2]
    ahead = [room for room in sample_rooms(SAMPLES) if room not in set(owing)][: SAMPLES - len(owing)]
    times, applied = [], []
    for room_id in owing + ahead:
        owed, _prepaid = fees.room_balance(room_id)
        amount = owed if owed else 60_000
        start = time.perf_counter()
        result = fees.pay(fees.PaymentInput(room_id, format_yuan(amount), "wechat", reference(rng, "wechat")))
        times.append(time.perf_counter() - start)
        applied.append(len(result.applied))
    print(
        f"\n{len(times)} payments: median {statistics.median(applied)} charges paid each, max {max(applied)}"
    )
    bench_report(f"pay_median_{HOUSEHOLDS}_households_{YEARS}_years", statistics.median(times))
    bench_report(f"pay_max_{HOUSEHOLDS}_households_{YEARS}_years", max(times))


def test_verify_whole_ledger(big_estate: Estate, bench_report: Report) -> None:
    start = time.perf_counter()
    verified = estates.verify(big_estate)
    seconds = time.perf_counter() - start
    assert verified.ok
    print(f"\nverify: {verified.entries} entries")
    bench_report(f"verify_{HOUSEHOLDS}_households_{YEARS}_years", seconds)


# ---------------------------------------------------------------- g. the fee tab


def test_fee_tab_first_paint(qapp: object, big_estate: Estate, bench_report: Report) -> None:
    """The window opens the big estate (households tab first, as at start), then shows the fee tab."""
    try:
        from estatedesk.gui.tabs.fees import FeesTab
    except ImportError as error:
        pytest.skip(f"the fee tab does not import yet: {error}")

    path = big_estate.path
    big_estate.close()  # one program at a time has the file open
    window, opening = open_in_window(qapp, path)
    # Opening runs SQLite's integrity check over the whole file, ledger included.
    bench_report(f"open_file_{HOUSEHOLDS}_households_{YEARS}_years", opening)
    index = tab_index(window, FeesTab)
    start = time.perf_counter()
    window.tabs.setCurrentIndex(index)
    page = window.tabs.currentWidget()
    page.repaint()  # the tab's first paint: built, its first page read and drawn
    painted = time.perf_counter() - start
    qapp.processEvents()  # type: ignore[attr-defined]  # whatever it left for the next turn
    page.repaint()
    settled = time.perf_counter() - start
    bench_report(f"fee_tab_first_paint_{HOUSEHOLDS}_households_{YEARS}_years", painted)
    bench_report(f"fee_tab_settled_{HOUSEHOLDS}_households_{YEARS}_years", settled)
    # Then each other page, the first time it is shown: it reads the file then, the arrears on a
    # worker thread (its ``task``), so the figure runs until what it read is on screen.
    tab = window.tab(FeesTab)
    for row, fee_page in enumerate(tab.pages):
        if fee_page is tab.current_page():
            continue
        start = time.perf_counter()
        tab.page_list.setCurrentRow(row)
        while getattr(fee_page, "task", None) is not None and time.perf_counter() - start < 60:
            qapp.processEvents()  # type: ignore[attr-defined]
        fee_page.repaint()
        bench_report(
            f"fee_page_{fee_page.key}_shown_{HOUSEHOLDS}_households_{YEARS}_years",
            time.perf_counter() - start,
        )
    window.close()
