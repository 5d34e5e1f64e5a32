"""Rooms, people and their identifiers (RULES.md §2), as plain values and checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

MAX_AREA_CENTI = 1_000_000  # 10,000.00 m², exclusive upper bound
ROOM_CODE_SEPARATOR = "-"
_ROOM_PART = re.compile(r"^[0-9A-Za-z\u3400-\u9fff]+$")
_ROOM_CODE = re.compile(r"^[0-9A-Za-z\u3400-\u9fff]+(-[0-9A-Za-z\u3400-\u9fff]+)*$")
_MOBILE = re.compile(r"^1[0-9]{10}$")  # ASCII digits only: what the file stores
_ID_NUMBER = re.compile(r"^[0-9]{17}[0-9X]$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
MAX_NAME_LENGTH = 40
MAX_CODE_LENGTH = 32


class RoomUse(StrEnum):
    """What a room is used for."""

    RESIDENTIAL = "residential"
    SHOP = "shop"
    GARAGE = "garage"


class Occupancy(StrEnum):
    """Who lives in a room now."""

    SELF_OCCUPIED = "self_occupied"
    RENTED = "rented"
    VACANT = "vacant"


class Flag(StrEnum):
    """Circumstances the office must know about a household."""

    HARDSHIP = "hardship"
    ELDERLY_ALONE = "elderly_alone"
    DISABLED = "disabled"


class ResidentRole(StrEnum):
    """How a resident lives in a room."""

    FAMILY = "family"
    TENANT = "tenant"


# The words used for these values in Chinese spreadsheets: the first is what EstateDesk
# writes, the rest are what it also accepts when reading.
ROOM_USE_WORDS: dict[RoomUse, tuple[str, ...]] = {
    RoomUse.RESIDENTIAL: ("住宅", "住房", "居住", "residential"),
    RoomUse.SHOP: ("商铺", "商业", "门面", "门市", "shop"),
    RoomUse.GARAGE: ("车库", "garage"),
}
OCCUPANCY_WORDS: dict[Occupancy, tuple[str, ...]] = {
    Occupancy.SELF_OCCUPIED: ("自住", "自用", "self_occupied"),
    Occupancy.RENTED: ("出租", "租赁", "rented"),
    Occupancy.VACANT: ("空置", "空房", "vacant"),
}
FLAG_WORDS: dict[Flag, tuple[str, ...]] = {
    Flag.HARDSHIP: ("低保", "特困", "低保/特困", "困难", "hardship"),
    Flag.ELDERLY_ALONE: ("独居老人", "独居", "空巢老人", "高龄独居", "80岁以上独居", "elderly_alone"),
    Flag.DISABLED: ("残疾", "残疾人", "disabled"),
}


E = TypeVar("E", bound=StrEnum)


def _word_lookup(words: dict[E, tuple[str, ...]]) -> dict[str, E]:
    return {word.casefold(): value for value, alts in words.items() for word in alts}


_USE_BY_WORD = _word_lookup(ROOM_USE_WORDS)
_OCCUPANCY_BY_WORD = _word_lookup(OCCUPANCY_WORDS)
_FLAG_BY_WORD = _word_lookup(FLAG_WORDS)
LIST_SEPARATORS = re.compile(r"[、,，;；/／\s]+")


def parse_room_use(text: str, field: str = "use") -> RoomUse:
    """Read a room use from its Chinese (or English) word; empty means residential."""
    word = text.strip().casefold()
    if not word:
        return RoomUse.RESIDENTIAL
    try:
        return _USE_BY_WORD[word]
    except KeyError:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "unknown use '{value}' (residential, shop or garage)"),
            value=text.strip(),
        ) from None


def parse_occupancy(text: str, field: str = "occupancy") -> Occupancy:
    """Read an occupancy state from its word; empty means self-occupied."""
    word = text.strip().casefold()
    if not word:
        return Occupancy.SELF_OCCUPIED
    try:
        return _OCCUPANCY_BY_WORD[word]
    except KeyError:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "unknown state '{value}' (self-occupied, rented or vacant)"),
            value=text.strip(),
        ) from None


def parse_flags(text: str, field: str = "flags") -> frozenset[Flag]:
    """Read a list of flags such as ``低保、独居老人``; an empty cell means none."""
    flags: set[Flag] = set()
    for word in split_list(text):
        try:
            flags.add(_FLAG_BY_WORD[word.casefold()])
        except KeyError:
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP("messages", "unknown flag '{value}' (hardship, elderly alone, disabled)"),
                value=word,
            ) from None
    return frozenset(flags)


def split_list(text: str) -> list[str]:
    """Split a cell listing several values (``张三、李四``) into its parts."""
    return [part for part in LIST_SEPARATORS.split(text.strip()) if part]


def normalize_mobile(text: str, field: str = "phone") -> str:
    """Return an 11-digit mainland mobile number, or raise ``ValidationError``."""
    digits = re.sub(r"[\s\-()（）]", "", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if not _MOBILE.match(digits):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a mobile number: 11 digits starting with 1"),
            value=text.strip(),
        )
    return digits


def id_check_character(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits of an ID number."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def normalize_id_number(text: str, field: str = "id_number") -> str:
    """Return an 18-character resident ID number with a correct check character."""
    value = text.strip().upper().replace(" ", "")
    if not _ID_NUMBER.match(value):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "an ID number has 18 characters: 17 digits and a digit or X"),
        )
    if id_check_character(value[:17]) != value[17]:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "the ID number's check character is wrong (mistyped digit?)"),
        )
    return value


def parse_area(value: str | Decimal | float | int, field: str = "area") -> int:
    """Read an exclusive area in m² and return it in hundredths of m² (0 < area < 10,000)."""
    text = str(value).strip().replace(",", "").removesuffix("㎡").removesuffix("m²").strip()
    try:
        area = Decimal(text)
    except InvalidOperation:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "'{value}' is not an area in square metres"), value=text
        ) from None
    if not area.is_finite() or area <= 0 or area >= Decimal(MAX_AREA_CENTI) / 100:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "the area must be above 0 and below 10,000 m²")
        )
    centi = area * 100
    # Spreadsheets often carry float noise (89.5000001); anything below 1/1000 m² is that.
    if abs(centi - centi.to_integral_value()) * 10 >= 1:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "the area has at most 2 decimals, as on the certificate")
        )
    rounded = int(centi.to_integral_value())
    if not 0 < rounded < MAX_AREA_CENTI:  # 0.0001 or 9999.9999 would round to an unstorable value
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "the area must be above 0 and below 10,000 m²")
        )
    return rounded


def format_area(centi: int) -> str:
    """Show an area held in hundredths of m² with two decimals."""
    return f"{centi // 100}.{centi % 100:02d}"


def validate_code_part(text: str, field: str) -> str:
    """Check one part of a room code (building, unit or room number)."""
    part = text.strip()
    if part and not _ROOM_PART.match(part):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "'{value}' may only hold letters, digits and Chinese characters"),
            value=part,
        )
    return part


def compose_room_code(building: str, unit: str, number: str) -> str:
    """Join building, unit and number into a room code such as ``3-2-501``."""
    return ROOM_CODE_SEPARATOR.join(part for part in (building, unit, number) if part)


def split_room_code(code: str) -> tuple[str, str, str]:
    """Split a room code into building, unit and number (missing parts are empty)."""
    parts = code.split(ROOM_CODE_SEPARATOR)
    if len(parts) >= 3:
        return parts[0], parts[1], ROOM_CODE_SEPARATOR.join(parts[2:])
    if len(parts) == 2:
        return parts[0], "", parts[1]
    return "", "", parts[0]


# "3号楼", "2单元", "501室" are what clerks write; a room code wants 3-2-501.
_BUILDING_SUFFIX = re.compile(r"^([0-9A-Za-z]+)\s*(?:号楼|号栋|栋|幢|座|号)$")
_UNIT_SUFFIX = re.compile(r"^([0-9A-Za-z]+)\s*单元$")
_NUMBER_SUFFIX = re.compile(r"^([0-9A-Za-z]+)\s*(?:室|号)$")


def _without_suffix(text: str, pattern: re.Pattern[str]) -> str:
    match = pattern.match(text)
    return match[1] if match else text


def room_code_parts(
    building: str, unit: str, number: str, problems: list[ValidationError]
) -> tuple[str, str, str]:
    """Building, unit and room number as clerks write them, as the parts of a room code.

    ``3号楼``, ``2单元``, ``501室`` become 3, 2, 501; a whole code such as ``3-2-501`` may stand in
    ``number`` alone. A building or unit that contradicts that code is added to ``problems``.
    """
    building = _without_suffix(building, _BUILDING_SUFFIX)
    unit = _without_suffix(unit, _UNIT_SUFFIX)
    if ROOM_CODE_SEPARATOR not in number:
        return building, unit, _without_suffix(number, _NUMBER_SUFFIX)
    code_building, code_unit, code_number = split_room_code(number)
    code_building = _without_suffix(code_building.strip(), _BUILDING_SUFFIX)
    code_unit = _without_suffix(code_unit.strip(), _UNIT_SUFFIX)
    if building and building != code_building:
        problems.append(
            ValidationError(
                "building",
                QT_TRANSLATE_NOOP("messages", "room code {code} does not match the building {value}"),
                code=number,
                value=building,
            )
        )
    if unit and unit != code_unit:
        problems.append(
            ValidationError(
                "unit",
                QT_TRANSLATE_NOOP("messages", "room code {code} does not match the unit {value}"),
                code=number,
                value=unit,
            )
        )
    return code_building, code_unit, _without_suffix(code_number.strip(), _NUMBER_SUFFIX)


def validate_room_code(code: str, field: str = "number") -> str:
    """Check a whole room code: not empty, no spaces, at most 32 characters."""
    value = code.strip()
    if not value:
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "the room number is required"))
    if len(value) > MAX_CODE_LENGTH or not _ROOM_CODE.match(value):
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "'{value}' is not a room code such as 3-2-501"), value=value
        )
    return value


def validate_person_name(text: str, field: str = "name") -> str:
    """Check a person's name: present and of a sensible length."""
    name = re.sub(r"\s+", " ", text.strip())
    if not name:
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "the name is required"))
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "the name is longer than 40 characters"))
    return name


def validate_lease(start: date | None, end: date | None, field: str = "lease_to") -> None:
    """A lease may be open-ended, but it cannot end before it starts."""
    if start is not None and end is not None and end < start:
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "the lease ends before it starts"))


def mask_phone(phone: str | None) -> str:
    """Hide the middle of a phone number for lists: ``138****5678``."""
    if not phone:
        return ""
    if len(phone) < 8:
        return "*" * len(phone)
    return f"{phone[:3]}{'*' * (len(phone) - 7)}{phone[-4:]}"


def mask_phone_slots(phones: str) -> str:
    """Mask a list of phones kept one slot per person (``、``), showing ``—`` for a person without one."""
    if not phones.strip("、"):
        return ""
    return "、".join(mask_phone(phone) if phone else "—" for phone in phones.split("、"))


def mask_id_number(id_number: str | None) -> str:
    """Hide the birth date and serial of an ID number: ``110101********123X``."""
    if not id_number:
        return ""
    if len(id_number) <= 10:  # six shown in front and four behind would leave nothing hidden
        return "*" * len(id_number)
    return f"{id_number[:6]}{'*' * (len(id_number) - 10)}{id_number[-4:]}"


@dataclass(frozen=True)
class PersonValue:
    """A checked person as entered: name and optional phone and ID number."""

    name: str
    phone: str | None = None
    id_number: str | None = None
