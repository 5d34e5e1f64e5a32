"""Build the one-folder bundle with PyInstaller, then smoke-test it.

    python build_scripts/build.py                 compile translations, build, smoke-test
    python build_scripts/build.py --no-build      smoke-test the bundle already in dist/
    python build_scripts/build.py --no-smoke      build only

Run it with the Python of the development venv (``dev.py test`` does): PyInstaller freezes
the interpreter that runs it. The smoke test makes a demo estate with the bundled program,
checks it (``check --json`` must say ``"ok": true``), then starts the GUI offscreen with
``--smoke-test`` and expects "main window shown" and exit code 0 within 60 seconds.
Exit code: 0 when everything passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # dev.py beside this file

from dev import REPO, StepFailed, compile_translations, is_windows, run_step

APP = "EstateDesk"
SPEC = REPO / "build_scripts" / "estatedesk.spec"
DIST = REPO / "dist"
WORK = REPO / "build" / "pyinstaller"
BUNDLE = DIST / APP
DEMO_HOUSEHOLDS = 50
CLI_TIMEOUT = 120  # seconds; a demo of 50 households takes about one
GUI_TIMEOUT = 60
SMOKE_MARKER = "main window shown"


def gui_program(bundle: Path = BUNDLE, platform: str = sys.platform) -> Path:
    """The bundle's main executable (windowed on Windows)."""
    return bundle / (f"{APP}.exe" if is_windows(platform) else APP)


def cli_program(bundle: Path = BUNDLE, platform: str = sys.platform) -> Path:
    """The executable that can print to a console: on Windows the separate console one."""
    return bundle / "estatedesk-cli.exe" if is_windows(platform) else gui_program(bundle, platform)


def folder_size(folder: Path) -> int:
    """Total size in bytes of the files under ``folder``."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def build_bundle(clean: bool = False) -> None:
    """Run PyInstaller on the spec; the bundle lands in dist/EstateDesk."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    print(f"    $ {' '.join(command)}", flush=True)
    code = subprocess.call(command, cwd=REPO)
    if code != 0:
        raise StepFailed(f"PyInstaller failed with exit code {code}", code)
    if not gui_program().is_file():
        raise StepFailed(f"PyInstaller finished but {gui_program()} is missing")


def check_contents(bundle: Path = BUNDLE) -> None:
    """The bundle carries ui/, the fonts with their licence, every compiled translation, and QtCharts."""
    internal = bundle / "_internal"
    root = internal if internal.is_dir() else bundle
    fonts, i18n = root / "resources" / "fonts", root / "resources" / "i18n"
    expected = [root / "ui", fonts / "OFL.txt"]
    expected += [fonts / ttf.name for ttf in (REPO / "resources" / "fonts").glob("*.ttf")]
    expected += [i18n / qm.name for qm in (REPO / "resources" / "i18n").glob("*.qm")]
    missing = [str(path.relative_to(bundle)) for path in expected if not path.exists()]
    if not list(fonts.glob("*.ttf")):
        missing.append("a font in resources/fonts")
    # The fee ledger's chart: no smoke test opens that tab, so look for the module instead.
    if not list((root / "PySide6").glob("QtCharts.*")):
        missing.append("PySide6/QtCharts")
    if missing:
        raise StepFailed(f"the bundle lacks {', '.join(missing)}")


def _run(
    command: Sequence[str | Path], env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    printable = " ".join(str(part) for part in command)
    print(f"    $ {printable}", flush=True)
    try:
        result = subprocess.run(
            [str(part) for part in command],
            env=env,
            timeout=timeout,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise StepFailed(f"{printable} did not finish within {timeout:.0f} s") from error
    for stream in (result.stdout, result.stderr):
        if stream.strip():
            print("      " + stream.strip().replace("\n", "\n      "), flush=True)
    return result


def smoke_env(folder: Path) -> dict[str, str]:
    """Environment for the bundled program: offscreen Qt, its data and settings in ``folder``."""
    env = dict(os.environ)
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "ESTATEDESK_DATA_DIR": str(folder / "data"),  # logs go there, not to the user's folder
            "XDG_CONFIG_HOME": str(folder / "config"),  # QSettings on Linux
            "PYTHONIOENCODING": "utf-8",
        }
    )
    return env


def smoke_cli(bundle: Path, folder: Path) -> Path:
    """Create a demo estate with the bundled program and check it; return the file."""
    database = folder / "demo.sqlite3"
    env = smoke_env(folder)
    program = cli_program(bundle)
    demo = [program, "--db", database, "demo", "--households", str(DEMO_HOUSEHOLDS)]
    created = _run(demo, env, CLI_TIMEOUT)
    if created.returncode != 0 or not database.is_file():
        raise StepFailed(f"the bundled program could not make a demo estate (exit code {created.returncode})")
    checked = _run([program, "--db", database, "check", "--json"], env, CLI_TIMEOUT)
    try:
        report = json.loads(checked.stdout)
    except json.JSONDecodeError as error:
        raise StepFailed(f"'check --json' did not print JSON (exit code {checked.returncode})") from error
    if report.get("ok") is not True or checked.returncode != 0:
        raise StepFailed(f"'check --json' found problems: {report}")
    return database


def smoke_gui(bundle: Path, folder: Path, database: Path) -> float:
    """Start the bundled GUI offscreen with --smoke-test; return how many seconds it took."""
    env = smoke_env(folder)
    started = time.monotonic()
    # On Windows the windowed .exe has no stdout; the console one runs the same code and can
    # report the marker, and the windowed one must at least exit cleanly.
    shown = _run([cli_program(bundle), "--db", database, "--smoke-test"], env, GUI_TIMEOUT)
    seconds = time.monotonic() - started
    if shown.returncode != 0:
        raise StepFailed(f"the GUI smoke test exited with code {shown.returncode}")
    if SMOKE_MARKER not in shown.stdout:
        raise StepFailed(f"the GUI smoke test did not print {SMOKE_MARKER!r}")
    if cli_program(bundle) != gui_program(bundle):
        windowed = _run([gui_program(bundle), "--db", database, "--smoke-test"], env, GUI_TIMEOUT)
        if windowed.returncode != 0:
            raise StepFailed(f"the windowed program's smoke test exited with code {windowed.returncode}")
    return seconds


def smoke_test(bundle: Path = BUNDLE, gui: bool = True) -> float | None:
    """Run the CLI and (unless ``gui`` is false) the GUI smoke tests; return the GUI's start time."""
    with tempfile.TemporaryDirectory(prefix="estatedesk-smoke-") as name:
        folder = Path(name)
        database = smoke_cli(bundle, folder)
        return smoke_gui(bundle, folder, database) if gui else None


def main(argv: Sequence[str] | None = None) -> int:
    """Build and smoke-test; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="test the bundle already in dist/")
    parser.add_argument("--no-smoke", action="store_true", help="build only")
    parser.add_argument("--no-gui", action="store_true", help="smoke-test the CLI only, not the window")
    parser.add_argument("--clean", action="store_true", help="let PyInstaller start from an empty cache")
    args = parser.parse_args(argv)
    python = Path(sys.executable)
    gui_seconds: list[float | None] = []
    try:
        if not args.no_build:
            run_step("compile translations", lambda: compile_translations(python))
            run_step("PyInstaller", lambda: build_bundle(args.clean))
        run_step("check bundle contents", lambda: check_contents(BUNDLE))
        if not args.no_smoke:
            run_step("smoke test", lambda: gui_seconds.append(smoke_test(BUNDLE, gui=not args.no_gui)))
    except StepFailed as failure:
        print(f"\nerror: {failure}", file=sys.stderr)
        return 1
    print(f"bundle: {BUNDLE} ({folder_size(BUNDLE) / 1e6:.0f} MB)")
    if gui_seconds and gui_seconds[0] is not None:
        print(f"smoke start of the GUI: {gui_seconds[0]:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
