"""The cleaning schedule's words on paper (reports/cleaning_words.py): frequencies, reasons, bands, days."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from estatedesk.domain.cleaning import AreaKind, parse_frequency
from estatedesk.domain.cleaning_scores import Band
from estatedesk.domain.rota import Why
from estatedesk.reports.cleaning_words import (
    AREA_KIND_WORDS,
    BAND_WORDS,
    WHY_WORDS,
    date_words,
    frequency_words,
    month_words,
    occurrence_words,
    one_decimal,
    short_date_words,
)


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("2/day", "每天2次"),
        ("day", "每天"),
        ("1/day", "每天"),
        ("1days", "每天"),
        ("mon,thu", "每周一、四"),
        ("sun,mon", "每周一、日"),
        ("2/week", "每周2次"),
        ("week", "每周1次"),
        ("3days", "每3天"),
        ("month:15", "每月15日"),
        ("month:28", "每月28日"),
        ("month:31", "每月31日（小月取月末）"),
        ("month:29", "每月29日（小月取月末）"),
        ("month", "每月"),
        ("2months", "每2个月"),
        ("6months", "每6个月"),
        ("year", "每年"),
    ],
)
def test_every_frequency_in_words(spec: str, words: str) -> None:
    assert frequency_words(parse_frequency(spec)) == words


def test_every_reason_band_and_kind_has_its_words() -> None:
    assert set(WHY_WORDS) == set(Why)
    assert set(BAND_WORDS) == set(Band)
    assert set(AREA_KIND_WORDS) == set(AreaKind)
    # RULES.md §5: 奖励20%、鼓励70%、淘汰10%, the bottom band said as a follow-up, not a dismissal.
    assert BAND_WORDS[Band.COMMENDED] == "奖励"
    assert BAND_WORDS[Band.MIDDLE] == "鼓励"
    assert BAND_WORDS[Band.FLAGGED] == "末位（需跟进）"


def test_days_and_months_in_words() -> None:
    assert date_words(date(2026, 12, 7)) == "2026年12月7日（星期一）"
    assert date_words(date(2026, 12, 13), weekday=False) == "2026年12月13日"
    assert short_date_words(date(2026, 12, 13)) == "12月13日（日）"
    assert month_words("2026-03") == "2026年3月"


def test_the_second_time_of_a_day_is_said_only_when_there_is_one() -> None:
    assert occurrence_words(1, 1) == ""
    assert occurrence_words(1, 2) == "第1次"
    assert occurrence_words(2, 2) == "第2次"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(185, 2), "92.5"),
        (Fraction(1001, 12), "83.4"),  # 83.416…
        (Fraction(2, 3) + 90, "90.7"),
        (Fraction(1, 20), "0.1"),  # half up
        (Fraction(0), "0.0"),
        (Fraction(100), "100.0"),
        (Fraction(-5, 4), "-1.2"),  # -1.25 half up, towards the larger
    ],
)
def test_one_decimal_half_up(value: Fraction, text: str) -> None:
    assert one_decimal(value) == text
