"""The households list: the rooms' columns, and the search and place filter over them.

All rows are loaded once per refresh (about 0.1 s for 20,000 rooms); a search keystroke then
only scans the rows' search text and resets the model, which stays far below 50 ms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from estatedesk.domain.collation import pinyin_sort_key
from estatedesk.domain.households import Occupancy, RoomUse, format_area, mask_phone_slots, typed_room_code
from estatedesk.domain.search import is_digit_word
from estatedesk.gui import labels
from estatedesk.gui.i18n import translate
from estatedesk.gui.models.record_table_model import LOADED_ORDER, RIGHT, ColumnSpec, RecordTableModel
from estatedesk.services.households import RoomRow, room_finder

(
    COL_CODE,
    COL_AREA,
    COL_USE,
    COL_STATE,
    COL_OWNERS,
    COL_OWNER_PHONES,
    COL_TENANTS,
    COL_TENANT_PHONES,
    COL_FLAGS,
) = range(9)


def room_columns() -> list[ColumnSpec[RoomRow]]:
    """The list's columns, titles in the interface language (phones masked: lists are seen by all)."""
    # Translated labels, looked up once: the language does not change while the program runs.
    uses = {use.value: labels.room_use(use) for use in RoomUse}
    states = {state.value: labels.occupancy(state) for state in Occupancy}
    flags: dict[tuple[int, int, int, int], str] = {}

    def flag_text(row: RoomRow) -> str:
        key = (row.hardship, row.elderly_alone, row.disabled, row.developer)
        text = flags.get(key)
        if text is None:
            text = flags[key] = labels.flags(row.flags)
        return text

    return [
        ColumnSpec("code", translate("rooms", "Room"), lambda r: r.code, LOADED_ORDER, width=80),
        ColumnSpec(
            "area",
            translate("rooms", "Area (m²)"),
            lambda r: format_area(r.area_centi),
            lambda r: r.area_centi,
            RIGHT,
            width=72,
        ),
        ColumnSpec("use", translate("rooms", "Use"), lambda r: uses.get(r.use, r.use), width=48),
        ColumnSpec(
            "state", translate("rooms", "State"), lambda r: states.get(r.occupancy, r.occupancy), width=52
        ),
        ColumnSpec(
            "owners",
            translate("rooms", "Owners"),
            lambda r: r.owners,
            lambda r: pinyin_sort_key(r.owners),
            width=112,
        ),
        ColumnSpec(
            "owner_phones",
            translate("rooms", "Owner phones"),
            lambda r: mask_phone_slots(r.owner_phones),
            width=166,
        ),
        ColumnSpec(
            "tenants",
            translate("rooms", "Tenants"),
            lambda r: r.tenants,
            lambda r: pinyin_sort_key(r.tenants),
            width=64,
        ),
        ColumnSpec(
            "tenant_phones",
            translate("rooms", "Tenant phones"),
            lambda r: mask_phone_slots(r.tenant_phones),
            width=92,
        ),
        ColumnSpec("flags", translate("rooms", "Flags"), flag_text, width=80),
    ]


class RoomTableModel(RecordTableModel[RoomRow]):
    """Rooms for the households table, searched as typed and scoped to a building or unit."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            room_columns(),
            id_of=_room_id,
            parent=parent,
            muted=_archived,
            muted_tip=translate("rooms", "Archived room"),
            exact_key=_code,
            exact_query=_typed_code,
        )
        self._place: tuple[str | None, str | None] = (None, None)

    def finder(self, word: str) -> Callable[[RoomRow], bool] | None:
        """Digits find a room by its code or a phone's ends, never its masked middle (``room_finder``)."""
        return room_finder(word)

    def narrows(self, old: str, new: str) -> bool:
        """A phone found by its last 4 digits is lost by a fifth: digits never narrow the last search."""
        return old in new and not is_digit_word(old)

    def set_place(self, building: str | None, unit: str | None) -> None:
        """Show only one building, or one unit of it (None shows all)."""
        if (building, unit) == self._place:
            return
        self._place = (building, unit)
        if building is None:
            self.set_scope(None)
        else:
            self.set_scope(lambda r: r.building == building and (unit is None or r.unit == unit))


def _room_id(row: RoomRow) -> int:
    return row.id


def _code(row: RoomRow) -> str:
    return row.code.casefold()


def _typed_code(text: str) -> str | None:
    # The real code, read as the dialog reads a room: 1-101 first for "1-101", never 11-01.
    code = typed_room_code(text)
    return None if code is None else code.casefold()


def _archived(row: RoomRow) -> int:
    return row.archived
