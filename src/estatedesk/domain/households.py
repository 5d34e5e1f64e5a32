"""Rooms, people and their identifiers (RULES.md §2), as plain values and checks."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, Caution, ValidationError

MAX_AREA_CENTI = 1_000_000  # 10,000.00 m², exclusive upper bound
ROOM_CODE_SEPARATOR = "-"
_ROOM_PART = re.compile(r"^[0-9A-Za-z\u3400-\u9fff]+$")
_ROOM_CODE = re.compile(r"^[0-9A-Za-z\u3400-\u9fff]+(-[0-9A-Za-z\u3400-\u9fff]+)*$")
_MOBILE = re.compile(r"^1[0-9]{10}$")  # ASCII digits only: what the file stores
_ID_NUMBER = re.compile(r"^[0-9]{17}[0-9X]$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
# The province-level codes of GB/T 2260 (the first two digits of a resident ID number, GB 11643):
# 11–15 North, 21–23 North-east, 31–37 East, 41–46 Central-south, 50–54 South-west, 61–65
# North-west, 71 Taiwan, 81 Hong Kong, 82 Macao.
PROVINCE_CODES = frozenset(
    {
        *("11", "12", "13", "14", "15"),
        *("21", "22", "23"),
        *("31", "32", "33", "34", "35", "36", "37"),
        *("41", "42", "43", "44", "45", "46"),
        *("50", "51", "52", "53", "54"),
        *("61", "62", "63", "64", "65"),
        *("71", "81", "82"),
    }
)
# Two more kinds of 18-digit number stand where a resident ID does, built the same way (birth
# date in digits 7–14, the same check character), and are refused by no office:
# - the residence permit of Taiwan residents (港澳台居民居住证申领发放办法, 国办发〔2018〕81号)
#   starts 830000 (Hong Kong's and Macao's start 810000 and 820000, codes already above);
# - the 2023 foreigner's permanent residence ID card (外国人永久居留身份证, National Immigration
#   Administration, 2023) starts with 9 and the code of the province that issued it: 911…, 944….
_PERMIT_CODES = frozenset({"83"})
_MAINLAND_CODES = frozenset(code for code in PROVINCE_CODES if code < "70")
OLDEST_BIRTH_YEAR = 1880  # no one alive was born earlier: an earlier year is a mistyped digit
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
    DEVELOPER = "developer"  # held by the developer (建设单位): unsold or not yet delivered


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
    Flag.DEVELOPER: ("开发商", "建设单位", "开发商持有", "未售", "developer"),
}


E = TypeVar("E", bound=StrEnum)


def _word_lookup(words: dict[E, tuple[str, ...]]) -> dict[str, E]:
    return {word.casefold(): value for value, alts in words.items() for word in alts}


_USE_BY_WORD = _word_lookup(ROOM_USE_WORDS)
_OCCUPANCY_BY_WORD = _word_lookup(OCCUPANCY_WORDS)
_FLAG_BY_WORD = _word_lookup(FLAG_WORDS)
# A cell listing several values separates them with these (or puts each on its own line), never
# with spaces: "John Smith" and "欧阳 娜娜" are one person each.
LIST_SEPARATORS = re.compile(r"[、,，;；/／\r\n]+")
# Where no value can hold a space (flag words, parking codes), a space separates values too.
LIST_SEPARATORS_OR_SPACES = re.compile(r"[、,，;；/／\s]+")


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
    for word in split_list(text, at_spaces=True):  # no flag word holds a space: "低保 独居老人" is two
        try:
            flags.add(_FLAG_BY_WORD[word.casefold()])
        except KeyError:
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP(
                    "messages", "unknown flag '{value}' (hardship, elderly alone, disabled, developer)"
                ),
                value=word,
            ) from None
    return frozenset(flags)


def split_list(text: str, at_spaces: bool = False) -> list[str]:
    """Split a cell listing several values (``张三、李四``) into its parts.

    Spaces belong to a value (``John Smith``) unless ``at_spaces`` says no value can hold one.
    """
    separators = LIST_SEPARATORS_OR_SPACES if at_spaces else LIST_SEPARATORS
    return [stripped for part in separators.split(text.strip()) if (stripped := part.strip())]


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


# A landline: area code (0 and 2-3 digits) and a 7-8 digit local number, or the local number
# alone; an extension may follow (-123, 转123, 分机123, ext 123, x123, #123).
_EXTENSION_WORD = re.compile(r"(?:转|分机|ext\.?|x|#)([0-9]{1,6})$", re.IGNORECASE)
_EXTENSION = re.compile(r"^[0-9]{1,6}$")
_AREA_CODE = re.compile(r"^0[1-9][0-9]{1,2}$")
_LOCAL_NUMBER = re.compile(r"^[2-9][0-9]{6,7}$")
_DIGITS = re.compile(r"^[0-9]+$")
_LANDLINE_DECORATION = re.compile(r"[\s()（）]")
_NOT_A_LANDLINE = QT_TRANSLATE_NOOP(
    "messages", "'{value}' is not a landline number such as 0571-88886666 or 88886666 (extension: -123)"
)


def _landline_parts(text: str) -> tuple[str, str, str] | None:
    """(area code, local number, extension) of a landline as written, or None if it is none."""
    number = _LANDLINE_DECORATION.sub("", text)
    for prefix in ("+86", "0086"):
        if number.startswith(prefix):
            number = "0" + number[len(prefix) :].lstrip("-")  # +86 571… is 0571… at home
    extension = ""
    marked = _EXTENSION_WORD.search(number)
    if marked is not None:
        extension, number = marked[1], number[: marked.start()]
    parts = number.split("-")
    last = parts[-1]
    if not extension and len(parts) >= 2 and _EXTENSION.match(last) and not _LOCAL_NUMBER.match(last):
        extension, parts = last, parts[:-1]  # 88886666-123, 0571-88886666-123
    if len(parts) == 2:
        area, local = parts
        return (area, local, extension) if _AREA_CODE.match(area) and _LOCAL_NUMBER.match(local) else None
    if len(parts) != 1 or not _DIGITS.match(parts[0]):
        return None
    digits = parts[0]
    if _LOCAL_NUMBER.match(digits):
        return "", digits, extension
    # Written without a separator: 010 and 02x are the only three-digit area codes.
    area_length = 3 if digits[:2] in ("01", "02") else 4
    area, local = digits[:area_length], digits[area_length:]
    if _AREA_CODE.match(area) and _LOCAL_NUMBER.match(local):
        return area, local, extension
    return None


def normalize_landline(text: str, field: str = "landline") -> str:
    """Return a landline as ``0571-88886666``, ``88886666`` or with ``-123`` for its extension.

    A mobile number is refused with a word on where it goes: a landline field is not the place
    for it (a field that takes either reads it with ``read_phone``).
    """
    value = text.strip()
    try:
        normalize_mobile(value, field)
    except ValidationError:
        pass
    else:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "'{value}' is a mobile number: enter it as the mobile"),
            value=value,
        )
    parts = _landline_parts(value)
    if parts is None:
        raise ValidationError(field, _NOT_A_LANDLINE, value=value)
    area, local, extension = parts
    return "-".join(part for part in (area, local, extension) if part)


def read_phone(text: str, field: str = "phone") -> tuple[str | None, str | None]:
    """A phone field that takes either kind: (mobile, None) or (None, landline), else refused.

    The refusal speaks of landlines when the text looks like one (an area code, an extension,
    7-8 digits), and of mobiles otherwise.
    """
    try:
        return normalize_mobile(text, field), None
    except ValidationError as not_mobile:
        try:
            return None, normalize_landline(text, field)
        except ValidationError as not_landline:
            raise (not_landline if _looks_like_landline(text) else not_mobile) from None


def _looks_like_landline(text: str) -> bool:
    """Whether a refused phone was meant as a landline: an area code, a word for an extension, 7-8 digits."""
    digits = re.sub(r"[\s\-()（）]", "", text)
    if digits.startswith("0") and not digits.startswith("00"):
        return True
    if re.search(r"转|分机|ext|#", text, re.IGNORECASE):
        return True
    return digits.isdigit() and len(digits) in (7, 8) and not digits.startswith("1")


def id_check_character(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits of an ID number."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def id_region_known(id_number: str) -> bool:
    """True when an ID number starts as a real one does: a province code, or a permit's prefix."""
    head = id_number[:2]
    if head in PROVINCE_CODES or head in _PERMIT_CODES:
        return True
    return head[:1] == "9" and id_number[1:3] in _MAINLAND_CODES


def id_birth_date(id_number: str) -> date | None:
    """The birth date in digits 7–14 of an ID number, or None when no such day exists."""
    digits = id_number[6:14]
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def normalize_id_number(text: str, field: str = "id_number", today: date | None = None) -> str:
    """Return an 18-character resident ID number: a real province, a real birth date, the right check.

    ``today`` is the day a birth date may not come after (the computer's date when not given).
    """
    value = text.strip().upper().replace(" ", "")
    if not _ID_NUMBER.match(value):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "an ID number has 18 characters: 17 digits and a digit or X"),
        )
    if not id_region_known(value):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "no province has the code {value} that starts this ID number"),
            value=value[:2],
        )
    born = id_birth_date(value)
    if born is None or born.year < OLDEST_BIRTH_YEAR:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "the birth date in the ID number, {value}, is not a real date"),
            value=value[6:14],
        )
    if born > (today or date.today()):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "the birth date in the ID number, {value}, is in the future"),
            value=born.isoformat(),
        )
    if id_check_character(value[:17]) != value[17]:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "the ID number's check character is wrong (mistyped digit?)"),
        )
    return value


# After NFKC, which turns ８０．５ into 80.5 and ㎡ and m² into m2.
_AREA_UNIT = re.compile(r"\s*(?:平方米|平米|m2)$", re.IGNORECASE)
# A comma only groups thousands: 1,234.5. "80,5" is a decimal comma, and a misreading waiting to happen.
_GROUPED_THOUSANDS = re.compile(r"^[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?$")
# What is left must be a plain decimal in ASCII digits: Decimal() alone would also take 80_5
# (as 805), 1e2, and Arabic-Indic or other scripts' digits, none of which a certificate shows.
# A sign is let through to the range check, whose message says more about -12.5.
_PLAIN_DECIMAL = re.compile(r"^[+-]?[0-9]+(?:\.[0-9]+)?$")


def parse_area(value: str | Decimal | float | int, field: str = "area") -> int:
    """Read an exclusive area in m² and return it in hundredths of m² (0 < area < 10,000).

    Full-width digits and a unit (``80.5平方米``, ``80.5㎡``) are read; a comma only between
    groups of three digits (``1,234.5``), so ``80,5`` is refused rather than read as 805. Text
    must then be a plain decimal (``89.5``): no exponent, underscore or other script's digits.
    """
    typed = str(value).strip()
    text = _AREA_UNIT.sub("", unicodedata.normalize("NFKC", typed).strip())
    if isinstance(value, str) and not _PLAIN_DECIMAL.match(text.replace(",", "")):
        # A number given as such (from a workbook's cell) is read below, whatever it looks like.
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "'{value}' is not an area in square metres"), value=typed
        )
    if "," in text:
        if not _GROUPED_THOUSANDS.match(text):
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP(
                    "messages",
                    "'{value}' is not an area: decimals take a point (80.5); a comma may only group "
                    "thousands (1,234.5)",
                ),
                value=typed,
            )
        text = text.replace(",", "")
    try:
        area = Decimal(text)
    except InvalidOperation:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "'{value}' is not an area in square metres"), value=typed
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


def format_area_total(centi: int) -> str:
    """An area held in hundredths of m² as a total is shown: thousands grouped, ``11,020.00``."""
    sign = "-" if centi < 0 else ""
    centi = abs(centi)
    return f"{sign}{centi // 100:,}.{centi % 100:02d}"


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
_BUILDING_WORDS = r"(?:号楼|号栋|栋|幢|座|号)"
_UNIT_WORDS = r"单元"
_NUMBER_WORDS = r"(?:室|号)"
_BUILDING_SUFFIX = re.compile(rf"^([0-9A-Za-z]+)\s*{_BUILDING_WORDS}$")
_UNIT_SUFFIX = re.compile(rf"^([0-9A-Za-z]+)\s*{_UNIT_WORDS}$")
_NUMBER_SUFFIX = re.compile(rf"^([0-9A-Za-z]+)\s*{_NUMBER_WORDS}$")
# A whole room written out in one box or cell: 3号楼2单元501室, 3栋501, 2单元501 (a building or
# a unit word is what tells it from a plain room number such as 501室).
_WRITTEN_ROOM = re.compile(
    rf"^(?:(?P<building>[0-9A-Za-z]+)\s*{_BUILDING_WORDS}[\s{ROOM_CODE_SEPARATOR}]*)?"
    rf"(?:(?P<unit>[0-9A-Za-z]+)\s*{_UNIT_WORDS}[\s{ROOM_CODE_SEPARATOR}]*)?"
    rf"(?P<number>[0-9A-Za-z]+)\s*{_NUMBER_WORDS}?$"
)
# A building, a unit of it, or both, without a room: 3号楼2单元, 3号楼, 2单元 (what a search looks for).
_WRITTEN_PLACE = re.compile(
    rf"^(?:(?P<building>[0-9A-Za-z]+)\s*{_BUILDING_WORDS}[\s{ROOM_CODE_SEPARATOR}]*)?"
    rf"(?:(?P<unit>[0-9A-Za-z]+)\s*{_UNIT_WORDS})?$"
)


def _without_suffix(text: str, pattern: re.Pattern[str]) -> str:
    match = pattern.match(text)
    return match[1] if match else text


def _written_room(text: str) -> tuple[str, str, str] | None:
    """The parts of a whole room written in one text (3-2-501, 3号楼2单元501室), else None."""
    match = _WRITTEN_ROOM.match(text)
    if match and (match["building"] or match["unit"]):
        return match["building"] or "", match["unit"] or "", match["number"]
    if ROOM_CODE_SEPARATOR not in text:
        return None
    building, unit, number = split_room_code(text)
    return (
        _without_suffix(building.strip(), _BUILDING_SUFFIX),
        _without_suffix(unit.strip(), _UNIT_SUFFIX),
        _without_suffix(number.strip(), _NUMBER_SUFFIX),
    )


def read_room_text(text: str) -> tuple[str, str, str] | None:
    """The building, unit and number that one text names as clerks write rooms, else None.

    ``3号楼2单元501室``, ``3栋2单元501``, ``3-2-501`` (full-width too) name a room; ``501室`` a
    number alone; ``3号楼2单元``, ``3号楼`` or ``2单元`` a place without a number (its number is
    empty). None when the text is none of these (a name, a phone, a plain number such as 501).
    The room dialog's and the import's number (``room_code_parts``) and the search box
    (``room_search_key``, ``typed_room_code``) all read rooms here.
    """
    text = unicodedata.normalize("NFKC", text).strip()
    written = _written_room(text)
    if written is not None:
        return written
    number = _NUMBER_SUFFIX.match(text)  # before a place: 3号 is room 3, as in a number box
    if number:
        return "", "", number[1]
    place = _WRITTEN_PLACE.match(text)
    if place and (place["building"] or place["unit"]):
        return place["building"] or "", place["unit"] or "", ""
    return None


def room_code_parts(
    building: str, unit: str, number: str, problems: list[ValidationError]
) -> tuple[str, str, str]:
    """Building, unit and room number as clerks write them, as the parts of a room code.

    ``3号楼``, ``2单元``, ``501室`` (full-width digits too) become 3, 2, 501; a whole room such as
    ``3-2-501`` or ``3号楼2单元501室`` may stand in ``number`` alone. A building or unit that
    contradicts it is added to ``problems``. The room dialog (through ``check_room``) and the
    import read rooms through this function; it reads ``number`` with ``read_room_text``, as the
    search reads what is typed.
    """
    building, unit, number = (
        unicodedata.normalize("NFKC", part).strip() for part in (building, unit, number)
    )
    building = _without_suffix(building, _BUILDING_SUFFIX)
    unit = _without_suffix(unit, _UNIT_SUFFIX)
    written = read_room_text(number)
    if written is None:
        return building, unit, number
    code_building, code_unit, code_number = written
    if ROOM_CODE_SEPARATOR not in number:
        # 2单元501室 names no building: the building box says which (and likewise for the unit).
        code_building = code_building or building
        code_unit = code_unit or unit
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
    return code_building, code_unit, code_number


def normalized_room_code(building: str, unit: str, number: str) -> str:
    """The room code that building, unit and number as a clerk wrote them name (``3号楼`` … → 3-2-501)."""
    return compose_room_code(*room_code_parts(building, unit, number, []))


def room_search_key(text: str) -> str | None:
    """A room written out in a search box (3号楼2单元501室, 3-2-501) as the search keys hold codes.

    Read by ``read_room_text``, as the dialog and the import read rooms: a part alone (``3号楼``,
    ``501室``) is its number, ``3号楼2单元`` is 32. None when ``text`` is not a room: then it is
    searched for as it is.
    """
    parts = read_room_text(text)
    return None if parts is None else "".join(parts)


def typed_room_code(text: str) -> str | None:
    """The room code a search box's text names, read as the dialog reads a room; None if no whole room.

    Parts typed with spaces between them (``3 2 501``, ``3号楼 2单元 501室``) are read as with
    hyphens. The code is compared with rooms' real codes: 1-101 and 11-01 fold to the same search
    key, but only one of them is the room typed.
    """
    parts = read_room_text(text)
    if parts is None:
        parts = read_room_text(ROOM_CODE_SEPARATOR.join(unicodedata.normalize("NFKC", text).split()))
    if parts is None or not parts[2]:
        return None
    return compose_room_code(*parts)


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


def validate_parking_code(code: str, field: str = "parking") -> str:
    """Check a parking space's code: built as a room code is (P-001, B2-010), at most 32 characters."""
    value = code.strip()
    if not value or len(value) > MAX_CODE_LENGTH or not _ROOM_CODE.match(value):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "'{value}' is not a parking space code such as P-001"),
            value=value,
        )
    return value


def validate_person_name(text: str, field: str = "name") -> str:
    """Check a person's name: present, of a sensible length, with a letter or Chinese character."""
    name = re.sub(r"\s+", " ", text.strip())
    if not name:
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "the name is required"))
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "the name is longer than 40 characters"))
    if not any(char.isalpha() for char in name):
        # 13800000001 or 202 in a name column: a phone or a room that a stray quote or delimiter moved.
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP(
                "messages", "'{value}' is not a name: it needs a letter or a Chinese character"
            ),
            value=name,
        )
    return name


def validate_lease(start: date | None, end: date | None, field: str = "lease_to") -> None:
    """A lease may be open-ended, but it cannot end before it starts."""
    if start is not None and end is not None and end < start:
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "the lease ends before it starts"))


RENTED_WITHOUT_TENANT = "rented_without_tenant"  # the key of the caution below


def check_occupancy(occupancy: Occupancy, tenants: int, field: str = "occupancy") -> Caution | None:
    """Check the state against the tenants: refused if self-occupied with any, a caution if rented without.

    A vacant room may have tenants (a lease signed, nobody moved in yet).
    """
    if occupancy is Occupancy.SELF_OCCUPIED and tenants:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP(
                "messages", "a self-occupied room cannot have tenants: mark it rented, or remove the tenants"
            ),
        )
    if occupancy is Occupancy.RENTED and not tenants:
        return Caution(
            RENTED_WITHOUT_TENANT,
            field,
            QT_TRANSLATE_NOOP("messages", "the room is rented but has no tenant"),
        )
    return None


def mask_phone(phone: str | None) -> str:
    """Hide the middle of a phone number for lists: ``138****5678``."""
    if not phone:
        return ""
    if len(phone) < 8:
        return "*" * len(phone)
    return f"{phone[:3]}{'*' * (len(phone) - 7)}{phone[-4:]}"


def mask_landline(landline: str | None) -> str:
    """Hide all but the last 4 digits of a landline's local number; area code and extension stay."""
    if not landline:
        return ""
    parts = landline.split("-")
    local = 1 if len(parts) > 1 and parts[0].startswith("0") else 0
    number = parts[local]
    parts[local] = "*" * max(len(number) - 4, 0) + number[-4:] if len(number) > 4 else "*" * len(number)
    return "-".join(parts)


def mask_phone_slots(phones: str) -> str:
    """Mask a list of phones kept one slot per person (``、``), leaving out those without one.

    No placeholder for a person without a phone: the names beside the list say who is who.
    """
    return "、".join(mask_phone(phone) for phone in phones.split("、") if phone)


def mask_id_number(id_number: str | None) -> str:
    """Hide the birth date and serial of an ID number: ``110101********123X``."""
    if not id_number:
        return ""
    if len(id_number) <= 10:  # six shown in front and four behind would leave nothing hidden
        return "*" * len(id_number)
    return f"{id_number[:6]}{'*' * (len(id_number) - 10)}{id_number[-4:]}"


# How each personal number is masked wherever it is shown or kept but the person's own record:
# lists, history, audit trail (RULES.md §2). Keyed by the name the number has in a record.
NUMBER_MASKS: dict[str, Callable[[str | None], str]] = {
    "phone": mask_phone,
    "landline": mask_landline,
    "id_number": mask_id_number,
}


@dataclass(frozen=True)
class PersonValue:
    """A checked person as entered: name and optional phone and ID number."""

    name: str
    phone: str | None = None
    id_number: str | None = None
