"""The values the fee ledger's services take and give: plain, frozen, amounts in fen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.domain.fees import AgeBucket, FeeKind, Month
from estatedesk.domain.households import RoomUse


class PaymentMethod(StrEnum):
    """How a payment was made; every method but cash is recorded with its reference."""

    CASH = "cash"
    TRANSFER = "transfer"
    WECHAT = "wechat"
    ALIPAY = "alipay"


METHOD_WORDS: dict[PaymentMethod, str] = {
    PaymentMethod.CASH: "现金",
    PaymentMethod.TRANSFER: "银行转账",
    PaymentMethod.WECHAT: "微信",
    PaymentMethod.ALIPAY: "支付宝",
}
KIND_WORDS: dict[FeeKind, str] = {
    FeeKind.AREA: "按面积",
    FeeKind.FIXED: "每户固定",
    FeeKind.PARKING: "按车位",
    FeeKind.ONE_OFF: "一次性",
}
# The unit a price is quoted in, as printed (元/㎡/月 …).
PRICE_UNITS: dict[FeeKind, str] = {
    FeeKind.AREA: "元/㎡/月",
    FeeKind.FIXED: "元/户/月",
    FeeKind.PARKING: "元/个/月",
    FeeKind.ONE_OFF: "元/户",
}


class ReductionRule(StrEnum):
    """Why a reduction was made: by the clerk, or by a standing rule applied at billing."""

    MANUAL = "manual"
    VACANT = "vacant"
    HARDSHIP = "hardship"


RULE_WORDS: dict[ReductionRule, str] = {
    ReductionRule.MANUAL: "减免",
    ReductionRule.VACANT: "空置房优惠",
    ReductionRule.HARDSHIP: "低保/特困减免",
}
ENTRY_WORDS = {
    "charge": "应收",
    "reduction": "减免",
    "payment": "收款",
    "allocation": "冲抵",
    "prepaid": "预交",
    "void": "作废",
}
METHOD_TITLES = {  # the same, for the window's translation
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("fees", "Cash"),
    PaymentMethod.TRANSFER: QT_TRANSLATE_NOOP("fees", "Bank transfer"),
    PaymentMethod.WECHAT: QT_TRANSLATE_NOOP("fees", "WeChat"),
    PaymentMethod.ALIPAY: QT_TRANSLATE_NOOP("fees", "Alipay"),
}


@dataclass(frozen=True)
class PriceView:
    """One price of an item: from which date, how much (1/10,000 yuan)."""

    effective_from: date
    price_units: int


@dataclass(frozen=True)
class FeeItemView:
    """A fee item with its prices over time, oldest first."""

    id: int
    name: str
    kind: FeeKind
    uses: frozenset[RoomUse]
    position: int
    prices: tuple[PriceView, ...]
    once_month: Month | None
    stopped_from: Month | None
    charged_by_orders: bool = False  # the repair item: charged when an order the owner pays closes

    def price_for(self, month: Month) -> int | None:
        """The unit price that applies to ``month`` (None: none yet)."""
        found = None
        for price in self.prices:
            if Month(price.effective_from.year, price.effective_from.month) <= month:
                found = price.price_units
        return found

    def billed_in(self, month: Month) -> bool:
        """Whether a billing run charges this item for ``month``."""
        if self.stopped_from is not None and month >= self.stopped_from:
            return False
        if self.once_month is not None and month != self.once_month:
            return False
        return self.price_for(month) is not None


@dataclass(frozen=True)
class FeeItemInput:
    """A new fee item as typed: name, kind, price in yuan, from which date, which room uses pay it."""

    name: str
    kind: str
    price: str
    effective_from: date
    uses: frozenset[RoomUse] = frozenset({RoomUse.RESIDENTIAL})


@dataclass(frozen=True)
class FeeSettings:
    """The estate's fee rules: standing reductions (None: off) and what reminders and receipts say."""

    vacant_percent: Decimal | None = None
    hardship_percent: Decimal | None = None
    how_to_pay: str = ""
    office_phone: str = ""


@dataclass(frozen=True)
class BillResult:
    """What a billing run made: charges, their total, the standing reductions and prepayment used."""

    created: int
    total_fen: int
    reduced_fen: int
    prepaid_applied_fen: int
    rooms: int


@dataclass(frozen=True)
class OpenLineView:
    """One charge of a room as the payment screen and the account show it."""

    charge_id: int
    item: str
    item_position: int
    month: Month
    amount_fen: int
    reduced_fen: int
    paid_fen: int

    @property
    def owed_fen(self) -> int:
        """What the charge still owes."""
        return self.amount_fen - self.reduced_fen - self.paid_fen


@dataclass(frozen=True)
class PaymentInput:
    """A payment as typed at the counter: amounts and dates as text, read by the service."""

    room_id: int
    amount: str
    method: str
    reference: str = ""
    paid_on: date | None = None  # None: today
    payer: str = ""  # "": the room's first owner
    charge_ids: tuple[int, ...] | None = None  # the ticked lines; None: oldest first


@dataclass(frozen=True)
class AppliedLine:
    """The part of a payment that went to one charge."""

    item: str
    month: Month
    fen: int


@dataclass(frozen=True)
class PaymentResult:
    """A posted payment: its receipt, where the money went, and the room's prepayment after it."""

    receipt: str
    payment_id: int
    amount_fen: int
    amount_words: str
    applied: tuple[AppliedLine, ...]
    kept_as_prepaid_fen: int
    prepaid_fen: int


@dataclass(frozen=True)
class ReceiptRow:
    """A receipt in the receipts list (void ones too: a number is never lost)."""

    number: str
    payment_id: int
    paid_on: date
    room_id: int
    room_code: str
    payer: str
    amount_fen: int
    method: PaymentMethod
    reference: str
    clerk: str
    void_reason: str | None = None
    voided_by: str = ""
    voided_at: str = ""


@dataclass(frozen=True)
class LedgerLine:
    """One entry of a room's ledger as the account shows it (newest last)."""

    entry_id: int
    kind: str
    on_date: date
    item: str
    month: str
    amount_fen: int
    receipt: str
    text: str


@dataclass(frozen=True)
class Account:
    """A room's fee account: what was charged, reduced, paid, what it owes and holds in advance."""

    room_id: int
    room_code: str
    owners: str
    due_fen: int
    reduced_fen: int
    paid_fen: int
    owed_fen: int
    prepaid_fen: int
    lines: tuple[OpenLineView, ...]
    entries: tuple[LedgerLine, ...] = ()


@dataclass(frozen=True)
class ArrearsRow:
    """A room that owes money: how much, since which month, how old."""

    room_id: int
    room_code: str
    building: str
    owners: str
    owed_fen: int
    oldest: Month
    bucket: AgeBucket
    months: int


@dataclass(frozen=True)
class Arrears:
    """Every room owing money on a day, and the total."""

    as_of: date
    total_fen: int
    rooms: tuple[ArrearsRow, ...]


@dataclass(frozen=True)
class RateRow:
    """The collection figures of one month or one building."""

    label: str
    due_fen: int
    collected_fen: int
    households_billed: int
    households_paid: int


@dataclass(frozen=True)
class CollectionRate:
    """Collected ÷ due (net of reductions) for charges of a period, whenever paid; and households."""

    first: Month
    last: Month
    due_fen: int
    collected_fen: int
    rate: str | None
    households_billed: int
    households_paid: int
    by_month: tuple[RateRow, ...] = field(default=())
    by_building: tuple[RateRow, ...] = field(default=())


@dataclass(frozen=True)
class VoidResult:
    """A voided receipt: its number, what went back to unpaid, and the room's prepayment after."""

    receipt: str
    reopened_fen: int
    prepaid_fen: int
