"""Records of rooms and people and how they are loaded (no writing): shared by the API and its writer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, NotFound
from estatedesk.domain.households import Flag, Occupancy, ResidentRole, RoomUse, format_area
from estatedesk.domain.sorting import natural_key
from estatedesk.store.sql import as_date, chunks, execute, iso_date, placeholders

# ---------------------------------------------------------------- input values


@dataclass
class PersonInput:
    """A person as typed in a dialog or read from a spreadsheet row: a mobile and a landline each."""

    name: str
    phone: str = ""
    id_number: str = ""
    # Keyword-only, so that subclasses and the positional (name, phone, id_number) stay as they were.
    landline: str = field(default="", kw_only=True)


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
    """A person whose name, phones and ID number have passed their checks."""

    name: str
    phone: str | None
    id_number: str | None
    landline: str | None = field(default=None, kw_only=True)


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
    developer: int
    owners: str
    owner_phones: str
    tenants: str
    tenant_phones: str
    archived: int
    search: str

    @property
    def flags(self) -> frozenset[Flag]:
        """The room's flags as values."""
        return flags_of(self.hardship, self.elderly_alone, self.disabled, self.developer)


@dataclass(frozen=True)
class PersonView:
    """A person as the detail panel shows them, with the other rooms they own."""

    id: int
    name: str
    phone: str | None
    id_number: str | None
    other_rooms: tuple[str, ...] = ()
    landline: str | None = field(default=None, kw_only=True)


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
            owners=[
                PersonInput(p.name, p.phone or "", p.id_number or "", landline=p.landline or "")
                for p in self.owners
            ],
            residents=[
                ResidentInput(
                    r.name,
                    r.phone or "",
                    r.id_number or "",
                    r.role,
                    r.lease_from,
                    r.lease_to,
                    landline=r.landline or "",
                )
                for r in self.residents
            ],
            parking=list(self.parking),
        )


@dataclass(frozen=True)
class EstateCounts:
    """Totals for the status bar."""

    rooms: int
    owners: int
    residents: int


# ---------------------------------------------------------------- loading rooms


def flags_of(hardship: object, elderly_alone: object, disabled: object, developer: object) -> frozenset[Flag]:
    """The flags of a room from its four flag columns."""
    return frozenset(
        flag
        for flag, on in (
            (Flag.HARDSHIP, hardship),
            (Flag.ELDERLY_ALONE, elderly_alone),
            (Flag.DISABLED, disabled),
            (Flag.DEVELOPER, developer),
        )
        if on
    )


def room_codes() -> dict[str, tuple[int, bool]]:
    """Room code → (id, archived) for every room, archived ones too (codes are never reused)."""
    return {
        code: (room_id, bool(archived))
        for code, room_id, archived in execute("SELECT code, id, archived_at IS NOT NULL FROM room")
    }


def load_room_details(room_ids: Sequence[int]) -> dict[int, RoomDetail]:
    """Load rooms with their people and parking in four queries per 500 rooms (without ``other_rooms``)."""
    unique = list(dict.fromkeys(room_ids))
    rooms: dict[int, tuple[Any, ...]] = {}
    owners: dict[int, list[PersonView]] = {}
    residents: dict[int, list[ResidentView]] = {}
    parking: dict[int, list[str]] = {}
    for chunk in chunks(unique):
        marks = placeholders(len(chunk))
        for row in execute(
            "SELECT r.id, r.code, b.name, COALESCE(u.name, ''), r.number, r.area_centi, r.use, r.occupancy,"
            " r.hardship, r.elderly_alone, r.disabled, r.developer, r.note, r.archived_at, r.created_at,"
            " r.updated_at"
            " FROM room r JOIN building b ON b.id = r.building_id LEFT JOIN unit u ON u.id = r.unit_id"
            f" WHERE r.id IN ({marks})",
            tuple(chunk),
        ):
            rooms[row[0]] = row
        for room_id, person_id, name, phone, id_number, landline in execute(
            "SELECT o.room_id, p.id, p.name, p.phone, p.id_number, p.landline FROM ownership o"
            f" JOIN person p ON p.id = o.person_id WHERE o.room_id IN ({marks})"
            " ORDER BY o.room_id, o.position",
            tuple(chunk),
        ):
            owners.setdefault(room_id, []).append(
                PersonView(person_id, name, phone, id_number, landline=landline)
            )
        for room_id, person_id, name, phone, id_number, landline, role, start, end in execute(
            "SELECT t.room_id, p.id, p.name, p.phone, p.id_number, p.landline, t.role, t.lease_from,"
            f" t.lease_to FROM resident t JOIN person p ON p.id = t.person_id WHERE t.room_id IN ({marks})"
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
                    as_date(start),
                    as_date(end),
                    landline=landline,
                )
            )
        for room_id, code in execute(
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
            developer,
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
            flags=flags_of(hardship, elderly, disabled, developer),
            note=note,
            archived_at=archived_at,
            created_at=created_at,
            updated_at=updated_at,
            owners=tuple(owners.get(room_id, ())),
            residents=tuple(residents.get(room_id, ())),
            parking=tuple(sorted(parking.get(room_id, ()), key=natural_key)),
        )
    return details


def load_room(room_id: int) -> RoomDetail:
    """One room with its people and parking (without ``other_rooms``); NotFound if it is gone."""
    detail = load_room_details([room_id]).get(room_id)
    if detail is None:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "room #{id} no longer exists"), id=room_id)
    return detail


def snapshot(room_id: int) -> dict[str, Any]:
    """The room as the audit trail records it before and after a change."""
    return snapshot_of(load_room(room_id))


def snapshot_of(room: RoomDetail) -> dict[str, Any]:
    """A loaded room as the audit trail records it."""
    return {
        "code": room.code,
        "area": format_area(room.area_centi),
        "use": room.use.value,
        "occupancy": room.occupancy.value,
        "flags": sorted(flag.value for flag in room.flags),
        "note": room.note,
        "owners": [person_snapshot(p) for p in room.owners],
        "residents": [
            {
                **person_snapshot(r),
                "role": r.role.value,
                "lease_from": iso_date(r.lease_from),
                "lease_to": iso_date(r.lease_to),
            }
            for r in room.residents
        ],
        "parking": list(room.parking),
        "archived": room.archived_at is not None,
    }


def person_snapshot(person: PersonView) -> dict[str, Any]:
    """A person as the audit trail records them."""
    return {
        "name": person.name,
        "phone": person.phone,
        "landline": person.landline,
        "id_number": person.id_number,
    }
