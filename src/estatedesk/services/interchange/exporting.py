"""The export of stored records, with the audit trail told of every export of full personal numbers.

A look at one person's full number is recorded (``households.reveal_number``); a file with
every room's full phone and ID numbers is recorded too, or the trail would show the one and not
the thousand. A masked export shows no more than the lists do, and is not recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from estatedesk.services.changes import writing
from estatedesk.services.interchange import importing
from estatedesk.services.interchange.importing import TableSheet
from estatedesk.store import audit
from estatedesk.store.errors import EstateFileReadOnly

R = TypeVar("R")


def export_records(sheet: TableSheet[R], path: Path, records: Iterable[Any], masked: bool = False) -> int:
    """Write stored records to .xlsx or .csv (``importing.export_records``); return how many.

    An unmasked export is recorded in the audit trail once the file is written: what was
    exported, how many, the file's name. If the record cannot be written (a full disk), the
    file is removed again and the error raised: no full numbers leave unrecorded.
    """
    count = importing.export_records(sheet, path, records, masked)
    if masked:
        return count
    try:
        # No change notice: nothing a list shows has changed.
        with writing():
            audit.record(
                "export",
                sheet.name,
                None,
                # "rooms": 120 for the households, as a record is named in the command line's JSON.
                after={f"{sheet.record_word}s": count, "masked": False, "file": Path(path).name},
            )
    except EstateFileReadOnly:
        # A file open read-only (damaged, on a write-protected stick) can take no audit row, and
        # an export is what gets its data out before a backup is restored: it goes on unrecorded.
        pass
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise
    return count
