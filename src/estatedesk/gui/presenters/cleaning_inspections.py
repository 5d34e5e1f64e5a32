"""Inspections and the month's ranking (检查与评比) as text: the week's areas, scores, bands, the chart.

Qt-free so that it is tested without a window. Averages are exact fractions; the ranking shows
them to two decimals (half up), as the printed ranking does; the bands are RULES.md §5's
奖励 / 鼓励 / 末位跟进 (commended, encouraged, followed up).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

from estatedesk.domain.cleaning_scores import FULL_SCORE, Band, score_after
from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters.cleaning import weekday_text
from estatedesk.gui.presenters.cleaning_rota import (
    DOCUMENT_FOLDER,
    GREEN,
    RED,
    month_of,
    shift_month,
)
from estatedesk.services.cleaning import AreaView, Deduction, InspectionView, Ranking, RankRow

HISTORY_MONTHS = 6  # the chart's months, ending with the month shown
BAND_TEXTS = {
    Band.COMMENDED: QT_TRANSLATE_NOOP("cleaning_inspections", "Commended"),
    Band.MIDDLE: QT_TRANSLATE_NOOP("cleaning_inspections", "Encouraged"),
    Band.FLAGGED: QT_TRANSLATE_NOOP("cleaning_inspections", "Follow up"),
}
BAND_COLOURS = {Band.COMMENDED: GREEN, Band.MIDDLE: None, Band.FLAGGED: RED}
BAND_BACKGROUNDS = {Band.COMMENDED: "#dff0d8", Band.MIDDLE: None, Band.FLAGGED: "#f8d7da"}


def day_text(day: date) -> str:
    """A day with its weekday: 2026-12-02 周三."""
    return f"{day.isoformat()} {weekday_text(day.weekday())}"


def week_of(day: date) -> tuple[date, date]:
    """The Monday and Sunday of the week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def inspection_day_text(day: date, today: date) -> str:
    """The week's inspection day, and whether it is today."""
    if day == today:
        return translate("cleaning_inspections", "This week's inspection: {day}, today").format(
            day=day_text(day)
        )
    return translate("cleaning_inspections", "This week's inspection: {day}").format(day=day_text(day))


# ---------------------------------------------------------------- the week's areas


@dataclass(frozen=True)
class AreaWeekLine:
    """An area this week: who answers for it, and its score or that it is not inspected yet."""

    area_id: int
    area: str
    responsible: str
    inspection: InspectionView | None

    @property
    def score_text(self) -> str:
        """The score, or 未检查."""
        if self.inspection is None:
            return translate("cleaning_inspections", "not inspected")
        return str(self.inspection.score)

    @property
    def colour(self) -> str | None:
        """Grey for an area not inspected yet."""
        return "#888888" if self.inspection is None else None


def week_lines(areas: Sequence[AreaView], inspections: Iterable[InspectionView]) -> list[AreaWeekLine]:
    """Every area in the areas' order with its latest inspection of the week given (``inspections``)."""
    latest: dict[int, InspectionView] = {}
    for found in inspections:
        kept = latest.get(found.area_id)
        if kept is None or found.day > kept.day:
            latest[found.area_id] = found
    return [
        AreaWeekLine(area.area_id, area.name, area.responsible, latest.get(area.area_id)) for area in areas
    ]


def week_counts_text(lines: Sequence[AreaWeekLine]) -> str:
    """How many areas are inspected this week, of how many."""
    done = sum(line.inspection is not None for line in lines)
    return translate("cleaning_inspections", "{done} of {count} areas inspected this week").format(
        done=done, count=len(lines)
    )


# ---------------------------------------------------------------- the month's inspections


def found_text(found: Sequence[tuple[str, int, int]]) -> str:
    """What an inspection found: item −points (×times), joined."""
    parts = []
    for item, points, times in found:
        part = f"{item} −{points}"
        parts.append(part + (f"×{times}" if times > 1 else ""))
    return "；".join(parts)


def photos_text(count: int) -> str:
    """How many photos an inspection has ('' for none)."""
    return str(count) if count else ""


def month_inspections_title(count: int) -> str:
    """The month's list title, with how many."""
    return translate("cleaning_inspections", "Inspections this month ({count})").format(count=count)


# ---------------------------------------------------------------- entering an inspection


def points_lost(checklist: Sequence[Deduction], counts: Sequence[int]) -> int:
    """The points the items found take off (each item's points × times found)."""
    return sum(item.points * times for item, times in zip(checklist, counts, strict=True) if times > 0)


def score_preview(checklist: Sequence[Deduction], counts: Sequence[int]) -> int:
    """The score the checklist gives: 100 less the points lost, never below 0."""
    return score_after((item.points, times) for item, times in zip(checklist, counts, strict=True))


def score_preview_text(checklist: Sequence[Deduction], counts: Sequence[int]) -> str:
    """The live score as the dialog shows it: 100 − 13 = 87."""
    lost = points_lost(checklist, counts)
    score = score_preview(checklist, counts)
    return translate("cleaning_inspections", "Score from the checklist: {full} − {lost} = {score}").format(
        full=FULL_SCORE, lost=lost, score=score
    )


# ---------------------------------------------------------------- the ranking


def two_decimals(value: Fraction) -> str:
    """A figure to two decimals, half up: 92.625 → 92.63."""
    hundredths = (abs(value) * 100 + Fraction(1, 2)).__floor__()
    sign = "-" if value < 0 and hundredths else ""
    return f"{sign}{hundredths // 100}.{hundredths % 100:02d}"


def band_text(band: Band) -> str:
    """A band in words: 奖励 / 鼓励 / 末位跟进."""
    return translate("cleaning_inspections", BAND_TEXTS[band])


@dataclass(frozen=True)
class RankLine:
    """A cleaner's or an area's line of the ranking table."""

    row: RankRow

    @property
    def key(self) -> int:
        """The cleaner's or area's id."""
        return self.row.key

    @property
    def average_text(self) -> str:
        """The average score to two decimals, as printed: 92.63 and 92.55 are ranked apart, so read apart."""
        return two_decimals(self.row.average)

    @property
    def band_text(self) -> str:
        """The band in words."""
        return band_text(self.row.band)

    @property
    def colour(self) -> str | None:
        """Green for the commended, red for those followed up."""
        return BAND_COLOURS[self.row.band]

    @property
    def background(self) -> str | None:
        """The line's tint: green for the commended, red for those followed up."""
        return BAND_BACKGROUNDS[self.row.band]


def rank_lines(rows: Sequence[RankRow]) -> list[RankLine]:
    """The ranking's lines, best first as ranked."""
    return [RankLine(row) for row in rows]


def bands_text(ranking: Ranking) -> str:
    """The bands used: top 20% commended, bottom 10% followed up."""
    return translate(
        "cleaning_inspections", "Top {top}% commended, bottom {bottom}% followed up, the rest encouraged"
    ).format(top=ranking.top_percent, bottom=ranking.bottom_percent)


def empty_ranking_text(month: str) -> str:
    """What an empty ranking says."""
    return translate("cleaning_inspections", "No inspections in {month} yet.").format(month=month)


def ranking_status(ranking: Ranking | None, inspections: int) -> str:
    """The status bar: the month's inspections and who is ranked."""
    if ranking is None:
        return ""
    return translate(
        "cleaning_inspections", "{month}: {count} inspections, {cleaners} cleaners and {areas} areas ranked"
    ).format(month=ranking.month, count=inspections, cleaners=len(ranking.cleaners), areas=len(ranking.areas))


def chart_order(ranking: Ranking, names: Iterable[str]) -> list[str]:
    """The chart's cleaners: those ranked this month in their order, then the others by name."""
    ranked = [row.name for row in ranking.cleaners]
    known = set(names)
    return [name for name in ranked if name in known] + sorted(known - set(ranked))


def history_title(months: Sequence[str]) -> str:
    """The chart's title: each cleaner's average, first month to last."""
    if not months:
        return ""
    return translate("cleaning_inspections", "Each cleaner's average score, {first} to {last}").format(
        first=months[0], last=months[-1]
    )


SCORE_FLOORS = (90, 80, 70, 60, 50, 0)  # the bottoms the chart's score axis may have


def score_floor(values: Iterable[Fraction | None]) -> int:
    """The bottom of the chart's score axis: the highest of 90, 80… that is 3 points below every score.

    Averages of a good team lie between 90 and 100: an axis from 0 would draw them as one line.
    """
    lowest = min((float(value) for value in values if value is not None), default=100.0)
    return next(bottom for bottom in SCORE_FLOORS if lowest - 3 >= bottom or bottom == 0)


FIRST_WEEK_DAYS = 7  # in a month's first week, its ranking has next to nothing to rank yet


def default_month(today: date) -> str:
    """The month the page opens on: this one, or last month in this one's first week."""
    return month_of(today) if today.day > FIRST_WEEK_DAYS else shift_month(month_of(today), -1)


def ranking_path(data_folder: Path, month: str) -> Path:
    """Where the month's ranking (评比) is written to print."""
    return data_folder / DOCUMENT_FOLDER / f"保洁评比-{month}.pdf"
