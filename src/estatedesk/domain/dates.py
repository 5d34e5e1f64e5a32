"""Dates as people type them (2025-03-01, 2025/3/1, 2025年3月1日), for dialogs and files alike."""

from __future__ import annotations

import re
from datetime import date

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def parse_date(text: str, field: str) -> date | None:
    """Read a date written as 2025-03-01, 2025/3/1, 2025.3.1 or 2025年3月1日; empty is None."""
    value = text.strip()
    if not value:
        return None
    match = _DATE.match(value)
    try:
        if match is None:
            raise ValueError(value)
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "'{value}' is not a date such as 2025-03-01"), value=value
        ) from None
