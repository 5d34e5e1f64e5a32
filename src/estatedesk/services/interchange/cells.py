"""Values as clerks write them in spreadsheet cells: dates in every spelling, lists of values."""

from __future__ import annotations

import re
from datetime import date

from estatedesk.domain.dates import parse_date
from estatedesk.domain.errors import ValidationError

# Beyond what a dialog accepts: 20250301, and the midnight Excel adds to dates in CSV.
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME_OF_DAY = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
# Slots keep their places: "、13900000000" is nothing for the first person, a value for the second.
SLOT_SEPARATOR = re.compile(r"[、,，;；/／|\n]")
# Dates are written with "/" themselves (2025/3/1), so it cannot separate them.
DATE_SEPARATOR = re.compile(r"[、,，;；|\n]")
LIST_JOIN = "、"


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


def split_slots(text: str, separator: re.Pattern[str] = SLOT_SEPARATOR) -> list[str]:
    """Split a cell listing values for several people, keeping empty places; empty cell: none."""
    if not text.strip():
        return []
    return [part.strip() for part in separator.split(text.replace("\r\n", "\n"))]


def join_slots(values: list[str]) -> str:
    """The opposite of ``split_slots``: empty places kept (``、139…``), all empty is ``""``."""
    return LIST_JOIN.join(values) if any(values) else ""
