"""Rooms, owners, residents and parking spaces (房屋与住户档案): checking, reading and writing them."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import replace
from enum import StrEnum
from typing import Any, TypeVar

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, Problems, ValidationError
from estatedesk.domain.households import (
    ROOM_CODE_SEPARATOR,
    Flag,
    Occupancy,
    ResidentRole,
    RoomUse,
    check_occupancy,
    compose_room_code,
    normalize_id_number,
    normalize_landline,
    parse_area,
    read_phone,
    room_code_parts,
    validate_code_part,
    validate_lease,
    validate_parking_code,
    validate_person_name,
    validate_room_code,
)
from estatedesk.domain.search import MIN_PHONE_DIGITS, is_digit_word, landline_matches, phone_matches
from estatedesk.domain.sorting import natural_key
from estatedesk.domain.text import check_text
from estatedesk.services.changes import Records, writing
from estatedesk.services.households.records import (
    CheckedPerson,
    CheckedResident,
    CheckedRoom,
    EstateCounts,
    HistoryEntry,
    PersonInput,
    RoomDetail,
    RoomInput,
    RoomRow,
    load_room,
    snapshot_of,
)
from estatedesk.services.households.writer import (
    Confirmed,
    RoomWriter,
    code_taken_error,
    listed_twice,
    prune_people,
    prune_places,
)
from estatedesk.store import audit
from estatedesk.store.sql import execute

# ---------------------------------------------------------------- input values

_E = TypeVar("_E", bound=StrEnum)
# The same words as the domain's parsers use, so a bad value reads alike from a dialog or a file.
_UNKNOWN_USE = QT_TRANSLATE_NOOP("messages", "unknown use '{value}' (residential, shop or garage)")
_UNKNOWN_STATE = QT_TRANSLATE_NOOP("messages", "unknown state '{value}' (self-occupied, rented or vacant)")
_UNKNOWN_FLAG = QT_TRANSLATE_NOOP(
    "messages", "unknown flag '{value}' (hardship, elderly alone, disabled, developer)"
)
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
    phone = id_number = landline = None
    if person.landline.strip():
        try:
            landline = normalize_landline(person.landline, f"{prefix}.landline")
        except ValidationError as error:
            errors.append(error)
    if person.phone.strip():
        # The phone field takes a landline too (a column headed 电话 holds either): it then goes
        # where it belongs, unless the landline field already holds another one.
        try:
            phone, other = read_phone(person.phone, f"{prefix}.phone")
        except ValidationError as error:
            errors.append(error)
        else:
            if other is not None and person.landline.strip() and other != landline:
                errors.append(
                    ValidationError(
                        f"{prefix}.phone",
                        QT_TRANSLATE_NOOP(
                            "messages", "'{value}' is a landline, and another landline is given"
                        ),
                        value=person.phone.strip(),
                    )
                )
            elif other is not None:
                landline = other
    if person.id_number.strip():
        try:
            id_number = normalize_id_number(person.id_number, f"{prefix}.id_number")
        except ValidationError as error:
            errors.append(error)
    return CheckedPerson(name, phone, id_number, landline=landline) if name else None


def check_room(data: RoomInput) -> CheckedRoom:
    """Check a room input and return it normalised, or raise ``InputRejected`` listing every error."""
    errors = Problems()
    attempt = errors.attempt
    # 3号楼, 2单元, 502室 (or 3-2-502 in the number alone) read as the import reads them: room 3-2-502.
    parts = room_code_parts(data.building, data.unit, data.number, errors)
    building = attempt(validate_code_part, parts[0], "building") or ""
    unit = attempt(validate_code_part, parts[1], "unit") or ""
    number = attempt(validate_code_part, parts[2], "number") or ""
    if not parts[0]:
        errors.append(ValidationError("building", QT_TRANSLATE_NOOP("messages", "the building is required")))
    code = ""
    if number:
        code = attempt(validate_room_code, compose_room_code(building, unit, number), "number") or ""
    elif not parts[2]:
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
                landline=checked.landline,
            )
        )
    _check_distinct(owners, "owners", errors)
    _check_distinct(residents, "residents", errors)
    if occupancy is not None:
        # A rented room without a tenant is a caution, asked when saving: the room as stored may
        # still have tenants the input leaves as they are (an import without a tenant column).
        tenants = sum(r is not None and r.role is ResidentRole.TENANT for r in residents)
        attempt(check_occupancy, occupancy, tenants)
    parking = tuple(dict.fromkeys(code.strip() for code in data.parking if code.strip()))
    for space in parking:
        attempt(validate_parking_code, space, "parking")
    refused = _invisible_characters(data)
    if errors or refused:
        # A field that holds a control character is told that alone: what else its checks say
        # follows from the character (a phone with NUL in it is no phone either).
        fields = {error.field for error in refused}
        raise InputRejected([*refused, *(error for error in errors if error.field not in fields)])
    assert use is not None and occupancy is not None and area is not None  # else errors were raised above
    return CheckedRoom(
        code=code,
        building=building,
        unit=unit,
        number=number,
        area_centi=area,
        use=use,
        occupancy=occupancy,
        flags=frozenset(flag for flag in flags if flag is not None),
        note=data.note.strip(),
        owners=tuple(p for p in owners if p),
        residents=tuple(r for r in residents if r),
        parking=parking,
    )


def _invisible_characters(data: RoomInput) -> Problems:
    """A problem for each text of ``data`` holding a control or invisible format character.

    The dialogs and the import refuse them first, naming the field by its label or column; this
    check is the one no caller can leave out (a script, a future dialog).
    """
    texts = [("building", data.building), ("unit", data.unit), ("number", data.number)]
    texts += [("area", str(data.area)), *(("parking", code) for code in data.parking)]
    for group, people in (("owners", data.owners), ("residents", data.residents)):
        for i, person in enumerate(people):
            for key in ("name", "phone", "id_number", "landline"):
                texts.append((f"{group}[{i}].{key}", getattr(person, key)))
    problems = Problems()
    fields: set[str] = set()
    for field, text in texts:
        if field not in fields and problems.attempt(check_text, text, field) is None:
            fields.add(field)
    problems.attempt(check_text, data.note, "note", True)
    return problems


def _check_distinct(people: list[Any], prefix: str, errors: list[ValidationError]) -> None:
    seen: set[tuple[str, str | None, str | None]] = set()
    id_numbers: set[str] = set()
    for i, person in enumerate(people):
        if person is None:  # already reported as bad
            continue
        key = (person.name, person.phone, person.id_number)
        if key in seen:
            errors.append(listed_twice(f"{prefix}[{i}].name", person.name))
        elif person.id_number in id_numbers:  # one ID number is one person, whatever the name says
            errors.append(listed_twice(f"{prefix}[{i}].id_number", person.name))
        seen.add(key)
        if person.id_number:
            id_numbers.add(person.id_number)


# ---------------------------------------------------------------- reading

# The people of each room are read from the room's summary columns, kept by
# ``refresh_room_summaries`` at every write: the list must load 20,000 rooms in about 100 ms.
_LIST_ROOMS = """
    SELECT r.id, r.code, b.name, COALESCE(u.name, ''), r.number, r.area_centi, r.use, r.occupancy,
           r.hardship, r.elderly_alone, r.disabled, r.developer,
           r.owners_text, r.owner_phones, r.tenants_text, r.tenant_phones,
           r.archived_at IS NOT NULL, r.search_text
    FROM room r
    JOIN building b ON b.id = r.building_id
    LEFT JOIN unit u ON u.id = r.unit_id
    {where}
    ORDER BY CAST(b.name AS INTEGER), b.name, CAST(u.name AS INTEGER), u.name,
             CAST(r.number AS INTEGER), r.number
"""


def list_rooms(include_archived: bool = False, limit: int | None = None) -> list[RoomRow]:
    """Every room for the households list (or the first ``limit``), in natural room-code order."""
    where = "" if include_archived else "WHERE r.archived_at IS NULL"
    sql = _LIST_ROOMS.format(where=where)
    cursor = execute(sql + " LIMIT ?", (limit,)) if limit else execute(sql)
    return list(map(RoomRow._make, cursor))


def room_finder(word: str) -> Callable[[RoomRow], bool]:
    """How the households list finds a room by one search word (folded as ``query_words`` folds it).

    Digits find a room by its code, or by a phone's first digits (4 or more) or its last 4, as
    lists show a phone (138****5678): never by its hidden middle alone; a landline likewise, from
    the start of the whole number or of the local number, or by its last 4 (``landline_matches``).
    Other words (names, pinyin, codes with letters) are looked for anywhere in the room's search text.
    """
    if not is_digit_word(word):
        return lambda row: word in row.search
    if len(word) < MIN_PHONE_DIGITS:  # too few digits for any phone: a keystroke scans codes only
        return lambda row: word in row.search and word in room_code_key(row)
    # The search text holds the code and every phone whole: a quick test before the exact rule.
    return lambda row: (
        word in row.search
        and (
            word in room_code_key(row)
            or phone_matches(word, row.owner_phones)
            or phone_matches(word, row.tenant_phones)
            or any(landline_matches(word, landline) for landline in _landlines(row.search))
        )
    )


def _landlines(search: str) -> list[str]:
    """The landlines in a room's search text (``store.summaries``), folded to their digits.

    The text is the folded code, then each person's name, mobile, landline and pinyin, all
    separated by U+001F. After the code, a piece of digits that does not start with 1 (as every
    mobile does) is a landline: 0 for an area code, 2-9 for a local number.
    """
    return [piece for piece in search.split("\x1f")[1:] if is_digit_word(piece) and piece[0] != "1"]


def room_code_key(row: RoomRow) -> str:
    """A room's code as a search word for it is folded (3-2-501 → 32501), for digits to find it in.

    Folding blurs codes (1-101 and 11-01 are both 1101): which room is the one typed is told by
    its real code (``typed_room_code``), never by this key.
    """
    return row.code.replace(ROOM_CODE_SEPARATOR, "").casefold()  # a room code holds no other separator


def building_tree(rows: Iterable[RoomRow] | None = None) -> list[tuple[str, list[str]]]:
    """Buildings with rooms in them, each with its units, in natural order.

    Given the rows ``list_rooms`` just returned, the tree is taken from them: the households
    tab has them anyway, and a second pass over the file would slow its first paint.
    """
    places: Iterable[tuple[str, str]]
    if rows is None:
        places = execute(
            "SELECT DISTINCT b.name, COALESCE(u.name, '') FROM room r"
            " JOIN building b ON b.id = r.building_id LEFT JOIN unit u ON u.id = r.unit_id"
            " WHERE r.archived_at IS NULL"
        )
    else:
        places = {(row.building, row.unit) for row in rows if not row.archived}
    tree: dict[str, set[str]] = {}
    for building, unit in places:
        units = tree.setdefault(building, set())
        if unit:
            units.add(unit)
    return [
        (building, sorted(units, key=natural_key))
        for building, units in sorted(tree.items(), key=lambda item: natural_key(item[0]))
    ]


def room_detail(room_id: int) -> RoomDetail:
    """Load one room with its owners (and the other rooms each owns), residents and parking spaces."""
    detail = load_room(room_id)
    others: dict[int, list[str]] = {}
    for person_id, code in execute(
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


# What the fee ledger records under a room (payments, voids, reductions) is the room's account,
# shown on the fee tab with its receipts, and its repair orders have their own history on the
# repair log: the households history is the file's changes only.
LEDGER_ENTITIES = frozenset({"receipt", "fee_reduction", "repair_order"})


def room_history(room_id: int) -> list[HistoryEntry]:
    """The room's changes to the households file, newest first."""
    return [
        HistoryEntry(e.at, e.actor, e.action, e.entity, audit.load(e.before), audit.load(e.after))
        for e in audit.room_history(room_id)
        if e.entity not in LEDGER_ENTITIES
    ]


def code_clash(code: str, room_id: int | None = None) -> ValidationError | None:
    """The error for ``code`` when a room other than ``room_id`` already has it (for live checks)."""
    row = execute("SELECT id, archived_at IS NOT NULL FROM room WHERE code = ?", (code.strip(),)).fetchone()
    if row is None or row[0] == room_id:
        return None
    return code_taken_error(code.strip(), bool(row[1]))


def find_room_id(code: str) -> int | None:
    """The id of the room with this code, archived or not."""
    row = execute("SELECT id FROM room WHERE code = ?", (code.strip(),)).fetchone()
    return int(row[0]) if row else None


def estate_counts() -> EstateCounts:
    """How many rooms, owners and residents the estate has (archived rooms left out)."""
    rooms, owners, residents = execute(
        "SELECT (SELECT COUNT(*) FROM room WHERE archived_at IS NULL),"
        " (SELECT COUNT(DISTINCT o.person_id) FROM ownership o JOIN room r ON r.id = o.room_id"
        "  WHERE r.archived_at IS NULL),"
        " (SELECT COUNT(*) FROM resident t JOIN room r ON r.id = t.room_id"
        "  WHERE r.archived_at IS NULL)"
    ).fetchone()
    return EstateCounts(rooms, owners, residents)


# ---------------------------------------------------------------- writing


def create_room(data: RoomInput, confirmed: Collection[str] = ()) -> int:
    """Add a room with its owners, residents and parking spaces; return its id.

    A room that needs the clerk's word (a new parking space, rented without a tenant) raises
    ``Unconfirmed`` unless ``confirmed`` holds the keys of its cautions.
    """
    checked = check_room(data)
    with writing(Records.ROOMS):
        return RoomWriter().create(checked, Confirmed(frozenset(confirmed)))


def update_room(room_id: int, data: RoomInput, confirmed: Collection[str] = ()) -> bool:
    """Save an edited room; returns False when nothing had changed. ``confirmed`` as for ``create_room``."""
    checked = check_room(data)
    with writing(Records.ROOMS):
        return RoomWriter().update(room_id, checked, confirmed=Confirmed(frozenset(confirmed)))


def has_history(room_id: int) -> bool:
    """True when the room has been changed since it was created, or the fee ledger or a repair order names it.

    Only the room's own rows count: a person updated while the room was created (an owner on
    file who came with a new phone) is recorded under the room's id too, and is no history of it.
    """
    row = execute(
        "SELECT EXISTS (SELECT 1 FROM audit_entry"
        " WHERE room_id = ? AND entity = 'room' AND action != 'create')"
        " OR EXISTS (SELECT 1 FROM ledger_entry WHERE room_id = ?)"  # billed or paid: kept for the ledger
        " OR EXISTS (SELECT 1 FROM repair_order WHERE reporter_room_id = ?)",  # its calls stay on file
        (room_id, room_id, room_id),
    ).fetchone()
    return bool(row[0])


def remove_room(room_id: int) -> str:
    """Delete a room entered by mistake, or archive one that has history.

    Returns ``"deleted"`` or ``"archived"``. No list summary needs a refresh: the people who
    go with a deleted room were in no other room, and archiving changes no one.
    """
    with writing(Records.ROOMS):
        room = load_room(room_id)
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
        building_id, unit_id = execute(
            "SELECT building_id, unit_id FROM room WHERE id = ?", (room_id,)
        ).fetchone()
        execute("UPDATE parking_space SET room_id = NULL WHERE room_id = ?", (room_id,))
        execute("DELETE FROM room WHERE id = ?", (room_id,))  # its links go with it (ON DELETE CASCADE)
        prune_people(person.id for person in (*room.owners, *room.residents))
        prune_places(building_id, unit_id)
        audit.record(
            "delete", "room", room_id, before=snapshot_of(room), room_id=room_id, room_code=room.code
        )
        return "deleted"


def unarchive_room(room_id: int) -> None:
    """Bring an archived room back into the list.

    Its summaries need no refresh: they were kept while it was archived, as every room's are.
    """
    with writing(Records.ROOMS):
        room = load_room(room_id)
        if room.archived_at is not None:
            _set_archived(room, None)


def _set_archived(room: RoomDetail, at: str | None) -> None:
    execute("UPDATE room SET archived_at = ? WHERE id = ?", (at, room.id))
    audit.record(
        "archive" if at else "unarchive",
        "room",
        room.id,
        before=snapshot_of(room),
        after=snapshot_of(replace(room, archived_at=at)),
        room_id=room.id,
        room_code=room.code,
    )
