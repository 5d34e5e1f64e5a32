"""The audit trail: every change to the estate's records, written with the change."""

from __future__ import annotations

import getpass
import json
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from peewee import fn

from estatedesk.store.models import AuditEntry

_actor: ContextVar[str | None] = ContextVar("estatedesk_actor", default=None)


def now_utc() -> str:
    """The current time as UTC ISO 8601, to the second, as every timestamp is stored."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def set_actor(name: str | None) -> None:
    """Name the clerk whose changes are recorded from now on (None: the system user)."""
    _actor.set(name.strip() if name and name.strip() else None)


def current_actor() -> str:
    """The clerk named by ``set_actor``, else the operating-system user."""
    name = _actor.get()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _dump(value: dict[str, Any] | None) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def record(
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    room_id: int | None = None,
    room_code: str | None = None,
) -> AuditEntry:
    """Write one audit row; call it inside the transaction that makes the change."""
    entry: AuditEntry = AuditEntry.create(
        at=now_utc(),
        actor=current_actor(),
        action=action,
        entity=entity,
        entity_id=entity_id,
        room_id=room_id,
        room_code=room_code,
        before=_dump(before),
        after=_dump(after),
    )
    return entry


def room_history(room_id: int) -> list[AuditEntry]:
    """Every audit row about the room that has this id now, newest first.

    SQLite gives the id of the newest room to the next one when that room is deleted, so
    rows up to a deletion belong to an earlier room and are left out.
    """
    deleted = (
        AuditEntry.select(fn.MAX(AuditEntry.id))
        .where((AuditEntry.room_id == room_id) & (AuditEntry.entity == "room")
               & (AuditEntry.action == "delete"))
        .scalar()
    )
    query = (
        AuditEntry.select()
        .where((AuditEntry.room_id == room_id) & (AuditEntry.id > (deleted or 0)))
        .order_by(AuditEntry.id.desc())
    )
    return list(query)


def load(text: str | None) -> dict[str, Any] | None:
    """Read back a before/after value written by ``record``."""
    if text is None:
        return None
    value: dict[str, Any] = json.loads(text)
    return value
