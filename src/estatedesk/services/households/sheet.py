"""The households table as a spreadsheet: its columns, how a row becomes a room, and the export.

The generic import (``services.interchange``) reads the file and runs the preview and the
write; this module declares what a households row is. Each row is checked by ``check_room``
and saved by the one writer (``RoomWriter``), so a row follows the very rules the room dialog's
save follows. The preview tells what each row will do (``describe``: new, updated field by field,
unchanged, and what it removes or must have confirmed) by asking the writer to plan the save.
A mapped column's empty cell clears what it holds: an owner, a tenant, a parking space, a
person's phone or landline go only once the clerk has confirmed the removals listed, and a person
changed in other rooms too only once that warning is confirmed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, Problems, ValidationError
from estatedesk.domain.households import (
    FLAG_WORDS,
    OCCUPANCY_WORDS,
    ROOM_USE_WORDS,
    Flag,
    Occupancy,
    ResidentRole,
    RoomUse,
    compose_room_code,
    format_area,
    mask_id_number,
    mask_landline,
    mask_phone,
    parse_flags,
    parse_occupancy,
    parse_room_use,
    room_code_parts,
    split_list,
)
from estatedesk.services.changes import Records
from estatedesk.services.households.records import (
    CheckedRoom,
    PersonInput,
    ResidentInput,
    RoomDetail,
    RoomInput,
    load_room_details,
    room_codes,
)
from estatedesk.services.households.rooms import check_room, list_rooms
from estatedesk.services.households.writer import (
    REMOVED_LANDLINE,
    REMOVED_OWNER,
    REMOVED_PARKING,
    REMOVED_PHONE,
    REMOVED_TENANT,
    Confirmed,
    ImportWriter,
    Keep,
    Plan,
    code_taken_error,
    plan_import,
)
from estatedesk.services.interchange import (
    LIST_JOIN,
    Cell,
    Field,
    FieldChange,
    ImportPreview,
    Outcome,
    Removal,
    RowChange,
    RowChecker,
    RowWriter,
    TableSheet,
    export_records,
    join_slots,
    parse_date_text,
    preview,
    split_slots,
)
from estatedesk.services.interchange.cells import DATE_SEPARATOR, SLOT_SEPARATOR
from estatedesk.store.sql import iso_date

FIELDS: tuple[Field, ...] = (
    Field("building", "楼栋", ("楼号", "栋", "幢", "楼栋号", "栋号", "楼"), width=6, read_from="number"),
    Field("unit", "单元", ("单元号",), width=6, read_from="number"),
    Field(
        "number",
        "房号",
        ("室号", "门牌号", "房间号", "房屋编号", "房屋号", "房号编码"),
        required=True,
        width=9,
    ),
    Field(
        "area", "专有面积", ("面积", "建筑面积", "套内面积", "产权面积", "房屋面积"), required=True, width=10
    ),
    Field("use", "用途", ("房屋用途", "类型", "房屋类型"), width=7),
    Field("occupancy", "状态", ("居住状态", "入住状态", "房屋状态"), width=7),
    Field("owner_names", "业主姓名", ("业主", "户主", "姓名", "产权人", "业主名称"), width=16),
    Field(
        "owner_phones",
        "业主电话",
        ("电话", "手机", "联系电话", "手机号", "业主手机", "手机号码", "电话号码", "业主联系电话"),
        width=26,
    ),
    Field("owner_ids", "身份证号", ("身份证", "证件号码", "身份证号码", "证件号", "业主身份证号"), width=42),
    Field("tenant_names", "租户姓名", ("租户", "承租人", "承租人姓名"), width=14),
    Field("tenant_phones", "租户电话", ("租户手机", "承租人电话", "承租人手机", "租户联系电话"), width=14),
    Field("lease_from", "租期起", ("租赁开始", "起租日期", "租期开始", "租赁开始日期"), width=12),
    Field("lease_to", "租期止", ("租赁结束", "到期日期", "租期结束", "租赁结束日期"), width=12),
    Field("flags", "标记", ("特殊标记", "困难类型"), width=14),
    Field("note", "备注", ("说明",), width=30, multiline=True),
    # Issue 6: added at the end, so that files and templates made before still line up.
    Field(
        "owner_landlines",
        "业主固定电话",
        ("固定电话", "座机", "业主座机", "座机号码", "固话", "家庭电话", "住宅电话", "业主固话"),
        width=16,
    ),
    Field(
        "tenant_landlines", "租户固定电话", ("租户座机", "承租人座机", "承租人固定电话", "租户固话"), width=16
    ),
    Field("parking", "车位", ("车位号", "车位编号", "停车位", "车位号码"), width=12),
)
CANONICAL_HEADERS: tuple[str, ...] = tuple(f.header for f in FIELDS)

# Where a ``check_room`` field such as ``owners[1].phone`` is read from in the sheet.
_PERSON_FIELD = re.compile(r"^(owners|residents)\[\d+\]\.(\w+)$")
_PERSON_COLUMNS = {
    ("owners", "name"): "owner_names",
    ("owners", "phone"): "owner_phones",
    ("owners", "landline"): "owner_landlines",
    ("owners", "id_number"): "owner_ids",
    ("residents", "name"): "tenant_names",
    ("residents", "phone"): "tenant_phones",
    ("residents", "landline"): "tenant_landlines",
    ("residents", "id_number"): "tenant_names",
    ("residents", "lease_from"): "lease_from",
    ("residents", "lease_to"): "lease_to",
}

# The parts of a room kept as stored when the file has no column for them (column: field key).
_KEPT_UNLESS_MAPPED: tuple[tuple[Keep, str], ...] = (
    (Keep.USE, "use"),
    (Keep.FLAGS, "flags"),
    (Keep.NOTE, "note"),
    (Keep.OWNERS, "owner_names"),
    (Keep.OWNER_PHONES, "owner_phones"),
    (Keep.OWNER_LANDLINES, "owner_landlines"),
    (Keep.TENANTS, "tenant_names"),
    (Keep.TENANT_PHONES, "tenant_phones"),
    (Keep.TENANT_LANDLINES, "tenant_landlines"),
    (Keep.LEASE_FROM, "lease_from"),
    (Keep.LEASE_TO, "lease_to"),
    (Keep.PARKING, "parking"),
)
# Where a whole list a save changes is read from (the writer names lists as check_room does).
_LIST_COLUMNS = {"owners": "owner_names", "residents": "tenant_names"}

# What a row may remove, as the preview tells it (the column is the one its field is read from).
_REMOVALS = {
    REMOVED_OWNER: QT_TRANSLATE_NOOP("messages", "removes owner {value}"),
    REMOVED_TENANT: QT_TRANSLATE_NOOP("messages", "removes tenant {value}"),
    REMOVED_PARKING: QT_TRANSLATE_NOOP("messages", "removes parking space {value}"),
    REMOVED_PHONE: QT_TRANSLATE_NOOP("messages", "removes the phone of {of} ({value})"),
    REMOVED_LANDLINE: QT_TRANSLATE_NOOP("messages", "removes the landline of {of} ({value})"),
}
_MASKED_COLUMNS = {
    "owner_phones": mask_phone,
    "owner_landlines": mask_landline,
    "owner_ids": mask_id_number,
    "tenant_phones": mask_phone,
    "tenant_landlines": mask_landline,
}


@dataclass(frozen=True)
class RoomRowInput:
    """A checked households row: the room, and what of the stored room it leaves as it is.

    ``confirmed`` is what the clerk confirmed of the removals and warnings the preview showed
    for the row (nothing, until then): the writer refuses the row if it would do anything else.
    """

    room: CheckedRoom
    keep: frozenset[Keep]
    confirmed: Confirmed = field(default=Confirmed(removals=frozenset()))


class HouseholdsSheet(TableSheet[RoomRowInput]):
    """Rooms, owners and tenants, one room per row; rooms are matched by room code."""

    name = "households"
    fields = FIELDS
    sheet_title = "住户"
    changes = frozenset({Records.ROOMS})
    template = "households_template.xlsx"
    record_word = "room"

    def checker(self, mapping: Mapping[str, int]) -> _HouseholdsChecker:
        """A checker that also knows the rooms on file and the rows read before."""
        return _HouseholdsChecker(frozenset(mapping))

    def writer(self, records: Sequence[RoomRowInput]) -> _HouseholdsWriter:
        """One room writer for the whole file, reading at once what the rows will ask about."""
        return _HouseholdsWriter(records)

    def describe(self, records: Sequence[RoomRowInput]) -> list[RowChange]:
        """What each row does to its room, worked out by the writer's own rules without writing.

        The stored rooms, the people the rows name and the parking spaces are read at once.
        """
        plans = plan_import([(record.room, record.keep) for record in records])
        return [_describe_row(record.room.code, plan) for record, plan in zip(records, plans, strict=True)]

    def with_confirmed(self, record: RoomRowInput, change: RowChange) -> RoomRowInput:
        """The row allowed to remove and warn of exactly what its preview listed."""
        return replace(
            record,
            confirmed=Confirmed(
                frozenset(warning.key for warning in change.warnings),
                frozenset((removal.what, removal.value, removal.of) for removal in change.removals),
            ),
        )

    def export_cells(self, record: RoomDetail, masked: bool = False) -> list[Cell]:
        """One room as a row under ``CANONICAL_HEADERS`` (``export_record``)."""
        return export_record(record, masked)

    def column_of(self, field_name: str) -> str:
        """The column a ``check_room`` field (``owners[1].phone``, ``parking``…) is read from."""
        match = _PERSON_FIELD.match(field_name)
        if match:
            return _PERSON_COLUMNS.get((match[1], match[2]), self.key_field)
        if field_name in _LIST_COLUMNS:
            return _LIST_COLUMNS[field_name]
        return super().column_of(field_name)


HOUSEHOLDS = HouseholdsSheet()


class _HouseholdsWriter(RowWriter[RoomRowInput]):
    def __init__(self, records: Sequence[RoomRowInput]) -> None:
        self._writer = ImportWriter([(record.room, record.keep, record.confirmed) for record in records])

    def write(self, record: RoomRowInput) -> Outcome:
        return self._writer.write(record.room)

    def finish(self) -> None:
        self._writer.finish()


class _HouseholdsChecker(RowChecker[RoomRowInput]):
    """Turns the cells of each row into a checked room, and finds what only the whole file shows."""

    def __init__(self, mapped: frozenset[str]) -> None:
        self.mapped = mapped
        self.existing = room_codes()
        self.first_row_of_code: dict[str, int] = {}
        self.id_numbers: dict[str, tuple[str, int]] = {}
        # ID number → (number, row) for its phone and its landline, as first given in the file
        self.numbers_of_id: dict[tuple[str, str], tuple[str, int]] = {}

    def check(self, row: int, values: Mapping[str, str]) -> tuple[RoomRowInput | None, list[ValidationError]]:
        data, keep, problems = self.parse(values)
        checked: CheckedRoom | None = None
        try:
            checked = check_room(data)
        except InputRejected as rejected:
            for error in rejected.errors:
                if error.field == "area" and not data.area.strip():
                    # parse_area would say "'' is not an area"; an empty cell is a missing value.
                    error = ValidationError("area", QT_TRANSLATE_NOOP("messages", "the area is required"))
                problems.append(error)
        # Rows with other errors still claim their room code, so a repeat is found in one pass.
        code = checked.code if checked else compose_room_code(data.building, data.unit, data.number)
        problems.extend(self._across_rows(row, code, checked))
        if problems or checked is None:
            return None, problems
        return RoomRowInput(checked, keep), []

    def parse(self, values: Mapping[str, str]) -> tuple[RoomInput, frozenset[Keep], Problems]:
        """The room a row describes, what it leaves as stored, and the cells that could not be read."""
        problems = Problems()
        attempt = problems.attempt

        building, unit, room_number = room_code_parts(
            values.get("building", ""), values.get("unit", ""), values.get("number", ""), problems
        )
        use = attempt(parse_room_use, values.get("use", ""), "use") or RoomUse.RESIDENTIAL
        occupancy = None
        if values.get("occupancy", ""):
            occupancy = attempt(parse_occupancy, values["occupancy"], "occupancy")
        flags = attempt(parse_flags, values.get("flags", ""), "flags") or frozenset()

        owner_names = split_list(values.get("owner_names", ""))
        owner_phones = _spread(values.get("owner_phones", ""), len(owner_names), "owner_phones", problems)
        owner_ids = _spread(values.get("owner_ids", ""), len(owner_names), "owner_ids", problems)
        owner_landlines = _spread(
            values.get("owner_landlines", ""), len(owner_names), "owner_landlines", problems
        )
        owners = [
            PersonInput(name, phone, id_number, landline=landline)
            for name, phone, id_number, landline in zip(
                owner_names, owner_phones, owner_ids, owner_landlines, strict=True
            )
        ]

        tenant_names = split_list(values.get("tenant_names", ""))
        tenant_phones = _spread(values.get("tenant_phones", ""), len(tenant_names), "tenant_phones", problems)
        tenant_landlines = _spread(
            values.get("tenant_landlines", ""), len(tenant_names), "tenant_landlines", problems
        )
        leases: dict[str, list[date | None]] = {}
        for key in ("lease_from", "lease_to"):
            texts = _spread(values.get(key, ""), len(tenant_names), key, problems, DATE_SEPARATOR)
            leases[key] = [attempt(parse_date_text, text, key) for text in texts]
        tenants = [
            ResidentInput(name, phone, "", ResidentRole.TENANT, start, end, landline=landline)
            for name, phone, landline, start, end in zip(
                tenant_names,
                tenant_phones,
                tenant_landlines,
                leases["lease_from"],
                leases["lease_to"],
                strict=True,
            )
        ]
        if occupancy is None:
            occupancy = Occupancy.RENTED if tenants else Occupancy.SELF_OCCUPIED

        # What the file does not say is kept from the room already in the estate file; a file
        # never lists family members.
        keep = {Keep.FAMILY}
        keep.update(part for part, key in _KEPT_UNLESS_MAPPED if key not in self.mapped)
        if "occupancy" not in self.mapped and not tenants:
            keep.add(Keep.OCCUPANCY)

        data = RoomInput(
            building=building,
            unit=unit,
            number=room_number,
            area=values.get("area", ""),
            use=use,
            occupancy=occupancy,
            flags=flags,
            note=values.get("note", ""),
            owners=owners,
            residents=tenants,
            parking=split_list(values.get("parking", ""), at_spaces=True),  # as in the dialog: no spaces
        )
        return data, frozenset(keep), problems

    def _across_rows(self, row: int, code: str, checked: CheckedRoom | None) -> Problems:
        """Problems only the whole file (or the estate file) shows: repeated rooms, archived rooms, IDs."""
        problems = Problems()
        first = self.first_row_of_code.setdefault(code, row) if code else row
        if first != row:
            problems.append(
                ValidationError(
                    "number",
                    QT_TRANSLATE_NOOP("messages", "room {code} is already on row {row}"),
                    code=code,
                    row=first,
                )
            )
        if checked is None:
            return problems
        found = self.existing.get(checked.code)
        if found is not None and found[1]:
            problems.append(code_taken_error(checked.code, archived=True))
        for owner in checked.owners:
            if not owner.id_number:
                continue
            name, first_row = self.id_numbers.setdefault(owner.id_number, (owner.name, row))
            if name != owner.name:
                # The ID number names one person: two names for it would merge two people into one.
                problems.append(
                    ValidationError(
                        "owner_ids",
                        QT_TRANSLATE_NOOP("messages", "this ID number is also given for {name} on row {row}"),
                        name=name,
                        row=first_row,
                    )
                )
            problems.extend(self._numbers_agree(row, owner.id_number, owner.phone, owner.landline))
        return problems

    def _numbers_agree(
        self, row: int, id_number: str, phone: str | None, landline: str | None
    ) -> list[ValidationError]:
        """One person (one ID number) has one phone and one landline: two rows giving two are refused.

        Else the later row would quietly win, for this person in every room. A row leaving a
        number out says nothing of it.
        """
        problems = []
        for kind, number, template, mask in (
            ("phone", phone, _OTHER_PHONE, mask_phone),
            ("landline", landline, _OTHER_LANDLINE, mask_landline),
        ):
            if not number:
                continue
            given, first_row = self.numbers_of_id.setdefault((id_number, kind), (number, row))
            if given != number:
                problems.append(
                    ValidationError(
                        "owner_ids",
                        template,
                        id_number=mask_id_number(id_number),
                        row=first_row,
                        number=mask(given),
                    )
                )
        return problems


_OTHER_PHONE = QT_TRANSLATE_NOOP(
    "messages", "ID number {id_number} is given on row {row} with another phone ({number})"
)
_OTHER_LANDLINE = QT_TRANSLATE_NOOP(
    "messages", "ID number {id_number} is given on row {row} with another landline ({number})"
)


def _spread(
    text: str, people: int, key: str, problems: Problems, separator: re.Pattern[str] = SLOT_SEPARATOR
) -> list[str]:
    """One value per person: a single value goes to the first person, several in order."""
    slots = split_slots(text, separator)
    if len(slots) == people:
        return slots
    if len(slots) == 0:
        return [""] * people
    lease = key in ("lease_from", "lease_to")
    if lease and len(slots) == 1 and people:
        return slots * people  # one lease for everyone renting the room
    if len(slots) == 1 and people:
        return slots + [""] * (people - 1)
    if lease and not people:
        problems.append(
            ValidationError(key, QT_TRANSLATE_NOOP("messages", "a lease date is given but no tenant"))
        )
    elif not people:
        problems.append(
            ValidationError(
                key, QT_TRANSLATE_NOOP("messages", "there is no name for '{value}'"), value=text.strip()
            )
        )
    else:
        problems.append(
            ValidationError(
                key,
                QT_TRANSLATE_NOOP(
                    "messages", "{count} values for {people} names: give one, or one per name in order"
                ),
                count=len(slots),
                people=people,
            )
        )
    return [""] * people


# ---------------------------------------------------------------- what a row changes


def _describe_row(code: str, plan: Plan | InputRejected) -> RowChange:
    """What one row does to its room, as ``plan_import`` worked it out."""
    if isinstance(plan, InputRejected):
        return RowChange("unchanged", code, errors=tuple(plan.errors))
    if not plan.changes:
        return RowChange("unchanged", code)  # not written: nothing to warn of or refuse
    before, after, found = plan.before, plan.after, plan.found
    removals = tuple(
        Removal(item.what, item.value, HOUSEHOLDS.column_of(item.field), _REMOVALS[item.what], item.of)
        for item in found.removals
    )
    if before is None:
        return RowChange("new", code, (), removals, found.cautions, found.errors)
    old, new = cell_texts(before), cell_texts(after)
    fields = tuple(
        FieldChange(key, _shown(key, old[key]), _shown(key, new[key])) for key in old if old[key] != new[key]
    )
    return RowChange("updated", code, fields, removals, found.cautions, found.errors)


def cell_texts(room: RoomDetail) -> dict[str, str]:
    """What a room's row says, by field, as text (phones and ID numbers in full; not the room code)."""
    tenants = [r for r in room.residents if r.role is ResidentRole.TENANT]
    return {
        "area": format_area(room.area_centi),
        "use": ROOM_USE_WORDS[room.use][0],
        "occupancy": OCCUPANCY_WORDS[room.occupancy][0],
        "owner_names": LIST_JOIN.join(p.name for p in room.owners),
        "owner_phones": join_slots([p.phone or "" for p in room.owners]),
        "owner_ids": join_slots([p.id_number or "" for p in room.owners]),
        "tenant_names": LIST_JOIN.join(t.name for t in tenants),
        "tenant_phones": join_slots([t.phone or "" for t in tenants]),
        "lease_from": _lease_cell([t.lease_from for t in tenants]),
        "lease_to": _lease_cell([t.lease_to for t in tenants]),
        "flags": LIST_JOIN.join(FLAG_WORDS[flag][0] for flag in Flag if flag in room.flags),
        "note": room.note,
        "owner_landlines": join_slots([p.landline or "" for p in room.owners]),
        "tenant_landlines": join_slots([t.landline or "" for t in tenants]),
        "parking": LIST_JOIN.join(room.parking),
    }


def _shown(key: str, text: str) -> str:
    """A cell's text as a preview shows it: phones and ID numbers masked, slot by slot."""
    mask = _MASKED_COLUMNS.get(key)
    if mask is None or not text:
        return text
    return LIST_JOIN.join(mask(value) for value in text.split(LIST_JOIN))


# ---------------------------------------------------------------- import and export


def preview_households(path: Path, mapping: Mapping[str, int] | None = None) -> ImportPreview[RoomRowInput]:
    """Read a households file and check every row, writing nothing."""
    return preview(HOUSEHOLDS, path, mapping)


def export_households(path: Path, room_ids: Sequence[int] | None = None, masked: bool = False) -> int:
    """Write rooms to an .xlsx or .csv file with the canonical headers; return how many.

    ``room_ids`` None exports every room not archived, in list order; the GUI passes its
    filtered list in display order. ``masked`` hides the middle of phones and ID numbers
    (such a file is for reading, and will not import again).
    """
    ids = [row.id for row in list_rooms()] if room_ids is None else list(room_ids)
    details = load_room_details(ids)
    rooms = [details[room_id] for room_id in dict.fromkeys(ids) if room_id in details]
    return export_records(HOUSEHOLDS, path, rooms, masked)


def export_record(detail: RoomDetail, masked: bool = False) -> list[Cell]:
    """One room as a row under ``CANONICAL_HEADERS``.

    The area is a number, and so are building, unit and room numbers that are plain numbers (so
    that Excel sorts 1, 2, 10); everything else is text.
    """
    phone = mask_phone if masked else (lambda value: value or "")
    landline = mask_landline if masked else (lambda value: value or "")
    id_number = mask_id_number if masked else (lambda value: value or "")
    tenants = [r for r in detail.residents if r.role is ResidentRole.TENANT]
    return [
        number_or_text(detail.building),
        number_or_text(detail.unit),
        number_or_text(detail.number),
        Decimal(detail.area_centi).scaleb(-2),
        ROOM_USE_WORDS[detail.use][0],
        OCCUPANCY_WORDS[detail.occupancy][0],
        LIST_JOIN.join(p.name for p in detail.owners),
        join_slots([phone(p.phone) for p in detail.owners]),
        join_slots([id_number(p.id_number) for p in detail.owners]),
        LIST_JOIN.join(t.name for t in tenants),
        join_slots([phone(t.phone) for t in tenants]),
        _lease_cell([t.lease_from for t in tenants]),
        _lease_cell([t.lease_to for t in tenants]),
        LIST_JOIN.join(FLAG_WORDS[flag][0] for flag in Flag if flag in detail.flags),
        detail.note,
        join_slots([landline(p.landline) for p in detail.owners]),
        join_slots([landline(t.landline) for t in tenants]),
        LIST_JOIN.join(detail.parking),
    ]


def number_or_text(part: str) -> Cell:
    """A building, unit or room number as a spreadsheet cell: a number when it reads as one unchanged.

    ``501`` becomes 501; ``0501``, ``A``, ``501A`` stay text (a number would lose or refuse them).
    A CSV writes either as the same characters, so only the .xlsx differs.
    """
    if part.isascii() and part.isdigit() and (part == "0" or not part.startswith("0")):
        return int(part)
    return part


def _lease_cell(dates: Sequence[date | None]) -> str:
    if not dates:
        return ""
    if len(set(dates)) == 1:  # one lease for everyone renting the room: one date
        return iso_date(dates[0]) or ""
    return LIST_JOIN.join(iso_date(value) or "" for value in dates)
