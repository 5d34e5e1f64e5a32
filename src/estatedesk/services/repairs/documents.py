"""Printed documents of the repair log: the work order sheet (派工单), the daily sheet, the month's report."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from estatedesk.domain.errors import InputRejected, ValidationError
from estatedesk.domain.fees import parse_month
from estatedesk.domain.households import mask_landline, mask_phone, read_phone
from estatedesk.domain.repairs import OrderKind, State, Step, Urgency
from estatedesk.services.repairs.orders import now
from estatedesk.services.repairs.queries import board, month_figures, order_detail, reporter_phone
from estatedesk.services.repairs.records import (
    ON_TIME_TARGET,
    REWORK_LIMIT,
    VISIT_TARGET,
    MonthFigures,
    OrderRow,
)
from estatedesk.services.repairs.settings import categories
from estatedesk.store.sql import estate_name

if TYPE_CHECKING:
    from estatedesk.reports.repair_sheets import BoardLine, DailySheetDocument, MonthReportDocument
    from estatedesk.reports.work_order import WorkOrderDocument

# fpdf2 and the reports are imported when a document is made, not with the services: the window
# and the command line start without them.


def masked_phone(phone: str) -> str:
    """A reporter's phone as paper shows it: a mobile's middle hidden, all but 4 digits of a landline's."""
    if not phone:
        return ""
    try:
        _mobile, landline = read_phone(phone)
    except ValidationError:
        return mask_phone(phone)  # whatever it is, paper never shows it whole
    return mask_landline(phone) if landline else mask_phone(phone)


def _category_names() -> dict[str, str]:
    return {category.key: category.name for category in categories() if category.name}


def work_order_document(order_id: int, printed: datetime | None = None) -> WorkOrderDocument:
    """The work order sheet of an order, as it stands (the last dispatch names the worker)."""
    from estatedesk.reports.repair_words import (
        CALENDAR_CAVEATS,
        CHANNEL_WORDS,
        KIND_WORDS,
        URGENCY_WORDS,
        category_word,
    )
    from estatedesk.reports.work_order import WorkOrderDocument

    detail = order_detail(order_id)
    row = detail.row
    dispatches = [step for step in detail.steps if step.kind is Step.DISPATCH]
    last = dispatches[-1] if dispatches else None
    reporter = " ".join(
        part
        for part in (row.reporter if row.reporter != detail.reporter_name else "", detail.reporter_name)
        if part
    )
    return WorkOrderDocument(
        estate_name=estate_name(),
        number=row.number,
        received=row.received,
        channel=CHANNEL_WORDS[detail.channel],
        kind=KIND_WORDS[row.kind],
        category=category_word(row.category, _category_names()),
        urgency=URGENCY_WORDS[row.urgency],
        emergency=row.urgency is Urgency.EMERGENCY,
        place=row.place,
        reporter=reporter,
        reporter_phone=masked_phone(reporter_phone(order_id)),
        description=row.description,
        worker=row.worker,
        worker_phone=detail.worker_phone,
        contractor=bool(last and last.contractor),
        dispatched=last.at if last else None,
        arrive_due=row.timing.arrive_due,
        finish_due=row.timing.finish_due,
        calendar_note=CALENDAR_CAVEATS[row.calendar],
        reworks=row.reworks,
        printed=printed or now(),
    )


def print_work_order(order_id: int, path: Path) -> None:
    """Write the order's work order sheet (派工单) for the worker: one page, the reporter's phone masked."""
    from estatedesk.reports.work_order import write_work_order

    write_work_order(work_order_document(order_id), path)


def due_today(row: OrderRow, as_of: datetime) -> bool:
    """Whether the order's pending deadline, not yet run out, falls by 24:00 of ``as_of``'s day."""
    due = row.timing.pending_due()
    midnight = datetime.combine(as_of.date() + timedelta(days=1), time())
    return due is not None and as_of <= due <= midnight


_WAITING = {State.DONE: "待回访", State.VISITED: "待关闭", State.PAUSED: "暂停中"}


def _waiting(row: OrderRow) -> str:
    """What an open order whose deadlines are met (or that has none) waits for, in words."""
    if row.state in _WAITING:
        return _WAITING[row.state]
    # Sent back by an unsatisfied visit after its deadline was met on time: the rework has none.
    return f"返修第{row.reworks}次" if row.reworks else "无时限"


def board_line(row: OrderRow, as_of: datetime, names: dict[str, str]) -> BoardLine:
    """An open order as the daily sheet lists it."""
    from estatedesk.reports.repair_sheets import BoardLine
    from estatedesk.reports.repair_words import STATE_WORDS, category_word

    return BoardLine(
        number=row.number,
        received=row.received,
        place=row.place,
        category=category_word(row.category, names),
        emergency=row.urgency is Urgency.EMERGENCY,
        state=STATE_WORDS[row.state],
        worker=row.worker,
        due=row.timing.pending_due(),
        calendar=row.calendar,
        overdue=row.overdue(as_of),
        due_today=due_today(row, as_of),
        waiting=_waiting(row),
        description=row.description,
        last_note=row.last_note,
        last_note_at=row.last_note_at,
    )


def daily_sheet_document(as_of: datetime | None = None) -> DailySheetDocument:
    """The daily review board (日清日审) as printed: every open order, the overdue first."""
    from estatedesk.reports.repair_sheets import DailySheetDocument

    moment = as_of or now()
    names = _category_names()
    lines = tuple(board_line(row, moment, names) for row in board(moment))
    return DailySheetDocument(estate_name(), moment, lines)


def print_daily_sheet(path: Path, as_of: datetime | None = None) -> int:
    """Write the daily sheet (one A4 landscape page); return how many orders it lists by row.

    Orders that do not fit even in the smallest type are counted on the sheet's last line.
    """
    from estatedesk.reports.repair_sheets import write_daily_sheet

    return write_daily_sheet(daily_sheet_document(as_of), path)


def check_month(month: str) -> str:
    """``month`` as YYYY-MM (``2026-3`` too), or ``InputRejected`` that says how to write one."""
    try:
        return str(parse_month(month))
    except ValidationError as error:
        raise InputRejected([error]) from None


def _by_category(figures: MonthFigures) -> list[tuple[str, int]]:
    """Every category with its orders, in the settings' order (the same rows every month), then any other."""
    counts = dict(figures.by_category)
    keys = [category.key for category in categories()]
    return [(key, counts.get(key, 0)) for key in keys] + [
        (key, count) for key, count in figures.by_category if key not in keys
    ]


def month_report_document(month: str, as_of: datetime | None = None) -> MonthReportDocument:
    """A month's figures as the monthly report prints them, with the twelve months up to it."""
    from estatedesk.reports.repair_sheets import MonthPoint, MonthReportDocument, RateLine, recent_months
    from estatedesk.reports.repair_words import KIND_WORDS, category_word

    month = check_month(month)
    moment = as_of or now()
    figures = month_figures(month, moment)
    names = _category_names()
    trend = []
    for shown in recent_months(month):
        past = figures if shown == month else month_figures(shown, moment)
        trend.append(MonthPoint(shown, past.orders, past.on_time_rate))
    rates = (
        RateLine(
            "及时率",
            figures.on_time,
            figures.judged,
            f"全部时限均按时 {figures.on_time} 单 / 已到期可判定 {figures.judged} 单",
            ON_TIME_TARGET,
        ),
        RateLine(
            "回访率",
            figures.visited,
            figures.done,
            f"已回访 {figures.visited} 单 / 已完工 {figures.done} 单",
            VISIT_TARGET,
        ),
        RateLine(
            "满意率",
            figures.satisfied_visits,
            figures.visits,
            f"满意 {figures.satisfied_visits} 次 / 回访 {figures.visits} 次",
            None,
        ),
        RateLine(
            "返修率",
            figures.reworked,
            figures.done,
            f"回访不满意返修 {figures.reworked} 单 / 已完工 {figures.done} 单",
            REWORK_LIMIT,
            at_least=False,
        ),
    )
    return MonthReportDocument(
        estate_name=estate_name(),
        month=month,
        as_of=moment,
        orders=figures.orders,
        cancelled=figures.cancelled,
        by_category=tuple((category_word(key, names), count) for key, count in _by_category(figures)),
        by_kind=tuple((KIND_WORDS[kind], dict(figures.by_kind).get(kind, 0)) for kind in OrderKind),
        rates=rates,
        done=figures.done,
        hours_to_done=figures.hours_to_done,
        trend=tuple(trend),
        on_time_target=ON_TIME_TARGET,
    )


def print_month_report(month: str, path: Path, as_of: datetime | None = None) -> None:
    """Write the monthly report of ``month`` (YYYY-MM): counts, the rates against their targets, charts."""
    from estatedesk.reports.repair_sheets import write_month_report

    write_month_report(month_report_document(month, as_of), path)
