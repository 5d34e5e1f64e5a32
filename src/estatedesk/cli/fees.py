"""``fees …``: the fee ledger from the command line (items, billing, reductions, payments, receipts, arrears).

Amounts are typed in yuan (``360``, ``1,234.56``) and every ``--json`` amount is integer fen.
A refusal names the option it is about (``--amount: an amount has at most 2 decimals (fen)``):
the services name their fields, this module tells them as the options that fed them.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from estatedesk.cli.common import EXIT_OK, Handler, Invocation, Subcommands, add_command
from estatedesk.domain.dates import parse_date
from estatedesk.domain.errors import EstateDeskError, InputRejected, ValidationError
from estatedesk.domain.fees import FeeKind, Month, format_unit_price, month_range, parse_month
from estatedesk.domain.households import RoomUse, typed_room_code
from estatedesk.domain.money import format_yuan
from estatedesk.services import fees
from estatedesk.services import households as households_service
from estatedesk.services.fees import PaymentInput, PaymentMethod, ReductionInput

WORDS = ("fees",)

# The option each service field is typed in, where it is not ``--`` and the field's name.
_FIELD_OPTIONS = {
    "reference": "--ref",
    "receipt": "RECEIPT",
    "vacant_percent": "--vacant-discount",
    "hardship_percent": "--hardship-reduction",
}
_KIND_WORDS = {  # how a price is quoted, in the command line's English
    FeeKind.AREA: "yuan per m² per month",
    FeeKind.FIXED: "yuan per room per month",
    FeeKind.PARKING: "yuan per parking space per month",
    FeeKind.ONE_OFF: "yuan per room, once",
}
_LAYOUTS = ("a5", "a4x2")  # the values of ReceiptLayout (reports.receipt), which the CLI may not import


def register(commands: Subcommands, _imports: Subcommands, _exports: Subcommands) -> None:
    """Add ``fees`` and its commands to the parser; it imports and exports nothing."""
    area = commands.add_parser(
        "fees", help="the fee ledger: items, billing, reductions, payments, receipts, arrears"
    )
    words = area.add_subparsers(dest="fees_command", required=True, metavar="COMMAND")
    _register_items(words)
    _register_billing(words)
    _register_counter(words)
    _register_reading(words)


def _add(words: Subcommands, word: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
    return add_command(words, word, handler, help_text, _FIELD_OPTIONS)


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON (amounts in fen)")


def _register_items(words: Subcommands) -> None:
    item = words.add_parser("item", help="add a fee item, give it a new price, stop or resume it")
    item_words = item.add_subparsers(dest="item_command", required=True, metavar="COMMAND")

    add = _add(item_words, "add", run_item_add, "add a fee item with its first price")
    add.add_argument("--name", required=True, help="the item's name, e.g. 物业费")
    add.add_argument(
        "--kind",
        required=True,
        choices=[kind.value for kind in FeeKind],
        help="area: price × exclusive area; fixed: per room; parking: per parking space; one-off: once",
    )
    add.add_argument(
        "--price", required=True, metavar="YUAN", help="the unit price in yuan (up to 4 decimals)"
    )
    add.add_argument(
        "--from",
        dest="first",
        default="",
        metavar="YYYY-MM-DD",
        help="the price applies from this day (default: today); a one-off item is billed in its month",
    )
    add.add_argument(
        "--uses",
        default="residential",
        metavar="USES",
        help="which rooms pay it: residential, shop, garage, comma-separated (default: residential)",
    )

    price = _add(item_words, "price", run_item_price, "give a fee item a new price from a day on")
    price.add_argument("--name", required=True, help="the item's name")
    price.add_argument("--price", required=True, metavar="YUAN", help="the new unit price in yuan")
    price.add_argument(
        "--from",
        dest="first",
        required=True,
        metavar="YYYY-MM-DD",
        help="the new price applies from this day",
    )

    stop = _add(item_words, "stop", run_item_stop, "stop billing a fee item from a month on, or resume it")
    stop.add_argument("--name", required=True, help="the item's name")
    when = stop.add_mutually_exclusive_group(required=True)
    when.add_argument("--from", dest="first", metavar="YYYY-MM", help="no charges from this month on")
    when.add_argument("--resume", action="store_true", help="bill the item again")

    items = _add(words, "items", run_items, "list the fee items and their prices")
    _json_option(items)

    settings = _add(
        words, "settings", run_settings, "show the fee settings; change those given (the others stay)"
    )
    settings.add_argument(
        "--vacant-discount", metavar="P|off", help="percent taken off the charges of vacant rooms, or off"
    )
    settings.add_argument(
        "--hardship-reduction",
        metavar="P|off",
        help="percent taken off the charges of hardship (低保/特困) households, or off",
    )
    settings.add_argument("--how-to-pay", metavar="TEXT", help="what reminders say about how to pay")
    settings.add_argument("--office-phone", metavar="TEXT", help="the office's phone, printed on reminders")
    _json_option(settings)


def _register_billing(words: Subcommands) -> None:
    bill = _add(
        words, "bill", run_bill, "charge every room for a run of months (a month already charged is left)"
    )
    bill.add_argument("--from", dest="first", required=True, metavar="YYYY-MM", help="the first month")
    bill.add_argument(
        "--to", dest="last", default="", metavar="YYYY-MM", help="the last month (default: --from)"
    )
    _json_option(bill)

    reduce = _add(words, "reduce", run_reduce, "reduce a room's charges of one item for a run of months")
    reduce.add_argument("--room", required=True, metavar="CODE", help="the room, e.g. 3-2-501")
    reduce.add_argument("--item", required=True, metavar="NAME", help="the fee item's name")
    reduce.add_argument("--from", dest="first", required=True, metavar="YYYY-MM", help="the first month")
    reduce.add_argument(
        "--to", dest="last", default="", metavar="YYYY-MM", help="the last month (default: --from)"
    )
    how = reduce.add_mutually_exclusive_group(required=True)
    how.add_argument("--percent", metavar="P", help="percent of each month's charge")
    how.add_argument("--amount", metavar="YUAN", help="yuan off each month's charge")
    reduce.add_argument("--reason", required=True, metavar="TEXT", help="why the fee is reduced")
    reduce.add_argument("--approver", required=True, metavar="NAME", help="who approved the reduction")
    _json_option(reduce)


def _register_counter(words: Subcommands) -> None:
    pay = _add(
        words, "pay", run_pay, "take a payment for a room: oldest charges first, the rest kept as prepayment"
    )
    pay.add_argument("--room", required=True, metavar="CODE", help="the room, e.g. 3-2-501")
    pay.add_argument("--amount", required=True, metavar="YUAN", help="the amount paid, in yuan")
    pay.add_argument(
        "--method", required=True, choices=[method.value for method in PaymentMethod], help="how it was paid"
    )
    pay.add_argument("--ref", default="", metavar="TEXT", help="the reference number (required but for cash)")
    pay.add_argument("--date", default="", metavar="YYYY-MM-DD", help="the day it was paid (default: today)")
    pay.add_argument("--payer", default="", metavar="NAME", help="who paid (default: the room's first owner)")
    _json_option(pay)

    void = _add(
        words, "void", run_void, "void a receipt: its charges go back to unpaid, its number stays used"
    )
    void.add_argument("receipt", metavar="RECEIPT", help="the receipt's number, e.g. 2026-000001")
    void.add_argument("--reason", required=True, metavar="TEXT", help="why the receipt is voided")
    _json_option(void)

    receipt = _add(words, "receipt", run_receipt, "print a receipt to a PDF file")
    receipt.add_argument("receipt", metavar="RECEIPT", help="the receipt's number, e.g. 2026-000001")
    receipt.add_argument("--pdf", required=True, type=Path, metavar="FILE", help="the PDF file to write")
    receipt.add_argument("--copy", action="store_true", help="mark it as a copy (a reprint)")
    receipt.add_argument(
        "--layout",
        choices=_LAYOUTS,
        default="a5",
        help="a5: one receipt per A5 page; a4x2: two per A4 page (default: a5)",
    )


def _register_reading(words: Subcommands) -> None:
    account = _add(words, "account", run_account, "a room's charges, reductions, payments and prepayment")
    account.add_argument("--room", required=True, metavar="CODE", help="the room, e.g. 3-2-501")
    _json_option(account)

    arrears = _add(words, "arrears", run_arrears, "the rooms owing money, aged by their oldest unpaid month")
    arrears.add_argument(
        "--as-of",
        dest="as_of",
        default="",
        metavar="YYYY-MM-DD",
        help="as it stood at the end of this day (default: today)",
    )
    arrears.add_argument("--building", metavar="B", help="only this building's rooms")
    _json_option(arrears)

    notices = _add(words, "notices", run_notices, "print a reminder (催缴通知单) for every room owing money")
    notices.add_argument("--pdf", required=True, type=Path, metavar="FILE", help="the PDF file to write")
    notices.add_argument("--building", metavar="B", help="only this building's rooms")
    notices.add_argument(
        "--as-of", dest="as_of", default="", metavar="DATE", help="months up to this day's (default: today)"
    )

    rate = _add(
        words, "rate", run_rate, "the collection rate of the charges of a run of months, whenever paid"
    )
    rate.add_argument("--from", dest="first", required=True, metavar="YYYY-MM", help="the first month")
    rate.add_argument("--to", dest="last", required=True, metavar="YYYY-MM", help="the last month")
    _json_option(rate)


# ---------------------------------------------------------------- what the commands share


def _room_id(code: str) -> int:
    """The id of the room with this code, or a refusal naming ``--room``."""
    # As the window reads a room typed: 3-2-501, full-width, or 3号楼2单元501室.
    room_id = households_service.find_room_id(typed_room_code(code) or code)
    if room_id is None:
        raise InputRejected([ValidationError("--room", "there is no room {code}", code=code.strip())])
    return room_id


def _months(first_text: str, last_text: str) -> tuple[Month, Month]:
    """``--from`` and ``--to`` (empty: the same as ``--from``) as months, each refusal naming its option."""
    first = parse_month(first_text, "--from")
    last = parse_month(last_text, "--to") if last_text.strip() else first
    month_range(first, last, "--to")
    return first, last


def _day(text: str, option: str) -> date:
    """A date typed for ``option``; empty is today."""
    return parse_date(text, option) or date.today()


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _yuan(fen: int) -> str:
    return f"{format_yuan(fen)} yuan"


def _percent(value: Decimal | None) -> str | None:
    # Fixed-point: the settings may hold 50 as Decimal("5E+1").
    return None if value is None else f"{value:f}"


def _uses(uses: frozenset[RoomUse]) -> list[str]:
    """Room uses in their usual order (residential, shop, garage)."""
    return [use.value for use in RoomUse if use in uses]


# ---------------------------------------------------------------- items and settings


def run_item_add(run: Invocation) -> int:
    """Add a fee item with its first price."""
    args = run.args
    typed = fees.FeeItemInput(
        name=args.name,
        kind=args.kind,
        price=args.price,
        effective_from=_day(args.first, "--from"),
        uses=fees.parse_uses(args.uses),
    )
    item_id = fees.add_item(typed)
    item = next(item for item in fees.list_items() if item.id == item_id)
    price = item.prices[0]
    run.say(
        f"added fee item {item.name}: {format_unit_price(price.price_units)} {_KIND_WORDS[item.kind]}"
        f" from {price.effective_from}, paid by {', '.join(_uses(item.uses))} rooms"
    )
    return EXIT_OK


def run_item_price(run: Invocation) -> int:
    """Give a fee item a new price from a day on."""
    args = run.args
    item = fees.find_item(args.name)
    effective_from = parse_date(args.first, "--from")
    if effective_from is None:
        raise ValidationError("--from", "give the day the new price applies from")
    fees.set_price(item.id, args.price, effective_from)
    new = next(p for p in fees.find_item(item.name).prices if p.effective_from == effective_from)
    run.say(
        f"{item.name}: {format_unit_price(new.price_units)} {_KIND_WORDS[item.kind]} from {effective_from}"
    )
    return EXIT_OK


def run_item_stop(run: Invocation) -> int:
    """Stop billing a fee item from a month on, or bill it again."""
    args = run.args
    item = fees.find_item(args.name)
    month = None if args.resume else parse_month(args.first, "--from")
    fees.stop_item(item.id, month)
    run.say(f"{item.name}: billed again" if month is None else f"{item.name}: not billed from {month} on")
    return EXIT_OK


def run_items(run: Invocation) -> int:
    """List the fee items in their order, with their prices oldest first."""
    items = fees.list_items()
    if run.args.json:
        run.say_json(
            [
                {
                    "name": item.name,
                    "kind": item.kind.value,
                    "uses": _uses(item.uses),
                    "prices": [
                        {
                            "from": price.effective_from.isoformat(),
                            "price": format_unit_price(price.price_units),
                        }
                        for price in item.prices
                    ],
                    "stopped_from": None if item.stopped_from is None else str(item.stopped_from),
                    "once_month": None if item.once_month is None else str(item.once_month),
                }
                for item in items
            ]
        )
        return EXIT_OK
    if not items:
        run.say("no fee items yet: add one with `estatedesk fees item add`")
    for item in items:
        prices = "; ".join(
            f"{format_unit_price(price.price_units)} from {price.effective_from}" for price in item.prices
        )
        notes = ""
        if item.once_month is not None:
            notes += f", billed once in {item.once_month}"
        if item.stopped_from is not None:
            notes += f", stopped from {item.stopped_from}"
        uses = ", ".join(_uses(item.uses))
        run.say(f"{item.name} ({item.kind.value}, {uses}): {prices} ({_KIND_WORDS[item.kind]}){notes}")
    return EXIT_OK


def run_settings(run: Invocation) -> int:
    """Show the fee settings, after changing those given."""
    args = run.args
    settings = fees.fee_settings()
    given = (args.vacant_discount, args.hardship_reduction, args.how_to_pay, args.office_phone)
    if any(value is not None for value in given):
        vacant, hardship = settings.vacant_percent, settings.hardship_percent
        if args.vacant_discount is not None:
            vacant = fees.parse_percent(args.vacant_discount, "--vacant-discount")
        if args.hardship_reduction is not None:
            hardship = fees.parse_percent(args.hardship_reduction, "--hardship-reduction")
        fees.save_fee_settings(
            replace(
                settings,
                vacant_percent=vacant,
                hardship_percent=hardship,
                how_to_pay=settings.how_to_pay if args.how_to_pay is None else args.how_to_pay,
                office_phone=settings.office_phone if args.office_phone is None else args.office_phone,
            )
        )
        settings = fees.fee_settings()
    if args.json:
        run.say_json(
            {
                "vacant_discount": _percent(settings.vacant_percent),
                "hardship_reduction": _percent(settings.hardship_percent),
                "how_to_pay": settings.how_to_pay,
                "office_phone": settings.office_phone,
            }
        )
        return EXIT_OK
    run.say(f"vacant-room discount: {_percent_words(settings.vacant_percent)}")
    run.say(f"hardship reduction: {_percent_words(settings.hardship_percent)}")
    run.say(f"how to pay: {settings.how_to_pay or '(the standard text)'}")
    run.say(f"office phone: {settings.office_phone or '(none)'}")
    return EXIT_OK


def _percent_words(value: Decimal | None) -> str:
    return "off" if value is None else f"{_percent(value)}%"


# ---------------------------------------------------------------- billing and reductions


def run_bill(run: Invocation) -> int:
    """Charge every room for a run of months; months already charged are left as they are."""
    first, last = _months(run.args.first, run.args.last)
    result = fees.bill(first, last)
    if run.args.json:
        run.say_json(
            {
                "created": result.created,
                "total_fen": result.total_fen,
                "prepaid_applied_fen": result.prepaid_applied_fen,
            }
        )
        return EXIT_OK
    period = str(first) if first == last else f"{first} to {last}"
    run.say(
        f"billed {period}: {_count(result.created, 'charge')} to {_count(result.rooms, 'room')},"
        f" {_yuan(result.total_fen)}"
    )
    if result.reduced_fen:
        run.say(f"standing reductions (vacant, hardship): {_yuan(result.reduced_fen)}")
    if result.prepaid_applied_fen:
        run.say(f"paid from prepayments: {_yuan(result.prepaid_applied_fen)}")
    return EXIT_OK


def run_reduce(run: Invocation) -> int:
    """Reduce a room's charges of one item, month by month; paid or unbilled months are skipped."""
    args = run.args
    first, last = _months(args.first, args.last)
    room_id = _room_id(args.room)
    item = fees.find_item(args.item)
    result = fees.reduce(
        ReductionInput(
            room_id=room_id,
            item_id=item.id,
            first=first,
            last=last,
            percent=args.percent or "",
            amount=args.amount or "",
            reason=args.reason,
            approver=args.approver,
        )
    )
    if args.json:
        run.say_json(
            {
                "reduced_fen": result.reduced_fen,
                "months": [{"month": str(month), "fen": fen} for month, fen in result.months],
                "skipped": [str(month) for month in result.skipped],
            }
        )
        return EXIT_OK
    run.say(f"reduced {item.name} of {args.room.strip()} by {_yuan(result.reduced_fen)}:")
    for month, fen in result.months:
        run.say(f"  {month}: {format_yuan(fen)}")
    if result.skipped:
        skipped = ", ".join(str(month) for month in result.skipped)
        run.say(f"skipped (not billed, or already paid in full): {skipped}")
    return EXIT_OK


# ---------------------------------------------------------------- the counter


def run_pay(run: Invocation) -> int:
    """Take a payment: it pays the room's oldest charges first, and the rest is kept as prepayment."""
    args = run.args
    room_id = _room_id(args.room)
    result = fees.pay(
        PaymentInput(
            room_id=room_id,
            amount=args.amount,
            method=args.method,
            reference=args.ref,
            paid_on=parse_date(args.date, "--date"),
            payer=args.payer,
        )
    )
    if args.json:
        run.say_json(
            {
                "receipt": result.receipt,
                "amount_fen": result.amount_fen,
                "amount_words": result.amount_words,
                "applied": [
                    {"item": line.item, "month": str(line.month), "fen": line.fen} for line in result.applied
                ],
                "prepaid_fen": result.prepaid_fen,
            }
        )
        return EXIT_OK
    run.say(f"receipt {result.receipt}: {_yuan(result.amount_fen)} ({result.amount_words}), {args.method}")
    for line in result.applied:
        run.say(f"  {line.item} {line.month}: {format_yuan(line.fen)}")
    if result.kept_as_prepaid_fen:
        run.say(f"kept as prepayment: {_yuan(result.kept_as_prepaid_fen)}")
    run.say(f"the room now holds {_yuan(result.prepaid_fen)} in advance")
    return EXIT_OK


def run_void(run: Invocation) -> int:
    """Void a receipt with a reason; what it paid goes back to unpaid, its number stays used."""
    result = fees.void(run.args.receipt, run.args.reason)
    if run.args.json:
        run.say_json(
            {
                "receipt": result.receipt,
                "reopened_fen": result.reopened_fen,
                "prepaid_fen": result.prepaid_fen,
            }
        )
        return EXIT_OK
    run.say(f"receipt {result.receipt} is void: {_yuan(result.reopened_fen)} of charges are unpaid again")
    run.say(f"the room now holds {_yuan(result.prepaid_fen)} in advance")
    return EXIT_OK


def run_receipt(run: Invocation) -> int:
    """Write a receipt (or a copy of it) to a PDF file."""
    args = run.args
    # ReceiptLayout lives in reports, which the command line may not import, and services.fees
    # does not re-export it: its value ("a5", "a4x2") is passed, and receipt_pdf reads it as the enum.
    fees.print_receipts([args.receipt], args.pdf, args.layout, copy=args.copy)
    run.say(f"wrote {'a copy of ' if args.copy else ''}receipt {args.receipt.strip()} to {args.pdf}")
    return EXIT_OK


# ---------------------------------------------------------------- reading the ledger


def run_account(run: Invocation) -> int:
    """Show a room's charges month by month, with its totals and prepayment."""
    code = run.args.room.strip()
    account = fees.account(_room_id(code), with_entries=False)
    if run.args.json:
        run.say_json(
            {
                "room": account.room_code,
                "due_fen": account.due_fen,
                "reduced_fen": account.reduced_fen,
                "paid_fen": account.paid_fen,
                "owed_fen": account.owed_fen,
                "prepaid_fen": account.prepaid_fen,
                "lines": [
                    {
                        "item": line.item,
                        "month": str(line.month),
                        "amount_fen": line.amount_fen,
                        "reduced_fen": line.reduced_fen,
                        "paid_fen": line.paid_fen,
                    }
                    for line in account.lines
                ],
            }
        )
        return EXIT_OK
    run.say(f"room {account.room_code}" + (f" ({account.owners})" if account.owners else ""))
    for line in account.lines:
        parts = [f"  {line.month} {line.item}: {format_yuan(line.amount_fen)}"]
        if line.reduced_fen:
            parts.append(f"reduced {format_yuan(line.reduced_fen)}")
        if line.paid_fen:
            parts.append(f"paid {format_yuan(line.paid_fen)}")
        parts.append("settled" if line.owed_fen == 0 else f"owes {format_yuan(line.owed_fen)}")
        run.say(", ".join(parts))
    run.say(
        f"due {format_yuan(account.due_fen)}, reduced {format_yuan(account.reduced_fen)},"
        f" paid {format_yuan(account.paid_fen)}, owed {format_yuan(account.owed_fen)},"
        f" prepaid {format_yuan(account.prepaid_fen)}"
    )
    return EXIT_OK


def run_arrears(run: Invocation) -> int:
    """List the rooms owing money on a day, aged by their oldest unpaid month."""
    args = run.args
    result = fees.arrears(_day(args.as_of, "--as-of"), args.building)
    if args.json:
        run.say_json(
            {
                "total_fen": result.total_fen,
                "rooms": [
                    {
                        "room": row.room_code,
                        "owed_fen": row.owed_fen,
                        "oldest": str(row.oldest),
                        "bucket": row.bucket.value,
                    }
                    for row in result.rooms
                ],
            }
        )
        return EXIT_OK
    if not result.rooms:
        run.say(f"no room owes money on {result.as_of}")
        return EXIT_OK
    for row in result.rooms:
        run.say(
            f"{row.room_code}: owes {format_yuan(row.owed_fen)} since {row.oldest}"
            f" ({row.months} months, {row.bucket.value})"
        )
    owe = "owes" if len(result.rooms) == 1 else "owe"
    run.say(f"{_count(len(result.rooms), 'room')} {owe} {_yuan(result.total_fen)} on {result.as_of}")
    return EXIT_OK


def run_notices(run: Invocation) -> int:
    """Write a reminder for every room owing money as one PDF; none owing is a refusal, and no file."""
    args = run.args
    as_of = _day(args.as_of, "--as-of")
    if not fees.arrears(as_of, args.building).rooms:
        where = f" in building {args.building}" if args.building else ""
        raise EstateDeskError(
            "no room{where} owes money on {day}: no reminders were written", where=where, day=str(as_of)
        )
    count = fees.print_reminders(args.pdf, args.building, as_of)
    run.say(f"wrote {_count(count, 'reminder')} to {args.pdf}")
    return EXIT_OK


def run_rate(run: Invocation) -> int:
    """Collected ÷ due (net of reductions) for the charges of a run of months, whenever paid."""
    first = parse_month(run.args.first, "--from")
    last = parse_month(run.args.last, "--to")
    if last < first:
        raise ValidationError(
            "--to", "the last month {last} is before the first, {first}", first=str(first), last=str(last)
        )
    rate = fees.collection_rate(first, last)
    if run.args.json:
        run.say_json(
            {
                "due_fen": rate.due_fen,
                "collected_fen": rate.collected_fen,
                "rate": rate.rate,
                "households_billed": rate.households_billed,
                "households_paid": rate.households_paid,
            }
        )
        return EXIT_OK
    period = str(first) if first == last else f"{first} to {last}"
    if rate.rate is None:
        run.say(f"{period}: nothing was due")
        return EXIT_OK
    run.say(
        f"{period}: due {_yuan(rate.due_fen)}, collected {_yuan(rate.collected_fen)},"
        f" rate {Decimal(rate.rate) * 100:.2f}%"
    )
    run.say(f"households billed {rate.households_billed}, paid in full {rate.households_paid}")
    return EXIT_OK
