"""The households tab's texts: the detail panel, the history, counts and the printed scope."""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from typing import Any

from estatedesk.domain.households import (
    NUMBER_MASKS,
    Flag,
    format_area,
    mask_landline,
    mask_phone,
)
from estatedesk.gui import labels
from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters.common import grey, local_time
from estatedesk.gui.presenters.fees import OWED_COLOUR, money
from estatedesk.services.households import EstateCounts, HistoryEntry, NumberKind, RoomDetail

# Links in the detail panel: the tab acts on them (the panel opens no web pages).
RESTORE_LINK = "estatedesk:restore"
LAYOUT_LINK = "estatedesk:layout"
REVEAL_LINK = "estatedesk:reveal/"  # + "<kind>/<person id>": show one full number (audited)
ACCOUNT_LINK = "estatedesk:account"  # the room's account on the fee ledger tab


def reveal_link(kind: NumberKind, person_id: int) -> str:
    """The detail panel's link that shows a person's full number."""
    return f"{REVEAL_LINK}{kind.value}/{person_id}"


def revealed_by(link: str) -> tuple[NumberKind, int] | None:
    """Which number of which person a link of ``reveal_link`` asks for (None: not such a link)."""
    if not link.startswith(REVEAL_LINK):
        return None
    kind, _, person = link.removeprefix(REVEAL_LINK).partition("/")
    try:
        return NumberKind(kind), int(person)
    except ValueError:
        return None


def _number_html(kind: NumberKind, person_id: int, number: str | None, writable: bool) -> str:
    """A masked number with its “show” link ('' when there is none).

    No link on a file open read-only: a look at a full number must be recorded, and it cannot be.
    """
    if not number:
        return ""
    masked = NUMBER_MASKS[kind.value](number)
    if not writable:
        return html.escape(masked)
    show = html.escape(translate("households", "show"))
    return (
        f"{html.escape(masked)} <a href='{reveal_link(kind, person_id)}' style='font-size:small'>{show}</a>"
    )


def hint_html(estate_is_empty: bool, writable: bool = True) -> str:
    """What the detail panel says when no room is selected (``writable``: offer to add rooms)."""
    if estate_is_empty and writable:
        hint = translate(
            "households",
            "This estate has no rooms yet: add them one by one with “Add room…”, "
            "or import a spreadsheet with “Import…” (it offers a template to fill in).",
        )
        layout = translate("households", "Set up a whole building’s rooms in one go…")
        return grey(hint) + f"<p><a href='{LAYOUT_LINK}'>{html.escape(layout)}</a></p>"
    hint = translate("households", "Select a room to see its owners, residents and history.")
    return grey(hint)


def balance_html(owed_fen: int, prepaid_fen: int) -> str:
    """The room's fee balance: what it owes (red) and holds in advance, with a link to its account."""
    e = html.escape
    parts = []
    if owed_fen > 0:
        owed = translate("households", "Owes {amount}").format(amount=money(owed_fen))
        parts.append(f"<b style='color:{OWED_COLOUR}'>{e(owed)}</b>")
    if prepaid_fen:
        parts.append(e(translate("households", "Prepaid {amount}").format(amount=money(prepaid_fen))))
    if not parts:
        parts.append(e(translate("households", "Nothing owed")))
    link = e(translate("households", "View account"))
    return f"{' / '.join(parts)} · <a href='{ACCOUNT_LINK}'>{link}</a>"


def detail_html(room: RoomDetail, writable: bool = True, balance: tuple[int, int] | None = None) -> str:
    """The detail panel of one room: facts, fee balance, owners (masked, with their other rooms), residents.

    Each phone, landline and ID number is masked, with a link that shows it whole (the tab asks
    the service, which records the look). ``writable``: the file can be changed (offer restoring).
    ``balance``: what the room owes and holds in advance, in fen (None: not known, not shown).
    """
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
        restore = translate("households", "Restore it to the list")
        link = f" · <a href='{RESTORE_LINK}'>{e(restore)}</a>" if writable else ""
        parts.append(f"<p style='color:#c0392b'>{e(archived)}{link}</p>")
    parts.append("<table cellspacing='0' cellpadding='3'>")
    parts += [f"<tr><td style='color:#666'>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in rows]
    if balance is not None:
        fees = e(translate("households", "Fees"))
        parts.append(f"<tr><td style='color:#666'>{fees}</td><td>{balance_html(*balance)}</td></tr>")
    parts.append("</table>")
    parts.append("<h3>" + e(translate("households", "Owners")) + "</h3>")
    if not room.owners:
        parts.append(grey(translate("households", "No owner recorded")))
    id_label = translate("households", "ID")
    for owner in room.owners:
        line = f"<b>{e(owner.name)}</b> {_number_html(NumberKind.PHONE, owner.id, owner.phone, writable)}"
        line += _landline_html(owner.id, owner.landline, writable)
        if owner.id_number:
            number = _number_html(NumberKind.ID_NUMBER, owner.id, owner.id_number, writable)
            line += f"<br><span style='color:#666'>{e(id_label)}</span> {number}"
        if owner.other_rooms:
            also = translate("households", "Also owns: {rooms}").format(rooms="、".join(owner.other_rooms))
            line += f"<br><span style='color:#2c6fbb'>{e(also)}</span>"
        parts.append(f"<p style='margin:4px 0'>{line}</p>")
    parts.append("<h3>" + e(translate("households", "Residents")) + "</h3>")
    if not room.residents:
        parts.append(grey(translate("households", "No resident recorded")))
    for resident in room.residents:
        role = labels.resident_role(resident.role)
        phone = _number_html(NumberKind.PHONE, resident.id, resident.phone, writable)
        line = f"<b>{e(resident.name)}</b> · {e(role)} {phone}"
        line += _landline_html(resident.id, resident.landline, writable)
        if resident.lease_from or resident.lease_to:
            lease = translate("households", "Lease {start} to {end}").format(
                start=resident.lease_from.isoformat() if resident.lease_from else "…",
                end=resident.lease_to.isoformat() if resident.lease_to else "…",
            )
            line += f"<br><span style='color:#666'>{e(lease)}</span>"
        parts.append(f"<p style='margin:4px 0'>{line}</p>")
    return "".join(parts)


def _landline_html(person_id: int, landline: str | None, writable: bool) -> str:
    """A person's landline after their mobile, masked as phones are ('' when there is none)."""
    if not landline:
        return ""
    label = translate("households", "Landline")
    number = _number_html(NumberKind.LANDLINE, person_id, landline, writable)
    return f" <span style='color:#666'>{html.escape(label)}</span> {number}"


@dataclass(frozen=True)
class HistoryLine:
    """One change of a room as the history list shows it: when, who, what, and each field changed."""

    when: str
    actor: str
    title: str
    changes: tuple[str, ...]


# A change line longer than this puts the old and the new value on lines of their own, so that
# the history column stays narrow enough to read beside the list (the whole line is its tooltip).
LONG_LINE = 36


def history_lines(entries: list[HistoryEntry], columns: int = 0) -> list[HistoryLine]:
    """A room's changes, newest first: a change as ``field: old → new``, a creation as the fields set.

    ``columns``: how many half-width characters a line may take (0: ``LINE_COLUMNS``).
    """
    return [
        HistoryLine(local_time(entry.at), entry.actor, *_what_happened(entry, columns or LINE_COLUMNS))
        for entry in entries
    ]


def _what_happened(entry: HistoryEntry, columns: int) -> tuple[str, tuple[str, ...]]:
    """An entry's title and its lines."""
    if entry.action == "reveal":  # a clerk looked at a full number: who looked is the point
        after = entry.after or {}
        title = translate("households", "Viewed the full {number}: {name}").format(
            number=labels.field_name(str(after.get("field", ""))), name=after.get("name", "")
        )
        return title, ()
    if entry.entity == "person":
        return translate("households", "Person changed"), change_texts(entry.before, entry.after, columns)
    return labels.action(entry.action), change_texts(entry.before, entry.after, columns)


# The order a room's (or person's) fields are told in, as the detail panel shows them; the audit
# trail keeps them sorted by name.
FIELD_ORDER = (
    "code",
    "area",
    "use",
    "occupancy",
    "flags",
    "owners",
    "residents",
    "parking",
    "note",
    "archived",
    "name",
    "phone",
    "id_number",
)


def _in_order(fields: Any) -> list[str]:
    known = {field: position for position, field in enumerate(FIELD_ORDER)}
    return sorted(fields, key=lambda field: known.get(field, len(known)))


def change_texts(
    before: dict[str, Any] | None, after: dict[str, Any] | None, columns: int = 0
) -> tuple[str, ...]:
    """The lines of one history entry: what changed, or for a record made or deleted, what it held."""
    if before is None or after is None:
        whole = (after if before is None else before) or {}
        made = []
        for field in _in_order(whole):
            if is_set(whole[field]):
                name, value = labels.field_name(field), value_text(field, whole[field])
                line = f"{name}: {value}"
                made.append(wrapped(line if len(line) <= LONG_LINE else f"{name}:\n{value}", columns))
        return tuple(made)
    lines = []
    for field, old, new in changes(before, after):
        line = f"{labels.field_name(field)}: {old} → {new}"
        if len(line) > LONG_LINE:
            line = f"{labels.field_name(field)}:\n{old}\n→ {new}"
        lines.append(wrapped(line, columns))
    return tuple(lines)


# How wide a history line may be, in half-width columns (a Chinese character takes two), when the
# panel does not say: a tree cannot wrap a spanned line itself, so the lines come broken.
LINE_COLUMNS = 44
_BREAK_AFTER = ("、，,；;", " ")  # list separators first, then a space


def wrapped(text: str, columns: int = 0) -> str:
    """``text`` with each line broken to fit ``columns`` half-width columns, after a separator if near."""
    columns = columns or LINE_COLUMNS
    out: list[str] = []
    for line in text.split("\n"):
        while _width(line) > columns:
            cut = _cut_at(line, columns)
            out.append(line[:cut].rstrip())
            line = "  " + line[cut:].lstrip()  # a continued line is indented under its start
        out.append(line)
    return "\n".join(out)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _cut_at(line: str, columns: int) -> int:
    """Where to break ``line`` to fit ``columns``: after the last separator that fits, else at the edge.

    Never inside a number or a Latin word (a room 402 or a phone stays whole on one line).
    """
    used, edge = 0, len(line)
    for index, char in enumerate(line):
        used += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used > columns:
            edge = index
            break
    for marks in _BREAK_AFTER:
        separator = max(line.rfind(mark, 0, edge) for mark in marks)
        if separator > edge // 2:
            return separator + 1
    run = edge
    while 0 < run < len(line) and line[run - 1].isascii() and line[run - 1].isalnum() and line[run].isalnum():
        run -= 1
    return run if run > edge // 2 else max(edge, 1)


def is_set(value: Any) -> bool:
    """Whether a snapshot value says something (not empty, not a flag that is off)."""
    return value is not None and value is not False and value not in ("", [], {})


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
    if field in NUMBER_MASKS:
        return NUMBER_MASKS[field](str(value))
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, list):
        return "、".join(value_text(field, item) for item in value)
    if isinstance(value, dict):
        numbers = (mask_phone(value.get("phone")), mask_landline(value.get("landline")))
        return " ".join(part for part in (value.get("name", ""), *numbers) if part)
    return str(value)


def changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[tuple[str, str, str]]:
    """The fields that differ between two snapshots, as (field, old, new) texts."""
    before, after = before or {}, after or {}
    texts = [
        (key, value_text(key, before.get(key)), value_text(key, after.get(key)))
        for key in _in_order(dict.fromkeys([*before, *after]))
        if before.get(key) != after.get(key)
    ]
    return [(key, old, new) for key, old, new in texts if old != new]  # "" and None both read "—"


def empty_list_text(total: int, query: str) -> str:
    """The line the list shows when it shows no room: nothing matched the search, or no rooms yet."""
    if query.strip():
        return translate(
            "households",
            "No room matches “{query}”. Search by room (3-2-501), name, pinyin (zs), "
            "or a phone's first digits or last 4.",
        ).format(query=query.strip())
    if total == 0:
        return translate("households", "No rooms yet.")
    return translate("households", "No room here.")


def count_text(shown: int, total: int) -> str:
    """The line under the list: how many rooms it shows of how many."""
    return translate("households", "{shown} of {total} rooms shown").format(shown=shown, total=total)


def status_text(counts: EstateCounts) -> str:
    """The tab's figures in the status bar."""
    return translate("households", "{rooms} rooms · {owners} owners · {residents} residents").format(
        rooms=counts.rooms, owners=counts.owners, residents=counts.residents
    )
