"""The fee ledger (收费台账): fee items and prices, billing runs, reductions, payments, receipts, arrears.

``items`` keeps the fee items, their prices over time and the estate's fee settings; ``billing``
makes the charges; ``reductions`` and ``payments`` post what the clerk does at the counter;
``accounts`` reads the ledger back (a room's account, arrears, collection rate); ``documents``
prints receipts and reminders. Every posted entry goes through ``store.ledger``: appended,
hash-chained, never changed.
"""

from estatedesk.domain.fees import ReceiptLayout
from estatedesk.services.fees.accounts import account, arrears, arrears_lines, collection_rate, room_balance
from estatedesk.services.fees.billing import BillingCancelled, bill, open_charges, prepaid_balances
from estatedesk.services.fees.documents import (
    print_receipts,
    print_reminders,
    receipt_document,
    reminder_documents,
)
from estatedesk.services.fees.items import (
    add_item,
    fee_settings,
    find_item,
    list_items,
    move_item,
    parse_percent,
    parse_uses,
    save_fee_settings,
    set_price,
    stop_item,
)
from estatedesk.services.fees.payments import list_receipts, pay, receipt_row, void
from estatedesk.services.fees.records import (
    KIND_WORDS,
    METHOD_TITLES,
    METHOD_WORDS,
    PRICE_UNITS,
    Account,
    AppliedLine,
    Arrears,
    ArrearsRow,
    BillResult,
    CollectionRate,
    FeeItemInput,
    FeeItemView,
    FeeSettings,
    LedgerLine,
    OpenLineView,
    PaymentInput,
    PaymentMethod,
    PaymentResult,
    PriceView,
    RateRow,
    ReceiptRow,
    ReductionRule,
    VoidResult,
)
from estatedesk.services.fees.reductions import ReductionInput, ReductionResult, reduce

__all__ = [
    "KIND_WORDS",
    "METHOD_TITLES",
    "METHOD_WORDS",
    "PRICE_UNITS",
    "Account",
    "AppliedLine",
    "Arrears",
    "ArrearsRow",
    "BillResult",
    "BillingCancelled",
    "CollectionRate",
    "FeeItemInput",
    "FeeItemView",
    "FeeSettings",
    "LedgerLine",
    "OpenLineView",
    "PaymentInput",
    "PaymentMethod",
    "PaymentResult",
    "PriceView",
    "RateRow",
    "ReceiptLayout",
    "ReceiptRow",
    "ReductionInput",
    "ReductionResult",
    "ReductionRule",
    "VoidResult",
    "account",
    "add_item",
    "arrears",
    "arrears_lines",
    "bill",
    "collection_rate",
    "fee_settings",
    "find_item",
    "list_items",
    "list_receipts",
    "move_item",
    "open_charges",
    "parse_percent",
    "parse_uses",
    "pay",
    "prepaid_balances",
    "print_receipts",
    "print_reminders",
    "receipt_document",
    "receipt_row",
    "reduce",
    "reminder_documents",
    "room_balance",
    "save_fee_settings",
    "set_price",
    "stop_item",
    "void",
]
