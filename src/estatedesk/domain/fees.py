"""The fee ledger's rules (RULES.md §3) as plain values: months, prices, monthly amounts, allocation.

Money is integer fen. A unit price may have 4 decimals of a yuan, so prices are kept in
hundredths of a fen (1/10,000 yuan); a monthly amount is rounded half-up to the fen once, per
room, item and month, never summed from rounded parts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Generic, TypeVar

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

PRICE_SCALE = 10_000  # price units per yuan: 4 decimals
PRICE_UNITS_PER_FEN = PRICE_SCALE // 100
MAX_MONTHS_PER_RUN = 120  # a billing run of ten years at most: beyond that it is a typing mistake
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_PRICE = re.compile(r"^\d+(\.\d{1,4})?$")
_GROUPED_PRICE = re.compile(r"^\d{1,3}(,\d{3})+(\.\d{1,4})?$")
# A unit price no estate charges (a million yuan): beyond it the figure is a slip of the keyboard,
# and every month's charge must stay an amount a receipt can write out.
MAX_PRICE_UNITS = 1_000_000 * PRICE_SCALE
_RECEIPT = re.compile(r"^(\d{4})-(\d{6})$")
K = TypeVar("K")


class FeeKind(StrEnum):
    """How a fee item's monthly amount is worked out."""

    AREA = "area"  # unit price × exclusive area (元/m²/月)
    FIXED = "fixed"  # per room per month
    PARKING = "parking"  # per parking space per month
    ONE_OFF = "one-off"  # an amount per room, billed once for a named period


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, the period every charge belongs to."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def next(self) -> Month:
        """The month after this one."""
        return Month(self.year + 1, 1) if self.month == 12 else Month(self.year, self.month + 1)

    def index(self) -> int:
        """Months since year 0: two months' distance is the difference of their indexes."""
        return self.year * 12 + self.month - 1


def parse_month(text: str, field: str = "month") -> Month:
    """Read ``2027-01`` (full-width digits too) as a month, or raise ``ValidationError``."""
    value = unicodedata.normalize("NFKC", text).strip()
    match = _MONTH.match(value)
    if match is None or not 1 <= int(match[2]) <= 12 or int(match[1]) < 1900:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a month such as 2027-01"),
            value=text.strip(),
        )
    return Month(int(match[1]), int(match[2]))


def month_range(first: Month, last: Month, field: str = "to") -> list[Month]:
    """Every month from ``first`` to ``last``, both included (a billing run's months)."""
    if last < first:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "the last month {last} is before the first, {first}"),
            first=str(first),
            last=str(last),
        )
    if last.index() - first.index() >= MAX_MONTHS_PER_RUN:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "a run covers at most {count} months"),
            count=MAX_MONTHS_PER_RUN,
        )
    months = [first]
    while months[-1] < last:
        months.append(months[-1].next())
    return months


def parse_unit_price(text: str, field: str = "price") -> int:
    """Read a unit price in yuan with up to 4 decimals (``0.60``, ``0.6125``) as 1/10,000 yuan."""
    value = unicodedata.normalize("NFKC", text).strip().removeprefix("¥").removesuffix("元").strip()
    if _GROUPED_PRICE.match(value):  # 1,200 as amounts are written: commas between groups of three only
        value = value.replace(",", "")
    if not _PRICE.match(value):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a price in yuan with at most 4 decimals"),
            value=text.strip(),
        )
    try:
        units = int(Decimal(value) * PRICE_SCALE)
    except InvalidOperation:  # the pattern above lets only plain decimals through
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "'{value}' is not a price in yuan"), value=text.strip()
        ) from None
    if units <= 0:
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "the price must be above 0"))
    if units > MAX_PRICE_UNITS:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "a price is at most 1,000,000 yuan: look at the figure again"),
        )
    return units


def format_unit_price(units: int) -> str:
    """A unit price kept in 1/10,000 yuan as yuan, with 2 to 4 decimals (``0.60``, ``0.6125``)."""
    whole, rest = divmod(units, PRICE_SCALE)
    decimals = f"{rest:04d}".rstrip("0").ljust(2, "0")
    return f"{whole}.{decimals}"


def round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half-up to a whole number (both non-negative)."""
    if numerator < 0 or denominator <= 0:
        raise ValueError("round_half_up takes a non-negative numerator and a positive denominator")
    return (2 * numerator + denominator) // (2 * denominator)


def monthly_amount(kind: FeeKind, price_units: int, area_centi: int = 0, spaces: int = 0) -> int:
    """One room's charge for one month of an item, in fen, rounded half-up once.

    ``area_centi`` is the exclusive area in hundredths of m² (area items); ``spaces`` the
    number of parking spaces the room holds (parking items). A one-off amount is its price.
    """
    if kind is FeeKind.AREA:
        # price (1/10,000 yuan) × area (1/100 m²) is in 1/1,000,000 yuan = 1/10,000 fen.
        return round_half_up(price_units * area_centi, PRICE_UNITS_PER_FEN * 100)
    if kind is FeeKind.PARKING:
        return round_half_up(price_units * spaces, PRICE_UNITS_PER_FEN)
    return round_half_up(price_units, PRICE_UNITS_PER_FEN)


def reduction_by_percent(amount_fen: int, percent: Decimal) -> int:
    """The fen a percent reduction takes off a charge: rounded half-up, never more than the charge."""
    if not Decimal(0) < percent <= Decimal(100):
        raise ValueError("a reduction is above 0 and at most 100 percent")
    hundredths = int(percent * 100)  # percents with 2 decimals at most (12.5%, 33.33%)
    return min(amount_fen, round_half_up(amount_fen * hundredths, 100 * 100))


@dataclass(frozen=True)
class OpenLine(Generic[K]):
    """What a room still owes on one charge: its month, the item's place in the list, the fen owed."""

    key: K
    month: Month
    item_order: int
    owed_fen: int


@dataclass(frozen=True)
class Allocation(Generic[K]):
    """How a payment is spread: fen per charge paid, and what is left over as prepayment (预交)."""

    applied: tuple[tuple[K, int], ...]
    prepaid_fen: int


def allocate(payment_fen: int, lines: Iterable[OpenLine[K]]) -> Allocation[K]:
    """Spread a payment over open charges, oldest month first and in item order within a month.

    ``lines`` are the room's open charges, or only those the clerk ticked. Each charge is paid
    whole while the money lasts, the last one in part; what is left beyond every charge becomes
    prepayment. Nothing is paid twice and no fen is lost: ``sum(applied) + prepaid == payment``.
    """
    if payment_fen <= 0:
        raise ValueError("a payment is above 0 fen")
    left = payment_fen
    applied: list[tuple[K, int]] = []
    for line in sorted(lines, key=lambda line: (line.month, line.item_order)):
        if left == 0:
            break
        if line.owed_fen <= 0:
            continue
        paid = min(left, line.owed_fen)
        applied.append((line.key, paid))
        left -= paid
    return Allocation(tuple(applied), left)


def receipt_number(year: int, serial: int) -> str:
    """A receipt's number: the year and a serial that runs gapless within it (``2026-000001``)."""
    if not 1 <= serial <= 999_999:
        raise ValueError("a receipt serial runs from 1 to 999,999 within a year")
    return f"{year:04d}-{serial:06d}"


def parse_receipt_number(text: str, field: str = "receipt") -> tuple[int, int]:
    """Read ``2026-000001`` as (year, serial), or raise ``ValidationError``."""
    match = _RECEIPT.match(unicodedata.normalize("NFKC", text).strip())
    if match is None or int(match[2]) == 0:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a receipt number such as 2026-000001"),
            value=text.strip(),
        )
    return int(match[1]), int(match[2])


GENESIS_HASH = "0" * 64  # what the first ledger entry chains to
FIELD_SEPARATOR = "\x1f"  # between an entry's fields in what is hashed: no text field may hold it
NO_VALUE = "\x1e"  # a missing field in what is hashed: unlike "None", no text field can hold it


def chain_hash(previous: str, fields: Sequence[object]) -> str:
    """The hash of a ledger entry chained to the one before it (SHA-256 of both, hex).

    ``fields`` are the entry's stored values in their fixed order (id, kind, room, item, month,
    amount, date, receipt…), each written as ``str`` gives it (``NO_VALUE`` for a missing one), so
    that ``verify`` recomputes the hash from the stored columns alone. An edit of any of them, or
    of an entry before it, breaks every hash from there on.
    """
    canonical = FIELD_SEPARATOR.join([NO_VALUE if field is None else str(field) for field in fields])
    return hashlib.sha256(f"{previous}\n{canonical}".encode()).hexdigest()


def group_months(months: Iterable[Month]) -> list[tuple[Month, Month]]:
    """Months as runs of consecutive ones, first and last of each (``2027-01 至 2027-06`` on a receipt)."""
    runs: list[tuple[Month, Month]] = []
    for month in sorted(set(months)):
        if runs and runs[-1][1].next() == month:
            runs[-1] = (runs[-1][0], month)
        else:
            runs.append((month, month))
    return runs


def format_period(first: Month, last: Month) -> str:
    """A run of months as printed: ``2027-03``, or ``2027-01 至 2027-06``."""
    return str(first) if first == last else f"{first} 至 {last}"


# Reminders and anything printed for owners never threaten to cut supplies to collect fees: the
# Civil Code (art. 944) forbids it, and courts side with owners who were threatened.
SUPPLY_CUT_WORDS = ("停水", "停电", "停气", "断水", "断电", "断气", "限电", "限水")
_SUPPLY = "(?:水|电|气|暖|燃气|天然气|煤气|供暖|暖气)"
_CUT = "(?:停|断|限|切断|中断|暂停|停止|截断|关停|掐断)"
# A cut verb before a supply (停水, 停止供水, 暂停水电供应, 断供水电), or a supply before a cut
# (水电将被停止, 燃气暂停供应), whatever spaces or punctuation are typed between the words.
_SUPPLY_CUT = re.compile(
    f"{_CUT}(?:止|供|供应|给|掉|您家|你家|贵户)?{_SUPPLY}"
    f"|{_SUPPLY}(?:{_SUPPLY})?(?:供应)?(?:将|会|将会|或将)?(?:被|予以|给予)?{_CUT}"
)
_SPACING = re.compile(r"[\s、，,。.；;：:（）()“”\"'\-—]+")


def mentions_supply_cut(text: str) -> bool:
    """Whether ``text`` speaks of cutting water, power, gas or heating, which a reminder must never do."""
    return bool(_SUPPLY_CUT.search(_SPACING.sub("", unicodedata.normalize("NFKC", text))))


def check_reminder_text(text: str, field: str) -> str:
    """Return ``text`` for printing on reminders, or refuse it when it threatens to cut supplies."""
    if mentions_supply_cut(text):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP(
                "messages",
                "reminders stay polite: this wording may not be printed on them (Civil Code art. 944)",
            ),
        )
    return text


class ReceiptLayout(StrEnum):
    """How receipts are put on paper: one per A5 sheet, or two per A4 sheet to cut apart."""

    A5 = "a5"
    TWO_PER_A4 = "a4x2"


class AgeBucket(StrEnum):
    """How old a room's arrears are, by its oldest unpaid month (RULES.md §3)."""

    UP_TO_3 = "0-3"
    UP_TO_6 = "3-6"
    UP_TO_12 = "6-12"
    OVER_12 = "12+"


def months_owed(oldest: Month, as_of: Month) -> int:
    """How many months arrears have run: the oldest unpaid month through the as-of month, both counted."""
    return as_of.index() - oldest.index() + 1


def age_bucket(oldest: Month, as_of: Month) -> AgeBucket:
    """The age of arrears whose oldest unpaid month is ``oldest``: up to 3 months, 3–6, 6–12, over 12."""
    age = months_owed(oldest, as_of)
    if age <= 3:
        return AgeBucket.UP_TO_3
    if age <= 6:
        return AgeBucket.UP_TO_6
    if age <= 12:
        return AgeBucket.UP_TO_12
    return AgeBucket.OVER_12


def month_of(day: date) -> Month:
    """The month a date falls in."""
    return Month(day.year, day.month)


def rate_text(numerator: int, denominator: int) -> str | None:
    """A rate as 4 decimals rounded half-up (``0.9812``); None when nothing was due."""
    if denominator <= 0:
        return None
    ten_thousandths = round_half_up(numerator * 10_000, denominator)
    whole, rest = divmod(ten_thousandths, 10_000)
    return f"{whole}.{rest:04d}"
