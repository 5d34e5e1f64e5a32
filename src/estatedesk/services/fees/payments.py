"""Payments at the counter (收款), their receipts (收据), and voids (作废).

A payment pays the room's open charges oldest month first (in item order within a month), or
only the lines the clerk ticked; what is left over is kept as the room's prepayment (预交). Each
payment takes the next receipt number of its year, gapless. A receipt is never deleted: a void
writes reversing entries that put its charges back to unpaid (and takes back the prepayment it
left, with whatever of it later billing runs had spent), and the number stays used. What the room
still holds in advance then pays the charges put back to unpaid, as a billing run would.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, NotFound, Problems, ValidationError
from estatedesk.domain.fees import FeeKind, Month, parse_month, parse_receipt_number, receipt_number
from estatedesk.domain.money import capitals, parse_yuan
from estatedesk.domain.text import check_text
from estatedesk.services.changes import Records, writing
from estatedesk.services.fees.billing import (
    open_charges,
    prepaid_balances,
    prepayment_spending,
    settled,
    spend,
)
from estatedesk.services.fees.records import (
    AppliedLine,
    PaymentInput,
    PaymentMethod,
    PaymentResult,
    ReceiptRow,
    VoidResult,
)
from estatedesk.store import audit, ledger
from estatedesk.store.sql import execute

EARLIEST_PAYMENT = date(2000, 1, 1)  # no office enters payments older than this: the date is a slip


def pay(typed: PaymentInput) -> PaymentResult:
    """Post a payment and its receipt; all or nothing. Bad input is refused field by field."""
    problems = Problems()
    amount = problems.attempt(parse_yuan, typed.amount, "amount")
    method = problems.attempt(_checked_method, typed.method)
    reference = problems.attempt(check_text, typed.reference.strip(), "reference")
    payer = problems.attempt(check_text, typed.payer.strip(), "payer")
    paid_on = typed.paid_on or date.today()
    if method is not None and method is not PaymentMethod.CASH and not reference:
        problems.append(
            ValidationError(
                "reference",
                QT_TRANSLATE_NOOP(
                    "messages", "a transfer, WeChat or Alipay payment needs its reference number"
                ),
            )
        )
    if paid_on > date.today():
        problems.append(
            ValidationError(
                "date",
                QT_TRANSLATE_NOOP("messages", "the payment date {date} is in the future"),
                date=str(paid_on),
            )
        )
    elif paid_on < EARLIEST_PAYMENT:  # 0001-01-01 would open a receipt series of year 1
        problems.append(
            ValidationError(
                "date",
                QT_TRANSLATE_NOOP("messages", "the payment date {date} is before {earliest}"),
                date=str(paid_on),
                earliest=str(EARLIEST_PAYMENT),
            )
        )
    if problems:
        raise InputRejected(problems)
    assert amount is not None and method is not None
    with writing(Records.FEES):
        room_code, owners = _room(typed.room_id)
        charges = open_charges(typed.room_id)
        if typed.charge_ids is not None:
            ticked = set(typed.charge_ids)
            charges = [charge for charge in charges if charge.charge_id in ticked]
            if len(charges) != len(ticked):
                raise InputRejected(
                    [
                        ValidationError(
                            "lines",
                            QT_TRANSLATE_NOOP("messages", "a ticked line is already paid: look again"),
                        )
                    ]
                )
        number = _next_receipt(paid_on.year)
        payment_id = ledger.next_id()
        on_date = paid_on.isoformat()
        payment = ledger.Entry(
            "payment",
            typed.room_id,
            amount,
            on_date,
            receipt=number,
            method=method.value,
            reference=reference or None,
            payer=payer or owners.split("、")[0],
        )
        allocations = spend(typed.room_id, amount, charges, on_date, payment_id)
        left = amount - sum(entry.amount_fen for entry in allocations)
        entries = [payment, *allocations]
        if left:
            entries.append(ledger.Entry("prepaid", typed.room_id, left, on_date, payment_id=payment_id))
        ledger.append(entries)
        ledger.settle(settled(allocations))
        prepaid = prepaid_balances([typed.room_id]).get(typed.room_id, 0)
        names = dict(execute("SELECT id, name FROM fee_item").fetchall())
        applied = tuple(
            AppliedLine(names[entry.item_id], parse_month(entry.month or ""), entry.amount_fen)
            for entry in allocations
        )
        audit.record(
            "pay",
            "receipt",
            payment_id,
            after={
                "receipt": number,
                "amount_fen": amount,
                "method": method.value,
                "kept_as_prepaid_fen": left,
            },
            room_id=typed.room_id,
            room_code=room_code,
        )
    return PaymentResult(number, payment_id, amount, capitals(amount), applied, left, prepaid)


def void(number: str, reason: str, voided_on: date | None = None) -> VoidResult:
    """Void a receipt with a reason: reversing entries put its charges back to unpaid; the number stays."""
    problems = Problems()
    parsed = problems.attempt(parse_receipt_number, number, "receipt")
    why = problems.attempt(check_text, reason.strip(), "reason", True)
    if not why and "reason" not in {problem.field for problem in problems}:
        problems.append(
            ValidationError("reason", QT_TRANSLATE_NOOP("messages", "say why the receipt is voided"))
        )
    day = voided_on or date.today()
    if day > date.today():
        problems.append(
            ValidationError(
                "date", QT_TRANSLATE_NOOP("messages", "the void date {date} is in the future"), date=str(day)
            )
        )
    if problems:
        raise InputRejected(problems)
    assert parsed is not None
    number = receipt_number(*parsed)  # as stored, however it was typed (full-width digits too)
    on_date = day.isoformat()
    with writing(Records.FEES):
        row = execute(
            "SELECT id, room_id, amount_fen, on_date FROM ledger_entry"
            " WHERE kind = 'payment' AND receipt = ?",
            (number,),
        ).fetchone()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("messages", "there is no receipt {number}"), number=number)
        payment_id, room_id, amount = (int(value) for value in row[:3])
        if on_date < row[3]:  # reversed before it was made: arrears of the days between would count it twice
            raise InputRejected(
                [
                    ValidationError(
                        "date",
                        QT_TRANSLATE_NOOP(
                            "messages", "receipt {number} was paid on {paid}: void it on or after that day"
                        ),
                        number=number,
                        paid=row[3],
                    )
                ]
            )
        if execute(
            "SELECT 1 FROM ledger_entry WHERE kind = 'void' AND payment_id = ?", (payment_id,)
        ).fetchone():
            raise InputRejected(
                [
                    ValidationError(
                        "receipt",
                        QT_TRANSLATE_NOOP("messages", "receipt {number} is already void"),
                        number=number,
                    )
                ]
            )
        entries = [ledger.Entry("void", room_id, amount, on_date, payment_id=payment_id, reason=why)]
        entries += _reversed_allocations(room_id, on_date, payment_id)
        kept = int(
            execute(
                "SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_entry"
                " WHERE kind = 'prepaid' AND payment_id = ?",
                (payment_id,),
            ).fetchone()[0]
        )
        if kept > 0:
            balance = prepaid_balances([room_id]).get(room_id, 0)
            if balance < kept:  # billing runs spent part of it: those charges go back to unpaid too
                entries += _unspent_prepayment(room_id, kept - balance, on_date)
            entries.append(ledger.Entry("prepaid", room_id, -kept, on_date, payment_id=payment_id))
        ledger.append(entries)
        ledger.settle(settled(entries))
        # What the room still holds in advance (another payment's) pays the charges put back to unpaid,
        # oldest first, as a billing run would: a room never holds a prepayment while it owes.
        respent = prepayment_spending(room_id, prepaid_balances([room_id]).get(room_id, 0), on_date)
        ledger.append(respent)
        ledger.settle(settled(respent))
        entries += respent
        reopened = -sum(entry.amount_fen for entry in entries if entry.kind == "allocation")
        room_code, _owners = _room(room_id)
        audit.record(
            "void",
            "receipt",
            payment_id,
            after={"receipt": number, "reason": why},
            room_id=room_id,
            room_code=room_code,
        )
        prepaid = prepaid_balances([room_id]).get(room_id, 0)
    return VoidResult(number, reopened, prepaid)


def _reversed_allocations(room_id: int, on_date: str, payment_id: int) -> list[ledger.Entry]:
    """Entries taking back what a payment paid on each charge."""
    return [
        ledger.Entry(
            "allocation",
            room_id,
            -fen,
            on_date,
            item_id=item_id,
            month=month,
            charge_id=charge_id,
            payment_id=payment_id,
        )
        for charge_id, item_id, month, fen in execute(
            """SELECT charge_id, item_id, month, SUM(amount_fen) FROM ledger_entry
               WHERE kind = 'allocation' AND payment_id = ? GROUP BY charge_id HAVING SUM(amount_fen) > 0
               ORDER BY charge_id""",
            (payment_id,),
        )
    ]


def _unspent_prepayment(room_id: int, fen: int, on_date: str) -> list[ledger.Entry]:
    """Take back ``fen`` that billing runs spent of a room's prepayment, newest spending first."""
    entries: list[ledger.Entry] = []
    left = fen
    for charge_id, item_id, month, spent in execute(
        """SELECT charge_id, item_id, month, SUM(amount_fen) FROM ledger_entry
           WHERE kind = 'allocation' AND payment_id IS NULL AND room_id = ?
           GROUP BY charge_id HAVING SUM(amount_fen) > 0 ORDER BY MAX(id) DESC, charge_id DESC""",
        (room_id,),
    ):
        if left == 0:
            break
        back = min(left, int(spent))
        entries.append(
            ledger.Entry(
                "allocation", room_id, -back, on_date, item_id=item_id, month=month, charge_id=charge_id
            )
        )
        entries.append(ledger.Entry("prepaid", room_id, back, on_date))
        left -= back
    return entries


def _next_receipt(year: int) -> str:
    row = execute(
        "SELECT MAX(receipt) FROM ledger_entry WHERE receipt BETWEEN ? AND ?",
        (receipt_number(year, 1), receipt_number(year, 999_999)),
    ).fetchone()
    serial = parse_receipt_number(row[0])[1] + 1 if row and row[0] else 1
    return receipt_number(year, serial)


def _checked_method(text: str) -> PaymentMethod:
    try:
        return PaymentMethod(text.strip())
    except ValueError:
        raise ValidationError(
            "method",
            QT_TRANSLATE_NOOP(
                "messages", "'{value}' is not a payment method (cash, transfer, wechat, alipay)"
            ),
            value=text.strip(),
        ) from None


def _room(room_id: int) -> tuple[str, str]:
    row = execute("SELECT code, owners_text FROM room WHERE id = ?", (room_id,)).fetchone()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "that room is no longer on file"))
    return str(row[0]), str(row[1])


def list_receipts(search: str = "", year: int | None = None, limit: int | None = None) -> list[ReceiptRow]:
    """Receipts, newest first, void ones included; ``search`` finds a number, room code or payer."""
    where, params = ["+p.kind = 'payment'"], []  # +: a year's receipts by their numbers' index
    if year is not None:
        where.append("p.receipt BETWEEN ? AND ?")
        params += [receipt_number(year, 1), receipt_number(year, 999_999)]
    if search.strip():
        where.append("(p.receipt LIKE ? OR r.code LIKE ? OR p.payer LIKE ?)")
        params += [f"%{search.strip()}%"] * 3
    sql = f"""SELECT p.receipt, p.id, p.on_date, p.room_id, r.code, p.payer, p.amount_fen, p.method,
                     COALESCE(p.reference, ''), p.actor, v.reason, v.actor, v.at
              FROM ledger_entry AS p JOIN room AS r ON r.id = p.room_id
              LEFT JOIN ledger_entry AS v ON v.kind = 'void' AND v.payment_id = p.id
              WHERE {" AND ".join(where)} ORDER BY p.receipt DESC"""
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [
        ReceiptRow(
            number,
            payment_id,
            date.fromisoformat(on_date),
            room_id,
            code,
            payer or "",
            amount,
            PaymentMethod(method),
            reference,
            clerk,
            void_reason,
            voided_by or "",
            voided_at or "",
        )
        for (
            number,
            payment_id,
            on_date,
            room_id,
            code,
            payer,
            amount,
            method,
            reference,
            clerk,
            void_reason,
            voided_by,
            voided_at,
        ) in execute(sql, params)
    ]


def receipt_row(number: str) -> ReceiptRow:
    """One receipt by its number, or ``NotFound``."""
    wanted = receipt_number(*parse_receipt_number(number))  # as stored, however it was typed
    for row in list_receipts(wanted):
        if row.number == wanted:
            return row
    raise NotFound(QT_TRANSLATE_NOOP("messages", "there is no receipt {number}"), number=wanted)


@dataclass(frozen=True)
class PaidCharge:
    """What a payment paid on one charge, with what the receipt says of that charge."""

    item: str
    month: Month
    fen: int
    price_units: int
    quantity: int
    kind: FeeKind
    charged_fen: int  # the charge's amount
    reduced_fen: int  # what reductions took off it

    @property
    def in_full(self) -> bool:
        """Whether this payment paid the whole of what the charge came to after reductions."""
        return self.fen == self.charged_fen - self.reduced_fen


def receipt_allocations(payment_id: int) -> list[PaidCharge]:
    """What a payment paid, charge by charge, by item then month (as first posted: a void changes nothing)."""
    return [
        PaidCharge(
            name, parse_month(month), int(fen), int(price), int(quantity), FeeKind(kind), charged, reduced
        )
        for name, month, fen, price, quantity, kind, charged, reduced in execute(
            """SELECT i.name, a.month, SUM(a.amount_fen), c.price_units, c.quantity, i.kind, c.amount_fen,
                      (SELECT COALESCE(SUM(r.amount_fen), 0) FROM ledger_entry AS r
                       WHERE r.charge_id = c.id AND r.kind = 'reduction')
               FROM ledger_entry AS a JOIN ledger_entry AS c ON c.id = a.charge_id
               JOIN fee_item AS i ON i.id = a.item_id
               WHERE a.kind = 'allocation' AND a.payment_id = ? AND a.amount_fen > 0
               GROUP BY a.charge_id ORDER BY i.position, a.month""",
            (payment_id,),
        )
    ]
