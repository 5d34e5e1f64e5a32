"""The build scripts: dev.py's helpers, the PyInstaller spec, build.py, and .ci/run.

The real bundle is built by ``dev.py test``'s own step; the slow test here builds it again
only when ESTATEDESK_BUILD_BUNDLE=1.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
BUILD_SCRIPTS = REPO / "build_scripts"


def _load(name: str) -> ModuleType:
    # build_scripts/ is not a package; load the scripts by path under private names.
    spec = importlib.util.spec_from_file_location(f"_estatedesk_{name}", BUILD_SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


dev = _load("dev")
build = _load("build")


# --- dev.py ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("win32", Path("venv/Scripts/python.exe")),
        ("linux", Path("venv/bin/python")),
        ("darwin", Path("venv/bin/python")),
    ],
)
def test_venv_python_per_platform(platform: str, expected: Path) -> None:
    assert dev.venv_python(Path("venv"), platform) == expected


def test_venv_tools_get_exe_on_windows_only() -> None:
    python = Path("venv/Scripts/python.exe")
    assert dev.venv_tool(python, "pyside6-lrelease", "win32") == Path("venv/Scripts/pyside6-lrelease.exe")
    assert dev.venv_tool(Path("venv/bin/python"), "pyside6-lrelease", "linux") == Path(
        "venv/bin/pyside6-lrelease"
    )


def _fake_venv(tmp_path: Path) -> tuple[Path, Path]:
    venv, pyproject = tmp_path / ".venv", tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\ndependencies = ["a"]\n', encoding="utf-8")
    python = dev.venv_python(venv)
    python.parent.mkdir(parents=True)
    python.write_bytes(b"")
    return venv, pyproject


def test_a_venv_without_python_needs_installing(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[project]\n", encoding="utf-8")
    assert dev.needs_install(tmp_path / ".venv", pyproject)


def test_the_stamp_makes_the_second_run_skip_pip(tmp_path: Path) -> None:
    venv, pyproject = _fake_venv(tmp_path)
    assert dev.needs_install(venv, pyproject)  # never installed
    dev.write_stamp(venv, pyproject)
    assert not dev.needs_install(venv, pyproject)


def test_changing_pyproject_asks_for_a_new_install(tmp_path: Path) -> None:
    venv, pyproject = _fake_venv(tmp_path)
    dev.write_stamp(venv, pyproject)
    pyproject.write_text('[project]\nname = "x"\ndependencies = ["a", "b"]\n', encoding="utf-8")
    assert dev.needs_install(venv, pyproject)


def test_the_stamp_lives_inside_the_venv(tmp_path: Path) -> None:
    # Deleting .venv must also forget the stamp.
    assert dev.stamp_path(tmp_path / ".venv").parent == tmp_path / ".venv"


def test_run_passes_unknown_options_to_the_program() -> None:
    args, extra = dev.parse_args(["run", "--db", "x.sqlite3", "--lang", "en"])
    assert args.command == "run"
    assert extra == ["--db", "x.sqlite3", "--lang", "en"]


def test_test_takes_no_bundle_and_passes_the_rest_to_pytest() -> None:
    args, extra = dev.parse_args(["test", "--no-bundle", "--", "-k", "fonts"])
    assert args.command == "test" and args.no_bundle
    assert extra == ["-k", "fonts"]
    args, extra = dev.parse_args(["test"])
    assert not args.no_bundle and extra == []


def test_a_failing_command_stops_with_its_exit_code() -> None:
    with pytest.raises(dev.StepFailed) as failure:
        dev.call([sys.executable, "-c", "raise SystemExit(3)"], what="the check")
    assert failure.value.code == 3
    assert "the check exited with code 3" in str(failure.value)


def test_a_missing_program_is_a_clear_failure(tmp_path: Path) -> None:
    with pytest.raises(dev.StepFailed, match="cannot run"):
        dev.call([tmp_path / "no-such-program"])


def test_missing_system_packages_are_named_once_in_order() -> None:
    needs = (
        dev.SystemNeed("libgl1", library="libGL.so.1"),
        dev.SystemNeed("poppler-utils", program="pdftotext"),
        dev.SystemNeed("poppler-utils", program="pdftoppm"),
        dev.SystemNeed("python3-venv", module="ensurepip"),
        dev.SystemNeed("libegl1", library="libEGL.so.1"),
    )
    missing = dev.missing_packages(
        needs, {"libEGL.so.1"}, has_program=lambda name: False, has_module=lambda name: False
    )
    assert missing == ["libgl1", "poppler-utils", "python3-venv"]
    assert dev.missing_packages(needs, {"libGL.so.1", "libEGL.so.1"}, lambda n: True, lambda n: True) == []


def test_the_window_and_the_checks_need_their_own_libraries() -> None:
    run = {need.package for need in dev.needs_for("run")}
    test = {need.package for need in dev.needs_for("test")}
    assert {"libgl1", "libxkbcommon0", "python3-venv"} <= run & test
    assert "libxcb-cursor0" in run - test  # only the window on a desktop uses the xcb plugin
    assert {"poppler-utils", "binutils"} <= test - run


def test_without_root_the_one_apt_line_is_printed_and_nothing_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dev.shutil, "which", lambda name: f"/usr/bin/{name}" if name == "apt-get" else None)
    monkeypatch.setattr(dev, "loader_libraries", lambda: frozenset())
    monkeypatch.setattr(dev.os, "geteuid", lambda: 1000, raising=False)
    monkeypatch.setattr(dev, "call", lambda *args, **kwargs: pytest.fail("installed without root"))
    with pytest.raises(dev.StepFailed) as failure:
        dev.ensure_system_packages("test", platform="linux")
    assert "sudo apt-get install -y --no-install-recommends libgl1" in str(failure.value)


def test_as_root_the_missing_packages_are_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dev.shutil, "which", lambda name: f"/usr/bin/{name}" if name == "apt-get" else None)
    monkeypatch.setattr(dev, "loader_libraries", lambda: frozenset())
    monkeypatch.setattr(dev.os, "geteuid", lambda: 0, raising=False)
    calls: list[list[str]] = []
    monkeypatch.setattr(dev, "call", lambda command, env=None, what=None: calls.append(list(command)))
    dev.ensure_system_packages("test", platform="linux")
    assert calls[0][:2] == ["apt-get", "update"]
    assert calls[1][:2] == ["apt-get", "install"] and "poppler-utils" in calls[1]


def test_windows_needs_nothing_from_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dev, "call", lambda *args, **kwargs: pytest.fail("apt-get on Windows"))
    dev.ensure_system_packages("test", platform="win32")


def test_run_step_reports_name_and_time(capsys: pytest.CaptureFixture[str]) -> None:
    seconds = dev.run_step("tiny step", lambda: None)
    out = capsys.readouterr().out
    assert "==> tiny step" in out and "tiny step: ok" in out
    assert seconds >= 0


def test_run_step_reports_a_failure(capsys: pytest.CaptureFixture[str]) -> None:
    def fail() -> None:
        raise dev.StepFailed("broken", 4)

    with pytest.raises(dev.StepFailed):
        dev.run_step("bad step", fail)
    assert "bad step: FAILED" in capsys.readouterr().out


def test_no_translations_is_not_an_error(tmp_path: Path) -> None:
    assert dev.compile_translations(Path(sys.executable), tmp_path) == []


def test_lrelease_compiles_a_ts_beside_itself(tmp_path: Path) -> None:
    dev.qt_tool_command(Path(sys.executable), "pyside6-lrelease")  # PySide6 is a dependency: it is there
    ts = tmp_path / "demo_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="zh_CN"><context><name>app</name>'
        "<message><source>Households</source><translation>房屋</translation></message>"
        "</context></TS>\n",
        encoding="utf-8",
    )
    assert dev.compile_translations(Path(sys.executable), tmp_path) == [tmp_path / "demo_zh_CN.qm"]
    assert (tmp_path / "demo_zh_CN.qm").stat().st_size > 0


# --- the spec, the launcher and build.py -----------------------------------------------------------


def test_the_spec_is_python_and_bundles_ui_resources_and_translations() -> None:
    text = (BUILD_SCRIPTS / "estatedesk.spec").read_text(encoding="utf-8")
    ast.parse(text)
    assert 'tree("ui")' in text and 'tree("resources")' in text
    assert '".ts"' in text  # .ts sources stay out, .qm go in
    assert "COLLECT(" in text  # one-folder
    assert "console=not WINDOWS" in text  # windowed on Windows
    for package in ("qtawesome", "pypinyin"):
        assert f'collect_data_files("{package}"' in text
    assert "launcher.py" in text


def test_the_launcher_runs_the_programs_main() -> None:
    tree = ast.parse((BUILD_SCRIPTS / "launcher.py").read_text(encoding="utf-8"))
    imports = [node for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert any(node.module == "estatedesk.__main__" and node.names[0].name == "main" for node in imports)


@pytest.mark.parametrize(
    ("platform", "gui", "cli"),
    [
        ("linux", "EstateDesk", "EstateDesk"),
        ("win32", "EstateDesk.exe", "estatedesk-cli.exe"),
    ],
)
def test_bundle_programs_per_platform(platform: str, gui: str, cli: str) -> None:
    bundle = Path("dist/EstateDesk")
    assert build.gui_program(bundle, platform) == bundle / gui
    assert build.cli_program(bundle, platform) == bundle / cli


def test_ci_runs_the_readme_test_command() -> None:
    script = REPO / ".ci" / "run"
    text = script.read_text(encoding="utf-8")
    assert "set -euo pipefail" in text
    assert "build_scripts/dev.py test" in text
    if os.name == "posix":
        assert os.access(script, os.X_OK), ".ci/run is not executable"


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("ESTATEDESK_BUILD_BUNDLE") != "1",
    reason="set ESTATEDESK_BUILD_BUNDLE=1 (dev.py test builds the bundle in its own step)",
)
def test_the_bundle_builds_and_passes_its_smoke_test() -> None:
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPTS / "build.py")], cwd=REPO, timeout=1200, check=False
    )
    assert result.returncode == 0


def test_the_readme_has_exactly_the_two_commands_and_ci_runs_the_second() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```[a-z]*\n(.*?)```", readme, flags=re.DOTALL)
    commands = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    assert commands == ["python build_scripts/dev.py run", "python build_scripts/dev.py test"]
    assert "resources/screenshots/households.png" in readme
    assert (REPO / "resources" / "screenshots" / "households.png").is_file()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^exec python3 build_scripts/dev\.py test\b", ci, flags=re.MULTILINE)
