"""The audit trail: every change to the estate's records, written with the change."""

from __future__ import annotations

import getpass
import json
from contextvars import ContextVar
from datetime import UTC, datetime
from functools import cache
from typing import Any

from estatedesk.domain.households import NUMBER_MASKS
from estatedesk.store.models import AuditEntry
from estatedesk.store.sql import insert, placeholders

_actor: ContextVar[str | None] = ContextVar("estatedesk_actor", default=None)


def now_utc() -> str:
    """The current time as UTC ISO 8601, to the second, as every timestamp is stored."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def set_actor(name: str | None) -> None:
    """Name the clerk whose changes are recorded from now on (None: the system user)."""
    _actor.set(name.strip() if name and name.strip() else None)


def current_actor() -> str:
    """The clerk named by ``set_actor``, else the operating-system user."""
    return _actor.get() or system_user()


@cache
def system_user() -> str:
    """The operating-system user, asked once: it costs a password-file lookup each time."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


# Personal numbers the trail keeps only masked, under whatever record they appear: the full value
# lives in the record alone (data minimisation, Personal Information Protection Law art. 6).
MASKED_KEYS = NUMBER_MASKS


def masked(value: Any) -> Any:
    """``value`` with every phone, landline and ID number inside it masked (dicts and lists walked)."""
    if isinstance(value, dict):
        return {
            key: MASKED_KEYS[key](item) if key in MASKED_KEYS and isinstance(item, str) else masked(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [masked(item) for item in value]
    return value


def masked_text(text: str | None) -> str | None:
    """A stored before/after value with its personal numbers masked (for files written unmasked)."""
    return None if text is None else _dump(masked(json.loads(text)))


def _dump(value: dict[str, Any] | None) -> str | None:
    if value is None:
        return None
    return json.dumps(masked(value), ensure_ascii=False, sort_keys=True, default=str)


_COLUMNS = ("at", "actor", "action", "entity", "entity_id", "room_id", "room_code", "before", "after")
_INSERT = f"INSERT INTO audit_entry ({', '.join(_COLUMNS)}) VALUES ({placeholders(len(_COLUMNS))})"


def record(
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    room_id: int | None = None,
    room_code: str | None = None,
) -> int:
    """Write one audit row and return its id; call it inside the transaction that makes the change."""
    # Plain SQL: an import writes thousands of these, and a peewee insert costs ~1 ms here.
    values = (
        now_utc(),
        current_actor(),
        action,
        entity,
        entity_id,
        room_id,
        room_code,
        _dump(before),
        _dump(after),
    )
    return insert(_INSERT, values)


def room_history(room_id: int) -> list[AuditEntry]:
    """Every audit row about the room with this id, newest first.

    Room ids are never reused (the room table is AUTOINCREMENT), so an id's rows are one room's.
    """
    query = AuditEntry.select().where(AuditEntry.room_id == room_id).order_by(AuditEntry.id.desc())
    return list(query)


def load(text: str | None) -> dict[str, Any] | None:
    """Read back a before/after value written by ``record``."""
    if text is None:
        return None
    value: dict[str, Any] = json.loads(text)
    return value
