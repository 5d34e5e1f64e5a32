"""Refresh resources/i18n/*.ts from the sources (pyside6-lupdate), then compile the .qm files.

Run after changing any user-visible string: ``python build_scripts/update_translations.py``
(with the development venv's Python). New strings appear as unfinished in the .ts;
tests/gui/test_translations.py fails until each has its Simplified Chinese translation.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dev import I18N_DIR, REPO, compile_translations, qt_tool_command

LANGUAGES = ("zh_CN",)


def sources() -> list[str]:
    """Every file whose strings are translated: Python under src/ and the .ui forms."""
    files = sorted((REPO / "src" / "estatedesk").rglob("*.py")) + sorted((REPO / "ui").glob("*.ui"))
    return [str(path.relative_to(REPO)) for path in files]


def update_ts(language: str, target: Path | None = None) -> Path:
    """Run lupdate for one language into ``target`` (the project's .ts by default)."""
    ts = target or I18N_DIR / f"estatedesk_{language}.ts"
    subprocess.run(
        [
            *qt_tool_command(Path(sys.executable), "pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            language,
            "-ts",
            str(ts),
        ],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return ts


def main() -> int:
    """Update every language's .ts, then compile them all."""
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        update_ts(language)
    compile_translations(Path(sys.executable))
    return 0


if __name__ == "__main__":
    sys.exit(main())
