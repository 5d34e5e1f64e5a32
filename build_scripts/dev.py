"""The README's two commands, with nothing but Python 3.11+ installed.

    python build_scripts/dev.py run [--db PATH ...]   set up, then start the program
    python build_scripts/dev.py test [--no-bundle]     set up, then run every check

Setting up means: on Debian or Ubuntu, make sure the system libraries Qt, the bundle and the
tests need are there (installed with apt-get when running as root, else the one ``apt-get
install`` line to run is printed); create ``.venv`` in the repository if it is missing, and
``pip install -e ".[dev]"`` into it whenever pyproject.toml changed since the last install
(a stamp file inside .venv remembers pyproject's hash, so a second run starts at once).

build.py imports ``compile_translations`` and ``run_step`` from here.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

MIN_PYTHON = (3, 11)
REPO = Path(__file__).resolve().parents[1]
VENV = REPO / ".venv"
PYPROJECT = REPO / "pyproject.toml"
I18N_DIR = REPO / "resources" / "i18n"
STAMP_NAME = "estatedesk-dev.stamp"
DEMO_HOUSEHOLDS = 300


class StepFailed(Exception):
    """A step of ``run`` or ``test`` failed; the message says which and why."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code or 1


def is_windows(platform: str = sys.platform) -> bool:
    """Whether ``platform`` (a ``sys.platform`` value) is Windows."""
    return platform.startswith("win")


def venv_python(venv: Path = VENV, platform: str = sys.platform) -> Path:
    """The Python interpreter inside ``venv``."""
    return venv / "Scripts" / "python.exe" if is_windows(platform) else venv / "bin" / "python"


def venv_tool(python: Path, name: str, platform: str = sys.platform) -> Path:
    """A console script installed next to ``python`` (e.g. ``pyside6-lrelease``)."""
    return python.parent / (f"{name}.exe" if is_windows(platform) else name)


def pyproject_hash(pyproject: Path = PYPROJECT) -> str:
    """SHA-256 of pyproject.toml: when it changes, dependencies may have changed."""
    return hashlib.sha256(pyproject.read_bytes()).hexdigest()


def stamp_path(venv: Path = VENV) -> Path:
    """The file that records which pyproject.toml the venv was installed from."""
    return venv / STAMP_NAME


def needs_install(venv: Path = VENV, pyproject: Path = PYPROJECT) -> bool:
    """True when the venv has no interpreter or was installed from another pyproject.toml."""
    if not venv_python(venv).is_file():
        return True
    stamp = stamp_path(venv)
    return not stamp.is_file() or stamp.read_text(encoding="utf-8").strip() != pyproject_hash(pyproject)


def write_stamp(venv: Path = VENV, pyproject: Path = PYPROJECT) -> None:
    """Remember that the venv now matches pyproject.toml."""
    stamp_path(venv).write_text(pyproject_hash(pyproject) + "\n", encoding="utf-8")


def run_step(name: str, action: Callable[[], object]) -> float:
    """Print the step's name, run it, print how long it took; return the seconds."""
    print(f"==> {name}", flush=True)
    started = time.monotonic()
    try:
        action()
    except StepFailed as failure:
        print(f"==> {name}: FAILED after {time.monotonic() - started:.1f} s: {failure}", flush=True)
        raise
    seconds = time.monotonic() - started
    print(f"==> {name}: ok ({seconds:.1f} s)", flush=True)
    return seconds


def call(
    command: Sequence[str | os.PathLike[str]], env: Mapping[str, str] | None = None, what: str | None = None
) -> None:
    """Run ``command`` in the repository; raise StepFailed on a non-zero exit."""
    printable = " ".join(str(part) for part in command)
    print(f"    $ {printable}", flush=True)
    merged = {**os.environ, **env} if env else None
    try:
        code = subprocess.call([str(part) for part in command], cwd=REPO, env=merged)
    except OSError as error:  # the program itself is missing or not executable
        raise StepFailed(f"cannot run {command[0]}: {error}") from error
    if code != 0:
        raise StepFailed(f"{what or printable} exited with code {code}", code)


# --- system libraries (Debian and Ubuntu) ------------------------------------------------------


@dataclass(frozen=True)
class SystemNeed:
    """Something the system must provide, and the Debian/Ubuntu package that provides it."""

    package: str
    library: str = ""  # a shared library's soname, looked up in the loader's cache
    program: str = ""  # a program looked up on PATH
    module: str = ""  # a module of the system Python
    why: str = ""


# Qt's offscreen platform (the tests) already links these; a wheel does not carry them.
QT_NEEDS = (
    SystemNeed("libgl1", library="libGL.so.1", why="QtGui links libGL"),
    SystemNeed("libegl1", library="libEGL.so.1", why="QtGui links libEGL"),
    SystemNeed("libxkbcommon0", library="libxkbcommon.so.0", why="QtGui links it"),
    SystemNeed("libfontconfig1", library="libfontconfig.so.1", why="Qt finds fonts with it"),
    SystemNeed("libfreetype6", library="libfreetype.so.6", why="Qt draws fonts with it"),
    SystemNeed("libdbus-1-3", library="libdbus-1.so.3", why="Qt's platform integration"),
    SystemNeed("libglib2.0-0", library="libglib-2.0.so.0", why="Qt's event loop"),
)
# The window on an X11 (or XWayland) desktop: the xcb platform plugin's libraries.
WINDOW_NEEDS = (
    SystemNeed("libxcb-cursor0", library="libxcb-cursor.so.0", why="Qt 6.5+ xcb plugin"),
    SystemNeed("libxkbcommon-x11-0", library="libxkbcommon-x11.so.0", why="xcb keyboard"),
    SystemNeed("libxcb-icccm4", library="libxcb-icccm.so.4", why="xcb plugin"),
    SystemNeed("libxcb-keysyms1", library="libxcb-keysyms.so.1", why="xcb plugin"),
    SystemNeed("libxcb-image0", library="libxcb-image.so.0", why="xcb plugin"),
    SystemNeed("libxcb-render-util0", library="libxcb-render-util.so.0", why="xcb plugin"),
    SystemNeed("libxcb-randr0", library="libxcb-randr.so.0", why="xcb plugin"),
    SystemNeed("libxcb-shape0", library="libxcb-shape.so.0", why="xcb plugin"),
    SystemNeed("libxcb-xinerama0", library="libxcb-xinerama.so.0", why="xcb plugin"),
)
SETUP_NEEDS = (SystemNeed("python3-venv", module="ensurepip", why="Debian splits venv's pip out of Python"),)
TEST_NEEDS = (
    SystemNeed("poppler-utils", program="pdftotext", why="tests read generated PDFs back"),
    SystemNeed("binutils", program="objdump", why="PyInstaller reads library dependencies"),
    SystemNeed(
        "libpython3.11",
        library=f"libpython{sys.version_info.major}.{sys.version_info.minor}.so.1.0",
        why="the bundle carries the shared libpython",
    ),
)


def needs_for(command: str) -> tuple[SystemNeed, ...]:
    """What ``run`` or ``test`` needs from the system."""
    if command == "run":
        return SETUP_NEEDS + QT_NEEDS + WINDOW_NEEDS
    return SETUP_NEEDS + QT_NEEDS + TEST_NEEDS


def loader_libraries() -> frozenset[str]:
    """The sonames the dynamic loader can find (``ldconfig -p``)."""
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    try:
        output = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return frozenset()
    return frozenset(line.split()[0] for line in output.splitlines()[1:] if line.strip())


def missing_packages(
    needs: Iterable[SystemNeed],
    libraries: Collection[str],
    has_program: Callable[[str], bool] = lambda name: shutil.which(name) is not None,
    has_module: Callable[[str], bool] = lambda name: find_spec(name) is not None,
) -> list[str]:
    """The packages (in order, once each) whose library, program or module is missing."""
    missing: list[str] = []
    for need in needs:
        present = (
            (not need.library or need.library in libraries)
            and (not need.program or has_program(need.program))
            and (not need.module or has_module(need.module))
        )
        if not present and need.package not in missing:
            missing.append(need.package)
    return missing


def apt_command(packages: Sequence[str], as_root: bool) -> list[str]:
    """The one ``apt-get install`` line for ``packages`` (with sudo when not root)."""
    return [*([] if as_root else ["sudo"]), "apt-get", "install", "-y", "--no-install-recommends", *packages]


def ensure_system_packages(command: str, platform: str = sys.platform) -> None:
    """On Debian/Ubuntu, install (as root) or name (otherwise) the system packages ``command`` needs."""
    if not platform.startswith("linux") or shutil.which("apt-get") is None:
        return  # Windows and macOS wheels carry what Qt needs; other Linuxes name their own packages
    missing = missing_packages(needs_for(command), loader_libraries())
    if not missing:
        return
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    install_line = apt_command(missing, as_root)
    if not as_root:
        raise StepFailed(
            "Qt and the checks need system libraries that are missing. Run this once, then run "
            f"this command again:\n    {' '.join(install_line)}"
        )
    environment = {"DEBIAN_FRONTEND": "noninteractive"}
    call(["apt-get", "update", "-qq"], env=environment)
    call(install_line, env=environment)


# --- setting up -------------------------------------------------------------------------------


def create_venv(venv: Path = VENV) -> None:
    """Create the virtual environment with pip in it."""
    # --clear: a .venv left half-made (no interpreter) by an interrupted run is rebuilt.
    command = [sys.executable, "-m", "venv", "--clear", str(venv)]
    print(f"    $ {' '.join(command)}", flush=True)
    if subprocess.call(command, cwd=REPO) != 0:
        hint = ""
        if sys.platform.startswith("linux"):
            hint = " On Debian/Ubuntu install the venv module first: apt-get install python3-venv"
        raise StepFailed(f"could not create {venv}.{hint}")


def install(venv: Path = VENV) -> None:
    """``pip install -e ".[dev]"`` into the venv; explain what to do when it fails."""
    python = venv_python(venv)
    command = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-e", ".[dev]"]
    if os.environ.get("CI"):
        command.insert(4, "--progress-bar=off")
    print(f"    $ {' '.join(command)}", flush=True)
    code = subprocess.call(command, cwd=REPO)
    if code != 0:
        raise StepFailed(
            f"pip could not install EstateDesk and its dependencies (exit code {code}); pip's own "
            "message is above. Usual causes: no network or a proxy (set HTTPS_PROXY, or "
            "PIP_INDEX_URL for a mirror such as https://pypi.tuna.tsinghua.edu.cn/simple), "
            "a certificate error behind a TLS-inspecting proxy (set PIP_CERT to its CA bundle), "
            f"or a damaged .venv (delete {venv} and run again).",
            code,
        )


def setup(command: str, venv: Path = VENV) -> Path:
    """Make sure the system libraries and the venv are there for ``command``; return the venv's Python."""
    run_step("system libraries", lambda: ensure_system_packages(command))
    python = venv_python(venv)
    if not python.is_file():
        run_step(f"create {venv.name}", lambda: create_venv(venv))
    if needs_install(venv):
        run_step("install dependencies", lambda: install(venv))
        write_stamp(venv)
    else:
        print(f"==> {venv.name} is up to date with pyproject.toml", flush=True)
    return python


# --- translations (shared with build.py) -------------------------------------------------------


def qt_tool_command(python: Path, name: str) -> list[str]:
    """How to call one of PySide6's Qt tools (``pyside6-lrelease``…) from ``python``'s environment."""
    script = venv_tool(python, name)
    if script.is_file():
        return [str(script)]
    found = shutil.which(name)  # a Python whose scripts folder is on PATH
    if found:
        return [found]
    raise StepFailed(f"{name} not found next to {python}; is PySide6 installed there?")


def compile_translations(python: Path, i18n_dir: Path = I18N_DIR) -> list[Path]:
    """Compile every ``.ts`` in ``i18n_dir`` to a ``.qm`` beside it; return the .qm files."""
    sources = sorted(i18n_dir.glob("*.ts"))
    if not sources:
        print(f"    no .ts files in {i18n_dir}", flush=True)
        return []
    lrelease = qt_tool_command(python, "pyside6-lrelease")
    compiled = []
    for source in sources:
        target = source.with_suffix(".qm")
        call([*lrelease, "-silent", str(source), "-qm", str(target)], what=f"lrelease {source.name}")
        compiled.append(target)
    return compiled


# --- the two commands -------------------------------------------------------------------------


def default_database(python: Path) -> Path:
    """Where the program keeps its data file when no ``--db`` is given (asked of the program)."""
    output = subprocess.run(
        [str(python), "-c", "from estatedesk.paths import default_database; print(default_database())"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if output.returncode != 0:
        raise StepFailed(f"cannot ask estatedesk for its data file:\n{output.stderr}")
    return Path(output.stdout.strip())


def command_run(extra: Sequence[str], venv: Path = VENV) -> int:
    """Set up, create the demo estate on first use, then start the GUI; return its exit code."""
    python = setup("run", venv)
    run_step("compile translations", lambda: compile_translations(python))
    database = default_database(python)
    if not database.exists():
        run_step(
            f"create a demo estate in {database}",
            lambda: call([python, "-m", "estatedesk", "demo", "--households", str(DEMO_HOUSEHOLDS)]),
        )
    print(f"==> start EstateDesk {' '.join(extra)}".rstrip(), flush=True)
    # The GUI's exit code is the command's: closing the window normally gives 0.
    return subprocess.call([str(python), "-m", "estatedesk", *extra], cwd=REPO)


def command_test(bundle: bool, pytest_args: Sequence[str], venv: Path = VENV) -> int:
    """Set up, then run every check in order, stopping at the first failure."""
    started = time.monotonic()
    python = setup("test", venv)
    test_env = {"QT_QPA_PLATFORM": "offscreen", "ESTATEDESK_BENCH_QUICK": "1"}
    steps: list[tuple[str, Callable[[], object]]] = [
        ("compile translations", lambda: compile_translations(python)),
        ("ruff", lambda: call([python, "-m", "ruff", "check", "src", "tests", "build_scripts"])),
        ("mypy", lambda: call([python, "-m", "mypy"])),
        ("pytest", lambda: call([python, "-m", "pytest", *pytest_args], env=test_env)),
    ]
    if bundle:
        steps.append(
            ("bundle build and smoke test", lambda: call([python, str(REPO / "build_scripts" / "build.py")]))
        )
    timings = [(name, run_step(name, action)) for name, action in steps]
    print("\nall checks passed:", flush=True)
    for name, seconds in timings:
        print(f"    {name:<30} {seconds:7.1f} s", flush=True)
    print(f"    {'total':<30} {time.monotonic() - started:7.1f} s", flush=True)
    return 0


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """The command and its options; unknown options are passed on (to the GUI or to pytest)."""
    parser = argparse.ArgumentParser(prog="python build_scripts/dev.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("run", help="set up, then start the program (extra options go to it, e.g. --db PATH)")
    test = commands.add_parser("test", help="set up, then run ruff, mypy, pytest and the bundle build")
    test.add_argument(
        "--no-bundle", action="store_true", help="skip the PyInstaller bundle build and smoke test"
    )
    args, extra = parser.parse_known_args(list(argv))
    if extra and extra[0] == "--":
        extra = extra[1:]
    return args, extra


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python build_scripts/dev.py``."""
    if sys.version_info < MIN_PYTHON:
        print(
            f"EstateDesk needs Python {'.'.join(map(str, MIN_PYTHON))} or newer; "
            f"this is {sys.version.split()[0]}.",
            file=sys.stderr,
        )
        return 1
    args, extra = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if args.command == "run":
            return command_run(extra)
        return command_test(bundle=not args.no_bundle, pytest_args=extra)
    except StepFailed as failure:
        print(f"\nerror: {failure}", file=sys.stderr)
        return failure.code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
