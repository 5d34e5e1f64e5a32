"""Rooms, owners, residents and parking spaces: the households file (房屋与住户档案)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any, Literal, NamedTuple, TypeVar

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, NotFound, ValidationError
from estatedesk.domain.households import (
    Flag,
    Occupancy,
    ResidentRole,
    RoomUse,
    compose_room_code,
    format_area,
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
from estatedesk.store.models import database_proxy
from estatedesk.store.summaries import refresh_room_summaries

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


_E = TypeVar("_E", bound=StrEnum)
# The same words as the domain's parsers use, so a bad value reads alike from a dialog or a file.
_UNKNOWN_USE = QT_TRANSLATE_NOOP("messages", "unknown use '{value}' (residential, shop or garage)")
_UNKNOWN_STATE = QT_TRANSLATE_NOOP("messages", "unknown state '{value}' (self-occupied, rented or vacant)")
_UNKNOWN_FLAG = QT_TRANSLATE_NOOP("messages", "unknown flag '{value}' (hardship, elderly alone, disabled)")
_UNKNOWN_ROLE = QT_TRANSLATE_NOOP("messages", "unknown role '{value}' (family or tenant)")


def _choice(
    kind: type[_E], value: object, field: str, template: str, errors: list[ValidationError]
) -> _E | None:
    """``value`` as a member of ``kind``; a stray string is bad input, not a crash."""
    try:
        return kind(str(value))
    except ValueError:
        errors.append(ValidationError(field, template, value=str(value)))
        return None


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
    use = _choice(RoomUse, data.use, "use", _UNKNOWN_USE, errors)
    occupancy = _choice(Occupancy, data.occupancy, "occupancy", _UNKNOWN_STATE, errors)
    flags = frozenset(_choice(Flag, flag, "flags", _UNKNOWN_FLAG, errors) for flag in data.flags)
    owners = [_check_person(p, f"owners[{i}]", errors) for i, p in enumerate(data.owners)]
    residents: list[CheckedResident | None] = []  # None keeps the positions of bad entries
    for i, resident in enumerate(data.residents):
        checked = _check_person(resident, f"residents[{i}]", errors)
        role = _choice(ResidentRole, resident.role, f"residents[{i}].role", _UNKNOWN_ROLE, errors)
        attempt(validate_lease, resident.lease_from, resident.lease_to, f"residents[{i}].lease_to")
        residents.append(
            None
            if checked is None or role is None
            else CheckedResident(
                checked.name,
                checked.phone,
                checked.id_number,
                role,
                resident.lease_from,
                resident.lease_to,
            )
        )
    _check_distinct(owners, "owners", errors)
    _check_distinct(residents, "residents", errors)
    parking = tuple(dict.fromkeys(code.strip() for code in data.parking if code.strip()))
    for space in parking:
        attempt(validate_room_code, space, "parking")
    if errors:
        raise InputRejected(errors)
    assert use is not None and occupancy is not None  # else errors were raised above
    return CheckedRoom(
        code=code,
        building=building,
        unit=unit,
        number=number,
        area_centi=int(area),
        use=use,
        occupancy=occupancy,
        flags=frozenset(flag for flag in flags if flag is not None),
        note=data.note.strip(),
        owners=tuple(p for p in owners if p),
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
            errors.append(_listed_twice(f"{prefix}[{i}].name", person.name))
        elif person.id_number in id_numbers:  # one ID number is one person, whatever the name says
            errors.append(_listed_twice(f"{prefix}[{i}].id_number", person.name))
        seen.add(key)
        if person.id_number:
            id_numbers.add(person.id_number)


def _listed_twice(field: str, name: str) -> ValidationError:
    return ValidationError(field, QT_TRANSLATE_NOOP("messages", "{name} is listed twice"), name=name)


# ---------------------------------------------------------------- reading


class RoomRow(NamedTuple):
    """One line of the households list, with the text the search box matches against.

    A plain tuple because the list holds up to 20,000 of them and is rebuilt on every load;
    phones are kept whole here and masked by whoever shows them. ``owner_phones`` and
    ``tenant_phones`` hold one slot per name, joined by 、 like the names, an empty slot for
    someone without a phone, so that the n-th phone is the n-th person's.
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
            flag
            for flag, on in (
                (Flag.HARDSHIP, self.hardship),
                (Flag.ELDERLY_ALONE, self.elderly_alone),
                (Flag.DISABLED, self.disabled),
            )
            if on
        )


# The people of each room are read from the room's summary columns, kept by
# ``refresh_room_summaries`` at every write: the list must load 20,000 rooms in about 100 ms.
_LIST_ROOMS = """
    SELECT r.id, r.code, b.name, COALESCE(u.name, ''), r.number, r.area_centi, r.use, r.occupancy,
           r.hardship, r.elderly_alone, r.disabled,
           r.owners_text, r.owner_phones, r.tenants_text, r.tenant_phones,
           r.archived_at IS NOT NULL, r.search_text
    FROM room r
    JOIN building b ON b.id = r.building_id
    LEFT JOIN unit u ON u.id = r.unit_id
    {where}
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
            building=self.building,
            unit=self.unit,
            number=self.number,
            area=f"{self.area_centi // 100}.{self.area_centi % 100:02d}",
            use=self.use,
            occupancy=self.occupancy,
            flags=self.flags,
            note=self.note,
            owners=[PersonInput(p.name, p.phone or "", p.id_number or "") for p in self.owners],
            residents=[
                ResidentInput(r.name, r.phone or "", r.id_number or "", r.role, r.lease_from, r.lease_to)
                for r in self.residents
            ],
            parking=list(self.parking),
        )


# ---------------------------------------------------------------- loading rooms


_CHUNK = 500  # values per IN (...) list, well under SQLite's limit on bound variables
_T = TypeVar("_T")


def _chunks(items: Sequence[_T]) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _as_date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _flags(hardship: object, elderly_alone: object, disabled: object) -> frozenset[Flag]:
    return frozenset(
        flag
        for flag, on in (
            (Flag.HARDSHIP, hardship),
            (Flag.ELDERLY_ALONE, elderly_alone),
            (Flag.DISABLED, disabled),
        )
        if on
    )


def load_room_details(room_ids: Sequence[int]) -> dict[int, RoomDetail]:
    """Load rooms with their people and parking in four queries per 500 rooms (without ``other_rooms``)."""
    unique = list(dict.fromkeys(room_ids))
    rooms: dict[int, tuple[Any, ...]] = {}
    owners: dict[int, list[PersonView]] = {}
    residents: dict[int, list[ResidentView]] = {}
    parking: dict[int, list[str]] = {}
    for chunk in _chunks(unique):
        marks = ",".join("?" * len(chunk))
        for row in database_proxy.execute_sql(
            "SELECT r.id, r.code, b.name, COALESCE(u.name, ''), r.number, r.area_centi, r.use, r.occupancy,"
            " r.hardship, r.elderly_alone, r.disabled, r.note, r.archived_at, r.created_at, r.updated_at"
            " FROM room r JOIN building b ON b.id = r.building_id LEFT JOIN unit u ON u.id = r.unit_id"
            f" WHERE r.id IN ({marks})",
            tuple(chunk),
        ):
            rooms[row[0]] = row
        for room_id, person_id, name, phone, id_number in database_proxy.execute_sql(
            "SELECT o.room_id, p.id, p.name, p.phone, p.id_number FROM ownership o"
            f" JOIN person p ON p.id = o.person_id WHERE o.room_id IN ({marks})"
            " ORDER BY o.room_id, o.position",
            tuple(chunk),
        ):
            owners.setdefault(room_id, []).append(PersonView(person_id, name, phone, id_number))
        for room_id, person_id, name, phone, id_number, role, start, end in database_proxy.execute_sql(
            "SELECT t.room_id, p.id, p.name, p.phone, p.id_number, t.role, t.lease_from, t.lease_to"
            f" FROM resident t JOIN person p ON p.id = t.person_id WHERE t.room_id IN ({marks})"
            " ORDER BY t.room_id, t.id",
            tuple(chunk),
        ):
            residents.setdefault(room_id, []).append(
                ResidentView(
                    person_id,
                    name,
                    phone,
                    id_number,
                    (),
                    ResidentRole(role),
                    _as_date(start),
                    _as_date(end),
                )
            )
        for room_id, code in database_proxy.execute_sql(
            f"SELECT room_id, code FROM parking_space WHERE room_id IN ({marks})",
            tuple(chunk),
        ):
            parking.setdefault(room_id, []).append(code)
    details = {}
    for room_id, row in rooms.items():
        (
            _,
            code,
            building,
            unit,
            number,
            area,
            use,
            occupancy,
            hardship,
            elderly,
            disabled,
            note,
            archived_at,
            created_at,
            updated_at,
        ) = row
        details[room_id] = RoomDetail(
            id=room_id,
            code=code,
            building=building,
            unit=unit,
            number=number,
            area_centi=area,
            use=RoomUse(use),
            occupancy=Occupancy(occupancy),
            flags=_flags(hardship, elderly, disabled),
            note=note,
            archived_at=archived_at,
            created_at=created_at,
            updated_at=updated_at,
            owners=tuple(owners.get(room_id, ())),
            residents=tuple(residents.get(room_id, ())),
            parking=tuple(sorted(parking.get(room_id, ()), key=natural_key)),
        )
    return details


def _load_room(room_id: int) -> RoomDetail:
    detail = load_room_details([room_id]).get(room_id)
    if detail is None:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "room #{id} no longer exists"), id=room_id)
    return detail


def room_detail(room_id: int) -> RoomDetail:
    """Load one room with its owners (and the other rooms each owns), residents and parking spaces."""
    detail = _load_room(room_id)
    others: dict[int, list[str]] = {}
    for person_id, code in database_proxy.execute_sql(
        "SELECT o.person_id, r.code FROM ownership o JOIN room r ON r.id = o.room_id"
        " WHERE o.room_id != ? AND o.person_id IN (SELECT person_id FROM ownership WHERE room_id = ?)",
        (room_id, room_id),
    ):
        others.setdefault(person_id, []).append(code)
    owners = tuple(
        replace(owner, other_rooms=tuple(sorted(others.get(owner.id, ()), key=natural_key)))
        for owner in detail.owners
    )
    return replace(detail, owners=owners)


def room_history(room_id: int) -> list[HistoryEntry]:
    """The room's changes, newest first."""
    return [
        HistoryEntry(e.at, e.actor, e.action, e.entity, audit.load(e.before), audit.load(e.after))
        for e in audit.room_history(room_id)
    ]


def find_room_id(code: str) -> int | None:
    """The id of the room with this code, archived or not."""
    row = database_proxy.execute_sql("SELECT id FROM room WHERE code = ?", (code.strip(),)).fetchone()
    return int(row[0]) if row else None


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


def snapshot(room_id: int) -> dict[str, Any]:
    """The room as the audit trail records it before and after a change."""
    return _snapshot_of(_load_room(room_id))


def _snapshot_of(room: RoomDetail) -> dict[str, Any]:
    return {
        "code": room.code,
        "area": format_area(room.area_centi),
        "use": room.use.value,
        "occupancy": room.occupancy.value,
        "flags": sorted(flag.value for flag in room.flags),
        "note": room.note,
        "owners": [_person_snapshot(p) for p in room.owners],
        "residents": [
            {
                **_person_snapshot(r),
                "role": r.role.value,
                "lease_from": _iso(r.lease_from),
                "lease_to": _iso(r.lease_to),
            }
            for r in room.residents
        ],
        "parking": list(room.parking),
        "archived": room.archived_at is not None,
    }


def _person_snapshot(person: PersonView) -> dict[str, Any]:
    return {"name": person.name, "phone": person.phone, "id_number": person.id_number}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# ---------------------------------------------------------------- writing
#
# One writer for every way a room is saved: the room dialog (create_room, update_room) and the
# households import (one RoomWriter for the whole file, ``write_by_code`` per row). It speaks
# plain SQL, because a peewee query costs 0.5-0.9 ms of SQL generation here and an import
# writes thousands of rooms.


class Keep(StrEnum):
    """A part of a room that an input leaves unsaid, so that the writer keeps it as stored.

    The room dialog shows the whole room and keeps nothing. An import keeps what its file has
    no column for, and always the family members and parking spaces, which a file does not list.
    """

    USE = "use"
    OCCUPANCY = "occupancy"
    FLAGS = "flags"
    NOTE = "note"
    OWNERS = "owners"
    OWNER_PHONES = "owner_phones"  # an empty phone then means "not given", not "no phone"
    TENANTS = "tenants"
    TENANT_PHONES = "tenant_phones"
    FAMILY = "family"
    LEASE_FROM = "lease_from"
    LEASE_TO = "lease_to"
    PARKING = "parking"


Outcome = Literal["created", "updated", "unchanged"]
_PERSON = "SELECT id, name, phone, id_number FROM person"
_P = TypeVar("_P", bound=PersonView)


def _execute(sql: str, params: Sequence[Any] = ()) -> Any:
    """Run one statement on the open estate file; returns the cursor."""
    return database_proxy.execute_sql(sql, tuple(params))


def _insert(sql: str, params: Sequence[Any]) -> int:
    return int(_execute(sql, params).lastrowid)


class _PeopleIndex:
    """Finds people by ID number, or by name and phone.

    What ``prefetch`` loaded is answered from memory, and kept true with ``note`` and ``drop``
    as the writer adds, changes and deletes people; anything else is asked of the file.
    """

    def __init__(self) -> None:
        self.by_id_number: dict[str, PersonView | None] = {}
        self.by_name: dict[str, dict[int, PersonView]] = {}

    def prefetch(self, id_numbers: Iterable[str], names: Iterable[str]) -> None:
        """Load every person with one of these ID numbers or names."""
        for column, keys in (("id_number", sorted(set(id_numbers))), ("name", sorted(set(names)))):
            for chunk in _chunks(keys):
                rows = _execute(f"{_PERSON} WHERE {column} IN ({','.join('?' * len(chunk))})", chunk)
                people = [PersonView(*row) for row in rows]
                if column == "id_number":
                    self.by_id_number.update(dict.fromkeys(chunk))
                    self.by_id_number.update((p.id_number, p) for p in people if p.id_number)
                else:
                    self.by_name.update((name, {}) for name in chunk)
                    for person in people:
                        self.by_name[person.name][person.id] = person

    def with_id_number(self, id_number: str) -> PersonView | None:
        """The person with this ID number, if any."""
        if id_number in self.by_id_number:
            return self.by_id_number[id_number]
        row = _execute(f"{_PERSON} WHERE id_number = ?", (id_number,)).fetchone()
        return None if row is None else PersonView(*row)

    def with_name_phone(self, name: str, phone: str) -> list[PersonView]:
        """The people with this name and phone, oldest record first."""
        known = self.by_name.get(name)
        if known is not None:
            return sorted((p for p in known.values() if p.phone == phone), key=lambda p: p.id)
        rows = _execute(f"{_PERSON} WHERE name = ? AND phone = ? ORDER BY id", (name, phone))
        return [PersonView(*row) for row in rows]

    def note(self, person: PersonView) -> None:
        """Record a person as the writer has just added or changed them."""
        if person.id_number and person.id_number in self.by_id_number:
            self.by_id_number[person.id_number] = person
        if person.name in self.by_name:
            self.by_name[person.name][person.id] = person

    def drop(self, person: PersonView) -> None:
        """Forget a person as they were (before a change, or deleted)."""
        if person.id_number and person.id_number in self.by_id_number:
            self.by_id_number[person.id_number] = None
        self.by_name.get(person.name, {}).pop(person.id, None)

    def clear(self) -> None:
        """Forget everything: from now on the file is asked."""
        self.by_id_number.clear()
        self.by_name.clear()


class _People:
    """Who each person entry of one room save is: the identity rule, in one place.

    An entry is, in this order:

    1. the person with its ID number, when it has one the estate knows;
    2. else a person with the same name and phone (one already linked to this room first),
       unless both have ID numbers (then they would differ);
    3. else a person of that name already linked to THIS room, whatever the phone: the clerk
       corrected or gave a phone (an untaken one first, for namesakes in one room), unless
       both have ID numbers;
    4. else a new person.

    A found person takes the entry's name, phone and ID number, audited as a person update. An
    empty ID number never clears a known one: removing one is rare and deliberate, and is not
    done by leaving a cell empty. An empty phone clears the phone of someone already linked to
    this room when the input states phones (the dialog always shows them; an import does when
    its phone column is mapped); for anyone else it only means "not given".
    """

    def __init__(self, index: _PeopleIndex, room_id: int, linked: Iterable[PersonView]) -> None:
        self.index = index
        self.room_id = room_id
        self.linked = {person.id: person for person in linked}  # owners first, then residents
        self.current: dict[int, PersonView] = {}  # people this save changed, as they are now
        self.shown_changed: set[int] = set()  # people whose name or phone (shown in the list) changed
        self.wrote = False

    def now(self, person_id: int) -> PersonView:
        """A linked person as they are now."""
        return self.current.get(person_id) or self.linked[person_id]

    def resolve_all(
        self,
        entries: Sequence[tuple[int, CheckedPerson]],
        prefix: str,
        phones_said: bool,
        taken: Iterable[int] = (),
        prefer: Iterable[PersonView] = (),
    ) -> list[PersonView]:
        """Resolve numbered entries of one list; two that turn out to be one person are refused."""
        resolved: list[PersonView] = []
        seen = set(taken)
        preferred = [person.id for person in prefer]
        for index, entry in entries:
            person = self._resolve(entry, phones_said, seen, preferred)
            if person.id in seen:
                # e.g. 王玥 without and with her ID number: only the file knows they are one person
                raise InputRejected([_listed_twice(f"{prefix}[{index}].name", entry.name)])
            seen.add(person.id)
            resolved.append(person)
        return resolved

    def _resolve(
        self, entry: CheckedPerson, phones_said: bool, taken: set[int], preferred: list[int]
    ) -> PersonView:
        found = self._find(entry, taken, preferred)
        self.wrote = self.wrote or found is None
        if found is None:
            person_id = _insert(
                "INSERT INTO person (name, phone, id_number, pinyin) VALUES (?, ?, ?, ?)",
                (entry.name, entry.phone, entry.id_number, pinyin_keys(entry.name)),
            )
            person = PersonView(person_id, entry.name, entry.phone, entry.id_number)
            self.index.note(person)
            return person
        cleared = phones_said and found.id in self.linked
        after = PersonView(
            found.id,
            entry.name,
            entry.phone or (None if cleared else found.phone),
            entry.id_number or found.id_number,
        )
        if (after.name, after.phone, after.id_number) != (found.name, found.phone, found.id_number):
            self.wrote = True
            _execute(
                "UPDATE person SET name = ?, phone = ?, id_number = ?, pinyin = ? WHERE id = ?",
                (after.name, after.phone, after.id_number, pinyin_keys(after.name), after.id),
            )
            audit.record(
                "update",
                "person",
                after.id,
                before=_person_snapshot(found),
                after=_person_snapshot(after),
                room_id=self.room_id,
            )
            self.index.drop(found)
            self.index.note(after)
            self.current[after.id] = after
            if (after.name, after.phone) != (found.name, found.phone):
                self.shown_changed.add(after.id)
        return after

    def _find(self, entry: CheckedPerson, taken: set[int], preferred: list[int]) -> PersonView | None:
        if entry.id_number:
            found = self.index.with_id_number(entry.id_number)
            if found is not None:
                return found
        if entry.phone:
            candidates = [
                p
                for p in self.index.with_name_phone(entry.name, entry.phone)
                if not (entry.id_number and p.id_number)
            ]
            if candidates:
                return next((p for p in candidates if p.id in self.linked), candidates[0])
        if not self.linked:  # a new room: nobody to recognise by name alone
            return None
        namesakes = [
            person
            for person in map(self.now, dict.fromkeys([*preferred, *self.linked]))
            if person.name == entry.name and not (entry.id_number and person.id_number)
        ]
        return next((p for p in namesakes if p.id not in taken), namesakes[0] if namesakes else None)


class RoomWriter:
    """Saves rooms by the households rules: the room dialog and the import both write through it.

    Owners and residents are matched to the people on file by ID number, else by name and phone,
    else by name among the people of this room (``_People`` tells the whole rule); people left
    without any room are deleted; every change is audited with the room before and after.

    A dialog save uses a fresh writer, which asks the file only about its own room and people.
    An import uses one writer for the whole file and calls ``prefetch`` first, so that room
    codes, places, the stored rooms and the people the file names are read at once; the writer
    keeps what it holds true as it writes, and after a refused row it drops it all and asks the
    file again.

    Each save refreshes the list summaries of its room and of every room that shares a person
    whose name or phone it changed. With ``defer_summaries`` (an import) those rooms are
    collected and refreshed 500 at a time instead; the caller then calls ``refresh_summaries``
    once more before its transaction ends.
    """

    def __init__(self, defer_summaries: bool = False) -> None:
        self._index = _PeopleIndex()
        self._codes: dict[str, tuple[int, bool]] | None = None
        self._places: dict[tuple[str, str], tuple[int, int | None]] | None = None
        self._details: dict[int, RoomDetail] = {}
        self._changed: dict[int, PersonView] = {}  # people changed since ``_details`` was read
        self._defer = defer_summaries
        self._stale: set[int] = set()  # saved rooms whose summaries wait for ``refresh_summaries``

    def prefetch(self, rooms: Sequence[CheckedRoom]) -> None:
        """Read at once what writing these rooms will ask about (for an import)."""
        self._codes = {
            code: (room_id, bool(archived))
            for code, room_id, archived in _execute("SELECT code, id, archived_at IS NOT NULL FROM room")
        }
        self._places = {}
        for building, unit, building_id, unit_id in _execute(
            "SELECT b.name, u.name, b.id, u.id FROM building b LEFT JOIN unit u ON u.building_id = b.id"
        ):
            self._places[building, ""] = (building_id, None)
            if unit is not None:
                self._places[building, unit] = (building_id, unit_id)
        self._details = load_room_details([self._codes[r.code][0] for r in rooms if r.code in self._codes])
        people = [person for room in rooms for person in (*room.owners, *room.residents)]
        self._index.prefetch((p.id_number for p in people if p.id_number), (p.name for p in people))

    def create(self, checked: CheckedRoom) -> int:
        """Add a room with its people and parking; its code must be free."""
        found = self._room_with_code(checked.code)
        if found is not None:
            raise _code_taken(checked.code, found[1])
        return self._save(checked, None)[0]

    def update(self, room_id: int, checked: CheckedRoom, keep: Iterable[Keep] = ()) -> bool:
        """Change a room to ``checked``, keeping what ``keep`` names; True if anything changed."""
        before = self._load(room_id)
        found = self._room_with_code(checked.code)
        if found is not None and found[0] != room_id:
            raise _code_taken(checked.code, found[1])
        return self._save(checked, before, keep)[1]

    def write_by_code(self, checked: CheckedRoom, keep: Iterable[Keep] = ()) -> Outcome:
        """Add the room, or update the one with its code keeping what ``keep`` names: an import row."""
        found = self._room_with_code(checked.code)
        if found is None:
            self._save(checked, None)
            return "created"
        room_id, archived = found
        if archived:
            raise _code_taken(checked.code, archived)
        return "updated" if self._save(checked, self._load(room_id), keep)[1] else "unchanged"

    def _save(
        self, checked: CheckedRoom, before: RoomDetail | None, keep: Iterable[Keep] = ()
    ) -> tuple[int, bool]:
        """Write a new room (``before`` None) or a change to a stored one; (id, whether it changed).

        Runs in a savepoint of its own, so a refusal anywhere (a person listed twice, a parking
        space taken) leaves nothing behind. A change that changes nothing is not written at all:
        no audit row, and ``updated_at`` stays true.
        """
        kept = frozenset(keep) if before is not None else frozenset()
        try:
            with database_proxy.atomic() as savepoint:
                fields = _target(checked, before, kept)
                room_id = before.id if before is not None else self._insert_room(fields)
                people = _People(
                    self._index, room_id, (*before.owners, *before.residents) if before is not None else ()
                )
                if before is not None and Keep.OWNERS in kept:
                    owners: Sequence[PersonView] = before.owners
                else:
                    owners = people.resolve_all(
                        list(enumerate(checked.owners)),
                        "owners",
                        Keep.OWNER_PHONES not in kept,
                        prefer=before.owners if before is not None else (),
                    )
                after = RoomDetail(
                    id=room_id,
                    **fields,
                    owners=tuple(owners),
                    residents=tuple(_resolve_residents(people, checked, before, kept)),
                )
                if before is not None and _snapshot_of(after) == _snapshot_of(before):
                    if people.wrote:  # cannot be while nothing changed; if ever, leave no trace
                        savepoint.rollback()
                        self._forget()
                    return room_id, False
                self._changed.update(people.current)
                self._write_room(after, before)
                _write_people_links(after, before)
                _write_parking(room_id, before.parking if before is not None else (), after.parking)
                gone = set(people.linked) - {person.id for person in (*after.owners, *after.residents)}
                for person_id in _prune_people(gone):
                    self._index.drop(people.now(person_id))
                audit.record(
                    "update" if before is not None else "create",
                    "room",
                    room_id,
                    before=_snapshot_of(before) if before is not None else None,
                    after=_snapshot_of(after),
                    room_id=room_id,
                    room_code=after.code,
                )
                touched = _rooms_showing(room_id, people.shown_changed)
                if not self._defer:
                    refresh_room_summaries(touched)
        except BaseException:
            self._forget()  # rooms already in ``_stale`` stay: their saves were not undone
            raise
        if self._defer:
            # Only after the savepoint is released: refreshing inside it would let a later
            # refusal of this row roll back the refresh of the rooms saved before it.
            self._stale.update(touched)
            if len(self._stale) >= _CHUNK:
                self.refresh_summaries()
        return room_id, True

    def refresh_summaries(self) -> None:
        """Refresh the list summaries of the rooms saved since the last refresh (when deferred)."""
        refresh_room_summaries(sorted(self._stale))
        self._stale.clear()

    def _forget(self) -> None:
        """Drop what the writer holds: after a rollback it may no longer be true."""
        self._index.clear()
        self._codes = self._places = None
        self._details.clear()
        self._changed.clear()

    def _load(self, room_id: int) -> RoomDetail:
        detail = self._details.pop(room_id, None)
        if detail is None:
            return _load_room(room_id)
        if self._changed.keys().isdisjoint(p.id for p in (*detail.owners, *detail.residents)):
            return detail
        # Read before this import changed people it shares with other rooms: bring them up to date.
        return replace(
            detail,
            owners=tuple(map(self._fresh, detail.owners)),
            residents=tuple(map(self._fresh, detail.residents)),
        )

    def _fresh(self, person: _P) -> _P:
        now = self._changed.get(person.id)
        return (
            person
            if now is None
            else replace(person, name=now.name, phone=now.phone, id_number=now.id_number)
        )

    def _room_with_code(self, code: str) -> tuple[int, bool] | None:
        """(id, archived) of the room that has this code, if any."""
        if self._codes is not None:
            return self._codes.get(code)
        row = _execute("SELECT id, archived_at IS NOT NULL FROM room WHERE code = ?", (code,)).fetchone()
        return None if row is None else (int(row[0]), bool(row[1]))

    def _place_ids(self, building: str, unit: str) -> tuple[int, int | None]:
        """The ids of a building and its unit (None for a room without units), made when new."""
        if self._places is not None and (building, unit) in self._places:
            return self._places[building, unit]
        row = _execute(
            "SELECT b.id, u.id FROM building b"
            " LEFT JOIN unit u ON u.building_id = b.id AND u.name = ? WHERE b.name = ?",
            (unit, building),
        ).fetchone()
        building_id = row[0] if row else _insert("INSERT INTO building (name) VALUES (?)", (building,))
        unit_id = None
        if unit:
            unit_id = (
                row[1]
                if row and row[1] is not None
                else _insert("INSERT INTO unit (building_id, name) VALUES (?, ?)", (building_id, unit))
            )
        if self._places is not None:
            self._places[building, unit] = (building_id, unit_id)
        return building_id, unit_id

    def _insert_room(self, fields: dict[str, Any]) -> int:
        building_id, unit_id = self._place_ids(fields["building"], fields["unit"])
        room_id = _insert(
            "INSERT INTO room (code, building_id, unit_id, number, area_centi, use, occupancy, hardship,"
            " elderly_alone, disabled, note, updated_at, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                fields["code"],
                building_id,
                unit_id,
                fields["number"],
                *_room_values(fields),
                fields["created_at"],
            ),
        )
        if self._codes is not None:
            self._codes[fields["code"]] = (room_id, False)
        return room_id

    def _write_room(self, after: RoomDetail, before: RoomDetail | None) -> None:
        """Write the room's own fields, moving it (and dropping emptied places) when its code changed."""
        if before is None:
            return  # inserted before its people, who are audited with its id
        _execute(
            "UPDATE room SET area_centi = ?, use = ?, occupancy = ?, hardship = ?, elderly_alone = ?,"
            " disabled = ?, note = ?, updated_at = ? WHERE id = ?",
            (*_room_values(vars(after)), after.id),
        )
        if after.code == before.code:
            return
        left = _execute("SELECT building_id, unit_id FROM room WHERE id = ?", (after.id,)).fetchone()
        building_id, unit_id = self._place_ids(after.building, after.unit)
        _execute(
            "UPDATE room SET code = ?, building_id = ?, unit_id = ?, number = ? WHERE id = ?",
            (after.code, building_id, unit_id, after.number, after.id),
        )
        _prune_places(left[0], left[1])
        self._places = None  # the pruned places may be in it
        if self._codes is not None:
            self._codes.pop(before.code, None)
            self._codes[after.code] = (after.id, after.archived_at is not None)


def _target(checked: CheckedRoom, before: RoomDetail | None, keep: frozenset[Keep]) -> dict[str, Any]:
    """The room's own fields after the write, as ``RoomDetail`` arguments (people come apart)."""
    now = audit.now_utc()
    fields: dict[str, Any] = {
        "code": checked.code,
        "building": checked.building,
        "unit": checked.unit,
        "number": checked.number,
        "area_centi": checked.area_centi,
        "use": checked.use,
        "occupancy": checked.occupancy,
        "flags": checked.flags,
        "note": checked.note,
        "archived_at": None,
        "created_at": now,
        "updated_at": now,
        "parking": tuple(sorted(checked.parking, key=natural_key)),
    }
    if before is not None:
        fields.update(archived_at=before.archived_at, created_at=before.created_at)
        fields.update(
            {
                part.value: getattr(before, part.value)
                for part in (Keep.USE, Keep.OCCUPANCY, Keep.FLAGS, Keep.NOTE, Keep.PARKING)
                if part in keep
            }
        )
    return fields


def _resolve_residents(
    people: _People, checked: CheckedRoom, before: RoomDetail | None, keep: frozenset[Keep]
) -> list[ResidentView]:
    """The residents after the write: the input's, around the ones of kept roles."""
    old = before.residents if before is not None else ()
    if not old and not checked.residents:
        return []
    kept_roles = {
        role
        for role, part in ((ResidentRole.TENANT, Keep.TENANTS), (ResidentRole.FAMILY, Keep.FAMILY))
        if part in keep
    }
    kept = [r for r in old if r.role in kept_roles]
    given = [(i, r) for i, r in enumerate(checked.residents) if r.role not in kept_roles]
    persons = people.resolve_all(
        given, "residents", Keep.TENANT_PHONES not in keep, taken=[r.id for r in kept], prefer=old
    )
    leases = {r.id: (r.lease_from, r.lease_to) for r in old if r.role is ResidentRole.TENANT}
    new = [
        ResidentView(
            person.id,
            person.name,
            person.phone,
            person.id_number,
            (),
            resident.role,
            leases.get(person.id, (None, None))[0] if Keep.LEASE_FROM in keep else resident.lease_from,
            leases.get(person.id, (None, None))[1] if Keep.LEASE_TO in keep else resident.lease_to,
        )
        for (_, resident), person in zip(given, persons, strict=True)
    ]
    if not kept_roles:
        return new
    # The input's residents take the place of the first one they replace; kept ones stay put.
    merged: list[ResidentView] = []
    for resident in old:
        if resident.role in kept_roles:
            merged.append(resident)
        elif new:
            merged.extend(new)
            new = []
    return merged + new


def _room_values(fields: dict[str, Any]) -> tuple[Any, ...]:
    flags = fields["flags"]
    return (
        fields["area_centi"],
        fields["use"].value,
        fields["occupancy"].value,
        Flag.HARDSHIP in flags,
        Flag.ELDERLY_ALONE in flags,
        Flag.DISABLED in flags,
        fields["note"],
        fields["updated_at"],
    )


def _rooms_showing(room_id: int, people: Iterable[int]) -> list[int]:
    """The room, and every room that lists one of ``people`` (whose shown name or phone changed)."""
    rooms = {room_id}
    for chunk in _chunks(sorted(people)):
        marks = ",".join("?" * len(chunk))
        rooms.update(
            row[0]
            for row in _execute(
                f"SELECT room_id FROM ownership WHERE person_id IN ({marks})"
                f" UNION SELECT room_id FROM resident WHERE person_id IN ({marks})",
                (*chunk, *chunk),
            )
        )
    return sorted(rooms)


def _write_people_links(after: RoomDetail, before: RoomDetail | None) -> None:
    """Link the room's owners (in order) and residents, where they differ from what is stored."""
    owners = [person.id for person in after.owners]
    if before is None or owners != [person.id for person in before.owners]:
        _write_owners(after.id, owners, before is not None)
    residents = [(r.id, r.role, r.lease_from, r.lease_to) for r in after.residents]
    if before is None or residents != [(r.id, r.role, r.lease_from, r.lease_to) for r in before.residents]:
        _write_residents(after.id, after.residents, before is not None)


def _write_owners(room_id: int, owners: Sequence[int], replacing: bool) -> None:
    if replacing:
        _execute("DELETE FROM ownership WHERE room_id = ?", (room_id,))
    for position, person_id in enumerate(owners):
        _execute(
            "INSERT INTO ownership (room_id, person_id, position) VALUES (?, ?, ?)",
            (room_id, person_id, position),
        )


def _write_residents(room_id: int, residents: Sequence[ResidentView], replacing: bool) -> None:
    if replacing:
        _execute("DELETE FROM resident WHERE room_id = ?", (room_id,))
    for r in residents:
        _execute(
            "INSERT INTO resident (room_id, person_id, role, lease_from, lease_to) VALUES (?, ?, ?, ?, ?)",
            (room_id, r.id, r.role.value, _iso(r.lease_from), _iso(r.lease_to)),
        )


def _write_parking(room_id: int, old: Sequence[str], new: Sequence[str]) -> None:
    """Give the room exactly the parking spaces ``new``: freed ones stay on file, unheld."""
    added = [code for code in new if code not in old]
    if added:
        marks = ",".join("?" * len(added))
        held = dict(
            _execute(
                "SELECT p.code, r.code FROM parking_space p JOIN room r ON r.id = p.room_id"
                f" WHERE p.room_id != ? AND p.code IN ({marks})",
                (room_id, *added),
            ).fetchall()
        )
        errors = [
            ValidationError(
                "parking",
                QT_TRANSLATE_NOOP("messages", "parking space {space} belongs to room {room}"),
                space=code,
                room=held[code],
            )
            for code in added
            if code in held
        ]
        if errors:
            raise InputRejected(errors)
    removed = [code for code in old if code not in new]
    if removed:
        marks = ",".join("?" * len(removed))
        _execute(
            f"UPDATE parking_space SET room_id = NULL WHERE room_id = ? AND code IN ({marks})",
            (room_id, *removed),
        )
    for code in added:
        _execute(
            "INSERT INTO parking_space (code, room_id) VALUES (?, ?)"
            " ON CONFLICT (code) DO UPDATE SET room_id = excluded.room_id",
            (code, room_id),
        )


def _prune_people(candidates: Iterable[int]) -> list[int]:
    """Delete people who no longer own or live anywhere (their data has no purpose left); their ids."""
    ids = sorted(candidates)
    if not ids:
        return []
    return [
        row[0]
        for row in _execute(
            f"DELETE FROM person WHERE id IN ({','.join('?' * len(ids))})"
            " AND NOT EXISTS (SELECT 1 FROM ownership WHERE person_id = person.id)"
            " AND NOT EXISTS (SELECT 1 FROM resident WHERE person_id = person.id) RETURNING id",
            ids,
        ).fetchall()
    ]


def _prune_places(building_id: int, unit_id: int | None) -> None:
    """Drop a unit or building left without rooms, so the tree shows only real places."""
    if unit_id is not None:
        _execute(
            "DELETE FROM unit WHERE id = ?"
            " AND NOT EXISTS (SELECT 1 FROM room WHERE building_id = ? AND unit_id = ?)",
            (unit_id, building_id, unit_id),
        )
    _execute(
        "DELETE FROM building WHERE id = ? AND NOT EXISTS (SELECT 1 FROM room WHERE building_id = ?)"
        " AND NOT EXISTS (SELECT 1 FROM unit WHERE building_id = ?)",
        (building_id, building_id, building_id),
    )


def _code_taken(code: str, archived: bool) -> InputRejected:
    if archived:
        return InputRejected(
            [
                ValidationError(
                    "number",
                    QT_TRANSLATE_NOOP("messages", "room {code} exists in the archive; restore it instead"),
                    code=code,
                )
            ]
        )
    return InputRejected(
        [
            ValidationError(
                "number",
                QT_TRANSLATE_NOOP("messages", "room {code} already exists"),
                code=code,
            )
        ]
    )


def create_room(data: RoomInput) -> int:
    """Add a room with its owners, residents and parking spaces; return its id."""
    checked = check_room(data)
    with database_proxy.atomic():
        return RoomWriter().create(checked)


def update_room(room_id: int, data: RoomInput) -> bool:
    """Save an edited room; returns False when nothing had changed."""
    checked = check_room(data)
    with database_proxy.atomic():
        return RoomWriter().update(room_id, checked)


def has_history(room_id: int) -> bool:
    """True when the room itself has been changed since it was created (so it must be kept).

    Only the room's own rows count: a person updated while the room was created (an owner on
    file who came with a new phone) is recorded under the room's id too, and is no history of it.
    """
    row = _execute(
        "SELECT EXISTS (SELECT 1 FROM audit_entry"
        " WHERE room_id = ? AND entity = 'room' AND action != 'create')",
        (room_id,),
    ).fetchone()
    return bool(row[0])


def remove_room(room_id: int) -> str:
    """Delete a room entered by mistake, or archive one that has history.

    Returns ``"deleted"`` or ``"archived"``. No list summary needs a refresh: the people who
    go with a deleted room were in no other room, and archiving changes no one.
    """
    with database_proxy.atomic():
        room = _load_room(room_id)
        if room.archived_at is not None:
            raise InputRejected(
                [
                    ValidationError(
                        "number",
                        QT_TRANSLATE_NOOP("messages", "room {code} is already archived"),
                        code=room.code,
                    )
                ]
            )
        if has_history(room_id):
            _set_archived(room, audit.now_utc())
            return "archived"
        building_id, unit_id = _execute(
            "SELECT building_id, unit_id FROM room WHERE id = ?", (room_id,)
        ).fetchone()
        _execute("UPDATE parking_space SET room_id = NULL WHERE room_id = ?", (room_id,))
        _execute("DELETE FROM room WHERE id = ?", (room_id,))  # its links go with it (ON DELETE CASCADE)
        _prune_people(person.id for person in (*room.owners, *room.residents))
        _prune_places(building_id, unit_id)
        audit.record(
            "delete", "room", room_id, before=_snapshot_of(room), room_id=room_id, room_code=room.code
        )
        return "deleted"


def unarchive_room(room_id: int) -> None:
    """Bring an archived room back into the list.

    Its summaries need no refresh: they were kept while it was archived, as every room's are.
    """
    with database_proxy.atomic():
        room = _load_room(room_id)
        if room.archived_at is not None:
            _set_archived(room, None)


def _set_archived(room: RoomDetail, at: str | None) -> None:
    _execute("UPDATE room SET archived_at = ? WHERE id = ?", (at, room.id))
    audit.record(
        "archive" if at else "unarchive",
        "room",
        room.id,
        before=_snapshot_of(room),
        after=_snapshot_of(replace(room, archived_at=at)),
        room_id=room.id,
        room_code=room.code,
    )
