"""Refresh resources/i18n/*.ts from the sources (pyside6-lupdate), then compile .qm files.

Run after changing any user-visible string: ``python build_scripts/update_translations.py``.
New strings appear as unfinished in the .ts; tests/gui/test_translations.py fails until
each has its Simplified Chinese translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)


def _tool(name: str) -> str:
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    """Every file whose strings are translated: Python under src/ and the .ui forms."""
    files = sorted((ROOT / "src" / "estatedesk").rglob("*.py")) + sorted((ROOT / "ui").glob("*.ui"))
    return [str(path.relative_to(ROOT)) for path in files]


def update_ts(language: str, target: Path | None = None) -> Path:
    """Run lupdate for one language into ``target`` (the project's .ts by default)."""
    ts = target or I18N / f"estatedesk_{language}.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
         "-source-language", "en", "-target-language", language, "-ts", str(ts)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )
    return ts


def compile_qm(ts: Path) -> Path:
    """Compile one .ts into the .qm the program loads."""
    qm = ts.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   stdout=subprocess.DEVNULL)
    return qm


def main() -> int:
    """Update and compile every language."""
    I18N.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        compile_qm(update_ts(language))
    return 0


if __name__ == "__main__":
    sys.exit(main())
