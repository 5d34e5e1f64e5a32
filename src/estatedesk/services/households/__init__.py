"""Rooms, owners, residents and parking spaces (房屋与住户档案): the service the window and CLI call.

``rooms`` checks, reads and writes rooms; ``records`` holds the values they take and give;
``writer`` is the one writer every save goes through; ``sheet`` declares the households
table for import and export; ``documents`` prints the roster.
"""

from estatedesk.services.households.documents import print_roster, roster_pages
from estatedesk.services.households.people import NumberKind, reveal_number
from estatedesk.services.households.records import (
    CheckedPerson,
    CheckedResident,
    CheckedRoom,
    EstateCounts,
    HistoryEntry,
    PersonInput,
    PersonView,
    ResidentInput,
    ResidentView,
    RoomDetail,
    RoomInput,
    RoomRow,
)
from estatedesk.services.households.rooms import (
    building_tree,
    check_room,
    code_clash,
    create_room,
    estate_counts,
    find_room_id,
    has_history,
    list_rooms,
    remove_room,
    room_code_key,
    room_detail,
    room_finder,
    room_history,
    unarchive_room,
    update_room,
)

__all__ = [
    "CheckedPerson",
    "CheckedResident",
    "CheckedRoom",
    "EstateCounts",
    "HistoryEntry",
    "NumberKind",
    "PersonInput",
    "PersonView",
    "ResidentInput",
    "ResidentView",
    "RoomDetail",
    "RoomInput",
    "RoomRow",
    "building_tree",
    "check_room",
    "code_clash",
    "create_room",
    "estate_counts",
    "find_room_id",
    "has_history",
    "list_rooms",
    "print_roster",
    "remove_room",
    "reveal_number",
    "room_code_key",
    "room_detail",
    "room_finder",
    "room_history",
    "roster_pages",
    "unarchive_room",
    "update_room",
]
