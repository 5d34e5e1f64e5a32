"""The fee ledger's overview pages as text and numbers: items, billing runs, receipts, arrears, rates.

Qt-free so that it is tested without a window. Amounts come as integer fen and leave as yuan
(``format_yuan``); rates are exact fractions, shown as percentages rounded half-up to 2 decimals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction

from estatedesk.domain.errors import InputRejected, Problems
from estatedesk.domain.fees import (
    AgeBucket,
    FeeKind,
    Month,
    format_unit_price,
    month_of,
    month_range,
    parse_month,
    round_half_up,
)
from estatedesk.domain.households import RoomUse
from estatedesk.domain.money import format_yuan
from estatedesk.domain.search import normalize_query, pinyin_keys
from estatedesk.gui import labels
from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters.common import all_buildings_text, local_time, place_text
from estatedesk.services.fees import (
    METHOD_TITLES,
    PRICE_UNITS,
    ArrearsRow,
    BillResult,
    CollectionRate,
    FeeItemView,
    PaymentMethod,
    RateRow,
    ReceiptRow,
)
from estatedesk.services.fees.overview_queries import BillingPreview, BillingRun

NONE = "—"  # a rate of nothing: no charge was due, no household billed
OWED_COLOUR = "#c0392b"
CHART_BUILDINGS = 40  # the most buildings the rate chart labels legibly


# ---------------------------------------------------------------- numbers


def money(fen: int) -> str:
    """An amount with the yuan sign: ``¥1,234.56``."""
    return f"¥{format_yuan(fen)}"


def rate_of(numerator: int, denominator: int) -> Fraction | None:
    """An exact rate; None when the denominator is 0 (nothing due, no household billed)."""
    return None if denominator <= 0 else Fraction(numerator, denominator)


def percent_text(rate: Fraction | None) -> str:
    """A rate as a percentage with 2 decimals, rounded half-up as the ledger rounds (98.125% → 98.13%)."""
    if rate is None:
        return NONE
    sign = "-" if rate < 0 else ""
    hundredths = round_half_up(abs(rate.numerator) * 10_000, rate.denominator)
    whole, rest = divmod(hundredths, 100)
    return f"{sign}{whole}.{rest:02d}%"


# ---------------------------------------------------------------- fee items


def kind_title(kind: FeeKind) -> str:
    """How an item's amount is worked out, in the interface language (Chinese: KIND_WORDS)."""
    return {
        FeeKind.AREA: translate("fee_reports", "By area"),
        FeeKind.FIXED: translate("fee_reports", "Fixed per room"),
        FeeKind.PARKING: translate("fee_reports", "Per parking space"),
        FeeKind.ONE_OFF: translate("fee_reports", "One-off"),
    }[kind]


def uses_text(uses: Iterable[RoomUse]) -> str:
    """The kinds of room an item applies to, in a fixed order: ``Residential, Shop``."""
    chosen = set(uses)
    return "、".join(labels.room_use(use) for use in RoomUse if use in chosen)


def price_text(kind: FeeKind, price_units: int) -> str:
    """A unit price with its unit, as printed: ``0.60 元/㎡/月``."""
    return f"{format_unit_price(price_units)} {PRICE_UNITS[kind]}"


def current_price_text(item: FeeItemView, today: date) -> str:
    """The price that applies this month; else the first one to come, with its date."""
    price = item.price_for(month_of(today))
    if price is not None:
        return price_text(item.kind, price)
    coming = [p for p in item.prices if p.effective_from > today]
    if coming:
        first = coming[0]
        return translate("fee_reports", "{price} from {date}").format(
            price=price_text(item.kind, first.price_units), date=first.effective_from.isoformat()
        )
    return NONE


def billing_text(item: FeeItemView) -> str:
    """When an item is billed: every month, once in its month, stopped from a month, or by repair orders."""
    if item.charged_by_orders:
        return translate("fee_reports", "With each repair order the owner pays")
    if item.once_month is not None:
        return translate("fee_reports", "Once, for {month}").format(month=item.once_month)
    if item.stopped_from is not None:
        return translate("fee_reports", "Stopped from {month}").format(month=item.stopped_from)
    return translate("fee_reports", "Every month")


@dataclass(frozen=True)
class PriceLine:
    """One price of an item over time."""

    effective_from: date
    price: str
    note: str  # "current" (this month's), "coming", or ""


def price_lines(item: FeeItemView, today: date) -> list[PriceLine]:
    """An item's prices, newest first, the one in force this month and any to come marked."""
    month = month_of(today)
    current = item.price_for(month)
    in_force = None
    for price in item.prices:
        if Month(price.effective_from.year, price.effective_from.month) <= month:
            in_force = price
    lines = []
    for price in reversed(item.prices):
        if price is in_force and current is not None:
            note = translate("fee_reports", "current")
        elif price.effective_from > today:
            note = translate("fee_reports", "coming")
        else:
            note = ""
        lines.append(PriceLine(price.effective_from, price_text(item.kind, price.price_units), note))
    return lines


def items_status(items: Sequence[FeeItemView], today: date) -> str:
    """The status bar on the fee items page: how many items, how many billed this month."""
    billed = sum(item.billed_in(month_of(today)) for item in items)
    return translate("fee_reports", "{count} fee items, {billed} billed for this month").format(
        count=len(items), billed=billed
    )


# ---------------------------------------------------------------- billing


def read_period(first_text: str, last_text: str) -> tuple[Month, Month]:
    """Two months typed as a period (fields ``from`` and ``to``), or ``InputRejected`` naming each bad one."""
    problems = Problems()
    first = problems.attempt(parse_month, first_text, "from")
    last = problems.attempt(parse_month, last_text, "to")
    if first is not None and last is not None:
        problems.attempt(month_range, first, last, "to")
    if problems or first is None or last is None:
        raise InputRejected(problems)
    return first, last


def default_billing_months(last_billed: Month | None, today: date) -> tuple[Month, Month]:
    """The months a run offers: the one after the last billed (never before this one), to itself."""
    month = month_of(today)
    if last_billed is not None and last_billed >= month:
        month = last_billed.next()
    return month, month


def year_of(month: Month) -> tuple[Month, Month]:
    """A whole year of months, January … December of ``month``'s year."""
    return Month(month.year, 1), Month(month.year, 12)


def span_text(first: Month, last: Month) -> str:
    """A run of months: ``2027-01`` or ``2027-01 … 2027-12``."""
    return str(first) if first == last else f"{first} … {last}"


def preview_text(preview: BillingPreview) -> str:
    """What a run of the months chosen would make, said before it is started."""
    if preview.items == 0:
        return translate(
            "fee_reports", "No fee item is billed in these months: add fee items with a price for them first."
        )
    if preview.rooms == 0:
        return translate(
            "fee_reports", "No room pays these fee items: add rooms on the Households tab first."
        )
    if preview.charges == 0:
        return translate(
            "fee_reports", "Everything is billed for these months already: a run would make nothing new."
        )
    return translate(
        "fee_reports", "About {charges} new charges for {rooms} rooms, {items} fee items."
    ).format(charges=f"{preview.charges:,}", rooms=f"{preview.rooms:,}", items=preview.items)


def bill_result_text(result: BillResult, first: Month, last: Month) -> str:
    """What a billing run made, in a few lines."""
    if result.created == 0:
        lines = [
            translate(
                "fee_reports", "{months}: nothing new to bill, every room had its charges already."
            ).format(months=span_text(first, last))
        ]
    else:
        lines = [
            translate(
                "fee_reports", "{months} billed: {created} charges for {rooms} rooms, {total} in all."
            ).format(
                months=span_text(first, last),
                created=f"{result.created:,}",
                rooms=f"{result.rooms:,}",
                total=money(result.total_fen),
            )
        ]
        if result.reduced_fen:
            lines.append(
                translate(
                    "fee_reports", "Standing reductions (vacant rooms, hardship households): {amount}."
                ).format(amount=money(result.reduced_fen))
            )
    if result.prepaid_applied_fen:
        lines.append(
            translate("fee_reports", "Prepayments used on open charges: {amount}.").format(
                amount=money(result.prepaid_applied_fen)
            )
        )
    return "\n".join(lines)


@dataclass(frozen=True)
class RunLine:
    """A billing run as the list of runs shows it."""

    id: int
    when: str
    clerk: str
    months: str
    created: str
    total: str
    reduced: str


def run_line(run: BillingRun) -> RunLine:
    """One earlier billing run, in local time."""
    months = span_text(run.first, run.last) if run.first and run.last else NONE
    return RunLine(
        run.id,
        local_time(run.at),
        run.actor,
        months,
        f"{run.created:,}",
        format_yuan(run.total_fen),
        format_yuan(run.reduced_fen) if run.reduced_fen else "",
    )


# ---------------------------------------------------------------- receipts


def method_title(method: PaymentMethod) -> str:
    """A payment method in the interface language."""
    return translate("fees", METHOD_TITLES[method])


def receipt_status(row: ReceiptRow) -> str:
    """'' for a valid receipt; for a void one, why, by whom and when."""
    if row.void_reason is None:
        return ""
    return translate("fee_reports", "Void: {reason} ({clerk}, {when})").format(
        reason=row.void_reason, clerk=row.voided_by, when=local_time(row.voided_at)
    )


def receipts_status(shown: Sequence[ReceiptRow]) -> str:
    """The receipts listed and what the valid ones among them took."""
    valid = [row for row in shown if row.void_reason is None]
    return translate("fee_reports", "{count} receipts, {amount} (void ones not counted)").format(
        count=f"{len(shown):,}", amount=money(sum(row.amount_fen for row in valid))
    )


def reprint_name(numbers: Sequence[str], at: datetime) -> str:
    """The file name of a reprint: ``收据补打 2026-000001 153012.pdf`` (``… 等3张 …`` for several).

    The time keeps a second reprint from replacing the first while a PDF viewer still has it open.
    """
    first = min(numbers) if numbers else ""
    more = f" 等{len(numbers)}张" if len(numbers) > 1 else ""
    return f"收据补打 {first}{more} {at:%H%M%S}.pdf"


def search_text(*parts: str) -> str:
    """What the search box finds a record by: each part folded as what is typed is folded."""
    return " ".join(normalize_query(part) for part in parts if part)


def receipt_search_text(row: ReceiptRow) -> str:
    """A receipt is found by its number, room, payer (also in pinyin) and reference."""
    # Pinyin keys are folded already, and stay apart: "wangyue wy" must not find "ewy".
    return f"{search_text(row.number, row.room_code, row.payer, row.reference)} {pinyin_keys(row.payer)}"


# ---------------------------------------------------------------- arrears


def bucket_title(bucket: AgeBucket) -> str:
    """How old arrears are, in the interface language."""
    return {
        AgeBucket.UP_TO_3: translate("fee_reports", "Up to 3 months"),
        AgeBucket.UP_TO_6: translate("fee_reports", "3–6 months"),
        AgeBucket.UP_TO_12: translate("fee_reports", "6–12 months"),
        AgeBucket.OVER_12: translate("fee_reports", "Over 12 months"),
    }[bucket]


def arrears_total_text(rows: Sequence[ArrearsRow], as_of: date, scope: str) -> str:
    """The line above the arrears list: how many rooms of ``scope`` owe how much on the day."""
    if not rows:
        return translate("fee_reports", "{scope}: no room owes anything as of {date}.").format(
            scope=scope, date=as_of.isoformat()
        )
    return translate("fee_reports", "{scope}: {rooms} rooms owe {amount} as of {date}.").format(
        scope=scope,
        rooms=f"{len(rows):,}",
        amount=money(sum(row.owed_fen for row in rows)),
        date=as_of.isoformat(),
    )


def arrears_scope(building: str | None, bucket: AgeBucket | None) -> str:
    """Which rooms the arrears list shows: all, one building, arrears of one age."""
    parts = [place_text(building) if building is not None else all_buildings_text()]
    if bucket is not None:
        parts.append(bucket_title(bucket))
    return " · ".join(parts)


def reminders_name(building: str | None, as_of: date, rooms: Sequence[str] = ()) -> str:
    """The file name of a batch of reminders: ``催缴通知单 3号楼 2027-03-31.pdf``."""
    if len(rooms) == 1:
        where = f" {rooms[0]}"
    elif building is not None:
        where = f" {building}号楼"
    else:
        where = ""
    return f"催缴通知单{where} {as_of.isoformat()}.pdf"


# ---------------------------------------------------------------- collection rate


def default_rate_period(today: date) -> tuple[Month, Month]:
    """The period the rate page starts with: January of this year to this month."""
    return Month(today.year, 1), month_of(today)


@dataclass(frozen=True)
class RateLine:
    """One month's or one building's figures, as the rate table and chart show them."""

    label: str
    due: str
    collected: str
    rate: str
    billed: str
    paid: str
    household_rate: str
    money_rate: Fraction | None
    households_rate: Fraction | None
    row: RateRow  # the figures as read, for sorting


def rate_line(row: RateRow, by_building: bool = False) -> RateLine:
    """One row of the collection figures: a month (``2027-01``) or a building (``3号楼``)."""
    money_rate = rate_of(row.collected_fen, row.due_fen)
    households_rate = rate_of(row.households_paid, row.households_billed)
    return RateLine(
        place_text(row.label) if by_building else row.label,
        format_yuan(row.due_fen),
        format_yuan(row.collected_fen),
        percent_text(money_rate),
        f"{row.households_billed:,}",
        f"{row.households_paid:,}",
        percent_text(households_rate),
        money_rate,
        households_rate,
        row,
    )


def rate_lines(rate: CollectionRate, by_building: bool) -> list[RateLine]:
    """The period's figures by month or by building."""
    rows = rate.by_building if by_building else rate.by_month
    return [rate_line(row, by_building) for row in rows]


def rate_totals(rate: CollectionRate) -> list[tuple[str, str]]:
    """The period's totals as (title, figure) pairs, in the order shown."""
    return [
        (translate("fee_reports", "Due (net of reductions)"), money(rate.due_fen)),
        (translate("fee_reports", "Collected"), money(rate.collected_fen)),
        (
            translate("fee_reports", "Collection rate"),
            percent_text(rate_of(rate.collected_fen, rate.due_fen)),
        ),
        (translate("fee_reports", "Households billed"), f"{rate.households_billed:,}"),
        (translate("fee_reports", "Households fully paid"), f"{rate.households_paid:,}"),
        (
            translate("fee_reports", "Household rate"),
            percent_text(rate_of(rate.households_paid, rate.households_billed)),
        ),
    ]


def chart_lines(lines: Sequence[RateLine], by_building: bool) -> list[RateLine]:
    """What the chart draws: every month; of more buildings than it can label, the lowest rates.

    A chart of 139 buildings is a grey comb: it shows the ``CHART_BUILDINGS`` buildings with the
    lowest collection rate, lowest first (where to knock on doors), and the table lists them all.
    """
    if not by_building or len(lines) <= CHART_BUILDINGS:
        return list(lines)
    return sorted(lines, key=lambda line: line.money_rate if line.money_rate is not None else Fraction(2))[
        :CHART_BUILDINGS
    ]


def rate_title(
    rate: CollectionRate, by_building: bool, shown: int | None = None, total: int | None = None
) -> str:
    """The chart's title; ``shown`` of ``total`` buildings when the chart shows only the lowest."""
    span = span_text(rate.first, rate.last)
    if by_building and shown is not None and total is not None and shown < total:
        return translate(
            "fee_reports", "The {shown} buildings with the lowest collection rate (of {total}), {months}"
        ).format(shown=shown, total=total, months=span)
    if by_building:
        return translate("fee_reports", "Collection rate by building, {months}").format(months=span)
    return translate("fee_reports", "Collection rate by month, {months}").format(months=span)


def rate_status(rate: CollectionRate) -> str:
    """The status bar on the rate page."""
    return translate("fee_reports", "Collection rate {months}: {rate}").format(
        months=span_text(rate.first, rate.last), rate=percent_text(rate_of(rate.collected_fen, rate.due_fen))
    )
