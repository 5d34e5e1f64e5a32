"""The billing run (开账): one charge per room, item and month, made once, in one transaction.

A run for a range of months charges every room that is not archived, for every item its use
pays and that has a price for the month (a one-off item only in its own month, a stopped item not
from its stop on). What is already charged is left alone, so a run repeated creates nothing twice
and bills only the rooms added since. The estate's standing reductions (vacant rooms, hardship
households) are written as reduction lines naming their rule, and rooms holding a prepayment have
it spent on their open charges, oldest first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError
from estatedesk.domain.fees import (
    FeeKind,
    Month,
    OpenLine,
    allocate,
    month_range,
    monthly_amount,
    parse_month,
    reduction_by_percent,
)
from estatedesk.domain.households import Occupancy
from estatedesk.services.changes import Records, writing
from estatedesk.services.fees.items import fee_settings, list_items
from estatedesk.services.fees.records import RULE_WORDS, BillResult, FeeItemView, ReductionRule
from estatedesk.store import audit, ledger
from estatedesk.store.ledger import OWED_BY_ENTRIES
from estatedesk.store.sql import chunks, execute, placeholders

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_ROOMS_PER_STEP = 2_000  # progress and cancel are looked at this often


class BillingCancelled(EstateDeskError):
    """The clerk cancelled a billing run: nothing of it was written."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("messages", "the billing run was cancelled: nothing was billed"))


@dataclass(frozen=True)
class _Room:
    id: int
    use: str
    area_centi: int
    vacant: bool
    hardship: bool
    spaces: int


def bill(
    first: Month,
    last: Month,
    billed_on: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> BillResult:
    """Charge every room for ``first`` … ``last`` (already checked as a range); all or nothing."""
    months = month_range(first, last)
    on_date = (billed_on or date.today()).isoformat()
    settings = fee_settings()
    rules = [
        (rule, percent)
        for rule, percent in (
            (ReductionRule.VACANT, settings.vacant_percent),
            (ReductionRule.HARDSHIP, settings.hardship_percent),
        )
        if percent is not None
    ]
    with writing(Records.FEES):
        items = list_items()
        rooms = _rooms()
        existing = {
            (room_id, item_id, month)
            for room_id, item_id, month in execute(
                "SELECT room_id, item_id, month FROM ledger_entry"
                " WHERE kind = 'charge' AND month BETWEEN ? AND ?",
                (str(first), str(last)),
            )
        }
        first_new = ledger.next_id()
        total_steps = len(rooms) * len(months)
        done = created = total = reduced = 0
        billed_rooms: set[int] = set()
        for month in months:
            billable = [item for item in items if item.billed_in(month)]
            for part in chunks(rooms, _ROOMS_PER_STEP):
                if cancelled is not None and cancelled():
                    raise BillingCancelled()
                made = _charge(part, billable, month, on_date, existing, rules)
                created += made.created
                total += made.total_fen
                reduced += made.reduced_fen
                billed_rooms.update(made.rooms)
                done += len(part)
                if progress is not None:
                    progress(done, total_steps)
        _open_new_charges(first_new)
        applied = _spend_prepayments(on_date)
        audit.record(
            "bill",
            "fee_run",
            None,
            after={
                "from": str(first),
                "to": str(last),
                "created": created,
                "total_fen": total,
                "reduced_fen": reduced,
            },
        )
    return BillResult(created, total, reduced, applied, len(billed_rooms))


@dataclass
class _Made:
    created: int
    total_fen: int
    reduced_fen: int
    rooms: set[int]


def _charge(
    rooms: Sequence[_Room],
    items: list[FeeItemView],
    month: Month,
    on_date: str,
    existing: set[tuple[int, int, str]],
    rules: list[tuple[ReductionRule, Decimal]],
) -> _Made:
    """Charge a slice of rooms for one month: entries appended, open amounts recorded."""
    month_text = str(month)
    entries: list[ledger.Entry] = []
    made = _Made(0, 0, 0, set())
    next_id = ledger.next_id()
    for item in items:
        price = item.price_for(month)
        assert price is not None  # billed_in said so
        uses = {use.value for use in item.uses}
        for room in rooms:
            if room.use not in uses or (room.id, item.id, month_text) in existing:
                continue
            quantity = _quantity(item.kind, room)
            if quantity == 0:
                continue  # a parking fee for a room with no space
            amount = monthly_amount(item.kind, price, room.area_centi, room.spaces)
            if amount == 0:
                continue  # a price so small it rounds to nothing: no charge of 0.00 to pay or count
            charge_id = next_id + len(entries)
            entries.append(
                ledger.Entry(
                    "charge",
                    room.id,
                    amount,
                    on_date,
                    item_id=item.id,
                    month=month_text,
                    price_units=price,
                    quantity=quantity,
                )
            )
            owed = amount
            for rule, percent in rules:
                if owed and _rule_applies(rule, room):
                    cut = min(owed, reduction_by_percent(amount, percent))
                    if cut:
                        entries.append(
                            ledger.Entry(
                                "reduction",
                                room.id,
                                cut,
                                on_date,
                                item_id=item.id,
                                month=month_text,
                                charge_id=charge_id,
                                rule=rule.value,
                                reason=f"{RULE_WORDS[rule]} {percent}%",
                                approver="",
                            )
                        )
                        owed -= cut
                        made.reduced_fen += cut
            made.created += 1
            made.total_fen += amount
            made.rooms.add(room.id)
    ledger.append(entries)
    return made


def _open_new_charges(first_id: int) -> None:
    """Record what the charges made from ``first_id`` on owe: their amount less the standing reductions.

    One statement for the whole run: SQLite does it far faster than a row each from Python.
    """
    execute(
        """INSERT INTO open_charge (charge_id, room_id, item_id, month, owed_fen)
           SELECT * FROM (
               SELECT c.id, c.room_id, c.item_id, c.month,
                      c.amount_fen - COALESCE((SELECT SUM(r.amount_fen) FROM ledger_entry AS r
                                               WHERE r.charge_id = c.id AND r.kind = 'reduction'), 0) AS owed
               FROM ledger_entry AS c WHERE c.id >= ? AND c.kind = 'charge')
           WHERE owed > 0""",
        (first_id,),
    )


def _quantity(kind: FeeKind, room: _Room) -> int:
    if kind is FeeKind.AREA:
        return room.area_centi
    if kind is FeeKind.PARKING:
        return room.spaces
    return 1


def _rule_applies(rule: ReductionRule, room: _Room) -> bool:
    return room.vacant if rule is ReductionRule.VACANT else room.hardship


def _rooms() -> list[_Room]:
    return [
        _Room(room_id, use, area, occupancy == Occupancy.VACANT.value, bool(hardship), spaces)
        for room_id, use, area, occupancy, hardship, spaces in execute(
            """SELECT r.id, r.use, r.area_centi, r.occupancy, r.hardship,
                      (SELECT COUNT(*) FROM parking_space AS p WHERE p.room_id = r.id)
               FROM room AS r WHERE r.archived_at IS NULL ORDER BY r.id"""
        )
    ]


def prepaid_balances(room_ids: list[int] | None = None) -> dict[int, int]:
    """The prepayment (预交) each room holds, for the rooms given (None: every room holding one)."""
    if room_ids is None:
        rows = execute(
            "SELECT room_id, SUM(amount_fen) FROM ledger_entry WHERE kind = 'prepaid' GROUP BY room_id"
            " HAVING SUM(amount_fen) <> 0"
        ).fetchall()
        return {int(room): int(fen) for room, fen in rows}
    balances: dict[int, int] = {}
    for part in chunks(room_ids):
        for room, fen in execute(
            f"SELECT room_id, SUM(amount_fen) FROM ledger_entry WHERE kind = 'prepaid'"
            f" AND room_id IN ({placeholders(len(part))}) GROUP BY room_id",
            part,
        ):
            balances[int(room)] = int(fen)
    return balances


@dataclass(frozen=True)
class OpenCharge:
    """What one charge of a room still owes, with what allocation and the entries need of it."""

    charge_id: int
    item_id: int
    month: Month
    item_position: int
    owed_fen: int

    def as_line(self) -> OpenLine[int]:
        """The charge as allocation sees it (keyed by its id)."""
        return OpenLine(self.charge_id, self.month, self.item_position, self.owed_fen)


def open_charges(room_id: int) -> list[OpenCharge]:
    """A room's open charges, oldest month first and in item order within a month."""
    return open_charges_of([room_id]).get(room_id, [])


def open_charges_of(room_ids: Sequence[int]) -> dict[int, list[OpenCharge]]:
    """The open charges of these rooms, each room's oldest month first and in item order.

    Worked out from the entries themselves, not from ``open_charge`` (which reports read): what a
    payment pays is never decided by a figure that could have been changed outside the program.
    """
    found: dict[int, list[OpenCharge]] = {}
    for part in chunks(sorted(set(room_ids))):
        for charge_id, room_id, item_id, month, owed, position in execute(
            f"""SELECT owed.*, i.position
                FROM ({OWED_BY_ENTRIES} AND c.room_id IN ({placeholders(len(part))})) AS owed
                JOIN fee_item AS i ON i.id = owed.item_id
                WHERE owed.owed_fen > 0 ORDER BY owed.room_id, owed.month, i.position""",
            part,
        ):
            charge = OpenCharge(charge_id, item_id, parse_month(month), position, owed)
            found.setdefault(room_id, []).append(charge)
    return found


def spend(
    room_id: int, fen: int, charges: list[OpenCharge], on_date: str, payment_id: int | None
) -> list[ledger.Entry]:
    """The allocation entries spending ``fen`` on ``charges``, oldest first (no ``payment_id``: prepayment).

    The caller appends them and settles the charges.
    """
    by_id = {charge.charge_id: charge for charge in charges}
    entries = []
    for charge_id, paid in allocate(fen, [charge.as_line() for charge in charges]).applied:
        charge = by_id[charge_id]
        entries.append(
            ledger.Entry(
                "allocation",
                room_id,
                paid,
                on_date,
                item_id=charge.item_id,
                month=str(charge.month),
                charge_id=charge_id,
                payment_id=payment_id,
            )
        )
    return entries


def settled(entries: list[ledger.Entry]) -> list[int]:
    """The charges that allocation and reduction entries pay, reduce or put back to unpaid."""
    return [entry.charge_id for entry in entries if entry.charge_id is not None]


def prepayment_spending(
    room_id: int, balance: int, on_date: str, charges: list[OpenCharge] | None = None
) -> list[ledger.Entry]:
    """The entries spending a room's prepayment ``balance`` on its open charges, oldest first.

    Nothing when it holds none or owes nothing. ``charges``: the room's open charges, when the
    caller read them already. The caller appends the entries and settles the charges.
    """
    if balance <= 0:
        return []
    charges = open_charges(room_id) if charges is None else charges
    if not charges:
        return []
    spent = spend(room_id, balance, charges, on_date, None)
    return [*spent, ledger.Entry("prepaid", room_id, -sum(entry.amount_fen for entry in spent), on_date)]


def _spend_prepayments(on_date: str) -> int:
    """Spend every room's prepayment on its open charges, oldest first; return the fen spent."""
    entries: list[ledger.Entry] = []
    holding = {room_id: fen for room_id, fen in prepaid_balances().items() if fen > 0}
    owing = open_charges_of(list(holding))  # one read for every room holding a prepayment
    for room_id, charges in owing.items():
        entries += prepayment_spending(room_id, holding[room_id], on_date, charges)
    ledger.append(entries)
    ledger.settle(settled(entries))
    return sum(entry.amount_fen for entry in entries if entry.kind == "allocation")


REPAIR_ITEM_SETTING = "repair_fee_item"
REPAIR_ITEM_NAME = "维修费"  # printed on the account and receipts: the documents are Chinese


def repair_item_id() -> int:
    """The fee item repairs the owner pays are charged under, made the first time it is needed.

    It is a one-off item without a price: a billing run never charges it (``billed_in`` needs a
    price), and ``set_price`` refuses it; only a closed repair order puts a charge on it.
    """
    row = execute("SELECT value FROM setting WHERE key = ?", (REPAIR_ITEM_SETTING,)).fetchone()
    if row is not None:
        return int(row[0])
    name = REPAIR_ITEM_NAME
    taken = {str(n) for (n,) in execute("SELECT name FROM fee_item WHERE name LIKE ?", (name + "%",))}
    suffix = 2
    while name in taken:  # the office has an item of that name of its own
        name, suffix = f"{REPAIR_ITEM_NAME}（报修）{'' if suffix == 2 else suffix}", suffix + 1
    position = int(execute("SELECT COALESCE(MAX(position) + 1, 0) FROM fee_item").fetchone()[0])
    item_id = int(
        execute(
            "INSERT INTO fee_item (name, kind, uses, position, once_month, created_at)"
            " VALUES (?, 'one-off', 'residential,shop,garage', ?, ?, ?)",
            (name, position, date.today().strftime("%Y-%m"), audit.now_utc()),
        ).lastrowid
        or 0
    )
    execute("INSERT INTO setting (key, value) VALUES (?, ?)", (REPAIR_ITEM_SETTING, str(item_id)))
    audit.record("create", "fee_item", item_id, after={"name": name, "kind": "one-off", "for": "repairs"})
    return item_id


def charge_repair(room_id: int, amount_fen: int, on_date: date, reference: str, reason: str) -> int:
    """Put one repair's cost on a room's account as a charge of its month; return the entry's id.

    Call inside the writing transaction of the step that makes it. ``reference`` names the order,
    so a room may be charged for several repairs in one month; a prepayment the room holds is
    spent on it as on any charge.
    """
    with writing(Records.FEES):
        item_id = repair_item_id()
        entry_id = ledger.next_id()
        ledger.append(
            [
                ledger.Entry(
                    "charge",
                    room_id,
                    amount_fen,
                    on_date.isoformat(),
                    item_id=item_id,
                    month=f"{on_date:%Y-%m}",
                    price_units=amount_fen * 100,
                    quantity=1,
                    reference=reference,
                    reason=reason,
                )
            ]
        )
        _open_new_charges(entry_id)
        # Only this room's prepayment: the others owe nothing new (a whole-estate pass costs ~0.6 s).
        held = prepaid_balances([room_id]).get(room_id, 0)
        spent = prepayment_spending(room_id, held, on_date.isoformat())
        ledger.append(spent)
        ledger.settle(settled(spent))
        return entry_id
