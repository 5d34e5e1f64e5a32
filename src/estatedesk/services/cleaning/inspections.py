"""Weekly inspections and the month's ranking (RULES.md §5: 奖优罚劣).

Each area is scored 0–100 from a checklist of deductions (a setting that travels with the
file), with notes and photos; the score is kept against the cleaner responsible for the area
when it was inspected. A month ranks cleaners and areas by average score into bands.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from fractions import Fraction

from estatedesk.domain.cleaning import WEEKDAY_WORDS
from estatedesk.domain.cleaning_scores import (
    DEFAULT_BOTTOM_PERCENT,
    DEFAULT_DEDUCTIONS,
    DEFAULT_TOP_PERCENT,
    check_bands,
    parse_score,
    rank,
    score_after,
)
from estatedesk.domain.dates import parse_date
from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, NotFound, Problems, ValidationError
from estatedesk.domain.text import check_text
from estatedesk.services.changes import Records, writing
from estatedesk.services.cleaning.areas import area
from estatedesk.services.cleaning.records import (
    Deduction,
    InspectionInput,
    InspectionSettings,
    InspectionView,
    Ranking,
    RankingHistory,
    RankRow,
)
from estatedesk.services.cleaning.rota import month_key, parse_month
from estatedesk.services.photos import shrink_photo
from estatedesk.store import audit
from estatedesk.store.audit import now_utc
from estatedesk.store.sql import execute, insert, put_setting

_SETTING = "cleaning_inspection"
MAX_DEDUCTION_POINTS = 100


def inspection_settings() -> InspectionSettings:
    """The inspection day, the checklist and the ranking's bands as the file keeps them (else defaults)."""
    row = execute("SELECT value FROM setting WHERE key = ?", (_SETTING,)).fetchone()
    held = json.loads(row[0]) if row else {}
    return InspectionSettings(
        int(held.get("weekday", 2)),
        tuple(
            Deduction(str(item), int(points)) for item, points in held.get("deductions", DEFAULT_DEDUCTIONS)
        ),
        int(held.get("top_percent", DEFAULT_TOP_PERCENT)),
        int(held.get("bottom_percent", DEFAULT_BOTTOM_PERCENT)),
    )


def save_inspection_settings(settings: InspectionSettings) -> None:
    """Keep the inspection day, the checklist and the bands; each bad value refused by its field."""
    problems = Problems()
    if not 0 <= settings.weekday <= 6:
        problems.append(ValidationError("weekday", QT_TRANSLATE_NOOP("messages", "choose a day of the week")))
    seen: set[str] = set()
    for index, deduction in enumerate(settings.deductions):
        # Named as the dialogs name a table's cells (owners[1].phone): the error shows on its cell.
        field = f"deductions[{index}].item"
        item = deduction.item.strip()
        if not item:
            problems.append(ValidationError(field, QT_TRANSLATE_NOOP("messages", "say what is wrong")))
        problems.attempt(check_text, item, field)
        if item in seen:
            problems.append(
                ValidationError(field, QT_TRANSLATE_NOOP("messages", "'{item}' is listed twice"), item=item)
            )
        seen.add(item)
        if not 1 <= deduction.points <= MAX_DEDUCTION_POINTS:
            problems.append(
                ValidationError(
                    f"deductions[{index}].points",
                    QT_TRANSLATE_NOOP("messages", "points off are from 1 to 100, not {value}"),
                    value=deduction.points,
                )
            )
    problems.attempt(check_bands, settings.top_percent, settings.bottom_percent)
    if problems:
        raise InputRejected(problems)
    with writing(Records.CLEANING):
        value = {
            "weekday": settings.weekday,
            "deductions": [[d.item.strip(), d.points] for d in settings.deductions],
            "top_percent": settings.top_percent,
            "bottom_percent": settings.bottom_percent,
        }
        put_setting(_SETTING, json.dumps(value, ensure_ascii=False))
        audit.record("update", "setting", None, after={"cleaning_inspection": value})


def inspection_day(week_of: date, settings: InspectionSettings | None = None) -> date:
    """The inspection day of the week that holds ``week_of`` (Wednesday unless set otherwise)."""
    weekday = (settings or inspection_settings()).weekday
    return week_of - timedelta(days=week_of.weekday()) + timedelta(days=weekday)


def record_inspection(typed: InspectionInput) -> InspectionView:
    """Score an area on a day, by a score or the checklist's deductions; a second one that day replaces it."""
    problems = Problems()
    day = problems.attempt(parse_date, typed.day, "date")
    if day is None and not problems:
        problems.append(
            ValidationError("date", QT_TRANSLATE_NOOP("messages", "give a date such as 2026-12-01"))
        )
    checklist = {deduction.item: deduction.points for deduction in inspection_settings().deductions}
    found: list[tuple[str, int, int]] = []
    for item, times in typed.found:
        if item not in checklist:
            problems.append(
                ValidationError(
                    "found", QT_TRANSLATE_NOOP("messages", "'{item}' is not on the checklist"), item=item
                )
            )
        elif times > 0:
            found.append((item, checklist[item], times))
    score = None
    if typed.score.strip():
        score = problems.attempt(parse_score, typed.score, "score")
    elif not problems:
        score = score_after((points, times) for _item, points, times in found)
    problems.attempt(check_text, typed.note.strip(), "note", True)
    if problems:
        raise InputRejected(problems)
    assert day is not None and score is not None
    with writing(Records.CLEANING):
        inspected = area(typed.area_id)
        previous = execute(
            "SELECT id, cleaner_id FROM cleaning_inspection WHERE area_id = ? AND day = ?",
            (typed.area_id, day.isoformat()),
        ).fetchone()
        # A correction of that day's score stays with whoever answered for the area then, even
        # if another cleaner has been named responsible since.
        answering = inspected.responsible_id if previous is None else previous[1]
        if previous is not None:
            execute("DELETE FROM cleaning_inspection WHERE id = ?", (previous[0],))
        inspection_id = insert(
            "INSERT INTO cleaning_inspection (day, area_id, cleaner_id, score, deductions, note,"
            " recorded_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                day.isoformat(),
                typed.area_id,
                answering,
                score,
                json.dumps(
                    [{"item": item, "points": points, "count": times} for item, points, times in found],
                    ensure_ascii=False,
                ),
                typed.note.strip(),
                now_utc(),
                audit.current_actor(),
            ),
        )
        audit.record(
            "update" if previous else "create",
            "cleaning_inspection",
            inspection_id,
            after={"area": inspected.name, "day": day.isoformat(), "score": score},
        )
    view = inspection(inspection_id)
    return replace(view, replaced=previous is not None)


def add_inspection_photo(inspection_id: int, data: bytes, name: str = "") -> int:
    """Keep a photo with an inspection, shrunk as a repair order's are; return its id."""
    width, height, jpeg = shrink_photo(data, name)
    with writing(Records.CLEANING):
        inspection(inspection_id)
        photo_id = insert(
            "INSERT INTO cleaning_inspection_photo"
            " (inspection_id, name, width, height, jpeg, added_at, actor)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (inspection_id, name, width, height, jpeg, now_utc(), audit.current_actor()),
        )
        audit.record("photo", "cleaning_inspection", inspection_id, after={"photo": photo_id, "name": name})
    return photo_id


def inspection_photo(photo_id: int) -> bytes:
    """A kept inspection photo's JPEG."""
    row = execute("SELECT jpeg FROM cleaning_inspection_photo WHERE id = ?", (photo_id,)).fetchone()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "the photo is no longer kept"))
    return bytes(row[0])


def remove_inspection(inspection_id: int) -> None:
    """Take back an inspection entered by mistake."""
    with writing(Records.CLEANING):
        found = inspection(inspection_id)
        execute("DELETE FROM cleaning_inspection WHERE id = ?", (inspection_id,))
        audit.record(
            "delete",
            "cleaning_inspection",
            inspection_id,
            before={"area": found.area, "day": found.day.isoformat(), "score": found.score},
        )


def inspection(inspection_id: int) -> InspectionView:
    """One inspection."""
    found = _views("i.id = ?", (inspection_id,))
    if not found:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "the inspection is no longer kept"))
    return found[0]


def list_inspections(first: date, last: date) -> list[InspectionView]:
    """The inspections from ``first`` to ``last``, latest day first, then by area."""
    return _views("i.day BETWEEN ? AND ?", (first.isoformat(), last.isoformat()))


def _views(where: str, params: tuple[object, ...]) -> list[InspectionView]:
    photos: dict[int, list[int]] = defaultdict(list)
    rows = execute(
        "SELECT i.id, i.day, i.area_id, a.name, i.cleaner_id, ifnull(c.name, ''), i.score, i.deductions,"
        " i.note"
        " FROM cleaning_inspection i JOIN cleaning_area a ON a.id = i.area_id"
        " LEFT JOIN cleaner c ON c.id = i.cleaner_id"
        f" WHERE {where} ORDER BY i.day DESC, a.kind <> 'stairwell', a.building_id,"
        " ifnull(a.unit_id, 0), a.name",
        params,
    ).fetchall()
    if rows:
        for photo_id, inspection_id in execute(
            "SELECT p.id, p.inspection_id FROM cleaning_inspection_photo p JOIN cleaning_inspection i"
            f" ON i.id = p.inspection_id WHERE {where} ORDER BY p.id",
            params,
        ):
            photos[inspection_id].append(photo_id)
    return [
        InspectionView(
            inspection_id,
            date.fromisoformat(day),
            area_id,
            area_name,
            cleaner_id,
            cleaner,
            score,
            tuple((entry["item"], entry["points"], entry["count"]) for entry in json.loads(deductions)),
            note,
            tuple(photos.get(inspection_id, ())),
        )
        for inspection_id, day, area_id, area_name, cleaner_id, cleaner, score, deductions, note in rows
    ]


def ranking(month: str) -> Ranking:
    """The month's ranking of cleaners and of areas by average score, with the bands set."""
    first, last = parse_month(month)
    settings = inspection_settings()
    by_cleaner: dict[int, list[int]] = defaultdict(list)
    by_area: dict[int, list[int]] = defaultdict(list)
    names: dict[tuple[str, int], str] = {}
    for inspected in list_inspections(first, last):
        by_area[inspected.area_id].append(inspected.score)
        names["area", inspected.area_id] = inspected.area
        if inspected.cleaner_id is not None:
            by_cleaner[inspected.cleaner_id].append(inspected.score)
            names["cleaner", inspected.cleaner_id] = inspected.cleaner

    def rows(kind: str, scores: dict[int, list[int]]) -> tuple[RankRow, ...]:
        return tuple(
            RankRow(
                ranked.rank,
                names[kind, ranked.key],
                ranked.average,
                ranked.inspections,
                ranked.band,
                ranked.key,
            )
            for ranked in rank(scores, settings.top_percent, settings.bottom_percent)
        )

    return Ranking(
        month_key(first),
        rows("cleaner", by_cleaner),
        rows("area", by_area),
        settings.top_percent,
        settings.bottom_percent,
    )


def ranking_history(last_month: str, months: int = 6) -> RankingHistory:
    """Each cleaner's average score over the ``months`` up to ``last_month``, for the chart."""
    last_first, last_day = parse_month(last_month)
    if months < 1:
        return RankingHistory(())
    keys: list[str] = []
    year, month = last_first.year, last_first.month
    for _ in range(months):
        keys.insert(0, f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    first_day = parse_month(keys[0])[0]
    scores: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for inspected in list_inspections(first_day, last_day):
        if inspected.cleaner_id is not None:
            scores[inspected.cleaner][month_key(inspected.day)].append(inspected.score)
    return RankingHistory(
        tuple(keys),
        {
            name: tuple(
                Fraction(sum(by_month[key]), len(by_month[key])) if by_month.get(key) else None
                for key in keys
            )
            for name, by_month in sorted(scores.items())
        },
    )


def weekday_words(weekday: int) -> str:
    """A weekday as the command line writes it (``wed``)."""
    return WEEKDAY_WORDS[weekday]
