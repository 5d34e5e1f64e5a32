"""What the ledger says: a room's account (账户), the arrears (欠费) and the collection rate (收缴率)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, NotFound
from estatedesk.domain.fees import Month, age_bucket, month_of, months_owed, parse_month, rate_text
from estatedesk.domain.sorting import natural_key
from estatedesk.services.fees.billing import prepaid_balances
from estatedesk.services.fees.records import (
    ENTRY_WORDS,
    METHOD_WORDS,
    RULE_WORDS,
    Account,
    Arrears,
    ArrearsRow,
    CollectionRate,
    LedgerLine,
    OpenLineView,
    PaymentMethod,
    RateRow,
    ReductionRule,
)
from estatedesk.store.sql import chunks, execute, placeholders


def account(room_id: int, with_entries: bool = True) -> Account:
    """A room's charges with what was reduced and paid on each, its totals, and (optionally) its entries."""
    row = execute("SELECT code, owners_text FROM room WHERE id = ?", (room_id,)).fetchone()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "that room is no longer on file"))
    lines = tuple(
        OpenLineView(charge_id, name, position, parse_month(month), amount, int(reduced), int(paid))
        for charge_id, name, position, month, amount, reduced, paid in execute(
            """SELECT c.id, i.name, i.position, c.month, c.amount_fen,
                      COALESCE(SUM(CASE WHEN e.kind = 'reduction' THEN e.amount_fen END), 0),
                      COALESCE(SUM(CASE WHEN e.kind = 'allocation' THEN e.amount_fen END), 0)
               FROM ledger_entry AS c JOIN fee_item AS i ON i.id = c.item_id
               LEFT JOIN ledger_entry AS e ON e.charge_id = c.id
               WHERE c.room_id = ? AND c.kind = 'charge'
               GROUP BY c.id ORDER BY c.month, i.position""",
            (room_id,),
        )
    )
    due = sum(line.amount_fen for line in lines)
    reduced = sum(line.reduced_fen for line in lines)
    paid = sum(line.paid_fen for line in lines)
    prepaid = prepaid_balances([room_id]).get(room_id, 0)
    entries = _entries(room_id) if with_entries else ()
    return Account(
        room_id, str(row[0]), str(row[1]), due, reduced, paid, due - reduced - paid, prepaid, lines, entries
    )


def _entries(room_id: int) -> tuple[LedgerLine, ...]:
    """The room's entries as the account lists them (charges and allocations in their months' lines)."""
    lines = []
    for (
        entry_id,
        kind,
        on_date,
        name,
        month,
        amount,
        receipt,
        method,
        reference,
        rule,
        reason,
        approver,
    ) in execute(
        """SELECT e.id, e.kind, e.on_date, COALESCE(i.name, ''), COALESCE(e.month, ''), e.amount_fen,
                  COALESCE(e.receipt, p.receipt, ''), e.method, e.reference, e.rule, e.reason, e.approver
           FROM ledger_entry AS e LEFT JOIN fee_item AS i ON i.id = e.item_id
           LEFT JOIN ledger_entry AS p ON p.id = e.payment_id
           WHERE e.room_id = ? AND e.kind IN ('reduction', 'payment', 'void', 'prepaid')
           ORDER BY e.id""",
        (room_id,),
    ):
        if kind == "payment":
            text = METHOD_WORDS[PaymentMethod(method)] + (f" {reference}" if reference else "")
        elif kind == "reduction":
            text = f"{RULE_WORDS[ReductionRule(rule)]}：{reason or ''}" + (
                f"（批准：{approver}）" if approver else ""
            )
        elif kind == "void":
            text = f"作废：{reason or ''}"
        else:
            text = "存入预交" if amount > 0 else "预交冲抵"
        lines.append(
            LedgerLine(
                entry_id, ENTRY_WORDS[kind], date.fromisoformat(on_date), name, month, amount, receipt, text
            )
        )
    return tuple(lines)


def room_balance(room_id: int) -> tuple[int, int]:
    """What a room owes now and the prepayment it holds, in fen (for the households panel)."""
    owed = int(
        execute(
            "SELECT COALESCE(SUM(owed_fen), 0) FROM open_charge WHERE room_id = ?", (room_id,)
        ).fetchone()[0]
    )
    return owed, prepaid_balances([room_id]).get(room_id, 0)


# What a charge ``c`` owed at the end of a day (a parameter): its amount less the reductions and
# payments dated on or before it (a payment voided later still counted then). A standing reduction
# (vacant, hardship) is written with its charge by the billing run: it counts whenever the charge does.
_OWED_ON_DAY = """c.amount_fen - COALESCE((SELECT SUM(e.amount_fen) FROM ledger_entry AS e
                                   WHERE e.charge_id = c.id AND e.kind IN ('reduction', 'allocation')
                                     AND (e.on_date <= {day} OR e.rule IN ('vacant', 'hardship'))), 0)"""


def arrears(as_of: date | None = None, building: str | None = None) -> Arrears:
    """Every room owing money for months up to ``as_of`` (default today), as it stood at the end of that day.

    A charge owes its amount less the reductions and payments dated on or before the day (a
    payment voided later still counted then), and less its standing reductions whenever they were
    written. A prepayment the room held that day pays its oldest charges first, as the next
    billing run spends it. Rooms are in code order; ``building`` keeps one.
    """
    day = as_of or date.today()
    last = str(month_of(day))
    lines: dict[int, list[_OwedLine]] = defaultdict(list)
    # Charges that may owe on that day: those open now, and those something was done to since
    # (+kind: by the on_date index, the few entries after the day, not every allocation there is).
    for room_id, item, position, month, owed in execute(
        f"""WITH candidate (id) AS (
               SELECT charge_id FROM open_charge WHERE month <= ?1
               UNION SELECT charge_id FROM ledger_entry
                     WHERE on_date > ?2 AND +kind IN ('reduction', 'allocation') AND month <= ?1)
           SELECT c.room_id, i.name, i.position, c.month, {_OWED_ON_DAY.format(day="?2")}
           FROM candidate JOIN ledger_entry AS c ON c.id = candidate.id
           JOIN fee_item AS i ON i.id = c.item_id""",
        (last, day.isoformat()),  # execute binds a sequence: numbered, not named, parameters
    ):
        if owed > 0:
            lines[room_id].append(_OwedLine(month, position, item, owed))
    held = _prepaid_on(list(lines), day)
    rows = []
    as_of_month = month_of(day)
    rooms = _rooms_by_id(list(lines))
    for room_id, owed_lines in lines.items():
        code, building_name, owners = rooms[room_id]
        owing = _net_of_prepayment(owed_lines, held.get(room_id, 0))
        if not owing or (building is not None and building_name != building):
            continue
        first = parse_month(owing[0].month)
        rows.append(
            ArrearsRow(
                room_id,
                code,
                building_name,
                owners,
                sum(line.owed_fen for line in owing),
                first,
                age_bucket(first, as_of_month),
                months_owed(first, as_of_month),
            )
        )
    rows.sort(key=lambda row: natural_key(row.room_code))
    return Arrears(day, sum(row.owed_fen for row in rows), tuple(rows))


def arrears_lines(room_id: int, as_of: date | None = None) -> list[tuple[str, Month, int]]:
    """A room's charges unpaid at the end of ``as_of`` (default today), for months up to it.

    As ``arrears`` counts them: (item, month, fen owed), by item then month; what was paid or
    reduced after that day still counts as owed on it, and a prepayment held that day pays first.
    """
    day = as_of or date.today()
    owed_lines = [
        _OwedLine(month, position, name, int(owed))
        for name, position, month, owed in execute(
            f"""SELECT i.name, i.position, c.month, {_OWED_ON_DAY.format(day="?")}
               FROM ledger_entry AS c JOIN fee_item AS i ON i.id = c.item_id
               WHERE c.room_id = ? AND +c.kind = 'charge' AND c.month <= ?  -- +: by the room's index""",
            (day.isoformat(), room_id, str(month_of(day))),
        )
        if owed > 0
    ]
    owing = _net_of_prepayment(owed_lines, _prepaid_on([room_id], day).get(room_id, 0))
    owing.sort(key=lambda line: (line.position, line.month))  # by item, then month, as reminders list them
    return [(line.item, parse_month(line.month), line.owed_fen) for line in owing]


@dataclass(frozen=True, order=True)
class _OwedLine:
    """What one charge owed on a day, in the order a prepayment pays charges (month, then item)."""

    month: str
    position: int
    item: str
    owed_fen: int


def _net_of_prepayment(lines: list[_OwedLine], held: int) -> list[_OwedLine]:
    """What still owes once a prepayment of ``held`` fen pays the oldest charges first."""
    owing = []
    for line in sorted(lines):
        paid = min(held, line.owed_fen)
        held -= paid
        if line.owed_fen > paid:
            owing.append(replace(line, owed_fen=line.owed_fen - paid))
    return owing


def _prepaid_on(room_ids: list[int], day: date) -> dict[int, int]:
    """The prepayment each of these rooms held at the end of ``day`` (only those holding some)."""
    held: dict[int, int] = {}
    for part in chunks(room_ids):
        for room_id, fen in execute(
            f"""SELECT room_id, SUM(amount_fen) FROM ledger_entry
                WHERE kind = 'prepaid' AND on_date <= ? AND room_id IN ({placeholders(len(part))})
                GROUP BY room_id HAVING SUM(amount_fen) > 0""",
            (day.isoformat(), *part),
        ):
            held[int(room_id)] = int(fen)
    return held


def _rooms_by_id(room_ids: list[int]) -> dict[int, tuple[str, str, str]]:
    wanted = set(room_ids)
    if not wanted:
        return {}
    return {
        int(room_id): (str(code), str(building), str(owners))
        for room_id, code, building, owners in execute(
            "SELECT r.id, r.code, b.name, r.owners_text"
            " FROM room AS r JOIN building AS b ON b.id = r.building_id"
        )
        if room_id in wanted
    }


def collection_rate(first: Month, last: Month, detail: bool = False) -> CollectionRate:
    """Collected ÷ due (net of reductions) for the charges of ``first`` … ``last``, whenever paid.

    Households: those billed in the period, and those of them owing nothing for it now. With
    ``detail`` the same figures by month and by building (for the chart and its table).
    """
    span = (str(first), str(last))
    total = "SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_entry WHERE kind = ? AND month BETWEEN ? AND ?"
    due = _sum(total, ("charge", *span)) - _sum(total, ("reduction", *span))
    open_fen = _sum("SELECT COALESCE(SUM(owed_fen), 0) FROM open_charge WHERE month BETWEEN ? AND ?", span)
    billed = _sum(
        "SELECT COUNT(DISTINCT room_id) FROM ledger_entry WHERE kind = 'charge' AND month BETWEEN ? AND ?",
        span,
    )
    owing = _sum("SELECT COUNT(DISTINCT room_id) FROM open_charge WHERE month BETWEEN ? AND ?", span)
    collected = due - open_fen
    by_month: tuple[RateRow, ...] = ()
    by_building: tuple[RateRow, ...] = ()
    if detail:
        by_month = _rate_rows("c.month", "", span)
        by_building = _rate_rows(
            "b.name", "JOIN room AS r ON r.id = c.room_id JOIN building AS b ON b.id = r.building_id", span
        )
        by_building = tuple(sorted(by_building, key=lambda row: natural_key(row.label)))
    return CollectionRate(
        first, last, due, collected, rate_text(collected, due), billed, billed - owing, by_month, by_building
    )


def _rate_rows(group: str, join: str, span: tuple[str, str]) -> tuple[RateRow, ...]:
    """Due, collected, billed and fully paid households per ``group`` (a month, or a building's name)."""
    rows = execute(
        f"""SELECT {group}, SUM(c.amount_fen), SUM(COALESCE(r_.fen, 0)), SUM(COALESCE(o.owed_fen, 0)),
                   COUNT(DISTINCT c.room_id),
                   COUNT(DISTINCT CASE WHEN o.owed_fen IS NOT NULL THEN c.room_id END)
            FROM ledger_entry AS c {join}
            LEFT JOIN open_charge AS o ON o.charge_id = c.id
            LEFT JOIN (SELECT charge_id, SUM(amount_fen) AS fen FROM ledger_entry
                       WHERE kind = 'reduction' AND month BETWEEN ? AND ? GROUP BY charge_id) AS r_
                   ON r_.charge_id = c.id
            WHERE c.kind = 'charge' AND c.month BETWEEN ? AND ?
            GROUP BY {group} ORDER BY {group}""",
        (*span, *span),
    ).fetchall()
    return tuple(
        RateRow(
            str(label), int(amount - reduced), int(amount - reduced - owed), int(billed), int(billed - owing)
        )
        for label, amount, reduced, owed, billed, owing in rows
    )


def _sum(sql: str, params: tuple[str, ...]) -> int:
    return int(execute(sql, params).fetchone()[0])
