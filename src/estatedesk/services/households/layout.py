"""Setting up a new estate: a building's rooms made in one go (批量新建楼栋).

The clerk gives the building, how many units, floors and rooms per floor, and one area for
them all; rooms are numbered floor × 100 + n (101, 102, … 601, and 1001 on the tenth floor), as
Chinese buildings are. ``plan_layout`` says which codes that makes and which already exist;
``create_layout`` writes the new ones in one transaction, each audited as a creation, and the
window hears of them once.
"""

from __future__ import annotations

from dataclasses import dataclass

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, Problems, ValidationError
from estatedesk.domain.households import compose_room_code, parse_area, room_code_parts, validate_code_part
from estatedesk.services.changes import Records, writing
from estatedesk.services.households.records import RoomInput
from estatedesk.services.households.rooms import check_room
from estatedesk.services.households.writer import RoomWriter
from estatedesk.store.sql import execute

# (field, lowest, highest): beyond these a typing slip is likelier than a real building.
LIMITS = {"units": (0, 20), "floors": (1, 60), "rooms_per_floor": (1, 30)}


@dataclass
class LayoutInput:
    """A building as the clerk describes it: counts as typed (whole numbers), one area for every room."""

    building: str
    units: str
    floors: str
    rooms_per_floor: str
    area: str


@dataclass(frozen=True)
class PlannedRoom:
    """One room of a planned building: its code and parts, and whether the estate has it already."""

    code: str
    unit: str
    floor: int
    number: str
    exists: bool = False
    archived: bool = False


@dataclass(frozen=True)
class LayoutPlan:
    """The rooms a layout makes, floor by floor; ``new`` are the ones not in the estate yet."""

    building: str
    units: tuple[str, ...]
    floors: int
    rooms_per_floor: int
    area_centi: int
    rooms: tuple[PlannedRoom, ...]

    @property
    def new(self) -> tuple[PlannedRoom, ...]:
        """The rooms that would be created."""
        return tuple(room for room in self.rooms if not room.exists)

    @property
    def existing(self) -> tuple[PlannedRoom, ...]:
        """The rooms the estate already has (kept as they are, archived ones too)."""
        return tuple(room for room in self.rooms if room.exists)


def room_number(floor: int, position: int) -> str:
    """The number of the ``position``-th room (from 1) on ``floor``: 3, 2 → 302; 10, 1 → 1001."""
    return str(floor * 100 + position)


def _count(text: str, field: str, problems: Problems) -> int:
    low, high = LIMITS[field]
    value = text.strip()
    if value.isascii() and value.isdigit() and low <= int(value) <= high:
        return int(value)
    problems.append(
        ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "give a whole number from {low} to {high}"),
            low=low,
            high=high,
        )
    )
    return 0


def plan_layout(data: LayoutInput) -> LayoutPlan:
    """The rooms ``data`` describes and which of them exist; ``InputRejected`` names each bad field."""
    problems = Problems()
    # Read as the room dialog reads it (3号楼 is building 3), so the preview shows the codes made.
    written = room_code_parts(data.building, "", "", problems)[0]
    building = problems.attempt(validate_code_part, written, "building") or ""
    if not data.building.strip():
        problems.append(
            ValidationError("building", QT_TRANSLATE_NOOP("messages", "the building is required"))
        )
    units = _count(data.units, "units", problems)
    floors = _count(data.floors, "floors", problems)
    per_floor = _count(data.rooms_per_floor, "rooms_per_floor", problems)
    if not data.area.strip():
        problems.append(ValidationError("area", QT_TRANSLATE_NOOP("messages", "the area is required")))
        area = None
    else:
        area = problems.attempt(parse_area, data.area, "area")
    if problems:
        raise InputRejected(problems)
    assert area is not None  # else problems were raised above
    unit_names = tuple(str(unit) for unit in range(1, units + 1)) or ("",)
    stored = dict(
        execute(
            "SELECT r.code, r.archived_at IS NOT NULL FROM room r JOIN building b ON b.id = r.building_id"
            " WHERE b.name = ?",
            (building,),
        ).fetchall()
    )
    rooms = []
    for unit in unit_names:
        for floor in range(1, floors + 1):
            for position in range(1, per_floor + 1):
                number = room_number(floor, position)
                code = compose_room_code(building, unit, number)
                rooms.append(
                    PlannedRoom(code, unit, floor, number, code in stored, bool(stored.get(code, False)))
                )
    return LayoutPlan(building, tuple(u for u in unit_names if u), floors, per_floor, area, tuple(rooms))


def create_layout(data: LayoutInput) -> list[int]:
    """Create the rooms of ``data`` that the estate does not have yet, in one transaction; their ids.

    Each room is checked and written as the room dialog's are (``check_room``, ``RoomWriter``),
    and audited as created. Rooms that exist, in the list or the archive, are left as they are.
    """
    with writing(Records.ROOMS):
        plan = plan_layout(data)
        area = f"{plan.area_centi // 100}.{plan.area_centi % 100:02d}"
        checked = [check_room(RoomInput(plan.building, room.unit, room.number, area)) for room in plan.new]
        if not checked:
            raise InputRejected(
                [
                    ValidationError(
                        "building",
                        QT_TRANSLATE_NOOP("messages", "building {building} already has all these rooms"),
                        building=plan.building,
                    )
                ]
            )
        writer = RoomWriter(defer_summaries=True)
        writer.prefetch(checked)
        ids = [writer.create(room) for room in checked]
        writer.refresh_summaries()
    return ids
