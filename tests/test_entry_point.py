"""The entry point (__main__.py): which arguments start the window and which run a command."""

from __future__ import annotations

import pytest

from estatedesk.__main__ import wants_gui


@pytest.mark.parametrize(
    ("argv", "gui"),
    [
        ([], True),
        (["--db", "estate.sqlite3"], True),
        (["--db=estate.sqlite3"], True),
        (["check"], False),
        (["--db", "estate.sqlite3", "check"], False),
        (["--db=estate.sqlite3", "check", "--json"], False),
        (["demo", "--households", "5"], False),
        (["--help"], False),
        (["--version"], False),
    ],
)
def test_the_entry_point_tells_commands_from_the_window(argv: list[str], gui: bool) -> None:
    assert wants_gui(argv) is gui
