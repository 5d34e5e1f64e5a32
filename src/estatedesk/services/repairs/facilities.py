"""The register of common facilities (设备台账): what they are, where, their warranty and upkeep.

Upkeep every N months runs from the last upkeep order done for the facility (else from when it was
installed); what falls due in the next 30 days becomes orders in one call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime, time, timedelta

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, NotFound, Problems, ValidationError
from estatedesk.domain.repairs import Category, OrderKind, PlaceKind
from estatedesk.domain.text import check_text
from estatedesk.services.changes import Records, writing
from estatedesk.services.interchange.cells import parse_date_text
from estatedesk.services.repairs.orders import add_order, now
from estatedesk.services.repairs.records import FacilityInput, FacilityView, OrderCreated, OrderInput
from estatedesk.store import audit
from estatedesk.store.audit import now_utc
from estatedesk.store.sql import as_date, execute, insert

UPKEEP_HORIZON_DAYS = 30
UPKEEP_HOUR = time(9, 0)  # planned upkeep orders are received at the start of the working day


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, kept to the month's last day (31 Jan + 1 month: 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def _checked(typed: FacilityInput) -> dict[str, object]:
    problems = Problems()
    name = typed.name.strip()
    if not name:
        problems.append(ValidationError("name", QT_TRANSLATE_NOOP("messages", "name the facility")))
    for field, value in (("name", name), ("location", typed.location), ("model", typed.model)):
        problems.attempt(check_text, value.strip(), field)
    problems.attempt(check_text, typed.note.strip(), "note", True)
    installed = problems.attempt(parse_date_text, typed.installed_on, "installed_on")
    last_upkeep = problems.attempt(parse_date_text, typed.last_upkeep_on, "last_upkeep_on")
    warranty = problems.attempt(parse_date_text, typed.warranty_until, "warranty_until")
    months = None
    if typed.upkeep_months.strip():
        text = typed.upkeep_months.strip()
        if not text.isdigit() or not 1 <= int(text) <= 120:
            problems.append(
                ValidationError(
                    "upkeep_months",
                    QT_TRANSLATE_NOOP("messages", "upkeep comes every 1 to 120 months, not '{value}'"),
                    value=text,
                )
            )
        else:
            months = int(text)
    if installed and warranty and warranty < installed:
        problems.append(
            ValidationError(
                "warranty_until",
                QT_TRANSLATE_NOOP(
                    "messages", "the warranty ends on {end}, before it was installed on {start}"
                ),
                end=warranty.isoformat(),
                start=installed.isoformat(),
            )
        )
    if installed and last_upkeep and last_upkeep < installed:
        problems.append(
            ValidationError(
                "last_upkeep_on",
                QT_TRANSLATE_NOOP(
                    "messages", "the last upkeep on {day} is before it was installed on {start}"
                ),
                day=last_upkeep.isoformat(),
                start=installed.isoformat(),
            )
        )
    if last_upkeep and last_upkeep > date.today():
        problems.append(
            ValidationError(
                "last_upkeep_on",
                QT_TRANSLATE_NOOP("messages", "the last upkeep on {day} is in the future"),
                day=last_upkeep.isoformat(),
            )
        )
    if problems:
        raise InputRejected(problems)
    return {
        "name": name,
        "location": typed.location.strip(),
        "model": typed.model.strip(),
        "installed_on": installed.isoformat() if installed else None,
        "warranty_until": warranty.isoformat() if warranty else None,
        "upkeep_months": months,
        "note": typed.note.strip(),
        "last_upkeep_on": last_upkeep.isoformat() if last_upkeep else None,
    }


def _refuse_clash(values: dict[str, object], facility_id: int | None) -> None:
    row = execute(
        "SELECT id FROM repair_facility WHERE name = ? AND location = ? AND archived_at IS NULL",
        (values["name"], values["location"]),
    ).fetchone()
    if row is not None and row[0] != facility_id:
        raise InputRejected(
            [
                ValidationError(
                    "name",
                    QT_TRANSLATE_NOOP("messages", "the register has {name} at {location} already"),
                    name=values["name"],
                    location=values["location"] or "-",
                )
            ]
        )


def add_facility(typed: FacilityInput) -> int:
    """Add a facility to the register; return its id."""
    values = _checked(typed)
    with writing(Records.REPAIRS):
        _refuse_clash(values, None)
        facility_id = insert(
            "INSERT INTO repair_facility (name, location, model, installed_on, warranty_until, upkeep_months,"
            " note, last_upkeep_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*values.values(), now_utc()),
        )
        audit.record("create", "repair_facility", facility_id, after=values)
    return facility_id


def update_facility(facility_id: int, typed: FacilityInput) -> None:
    """Change what the register says of a facility (its orders keep pointing at it)."""
    values = _checked(typed)
    with writing(Records.REPAIRS):
        before = asdict(facility(facility_id))
        _refuse_clash(values, facility_id)
        execute(
            "UPDATE repair_facility SET name = ?, location = ?, model = ?, installed_on = ?,"
            " warranty_until = ?, upkeep_months = ?, note = ?, last_upkeep_on = ? WHERE id = ?",
            (*values.values(), facility_id),
        )
        audit.record(
            "update",
            "repair_facility",
            facility_id,
            before={k: str(v) for k, v in before.items()},
            after=values,
        )


def archive_facility(facility_id: int) -> None:
    """Take a facility out of the register (removed, replaced); its orders stay."""
    with writing(Records.REPAIRS):
        facility(facility_id)
        execute("UPDATE repair_facility SET archived_at = ? WHERE id = ?", (now_utc(), facility_id))
        audit.record("archive", "repair_facility", facility_id)


def list_facilities() -> list[FacilityView]:
    """The register, by location and name (archived facilities left out)."""
    return _views("f.archived_at IS NULL", ())


def facility(facility_id: int) -> FacilityView:
    """One facility of the register, archived or not."""
    found = _views("f.id = ?", (facility_id,))
    if not found:
        raise NotFound(QT_TRANSLATE_NOOP("messages", "the facility is no longer in the register"))
    return found[0]


def _views(where: str, params: Sequence[object]) -> list[FacilityView]:
    views = []
    for (
        facility_id,
        name,
        location,
        model,
        installed,
        warranty,
        months,
        note,
        created,
        recorded,
        last,
        orders,
        open_orders,
    ) in execute(
        "SELECT f.id, f.name, f.location, f.model, f.installed_on, f.warranty_until, f.upkeep_months, f.note,"
        " f.created_at, f.last_upkeep_on,"
        " MAX(COALESCE(f.last_upkeep_on, ''), COALESCE((SELECT MAX(substr(o.done_at, 1, 10))"
        "  FROM repair_order o WHERE o.facility_id = f.id AND o.upkeep = 1), '')),"
        " (SELECT COUNT(*) FROM repair_order o WHERE o.facility_id = f.id),"
        " (SELECT COUNT(*) FROM repair_order o WHERE o.facility_id = f.id"
        "  AND o.state NOT IN ('closed', 'cancelled'))"
        f" FROM repair_facility f WHERE {where} ORDER BY f.location, f.name, f.id",
        params,
    ):
        installed_on, last_upkeep = as_date(installed), as_date(last)
        # Never serviced on record: the first upkeep runs from installation, else from registration.
        start = last_upkeep or installed_on or as_date(created)
        views.append(
            FacilityView(
                facility_id=int(facility_id),
                name=str(name),
                location=str(location),
                model=str(model),
                installed_on=installed_on,
                warranty_until=as_date(warranty),
                upkeep_months=months,
                note=str(note),
                last_upkeep=last_upkeep,
                recorded_last_upkeep=as_date(recorded),
                next_upkeep=add_months(start, int(months)) if months and start else None,
                orders=int(orders),
                open_orders=int(open_orders),
            )
        )
    return views


def upkeep_due(as_of: date | None = None, days: int = UPKEEP_HORIZON_DAYS) -> list[FacilityView]:
    """Facilities whose upkeep falls due within ``days`` (or is past), without an upkeep order open."""
    today = as_of or date.today()
    horizon = today + timedelta(days=days)
    open_upkeep = {
        int(facility_id)
        for (facility_id,) in execute(
            "SELECT DISTINCT facility_id FROM repair_order WHERE upkeep = 1"
            " AND state NOT IN ('closed', 'cancelled') AND facility_id IS NOT NULL"
        )
    }
    return [
        view
        for view in list_facilities()
        if view.next_upkeep is not None
        and view.next_upkeep <= horizon
        and view.facility_id not in open_upkeep
    ]


def order_upkeep(facility_ids: Sequence[int], received: datetime | None = None) -> list[OrderCreated]:
    """Open an upkeep order for each facility (common part, normal urgency), in one transaction."""
    moment = received or now()
    made: list[OrderCreated] = []
    with writing(Records.REPAIRS):
        for facility_id in facility_ids:
            view = facility(facility_id)
            made.append(
                add_order(
                    OrderInput(
                        received=moment.strftime("%Y-%m-%d %H:%M"),
                        category=Category.COMMON_PART.value,
                        description=f"定期保养：{view.name}" + (f"（{view.model}）" if view.model else ""),
                        kind=OrderKind.REPAIR.value,
                        channel="patrol",
                        place_kind=PlaceKind.FACILITY.value,
                        place_text=view.location,
                        facility_id=facility_id,
                        upkeep=True,
                    ),
                    confirmed={"received_in_future"},
                )
            )
    return made
