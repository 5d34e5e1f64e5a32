"""Values as clerks write them in spreadsheet cells: dates in every spelling, lists of values."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from estatedesk.domain.dates import parse_date
from estatedesk.domain.errors import ValidationError
from estatedesk.domain.text import check_text, without_control_characters
from estatedesk.services.interchange.columns import Columns

# Beyond what a dialog accepts: 20250301, and the midnight Excel adds to dates in CSV.
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME_OF_DAY = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
# Slots keep their places: "、13900000000" is nothing for the first person, a value for the second.
SLOT_SEPARATOR = re.compile(r"[、,，;；/／|\n]")
# Dates are written with "/" themselves (2025/3/1), so it cannot separate them.
DATE_SEPARATOR = re.compile(r"[、,，;；|\n]")
LIST_JOIN = "、"
# A line break in a cell is the spreadsheet's own (Alt+Enter): a table reads it as a list
# separator or as a line of a note. It is the one control character every cell may hold.
_LINE_BREAKS = str.maketrans("", "", "\r\n")


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


def refuse_control_characters(
    values: Mapping[str, str], columns: Columns, header: Callable[[str], str]
) -> tuple[dict[str, str], list[ValidationError]]:
    """A row's cells with their control characters taken out, and a problem for each cell that held one.

    A problem names the cell's column by ``header(key)``, as the file heads it. Every import
    checks its cells here, whatever the table: NUL and the like never reach a table's own
    checks, which then see the rest of the row as it would be without them.
    """
    clean = dict(values)
    problems: list[ValidationError] = []
    for key, text in values.items():
        field = columns.by_key.get(key)
        multiline = field is not None and field.multiline
        try:
            check_text(text.translate(_LINE_BREAKS), key, multiline, header(key))
        except ValidationError as error:
            problems.append(error)
            clean[key] = "\n".join(without_control_characters(line, multiline) for line in text.split("\n"))
    return clean, problems
