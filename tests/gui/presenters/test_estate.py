"""What "Check data file" tells the clerk (gui/presenters/estate.py): a clerk's words, details apart."""

from __future__ import annotations

from estatedesk.gui.presenters.estate import check_message
from estatedesk.services.estate import CheckReport
from estatedesk.store.migrations import SCHEMA_VERSION

COUNTS = {
    "buildings": 3,
    "rooms": 60,
    "archived_rooms": 2,
    "owners": 70,
    "residents": 20,
    "parking_spaces": 15,
    "audit_entries": 80,
}


def test_a_sound_file_says_so_and_what_it_holds() -> None:
    message = check_message(CheckReport(SCHEMA_VERSION, ["ok"], 0, COUNTS))
    assert message.ok and message.headline == "The data file is sound."
    assert "3 buildings, 60 rooms (2 archived), 70 owners" in message.text
    for database_word in ("integrity", "ok", "foreign", "schema", "version"):
        assert database_word not in message.text.lower().split()


def test_problems_are_told_one_by_one_in_plain_words_and_the_database_words_go_to_details() -> None:
    report = CheckReport(
        SCHEMA_VERSION,
        ["*** in database main ***", "row 3 missing from index room_code"],
        2,
        COUNTS,
        stale_summaries=5,
        layout_problems=["table room: column x missing"],
    )
    message = check_message(report)
    assert not message.ok and message.headline == "Problems were found:"
    lines = [line for line in message.text.splitlines() if line.startswith("• ")]
    assert len(lines) == 4
    assert "damaged" in lines[0] and "2 records" in lines[1] and "5 rooms" in lines[2]
    assert "Restore from backup" in message.text
    assert "index" not in message.text and "row 3 missing from index room_code" in message.details
    assert "column x missing" in message.details and "foreign_key_check: 2" in message.details


def test_a_file_of_another_version_is_named_so() -> None:
    message = check_message(CheckReport(SCHEMA_VERSION + 1, ["ok"], 0, COUNTS))
    assert not message.ok
    assert "another version of EstateDesk" in message.text


def test_a_file_too_damaged_to_count_leaves_the_counts_out() -> None:
    message = check_message(CheckReport(SCHEMA_VERSION, ["file is not a database"], 0, {}))
    assert "damaged" in message.text and "buildings" not in message.text
