"""The audit trail (store/audit.py): every change written with its audit row, in one transaction."""

from __future__ import annotations

import getpass
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from estatedesk.domain.errors import InputRejected
from estatedesk.services import households
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.store import audit
from estatedesk.store.db import EstateFile
from estatedesk.store.models import (
    AuditEntry,
    Building,
    Ownership,
    ParkingSpace,
    Person,
    Resident,
    Room,
    Unit,
)

UTC_ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00")
TABLES = (AuditEntry, Building, Ownership, ParkingSpace, Person, Resident, Room, Unit)


def counts() -> dict[str, int]:
    return {model.__name__: model.select().count() for model in TABLES}


def room(number: str = "501", **changes: object) -> RoomInput:
    data = RoomInput("3", "2", number, "89.5", owners=[PersonInput("王玥", "13800138000")])
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def test_now_utc_is_iso_8601_in_utc_to_the_second() -> None:
    stamp = audit.now_utc()
    assert UTC_ISO.fullmatch(stamp)
    moment = datetime.fromisoformat(stamp)
    assert moment.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - moment) < timedelta(seconds=5)


def test_the_actor_is_the_named_clerk_else_the_system_user() -> None:
    audit.set_actor("  王玥 ")
    assert audit.current_actor() == "王玥"
    audit.set_actor("   ")
    assert audit.current_actor() == getpass.getuser()
    audit.set_actor(None)
    assert audit.current_actor() == getpass.getuser()


def test_the_actor_falls_back_to_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_user() -> str:
        raise OSError("no user")

    monkeypatch.setattr(getpass, "getuser", no_user)
    audit.system_user.cache_clear()  # asked once per run: make this test's answer the one
    try:
        assert audit.current_actor() == "unknown"
    finally:
        audit.system_user.cache_clear()


def test_a_change_is_recorded_when_who_what_before_after(estate: EstateFile) -> None:
    audit.set_actor("李喆")
    room_id = households.create_room(room())
    created = AuditEntry.select().where(AuditEntry.room_id == room_id).get()
    assert (created.action, created.entity, created.entity_id) == ("create", "room", room_id)
    assert created.actor == "李喆"
    assert created.room_code == "3-2-501"
    assert UTC_ISO.fullmatch(created.at)
    assert created.before is None
    after = audit.load(created.after)
    assert after is not None
    assert after["code"] == "3-2-501" and after["area"] == "89.50"
    assert after["owners"] == [{"name": "王玥", "phone": "138****8000", "landline": None, "id_number": None}]

    audit.set_actor("张堃")
    households.update_room(room_id, room(area="90.25"))
    updated = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert (updated.action, updated.actor) == ("update", "张堃")
    before, after = audit.load(updated.before), audit.load(updated.after)
    assert before is not None and after is not None
    assert (before["area"], after["area"]) == ("89.50", "90.25")
    assert '"王玥"' in str(updated.after)  # Chinese is stored readable, not \\u-escaped


def test_room_history_is_newest_first(estate: EstateFile) -> None:
    room_id = households.create_room(room())
    other = households.create_room(room("502"))
    households.update_room(room_id, room(area="90"))
    households.update_room(other, room("502", area="91"))
    households.remove_room(room_id)
    households.unarchive_room(room_id)
    history = households.room_history(room_id)
    assert [entry.action for entry in history] == ["unarchive", "archive", "update", "create"]
    assert [entry.id for entry in audit.room_history(room_id)] == sorted(
        (entry.id for entry in audit.room_history(room_id)), reverse=True
    )
    assert all(entry.after is None or entry.after["code"] == "3-2-501" for entry in history)


def test_a_rejected_change_writes_nothing_at_all(estate: EstateFile) -> None:
    households.create_room(room(parking=["P-001"]), {"new_parking:P-001"})
    before = counts()
    # a parking space held by another room is found only after the room and its people were written
    with pytest.raises(InputRejected) as caught:
        households.create_room(
            RoomInput(
                "4",
                "1",
                "101",
                "60",
                owners=[PersonInput("张堃", "13900139000")],
                parking=["P-002", "P-001"],
            )
        )
    assert [error.field for error in caught.value.errors] == ["parking"]
    assert caught.value.errors[0].params == {"space": "P-001", "room": "3-2-501"}
    assert counts() == before
    assert not Building.select().where(Building.name == "4").exists()
    assert not Person.select().where(Person.name == "张堃").exists()


def test_an_update_rejected_late_writes_nothing(estate: EstateFile) -> None:
    households.create_room(room(parking=["P-001"]), {"new_parking:P-001"})
    second = households.create_room(room("502"))
    before = counts()
    detail = households.room_detail(second)
    with pytest.raises(InputRejected):
        households.update_room(
            second, room("502", area="100", parking=["P-001"], owners=[PersonInput("新业主", "13700137000")])
        )
    assert counts() == before
    assert households.room_detail(second) == detail


def test_the_change_and_its_audit_row_fail_together(
    estate: EstateFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    room_id = households.create_room(room())
    before = counts()
    detail = households.room_detail(room_id)

    def broken_record(*args: object, **kwargs: object) -> None:
        raise RuntimeError("audit write failed")

    with monkeypatch.context() as patch:
        patch.setattr(audit, "record", broken_record)
        with pytest.raises(RuntimeError):
            households.create_room(room("502"))
        with pytest.raises(RuntimeError):
            households.update_room(room_id, room(area="120"))
        with pytest.raises(RuntimeError):
            households.remove_room(room_id)
    assert counts() == before
    assert households.room_detail(room_id) == detail


def test_a_failure_after_the_audit_row_takes_the_row_back_too(
    estate: EstateFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    room_id = households.create_room(room())
    before = counts()
    record = audit.record

    def record_then_crash(*args: Any, **kwargs: Any) -> int:
        record(*args, **kwargs)
        raise RuntimeError("crash after the audit row")

    monkeypatch.setattr(audit, "record", record_then_crash)
    with pytest.raises(RuntimeError):
        households.update_room(room_id, room("601", area="120"))  # moved: places are pruned too
    with pytest.raises(RuntimeError):
        households.create_room(room("502"))
    assert counts() == before
    assert households.room_detail(room_id).area_centi == 8950


def test_room_ids_are_never_reused_so_history_stays_with_its_room(estate: EstateFile) -> None:
    first = households.create_room(room("501"))
    first_owner = households.room_detail(first).owners[0].id
    assert households.remove_room(first) == "deleted"  # the newest room: SQLite would reuse its id
    assert not Person.select().exists()  # and its owner, the newest person, was pruned
    second = households.create_room(room("502", owners=[PersonInput("李喆", "13900139000")]))
    assert second != first
    assert households.room_detail(second).owners[0].id != first_owner
    assert [entry.action for entry in audit.room_history(second)] == ["create"]
    assert [entry.action for entry in audit.room_history(first)] == ["delete", "create"]


def test_load_reads_back_what_record_wrote(estate: EstateFile) -> None:
    entry = AuditEntry.get_by_id(
        audit.record("test", "thing", 7, before={"名": "王玥", "n": 1}, after=None, room_id=None)
    )
    assert (entry.action, entry.entity, entry.entity_id) == ("test", "thing", 7)
    assert audit.load(entry.before) == {"名": "王玥", "n": 1}
    assert audit.load(entry.after) is None


def test_the_trail_never_holds_a_full_phone_or_id_number(estate: EstateFile) -> None:
    from helpers.households_sheet import ID_ZHANG

    owner = PersonInput("张三", "13912345678", ID_ZHANG)
    room_id = households.create_room(room(owners=[owner]))
    households.update_room(room_id, room(owners=[PersonInput("张三", "13987654321", ID_ZHANG)]))
    stored = " ".join(f"{entry.before} {entry.after}" for entry in AuditEntry.select())
    assert "13912345678" not in stored and "13987654321" not in stored and ID_ZHANG not in stored
    assert "139****5678" in stored and "139****4321" in stored
    assert f"{ID_ZHANG[:6]}********{ID_ZHANG[-4:]}" in stored
    person = Person.get(Person.name == "张三")
    assert (person.phone, person.id_number) == ("13987654321", ID_ZHANG)  # the record keeps them whole


def test_masking_walks_every_record_and_is_idempotent() -> None:
    value = {
        "phone": "13800138000",
        "owners": [{"name": "王玥", "phone": "13912345678", "landline": "0571-88886666", "id_number": None}],
        "note": "13800138000 in free text is the clerk's own writing",
    }
    once = audit.masked(value)
    assert once["phone"] == "138****8000"
    assert once["owners"][0] == {
        "name": "王玥",
        "phone": "139****5678",
        "landline": "0571-****6666",
        "id_number": None,
    }
    assert once["note"] == value["note"]
    assert audit.masked(once) == once
    text = audit.masked_text('{"phone": "13800138000"}')
    assert text == '{"phone": "138****8000"}' and audit.masked_text(text) == text
