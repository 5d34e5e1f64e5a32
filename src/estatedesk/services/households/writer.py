"""The one writer of rooms and their people: apart from the service API, as the import saves through it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from enum import StrEnum
from typing import Any, Literal, TypeVar

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, ValidationError
from estatedesk.domain.households import Flag, ResidentRole
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
    TENANTS = "tenants"
    TENANT_PHONES = "tenant_phones"
    FAMILY = "family"
    LEASE_FROM = "lease_from"
    LEASE_TO = "lease_to"
    PARKING = "parking"


Outcome = Literal["created", "updated", "unchanged"]
_PERSON = "SELECT id, name, phone, id_number FROM person"
_P = TypeVar("_P", bound=PersonView)


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
        row = execute(f"{_PERSON} WHERE id_number = ?", (id_number,)).fetchone()
        return None if row is None else PersonView(*row)

    def with_name_phone(self, name: str, phone: str) -> list[PersonView]:
        """The people with this name and phone, oldest record first."""
        known = self.by_name.get(name)
        if known is not None:
            return sorted((p for p in known.values() if p.phone == phone), key=lambda p: p.id)
        rows = execute(f"{_PERSON} WHERE name = ? AND phone = ? ORDER BY id", (name, phone))
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
    3. else a person of that name already in the same list of THIS room (its owners, or its
       residents), whatever the phone: the clerk corrected or gave a phone (an untaken one
       first, for namesakes in one room), unless both have ID numbers. Only the same list: an
       owner entry must not take over a tenant who happens to share the name, or one save
       would give one person the owner's details and the tenant's;
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
                raise InputRejected([listed_twice(f"{prefix}[{index}].name", entry.name)])
            seen.add(person.id)
            resolved.append(person)
        return resolved

    def _resolve(
        self, entry: CheckedPerson, phones_said: bool, taken: set[int], preferred: list[int]
    ) -> PersonView:
        found = self._find(entry, taken, preferred)
        self.wrote = self.wrote or found is None
        if found is None:
            person_id = insert(
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
            execute(
                "UPDATE person SET name = ?, phone = ?, id_number = ?, pinyin = ? WHERE id = ?",
                (after.name, after.phone, after.id_number, pinyin_keys(after.name), after.id),
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
            for person in map(self.now, dict.fromkeys(preferred))
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
        self._codes = room_codes()
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
            with transaction() as savepoint:
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
                if before is not None and snapshot_of(after) == snapshot_of(before):
                    if people.wrote:  # cannot be while nothing changed; if ever, leave no trace
                        savepoint.rollback()
                        self._forget()
                    return room_id, False
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
            else replace(person, name=now.name, phone=now.phone, id_number=now.id_number)
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
    """Give the room exactly the parking spaces ``new``: freed ones stay on file, unheld."""
    added = [code for code in new if code not in old]
    if added:
        marks = placeholders(len(added))
        held = dict(
            execute(
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
