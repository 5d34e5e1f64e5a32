"""Reductions (减免) made by the clerk: their own entries, never an edit of a charge.

A reduction is for a room, an item and a run of months, by a percent of each month's charge or an
amount per month, with a reason and who approved it. It never takes a charge below zero: what a
month still owes is the most it can take, and a month already paid in full is left out (and said).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, Problems, ValidationError
from estatedesk.domain.fees import Month, month_range, reduction_by_percent
from estatedesk.domain.money import parse_yuan
from estatedesk.domain.text import check_text
from estatedesk.services.changes import Records, writing
from estatedesk.services.fees.items import parse_percent
from estatedesk.services.fees.records import ReductionRule
from estatedesk.store import audit, ledger
from estatedesk.store.ledger import OWED_BY_ENTRIES
from estatedesk.store.sql import execute


@dataclass(frozen=True)
class ReductionInput:
    """A reduction as typed: room, item, months, a percent or an amount per month, reason and approver."""

    room_id: int
    item_id: int
    first: Month
    last: Month
    percent: str = ""
    amount: str = ""
    reason: str = ""
    approver: str = ""


@dataclass(frozen=True)
class ReductionResult:
    """What a reduction took off, month by month, and the months it could not reduce (paid or not billed)."""

    reduced_fen: int
    months: tuple[tuple[Month, int], ...]
    skipped: tuple[Month, ...]


def reduce(typed: ReductionInput, on: date | None = None) -> ReductionResult:
    """Write reduction entries for each charged month of the range; all or nothing."""
    problems = Problems()
    months = problems.attempt(month_range, typed.first, typed.last, "to")
    percent: Decimal | None = None
    amount: int | None = None
    if typed.percent.strip() and typed.amount.strip():
        problems.append(
            ValidationError("percent", QT_TRANSLATE_NOOP("messages", "give a percent or an amount, not both"))
        )
    elif typed.percent.strip():
        percent = problems.attempt(parse_percent, typed.percent, "percent")
    elif typed.amount.strip():
        amount = problems.attempt(parse_yuan, typed.amount, "amount")
    else:
        problems.append(
            ValidationError("percent", QT_TRANSLATE_NOOP("messages", "give a percent or an amount"))
        )
    reason = problems.attempt(check_text, typed.reason.strip(), "reason", True)
    approver = problems.attempt(check_text, typed.approver.strip(), "approver")
    if not reason and "reason" not in {p.field for p in problems}:
        problems.append(
            ValidationError("reason", QT_TRANSLATE_NOOP("messages", "say why the fee is reduced"))
        )
    if not approver and "approver" not in {p.field for p in problems}:
        problems.append(
            ValidationError("approver", QT_TRANSLATE_NOOP("messages", "name who approved the reduction"))
        )
    if problems:
        raise InputRejected(problems)
    assert months is not None
    on_date = (on or date.today()).isoformat()
    with writing(Records.FEES):
        charges = {
            month: (charge_id, amount_fen, owed)
            for charge_id, month, amount_fen, owed in execute(
                f"""SELECT owed.charge_id, owed.month, c.amount_fen, owed.owed_fen
                    FROM ({OWED_BY_ENTRIES} AND c.room_id = ? AND c.item_id = ? AND c.month BETWEEN ? AND ?)
                        AS owed JOIN ledger_entry AS c ON c.id = owed.charge_id""",
                (typed.room_id, typed.item_id, str(typed.first), str(typed.last)),
            )
        }
        entries, done, skipped = [], [], []
        for month in months:
            charge = charges.get(str(month))
            if charge is None or charge[2] == 0:
                skipped.append(month)
                continue
            charge_id, charged, owed = charge
            cut = min(owed, reduction_by_percent(charged, percent) if percent is not None else amount or 0)
            if cut <= 0:
                skipped.append(month)
                continue
            entries.append(
                ledger.Entry(
                    "reduction",
                    typed.room_id,
                    cut,
                    on_date,
                    item_id=typed.item_id,
                    month=str(month),
                    charge_id=charge_id,
                    rule=ReductionRule.MANUAL.value,
                    reason=reason,
                    approver=approver,
                )
            )
            done.append((month, cut))
        if not entries:
            raise InputRejected(
                [
                    ValidationError(
                        "from",
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "nothing to reduce: those months are not billed yet, or already paid in full",
                        ),
                    )
                ]
            )
        ledger.append(entries)
        ledger.settle(entry.charge_id for entry in entries if entry.charge_id is not None)
        total = sum(cut for _month, cut in done)
        room_code = execute("SELECT code FROM room WHERE id = ?", (typed.room_id,)).fetchone()[0]
        audit.record(
            "reduce",
            "fee_reduction",
            None,
            after={
                "item_id": typed.item_id,
                "from": str(typed.first),
                "to": str(typed.last),
                "fen": total,
                "reason": reason,
            },
            room_id=typed.room_id,
            room_code=room_code,
        )
    return ReductionResult(total, tuple(done), tuple(skipped))
