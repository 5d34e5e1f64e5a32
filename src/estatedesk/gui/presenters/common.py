"""Texts every tab shows alike: times, places, and the grey hint of an empty panel."""

from __future__ import annotations

import html
from datetime import datetime

from estatedesk.gui.i18n import translate

MUTED = "#777"


def local_time(timestamp: str) -> str:
    """A stored UTC timestamp in the computer's local time, to the minute."""
    try:
        return datetime.fromisoformat(timestamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return timestamp


def grey(text: str) -> str:
    """A line of grey text for a panel with nothing to show yet (HTML, escaped)."""
    return f"<p style='color:{MUTED}'>{html.escape(text)}</p>"


def all_buildings_text() -> str:
    """The place that is the whole estate."""
    return translate("places", "All buildings")


def place_text(building: str, unit: str | None = None) -> str:
    """A building, or a unit of it, as the place tree names it."""
    if unit is None:
        return translate("places", "Building {name}").format(name=building)
    return translate("places", "Unit {name}").format(name=unit)


def scope_text(place: tuple[str, str | None] | None, query: str) -> str:
    """Which part of the estate a list shows, in Chinese, for a printed document's heading."""
    parts = []
    if place:
        building, unit = place
        parts.append(f"{building}号楼" + (f" {unit}单元" if unit else ""))
    if query.strip():
        parts.append(f"搜索“{query.strip()}”")
    return "，".join(parts)
