"""Full personal numbers on request (services/households/people.py): each look is in the audit trail."""

from __future__ import annotations

import pytest

from estatedesk.domain.errors import NotFound
from estatedesk.services import households
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.services.households.people import NumberKind, reveal_number
from estatedesk.store import audit
from estatedesk.store.db import EstateFile
from estatedesk.store.models import AuditEntry, Person
from helpers.households_sheet import ID_ZHANG


def _room(number: str, owner: PersonInput) -> int:
    return households.create_room(RoomInput("3", "2", number, "89.5", owners=[owner]))


def test_a_revealed_number_is_whole_and_the_look_is_recorded(estate: EstateFile) -> None:
    room_id = _room("501", PersonInput("张三", "13912345678", ID_ZHANG))
    person_id = Person.get(Person.name == "张三").id
    audit.set_actor("李喆")

    assert reveal_number(room_id, person_id, NumberKind.PHONE) == "13912345678"
    assert reveal_number(room_id, person_id, NumberKind.ID_NUMBER) == ID_ZHANG

    looks = list(AuditEntry.select().where(AuditEntry.action == "reveal").order_by(AuditEntry.id))
    assert [(look.actor, look.entity_id, look.room_id, look.room_code) for look in looks] == [
        ("李喆", person_id, room_id, "3-2-501")
    ] * 2
    assert [audit.load(look.after) for look in looks] == [
        {"name": "张三", "field": "phone"},
        {"name": "张三", "field": "id_number"},
    ]
    assert "13912345678" not in " ".join(str(look.after) for look in looks)


def test_nothing_to_reveal_records_nothing(estate: EstateFile) -> None:
    room_id = _room("501", PersonInput("张三"))
    person_id = Person.get(Person.name == "张三").id
    assert reveal_number(room_id, person_id, NumberKind.PHONE) == ""
    assert AuditEntry.select().where(AuditEntry.action == "reveal").count() == 0


def test_only_a_person_of_the_room_can_be_revealed_from_it(estate: EstateFile) -> None:
    room_id = _room("501", PersonInput("张三", "13912345678"))
    other_room = _room("502", PersonInput("李四", "13700001111"))
    stranger = Person.get(Person.name == "李四").id
    with pytest.raises(NotFound):
        reveal_number(room_id, stranger, NumberKind.PHONE)
    assert reveal_number(other_room, stranger, NumberKind.PHONE) == "13700001111"
    assert AuditEntry.select().where(AuditEntry.action == "reveal").count() == 1
