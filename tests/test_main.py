"""__main__.py: which arguments run a command, and that the entry point itself stays light.

The common argument lists are in test_entry_point.py; here: every command word, and what the
entry point imports.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import estatedesk.__main__ as entry
from estatedesk import cli
from estatedesk.__main__ import wants_gui


@pytest.mark.parametrize("word", sorted(cli.COMMAND_WORDS))
def test_every_command_word_runs_the_command_line(word: str) -> None:
    assert wants_gui([word]) is False
    assert wants_gui(["--db", "estate.sqlite3", word]) is False
    assert wants_gui([f"--db={Path('some') / 'estate.sqlite3'}", word, "--json"]) is False


@pytest.mark.parametrize(
    "argv",
    [
        ["-h"],
        ["--db", "estate.sqlite3", "-h"],
        ["--lang", "en", "--help"],
        ["import", "households", "住户.xlsx", "--valid-only"],
        ["export", "households", "住户.csv", "--masked"],
        ["init", "--name", "幸福里小区"],
    ],
)
def test_help_and_whole_commands_run_the_command_line(argv: list[str]) -> None:
    assert wants_gui(argv) is False


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "en"],
        ["--smoke-test", "--db", "estate.sqlite3"],
        ["--db", str(Path("folder") / "check.sqlite3")],
        ["--db", "导入.sqlite3", "--lang", "zh_CN"],
    ],
)
def test_the_windows_own_options_start_the_window(argv: list[str]) -> None:
    assert wants_gui(argv) is True


def test_a_data_file_named_like_a_command_still_opens_the_window() -> None:
    assert wants_gui(["--db", "check"]) is True


def test_besides_the_command_words_only_help_and_version_run_the_command_line() -> None:
    requests = entry.CLI_WORDS - entry.COMMAND_WORDS
    assert requests == {"-h", "--help", "--version"}
    assert entry.COMMAND_WORDS <= entry.CLI_WORDS


def test_importing_the_entry_point_loads_neither_the_cli_nor_the_services_nor_qt() -> None:
    code = textwrap.dedent(
        """
        import sys
        import estatedesk.__main__
        heavy = ("estatedesk.cli", "estatedesk.services", "estatedesk.gui", "PySide6")
        print(sorted(m for m in sys.modules if m.startswith(heavy)))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_main_hands_a_command_to_the_cli_and_anything_else_to_the_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(entry, "cli_main", lambda argv: calls.append(("cli", list(argv))) or 0)
    monkeypatch.setattr(entry, "gui_main", lambda argv: calls.append(("gui", list(argv))) or 0)
    monkeypatch.setattr(sys, "argv", ["estatedesk", "--db", "e.sqlite3", "check"])
    assert entry.main() == 0
    monkeypatch.setattr(sys, "argv", ["estatedesk", "--db", "e.sqlite3"])
    assert entry.main() == 0
    assert calls == [("cli", ["--db", "e.sqlite3", "check"]), ("gui", ["--db", "e.sqlite3"])]


def test_cli_main_runs_a_command_and_returns_its_exit_code(tmp_path: Path) -> None:
    db = tmp_path / "e.sqlite3"
    assert entry.cli_main(["--db", str(db), "init", "--name", "幸福里小区"]) == 0
    assert db.is_file()
    assert entry.cli_main(["--db", str(db), "init", "--name", "幸福里小区"]) == 1


@pytest.mark.parametrize(
    ("argv", "whole"),
    [
        (["--help"], True),
        (["-h"], True),
        (["--db", "e.sqlite3", "--help"], True),
        (["--lang", "en", "-h"], True),
        (["import", "--help"], False),  # a command's own help
        (["demo", "-h"], False),
        (["--db", "-h"], False),  # a data file named -h
        (["--version"], False),
        ([], False),
    ],
)
def test_help_without_a_command_lists_the_commands_and_the_window(argv: list[str], whole: bool) -> None:
    assert entry.wants_whole_help(argv) is whole


def test_python_m_estatedesk_help_lists_the_windows_options_too() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "estatedesk", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr
    commands, _, window = done.stdout.partition("Without a COMMAND, EstateDesk opens its window")
    for word in sorted(cli.COMMAND_WORDS):
        assert word in commands
    from estatedesk.gui.options import window_parser

    for action in window_parser()._actions:
        for option in action.option_strings:
            assert option in window, option


def test_the_window_takes_exactly_the_options_its_help_lists() -> None:
    from estatedesk.gui.app import parse_args

    args = parse_args(["--db", "e.sqlite3", "--lang", "en", "--smoke-test"])
    assert (args.db, args.lang, args.smoke_test) == (Path("e.sqlite3"), "en", True)


def test_without_a_console_the_help_is_shown_in_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    import estatedesk.gui.app as app_module

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(app_module, "show_text", lambda title, text: shown.append((title, text)) or 0)
    monkeypatch.setattr(sys, "stdout", None)  # the windowed Windows program
    monkeypatch.setattr(sys, "argv", ["EstateDesk.exe", "--help"])
    assert entry.main() == 0
    ((_title, text),) = shown
    assert "--smoke-test" in text and "import" in text
