"""The one writer of rooms and their people: apart from the service API, as the import saves through it."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Literal, NamedTuple, TypeVar

from estatedesk.domain.errors import (
    QT_TRANSLATE_NOOP,
    Caution,
    InputRejected,
    ValidationError,
    require_confirmed,
)
from estatedesk.domain.households import (
    Flag,
    ResidentRole,
    check_occupancy,
    mask_id_number,
    mask_landline,
    mask_phone,
)
from estatedesk.domain.search import pinyin_keys
from estatedesk.domain.sorting import natural_key
from estatedesk.services.households.records import (
    CheckedPerson,
    CheckedRoom,
    PersonView,
    ResidentView,
    RoomDetail,
    load_room,
    load_room_details,
    person_snapshot,
    room_codes,
    snapshot_of,
)
from estatedesk.store import audit
from estatedesk.store.sql import (
    CHUNK,
    IntegrityError,
    chunks,
    execute,
    insert,
    iso_date,
    placeholders,
    transaction,
)
from estatedesk.store.summaries import refresh_room_summaries

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
    OWNER_LANDLINES = "owner_landlines"  # likewise for landlines
    TENANTS = "tenants"
    TENANT_PHONES = "tenant_phones"
    TENANT_LANDLINES = "tenant_landlines"
    FAMILY = "family"
    LEASE_FROM = "lease_from"
    LEASE_TO = "lease_to"
    PARKING = "parking"


Outcome = Literal["created", "updated", "unchanged"]
_PERSON = "SELECT id, name, phone, id_number, landline FROM person"
_P = TypeVar("_P", bound=PersonView)
# Which numbers of a person an input states: (mobiles, landlines). Where it does, an empty one
# clears the number of someone already in the room; elsewhere it means "not given".
Said = tuple[bool, bool]


def _person(row: Sequence[Any]) -> PersonView:
    """A person from a row of ``_PERSON``."""
    person_id, name, phone, id_number, landline = row
    return PersonView(person_id, name, phone, id_number, landline=landline)


# ---------------------------------------------------------------- what a save needs confirmed

# What a save may take away from a room: the kinds are the words an import's preview and its
# --json use. A person's phone or landline emptied is one: the number is gone for good.
REMOVED_OWNER, REMOVED_TENANT, REMOVED_PARKING = "owner", "tenant", "parking_space"
REMOVED_PHONE, REMOVED_LANDLINE = "phone", "landline"
NEW_PARKING = "new_parking:{code}"  # the key of the caution for a parking space not on file yet
# The key of the caution for a person changed in other rooms too: a digest of who they were and
# become, not their id, which a preview does not know yet for someone an earlier row adds.
PERSON_CHANGE = "person:{digest}"
_ROOMS_NAMED = 10  # a caution names this many other rooms, then tells how many more


class Removal(NamedTuple):
    """Something a save takes away from a room, and the input it is read from.

    ``value`` says which one (a name, a parking space, a masked number), ``of`` whose it is (the
    person whose number goes), ``field`` the input as ``check_room`` names it (``owners``,
    ``residents[0].phone``).
    """

    what: str
    value: str
    of: str = ""
    field: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """What an import's confirmation names: the same removal worked out again has the same key."""
        return self.what, self.value, self.of


@dataclass(frozen=True)
class Confirmed:
    """What the clerk has confirmed for one save.

    ``cautions`` holds the keys of the cautions confirmed. ``removals`` is None where the clerk
    makes every removal by hand (the room dialog); an import lists the owners, tenants, parking
    spaces and numbers each row removes (by ``Removal.key``), and a row may then remove those and
    nothing else.
    """

    cautions: frozenset[str] = frozenset()
    removals: frozenset[tuple[str, str, str]] | None = None


@dataclass(frozen=True)
class Consequences:
    """What saving a room would do that the clerk must know of: refusals, cautions, removals."""

    errors: tuple[ValidationError, ...] = ()
    cautions: tuple[Caution, ...] = ()
    removals: tuple[Removal, ...] = ()


@dataclass(frozen=True)
class PersonChange:
    """A person a save changes who is in other rooms too: as stored, as saved, and those rooms' codes.

    One person is one record, however many rooms list them: a new name or number given in one
    room is what every other room shows too, so the clerk confirms it (``person_cautions``).
    """

    before: PersonView
    after: PersonView
    rooms: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    """What saving one room would do, worked out without writing (``RoomWriter.plan``).

    ``before`` is the room as stored (None: a new room), ``after`` as the save would leave it,
    ``people`` the people it changes who are in other rooms too; ``found`` is what needs a word,
    as ``plan_import`` works it out for the whole file.
    """

    before: RoomDetail | None
    after: RoomDetail
    changes: bool  # False: the room would stay as it is (not written, and nothing to ask)
    people: tuple[PersonChange, ...] = ()
    found: Consequences = field(default_factory=Consequences)


def new_parking_caution(code: str) -> Caution:
    """The caution for a parking space the estate has no record of: it is made when confirmed."""
    return Caution(
        NEW_PARKING.format(code=code),
        "parking",
        QT_TRANSLATE_NOOP("messages", "parking space {space} is not on file yet: it will be added"),
        space=code,
    )


def consequences(
    before: RoomDetail | None,
    after: RoomDetail,
    holders: Mapping[str, str | None],
    people: Sequence[PersonChange] = (),
) -> Consequences:
    """What saving ``after`` over ``before`` (None: a new room) would do that needs a word.

    ``holders`` gives, for each parking space on file that the room takes on, the code of the
    room that holds it (None: a free space); a code it does not have is a new parking space.
    ``people`` are the people the save changes who are in other rooms too (a caution each).
    The room dialog and the import both ask this, the import before it writes anything.
    """
    errors: list[ValidationError] = []
    cautions: list[Caution] = []
    tenants = [r for r in after.residents if r.role is ResidentRole.TENANT]
    try:
        caution = check_occupancy(after.occupancy, len(tenants))
    except ValidationError as error:
        errors.append(error)
    else:
        if caution is not None:
            cautions.append(caution)
    held = before.parking if before is not None else ()
    for code in after.parking:
        if code in held:
            continue
        if code not in holders:
            cautions.append(new_parking_caution(code))
        elif holders[code] is not None:
            errors.append(
                ValidationError(
                    "parking",
                    QT_TRANSLATE_NOOP("messages", "parking space {space} belongs to room {room}"),
                    space=code,
                    room=holders[code],
                )
            )
    cautions += person_cautions(after, people)
    removals: list[Removal] = []
    if before is not None:
        owners = {person.id for person in after.owners}
        tenant_ids = {person.id for person in tenants}
        removals += [
            Removal(REMOVED_OWNER, p.name, field="owners") for p in before.owners if p.id not in owners
        ]
        removals += [
            Removal(REMOVED_TENANT, r.name, field="residents")
            for r in before.residents
            if r.role is ResidentRole.TENANT and r.id not in tenant_ids
        ]
        removals += [
            Removal(REMOVED_PARKING, code, field="parking")
            for code in before.parking
            if code not in after.parking
        ]
        removals += _numbers_removed(before, after)
    return Consequences(tuple(errors), tuple(cautions), tuple(removals))


def _numbers_removed(before: RoomDetail, after: RoomDetail) -> list[Removal]:
    """The stored phones and landlines of the room's people that the save empties (masked)."""
    stored = {person.id: person for person in (*before.owners, *before.residents)}
    removals: dict[tuple[str, str, str], Removal] = {}  # a person listed twice loses a number once
    for prefix, person, index in _positions(after):
        old = stored.get(person.id)
        if old is None:
            continue
        for what, number, now, mask in (
            (REMOVED_PHONE, old.phone, person.phone, mask_phone),
            (REMOVED_LANDLINE, old.landline, person.landline, mask_landline),
        ):
            if number and not now:
                removal = Removal(what, mask(number), old.name, f"{prefix}[{index}].{what}")
                removals.setdefault(removal.key, removal)
    return list(removals.values())


def _positions(room: RoomDetail) -> list[tuple[str, PersonView, int]]:
    """Each person of a room with the list and place the inputs name them by (``owners``, 0)."""
    return [
        *(("owners", person, index) for index, person in enumerate(room.owners)),
        *(("residents", person, index) for index, person in enumerate(room.residents)),
    ]


# What a person change says, field by field: (the field, how the value is shown, the words).
_PERSON_CHANGES: tuple[tuple[str, Any, str], ...] = (
    (
        "name",
        str,
        QT_TRANSLATE_NOOP("messages", "renames {person} to {after}, in rooms {rooms} too"),
    ),
    (
        "phone",
        mask_phone,
        QT_TRANSLATE_NOOP(
            "messages", "changes the phone of {person} from {before} to {after}, in rooms {rooms} too"
        ),
    ),
    (
        "landline",
        mask_landline,
        QT_TRANSLATE_NOOP(
            "messages", "changes the landline of {person} from {before} to {after}, in rooms {rooms} too"
        ),
    ),
    (
        "id_number",
        mask_id_number,
        QT_TRANSLATE_NOOP(
            "messages", "changes the ID number of {person} from {before} to {after}, in rooms {rooms} too"
        ),
    ),
)


def person_cautions(room: RoomDetail, people: Sequence[PersonChange]) -> list[Caution]:
    """A caution for each field a save changes of a person who is in other rooms too (numbers masked).

    The cautions of one person share a key made of who they were and what they become: the
    clerk confirms the change as a whole, and a change that turns out otherwise asks again.
    """
    if not people:
        return []
    fields = {person.id: f"{prefix}[{index}]" for prefix, person, index in reversed(_positions(room))}
    cautions: list[Caution] = []
    for change in people:
        old, new = change.before, change.after
        identity = "\x1f".join(value or "" for value in (*_identity(old), *_identity(new)))
        key = PERSON_CHANGE.format(digest=hashlib.blake2b(identity.encode(), digest_size=8).hexdigest())
        named = change.rooms[:_ROOMS_NAMED]
        more = len(change.rooms) - len(named)
        rooms = "、".join(named) + (f" … (+{more})" if more else "")
        for name, shown, template in _PERSON_CHANGES:
            was, now = getattr(old, name), getattr(new, name)
            if was == now:
                continue
            cautions.append(
                Caution(
                    key,
                    f"{fields.get(new.id, 'owners')}.{name}",
                    template,
                    person=old.name,
                    before=shown(was) if was else "—",
                    after=shown(now) if now else "—",
                    rooms=rooms,
                )
            )
    return cautions


def other_rooms(person_ids: Collection[int], room_id: int) -> dict[int, list[str]]:
    """For each of these people, the codes of the rooms other than ``room_id`` that list them, in order."""
    rooms: dict[int, list[str]] = {}
    for chunk in chunks(sorted(person_ids)):
        marks = placeholders(len(chunk))
        for person_id, code in execute(
            "SELECT l.person_id, r.code FROM (SELECT person_id, room_id FROM ownership"
            f" WHERE person_id IN ({marks}) UNION SELECT person_id, room_id FROM resident"
            f" WHERE person_id IN ({marks})) l JOIN room r ON r.id = l.room_id WHERE l.room_id != ?",
            (*chunk, *chunk, room_id),
        ):
            rooms.setdefault(person_id, []).append(code)
    return {person_id: sorted(codes, key=natural_key) for person_id, codes in rooms.items()}


def parking_holders(codes: Sequence[str]) -> dict[str, str | None]:
    """For each of these parking spaces that is on file, the code of the room holding it (None: free)."""
    holders: dict[str, str | None] = {}
    for chunk in chunks(sorted(set(codes))):
        holders.update(
            execute(
                "SELECT p.code, r.code FROM parking_space p LEFT JOIN room r ON r.id = p.room_id"
                f" WHERE p.code IN ({placeholders(len(chunk))})",
                chunk,
            ).fetchall()
        )
    return holders


class _PeopleIndex:
    """Finds people by ID number, or by name and phone.

    What ``prefetch`` loaded is answered from memory, and kept true with ``note`` and ``drop``
    as the writer adds, changes and deletes people; anything else is asked of the file.
    """

    def __init__(self) -> None:
        self.by_id_number: dict[str, PersonView | None] = {}
        self.by_name: dict[str, dict[int, PersonView]] = {}
        # A plan (``plan_import``) goes through the rows as writing would, without writing: the
        # people it adds get negative ids, and the rooms it plans list their people here.
        self._unsaved = 0
        self.planned: dict[str, frozenset[int]] = {}  # room code → its people as planned
        self.planned_in: dict[int, set[str]] = {}  # person id → the planned rooms that list them

    def unsaved_id(self) -> int:
        """An id for a person a plan adds (negative: no person on file has it)."""
        self._unsaved -= 1
        return self._unsaved

    def plan_room(self, code: str, people: Iterable[int]) -> None:
        """Note the people a planned room will list, for ``rooms_of``."""
        now = frozenset(people)
        for person_id in self.planned.get(code, frozenset()) - now:
            self.planned_in[person_id].discard(code)
        for person_id in now:
            self.planned_in.setdefault(person_id, set()).add(code)
        self.planned[code] = now

    def rooms_of(self, person_ids: Collection[int], room_id: int, code: str) -> dict[int, list[str]]:
        """For each of these people, the codes of the other rooms that list them (as planned, if so)."""
        rooms = other_rooms([person_id for person_id in person_ids if person_id > 0], room_id)
        if not self.planned:
            return rooms
        found: dict[int, list[str]] = {}
        for person_id in person_ids:
            codes = {
                c for c in rooms.get(person_id, ()) if c not in self.planned or person_id in self.planned[c]
            }
            codes.update(self.planned_in.get(person_id, ()))
            codes.discard(code)
            if codes:
                found[person_id] = sorted(codes, key=natural_key)
        return found

    def prefetch(self, id_numbers: Iterable[str], names: Iterable[str]) -> None:
        """Load every person with one of these ID numbers or names."""
        for column, keys in (("id_number", sorted(set(id_numbers))), ("name", sorted(set(names)))):
            for chunk in chunks(keys):
                rows = execute(f"{_PERSON} WHERE {column} IN ({placeholders(len(chunk))})", chunk)
                people = [_person(row) for row in rows]
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
        row = execute(f"{_PERSON} WHERE id_number = ?", (id_number,)).fetchone()
        return None if row is None else _person(row)

    def with_name_number(
        self, name: str, column: Literal["phone", "landline"], number: str
    ) -> list[PersonView]:
        """The people with this name and this mobile (``phone``) or landline, oldest record first."""
        known = self.by_name.get(name)
        if known is not None:
            # People a plan added (negative ids) come after those on file, in the order added.
            return sorted(
                (p for p in known.values() if getattr(p, column) == number),
                key=lambda p: (p.id < 0, abs(p.id)),
            )
        rows = execute(f"{_PERSON} WHERE name = ? AND {column} = ? ORDER BY id", (name, number))
        return [_person(row) for row in rows]

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
    2. else a person with the same name and mobile (or, without a mobile, the same name and
       landline), one already linked to this room first, unless both have ID numbers (then they
       would differ);
    3. else a person of that name already in the same list of THIS room (its owners, or its
       residents), whatever the phone: the clerk corrected or gave a phone (an untaken one
       first, for namesakes in one room), unless both have ID numbers. Only the same list: an
       owner entry must not take over a tenant who happens to share the name, or one save
       would give one person the owner's details and the tenant's;
    4. else a new person.

    A found person takes the entry's name, numbers and ID number, audited as a person update. An
    empty ID number never clears a known one: removing one is rare and deliberate, and is not
    done by leaving a cell empty. An empty mobile (landline) clears the one of someone already
    linked to this room when the input states mobiles (landlines): the dialog always does; an
    import does when that column is mapped. For anyone else it only means "not given".

    With ``dry_run`` nothing is written: new people get negative ids, and changed people are
    changed only in ``current`` and in the index (an import's preview asks what a save would do,
    row after row).
    """

    def __init__(
        self,
        index: _PeopleIndex,
        room_id: int,
        linked: Iterable[PersonView],
        dry_run: bool = False,
        code: str = "",
    ) -> None:
        self.index = index
        self.room_id = room_id
        self.code = code  # the room's code (a planned new room has no id yet)
        self.linked = {person.id: person for person in linked}  # owners first, then residents
        self.current: dict[int, PersonView] = {}  # people this save changed, as they are now
        self.original: dict[int, PersonView] = {}  # the same people as they were found
        self.shown_changed: set[int] = set()  # people whose name or numbers (in the list) changed
        self.wrote = False
        self.dry_run = dry_run

    def now(self, person_id: int) -> PersonView:
        """A linked person as they are now."""
        return self.current.get(person_id) or self.linked[person_id]

    def resolve_all(
        self,
        entries: Sequence[tuple[int, CheckedPerson]],
        prefix: str,
        said: Said,
        taken: Iterable[int] = (),
        prefer: Iterable[PersonView] = (),
    ) -> list[PersonView]:
        """Resolve numbered entries of one list; two that turn out to be one person are refused."""
        resolved: list[PersonView] = []
        seen = set(taken)
        preferred = [person.id for person in prefer]
        for index, entry in entries:
            person = self._resolve(entry, said, seen, preferred)
            if person.id in seen:
                # e.g. 王玥 without and with her ID number: only the file knows they are one person
                raise InputRejected([listed_twice(f"{prefix}[{index}].name", entry.name)])
            seen.add(person.id)
            resolved.append(person)
        return resolved

    def _resolve(self, entry: CheckedPerson, said: Said, taken: set[int], preferred: list[int]) -> PersonView:
        found = self._find(entry, taken, preferred)
        if found is None:
            if self.dry_run:
                # Known to the plan from now on: a later row naming them finds them, as writing would.
                added = PersonView(
                    self.index.unsaved_id(), entry.name, entry.phone, entry.id_number, landline=entry.landline
                )
                self.index.note(added)
                return added
            self.wrote = True
            person_id = insert(
                "INSERT INTO person (name, phone, landline, id_number, pinyin) VALUES (?, ?, ?, ?, ?)",
                (entry.name, entry.phone, entry.landline, entry.id_number, pinyin_keys(entry.name)),
            )
            person = PersonView(person_id, entry.name, entry.phone, entry.id_number, landline=entry.landline)
            self.index.note(person)
            return person
        linked = found.id in self.linked
        phones_said, landlines_said = said
        after = PersonView(
            found.id,
            entry.name,
            entry.phone or (None if phones_said and linked else found.phone),
            entry.id_number or found.id_number,
            landline=entry.landline or (None if landlines_said and linked else found.landline),
        )
        if _identity(after) != _identity(found):
            self.original.setdefault(after.id, found)
            if not self.dry_run:
                self.wrote = True
                execute(
                    "UPDATE person SET name = ?, phone = ?, landline = ?, id_number = ?, pinyin = ?"
                    " WHERE id = ?",
                    (
                        after.name,
                        after.phone,
                        after.landline,
                        after.id_number,
                        pinyin_keys(after.name),
                        after.id,
                    ),
                )
                audit.record(
                    "update",
                    "person",
                    after.id,
                    before=person_snapshot(found),
                    after=person_snapshot(after),
                    room_id=self.room_id,
                )
            self.index.drop(found)
            self.index.note(after)
            self.current[after.id] = after
            if _identity(after)[:3] != _identity(found)[:3]:
                self.shown_changed.add(after.id)  # the list shows names and mobiles, and searches landlines
        return after

    def changed(self) -> list[tuple[PersonView, PersonView]]:
        """The people this save changes: each as found, and as saved."""
        return [
            (old, self.current[person_id])
            for person_id, old in self.original.items()
            if _identity(self.current[person_id]) != _identity(old)
        ]

    def elsewhere(self) -> tuple[PersonChange, ...]:
        """The people this save changes who are in other rooms too, with those rooms."""
        changed = self.changed()
        if not changed:
            return ()
        rooms = self.index.rooms_of([new.id for _, new in changed], self.room_id, self.code)
        return tuple(PersonChange(old, new, tuple(rooms[new.id])) for old, new in changed if new.id in rooms)

    def _find(self, entry: CheckedPerson, taken: set[int], preferred: list[int]) -> PersonView | None:
        if entry.id_number:
            found = self.index.with_id_number(entry.id_number)
            if found is not None:
                return found
        number: tuple[Literal["phone", "landline"], str] | None = (
            ("phone", entry.phone)
            if entry.phone
            else ("landline", entry.landline)
            if entry.landline
            else None
        )
        if number is not None:
            candidates = [
                p
                for p in self.index.with_name_number(entry.name, *number)
                if not (entry.id_number and p.id_number)
            ]
            if candidates:
                return next((p for p in candidates if p.id in self.linked), candidates[0])
        if not self.linked:  # a new room: nobody to recognise by name alone
            return None
        namesakes = [
            person
            for person in map(self.now, dict.fromkeys(preferred))
            if person.name == entry.name and not (entry.id_number and person.id_number)
        ]
        return next((p for p in namesakes if p.id not in taken), namesakes[0] if namesakes else None)


def _identity(person: PersonView) -> tuple[str, str | None, str | None, str | None]:
    """What a person save writes: name, mobile, landline, ID number (the list uses the first three)."""
    return person.name, person.phone, person.landline, person.id_number


class RoomWriter:
    """Saves rooms by the households rules: the room dialog and the import both write through it.

    Owners and residents are matched to the people on file by ID number, else by name and phone,
    else by name among the people of this room (``_People`` tells the whole rule); people left
    without any room are deleted; every change is audited with the room before and after.

    Before writing, a save is checked as a whole (``consequences``): a self-occupied room with
    tenants or a parking space of another room is refused; a rented room without a tenant and a
    parking space not on file yet are saved only if ``Confirmed`` holds their caution's key (else
    ``Unconfirmed``); and an import row may remove only the owners, tenants and parking spaces
    its preview listed. ``plan`` works out a save without writing, for the import's preview.

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

    def prefetch(self, rooms: Sequence[CheckedRoom], stored_only: bool = False) -> None:
        """Read at once what writing these rooms will ask about (for an import).

        ``stored_only`` (for ``plan``) leaves out the buildings and units, which only writing asks about.
        """
        self._codes = room_codes()
        if not stored_only:
            self._places = {}
            for building, unit, building_id, unit_id in execute(
                "SELECT b.name, u.name, b.id, u.id FROM building b LEFT JOIN unit u ON u.building_id = b.id"
            ):
                self._places[building, ""] = (building_id, None)
                if unit is not None:
                    self._places[building, unit] = (building_id, unit_id)
        self._details = load_room_details([self._codes[r.code][0] for r in rooms if r.code in self._codes])
        # New rooms too: a person on file named in a new room's row is that person.
        people = [person for room in rooms for person in (*room.owners, *room.residents)]
        self._index.prefetch((p.id_number for p in people if p.id_number), (p.name for p in people))

    def prefetched(self, code: str) -> RoomDetail | None:
        """The room with this code as ``prefetch`` read it (None: not on file, or not read)."""
        found = self._codes.get(code) if self._codes is not None else None
        return self._details.get(found[0]) if found is not None else None

    def create(self, checked: CheckedRoom, confirmed: Confirmed = Confirmed()) -> int:
        """Add a room with its people and parking; its code must be free."""
        found = self._room_with_code(checked.code)
        if found is not None:
            raise _code_taken(checked.code, found[1])
        return self._save(checked, None, (), confirmed)[0]

    def update(
        self,
        room_id: int,
        checked: CheckedRoom,
        keep: Iterable[Keep] = (),
        confirmed: Confirmed = Confirmed(),
    ) -> bool:
        """Change a room to ``checked``, keeping what ``keep`` names; True if anything changed."""
        before = self._load(room_id)
        found = self._room_with_code(checked.code)
        if found is not None and found[0] != room_id:
            raise _code_taken(checked.code, found[1])
        return self._save(checked, before, keep, confirmed)[1]

    def write_by_code(
        self,
        checked: CheckedRoom,
        keep: Iterable[Keep] = (),
        confirmed: Confirmed = Confirmed(),
        free: Collection[str] = (),
        lent: Collection[str] = (),
    ) -> Outcome:
        """Add the room, or update the one with its code keeping what ``keep`` names: an import row.

        ``free`` are parking spaces the row may take although a room still holds them (its row,
        being written, gives them up); ``lent`` are spaces this room held when its row began and
        another row has so taken: the room's change still tells that it gave them up.
        """
        found = self._room_with_code(checked.code)
        if found is None:
            self._save(checked, None, (), confirmed, free)
            return "created"
        room_id, archived = found
        if archived:
            raise _code_taken(checked.code, archived)
        before = self._load(room_id)
        if not set(lent) <= set(before.parking):
            before = replace(before, parking=tuple(sorted({*before.parking, *lent}, key=natural_key)))
        return "updated" if self._save(checked, before, keep, confirmed, free)[1] else "unchanged"

    def plan(self, checked: CheckedRoom, keep: Iterable[Keep] = ()) -> Plan:
        """What writing ``checked`` would do: the room as stored (None if new) and as it would be.

        Nothing is written: people are matched by the writer's own rule (people new to the file
        get negative ids), and the people it would change who are in other rooms too are named.
        Raises ``InputRejected`` where writing would (a person listed twice). For an import's
        preview, after ``prefetch(rooms, stored_only=True)``, row after row: what a row changes
        of people (who they are, which rooms list them) is what the rows after it find, as when
        writing. ``plan_import`` adds the consequences.
        """
        found = self._room_with_code(checked.code)
        before = (
            None if found is None else self._up_to_date(self._details.get(found[0]) or load_room(found[0]))
        )
        kept = frozenset(keep) if before is not None else frozenset()
        fields = _target(checked, before, kept)
        linked = (*before.owners, *before.residents) if before is not None else ()
        room_id = before.id if before is not None else 0
        people = _People(self._index, room_id, linked, dry_run=True, code=checked.code)
        after = _after(people, checked, before, kept, fields)
        changes = before is None or snapshot_of(after) != snapshot_of(before)
        if changes:
            self._changed.update(people.current)
            self._index.plan_room(checked.code, [person.id for person in (*after.owners, *after.residents)])
        return Plan(before, after, changes, people.elsewhere() if changes else ())

    def _save(
        self,
        checked: CheckedRoom,
        before: RoomDetail | None,
        keep: Iterable[Keep] = (),
        confirmed: Confirmed = Confirmed(),
        free: Collection[str] = (),
    ) -> tuple[int, bool]:
        """Write a new room (``before`` None) or a change to a stored one; (id, whether it changed).

        Runs in a savepoint of its own, so a refusal anywhere (a person listed twice, a parking
        space taken, a caution not confirmed) leaves nothing behind. A change that changes nothing
        is not written at all: no audit row, and ``updated_at`` stays true.
        """
        kept = frozenset(keep) if before is not None else frozenset()
        try:
            with transaction() as savepoint:
                fields = _target(checked, before, kept)
                room_id = before.id if before is not None else self._insert_room(fields)
                people = _People(
                    self._index, room_id, (*before.owners, *before.residents) if before is not None else ()
                )
                after = _after(people, checked, before, kept, fields)
                if before is not None and snapshot_of(after) == snapshot_of(before):
                    if people.wrote:  # cannot be while nothing changed; if ever, leave no trace
                        savepoint.rollback()
                        self._forget()
                    return room_id, False
                _check_confirmed(before, after, confirmed, people.elsewhere(), free)
                self._changed.update(people.current)
                self._write_room(after, before)
                _write_people_links(after, before)
                _write_parking(room_id, before.parking if before is not None else (), after.parking)
                gone = set(people.linked) - {person.id for person in (*after.owners, *after.residents)}
                for person_id in prune_people(gone):
                    self._index.drop(people.now(person_id))
                audit.record(
                    "update" if before is not None else "create",
                    "room",
                    room_id,
                    before=snapshot_of(before) if before is not None else None,
                    after=snapshot_of(after),
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
            if len(self._stale) >= CHUNK:
                self.refresh_summaries()
        return room_id, True

    def refresh_summaries(self) -> None:
        """Refresh the list summaries of the rooms saved since the last refresh (when deferred)."""
        refresh_room_summaries(sorted(self._stale))
        self._stale.clear()

    def forget(self) -> None:
        """Drop what the writer holds, after the caller rolled back saves it made."""
        self._forget()

    def _forget(self) -> None:
        """Drop what the writer holds: after a rollback it may no longer be true."""
        self._index.clear()
        self._codes = self._places = None
        self._details.clear()
        self._changed.clear()

    def _load(self, room_id: int) -> RoomDetail:
        detail = self._details.pop(room_id, None)
        return load_room(room_id) if detail is None else self._up_to_date(detail)

    def _up_to_date(self, detail: RoomDetail) -> RoomDetail:
        """A room read before, with the people changed since (by this import's rows) as they are now."""
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
            else replace(
                person, name=now.name, phone=now.phone, landline=now.landline, id_number=now.id_number
            )
        )

    def _room_with_code(self, code: str) -> tuple[int, bool] | None:
        """(id, archived) of the room that has this code, if any."""
        if self._codes is not None:
            return self._codes.get(code)
        row = execute("SELECT id, archived_at IS NOT NULL FROM room WHERE code = ?", (code,)).fetchone()
        return None if row is None else (int(row[0]), bool(row[1]))

    def _place_ids(self, building: str, unit: str) -> tuple[int, int | None]:
        """The ids of a building and its unit (None for a room without units), made when new."""
        if self._places is not None and (building, unit) in self._places:
            return self._places[building, unit]
        row = execute(
            "SELECT b.id, u.id FROM building b"
            " LEFT JOIN unit u ON u.building_id = b.id AND u.name = ? WHERE b.name = ?",
            (unit, building),
        ).fetchone()
        building_id = row[0] if row else insert("INSERT INTO building (name) VALUES (?)", (building,))
        unit_id = None
        if unit:
            unit_id = (
                row[1]
                if row and row[1] is not None
                else insert("INSERT INTO unit (building_id, name) VALUES (?, ?)", (building_id, unit))
            )
        if self._places is not None:
            self._places[building, unit] = (building_id, unit_id)
        return building_id, unit_id

    def _insert_room(self, fields: dict[str, Any]) -> int:
        building_id, unit_id = self._place_ids(fields["building"], fields["unit"])
        room_id = insert(
            "INSERT INTO room (code, building_id, unit_id, number, area_centi, use, occupancy, hardship,"
            " elderly_alone, disabled, developer, note, updated_at, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        execute(
            "UPDATE room SET area_centi = ?, use = ?, occupancy = ?, hardship = ?, elderly_alone = ?,"
            " disabled = ?, developer = ?, note = ?, updated_at = ? WHERE id = ?",
            (*_room_values(vars(after)), after.id),
        )
        if after.code == before.code:
            return
        left = execute("SELECT building_id, unit_id FROM room WHERE id = ?", (after.id,)).fetchone()
        building_id, unit_id = self._place_ids(after.building, after.unit)
        execute(
            "UPDATE room SET code = ?, building_id = ?, unit_id = ?, number = ? WHERE id = ?",
            (after.code, building_id, unit_id, after.number, after.id),
        )
        prune_places(left[0], left[1])
        self._places = None  # the pruned places may be in it
        if self._codes is not None:
            self._codes.pop(before.code, None)
            self._codes[after.code] = (after.id, after.archived_at is not None)


def plan_import(rows: Sequence[tuple[CheckedRoom, Iterable[Keep]]]) -> list[Plan | InputRejected]:
    """What each row of an import would do, in order, without writing (``InputRejected``: refused).

    A parking space that any good row of the file gives up is free for the others, whatever the
    order of the rows, as ``ImportWriter`` writes them: a space moves from one room to another,
    two rooms swap theirs. Should a row that gives one up turn out refused, its space is held
    again and the rows are looked at once more.
    """
    planner = RoomWriter()
    planner.prefetch([room for room, _ in rows], stored_only=True)
    drafts: list[Plan | InputRejected] = []
    for room, keep in rows:
        try:
            drafts.append(planner.plan(room, keep))
        except InputRejected as rejected:
            drafts.append(rejected)
    stored = parking_holders([code for room, _ in rows for code in room.parking])
    refused: set[int] = set()
    while True:
        holders = dict(stored)
        for index, draft in enumerate(drafts):
            if index not in refused and isinstance(draft, Plan) and draft.before is not None:
                holders.update(
                    (code, None) for code in draft.before.parking if code not in draft.after.parking
                )
        planned: list[Plan | InputRejected] = []
        for draft in drafts:
            if isinstance(draft, InputRejected) or not draft.changes:
                planned.append(draft)  # an unchanged row is not written: nothing to warn of or refuse
                continue
            found = consequences(draft.before, draft.after, holders, draft.people)
            if not found.errors:  # a refused row is not written: it takes no space
                holders.update((code, draft.after.code) for code in draft.after.parking)
            planned.append(Plan(draft.before, draft.after, draft.changes, draft.people, found))
        now = {index for index, plan in enumerate(planned) if isinstance(plan, Plan) and plan.found.errors}
        if now <= refused:
            return planned
        refused |= now


# How many rows may wait for one another at once (each a level of recursion). Beyond, a row is
# written without waiting, and refused if the space it takes is still held: import again.
_WAITING_ROWS = 200


class ImportWriter:
    """Writes the rows of one import through one ``RoomWriter``, so that their order does not matter.

    A row that takes a parking space a later row gives up has that row written first. When rows
    wait for each other (two rooms swap their spaces), the last one asked takes its space on
    credit from the row it waits for; should that row then be refused, both are rolled back, and
    each is written again in its own turn (the taker is then refused: the space is still held).
    ``write`` is called for every row in file order and answers with the row's outcome, or raises
    the error it was refused with, as if each were written only then.
    """

    def __init__(self, rows: Sequence[tuple[CheckedRoom, frozenset[Keep], Confirmed]]) -> None:
        self._writer = RoomWriter(defer_summaries=True)  # list summaries refreshed 500 rooms at a time
        self._writer.prefetch([room for room, _, _ in rows])
        self._rows = {room.code: (room, keep, confirmed) for room, keep, confirmed in rows}
        self._giver: dict[str, str] = {}  # parking space → the room whose row gives it up
        for room, keep, _ in rows:
            stored = self._writer.prefetched(room.code)
            if stored is not None and Keep.PARKING not in keep:
                self._giver.update((code, room.code) for code in stored.parking if code not in room.parking)
        self._done: dict[str, Outcome | InputRejected | IntegrityError] = {}
        self._written: list[str] = []  # rows done, in the order they were
        self._busy: list[str] = []  # rows being written, each waiting for the one after it
        self._lent: dict[str, set[str]] = {}  # a busy row → its spaces taken on credit

    def write(self, room: CheckedRoom) -> Outcome:
        """Write the row of this room (unless it was written ahead of its turn): its outcome."""
        if room.code not in self._done:
            self._write(room.code)
        outcome = self._done[room.code]
        if isinstance(outcome, (InputRejected, IntegrityError)):
            raise outcome
        return outcome

    def finish(self) -> None:
        """Refresh the list summaries still waiting (``RoomWriter.refresh_summaries``)."""
        self._writer.refresh_summaries()

    def _write(self, code: str) -> None:
        room, keep, _ = self._rows[code]
        waits = [
            (space, giver)
            for space in (() if Keep.PARKING in keep else room.parking)
            if (giver := self._giver.get(space)) is not None and giver != code and giver not in self._done
        ]
        if not waits:
            self._save(code, ())
            return
        self._busy.append(code)
        first = len(self._written)
        try:
            with transaction() as savepoint:
                free = []
                for space, giver in waits:
                    if giver in self._busy:  # it waits for this row: a cycle, broken here
                        free.append(space)
                        self._lent.setdefault(giver, set()).add(space)
                    elif giver not in self._done and len(self._busy) < _WAITING_ROWS:
                        self._write(giver)
                lent = self._lent.get(code, set())
                if not self._save(code, free) and lent:
                    # Rows written ahead took this room's spaces on credit: undo them with it.
                    savepoint.rollback()
                    self._writer.forget()
                    for undone in self._written[first:]:
                        if undone != code:
                            del self._done[undone]
                    self._written[first:] = [code]
        finally:
            self._busy.pop()
            self._lent.pop(code, None)

    def _save(self, code: str, free: Collection[str]) -> bool:
        """Write one row now; whether it was written (else ``_done`` holds why not)."""
        room, keep, confirmed = self._rows[code]
        try:
            self._done[code] = self._writer.write_by_code(
                room, keep, confirmed, free, self._lent.get(code, ())
            )
        except (InputRejected, IntegrityError) as refused:
            self._done[code] = refused
        self._written.append(code)
        return not isinstance(self._done[code], Exception)


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


def _after(
    people: _People,
    checked: CheckedRoom,
    before: RoomDetail | None,
    kept: frozenset[Keep],
    fields: dict[str, Any],
) -> RoomDetail:
    """The room after the write: ``fields`` (from ``_target``) and its people as ``people`` resolves them."""
    if before is not None and Keep.OWNERS in kept:
        owners: Sequence[PersonView] = before.owners
    else:
        owners = people.resolve_all(
            list(enumerate(checked.owners)),
            "owners",
            (Keep.OWNER_PHONES not in kept, Keep.OWNER_LANDLINES not in kept),
            prefer=before.owners if before is not None else (),
        )
    return RoomDetail(
        id=people.room_id,
        **fields,
        owners=tuple(owners),
        residents=tuple(_resolve_residents(people, checked, before, kept)),
    )


def _check_confirmed(
    before: RoomDetail | None,
    after: RoomDetail,
    confirmed: Confirmed,
    people: Sequence[PersonChange] = (),
    free: Collection[str] = (),
) -> None:
    """Refuse a save the rules refuse, or whose removals or cautions the clerk has not confirmed.

    ``free`` parking spaces count as free whoever holds them (``RoomWriter.write_by_code``).
    """
    added = [code for code in after.parking if before is None or code not in before.parking]
    holders = parking_holders(added) if added else {}
    holders.update((code, None) for code in free if code in holders)
    found = consequences(before, after, holders, people)
    errors = list(found.errors)
    if confirmed.removals is not None:
        errors += [
            ValidationError(
                removal.field,
                QT_TRANSLATE_NOOP(
                    "messages",
                    "this row would also remove {value}, which the preview did not list: read the file again",
                ),
                value=f"{removal.of} ({removal.value})" if removal.of else removal.value,
            )
            for removal in found.removals
            if removal.key not in confirmed.removals
        ]
    if errors:
        raise InputRejected(errors)
    require_confirmed(found.cautions, confirmed.cautions)


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
    said = (Keep.TENANT_PHONES not in keep, Keep.TENANT_LANDLINES not in keep)
    persons = people.resolve_all(given, "residents", said, taken=[r.id for r in kept], prefer=old)
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
            landline=person.landline,
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
        Flag.DEVELOPER in flags,
        fields["note"],
        fields["updated_at"],
    )


def _rooms_showing(room_id: int, people: Iterable[int]) -> list[int]:
    """The room, and every room that lists one of ``people`` (whose shown name or phone changed)."""
    rooms = {room_id}
    for chunk in chunks(sorted(people)):
        marks = placeholders(len(chunk))
        rooms.update(
            row[0]
            for row in execute(
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
        execute("DELETE FROM ownership WHERE room_id = ?", (room_id,))
    for position, person_id in enumerate(owners):
        execute(
            "INSERT INTO ownership (room_id, person_id, position) VALUES (?, ?, ?)",
            (room_id, person_id, position),
        )


def _write_residents(room_id: int, residents: Sequence[ResidentView], replacing: bool) -> None:
    if replacing:
        execute("DELETE FROM resident WHERE room_id = ?", (room_id,))
    for r in residents:
        execute(
            "INSERT INTO resident (room_id, person_id, role, lease_from, lease_to) VALUES (?, ?, ?, ?, ?)",
            (room_id, r.id, r.role.value, iso_date(r.lease_from), iso_date(r.lease_to)),
        )


def _write_parking(room_id: int, old: Sequence[str], new: Sequence[str]) -> None:
    """Give the room exactly the parking spaces ``new``: freed ones stay on file, unheld.

    ``_check_confirmed`` has made sure that none of them belongs to another room, and that the
    clerk confirmed each one that is new to the file.
    """
    added = [code for code in new if code not in old]
    removed = [code for code in old if code not in new]
    if removed:
        marks = placeholders(len(removed))
        execute(
            f"UPDATE parking_space SET room_id = NULL WHERE room_id = ? AND code IN ({marks})",
            (room_id, *removed),
        )
    for code in added:
        execute(
            "INSERT INTO parking_space (code, room_id) VALUES (?, ?)"
            " ON CONFLICT (code) DO UPDATE SET room_id = excluded.room_id",
            (code, room_id),
        )


def prune_people(candidates: Iterable[int]) -> list[int]:
    """Delete people who no longer own or live anywhere (their data has no purpose left); their ids."""
    ids = sorted(candidates)
    if not ids:
        return []
    return [
        row[0]
        for row in execute(
            f"DELETE FROM person WHERE id IN ({placeholders(len(ids))})"
            " AND NOT EXISTS (SELECT 1 FROM ownership WHERE person_id = person.id)"
            " AND NOT EXISTS (SELECT 1 FROM resident WHERE person_id = person.id) RETURNING id",
            ids,
        ).fetchall()
    ]


def prune_places(building_id: int, unit_id: int | None) -> None:
    """Drop a unit or building left without rooms, so the tree shows only real places."""
    if unit_id is not None:
        execute(
            "DELETE FROM unit WHERE id = ?"
            " AND NOT EXISTS (SELECT 1 FROM room WHERE building_id = ? AND unit_id = ?)",
            (unit_id, building_id, unit_id),
        )
    execute(
        "DELETE FROM building WHERE id = ? AND NOT EXISTS (SELECT 1 FROM room WHERE building_id = ?)"
        " AND NOT EXISTS (SELECT 1 FROM unit WHERE building_id = ?)",
        (building_id, building_id, building_id),
    )


def code_taken_error(code: str, archived: bool) -> ValidationError:
    """Why a room code cannot be used: another room has it, in the list or in the archive."""
    if archived:
        return ValidationError(
            "number",
            QT_TRANSLATE_NOOP("messages", "room {code} exists in the archive; restore it instead"),
            code=code,
        )
    return ValidationError("number", QT_TRANSLATE_NOOP("messages", "room {code} already exists"), code=code)


def _code_taken(code: str, archived: bool) -> InputRejected:
    return InputRejected([code_taken_error(code, archived)])


def listed_twice(field: str, name: str) -> ValidationError:
    """The error for a person entered twice in one room's list."""
    return ValidationError(field, QT_TRANSLATE_NOOP("messages", "{name} is listed twice"), name=name)
