"""Printed documents of the fee ledger: receipts (收据) and arrears reminders (催缴通知单)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from estatedesk.domain.errors import FileNotWritten
from estatedesk.domain.fees import (
    FeeKind,
    Month,
    ReceiptLayout,
    format_period,
    format_unit_price,
    group_months,
)
from estatedesk.domain.households import format_area
from estatedesk.paths import write_whole
from estatedesk.services.fees.accounts import arrears, arrears_lines
from estatedesk.services.fees.items import fee_settings
from estatedesk.services.fees.payments import receipt_allocations, receipt_row
from estatedesk.services.fees.records import METHOD_WORDS, PRICE_UNITS, ReceiptRow
from estatedesk.store.sql import estate_name, execute

if TYPE_CHECKING:
    from estatedesk.reports.receipt import ReceiptDocument, ReceiptLine
    from estatedesk.reports.reminder import ReminderDocument

DEFAULT_HOW_TO_PAY = "请携带本通知到小区物业办公室缴纳，可用现金、银行转账、微信或支付宝支付。"


def receipt_document(number: str, copy: bool = False) -> ReceiptDocument:
    """A receipt as printed: its lines grouped by item, price and consecutive months."""
    from estatedesk.reports.receipt import ReceiptDocument

    row = receipt_row(number)
    lines = receipt_lines(row.payment_id)
    kept = int(
        execute(
            "SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_entry"
            " WHERE kind = 'prepaid' AND payment_id = ? AND amount_fen > 0",
            (row.payment_id,),
        ).fetchone()[0]
    )
    return ReceiptDocument(
        estate_name=estate_name(),
        number=row.number,
        paid_on=row.paid_on,
        payer=row.payer,
        room=row.room_code,
        lines=tuple(lines),
        prepaid_fen=kept,
        total_fen=row.amount_fen,
        method=METHOD_WORDS[row.method],
        reference=row.reference,
        clerk=row.clerk,
        copy=copy,
        void_reason=None if row.void_reason is None else _void_note(row),
        check_code=check_code(row.payment_id),
    )


def check_code(payment_id: int) -> str:
    """The receipt's check code: the start of its payment's ledger hash (``3FA2-9C01``).

    Printed on the paper the payer takes home, it ties the receipt to the entry as posted: should
    the entry be changed later, and every hash after it recomputed, a reprint shows another code.
    """
    digest = str(execute("SELECT hash FROM ledger_entry WHERE id = ?", (payment_id,)).fetchone()[0]).upper()
    return f"{digest[:4]}-{digest[4:8]}"


def _void_note(row: ReceiptRow) -> str:
    """Why, by whom and when a receipt was voided, as the receipt prints it (the time is local)."""
    when = (
        datetime.fromisoformat(row.voided_at).astimezone().strftime("%Y-%m-%d %H:%M") if row.voided_at else ""
    )
    who = "，".join(part for part in (row.voided_by, when) if part)
    return f"{row.void_reason}（{who}）" if who else str(row.void_reason)


def receipt_lines(payment_id: int) -> list[ReceiptLine]:
    """A payment's lines: one per item and price, for each run of consecutive months it paid."""
    from estatedesk.reports.receipt import ReceiptLine

    # A month paid in part, or reduced, is a line of its own that says so: quantity × price is then
    # not the amount, and the owner must not read the month as paid in full at the full price.
    groups: dict[tuple[str, int, int, FeeKind, str], dict[Month, int]] = {}
    for paid in receipt_allocations(payment_id):
        note = "（部分）" if not paid.in_full else "（减免后）" if paid.reduced_fen else ""
        key = (paid.item, paid.price_units, paid.quantity, paid.kind, note)
        groups.setdefault(key, {})[paid.month] = paid.fen
    lines = []
    for (item, price, quantity, kind, note), by_month in groups.items():
        for first, last in group_months(by_month):
            months = [month for month in by_month if first <= month <= last]
            lines.append(
                ReceiptLine(
                    item=item,
                    period=format_period(first, last) + note,
                    quantity=_quantity(kind, quantity, len(months)),
                    unit_price=f"{format_unit_price(price)}{PRICE_UNITS[kind]}",
                    amount_fen=sum(by_month[month] for month in months),
                )
            )
    return lines


def _quantity(kind: FeeKind, quantity: int, months: int) -> str:
    if kind is FeeKind.AREA:
        return f"{format_area(quantity)}㎡×{months}月"
    if kind is FeeKind.PARKING:
        return f"{quantity}个×{months}月"
    if kind is FeeKind.ONE_OFF:
        return "1"
    return f"{months}月"


def print_receipts(numbers: Sequence[str], path: Path, layout: ReceiptLayout, copy: bool = False) -> int:
    """Write the receipts as one PDF (A5, or two per A4); return how many. A reprint is marked as a copy."""
    from estatedesk.reports.receipt import receipt_pdf

    documents = [receipt_document(number, copy) for number in numbers]
    _write(path, receipt_pdf(documents, layout))
    return len(documents)


def reminder_documents(building: str | None = None, as_of: date | None = None) -> list[ReminderDocument]:
    """One reminder per room owing money (of one building, or all), in room order."""
    from estatedesk.reports.reminder import ReminderDocument, ReminderLine

    day = as_of or date.today()
    settings = fee_settings()
    name = estate_name()
    documents = []
    for row in arrears(day, building).rooms:
        by_item: dict[str, dict[Month, int]] = {}
        for item, month, fen in arrears_lines(row.room_id, day):
            by_item.setdefault(item, {})[month] = fen
        lines = [
            ReminderLine(
                item, format_period(first, last), sum(fen for m, fen in months.items() if first <= m <= last)
            )
            for item, months in by_item.items()
            for first, last in group_months(months)
        ]
        documents.append(
            ReminderDocument(
                estate_name=name,
                room=row.room_code,
                addressee=row.owners,
                lines=tuple(lines),
                total_fen=sum(line.amount_fen for line in lines),
                as_of=day,
                how_to_pay=settings.how_to_pay or DEFAULT_HOW_TO_PAY,
                office_phone=settings.office_phone,
            )
        )
    return documents


def print_reminders(path: Path, building: str | None = None, as_of: date | None = None) -> int:
    """Write a reminder for every room owing money (of one building, or all) as one PDF; return how many."""
    from estatedesk.reports.reminder import reminders_pdf

    documents = reminder_documents(building, as_of)
    _write(path, reminders_pdf(documents))
    return len(documents)


def _write(path: Path, content: bytes) -> None:
    try:
        write_whole(Path(path), content)  # whole or not at all: receipts and reminders name people
    except OSError as error:
        raise FileNotWritten(path, error) from None
