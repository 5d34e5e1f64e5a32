"""The one writer of rooms and their people: apart from the service API, as the import saves through it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, Literal, TypeVar

from estatedesk.domain.errors import (
    QT_TRANSLATE_NOOP,
    Caution,
    InputRejected,
    ValidationError,
    require_confirmed,
)
from estatedesk.domain.households import Flag, ResidentRole, check_occupancy
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
from estatedesk.store.sql import CHUNK, chunks, execute, insert, iso_date, placeholders, transaction
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

# What a save may take away from a room, as (kind, name or code): the kinds are the words an
# import's preview and its --json use.
REMOVED_OWNER, REMOVED_TENANT, REMOVED_PARKING = "owner", "tenant", "parking_space"
Removal = tuple[str, str]
NEW_PARKING = "new_parking:{code}"  # the key of the caution for a parking space not on file yet


@dataclass(frozen=True)
class Confirmed:
    """What the clerk has confirmed for one save.

    ``cautions`` holds the keys of the cautions confirmed. ``removals`` is None where the clerk
    makes every removal by hand (the room dialog); an import lists the owners, tenants and
    parking spaces each row removes, and a row may then remove those and nothing else.
    """

    cautions: frozenset[str] = frozenset()
    removals: frozenset[Removal] | None = None


@dataclass(frozen=True)
class Consequences:
    """What saving a room would do that the clerk must know of: refusals, cautions, removals."""

    errors: tuple[ValidationError, ...] = ()
    cautions: tuple[Caution, ...] = ()
    removals: tuple[Removal, ...] = ()


def new_parking_caution(code: str) -> Caution:
    """The caution for a parking space the estate has no record of: it is made when confirmed."""
    return Caution(
        NEW_PARKING.format(code=code),
        "parking",
        QT_TRANSLATE_NOOP("messages", "parking space {space} is not on file yet: it will be added"),
        space=code,
    )


def consequences(
    before: RoomDetail | None, after: RoomDetail, holders: Mapping[str, str | None]
) -> Consequences:
    """What saving ``after`` over ``before`` (None: a new room) would do that needs a word.

    ``holders`` gives, for each parking space on file that the room takes on, the code of the
    room that holds it (None: a free space); a code it does not have is a new parking space.
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
    removals: list[Removal] = []
    if before is not None:
        owners = {person.id for person in after.owners}
        tenant_ids = {person.id for person in tenants}
        removals += [(REMOVED_OWNER, p.name) for p in before.owners if p.id not in owners]
        removals += [
            (REMOVED_TENANT, r.name)
            for r in before.residents
            if r.role is ResidentRole.TENANT and r.id not in tenant_ids
        ]
        removals += [(REMOVED_PARKING, code) for code in before.parking if code not in after.parking]
    return Consequences(tuple(errors), tuple(cautions), tuple(removals))


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
            return sorted((p for p in known.values() if getattr(p, column) == number), key=lambda p: p.id)
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
    changed only in ``current`` (an import's preview asks what a save would do).
    """

    def __init__(
        self, index: _PeopleIndex, room_id: int, linked: Iterable[PersonView], dry_run: bool = False
    ) -> None:
        self.index = index
        self.room_id = room_id
        self.linked = {person.id: person for person in linked}  # owners first, then residents
        self.current: dict[int, PersonView] = {}  # people this save changed, as they are now
        self.shown_changed: set[int] = set()  # people whose name or numbers (in the list) changed
        self.wrote = False
        self.dry_run = dry_run
        self._unsaved = 0  # the last id a dry run gave to a new person

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
                self._unsaved -= 1
                return PersonView(
                    self._unsaved, entry.name, entry.phone, entry.id_number, landline=entry.landline
                )
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

        ``stored_only`` (for ``plan``) reads the stored rooms and the people of the rooms on file
        only: planning a new room asks nothing of the file.
        """
        self._codes = room_codes()
        if stored_only:
            rooms = [room for room in rooms if room.code in self._codes]
        else:
            self._places = {}
            for building, unit, building_id, unit_id in execute(
                "SELECT b.name, u.name, b.id, u.id FROM building b LEFT JOIN unit u ON u.building_id = b.id"
            ):
                self._places[building, ""] = (building_id, None)
                if unit is not None:
                    self._places[building, unit] = (building_id, unit_id)
        self._details = load_room_details([self._codes[r.code][0] for r in rooms if r.code in self._codes])
        people = [person for room in rooms for person in (*room.owners, *room.residents)]
        self._index.prefetch((p.id_number for p in people if p.id_number), (p.name for p in people))

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
        self, checked: CheckedRoom, keep: Iterable[Keep] = (), confirmed: Confirmed = Confirmed()
    ) -> Outcome:
        """Add the room, or update the one with its code keeping what ``keep`` names: an import row."""
        found = self._room_with_code(checked.code)
        if found is None:
            self._save(checked, None, (), confirmed)
            return "created"
        room_id, archived = found
        if archived:
            raise _code_taken(checked.code, archived)
        return "updated" if self._save(checked, self._load(room_id), keep, confirmed)[1] else "unchanged"

    def plan(self, checked: CheckedRoom, keep: Iterable[Keep] = ()) -> tuple[RoomDetail | None, RoomDetail]:
        """The room with ``checked``'s code as stored (None if new), and as writing would leave it.

        Nothing is written: people are matched by the writer's own rule, and people new to the
        room get negative ids. Raises ``InputRejected`` where writing would (a person listed twice).
        For an import's preview, after ``prefetch(rooms, stored_only=True)``.
        """
        found = self._room_with_code(checked.code)
        if found is None:
            # A new room has nobody to recognise or remove: each entry is someone new to it.
            owners = tuple(
                PersonView(-n, p.name, p.phone, p.id_number, landline=p.landline)
                for n, p in enumerate(checked.owners, start=1)
            )
            residents = tuple(
                ResidentView(
                    -n,
                    r.name,
                    r.phone,
                    r.id_number,
                    (),
                    r.role,
                    r.lease_from,
                    r.lease_to,
                    landline=r.landline,
                )
                for n, r in enumerate(checked.residents, start=len(owners) + 1)
            )
            fields = _target(checked, None, frozenset())
            return None, RoomDetail(id=0, **fields, owners=owners, residents=residents)
        before = self._details.get(found[0]) or load_room(found[0])
        kept = frozenset(keep)
        fields = _target(checked, before, kept)
        people = _People(self._index, before.id, (*before.owners, *before.residents), dry_run=True)
        return before, _after(people, checked, before, kept, fields)

    def _save(
        self,
        checked: CheckedRoom,
        before: RoomDetail | None,
        keep: Iterable[Keep] = (),
        confirmed: Confirmed = Confirmed(),
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
                _check_confirmed(before, after, confirmed)
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

    def _forget(self) -> None:
        """Drop what the writer holds: after a rollback it may no longer be true."""
        self._index.clear()
        self._codes = self._places = None
        self._details.clear()
        self._changed.clear()

    def _load(self, room_id: int) -> RoomDetail:
        detail = self._details.pop(room_id, None)
        if detail is None:
            return load_room(room_id)
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
        execute(
            "UPDATE room SET area_centi = ?, use = ?, occupancy = ?, hardship = ?, elderly_alone = ?,"
            " disabled = ?, note = ?, updated_at = ? WHERE id = ?",
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


def _check_confirmed(before: RoomDetail | None, after: RoomDetail, confirmed: Confirmed) -> None:
    """Refuse a save the rules refuse, or whose removals or cautions the clerk has not confirmed."""
    added = [code for code in after.parking if before is None or code not in before.parking]
    found = consequences(before, after, parking_holders(added) if added else {})
    errors = list(found.errors)
    if confirmed.removals is not None:
        errors += [
            ValidationError(
                _REMOVAL_FIELDS[what],
                QT_TRANSLATE_NOOP(
                    "messages",
                    "this row would also remove {value}, which the preview did not list: read the file again",
                ),
                value=value,
            )
            for what, value in found.removals
            if (what, value) not in confirmed.removals
        ]
    if errors:
        raise InputRejected(errors)
    require_confirmed(found.cautions, confirmed.cautions)


# The input a removal belongs to, as ``check_room`` names its fields.
_REMOVAL_FIELDS = {REMOVED_OWNER: "owners", REMOVED_TENANT: "residents", REMOVED_PARKING: "parking"}


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
