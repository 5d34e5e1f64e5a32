"""Cell values as clerks type them (services/interchange/cells.py): dates in every common spelling."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estatedesk.domain.errors import EstateDeskError
from estatedesk.services.interchange import parse_date_text


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_dates_in_every_common_spelling(day: date) -> None:
    y, m, d = day.year, day.month, day.day
    for text in (
        day.isoformat(),
        f"{y}/{m}/{d}",
        f"{y}.{m}.{d}",
        f"{y}年{m}月{d}日",
        f"{y}{m:02d}{d:02d}",
        f"{day.isoformat()} 00:00:00",
        f" {y}-{m}-{d} ",
    ):
        assert parse_date_text(text) == day


@pytest.mark.parametrize("text", ["2025-02-30", "2025-13-01", "明年", "3/1/2025", "2025-3", "20251301"])
def test_bad_dates_are_refused(text: str) -> None:
    with pytest.raises(EstateDeskError):
        parse_date_text(text)


def test_empty_date_is_none() -> None:
    assert parse_date_text("  ") is None
