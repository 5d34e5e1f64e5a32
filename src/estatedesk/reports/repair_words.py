"""The repair log's words as its printed documents say them (RULES.md §4): categories, states, payers.

One place for every Chinese word of an order's codes, so that the work order sheet, the daily sheet
and the monthly report name things alike. The window speaks through Qt's translation instead, with
the same words (tests/gui/test_repair_words.py holds them together): what the clerk sees on screen
is what the worker reads on paper.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

from estatedesk.domain.repairs import Category, Channel, OrderKind, Payer, State, Urgency
from estatedesk.domain.workdays import CalendarSource

CATEGORY_WORDS: dict[str, str] = {
    Category.WATER: "水路维修",
    Category.ELECTRICITY: "电路维修",
    Category.PUBLIC_GLASS_DOOR_LIGHT: "公共区域玻璃门窗灯具",
    Category.COMMON_PART: "其他公共部位",
    Category.IN_HOME: "户内维修",
    Category.NOISE_SMELL: "邻里投诉（噪音异味）",
    Category.COMPLAINT: "其他投诉",
    Category.ENQUIRY: "咨询",
}
URGENCY_WORDS: dict[Urgency, str] = {Urgency.EMERGENCY: "急修", Urgency.NORMAL: "一般"}
KIND_WORDS: dict[OrderKind, str] = {
    OrderKind.REPAIR: "报修",
    OrderKind.COMPLAINT: "投诉",
    OrderKind.ENQUIRY: "咨询",
}
STATE_WORDS: dict[State, str] = {
    State.RECEIVED: "已受理",
    State.DISPATCHED: "已派工",
    State.IN_PROGRESS: "处理中",
    State.PAUSED: "已暂停",
    State.DONE: "已完工",
    State.VISITED: "已回访",
    State.CLOSED: "已关闭",
    State.CANCELLED: "已取消",
}
PAYER_WORDS: dict[Payer, str] = {
    Payer.OWNER: "业主",
    Payer.ESTATE: "小区经费",
    Payer.FUND: "维修资金",
}
CHANNEL_WORDS: dict[Channel, str] = {
    Channel.PHONE: "电话",
    Channel.WALK_IN: "来访",
    Channel.PATROL: "巡查发现",
    Channel.GROUP_CHAT: "业主群",
    Channel.COMPLAINT_BOX: "意见箱",
}
# What a deadline says beside it when it was not counted with the State Council's calendar (§4).
CALENDAR_CAVEATS: dict[CalendarSource, str] = {
    CalendarSource.STATUTORY: "",
    CalendarSource.OFFICE: "（按本处录入的节假日安排）",
    CalendarSource.WEEKENDS_ONLY: "（按周末推算，未含法定节假日）",
}


def category_word(key: str, names: Mapping[str, str] | None = None) -> str:
    """A category in words: a built-in one's Chinese name, the office's own name for its own, else the key."""
    if key in CATEGORY_WORDS:
        return CATEGORY_WORDS[key]
    return (names or {}).get(key) or key


def time_text(moment: datetime) -> str:
    """A wall-clock time as documents print it: ``2026-10-09 09:30``."""
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} {moment.hour:02d}:{moment.minute:02d}"


def due_text(due: datetime) -> str:
    """A deadline as printed: midnight is 24:00 of the day before, as "修水不过天" limits are said."""
    if due.time() == time():
        day = due.date() - timedelta(days=1)
        return f"{date_text(day)} 24:00"
    return time_text(due)


def date_text(day: date) -> str:
    """A day as ISO text, ``2026-10-09`` (not strftime: the same on every locale)."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def span_text(span: timedelta) -> str:
    """A length of time in words, to the minute: ``2天3小时``, ``5小时20分``, ``45分``."""
    minutes = max(0, int(span.total_seconds()) // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days}天{hours}小时" if hours else f"{days}天"
    if hours:
        return f"{hours}小时{minutes}分" if minutes else f"{hours}小时"
    return f"{minutes}分"
