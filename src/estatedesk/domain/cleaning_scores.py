"""Inspection scores and the month's ranking (RULES.md §5).

An area scores 0–100 from a checklist of deductions; a month ranks by average score, with bands
for the best and the worst (奖优罚劣).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

FULL_SCORE = 100
DEFAULT_TOP_PERCENT = 20  # 奖励 20%
DEFAULT_BOTTOM_PERCENT = 10  # 淘汰 10%: flagged for follow-up

# One plan's checklist from the field: what an inspector looks for, and the points it costs.
DEFAULT_DEDUCTIONS: tuple[tuple[str, int], ...] = (
    ("地面有垃圾、烟头", 5),
    ("扶手、窗台积灰", 3),
    ("墙面、门窗有小广告或污迹", 3),
    ("垃圾桶满溢或周边脏乱", 5),
    ("楼道堆放杂物未清理", 3),
    ("积水、污水未处理", 5),
    ("绿化带内有杂物", 3),
    ("未按时完成保洁任务", 10),
)


class Band(StrEnum):
    """Where a cleaner or an area stands in the month's ranking."""

    COMMENDED = "commended"  # the top band: rewarded
    MIDDLE = "middle"  # encouraged
    FLAGGED = "flagged"  # the bottom band: followed up


def parse_score(text: str, field_name: str = "score") -> int:
    """A score as typed: a whole number from 0 to 100, or refused naming what is wrong."""
    typed = text.strip()
    if not (typed.isascii() and typed.isdigit()) or int(typed) > FULL_SCORE:
        raise ValidationError(
            field_name,
            QT_TRANSLATE_NOOP("messages", "a score is a whole number from 0 to 100, not '{value}'"),
            value=typed,
        )
    return int(typed)


def score_after(deductions: Iterable[tuple[int, int]]) -> int:
    """100 less the points of what was found ((points, times) pairs), never below 0."""
    lost = sum(points * times for points, times in deductions)
    return max(0, FULL_SCORE - lost)


def check_bands(top_percent: int, bottom_percent: int) -> None:
    """Refuse bands that are not percentages, or that overlap (the top and bottom over 100%)."""
    for name, value in (("top_percent", top_percent), ("bottom_percent", bottom_percent)):
        if not 0 <= value <= 100:
            raise ValidationError(
                name, QT_TRANSLATE_NOOP("messages", "a band is 0 to 100 percent, not {value}"), value=value
            )
    if top_percent + bottom_percent > 100:
        raise ValidationError(
            "bottom_percent",
            QT_TRANSLATE_NOOP(
                "messages", "the top {top}% and the bottom {bottom}% overlap: together at most 100%"
            ),
            top=top_percent,
            bottom=bottom_percent,
        )


def band_sizes(count: int, top_percent: int, bottom_percent: int) -> tuple[int, int]:
    """How many of ``count`` are in the top band and the bottom band, rounded half up.

    Five cleaners with 20% and 10%: one commended, one flagged (half a person rounds up);
    three: one commended, none flagged. The two bands never overlap.
    """
    top = int(Fraction(count * top_percent, 100) + Fraction(1, 2))
    bottom = int(Fraction(count * bottom_percent, 100) + Fraction(1, 2))
    bottom = min(bottom, count - top)
    return top, bottom


@dataclass(frozen=True)
class Ranked:
    """One ranked entry: its key, average score, how many inspections, rank (ties share) and band."""

    key: int
    average: Fraction
    inspections: int
    rank: int
    band: Band


def rank(scores: Mapping[int, Sequence[int]], top_percent: int, bottom_percent: int) -> list[Ranked]:
    """Rank entries (a cleaner's or an area's scores) by average, best first.

    Equal averages share a rank (1, 1, 3) and a band: equals reaching into the top band are all
    commended, equals reaching into the bottom band are all flagged (two tied for last are both
    followed up), and equals reaching into both cannot be told apart and stay in the middle (a
    team all scoring alike). Entries with no scores are not ranked. Ties are listed by key.
    """
    averages = {key: Fraction(sum(values), len(values)) for key, values in scores.items() if values}
    ordered = sorted(averages, key=lambda key: (-averages[key], key))
    top, bottom = band_sizes(len(ordered), top_percent, bottom_percent)
    last_position = {averages[key]: position for position, key in enumerate(ordered, start=1)}
    ranked: list[Ranked] = []
    for position, key in enumerate(ordered, start=1):
        shared = ranked[-1].rank if ranked and averages[ordered[position - 2]] == averages[key] else position
        commended = shared <= top
        flagged = last_position[averages[key]] > len(ordered) - bottom
        if commended and not flagged:
            band = Band.COMMENDED
        elif flagged and not commended:
            band = Band.FLAGGED
        else:
            band = Band.MIDDLE
        ranked.append(Ranked(key, averages[key], len(scores[key]), shared, band))
    return ranked
