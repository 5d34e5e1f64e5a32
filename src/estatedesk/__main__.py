"""Entry points: ``python -m estatedesk`` starts the GUI, or runs a command when given one."""

from __future__ import annotations

import sys
from collections.abc import Sequence

GUI_OPTIONS = {"--db", "--lang", "--demo-if-empty"}


def _wants_gui(argv: Sequence[str]) -> bool:
    # Only GUI options (``--db PATH``) and no command: start the window.
    words = [word for word in argv if word.startswith("-")]
    values = len(argv) - len(words)
    return all(word.split("=")[0] in GUI_OPTIONS for word in words) and values <= len(words)


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
    return gui_main(argv) if _wants_gui(argv) else cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
