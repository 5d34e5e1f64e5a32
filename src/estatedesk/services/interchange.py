"""Households import from and export to Excel (.xlsx) and CSV files.

Import is two steps, so the clerk sees every problem before anything is written:
``preview_households`` reads the file, finds the columns by their header names and checks
every row; ``import_households`` then writes the checked rows in one transaction, each through
the households service's one writer (``room_writer.RoomWriter``), so that a row is saved by the
very rules the room dialog's save follows.
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from peewee import IntegrityError

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError, InputRejected, ValidationError
from estatedesk.domain.households import (
    FLAG_WORDS,
    OCCUPANCY_WORDS,
    ROOM_CODE_SEPARATOR,
    ROOM_USE_WORDS,
    Flag,
    Occupancy,
    ResidentRole,
    RoomUse,
    compose_room_code,
    format_area,
    mask_id_number,
    mask_phone,
    parse_date,
    parse_flags,
    parse_occupancy,
    parse_room_use,
    split_list,
    split_room_code,
)
from estatedesk.services.households import check_room, list_rooms
from estatedesk.services.room_records import (
    CheckedRoom,
    PersonInput,
    ResidentInput,
    RoomDetail,
    RoomInput,
    load_room_details,
)
from estatedesk.services.room_writer import Keep, RoomWriter, code_taken_error
from estatedesk.store import audit
from estatedesk.store.models import database_proxy

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
PROGRESS_EVERY = 100
LIST_JOIN = "、"
# How many leading rows may hold a title above the header row (e.g. "幸福里小区住户登记表").
HEADER_SEARCH_ROWS = 10


# ---------------------------------------------------------------- errors


class InterchangeFileError(EstateDeskError):
    """A whole file cannot be read or written (not a row of it)."""


class ImportCancelled(EstateDeskError):
    """The clerk cancelled an import; the estate file is as it was before."""


# ---------------------------------------------------------------- columns


@dataclass(frozen=True)
class ImportField:
    """A column of the households sheet: its key, its Chinese header and the names it also goes by."""

    key: str
    header: str
    synonyms: tuple[str, ...] = ()
    required: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """Every header this field is recognised by, the canonical one first."""
        return (self.header, *self.synonyms)


FIELDS: tuple[ImportField, ...] = (
    ImportField("building", "楼栋", ("楼号", "栋", "幢", "楼栋号", "栋号", "楼")),
    ImportField("unit", "单元", ("单元号",)),
    ImportField(
        "number", "房号", ("室号", "门牌号", "房间号", "房屋编号", "房屋号", "房号编码"), required=True
    ),
    ImportField("area", "专有面积", ("面积", "建筑面积", "套内面积", "产权面积", "房屋面积"), required=True),
    ImportField("use", "用途", ("房屋用途", "类型", "房屋类型")),
    ImportField("occupancy", "状态", ("居住状态", "入住状态", "房屋状态")),
    ImportField("owner_names", "业主姓名", ("业主", "户主", "姓名", "产权人", "业主名称")),
    ImportField(
        "owner_phones",
        "业主电话",
        ("电话", "手机", "联系电话", "手机号", "业主手机", "手机号码", "电话号码", "业主联系电话"),
    ),
    ImportField("owner_ids", "身份证号", ("身份证", "证件号码", "身份证号码", "证件号", "业主身份证号")),
    ImportField("tenant_names", "租户姓名", ("租户", "承租人", "承租人姓名")),
    ImportField("tenant_phones", "租户电话", ("租户手机", "承租人电话", "承租人手机", "租户联系电话")),
    ImportField("lease_from", "租期起", ("租赁开始", "起租日期", "租期开始", "租赁开始日期")),
    ImportField("lease_to", "租期止", ("租赁结束", "到期日期", "租期结束", "租赁结束日期")),
    ImportField("flags", "标记", ("特殊标记", "困难类型")),
    ImportField("note", "备注", ("说明",)),
)
FIELD_BY_KEY: dict[str, ImportField] = {f.key: f for f in FIELDS}
CANONICAL_HEADERS: tuple[str, ...] = tuple(f.header for f in FIELDS)
_FIELD_ORDER = {f.key: i for i, f in enumerate(FIELDS)}

_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>|〔[^〕]*〕")
_HEADER_NOISE = re.compile(r"[\s*:：_\-]+")
_UNIT_SUFFIX = re.compile(r"(?:/|单位)?(?:m2|平方米|平米)$")


def normalize_header(text: str) -> str:
    """Fold a header for matching: no spaces, no bracketed units such as （㎡）, any case.

    NFKC turns full-width brackets and letters into ASCII and ㎡/m² into m2 first.
    """
    folded = unicodedata.normalize("NFKC", str(text))
    folded = _BRACKETED.sub("", folded)
    folded = _HEADER_NOISE.sub("", folded).casefold()
    stripped = _UNIT_SUFFIX.sub("", folded)
    return stripped or folded


_NAME_INDEX: dict[str, tuple[str, int]] = {
    normalize_header(name): (f.key, rank) for f in FIELDS for rank, name in enumerate(f.names)
}


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Map field keys to column indexes by header name; the canonical name wins over a synonym."""
    best: dict[str, tuple[int, int]] = {}
    for column, header in enumerate(headers):
        hit = _NAME_INDEX.get(normalize_header(header)) if header.strip() else None
        if hit is None:
            continue
        key, rank = hit
        if key not in best or (rank, column) < best[key]:
            best[key] = (rank, column)
    return {f.key: best[f.key][1] for f in FIELDS if f.key in best}


# ---------------------------------------------------------------- reading files


def cell_text(value: object) -> str:
    """The text of a spreadsheet cell: numbers without float noise, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        # A phone typed into Excel comes back as 13812345678.0 or 1.3812345678e10.
        if value.is_integer():
            return str(int(value))
        return repr(value)
    return str(value).strip()


@dataclass(frozen=True)
class Sheet:
    """The non-empty rows of a file, each with its spreadsheet row number (1-based)."""

    rows: list[tuple[int, list[str]]]


def _file_name(path: Path) -> str:
    return path.name or str(path)


def read_sheet(path: Path) -> Sheet:
    """Read the first worksheet of an .xlsx, or a .csv file, as text cells."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "{name} is an old .xls workbook; save it as .xlsx or .csv first"),
            name=_file_name(path),
        )
    if suffix not in XLSX_SUFFIXES + CSV_SUFFIXES:
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "{name} is not an .xlsx or .csv file"), name=_file_name(path)
        )
    if not path.is_file():
        raise InterchangeFileError(QT_TRANSLATE_NOOP("messages", "{name} does not exist"), name=str(path))
    try:
        raw_rows = _read_xlsx(path) if suffix in XLSX_SUFFIXES else _read_csv(path)
        rows = [(number, cells) for number, cells in raw_rows if any(cells)]
    except InterchangeFileError:
        raise
    except OSError as error:
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "cannot read {name}: {reason}"),
            name=_file_name(path),
            reason=error.strerror or str(error),
        ) from None
    except Exception as error:  # openpyxl and zipfile raise many kinds for a damaged file
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "cannot read {name}: {reason}"),
            name=_file_name(path),
            reason=str(error),
        ) from None
    if not rows:
        raise InterchangeFileError(QT_TRANSLATE_NOOP("messages", "{name} is empty"), name=_file_name(path))
    return Sheet(rows)


def _read_xlsx(path: Path) -> list[tuple[int, list[str]]]:
    import openpyxl  # imported here: loading openpyxl costs ~0.2 s and most runs never need it

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        # Some programs write a wrong <dimension>; without this, rows past it would be lost.
        sheet.reset_dimensions()
        return [
            (number, [cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()  # read-only workbooks keep the file open (and locked on Windows)


def decode_text(data: bytes) -> str:
    """Decode a text file: UTF-16 or UTF-8 (with or without BOM), else GB18030 (Chinese Excel's CSV)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "the file is neither UTF-8 nor GBK text")
        ) from None


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: whichever of comma, semicolon and tab its first line uses most."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(path: Path) -> list[tuple[int, list[str]]]:
    text = decode_text(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        # Spreadsheet rows are records: a quoted cell with a line break stays one row, as in Excel.
        return [(number, [cell.strip() for cell in record]) for number, record in enumerate(reader, 1)]
    except csv.Error as error:
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "cannot read {name}: {reason}"),
            name=_file_name(path),
            reason=str(error),
        ) from None


# ---------------------------------------------------------------- values in cells


# Beyond what the room dialog accepts: 20250301, and the midnight Excel adds to dates in CSV.
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME_OF_DAY = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
# Slots keep their places: "、13900000000" is no phone for the first owner, one for the second.
_SLOT_SEPARATOR = re.compile(r"[、,，;；/／|\n]")
_DATE_SEPARATOR = re.compile(r"[、,，;；|\n]")
_BUILDING_SUFFIX = re.compile(r"^([0-9A-Za-z]+)\s*(?:号楼|号栋|栋|幢|座|号)$")
_UNIT_SUFFIX_WORD = re.compile(r"^([0-9A-Za-z]+)\s*单元$")
_NUMBER_SUFFIX = re.compile(r"^([0-9A-Za-z]+)\s*(?:室|号)$")


def parse_date_text(text: str, field: str = "date") -> date | None:
    """Read a date written as 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日 or 20250301; empty is None."""
    value = text.strip()
    compact = _COMPACT_DATE.match(value)
    try:
        if compact:
            return parse_date(f"{compact[1]}-{compact[2]}-{compact[3]}", field)
        return parse_date(_TIME_OF_DAY.sub("", value), field)
    except ValidationError as error:
        # Name the cell as the clerk wrote it, not as it was tidied here.
        raise ValidationError(field, error.template, value=value) from None


def split_slots(text: str, separator: re.Pattern[str] = _SLOT_SEPARATOR) -> list[str]:
    """Split a cell listing values for several people, keeping empty places; empty cell: none."""
    if not text.strip():
        return []
    return [part.strip() for part in separator.split(text.replace("\r\n", "\n"))]


def _strip_suffix(text: str, pattern: re.Pattern[str]) -> str:
    # "3号楼", "2单元", "501室" are what clerks type; the room code wants 3-2-501.
    match = pattern.match(text)
    return match[1] if match else text


# ---------------------------------------------------------------- preview


@dataclass(frozen=True)
class RowError:
    """One problem with one row: spreadsheet row number, column header as in the file, and why."""

    row: int
    column: str
    reason: str
    template: str = ""
    params: Mapping[str, object] = field(default_factory=dict)
    field: str = ""

    def as_json(self) -> dict[str, object]:
        """The error as the CLI prints it with ``--json``."""
        return {"row": self.row, "column": self.column, "reason": self.reason}

    @property
    def error(self) -> ValidationError | None:
        """The reason as a typed error, for the GUI to translate (template and parameters)."""
        return ValidationError(self.field, self.template, **self.params) if self.template else None


@dataclass(frozen=True)
class PreviewRow:
    """One data row of the file: its cells by field, and the checked room or its errors."""

    row: int
    values: Mapping[str, str]
    code: str
    checked: CheckedRoom | None
    existing_id: int | None
    keep: frozenset[Keep]
    errors: tuple[RowError, ...] = ()


@dataclass
class ImportPreview:
    """What a file would import: its headers, the column mapping, its rows and every error.

    ``rows`` are the rows that can be imported, ``bad_rows`` the others; ``errors`` lists the
    problems of both the header row and the data rows, by row number.
    """

    path: Path
    headers: list[str]
    header_row: int
    mapping: dict[str, int]
    rows: list[PreviewRow]
    bad_rows: list[PreviewRow]
    errors: list[RowError]
    # (key, canonical Chinese header) of every field, in sheet order: the GUI's mapping combos.
    fields: list[tuple[str, str]] = field(default_factory=lambda: [(f.key, f.header) for f in FIELDS])

    @property
    def total_rows(self) -> int:
        """How many data rows the file has (empty rows left out)."""
        return len(self.rows) + len(self.bad_rows)

    @property
    def file_errors(self) -> list[RowError]:
        """Errors of the header row (a required column missing): no row can be imported then."""
        return [error for error in self.errors if error.row == self.header_row]

    @property
    def bad_row_numbers(self) -> list[int]:
        """Spreadsheet numbers of the rows with errors."""
        return [row.row for row in self.bad_rows]

    @property
    def new_count(self) -> int:
        """Rows that would add a room."""
        return sum(1 for row in self.rows if row.existing_id is None)

    @property
    def update_count(self) -> int:
        """Rows that would update a room already in the estate file."""
        return sum(1 for row in self.rows if row.existing_id is not None)

    def column_label(self, key: str) -> str:
        """The header a field is read from, as written in the file (or its canonical name)."""
        return _column_label(key, self.mapping, self.headers)


def _column_label(key: str, mapping: Mapping[str, int], headers: Sequence[str]) -> str:
    if key in ("building", "unit") and key not in mapping and "number" in mapping:
        key = "number"  # the building then has to come from a full code such as 3-2-501
    index = mapping.get(key)
    if index is not None and index < len(headers) and headers[index].strip():
        return headers[index].strip()
    spec = FIELD_BY_KEY.get(key)
    return spec.header if spec else key


_PERSON_FIELD = re.compile(r"^(owners|residents)\[\d+\]\.(\w+)$")
_PERSON_COLUMNS = {
    ("owners", "name"): "owner_names",
    ("owners", "phone"): "owner_phones",
    ("owners", "id_number"): "owner_ids",
    ("residents", "name"): "tenant_names",
    ("residents", "phone"): "tenant_phones",
    ("residents", "id_number"): "tenant_names",
    ("residents", "lease_from"): "lease_from",
    ("residents", "lease_to"): "lease_to",
}


def _column_of(check_field: str) -> str:
    """The import column a ``check_room`` field name such as ``owners[1].phone`` comes from."""
    match = _PERSON_FIELD.match(check_field)
    if match:
        return _PERSON_COLUMNS.get((match[1], match[2]), "number")
    if check_field in FIELD_BY_KEY:
        return check_field
    return "number"  # the room as a whole (e.g. its parking spaces)


# The parts of a room kept as stored when the file has no column for them (column: field key).
_KEPT_UNLESS_MAPPED: tuple[tuple[Keep, str], ...] = (
    (Keep.USE, "use"),
    (Keep.FLAGS, "flags"),
    (Keep.NOTE, "note"),
    (Keep.OWNERS, "owner_names"),
    (Keep.OWNER_PHONES, "owner_phones"),
    (Keep.TENANTS, "tenant_names"),
    (Keep.TENANT_PHONES, "tenant_phones"),
    (Keep.LEASE_FROM, "lease_from"),
    (Keep.LEASE_TO, "lease_to"),
)


class _RowParser:
    """Turns the cells of one row into a ``RoomInput`` plus the errors found on the way."""

    def __init__(self, mapping: Mapping[str, int], headers: Sequence[str]) -> None:
        self.mapping = mapping
        self.headers = headers

    def error(self, row: int, key: str, error: ValidationError) -> RowError:
        return RowError(
            row=row,
            column=_column_label(key, self.mapping, self.headers),
            reason=error.message,
            template=error.template,
            params=dict(error.params),
            field=key,
        )

    def parse(
        self, cells: Sequence[str]
    ) -> tuple[dict[str, str], RoomInput, frozenset[Keep], list[tuple[str, ValidationError]]]:
        values = {key: (cells[index] if index < len(cells) else "") for key, index in self.mapping.items()}
        mapped = self.mapping.keys()
        problems: list[tuple[str, ValidationError]] = []

        def attempt(key: str, check: Callable[..., Any], *args: Any) -> Any:
            try:
                return check(*args)
            except ValidationError as error:
                problems.append((key, error))
                return None

        building, unit, room_number = self._code_parts(values, problems)
        use = attempt("use", parse_room_use, values.get("use", ""), "use") or RoomUse.RESIDENTIAL
        occupancy = None
        if values.get("occupancy", ""):
            occupancy = attempt("occupancy", parse_occupancy, values["occupancy"], "occupancy")
        flags = attempt("flags", parse_flags, values.get("flags", ""), "flags") or frozenset()

        owner_names = split_list(values.get("owner_names", ""))
        owner_phones = self._spread(
            values.get("owner_phones", ""), len(owner_names), "owner_phones", problems
        )
        owner_ids = self._spread(values.get("owner_ids", ""), len(owner_names), "owner_ids", problems)
        owners = [
            PersonInput(name, phone, id_number)
            for name, phone, id_number in zip(owner_names, owner_phones, owner_ids, strict=True)
        ]

        tenant_names = split_list(values.get("tenant_names", ""))
        tenant_phones = self._spread(
            values.get("tenant_phones", ""), len(tenant_names), "tenant_phones", problems
        )
        leases: dict[str, list[date | None]] = {}
        for key in ("lease_from", "lease_to"):
            texts = self._spread(values.get(key, ""), len(tenant_names), key, problems, _DATE_SEPARATOR)
            leases[key] = [attempt(key, parse_date_text, text, key) for text in texts]
        tenants = [
            ResidentInput(name, phone, "", ResidentRole.TENANT, start, end)
            for name, phone, start, end in zip(
                tenant_names, tenant_phones, leases["lease_from"], leases["lease_to"], strict=True
            )
        ]
        if occupancy is None:
            occupancy = Occupancy.RENTED if tenants else Occupancy.SELF_OCCUPIED

        # What the file does not say is kept from the room already in the estate file; a file
        # never lists family members or parking spaces.
        keep = {Keep.FAMILY, Keep.PARKING}
        keep.update(part for part, key in _KEPT_UNLESS_MAPPED if key not in mapped)
        if "occupancy" not in mapped and not tenants:
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
        )
        return values, data, frozenset(keep), problems

    def _code_parts(
        self, values: Mapping[str, str], problems: list[tuple[str, ValidationError]]
    ) -> tuple[str, str, str]:
        building = _strip_suffix(values.get("building", ""), _BUILDING_SUFFIX)
        unit = _strip_suffix(values.get("unit", ""), _UNIT_SUFFIX_WORD)
        number = values.get("number", "")
        if ROOM_CODE_SEPARATOR not in number:
            return building, unit, _strip_suffix(number, _NUMBER_SUFFIX)
        # A full code such as 3-2-501 in the room-number column.
        code_building, code_unit, code_number = split_room_code(number)
        code_building = _strip_suffix(code_building.strip(), _BUILDING_SUFFIX)
        code_unit = _strip_suffix(code_unit.strip(), _UNIT_SUFFIX_WORD)
        if building and building != code_building:
            problems.append(
                (
                    "building",
                    ValidationError(
                        "building",
                        QT_TRANSLATE_NOOP("messages", "room code {code} does not match the building {value}"),
                        code=number,
                        value=building,
                    ),
                )
            )
        if unit and unit != code_unit:
            problems.append(
                (
                    "unit",
                    ValidationError(
                        "unit",
                        QT_TRANSLATE_NOOP("messages", "room code {code} does not match the unit {value}"),
                        code=number,
                        value=unit,
                    ),
                )
            )
        return code_building, code_unit, _strip_suffix(code_number.strip(), _NUMBER_SUFFIX)

    @staticmethod
    def _spread(
        text: str,
        people: int,
        key: str,
        problems: list[tuple[str, ValidationError]],
        separator: re.Pattern[str] = _SLOT_SEPARATOR,
    ) -> list[str]:
        """One value per person: a single value goes to the first person, several in order."""
        slots = split_slots(text, separator)
        if len(slots) == people:
            return slots
        if len(slots) == 0:
            return [""] * people
        if key in ("lease_from", "lease_to") and len(slots) == 1 and people:
            return slots * people  # one lease for everyone renting the room
        if len(slots) == 1 and people:
            return slots + [""] * (people - 1)
        if key in ("lease_from", "lease_to") and not people:
            problems.append(
                (
                    key,
                    ValidationError(
                        key,
                        QT_TRANSLATE_NOOP("messages", "a lease date is given but no tenant"),
                    ),
                )
            )
        elif not people:
            problems.append(
                (
                    key,
                    ValidationError(
                        key,
                        QT_TRANSLATE_NOOP("messages", "there is no name for '{value}'"),
                        value=text.strip(),
                    ),
                )
            )
        else:
            problems.append(
                (
                    key,
                    ValidationError(
                        key,
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "{count} values for {people} names: give one, or one per name in order",
                        ),
                        count=len(slots),
                        people=people,
                    ),
                )
            )
        return [""] * people


def _existing_rooms() -> dict[str, tuple[int, bool]]:
    """Room code → (id, archived) for every room in the estate file."""
    return {
        code: (room_id, bool(archived))
        for code, room_id, archived in database_proxy.execute_sql(
            "SELECT code, id, archived_at IS NOT NULL FROM room"
        )
    }


def _sorted_errors(errors: Iterable[RowError]) -> list[RowError]:
    # Two tenants sharing one bad lease date give one error, not two.
    unique = {(e.row, e.field, e.column, e.reason): e for e in errors}
    return sorted(unique.values(), key=lambda e: (e.row, _FIELD_ORDER.get(e.field, len(FIELDS))))


def preview_households(path: Path, mapping: dict[str, int] | None = None) -> ImportPreview:
    """Read a households file and check every row, writing nothing.

    ``mapping`` (field key → 0-based column) overrides the columns found by header name;
    the GUI passes the clerk's corrections here.
    """
    path = Path(path)
    sheet = read_sheet(path)
    header_index = _find_header(sheet)
    header_row, header_cells = sheet.rows[header_index]
    # Columns run as far as any row uses them; trailing empty cells are dropped.
    width = max(_used_width(cells) for _, cells in sheet.rows)
    headers = [*header_cells, *[""] * width][:width]
    mapping = guess_mapping(headers) if mapping is None else _check_mapping(mapping, len(headers))
    errors = _mapping_errors(mapping, headers, header_row)
    data_rows = sheet.rows[header_index + 1 :]
    if errors:
        unread = [PreviewRow(n, {}, "", None, None, frozenset()) for n, _ in data_rows]
        return ImportPreview(path, headers, header_row, mapping, [], unread, _sorted_errors(errors))
    if not data_rows:
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "{name} has a header row but no rows to import"),
            name=_file_name(path),
        )

    parser = _RowParser(mapping, headers)
    existing = _existing_rooms()
    first_row_of_code: dict[str, int] = {}
    id_numbers: dict[str, tuple[str, int]] = {}
    rows: list[PreviewRow] = []
    bad_rows: list[PreviewRow] = []
    for number, cells in data_rows:
        values, data, keep, problems = parser.parse(cells)
        row_errors = [parser.error(number, key, error) for key, error in problems]
        checked: CheckedRoom | None = None
        try:
            checked = check_room(data)
        except InputRejected as rejected:
            for error in rejected.errors:
                if error.field == "area" and not data.area.strip():
                    # parse_area would say "'' is not an area"; an empty cell is a missing value.
                    error = ValidationError("area", QT_TRANSLATE_NOOP("messages", "the area is required"))
                row_errors.append(parser.error(number, _column_of(error.field), error))
        # Rows with other errors still claim their room code, so a repeat is found in one pass.
        code = checked.code if checked else compose_room_code(data.building, data.unit, data.number)
        row_errors.extend(
            _cross_row_errors(parser, number, code, checked, existing, first_row_of_code, id_numbers)
        )
        found = existing.get(code) if checked else None
        existing_id = found[0] if found else None
        final = _sorted_errors(row_errors)
        errors.extend(final)
        (bad_rows if final else rows).append(
            PreviewRow(
                number,
                values,
                code,
                checked if not final else None,
                existing_id,
                keep,
                tuple(final),
            )
        )
    return ImportPreview(path, headers, header_row, mapping, rows, bad_rows, _sorted_errors(errors))


def _used_width(cells: Sequence[str]) -> int:
    return max((i + 1 for i, cell in enumerate(cells) if cell), default=0)


def _find_header(sheet: Sheet) -> int:
    """The header row: the first of the leading rows naming both required columns, else the first row."""
    required = {f.key for f in FIELDS if f.required}
    for index, (_, cells) in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        if required <= guess_mapping(cells).keys():
            return index
    return 0


def _check_mapping(mapping: Mapping[str, int], width: int) -> dict[str, int]:
    unknown = [key for key in mapping if key not in FIELD_BY_KEY]
    outside = [key for key, index in mapping.items() if not 0 <= index < width]
    if unknown or outside:
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "the column mapping does not fit the file: {fields}"),
            fields=", ".join(unknown + outside),
        )
    return {f.key: mapping[f.key] for f in FIELDS if f.key in mapping}


def _mapping_errors(mapping: Mapping[str, int], headers: Sequence[str], header_row: int) -> list[RowError]:
    errors = []
    for spec in FIELDS:
        if spec.required and spec.key not in mapping:
            template = QT_TRANSLATE_NOOP("messages", "required column not found in the header row")
            errors.append(RowError(header_row, spec.header, template, template, {}, spec.key))
    used: dict[int, str] = {}
    for key, index in mapping.items():
        if index in used:
            template = QT_TRANSLATE_NOOP("messages", "the same column is chosen for {first} and {second}")
            params = {"first": FIELD_BY_KEY[used[index]].header, "second": FIELD_BY_KEY[key].header}
            errors.append(
                RowError(
                    header_row,
                    _column_label(key, mapping, headers),
                    template.format(**params),
                    template,
                    params,
                    key,
                )
            )
        used.setdefault(index, key)
    return errors


def _cross_row_errors(
    parser: _RowParser,
    number: int,
    code: str,
    checked: CheckedRoom | None,
    existing: Mapping[str, tuple[int, bool]],
    first_row_of_code: dict[str, int],
    id_numbers: dict[str, tuple[str, int]],
) -> list[RowError]:
    """Problems only the whole file (or the estate file) shows: repeated rooms, archived rooms, IDs."""
    errors = []
    first = first_row_of_code.setdefault(code, number) if code else number
    if first != number:
        errors.append(
            parser.error(
                number,
                "number",
                ValidationError(
                    "number",
                    QT_TRANSLATE_NOOP("messages", "room {code} is already on row {row}"),
                    code=code,
                    row=first,
                ),
            )
        )
    if checked is None:
        return errors
    found = existing.get(checked.code)
    if found is not None and found[1]:
        errors.append(parser.error(number, "number", code_taken_error(checked.code, archived=True)))
    for owner in checked.owners:
        if not owner.id_number:
            continue
        name, row = id_numbers.setdefault(owner.id_number, (owner.name, number))
        if name != owner.name:
            # The ID number names one person: two names for it would merge two people into one.
            errors.append(
                parser.error(
                    number,
                    "owner_ids",
                    ValidationError(
                        "owner_ids",
                        QT_TRANSLATE_NOOP("messages", "this ID number is also given for {name} on row {row}"),
                        name=name,
                        row=row,
                    ),
                )
            )
    return errors


# ---------------------------------------------------------------- import


@dataclass
class ImportResult:
    """What an import did: rooms added, rooms matched by code (``unchanged`` of them as they were)."""

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    written: bool = False

    def as_json(self) -> dict[str, object]:
        """The result as the CLI prints it with ``--json``."""
        return {
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [error.as_json() for error in self.errors],
        }


class _RolledBack(Exception):
    """Raised to roll the whole import back when rows were refused and not ``valid_only``."""


def import_households(
    preview: ImportPreview,
    valid_only: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Write a previewed file in one transaction; nothing is written while any row is bad.

    With ``valid_only`` the good rows are written and the bad ones reported. Rooms are matched
    by room code: a match is updated (columns the file lacks are left as they are), anything
    else is added. ``progress(done, total)`` is called every 100 rows; when ``cancelled()``
    returns True everything is rolled back and ``ImportCancelled`` is raised.
    """
    errors = list(preview.errors)
    if preview.file_errors or (errors and not valid_only):
        return ImportResult(errors=_sorted_errors(errors), written=False)
    rows = preview.rows
    if not rows:
        return ImportResult(errors=_sorted_errors(errors), written=False)
    result = ImportResult()
    parser = _RowParser(preview.mapping, preview.headers)
    total = len(rows)
    if progress is not None:
        progress(0, total)
    try:
        with database_proxy.atomic():
            writer = RoomWriter(defer_summaries=True)  # list summaries refreshed 500 rooms at a time
            writer.prefetch([row.checked for row in rows if row.checked is not None])
            for done, row in enumerate(rows, start=1):
                if cancelled is not None and cancelled():
                    raise ImportCancelled(
                        QT_TRANSLATE_NOOP("messages", "the import was cancelled; nothing was changed")
                    )
                assert row.checked is not None  # rows with errors are in bad_rows
                try:
                    outcome = writer.write_by_code(row.checked, row.keep)
                except InputRejected as rejected:
                    errors.extend(parser.error(row.row, _column_of(e.field), e) for e in rejected.errors)
                except IntegrityError as error:
                    refused = QT_TRANSLATE_NOOP("messages", "the estate file refused this row ({detail})")
                    errors.append(
                        parser.error(
                            row.row,
                            "number",
                            ValidationError(
                                "number",
                                refused,
                                detail=str(error),
                            ),
                        )
                    )
                else:
                    result.imported += outcome == "created"
                    result.updated += outcome != "created"
                    result.unchanged += outcome == "unchanged"
                if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
                    progress(done, total)
            if len(errors) > len(preview.errors) and not valid_only:
                raise _RolledBack
            writer.refresh_summaries()
            audit.record(
                "import",
                "households",
                None,
                after={
                    "file": preview.path.name,
                    "imported": result.imported,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                    "skipped_rows": sorted({error.row for error in errors}),
                },
            )
    except _RolledBack:
        return ImportResult(errors=_sorted_errors(errors), written=False)
    result.errors = _sorted_errors(errors)
    result.written = True
    return result


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# ---------------------------------------------------------------- export


_EXPORT_WIDTHS = (6, 6, 9, 10, 7, 7, 16, 26, 42, 14, 14, 12, 12, 14, 30)


def export_households(path: Path, room_ids: Sequence[int] | None = None, masked: bool = False) -> int:
    """Write rooms to an .xlsx or .csv file with the canonical headers; return how many.

    ``room_ids`` None exports every room not archived, in list order; the GUI passes its
    filtered list in display order. ``masked`` hides the middle of phones and ID numbers
    (such a file is for reading, and will not import again).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in XLSX_SUFFIXES + CSV_SUFFIXES:
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "{name} is not an .xlsx or .csv file"), name=_file_name(path)
        )
    ids = [row.id for row in list_rooms()] if room_ids is None else list(room_ids)
    details = load_room_details(ids)
    records = [
        export_record(details[room_id], masked) for room_id in dict.fromkeys(ids) if room_id in details
    ]
    if suffix in XLSX_SUFFIXES:
        _replace_atomically(path, lambda temp: _write_xlsx(temp, records))
    else:
        _replace_atomically(path, lambda temp: _write_csv(temp, records))
    return len(records)


def export_record(detail: RoomDetail, masked: bool = False) -> list[str | float]:
    """One room as a row under ``CANONICAL_HEADERS``; the area is a number, everything else text."""
    phone = mask_phone if masked else (lambda value: value or "")
    id_number = mask_id_number if masked else (lambda value: value or "")
    tenants = [r for r in detail.residents if r.role is ResidentRole.TENANT]
    return [
        detail.building,
        detail.unit,
        detail.number,
        detail.area_centi / 100,
        ROOM_USE_WORDS[detail.use][0],
        OCCUPANCY_WORDS[detail.occupancy][0],
        LIST_JOIN.join(p.name for p in detail.owners),
        _slots([phone(p.phone) for p in detail.owners]),
        _slots([id_number(p.id_number) for p in detail.owners]),
        LIST_JOIN.join(t.name for t in tenants),
        _slots([phone(t.phone) for t in tenants]),
        _lease_cell([t.lease_from for t in tenants]),
        _lease_cell([t.lease_to for t in tenants]),
        LIST_JOIN.join(FLAG_WORDS[flag][0] for flag in Flag if flag in detail.flags),
        detail.note,
    ]


def _slots(values: Sequence[str]) -> str:
    # Empty places are kept ("、139…") so each value stays with its person; all empty is "".
    return LIST_JOIN.join(values) if any(values) else ""


def _lease_cell(dates: Sequence[date | None]) -> str:
    if not dates:
        return ""
    if len(set(dates)) == 1:  # one lease for everyone renting the room: one date
        return _iso(dates[0]) or ""
    return LIST_JOIN.join(_iso(value) or "" for value in dates)


def _replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write to a temporary file beside ``path`` and rename it, so a failure leaves no half file."""
    # Not tempfile.mkstemp: its files are private (0600), and an exported list is for sharing.
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        write(temp)
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "cannot write {name}: {reason}"),
            name=str(path),
            reason=error.strerror or str(error),
        ) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _write_xlsx(path: Path, records: Sequence[Sequence[str | float]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("住户")
    sheet.freeze_panes = "A2"
    for column, width in enumerate(_EXPORT_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    bold = Font(bold=True)

    def cell(value: str | float, header: bool = False) -> Any:
        if isinstance(value, float):
            number = WriteOnlyCell(sheet, value=value)
            number.number_format = "0.00"
            return number
        text = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        if value.startswith("="):
            text.data_type = "s"  # a note such as "=见附件" is text, not a formula
        if header:
            text.font = bold
        return text

    sheet.append([cell(header, header=True) for header in CANONICAL_HEADERS])
    for record in records:
        sheet.append([cell(value) for value in record])
    workbook.save(path)


def _write_csv(path: Path, records: Sequence[Sequence[str | float]]) -> None:
    # UTF-8 with BOM: Excel on Windows takes BOM-less CSV for the ANSI code page (GBK).
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(CANONICAL_HEADERS)
        for record in records:
            writer.writerow(
                [format_area(round(value * 100)) if isinstance(value, float) else value for value in record]
            )
