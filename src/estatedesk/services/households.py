"""Rooms, owners, residents and parking spaces: the households file (房屋与住户档案)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, NotFound, ValidationError
from estatedesk.domain.households import (
    Flag,
    Occupancy,
    ResidentRole,
    RoomUse,
    compose_room_code,
    normalize_id_number,
    normalize_mobile,
    parse_area,
    validate_code_part,
    validate_lease,
    validate_person_name,
    validate_room_code,
)
from estatedesk.domain.search import pinyin_keys
from estatedesk.domain.sorting import natural_key
from estatedesk.store import audit
from estatedesk.store.models import (
    Building,
    Ownership,
    ParkingSpace,
    Person,
    Resident,
    Room,
    Unit,
    database_proxy,
)



# ---------------------------------------------------------------- input values


@dataclass
class PersonInput:
    """A person as typed in a dialog or read from a spreadsheet row."""

    name: str
    phone: str = ""
    id_number: str = ""


@dataclass
class ResidentInput(PersonInput):
    """A resident: a family member or a tenant with an optional lease."""

    role: ResidentRole = ResidentRole.TENANT
    lease_from: date | None = None
    lease_to: date | None = None


@dataclass
class RoomInput:
    """Everything a clerk enters about a room; checked by ``check_room``."""

    building: str
    unit: str
    number: str
    area: str
    use: RoomUse = RoomUse.RESIDENTIAL
    occupancy: Occupancy = Occupancy.SELF_OCCUPIED
    flags: frozenset[Flag] = frozenset()
    note: str = ""
    owners: list[PersonInput] = field(default_factory=list)
    residents: list[ResidentInput] = field(default_factory=list)
    parking: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CheckedPerson:
    """A person whose name, phone and ID number have passed their checks."""

    name: str
    phone: str | None
    id_number: str | None


@dataclass(frozen=True)
class CheckedResident(CheckedPerson):
    """A checked resident."""

    role: ResidentRole = ResidentRole.TENANT
    lease_from: date | None = None
    lease_to: date | None = None


@dataclass(frozen=True)
class CheckedRoom:
    """A room input that passed every check, ready to be written."""

    code: str
    building: str
    unit: str
    number: str
    area_centi: int
    use: RoomUse
    occupancy: Occupancy
    flags: frozenset[Flag]
    note: str
    owners: tuple[CheckedPerson, ...]
    residents: tuple[CheckedResident, ...]
    parking: tuple[str, ...]


def _check_person(person: PersonInput, prefix: str, errors: list[ValidationError]) -> CheckedPerson | None:
    try:
        name = validate_person_name(person.name, f"{prefix}.name")
    except ValidationError as error:
        errors.append(error)
        name = None
    phone = id_number = None
    if person.phone.strip():
        try:
            phone = normalize_mobile(person.phone, f"{prefix}.phone")
        except ValidationError as error:
            errors.append(error)
    if person.id_number.strip():
        try:
            id_number = normalize_id_number(person.id_number, f"{prefix}.id_number")
        except ValidationError as error:
            errors.append(error)
    return CheckedPerson(name, phone, id_number) if name else None


def check_room(data: RoomInput) -> CheckedRoom:
    """Check a room input and return it normalised, or raise ``InputRejected`` listing every error."""
    errors: list[ValidationError] = []

    def attempt(check: Any, *args: Any) -> Any:
        try:
            return check(*args)
        except ValidationError as error:
            errors.append(error)
            return None

    building = attempt(validate_code_part, data.building, "building") or ""
    unit = attempt(validate_code_part, data.unit, "unit") or ""
    number = attempt(validate_code_part, data.number, "number") or ""
    if not data.building.strip():
        errors.append(ValidationError("building", QT_TRANSLATE_NOOP("messages", "the building is required")))
    code = ""
    if number:
        code = attempt(validate_room_code, compose_room_code(building, unit, number), "number") or ""
    elif not data.number.strip():
        errors.append(ValidationError("number", QT_TRANSLATE_NOOP("messages", "the room number is required")))
    area = attempt(parse_area, data.area, "area")
    owners = [_check_person(p, f"owners[{i}]", errors) for i, p in enumerate(data.owners)]
    residents: list[CheckedResident | None] = []  # None keeps the positions of bad entries
    for i, resident in enumerate(data.residents):
        checked = _check_person(resident, f"residents[{i}]", errors)
        attempt(validate_lease, resident.lease_from, resident.lease_to, f"residents[{i}].lease_to")
        residents.append(None if checked is None else CheckedResident(
            checked.name, checked.phone, checked.id_number,
            ResidentRole(resident.role), resident.lease_from, resident.lease_to,
        ))
    _check_distinct(owners, "owners", errors)
    _check_distinct(residents, "residents", errors)
    parking = tuple(dict.fromkeys(code.strip() for code in data.parking if code.strip()))
    for space in parking:
        attempt(validate_room_code, space, "parking")
    if errors:
        raise InputRejected(errors)
    return CheckedRoom(
        code=code, building=building, unit=unit, number=number, area_centi=int(area),
        use=RoomUse(data.use), occupancy=Occupancy(data.occupancy), flags=frozenset(data.flags),
        note=data.note.strip(), owners=tuple(p for p in owners if p),
        residents=tuple(r for r in residents if r),
        parking=parking,
    )


def _check_distinct(people: list[Any], prefix: str, errors: list[ValidationError]) -> None:
    seen: set[tuple[str, str | None, str | None]] = set()
    id_numbers: set[str] = set()
    for i, person in enumerate(people):
        if person is None:  # already reported as bad
            continue
        key = (person.name, person.phone, person.id_number)
        if key in seen:
            errors.append(ValidationError(
                f"{prefix}[{i}].name", QT_TRANSLATE_NOOP("messages", "{name} is listed twice"),
                name=person.name,
            ))
        elif person.id_number in id_numbers:  # one ID number is one person, whatever the name says
            errors.append(ValidationError(
                f"{prefix}[{i}].id_number", QT_TRANSLATE_NOOP("messages", "{name} is listed twice"),
                name=person.name,
            ))
        seen.add(key)
        if person.id_number:
            id_numbers.add(person.id_number)


# ---------------------------------------------------------------- reading


class RoomRow(NamedTuple):
    """One line of the households list, with the text the search box matches against.

    A plain tuple because the list holds up to 20,000 of them and is rebuilt on every load;
    phones are kept whole here and masked by whoever shows them.
    """

    id: int
    code: str
    building: str
    unit: str
    number: str
    area_centi: int
    use: str
    occupancy: str
    hardship: int
    elderly_alone: int
    disabled: int
    owners: str
    owner_phones: str
    tenants: str
    tenant_phones: str
    archived: int
    search: str

    @property
    def flags(self) -> frozenset[Flag]:
        """The room's flags as values."""
        return frozenset(
            flag for flag, on in ((Flag.HARDSHIP, self.hardship), (Flag.ELDERLY_ALONE, self.elderly_alone),
                                  (Flag.DISABLED, self.disabled)) if on
        )


def _folded_sql(column: str) -> str:
    """SQL that drops from ``column`` the separators ``normalize_query`` drops from a query.

    Without it 买买提·艾力 or Mary Smith, typed exactly as stored, would not find themselves.
    """
    for separator in " -_()（）·.":
        column = f"replace({column}, '{separator}', '')"
    return column


# People of each room, pre-joined in SQL: the list must load 20,000 rooms in well under a
# second, so names, phones and search keys are concatenated by SQLite, not in Python.
# The sub-selects are ordered so that group_concat keeps co-owners in their order.
_PEOPLE_OF_ROOMS = """
    SELECT room_id, group_concat(name, '、'), group_concat(phone, '、'),
           group_concat({name_key} || char(31) || COALESCE(phone, '') || char(31)
                        || replace(pinyin, ' ', char(31)), char(31))
    FROM (SELECT {link}.room_id, p.name, p.phone, p.pinyin FROM {link}
          JOIN person p ON p.id = {link}.person_id {where} ORDER BY {link}.room_id, {order})
    GROUP BY room_id
"""
_LIST_ROOMS = f"""
    WITH owners (room_id, names, phones, search) AS ({_PEOPLE_OF_ROOMS.format(
        link="ownership", where="", order="ownership.position", name_key=_folded_sql("name"))}),
    tenants (room_id, names, phones, search) AS ({_PEOPLE_OF_ROOMS.format(
        link="resident", where="WHERE resident.role = 'tenant'", order="resident.id",
        name_key=_folded_sql("name"))})
    SELECT r.id, r.code, b.name, COALESCE(u.name, ''), r.number, r.area_centi, r.use, r.occupancy,
           r.hardship, r.elderly_alone, r.disabled,
           COALESCE(o.names, ''), COALESCE(o.phones, ''), COALESCE(t.names, ''), COALESCE(t.phones, ''),
           r.archived_at IS NOT NULL,
           lower(replace(r.code, '-', '') || char(31) || COALESCE(o.search, '')
                 || char(31) || COALESCE(t.search, ''))
    FROM room r
    JOIN building b ON b.id = r.building_id
    LEFT JOIN unit u ON u.id = r.unit_id
    LEFT JOIN owners o ON o.room_id = r.id
    LEFT JOIN tenants t ON t.room_id = r.id
    {{where}}
    ORDER BY CAST(b.name AS INTEGER), b.name, CAST(u.name AS INTEGER), u.name,
             CAST(r.number AS INTEGER), r.number
"""


def list_rooms(include_archived: bool = False) -> list[RoomRow]:
    """Every room for the households list, in natural room-code order."""
    where = "" if include_archived else "WHERE r.archived_at IS NULL"
    cursor = database_proxy.execute_sql(_LIST_ROOMS.format(where=where))
    return list(map(RoomRow._make, cursor))


def building_tree() -> list[tuple[str, list[str]]]:
    """Buildings with rooms in them, each with its units, in natural order."""
    tree: dict[str, set[str]] = {}
    for building, unit in database_proxy.execute_sql(
        "SELECT DISTINCT b.name, COALESCE(u.name, '') FROM room r"
        " JOIN building b ON b.id = r.building_id LEFT JOIN unit u ON u.id = r.unit_id"
        " WHERE r.archived_at IS NULL"
    ):
        units = tree.setdefault(building, set())
        if unit:
            units.add(unit)
    return [
        (building, sorted(units, key=natural_key))
        for building, units in sorted(tree.items(), key=lambda item: natural_key(item[0]))
    ]


@dataclass(frozen=True)
class PersonView:
    """A person as the detail panel shows them, with the other rooms they own."""

    id: int
    name: str
    phone: str | None
    id_number: str | None
    other_rooms: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResidentView(PersonView):
    """A resident in the detail panel."""

    role: ResidentRole = ResidentRole.TENANT
    lease_from: date | None = None
    lease_to: date | None = None


@dataclass(frozen=True)
class HistoryEntry:
    """One change of a room, for the history list."""

    at: str
    actor: str
    action: str
    entity: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class RoomDetail:
    """Everything known about one room: for the detail panel and the edit dialog."""

    id: int
    code: str
    building: str
    unit: str
    number: str
    area_centi: int
    use: RoomUse
    occupancy: Occupancy
    flags: frozenset[Flag]
    note: str
    archived_at: str | None
    created_at: str
    updated_at: str
    owners: tuple[PersonView, ...]
    residents: tuple[ResidentView, ...]
    parking: tuple[str, ...]

    def as_input(self) -> RoomInput:
        """The detail as an editable input, to prefill the edit dialog."""
        return RoomInput(
            building=self.building, unit=self.unit, number=self.number,
            area=f"{self.area_centi // 100}.{self.area_centi % 100:02d}", use=self.use,
            occupancy=self.occupancy, flags=self.flags, note=self.note,
            owners=[PersonInput(p.name, p.phone or "", p.id_number or "") for p in self.owners],
            residents=[
                ResidentInput(r.name, r.phone or "", r.id_number or "", r.role, r.lease_from, r.lease_to)
                for r in self.residents
            ],
            parking=list(self.parking),
        )


def _get_room(room_id: int) -> Room:
    room: Room | None = Room.get_or_none(Room.id == room_id)
    if room is None:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "room #{id} no longer exists"), id=room_id)
    return room


def room_detail(room_id: int) -> RoomDetail:
    """Load one room with its owners, residents and parking spaces."""
    room = _get_room(room_id)
    owners = []
    for ownership in (Ownership.select(Ownership, Person).join(Person)
                      .where(Ownership.room == room.id).order_by(Ownership.position)):
        person = ownership.person
        others = tuple(sorted(
            (o.room.code for o in Ownership.select(Ownership, Room).join(Room)
             .where((Ownership.person == person.id) & (Ownership.room != room.id))),
            key=natural_key,
        ))
        owners.append(PersonView(person.id, person.name, person.phone, person.id_number, others))
    residents = [
        ResidentView(
            r.person.id, r.person.name, r.person.phone, r.person.id_number, (),
            ResidentRole(r.role), r.lease_from, r.lease_to,
        )
        for r in (Resident.select(Resident, Person).join(Person)
                  .where(Resident.room == room.id).order_by(Resident.id))
    ]
    parking = tuple(sorted(
        (space.code for space in ParkingSpace.select().where(ParkingSpace.room == room.id)),
        key=natural_key,
    ))
    return RoomDetail(
        id=room.id, code=room.code, building=room.building.name,
        unit=room.unit.name if room.unit_id else "", number=room.number,
        area_centi=room.area_centi, use=RoomUse(room.use), occupancy=Occupancy(room.occupancy),
        flags=_flags_of(room), note=room.note, archived_at=room.archived_at,
        created_at=room.created_at, updated_at=room.updated_at,
        owners=tuple(owners), residents=tuple(residents), parking=parking,
    )


def room_history(room_id: int) -> list[HistoryEntry]:
    """The room's changes, newest first."""
    return [
        HistoryEntry(e.at, e.actor, e.action, e.entity, audit.load(e.before), audit.load(e.after))
        for e in audit.room_history(room_id)
    ]


def find_room_id(code: str) -> int | None:
    """The id of the room with this code, archived or not."""
    room: Room | None = Room.get_or_none(Room.code == code.strip())
    return room.id if room is not None else None


@dataclass(frozen=True)
class EstateCounts:
    """Totals for the status bar."""

    rooms: int
    owners: int
    residents: int


def estate_counts() -> EstateCounts:
    """How many rooms, owners and residents the estate has (archived rooms left out)."""
    rooms, owners, residents = database_proxy.execute_sql(
        "SELECT (SELECT COUNT(*) FROM room WHERE archived_at IS NULL),"
        " (SELECT COUNT(DISTINCT o.person_id) FROM ownership o JOIN room r ON r.id = o.room_id"
        "  WHERE r.archived_at IS NULL),"
        " (SELECT COUNT(*) FROM resident t JOIN room r ON r.id = t.room_id"
        "  WHERE r.archived_at IS NULL)"
    ).fetchone()
    return EstateCounts(rooms, owners, residents)


# ---------------------------------------------------------------- writing


def _flags_of(room: Room) -> frozenset[Flag]:
    return frozenset(
        flag for flag, on in ((Flag.HARDSHIP, room.hardship), (Flag.ELDERLY_ALONE, room.elderly_alone),
                              (Flag.DISABLED, room.disabled)) if on
    )


def snapshot(room_id: int) -> dict[str, Any]:
    """The room as the audit trail records it before and after a change."""
    detail = room_detail(room_id)
    return {
        "code": detail.code,
        "area": f"{detail.area_centi // 100}.{detail.area_centi % 100:02d}",
        "use": detail.use.value,
        "occupancy": detail.occupancy.value,
        "flags": sorted(flag.value for flag in detail.flags),
        "note": detail.note,
        "owners": [_person_snapshot(p) for p in detail.owners],
        "residents": [
            {**_person_snapshot(r), "role": r.role.value,
             "lease_from": r.lease_from.isoformat() if r.lease_from else None,
             "lease_to": r.lease_to.isoformat() if r.lease_to else None}
            for r in detail.residents
        ],
        "parking": list(detail.parking),
        "archived": detail.archived_at is not None,
    }


def _person_snapshot(person: PersonView) -> dict[str, Any]:
    return {"name": person.name, "phone": person.phone, "id_number": person.id_number}


def _building(name: str) -> Building:
    building: Building | None = Building.get_or_none(Building.name == name)
    return building if building is not None else Building.create(name=name)


def _unit(building: Building, name: str) -> Unit | None:
    if not name:
        return None
    unit: Unit | None = Unit.get_or_none((Unit.building == building.id) & (Unit.name == name))
    return unit if unit is not None else Unit.create(building=building, name=name)


def _resolve_person(person: CheckedPerson, room_id: int | None, linked: set[int]) -> Person:
    """Find the one record of a real person, or create it.

    An ID number identifies a person; without one, name and phone do; with neither, a
    person of that name already linked to this room is taken to be the same.
    """
    found: Person | None = None
    if person.id_number:
        found = Person.get_or_none(Person.id_number == person.id_number)
    if found is None and person.phone:
        candidates = Person.select().where((Person.name == person.name) & (Person.phone == person.phone))
        found = next((p for p in candidates if not person.id_number or not p.id_number), None)
    if found is None and not person.phone and not person.id_number and linked:
        found = (Person.select().where((Person.id.in_(list(linked))) & (Person.name == person.name))
                 .first())
    if found is None:
        found = Person.create(
            name=person.name, phone=person.phone, id_number=person.id_number,
            pinyin=pinyin_keys(person.name),
        )
        return found
    changes: dict[str, Any] = {}
    if found.name != person.name:
        changes["name"] = person.name
        changes["pinyin"] = pinyin_keys(person.name)
    if person.phone and found.phone != person.phone:
        changes["phone"] = person.phone
    if person.id_number and found.id_number != person.id_number:
        changes["id_number"] = person.id_number
    if changes:
        before = {"name": found.name, "phone": found.phone, "id_number": found.id_number}
        Person.update(changes).where(Person.id == found.id).execute()
        found = Person.get_by_id(found.id)
        audit.record(
            "update", "person", found.id, before=before,
            after={"name": found.name, "phone": found.phone, "id_number": found.id_number},
            room_id=room_id,
        )
    return found


def _linked_people(room_id: int) -> set[int]:
    owners = {o.person_id for o in Ownership.select(Ownership.person).where(Ownership.room == room_id)}
    residents = {r.person_id for r in Resident.select(Resident.person).where(Resident.room == room_id)}
    return owners | residents


def _resolve_people(
    people: tuple[CheckedPerson, ...], room_id: int, linked: set[int], prefix: str
) -> list[Person]:
    """Resolve each entry to its person record; two entries that are one person are refused."""
    resolved: list[Person] = []
    for i, person in enumerate(people):
        found = _resolve_person(person, room_id, linked)
        if any(other.id == found.id for other in resolved):
            # e.g. 王玥 without and with her ID number: only the file knows they are one person
            raise InputRejected([ValidationError(
                f"{prefix}[{i}].name", QT_TRANSLATE_NOOP("messages", "{name} is listed twice"),
                name=person.name,
            )])
        resolved.append(found)
    return resolved


def _write_people(room: Room, checked: CheckedRoom, replace_residents: bool = True) -> None:
    linked = _linked_people(room.id)
    owners = _resolve_people(checked.owners, room.id, linked, "owners")
    Ownership.delete().where(Ownership.room == room.id).execute()
    for position, person in enumerate(owners):
        Ownership.create(room=room.id, person=person.id, position=position)
    if replace_residents:
        residents = list(zip(_resolve_people(checked.residents, room.id, linked, "residents"),
                             checked.residents, strict=True))
        Resident.delete().where(Resident.room == room.id).execute()
        for person, resident in residents:
            Resident.create(
                room=room.id, person=person.id, role=resident.role.value,
                lease_from=resident.lease_from, lease_to=resident.lease_to,
            )
    _prune_people(linked)


def _prune_people(candidates: set[int]) -> None:
    """Delete people who no longer own or live anywhere: their data has no purpose left."""
    if not candidates:
        return
    ids = list(candidates)
    Person.delete().where(
        Person.id.in_(ids)
        & Person.id.not_in(Ownership.select(Ownership.person))
        & Person.id.not_in(Resident.select(Resident.person))
    ).execute()


def _write_parking(room: Room, codes: tuple[str, ...]) -> None:
    errors = []
    for code in codes:
        space: ParkingSpace | None = ParkingSpace.get_or_none(ParkingSpace.code == code)
        if space is not None and space.room_id not in (None, room.id):
            errors.append(ValidationError(
                "parking", QT_TRANSLATE_NOOP("messages", "parking space {space} belongs to room {room}"),
                space=code, room=space.room.code,
            ))
    if errors:
        raise InputRejected(errors)
    ParkingSpace.update(room=None).where(
        (ParkingSpace.room == room.id) & ParkingSpace.code.not_in(list(codes))
    ).execute()
    for code in codes:
        space = ParkingSpace.get_or_none(ParkingSpace.code == code)
        if space is None:
            ParkingSpace.create(code=code, room=room.id)
        elif space.room_id is None:
            ParkingSpace.update(room=room.id).where(ParkingSpace.id == space.id).execute()


def _duplicate_code(code: str, except_id: int | None) -> ValidationError | None:
    other: Room | None = Room.get_or_none(Room.code == code)
    if other is None or other.id == except_id:
        return None
    if other.archived_at is not None:
        return ValidationError(
            "number", QT_TRANSLATE_NOOP("messages", "room {code} exists in the archive; restore it instead"),
            code=code,
        )
    return ValidationError("number", QT_TRANSLATE_NOOP("messages", "room {code} already exists"), code=code)


def _apply_fields(room: Room, checked: CheckedRoom) -> None:
    building = _building(checked.building)
    unit = _unit(building, checked.unit)
    room.code = checked.code
    room.building = building
    room.unit = unit
    room.number = checked.number
    room.area_centi = checked.area_centi
    room.use = checked.use.value
    room.occupancy = checked.occupancy.value
    room.hardship = Flag.HARDSHIP in checked.flags
    room.elderly_alone = Flag.ELDERLY_ALONE in checked.flags
    room.disabled = Flag.DISABLED in checked.flags
    room.note = checked.note
    room.updated_at = audit.now_utc()


def write_new_room(checked: CheckedRoom) -> int:
    """Insert a checked room with its people (inside the caller's transaction)."""
    duplicate = _duplicate_code(checked.code, None)
    if duplicate:
        raise InputRejected([duplicate])
    now = audit.now_utc()
    room = Room(created_at=now)
    _apply_fields(room, checked)
    room.save(force_insert=True)
    _write_people(room, checked)
    _write_parking(room, checked.parking)
    audit.record("create", "room", room.id, after=snapshot(room.id), room_id=room.id, room_code=room.code)
    return int(room.id)


def write_room_update(room_id: int, checked: CheckedRoom, replace_residents: bool = True) -> bool:
    """Update a room with a checked input (inside the caller's transaction); True if it changed."""
    room = _get_room(room_id)
    duplicate = _duplicate_code(checked.code, room_id)
    if duplicate:
        raise InputRejected([duplicate])
    before = snapshot(room_id)
    old_building, old_unit = room.building_id, room.unit_id
    with database_proxy.atomic() as savepoint:
        _apply_fields(room, checked)
        room.save()
        _write_people(room, checked, replace_residents)
        _write_parking(room, checked.parking)
        after = snapshot(room_id)
        if before == after:
            # Nothing really changed: undo the rewrite so updated_at and the audit stay true.
            savepoint.rollback()
            return False
    audit.record("update", "room", room_id, before=before, after=after, room_id=room_id, room_code=room.code)
    _prune_places(old_building, old_unit)
    return True


def _prune_places(building_id: int, unit_id: int | None) -> None:
    """Drop a unit or building left without rooms, so the tree shows only real places."""
    if unit_id is not None and not Room.select().where(Room.unit == unit_id).exists():
        Unit.delete().where(Unit.id == unit_id).execute()
    if (not Room.select().where(Room.building == building_id).exists()
            and not Unit.select().where(Unit.building == building_id).exists()):
        Building.delete().where(Building.id == building_id).execute()


def create_room(data: RoomInput) -> int:
    """Add a room with its owners, residents and parking spaces; return its id."""
    checked = check_room(data)
    with database_proxy.atomic():
        return write_new_room(checked)


def update_room(room_id: int, data: RoomInput) -> bool:
    """Save an edited room; returns False when nothing had changed."""
    checked = check_room(data)
    with database_proxy.atomic():
        return write_room_update(room_id, checked)


def has_history(room_id: int) -> bool:
    """True when a room has been changed since it was created (so it must be kept)."""
    return any(entry.action != "create" for entry in audit.room_history(room_id))


def remove_room(room_id: int) -> str:
    """Delete a room entered by mistake, or archive one that has history.

    Returns ``"deleted"`` or ``"archived"``.
    """
    with database_proxy.atomic():
        room = _get_room(room_id)
        if room.archived_at is not None:
            raise InputRejected([ValidationError(
                "number", QT_TRANSLATE_NOOP("messages", "room {code} is already archived"), code=room.code,
            )])
        before = snapshot(room_id)
        if has_history(room_id):
            room.archived_at = audit.now_utc()
            room.save()
            audit.record("archive", "room", room_id, before=before, after=snapshot(room_id),
                         room_id=room_id, room_code=room.code)
            return "archived"
        linked = _linked_people(room_id)
        building_id, unit_id = room.building_id, room.unit_id
        ParkingSpace.update(room=None).where(ParkingSpace.room == room_id).execute()
        Room.delete().where(Room.id == room_id).execute()
        _prune_people(linked)
        _prune_places(building_id, unit_id)
        audit.record("delete", "room", room_id, before=before, room_id=room_id, room_code=room.code)
        return "deleted"


def unarchive_room(room_id: int) -> None:
    """Bring an archived room back into the list."""
    with database_proxy.atomic():
        room = _get_room(room_id)
        if room.archived_at is None:
            return
        before = snapshot(room_id)
        room.archived_at = None
        room.save()
        audit.record("unarchive", "room", room_id, before=before, after=snapshot(room_id),
                     room_id=room_id, room_code=room.code)
