"""The cleaning schedule's words as its printed documents say them (RULES.md §5).

One place for every Chinese word the wall chart, the task sheets and the ranking print: how often
a task comes, why an occurrence was left uncovered, the ranking's bands, the kinds of area, the
days of the week. The window speaks through Qt's translation instead.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from estatedesk.domain.cleaning import AreaKind, Frequency, FrequencyKind
from estatedesk.domain.cleaning_scores import Band
from estatedesk.domain.rota import Why

WEEKDAYS = "一二三四五六日"  # 0 = Monday, as date.weekday() counts

WHY_WORDS: dict[Why, str] = {
    Why.NO_ONE_WORKING: "当天无人上班",
    Why.TOO_LONG: "用时超过在岗人员每日工时",
    Why.NO_MINUTES_LEFT: "在岗人员当日工时已排满",
}
BAND_WORDS: dict[Band, str] = {
    Band.COMMENDED: "奖励",
    Band.MIDDLE: "鼓励",
    Band.FLAGGED: "末位（需跟进）",
}
AREA_KIND_WORDS: dict[AreaKind, str] = {
    AreaKind.STAIRWELL: "楼道",
    AreaKind.ROAD: "道路及广场",
    AreaKind.GARBAGE: "垃圾点",
    AreaKind.GREEN: "绿化带",
    AreaKind.CAR_PARK: "停车场",
    AreaKind.DRAINS: "雨污水井及管道",
    AreaKind.SEPTIC_TANK: "化粪池",
    AreaKind.WATER_TANK: "水箱",
    AreaKind.OTHER: "其他",
}
DAY_OFF = "休"  # a cleaner's weekly day off, on the wall chart
ON_LEAVE = "假"
NOT_ACCEPTED = "未确认"


def weekday_word(day: date | int) -> str:
    """A day of the week as one character: ``一`` for Monday … ``日`` for Sunday."""
    return WEEKDAYS[day if isinstance(day, int) else day.weekday()]


def date_words(day: date, weekday: bool = True) -> str:
    """A day as printed on paper: ``2026年12月7日（星期一）``."""
    text = f"{day.year}年{day.month}月{day.day}日"
    return f"{text}（星期{weekday_word(day)}）" if weekday else text


def short_date_words(day: date) -> str:
    """A day of a month already named: ``12月7日（一）``."""
    return f"{day.month}月{day.day}日（{weekday_word(day)}）"


def month_words(month: str) -> str:
    """``2026-12`` as ``2026年12月``."""
    year, number = month.split("-")
    return f"{int(year)}年{int(number)}月"


def frequency_words(frequency: Frequency) -> str:
    """How often a task comes, in words: 每天2次, 每天, 每周一、四, 每周2次, 每3天, 每月15日, 每2个月, 每年.

    A monthly day a short month lacks says that the month's last day is taken instead.
    """
    kind, count = frequency.kind, frequency.count
    if kind is FrequencyKind.PER_DAY:
        return f"每天{count}次"
    if kind is FrequencyKind.DAILY or (kind is FrequencyKind.EVERY_DAYS and count == 1):
        return "每天"
    if kind is FrequencyKind.WEEKDAYS:
        return "每周" + "、".join(WEEKDAYS[day] for day in sorted(frequency.weekdays))
    if kind is FrequencyKind.PER_WEEK:
        return f"每周{count}次"
    if kind is FrequencyKind.EVERY_DAYS:
        return f"每{count}天"
    if kind is FrequencyKind.MONTHLY:
        text = f"每月{frequency.day}日"
        return f"{text}（小月取月末）" if frequency.last_day_note else text
    if kind is FrequencyKind.EVERY_MONTHS:
        return "每月" if count == 1 else f"每{count}个月"
    return "每年"


def occurrence_words(occurrence: int, times: int) -> str:
    """Which of a day's occurrences a line is: ``第2次`` when the task comes more than once that day."""
    return f"第{occurrence}次" if times > 1 else ""


def two_decimals(value: Fraction) -> str:
    """A number with two decimals, half up: ``92.63`` (two averages apart in rank never read alike)."""
    hundredths = value * 100
    whole = int(hundredths // 1) + (hundredths - int(hundredths // 1) >= Fraction(1, 2))
    sign = "-" if whole < 0 else ""
    whole = abs(whole)
    return f"{sign}{whole // 100}.{whole % 100:02d}"


def one_decimal(value: Fraction) -> str:
    """A number with one decimal, half up: ``92.5`` (a score, minutes a working day)."""
    tenths = value * 10
    whole = int(tenths // 1)
    if tenths - whole >= Fraction(1, 2):
        whole += 1
    sign = "-" if whole < 0 else ""
    whole = abs(whole)
    return f"{sign}{whole // 10}.{whole % 10}"
