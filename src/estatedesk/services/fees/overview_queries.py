"""What the fee ledger's overview pages read beyond the fee services: runs, a billing preview, files.

The window's 开账 page says which months come next and what a run would make before it is
started, and lists the runs made so far (from the audit trail); the 收据 page offers the years
receipts were issued in; the 欠费 page exports the list shown and prints reminders for the rooms
chosen. Nothing here writes to the estate file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from estatedesk.domain.errors import FileNotWritten, ValidationError
from estatedesk.domain.fees import AgeBucket, FeeKind, Month, month_range, parse_month
from estatedesk.paths import write_whole
from estatedesk.services.fees.documents import reminder_documents
from estatedesk.services.fees.items import list_items
from estatedesk.services.fees.records import ArrearsRow
from estatedesk.services.interchange.writing import write_table
from estatedesk.store.sql import execute

# The arrears export's columns (a spreadsheet for the office, in Chinese like every document).
ARREARS_HEADERS = ("房号", "楼栋", "业主", "欠费金额（元）", "最早欠费月份", "欠费时长（月）", "账龄")
ARREARS_WIDTHS = (14, 10, 24, 16, 14, 10, 12)
BUCKET_WORDS = {
    AgeBucket.UP_TO_3: "3个月以内",
    AgeBucket.UP_TO_6: "3–6个月",
    AgeBucket.UP_TO_12: "6–12个月",
    AgeBucket.OVER_12: "12个月以上",
}


@dataclass(frozen=True)
class BillingPreview:
    """Roughly what a billing run of some months would make (before it is started)."""

    items: int  # fee items billed in at least one of the months
    rooms: int  # rooms that pay at least one of them
    charges: int  # charges the run would create: those not made by an earlier run


@dataclass(frozen=True)
class BillingRun:
    """A billing run as the audit trail recorded it."""

    id: int
    at: str  # UTC ISO 8601
    actor: str
    first: Month | None
    last: Month | None
    created: int
    total_fen: int
    reduced_fen: int


def last_billed_month() -> Month | None:
    """The latest month anything was charged for (None: nothing billed yet)."""
    row = execute("SELECT MAX(month) FROM ledger_entry WHERE kind = 'charge'").fetchone()
    return parse_month(row[0]) if row and row[0] else None


def billing_preview(first: Month, last: Month) -> BillingPreview:
    """What a run of ``first`` … ``last`` would charge, counted without making anything.

    Rooms are counted by use (and, for parking items, those holding a space), as the run picks
    them; charges already made for these months are taken off. A room whose use changed after
    it was billed may make the count a little off: it is a preview, the run decides.
    """
    months = month_range(first, last)
    rooms_by_use: dict[str, int] = {}
    parked_by_use: dict[str, int] = {}
    for use, rooms, parked in execute(
        """SELECT r.use, COUNT(*),
                  SUM(EXISTS (SELECT 1 FROM parking_space AS p WHERE p.room_id = r.id))
           FROM room AS r WHERE r.archived_at IS NULL GROUP BY r.use"""
    ):
        rooms_by_use[str(use)] = int(rooms)
        parked_by_use[str(use)] = int(parked or 0)
    planned = 0
    billed_items: set[int] = set()
    paying_uses: set[str] = set()
    parking_uses: set[str] = set()
    for item in list_items():
        counts = parked_by_use if item.kind is FeeKind.PARKING else rooms_by_use
        uses = {use.value for use in item.uses}
        for month in months:
            if item.billed_in(month):
                billed_items.add(item.id)
                planned += sum(counts.get(use, 0) for use in uses)
                (parking_uses if item.kind is FeeKind.PARKING else paying_uses).update(uses)
    existing = int(
        execute(
            """SELECT COUNT(*) FROM ledger_entry AS c JOIN room AS r ON r.id = c.room_id
               WHERE c.kind = 'charge' AND c.month BETWEEN ? AND ? AND r.archived_at IS NULL""",
            (str(first), str(last)),
        ).fetchone()[0]
    )
    rooms = sum(rooms_by_use.get(use, 0) for use in paying_uses) + sum(
        parked_by_use.get(use, 0) for use in parking_uses - paying_uses
    )
    return BillingPreview(len(billed_items), rooms, max(0, planned - existing))


def billing_runs(limit: int = 100) -> list[BillingRun]:
    """The billing runs made so far, newest first (at most ``limit``)."""
    runs = []
    for entry_id, at, actor, after in execute(
        "SELECT id, at, actor, after FROM audit_entry WHERE entity = 'fee_run' AND action = 'bill'"
        " ORDER BY id DESC LIMIT ?",
        (int(limit),),
    ):
        facts = json.loads(after) if after else {}
        runs.append(
            BillingRun(
                id=int(entry_id),
                at=str(at),
                actor=str(actor),
                first=_month_or_none(facts.get("from")),
                last=_month_or_none(facts.get("to")),
                created=int(facts.get("created", 0)),
                total_fen=int(facts.get("total_fen", 0)),
                reduced_fen=int(facts.get("reduced_fen", 0)),
            )
        )
    return runs


def _month_or_none(text: object) -> Month | None:
    try:
        return parse_month(str(text)) if text else None
    except ValidationError:  # a trail row written by another version: the run is still listed
        return None


def receipt_years() -> list[int]:
    """The years receipts were issued in, newest first (receipt numbers start with their year)."""
    return [
        int(year)
        for (year,) in execute(
            "SELECT DISTINCT substr(receipt, 1, 4) FROM ledger_entry WHERE kind = 'payment' ORDER BY 1 DESC"
        )
        if str(year).isdigit()
    ]


def export_arrears(path: Path, rows: Sequence[ArrearsRow]) -> int:
    """Write arrears rows (as the list shows them) to .xlsx or .csv; return how many.

    Amounts are numbers in yuan with two decimals, so that the office's spreadsheet can add them.
    """
    write_table(
        Path(path),
        "欠费",
        ARREARS_HEADERS,
        (
            (
                row.room_code,
                row.building,
                row.owners,
                Decimal(row.owed_fen).scaleb(-2),
                str(row.oldest),
                row.months,
                BUCKET_WORDS[row.bucket],
            )
            for row in rows
        ),
        ARREARS_WIDTHS,
    )
    return len(rows)


def print_room_reminders(path: Path, rows: Sequence[ArrearsRow], as_of: date) -> int:
    """Write one reminder (催缴通知单) for each of these owing rooms as one PDF, in their order.

    For the rooms the clerk selected, or every room the list shows (one building, one age):
    the reminders are those ``reminder_documents`` makes, read for one building when all the
    rooms are in one.
    """
    from estatedesk.reports.reminder import reminders_pdf

    buildings = {row.building for row in rows}
    by_room = {
        document.room: document
        for document in reminder_documents(buildings.pop() if len(buildings) == 1 else None, as_of)
    }
    documents = [by_room[row.room_code] for row in rows if row.room_code in by_room]
    try:
        # Whole or not at all, as every printed document: reminders name people and what they owe.
        write_whole(Path(path), reminders_pdf(documents))
    except OSError as error:
        raise FileNotWritten(path, error) from None
    return len(documents)
