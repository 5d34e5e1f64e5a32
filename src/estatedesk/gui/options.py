"""The window's command-line options, without Qt: ``--help`` lists them beside the commands'."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from estatedesk.gui.i18n import LANGUAGES


def window_parser() -> argparse.ArgumentParser:
    """The options ``python -m estatedesk`` (and EstateDesk.exe) take when it opens the window."""
    parser = argparse.ArgumentParser(
        prog="estatedesk",
        description="EstateDesk desktop program: without a command, EstateDesk opens its window.",
    )
    parser.add_argument("--db", type=Path, metavar="PATH", help="estate data file to open")
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help="interface language")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the file, show the main window, then exit (for build checks)",
    )
    return parser


def window_options_help() -> str:
    """The window's options as ``--help`` lists them after the commands."""
    return "\nWithout a COMMAND, EstateDesk opens its window:\n\n" + window_parser().format_help()


def parse_window_args(argv: Sequence[str]) -> argparse.Namespace:
    """The window's options from the command line."""
    return window_parser().parse_args(list(argv))
