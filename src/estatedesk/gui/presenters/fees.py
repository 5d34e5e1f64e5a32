"""The fee ledger's texts for the 收款 (take a payment) and 账户 (room account) pages, Qt-free.

Money comes in fen and is shown as yuan (``¥1,234.56``); what the clerk types is read by the
domain's own parser, the one the services use, so that a hint never disagrees with a refusal.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.fees import Month
from estatedesk.domain.households import format_area
from estatedesk.domain.money import format_yuan, parse_yuan
from estatedesk.gui.i18n import translate
from estatedesk.services.fees import (
    METHOD_TITLES,
    Account,
    OpenLineView,
    PaymentMethod,
    PaymentResult,
    ReceiptLayout,
    ReductionResult,
)

OWED_COLOUR = "#c0392b"  # what is owed, in red, wherever it is shown
PREPAID_COLOUR = "#1e7e34"
# The key that chooses each payment method on the payment page, shown on its button.
METHOD_KEYS: dict[PaymentMethod, str] = {
    PaymentMethod.CASH: "F1",
    PaymentMethod.TRANSFER: "F2",
    PaymentMethod.WECHAT: "F3",
    PaymentMethod.ALIPAY: "F4",
}
RECEIPT_FOLDER = "收据"  # in the data folder: the receipts written at the counter
COPY_SUFFIX = "-补打"  # a reprint's file, beside the original's


def money(fen: int) -> str:
    """An amount in fen as the screen shows it: ``¥1,234.56``."""
    return f"¥{format_yuan(fen)}"


def money_cell(fen: int) -> str:
    """An amount in a table cell: no currency sign (the column says yuan), blank for nothing."""
    return format_yuan(fen) if fen else ""


def amount_text(fen: int) -> str:
    """An amount put in the amount field for the clerk to keep or type over: ``1234.56`` ('' for none)."""
    return f"{fen // 100}.{fen % 100:02d}" if fen > 0 else ""


def method_text(method: PaymentMethod) -> str:
    """A payment method's button: its name and the key that chooses it (``Cash (F1)``)."""
    return f"{translate('fees', METHOD_TITLES[method])} ({METHOD_KEYS[method]})"


def layout_text(layout: ReceiptLayout) -> str:
    """How a receipt goes on paper, as the page's choice names it."""
    return {
        ReceiptLayout.A5: translate("fees", "A5, one receipt per sheet"),
        ReceiptLayout.TWO_PER_A4: translate("fees", "A4, two receipts per sheet"),
    }[layout]


def stored_layout(value: object) -> ReceiptLayout:
    """The receipt layout a setting holds (A5 when it holds nothing known)."""
    try:
        return ReceiptLayout(str(value))
    except ValueError:
        return ReceiptLayout.A5


def typed_fen(text: str) -> int | None:
    """The amount typed, in fen, if it is one the service would take (None otherwise)."""
    try:
        return parse_yuan(text)
    except ValidationError:
        return None


# ------------------------------------------------------------ the room chosen


def room_heading_html(code: str, owners: str, area_centi: int | None) -> str:
    """The chosen room in one line: its code large, then its owners and area (None: not known)."""
    e = html.escape
    who = owners or translate("fees", "no owner recorded")
    if area_centi is None:
        return f"<span style='font-size:x-large; font-weight:bold'>{e(code)}</span>&nbsp;&nbsp; {e(who)}"
    area = translate("fees", "{area} m²").format(area=format_area(area_centi))
    return (
        f"<span style='font-size:x-large; font-weight:bold'>{e(code)}</span>&nbsp;&nbsp; {e(who)} · {e(area)}"
    )


def find_room_text() -> str:
    """What the payment page says before a room is chosen."""
    return translate(
        "fees",
        "Find the room first: type its code (3-2-501 or 3号楼2单元501), an owner's name or the "
        "initials of its pinyin (zs), then press Enter. Down and Up move in the list.",
    )


def find_account_text() -> str:
    """What the account page says before a room is chosen."""
    return translate(
        "fees",
        "Choose a room on the left to see what it was charged, what was reduced and paid, "
        "and every entry of its ledger.",
    )


def nothing_owed_text(code: str, prepaid_fen: int) -> str:
    """The payment page's line for a room with no open charge."""
    text = translate("fees", "Room {code} owes nothing. A payment now is kept as prepayment for later bills.")
    text = text.format(code=code)
    if prepaid_fen:
        text += " " + translate("fees", "It already holds {amount} in advance.").format(
            amount=money(prepaid_fen)
        )
    return text


def open_lines(lines: Sequence[OpenLineView]) -> list[OpenLineView]:
    """The lines a payment can pay (those still owing), oldest month first, in item order within a month."""
    return sorted(
        (line for line in lines if line.owed_fen > 0), key=lambda line: (line.month, line.item_position)
    )


def ticked_text(ticked: int, lines: int) -> str:
    """The caption over the total due: how many of the open lines are ticked."""
    if lines == 0:
        return translate("fees", "Nothing due")
    if ticked == lines:
        return translate("fees", "Due, all {count} open lines").format(count=lines)
    return translate("fees", "Due, {ticked} of {count} open lines ticked").format(ticked=ticked, count=lines)


def amount_hint(typed: int | None, ticked_fen: int, ticked: int) -> str:
    """What an amount typed will do with the lines ticked ('' when it pays them exactly or is unreadable)."""
    if typed is None:
        return ""
    if ticked == 0:
        return translate("fees", "No line is ticked: the whole amount is kept as prepayment.")
    if typed > ticked_fen:
        return translate("fees", "{amount} more than the ticked lines: kept as prepayment.").format(
            amount=money(typed - ticked_fen)
        )
    if typed < ticked_fen:
        return translate("fees", "Pays the oldest ticked lines first; {amount} of them stays owed.").format(
            amount=money(ticked_fen - typed)
        )
    return ""


def confirmation_html(result: PaymentResult, room_code: str, payer: str) -> str:
    """The line that says a payment was posted: receipt number, amount, 大写, and the prepayment now."""
    e = html.escape
    head = translate("fees", "Receipt {number}: {amount} received for room {room}").format(
        number=result.receipt, amount=money(result.amount_fen), room=room_code
    )
    if payer:
        head += " " + translate("fees", "from {payer}").format(payer=payer)
    parts = [f"<b>{e(head)}</b>", f"（{e(result.amount_words)}）"]
    if result.kept_as_prepaid_fen:
        parts.append(
            e(
                translate("fees", "{amount} kept as prepayment.").format(
                    amount=money(result.kept_as_prepaid_fen)
                )
            )
        )
    parts.append(e(translate("fees", "Prepaid now: {amount}.").format(amount=money(result.prepaid_fen))))
    return " ".join(parts)


def read_only_payment_tip() -> str:
    """Why the payment page cannot post on a read-only file."""
    return translate(
        "fees",
        "The data file is open read-only: payments cannot be taken. You can still find rooms, "
        "look at what they owe and print receipts.",
    )


def read_only_reduce_tip() -> str:
    """Why the account page cannot reduce on a read-only file."""
    return translate("fees", "The data file is open read-only: nothing can be reduced.")


def receipt_path(data_folder: Path, number: str, copy: bool = False) -> Path:
    """Where the receipt written at the counter goes: the data folder's 收据 folder, by number."""
    return data_folder / RECEIPT_FOLDER / f"{number}{COPY_SUFFIX if copy else ''}.pdf"


# ------------------------------------------------------------ the account


@dataclass(frozen=True)
class Figure:
    """One total of an account as the page shows it: its name, amount and colour ('' for plain)."""

    title: str
    text: str
    colour: str


def account_figures(account: Account) -> list[Figure]:
    """The account's totals: due, reduced, paid, owed (red when owed) and prepaid."""
    return [
        Figure(translate("fees", "Due"), money(account.due_fen), ""),
        Figure(translate("fees", "Reduced"), money(account.reduced_fen), ""),
        Figure(translate("fees", "Paid"), money(account.paid_fen), ""),
        Figure(
            translate("fees", "Owed"), money(account.owed_fen), OWED_COLOUR if account.owed_fen > 0 else ""
        ),
        Figure(
            translate("fees", "Prepaid"),
            money(account.prepaid_fen),
            PREPAID_COLOUR if account.prepaid_fen else "",
        ),
    ]


def no_charges_text(code: str) -> str:
    """The account's charge list when the room was never charged."""
    return translate(
        "fees", "Room {code} has not been charged yet: bill a period on the Billing page."
    ).format(code=code)


def no_entries_text() -> str:
    """The account's entry list when nothing was reduced or paid."""
    return translate("fees", "No payment or reduction yet.")


def reduction_text(result: ReductionResult) -> str:
    """What a reduction did: how much over how many months, and the months it left out."""
    text = translate("fees", "Reduced {amount} in all, over {months} month(s).").format(
        amount=money(result.reduced_fen), months=len(result.months)
    )
    if result.skipped:
        text += " " + translate("fees", "Not reduced (not billed, or paid in full): {months}.").format(
            months=", ".join(str(month) for month in result.skipped)
        )
    return text


def item_months(lines: Sequence[OpenLineView], item: str) -> tuple[Month, Month] | None:
    """The first and last month an item still owes on (else was charged), for the reduce dialog's defaults."""
    owing = [line.month for line in lines if line.item == item and line.owed_fen > 0]
    months = owing or [line.month for line in lines if line.item == item]
    return (min(months), max(months)) if months else None


def account_status_text(account: Account | None) -> str:
    """The account page's figures for the status bar."""
    if account is None:
        return ""
    return translate("fees", "{room}: owes {owed} · prepaid {prepaid}").format(
        room=account.room_code, owed=money(account.owed_fen), prepaid=money(account.prepaid_fen)
    )


def collect_status_text(code: str | None, owed_fen: int) -> str:
    """The payment page's figures for the status bar: the room chosen and what it owes."""
    if code is None:
        return ""
    return translate("fees", "{room} owes {owed}").format(room=code, owed=money(owed_fen))


def empty_picker_text(total: int, query: str) -> str:
    """The room list's line when it shows no room."""
    if total == 0:
        return translate("fees", "No rooms yet: add them on the Households tab.")
    if query.strip():
        return translate(
            "fees", "No room matches “{query}”. Search by room (3-2-501), name or pinyin (zs)."
        ).format(query=query.strip())
    return ""
