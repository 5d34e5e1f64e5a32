"""Personal numbers in full, for the clerk who needs one (to call an owner), each look recorded.

Lists, exports for others and the audit trail show phones and ID numbers masked (RULES.md §2);
the full value lives only in the person's record, and reading it is itself an audited act.
"""

from __future__ import annotations

from enum import StrEnum

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, NotFound
from estatedesk.services.changes import writing
from estatedesk.store import audit
from estatedesk.store.sql import execute


class NumberKind(StrEnum):
    """Which of a person's numbers is asked for (the column of the person's record)."""

    PHONE = "phone"
    LANDLINE = "landline"
    ID_NUMBER = "id_number"


# Only people linked to the room: the room's detail panel is where the clerk asks from.
_LINKED = """
SELECT person.name, person.{column}, room.code FROM person
JOIN room ON room.id = ?
WHERE person.id = ?
  AND (EXISTS (SELECT 1 FROM ownership WHERE ownership.room_id = room.id AND ownership.person_id = person.id)
       OR EXISTS (SELECT 1 FROM resident WHERE resident.room_id = room.id AND resident.person_id = person.id))
"""


def reveal_number(room_id: int, person_id: int, kind: NumberKind) -> str:
    """The full number of a person of a room ('' if none is recorded); the look goes in the audit trail."""
    # No change notice: nothing a list shows has changed, and a reload would hide the number again.
    with writing():
        row = execute(_LINKED.format(column=kind.value), (room_id, person_id)).fetchone()
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("messages", "person #{person} is no longer linked to room #{room}"),
                person=person_id,
                room=room_id,
            )
        name, number, code = row
        if number:
            audit.record(
                "reveal",
                "person",
                person_id,
                after={"name": name, "field": kind.value},
                room_id=room_id,
                room_code=code,
            )
    return str(number or "")
