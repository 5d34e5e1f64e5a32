"""Entry points: ``python -m estatedesk`` starts the GUI, or runs a command when given one."""

from __future__ import annotations

import sys
from collections.abc import Sequence

# The command line's first words (estatedesk.cli.COMMAND_WORDS, which a test keeps equal to these:
# importing the CLI here would slow the window's start) and the requests for help.
COMMAND_WORDS = frozenset(
    {"init", "demo", "check", "verify", "fees", "votes", "repairs", "cleaning", "import", "export"}
)
HELP_WORDS = frozenset({"-h", "--help"})
CLI_WORDS = COMMAND_WORDS | HELP_WORDS | {"--version"}
OPTIONS_WITH_A_VALUE = frozenset({"--db", "--lang"})  # their value is a file or a language, not a word


def _words(argv: Sequence[str]) -> list[str]:
    """The arguments that are not the value of an option (``--db check`` names a file, not a command)."""
    words = []
    value_next = False
    for argument in argv:
        if not value_next and argument not in OPTIONS_WITH_A_VALUE:
            words.append(argument)
        value_next = not value_next and argument in OPTIONS_WITH_A_VALUE
    return words


def wants_gui(argv: Sequence[str]) -> bool:
    """A command word (or a request for help) means the command line; anything else, the window."""
    return not CLI_WORDS.intersection(_words(argv))


def wants_whole_help(argv: Sequence[str]) -> bool:
    """``--help`` without a command: the commands and the window's options are both listed."""
    words = set(_words(argv))
    return bool(words & HELP_WORDS) and not words & COMMAND_WORDS


def show_help() -> int:
    """Print the commands' help and the window's options (in a window when there is no console)."""
    from estatedesk.cli import build_parser
    from estatedesk.gui.options import window_options_help

    text = build_parser().format_help() + window_options_help()
    if sys.stdout is None:  # the windowed Windows program has no console to print to
        from estatedesk.gui.app import show_text

        return show_text("EstateDesk --help", text)
    print(text, end="")
    return 0


def cli_main(argv: Sequence[str] | None = None) -> int:
    """The ``estatedesk`` console command."""
    from estatedesk.cli import main

    return main(sys.argv[1:] if argv is None else argv)


def gui_main(argv: Sequence[str] | None = None) -> int:
    """The desktop program."""
    from estatedesk.gui.app import main

    return int(main(sys.argv[1:] if argv is None else argv))


def main() -> int:
    """``python -m estatedesk``: the GUI without a command, the CLI with one, both for ``--help``."""
    argv = sys.argv[1:]
    if wants_whole_help(argv):
        return show_help()
    return gui_main(argv) if wants_gui(argv) else cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
