"""The people of each room as the households list shows them, kept on the room row.

The list must load 20,000 rooms in about 100 ms: aggregating owners and tenants and folding
the search text on every load took twice that. So ``room`` carries derived columns, and every
write that may change them calls ``refresh_room_summaries`` in the transaction that makes it.
The one query below both computes them (for the refresh) and checks them (``stale_summary_count``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from estatedesk.domain.search import SEARCH_SEPARATORS
from estatedesk.store.sql import chunks, execute, placeholders

SUMMARY_COLUMNS = ("owners_text", "owner_phones", "tenants_text", "tenant_phones", "search_text")


def folded_sql(column: str) -> str:
    """SQL that drops from ``column`` the separators ``normalize_query`` drops from a query.

    Without it 买买提·艾力 or Mary Smith, typed exactly as stored, would not find themselves.
    """
    for separator in SEARCH_SEPARATORS:
        column = f"replace({column}, '{separator}', '')"
    return column


# Names, phones and search keys are concatenated by SQLite, not in Python. The sub-selects
# are ordered so that group_concat keeps co-owners in their order (SQLite does not flatten an
# ordered sub-select into an aggregate). A missing phone is an empty slot, not left out
# (group_concat drops NULLs), so that phones stay in line with names. A landline is searched
# like a mobile, folded like a query (0571-88886666 is found by 057188886666), and only where
# there is one: a room whose people have none keeps the search text it had before landlines.
_PEOPLE_OF_ROOMS = """
    SELECT room_id, group_concat(name, '、'), group_concat(COALESCE(phone, ''), '、'),
           group_concat({name_key} || char(31) || COALESCE(phone, '')
                        || COALESCE(char(31) || {landline_key}, '') || char(31)
                        || replace(pinyin, ' ', char(31)), char(31))
    FROM (SELECT {link}.room_id, p.name, p.phone, p.landline, p.pinyin FROM {link}
          JOIN person p ON p.id = {link}.person_id WHERE {where} ORDER BY {link}.room_id, {order})
    GROUP BY room_id
"""
_OWNERS = _PEOPLE_OF_ROOMS.format(
    link="ownership",
    where="{owner_rooms}",
    order="ownership.position",
    name_key=folded_sql("name"),
    landline_key=folded_sql("landline"),
)
_TENANTS = _PEOPLE_OF_ROOMS.format(
    link="resident",
    where="resident.role = 'tenant' AND {tenant_rooms}",
    order="resident.id",
    name_key=folded_sql("name"),
    landline_key=folded_sql("landline"),
)
# One row per room: (id, *SUMMARY_COLUMNS), as they should be stored. The three ``*rooms``
# holes pick the rooms, each on its own table so that the people are read by index.
_SUMMARIES = f"""
    WITH owners (room_id, names, phones, search) AS ({_OWNERS}),
         tenants (room_id, names, phones, search) AS ({_TENANTS})
    SELECT r.id AS id,
           COALESCE(o.names, '') AS owners_text, COALESCE(o.phones, '') AS owner_phones,
           COALESCE(t.names, '') AS tenants_text, COALESCE(t.phones, '') AS tenant_phones,
           lower(replace(r.code, '-', '') || char(31) || COALESCE(o.search, '')
                 || char(31) || COALESCE(t.search, '')) AS search_text
    FROM room r
    LEFT JOIN owners o ON o.room_id = r.id
    LEFT JOIN tenants t ON t.room_id = r.id
    WHERE {{rooms}}
"""


def summaries_sql(count: int | None) -> str:
    """The query of the summaries as they should be: of ``count`` rooms given as parameters, or all.

    With a count, the ids are bound three times over (once per table that picks the rooms).
    """

    def rooms(column: str) -> str:
        return "1" if count is None else f"{column} IN ({placeholders(count)})"

    return _SUMMARIES.format(
        owner_rooms=rooms("ownership.room_id"), tenant_rooms=rooms("resident.room_id"), rooms=rooms("r.id")
    )


def refresh_room_summaries(room_ids: Sequence[int] | None = None) -> None:
    """Recompute the stored summaries of these rooms (None: of every room).

    Call it inside the transaction that changed a room's people, names or phones. UPDATE ... FROM
    needs SQLite 3.33, older than any Python 3.11 ships with.
    """
    columns = ", ".join(f"{name} = s.{name}" for name in SUMMARY_COLUMNS)
    if room_ids is None:
        execute(f"UPDATE room SET {columns} FROM ({summaries_sql(None)}) AS s WHERE room.id = s.id")
        return
    # Each chunk's ids are bound three times: sql.CHUNK keeps that under SQLite's limit.
    for chunk in chunks(sorted(set(room_ids))):
        execute(
            f"UPDATE room SET {columns} FROM ({summaries_sql(len(chunk))}) AS s WHERE room.id = s.id",
            tuple(chunk) * 3,
        )


def stale_summary_count(connection: sqlite3.Connection) -> int:
    """How many rooms have stored summaries that differ from their people (read only)."""
    stored = ", ".join(f"r.{name}" for name in SUMMARY_COLUMNS)
    fresh = ", ".join(f"s.{name}" for name in SUMMARY_COLUMNS)
    row = connection.execute(
        f"SELECT count(*) FROM room r JOIN ({summaries_sql(None)}) AS s ON s.id = r.id"
        f" WHERE ({stored}) IS NOT ({fresh})"
    ).fetchone()
    return int(row[0])
