"""The households writer (services/households/writer.py): one set of rules for the dialog and an import.

Every test runs twice: through ``create_room``/``update_room`` (as the room dialog saves) and
through ``import_households`` with a one-row file of all columns (as an import saves). Who a
person is, who is pruned, what the audit trail records and when nothing is written at all must
not depend on the way in.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path

import pytest

from estatedesk.domain.errors import InputRejected, Unconfirmed, ValidationError
from estatedesk.domain.households import FLAG_WORDS, OCCUPANCY_WORDS, ROOM_USE_WORDS, Flag, Occupancy
from estatedesk.services import households, interchange
from estatedesk.services.households import PersonInput, ResidentInput, RoomInput, sheet
from estatedesk.services.households import records as room_records
from estatedesk.store import audit
from estatedesk.store.db import EstateFile
from estatedesk.store.models import AuditEntry, Person, Room

ID_WANG = "11010519491231002X"
ID_ZHANG = "310104198001010017"

Save = Callable[[RoomInput], int]


def _slots(values: list[str]) -> str:
    return "、".join(values)  # one place per person, empty places kept


def _row(data: RoomInput) -> list[str]:
    """``data`` as a row under the canonical headers (every column mapped)."""
    tenants = data.residents
    return [
        data.building,
        data.unit,
        data.number,
        data.area,
        ROOM_USE_WORDS[data.use][0],
        OCCUPANCY_WORDS[data.occupancy][0],
        _slots([p.name for p in data.owners]),
        _slots([p.phone for p in data.owners]),
        _slots([p.id_number for p in data.owners]),
        _slots([t.name for t in tenants]),
        _slots([t.phone for t in tenants]),
        _slots([t.lease_from.isoformat() if t.lease_from else "" for t in tenants]),
        _slots([t.lease_to.isoformat() if t.lease_to else "" for t in tenants]),
        "、".join(FLAG_WORDS[flag][0] for flag in Flag if flag in data.flags),
        data.note,
        _slots([p.landline for p in data.owners]),
        _slots([t.landline for t in tenants]),
        "、".join(data.parking),
    ]


@pytest.fixture(params=["dialog", "import"])
def save(request: pytest.FixtureRequest, estate: EstateFile, tmp_path: Path) -> Save:
    """Save a room by its code, adding or updating it, the way the parameter names.

    A refusal is raised as ``InputRejected`` either way (fields differ: the import names columns).
    The clerk confirms what needs confirming: the dialog's questions, the import's list.
    """
    files = itertools.count()

    def through_dialog(data: RoomInput) -> int:
        room_id = households.find_room_id(households.check_room(data).code)
        try:
            return _dialog_save(room_id, data, ())
        except Unconfirmed as asked:
            return _dialog_save(room_id, data, {caution.key for caution in asked.cautions})

    def through_import(data: RoomInput) -> int:
        assert all(r.role.value == "tenant" for r in data.residents)  # a file lists tenants only
        path = tmp_path / f"rows{next(files)}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            csv.writer(stream).writerows([sheet.CANONICAL_HEADERS, _row(data)])
        result = interchange.run_import(
            sheet.preview_households(path), allow_removals=True, accept_warnings=True
        )
        if result.errors:
            raise InputRejected([ValidationError(e.field, e.template, **e.params) for e in result.errors])
        room_id = households.find_room_id(households.check_room(data).code)
        assert room_id is not None
        return room_id

    return through_dialog if request.param == "dialog" else through_import


def _dialog_save(room_id: int | None, data: RoomInput, confirmed: Collection[str]) -> int:
    if room_id is None:
        return households.create_room(data, confirmed)
    households.update_room(room_id, data, confirmed)
    return room_id


def room(code: str = "3-2-501", owners: list[PersonInput] | None = None, **fields: object) -> RoomInput:
    building, unit, number = code.split("-")
    data = RoomInput(building, unit, number, "89.50", owners=owners or [])
    for name, value in fields.items():
        setattr(data, name, value)
    if "occupancy" not in fields and data.residents:
        data.occupancy = Occupancy.RENTED  # a self-occupied room with tenants is refused
    return data


def owners_of(room_id: int) -> list[tuple[int, str, str | None, str | None]]:
    return [(p.id, p.name, p.phone, p.id_number) for p in households.room_detail(room_id).owners]


def people() -> list[tuple[str, str | None, str | None]]:
    return sorted((p.name, p.phone, p.id_number) for p in Person.select())


def audit_rows() -> list[tuple[str, str]]:
    """The audit trail of the records (an import's own summary row left out)."""
    return [(e.action, e.entity) for e in AuditEntry.select().order_by(AuditEntry.id) if e.action != "import"]


# ---------------------------------------------------------------- who is the same person


def test_an_id_number_is_one_person_across_rooms(save: Save) -> None:
    first = save(room("3-2-501", [PersonInput("王玥", "13800138000", ID_WANG)]))
    second = save(room("3-2-502", [PersonInput("王玥", "13900139000", ID_WANG)]))
    assert people() == [("王玥", "13900139000", ID_WANG)]  # the newest phone is kept
    assert owners_of(first) == owners_of(second)


def test_name_and_phone_are_one_person_and_an_id_number_is_added(save: Save) -> None:
    save(room("3-2-501", [PersonInput("李喆", "13800138000")]))
    save(room("3-2-502", [PersonInput("李喆", "13800138000", ID_ZHANG)]))
    assert people() == [("李喆", "13800138000", ID_ZHANG)]


def test_a_new_phone_for_an_owner_without_id_number_corrects_the_one_record(save: Save) -> None:
    first = save(room("3-2-501", [PersonInput("张三", "13800138000")]))
    second = save(room("3-2-502", [PersonInput("张三", "13800138000")]))
    ((person_id, *_),) = owners_of(first)
    entries = len(audit_rows())
    save(room("3-2-501", [PersonInput("张三", "13911112222")]))
    # the same record, so the other room sees the new phone as well
    assert owners_of(first) == owners_of(second) == [(person_id, "张三", "13911112222", None)]
    assert people() == [("张三", "13911112222", None)]
    assert audit_rows()[entries:] == [("update", "person"), ("update", "room")]
    change = households.room_history(first)[1]
    assert (change.entity, change.before, change.after) == (
        "person",
        {"name": "张三", "phone": "138****8000", "landline": None, "id_number": None},
        {"name": "张三", "phone": "139****2222", "landline": None, "id_number": None},
    )


def test_a_first_phone_keeps_the_person_record(save: Save) -> None:
    room_id = save(room(owners=[PersonInput("张堃")]))
    ((person_id, *_),) = owners_of(room_id)
    save(room(owners=[PersonInput("张堃", "13800138000")]))
    assert owners_of(room_id) == [(person_id, "张堃", "13800138000", None)]
    assert Person.select().count() == 1


def test_namesakes_in_one_room_stay_two_people_when_both_phones_change(save: Save) -> None:
    room_id = save(room(owners=[PersonInput("张伟", "13800000001"), PersonInput("张伟", "13800000002")]))
    ids = [person_id for person_id, *_ in owners_of(room_id)]
    save(room(owners=[PersonInput("张伟", "13900000001"), PersonInput("张伟", "13900000002")]))
    assert owners_of(room_id) == [
        (ids[0], "张伟", "13900000001", None),
        (ids[1], "张伟", "13900000002", None),
    ]


def test_namesakes_elsewhere_are_other_people(save: Save) -> None:
    save(room("3-2-501", [PersonInput("张伟", "13800138000")]))
    save(room("3-2-502", [PersonInput("张伟", "13900139000")]))
    save(room("3-2-503", [PersonInput("张伟", "", ID_ZHANG)]))
    save(room("3-2-504", [PersonInput("张伟")]))
    assert Person.select().where(Person.name == "张伟").count() == 4


def test_an_owner_entry_does_not_take_over_a_tenant_who_shares_the_name(save: Save) -> None:
    # Found by the summaries state machine: the new owner 王玥 (with an ID number) was matched by
    # name to the tenant 王玥 of the same room, so one person took both entries' phones.
    tenants = [ResidentInput("王玥", "13800138000"), ResidentInput("王玥", "")]
    room_id = save(room(residents=tenants))
    save(room(owners=[PersonInput("王玥", "13800000000", ID_WANG)], residents=tenants))
    owner = households.room_detail(room_id).owners[0]
    living = households.room_detail(room_id).residents
    assert (owner.phone, owner.id_number) == ("13800000000", ID_WANG)
    assert owner.id not in {r.id for r in living}
    assert sorted((r.name, r.phone or "") for r in living) == [("王玥", ""), ("王玥", "13800138000")]


def test_two_entries_that_are_one_stored_person_are_refused(save: Save) -> None:
    save(room(owners=[PersonInput("张三", "13812345678")]))
    before = (people(), audit_rows())
    with pytest.raises(InputRejected) as caught:
        save(room(owners=[PersonInput("张三", "13812345678"), PersonInput("张三")]))
    assert [e.template for e in caught.value.errors] == ["{name} is listed twice"]
    assert (people(), audit_rows()) == before


# ---------------------------------------------------------------- empty phones and ID numbers


def test_name_and_landline_are_one_person_and_an_emptied_landline_clears_it(save: Save) -> None:
    first = save(room("3-2-501", [PersonInput("张三", landline="0571-88886666")]))
    second = save(room("3-2-502", [PersonInput("张三", landline="0571 8888 6666")]))
    assert owners_of(first) == owners_of(second)  # no mobile, no ID number: the landline tells
    save(room("3-2-501", [PersonInput("张三", "13800138000")]))  # a mobile now, the landline left empty
    assert [(p.phone, p.landline) for p in households.room_detail(second).owners] == [("13800138000", None)]
    assert people() == [("张三", "13800138000", None)]


def test_an_emptied_phone_clears_it_and_an_emptied_id_number_is_kept(save: Save) -> None:
    room_id = save(
        room(owners=[PersonInput("王玥", "13800138000", ID_WANG), PersonInput("张三", "13812345678")])
    )
    ids = [person_id for person_id, *_ in owners_of(room_id)]
    save(room(owners=[PersonInput("王玥", "", ""), PersonInput("张三", "")]))
    assert owners_of(room_id) == [(ids[0], "王玥", None, ID_WANG), (ids[1], "张三", None, None)]


def test_an_empty_phone_does_not_clear_someone_who_was_not_in_this_room(save: Save) -> None:
    save(room("3-2-501", [PersonInput("王玥", "13800138000", ID_WANG)]))
    other = save(room("3-2-502", [PersonInput("王玥", "", ID_WANG)]))  # found by ID number only
    assert owners_of(other)[0][1:] == ("王玥", "13800138000", ID_WANG)


# ---------------------------------------------------------------- pruning


def test_people_no_longer_linked_anywhere_are_pruned(save: Save) -> None:
    room_id = save(
        room(
            "3-2-501",
            [PersonInput("王玥", "13800138000"), PersonInput("李喆", "13900139000")],
            residents=[ResidentInput("张堃", "13700137000")],
        )
    )
    save(room("3-2-502", [PersonInput("李喆", "13900139000")]))
    save(room("3-2-501", [PersonInput("李喆", "13900139000")]))
    assert people() == [("李喆", "13900139000", None)]  # 王玥 and 张堃 had nowhere else
    assert [p.name for p in households.room_detail(room_id).owners] == ["李喆"]


def test_a_new_tenant_replaces_the_old_one_and_keeps_their_lease(save: Save) -> None:
    room_id = save(
        room(
            owners=[PersonInput("张三", "13812345678")],
            residents=[ResidentInput("旧租户", "13700001111", lease_from=date(2024, 1, 1))],
        )
    )
    save(
        room(
            owners=[PersonInput("张三", "13812345678")],
            residents=[ResidentInput("新租户", "13700002222", lease_from=date(2025, 5, 1))],
        )
    )
    assert [(r.name, r.phone, r.lease_from) for r in households.room_detail(room_id).residents] == [
        ("新租户", "13700002222", date(2025, 5, 1))
    ]
    assert not Person.select().where(Person.name == "旧租户").exists()


# ---------------------------------------------------------------- the audit trail


def test_an_unchanged_room_is_not_written_at_all(save: Save) -> None:
    data = room(
        owners=[PersonInput("王玥", "13800138000", ID_WANG), PersonInput("李喆")],
        residents=[ResidentInput("张堃", lease_from=date(2025, 1, 1))],
        flags=frozenset({Flag.HARDSHIP}),
        note="备注",
    )
    room_id = save(data)
    detail = households.room_detail(room_id)
    entries = audit_rows()
    assert save(data) == room_id
    assert audit_rows() == entries
    assert households.room_detail(room_id) == detail  # updated_at too


def test_the_developer_mark_is_written_and_recorded_either_way(save: Save) -> None:
    owners = [PersonInput("王玥", "13800138000")]
    room_id = save(room(owners=owners, occupancy=Occupancy.VACANT, flags=frozenset({Flag.DEVELOPER})))
    assert households.room_detail(room_id).flags == {Flag.DEVELOPER}
    assert Room.get_by_id(room_id).developer is True  # the column a vote's roll reads
    save(room(owners=owners, occupancy=Occupancy.VACANT, flags=frozenset({Flag.HARDSHIP, Flag.DEVELOPER})))
    save(room(owners=owners, occupancy=Occupancy.VACANT))  # sold at last
    assert Room.get_by_id(room_id).developer is False
    history = households.room_history(room_id)
    assert [h.action for h in history] == ["update", "update", "create"]
    assert [(h.after or {})["flags"] for h in reversed(history)] == [
        ["developer"],
        ["developer", "hardship"],
        [],
    ]


def test_the_audit_trail_holds_the_room_before_and_after(save: Save) -> None:
    room_id = save(
        room(
            owners=[PersonInput("王玥", "13800138000")],
            residents=[ResidentInput("张堃", lease_to=date(2026, 1, 31))],
        )
    )
    created = audit.masked(room_records.snapshot(room_id))
    save(
        room(
            area="90.10",
            owners=[PersonInput("王玥", "13800138000"), PersonInput("李喆", "", ID_ZHANG)],
            residents=[ResidentInput("张堃", lease_to=date(2026, 1, 31))],
        )
    )
    update, create = households.room_history(room_id)
    assert (create.action, create.before, create.after) == ("create", None, created)
    assert (update.action, update.before) == ("update", created)
    assert update.after == audit.masked(room_records.snapshot(room_id))
    assert update.after is not None and update.after["owners"][1] == {
        "name": "李喆",
        "phone": None,
        "landline": None,
        "id_number": f"{ID_ZHANG[:6]}********{ID_ZHANG[-4:]}",  # the trail keeps personal numbers masked
    }
