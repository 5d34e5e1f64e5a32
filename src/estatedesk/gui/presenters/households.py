"""The households tab's texts: the detail panel, the history, counts and the printed scope."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from estatedesk.domain.households import Flag, format_area, mask_id_number, mask_phone
from estatedesk.gui import labels
from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters.common import grey, local_time
from estatedesk.services.households import EstateCounts, HistoryEntry, RoomDetail


def hint_html(estate_is_empty: bool) -> str:
    """What the detail panel says when no room is selected."""
    if estate_is_empty:
        hint = translate(
            "households",
            "This estate has no rooms yet: add them one by one with “Add room…”, "
            "or import a spreadsheet with “Import…” (it offers a template to fill in).",
        )
    else:
        hint = translate("households", "Select a room to see its owners, residents and history.")
    return grey(hint)


def detail_html(room: RoomDetail) -> str:
    """The detail panel of one room: its facts, owners (masked, with their other rooms) and residents."""
    e = html.escape
    rows = [
        (translate("households", "Exclusive area"), f"{format_area(room.area_centi)} m²"),
        (translate("households", "Use"), labels.room_use(room.use)),
        (translate("households", "State"), labels.occupancy(room.occupancy)),
        (translate("households", "Flags"), labels.flags(room.flags) or "—"),
        (translate("households", "Parking spaces"), "、".join(room.parking) or "—"),
    ]
    if room.note:
        rows.append((translate("households", "Note"), room.note))
    parts = [f"<h2 style='margin-bottom:2px'>{e(room.code)}</h2>"]
    if room.archived_at:
        archived = translate("households", "Archived on {date}").format(date=local_time(room.archived_at))
        parts.append(f"<p style='color:#c0392b'>{e(archived)}</p>")
    parts.append("<table cellspacing='0' cellpadding='3'>")
    parts += [f"<tr><td style='color:#666'>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in rows]
    parts.append("</table>")
    parts.append("<h3>" + e(translate("households", "Owners")) + "</h3>")
    if not room.owners:
        parts.append(grey(translate("households", "No owner recorded")))
    id_label = translate("households", "ID")
    for owner in room.owners:
        line = f"<b>{e(owner.name)}</b> {e(mask_phone(owner.phone))}"
        if owner.id_number:
            line += f"<br><span style='color:#666'>{e(id_label)} {e(mask_id_number(owner.id_number))}</span>"
        if owner.other_rooms:
            also = translate("households", "Also owns: {rooms}").format(rooms="、".join(owner.other_rooms))
            line += f"<br><span style='color:#2c6fbb'>{e(also)}</span>"
        parts.append(f"<p style='margin:4px 0'>{line}</p>")
    parts.append("<h3>" + e(translate("households", "Residents")) + "</h3>")
    if not room.residents:
        parts.append(grey(translate("households", "No resident recorded")))
    for resident in room.residents:
        role = labels.resident_role(resident.role)
        line = f"<b>{e(resident.name)}</b> · {e(role)} {e(mask_phone(resident.phone))}"
        if resident.lease_from or resident.lease_to:
            lease = translate("households", "Lease {start} to {end}").format(
                start=resident.lease_from.isoformat() if resident.lease_from else "…",
                end=resident.lease_to.isoformat() if resident.lease_to else "…",
            )
            line += f"<br><span style='color:#666'>{e(lease)}</span>"
        parts.append(f"<p style='margin:4px 0'>{line}</p>")
    return "".join(parts)


@dataclass(frozen=True)
class HistoryLine:
    """One change of a room as the history list shows it: when, who, what, and each field changed."""

    when: str
    actor: str
    title: str
    changes: tuple[str, ...]


def history_lines(entries: list[HistoryEntry]) -> list[HistoryLine]:
    """A room's changes, newest first, each with its fields as ``field: old → new``."""
    return [
        HistoryLine(
            local_time(entry.at),
            entry.actor,
            translate("households", "Person changed")
            if entry.entity == "person"
            else labels.action(entry.action),
            tuple(
                f"{labels.field_name(field)}: {old} → {new}"
                for field, old, new in changes(entry.before, entry.after)
            ),
        )
        for entry in entries
    ]


def value_text(field: str, value: Any) -> str:
    """One snapshot value as the history shows it: labels translated, phones masked."""
    if value is None or value == "" or value == []:
        return "—"
    if field == "use":
        return labels.room_use(str(value))
    if field == "occupancy":
        return labels.occupancy(str(value))
    if field == "flags":
        return labels.flags(frozenset(Flag(item) for item in value))
    if field == "id_number":
        return mask_id_number(str(value))
    if field == "phone":
        return mask_phone(str(value))
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, list):
        return "、".join(value_text(field, item) for item in value)
    if isinstance(value, dict):
        return f"{value.get('name', '')} {mask_phone(value.get('phone'))}".strip()
    return str(value)


def changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[tuple[str, str, str]]:
    """The fields that differ between two snapshots, as (field, old, new) texts."""
    before, after = before or {}, after or {}
    return [
        (key, value_text(key, before.get(key)), value_text(key, after.get(key)))
        for key in dict.fromkeys([*before, *after])
        if before.get(key) != after.get(key)
    ]


def count_text(shown: int, total: int) -> str:
    """The line under the list: how many rooms it shows of how many."""
    return translate("households", "{shown} of {total} rooms shown").format(shown=shown, total=total)


def status_text(counts: EstateCounts) -> str:
    """The tab's figures in the status bar."""
    return translate("households", "{rooms} rooms · {owners} owners · {residents} residents").format(
        rooms=counts.rooms, owners=counts.owners, residents=counts.residents
    )
