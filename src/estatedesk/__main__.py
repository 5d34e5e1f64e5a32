"""Entry points: ``python -m estatedesk`` starts the GUI, or runs a command when given one."""

from __future__ import annotations

import sys
from collections.abc import Sequence

# The command line's first words (estatedesk.cli.COMMAND_WORDS, which a test keeps equal to these:
# importing the CLI here would slow the window's start) and the requests for help.
COMMAND_WORDS = frozenset({"init", "demo", "check", "import", "export"})
CLI_WORDS = COMMAND_WORDS | {"-h", "--help", "--version"}
OPTIONS_WITH_A_VALUE = frozenset({"--db", "--lang"})  # their value is a file or a language, not a word


def wants_gui(argv: Sequence[str]) -> bool:
    """A command word (or a request for help) means the command line; anything else, the window."""
    words = []
    value_next = False
    for argument in argv:
        if not value_next and argument not in OPTIONS_WITH_A_VALUE:
            words.append(argument)
        value_next = not value_next and argument in OPTIONS_WITH_A_VALUE
    return not CLI_WORDS.intersection(words)


def cli_main(argv: Sequence[str] | None = None) -> int:
    """The ``estatedesk`` console command."""
    from estatedesk.cli import main

    return main(sys.argv[1:] if argv is None else argv)


def gui_main(argv: Sequence[str] | None = None) -> int:
    """The desktop program."""
    from estatedesk.gui.app import main

    return int(main(sys.argv[1:] if argv is None else argv))


def main() -> int:
    """``python -m estatedesk``: the GUI without a command, the CLI with one."""
    argv = sys.argv[1:]
    return gui_main(argv) if wants_gui(argv) else cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
