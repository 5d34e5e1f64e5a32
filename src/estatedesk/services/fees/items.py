"""Fee items (收费项目), their effective-dated prices, and the estate's fee settings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, NotFound, Problems, ValidationError
from estatedesk.domain.fees import (
    FeeKind,
    Month,
    check_reminder_text,
    month_of,
    parse_month,
    parse_unit_price,
)
from estatedesk.domain.households import RoomUse
from estatedesk.domain.text import check_text
from estatedesk.services.changes import Records, writing
from estatedesk.services.fees.records import FeeItemInput, FeeItemView, FeeSettings, PriceView
from estatedesk.store import audit
from estatedesk.store.sql import execute, put_setting

_SETTING_KEYS = {
    "vacant_percent": "fees.vacant_percent",
    "hardship_percent": "fees.hardship_percent",
    "how_to_pay": "fees.how_to_pay",
    "office_phone": "fees.office_phone",
}


def list_items() -> list[FeeItemView]:
    """Every fee item in its order, with its prices oldest first."""
    prices: dict[int, list[PriceView]] = {}
    for item_id, effective_from, units in execute(
        "SELECT item_id, effective_from, price_units FROM fee_price ORDER BY item_id, effective_from"
    ):
        prices.setdefault(item_id, []).append(PriceView(date.fromisoformat(effective_from), units))
    repair_item = execute("SELECT value FROM setting WHERE key = 'repair_fee_item'").fetchone()
    return [
        FeeItemView(
            id=item_id,
            name=name,
            kind=FeeKind(kind),
            uses=frozenset(RoomUse(use) for use in uses.split(",")),
            position=position,
            prices=tuple(prices.get(item_id, ())),
            once_month=parse_month(once) if once else None,
            stopped_from=parse_month(stopped) if stopped else None,
            charged_by_orders=repair_item is not None and int(repair_item[0]) == item_id,
        )
        for item_id, name, kind, uses, position, once, stopped in execute(
            "SELECT id, name, kind, uses, position, once_month, stopped_from FROM fee_item"
            " ORDER BY position, id"
        )
    ]


def find_item(name: str) -> FeeItemView:
    """The fee item of this name, or ``NotFound``."""
    for item in list_items():
        if item.name == name.strip():
            return item
    raise NotFound(QT_TRANSLATE_NOOP("messages", "there is no fee item named {name}"), name=name.strip())


def _item(item_id: int) -> FeeItemView:
    for item in list_items():
        if item.id == item_id:
            return item
    raise NotFound(QT_TRANSLATE_NOOP("messages", "that fee item is no longer on file"))


def add_item(typed: FeeItemInput) -> int:
    """Add a fee item with its first price; return its id. Its name must be new."""
    problems = Problems()
    name = problems.attempt(_checked_name, typed.name)
    kind = problems.attempt(_checked_kind, typed.kind)
    price = problems.attempt(parse_unit_price, typed.price, "price")
    if not typed.uses:
        problems.append(
            ValidationError(
                "uses", QT_TRANSLATE_NOOP("messages", "choose at least one kind of room it applies to")
            )
        )
    if problems:
        raise InputRejected(problems)
    assert name is not None and kind is not None and price is not None
    with writing(Records.FEES):
        if execute("SELECT 1 FROM fee_item WHERE name = ?", (name,)).fetchone():
            raise InputRejected(
                [
                    ValidationError(
                        "name", QT_TRANSLATE_NOOP("messages", "a fee item named {name} exists"), name=name
                    )
                ]
            )
        position = int(execute("SELECT COALESCE(MAX(position) + 1, 0) FROM fee_item").fetchone()[0])
        uses = ",".join(use.value for use in RoomUse if use in typed.uses)
        once = str(month_of(typed.effective_from)) if kind is FeeKind.ONE_OFF else None
        item_id = int(
            execute(
                "INSERT INTO fee_item (name, kind, uses, position, once_month, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (name, kind.value, uses, position, once, audit.now_utc()),
            ).lastrowid
            or 0
        )
        _insert_price(item_id, typed.effective_from, price)
        audit.record(
            "create",
            "fee_item",
            item_id,
            after={
                "name": name,
                "kind": kind.value,
                "uses": uses,
                "price_units": price,
                "from": str(typed.effective_from),
            },
        )
        return item_id


def set_price(item_id: int, price_text: str, effective_from: date) -> None:
    """Give an item a new price from a date on; months already charged keep the price they had.

    A date in or before a month the item has already been charged for is refused: those charges
    never change, so the new price could not apply to the whole month it names.
    """
    price = parse_unit_price(price_text, "price")
    with writing(Records.FEES):
        item = _item(item_id)
        if item.charged_by_orders:
            raise InputRejected(
                [
                    ValidationError(
                        "price",
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "{item} is charged by closing repair orders the owner pays, never by price",
                        ),
                        item=item.name,
                    )
                ]
            )
        month = month_of(effective_from)
        charged = _last_charged_month(item_id)
        if charged is not None and month <= charged:
            raise InputRejected(
                [
                    ValidationError(
                        "from",
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "{item} is already charged for {month}:"
                            " a new price can start from {next} at the earliest",
                        ),
                        item=item.name,
                        month=str(charged),
                        next=str(charged.next()),
                    )
                ]
            )
        if any(p.effective_from == effective_from for p in item.prices):
            raise InputRejected(
                [
                    ValidationError(
                        "from",
                        QT_TRANSLATE_NOOP("messages", "{item} already has a price from {date}"),
                        item=item.name,
                        date=str(effective_from),
                    )
                ]
            )
        _insert_price(item_id, effective_from, price)
        audit.record(
            "price",
            "fee_item",
            item_id,
            after={"name": item.name, "price_units": price, "from": str(effective_from)},
        )


def stop_item(item_id: int, from_month: Month | None) -> None:
    """Stop billing an item from a month on (None: bill it again); months already charged stay."""
    with writing(Records.FEES):
        item = _item(item_id)
        charged = _last_charged_month(item_id)
        if from_month is not None and charged is not None and from_month <= charged:
            raise InputRejected(
                [
                    ValidationError(
                        "from",
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "{item} is already charged for {month}: it can stop from {next} at the earliest",
                        ),
                        item=item.name,
                        month=str(charged),
                        next=str(charged.next()),
                    )
                ]
            )
        stopped = str(from_month) if from_month else None
        execute("UPDATE fee_item SET stopped_from = ? WHERE id = ?", (stopped, item_id))
        audit.record(
            "stop",
            "fee_item",
            item_id,
            before={"stopped_from": str(item.stopped_from) if item.stopped_from else None},
            after={"stopped_from": stopped},
        )


def move_item(item_id: int, offset: int) -> None:
    """Move an item up (-1) or down (+1) in the order charges of one month are paid in."""
    with writing(Records.FEES):
        ids = [item.id for item in list_items()]
        at = ids.index(item_id)
        to = max(0, min(len(ids) - 1, at + offset))
        ids.insert(to, ids.pop(at))
        for position, moved in enumerate(ids):
            execute("UPDATE fee_item SET position = ? WHERE id = ?", (position, moved))


def _last_charged_month(item_id: int) -> Month | None:
    row = execute(
        "SELECT MAX(month) FROM ledger_entry WHERE kind = 'charge' AND item_id = ?", (item_id,)
    ).fetchone()
    return parse_month(row[0]) if row and row[0] else None


def _insert_price(item_id: int, effective_from: date, price_units: int) -> None:
    execute(
        "INSERT INTO fee_price (item_id, effective_from, price_units, created_at, actor)"
        " VALUES (?, ?, ?, ?, ?)",
        (item_id, effective_from.isoformat(), price_units, audit.now_utc(), audit.current_actor()),
    )


def _checked_name(text: str) -> str:
    name = check_text(text.strip(), "name")
    if not name:
        raise ValidationError("name", QT_TRANSLATE_NOOP("messages", "a fee item needs a name"))
    if len(name) > 40:
        raise ValidationError(
            "name", QT_TRANSLATE_NOOP("messages", "a fee item's name has at most 40 characters")
        )
    return name


def _checked_kind(text: str) -> FeeKind:
    try:
        return FeeKind(text.strip())
    except ValueError:
        raise ValidationError(
            "kind", QT_TRANSLATE_NOOP("messages", "'{value}' is not a kind of fee item"), value=text.strip()
        ) from None


def parse_uses(text: str) -> frozenset[RoomUse]:
    """Read ``residential,shop,garage`` (any of them) as room uses."""
    uses = set()
    for word in text.replace("，", ",").split(","):
        if not word.strip():
            continue
        try:
            uses.add(RoomUse(word.strip()))
        except ValueError:
            raise ValidationError(
                "uses",
                QT_TRANSLATE_NOOP("messages", "'{value}' is not a room use (residential, shop, garage)"),
                value=word.strip(),
            ) from None
    return frozenset(uses)


# ---------------------------------------------------------------- settings


def fee_settings() -> FeeSettings:
    """The estate's fee settings as stored (standing reductions are off until set)."""
    stored = dict(
        execute(
            f"SELECT key, value FROM setting WHERE key IN ({', '.join('?' * len(_SETTING_KEYS))})",
            tuple(_SETTING_KEYS.values()),
        ).fetchall()
    )

    def percent(key: str) -> Decimal | None:
        value = stored.get(_SETTING_KEYS[key], "")
        return Decimal(value) if value else None

    return FeeSettings(
        vacant_percent=percent("vacant_percent"),
        hardship_percent=percent("hardship_percent"),
        how_to_pay=stored.get(_SETTING_KEYS["how_to_pay"], ""),
        office_phone=stored.get(_SETTING_KEYS["office_phone"], ""),
    )


def parse_percent(text: str, field: str) -> Decimal | None:
    """Read a percent above 0, at most 100, 2 decimals at most (``50``, ``12.5``); empty is None (off)."""
    value = text.strip().removesuffix("%").strip()
    if not value or value.lower() == "off":
        return None
    try:
        percent = Decimal(value)
    except InvalidOperation:
        percent = Decimal(-1)
    if (
        not percent.is_finite()
        or not Decimal(0) < percent <= Decimal(100)
        or percent != percent.quantize(Decimal("0.01"))
    ):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP(
                "messages", "'{value}' is not a percent above 0 and at most 100 (2 decimals at most)"
            ),
            value=text.strip(),
        )
    # quantize, not normalize: Decimal("50").normalize() is 5E+1, which would be stored and printed so
    return percent.quantize(Decimal(1)) if percent == percent.to_integral() else percent


def save_fee_settings(settings: FeeSettings) -> None:
    """Store the estate's fee settings (they travel with the file); bad values are refused field by field.

    What reminders print ("how to pay") may not threaten to cut water, power or gas (art. 944).
    """
    problems = Problems()
    how_to_pay = problems.attempt(check_text, settings.how_to_pay.strip(), "how_to_pay", True)
    if how_to_pay:
        problems.attempt(check_reminder_text, how_to_pay, "how_to_pay")
    office_phone = problems.attempt(check_text, settings.office_phone.strip(), "office_phone")
    if office_phone:  # printed on every reminder too
        problems.attempt(check_reminder_text, office_phone, "office_phone")
    for field, percent in (
        ("vacant_percent", settings.vacant_percent),
        ("hardship_percent", settings.hardship_percent),
    ):
        if percent is not None:
            problems.attempt(parse_percent, f"{percent:f}", field)
    if problems:
        raise InputRejected(problems)
    values = {
        # "f": plain digits whatever the Decimal's exponent (50, never 5E+1), as billing prints them
        "vacant_percent": "" if settings.vacant_percent is None else f"{settings.vacant_percent:f}",
        "hardship_percent": "" if settings.hardship_percent is None else f"{settings.hardship_percent:f}",
        "how_to_pay": how_to_pay or "",
        "office_phone": office_phone or "",
    }
    with writing(Records.FEES, Records.ESTATE):
        before = fee_settings()
        for key, value in values.items():
            put_setting(_SETTING_KEYS[key], value)
        audit.record(
            "update",
            "fee_settings",
            None,
            before={
                "vacant_percent": str(before.vacant_percent),
                "hardship_percent": str(before.hardship_percent),
            },
            after={
                "vacant_percent": values["vacant_percent"],
                "hardship_percent": values["hardship_percent"],
            },
        )
