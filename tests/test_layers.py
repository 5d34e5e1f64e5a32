"""Layers point one way, and only gui/ imports PySide6 or qtawesome (DESIGN.md, rules of the house)."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import estatedesk

PACKAGE_DIR = Path(estatedesk.__file__).resolve().parent
GUI_DIR = PACKAGE_DIR / "gui"
QT_PACKAGES = ("PySide6", "shiboken6", "qtawesome")

# What each layer may not import (DESIGN.md: gui, cli -> services -> store, reports -> domain).
# gui and cli may import only services, domain, paths and themselves (and the package's name and
# version): never the store or the reports, which are the services' to use.
FORBIDDEN = {
    "domain": ("store", "services", "reports", "gui", "cli", "__main__"),
    "store": ("services", "reports", "gui", "cli", "__main__"),
    "reports": ("store", "services", "gui", "cli", "__main__"),
    "services": ("gui", "cli", "__main__"),
}
# The two front ends, by what they may import (an allow-list: a new layer is closed to them too):
# the services, the domain's values, where files are, themselves, and the package's name and version.
ALLOWED = {
    "gui": ("services", "domain", "paths", "gui"),
    "cli": ("services", "domain", "paths", "cli"),
    "__main__": ("cli", "gui"),
}
# The generic import and export knows no table: each table declares itself where it lives.
GENERIC_PACKAGES = {
    "services/interchange": ("estatedesk.services.households", "estatedesk.domain.households")
}


def walk_modules(path: Path = PACKAGE_DIR, prefix: str = "estatedesk.") -> Iterator[str]:
    """Every module of the package except estatedesk.gui.*, found without importing any of them."""
    for module in pkgutil.iter_modules([str(path)], prefix):
        if module.name == "estatedesk.gui":
            continue
        yield module.name
        if module.ispkg:
            yield from walk_modules(path / module.name.rsplit(".", 1)[1], module.name + ".")


def source_files() -> list[Path]:
    return sorted(p for p in PACKAGE_DIR.rglob("*.py") if GUI_DIR not in p.parents)


def all_source_files() -> list[Path]:
    return sorted(PACKAGE_DIR.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path, text: str | None = None) -> set[str]:
    """Every module name an import statement in ``path`` names, relative imports made absolute."""
    source = path.read_text(encoding="utf-8") if text is None else text
    tree = ast.parse(source, filename=str(path))
    package = path.relative_to(PACKAGE_DIR.parent).parts[:-1]  # the package the file is in
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join((*base, node.module) if node.module else base)
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR).parts
    return parts[0] if len(parts) > 1 else path.stem


def test_the_walk_finds_the_modules_that_exist() -> None:
    modules = set(walk_modules())
    assert {
        "estatedesk.cli",
        "estatedesk.__main__",
        "estatedesk.paths",
        "estatedesk.domain.households",
        "estatedesk.store.db",
        "estatedesk.services.households",
        "estatedesk.services.demo",
    } <= modules
    assert not any(name.startswith("estatedesk.gui") for name in modules)


IMPORT_ALL = textwrap.dedent("""
    import importlib, json, sys
    QT = {qt!r}
    culprits = []
    for name in json.loads(sys.argv[1]):
        importlib.import_module(name)
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in QT)
        if loaded and not culprits:
            culprits.append([name, loaded[:5]])
    print(json.dumps(culprits))
""")


def test_importing_every_non_gui_module_does_not_load_qt() -> None:
    modules = list(walk_modules())
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL.format(qt=QT_PACKAGES), json.dumps(modules)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    culprits = json.loads(done.stdout)
    assert culprits == [], f"{culprits[0][0]} loads {culprits[0][1]}" if culprits else ""


def test_the_import_check_would_notice_qt(tmp_path: Path) -> None:
    # The same check on a module that does import Qt: it must report it.
    (tmp_path / "uses_qt.py").write_text("import PySide6.QtCore\n")
    script = f"import sys\nsys.path.insert(0, {str(tmp_path)!r})\n" + IMPORT_ALL.format(qt=QT_PACKAGES)
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(["uses_qt"])],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0][0] == "uses_qt"


@pytest.mark.parametrize("path", source_files(), ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_no_source_outside_gui_imports_qt(path: Path) -> None:
    offending = sorted(name for name in imported_names(path) if name.split(".")[0] in QT_PACKAGES)
    assert offending == []


@pytest.mark.parametrize(
    "path",
    [p for p in all_source_files() if layer_of(p) in FORBIDDEN],
    ids=lambda p: str(p.relative_to(PACKAGE_DIR)),
)
def test_layers_point_one_way(path: Path) -> None:
    forbidden = tuple(f"estatedesk.{layer}" for layer in FORBIDDEN[layer_of(path)])
    wrong = sorted(
        name
        for name in imported_names(path)
        if any(name == layer or name.startswith(layer + ".") for layer in forbidden)
    )
    assert wrong == [], f"{layer_of(path)} must not import {wrong}"


def test_the_ast_scan_sees_every_form_of_import() -> None:
    text = textwrap.dedent("""
        import PySide6.QtCore
        from qtawesome import icon
        from estatedesk import gui
        from ..store import db
        from . import search
        def later():
            import estatedesk.services.households
    """)
    names = imported_names(PACKAGE_DIR / "domain" / "sample.py", text)
    assert {
        "PySide6.QtCore",
        "qtawesome",
        "estatedesk.gui",
        "estatedesk.store",
        "estatedesk.store.db",
        "estatedesk.domain",
        "estatedesk.domain.search",
        "estatedesk.services.households",
    } <= names


def test_the_gui_and_cli_rule_covers_every_module_of_theirs() -> None:
    checked = {layer_of(p) for p in all_source_files() if layer_of(p) in ALLOWED}
    assert {"gui", "cli", "__main__"} <= checked
    gui_files = [p for p in all_source_files() if layer_of(p) == "gui"]
    assert PACKAGE_DIR / "gui" / "main_window.py" in gui_files
    assert PACKAGE_DIR / "gui" / "tabs" / "households.py" in gui_files


@pytest.mark.parametrize(
    ("folder", "forbidden"), GENERIC_PACKAGES.items(), ids=lambda value: str(value).replace("/", ".")
)
def test_generic_packages_know_no_table(folder: str, forbidden: tuple[str, ...]) -> None:
    files = sorted((PACKAGE_DIR / folder).rglob("*.py"))
    assert files
    wrong = {
        str(path.relative_to(PACKAGE_DIR)): sorted(
            name for name in imported_names(path) if any(name.startswith(f) for f in forbidden)
        )
        for path in files
    }
    assert {path: names for path, names in wrong.items() if names} == {}


def is_module(dotted: str) -> bool:
    """Whether ``estatedesk.x.y`` names a module or package of ours (not a class or function in one)."""
    location = PACKAGE_DIR.parent.joinpath(*dotted.split("."))
    return location.with_suffix(".py").is_file() or (location / "__init__.py").is_file()


def private_imports(path: Path, text: str | None = None) -> list[str]:
    """Private names (``_name``) that ``path`` takes from another module of the package.

    Both forms count: ``from estatedesk.x import _helper`` and ``x._helper`` on a module
    imported as ``x`` (``import estatedesk.x as x`` or ``from estatedesk import x``).
    """
    source = path.read_text(encoding="utf-8") if text is None else text
    tree = ast.parse(source, filename=str(path))
    package = path.relative_to(PACKAGE_DIR.parent).parts[:-1]
    own = module_name(path)
    found: list[str] = []
    modules: dict[str, str] = {}  # local name -> module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join((*base, node.module) if node.module else base)
            else:
                module = node.module or ""
            if not module.startswith("estatedesk"):
                continue
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__") and module != own:
                    found.append(f"{module}.{alias.name}")
                modules[alias.asname or alias.name] = f"{module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("estatedesk") and alias.asname:
                    modules[alias.asname] = alias.name
    modules = {name: module for name, module in modules.items() if is_module(module)}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            found.append(f"{modules[node.value.id]}.{node.attr}")
    return sorted(set(found))


@pytest.mark.parametrize("path", all_source_files(), ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_no_module_takes_another_modules_private_names(path: Path) -> None:
    assert private_imports(path) == []


def test_the_private_import_scan_sees_both_forms() -> None:
    text = textwrap.dedent("""
        from estatedesk.store.sql import execute, _hidden
        from ..store import sql as raw
        import estatedesk.services.households.records as records
        raw._CHUNK
        records._load_room(1)
        records.load_room(1)
        records.RoomRow._make(())
        self._own = 1
    """)
    found = private_imports(PACKAGE_DIR / "services" / "sample.py", text)
    assert found == [
        "estatedesk.services.households.records._load_room",
        "estatedesk.store.sql._CHUNK",
        "estatedesk.store.sql._hidden",
    ]


PACKAGE_NAMES = ("estatedesk", "estatedesk.__version__", "estatedesk.APP_NAME")


def disallowed_imports(path: Path, layer: str, text: str | None = None) -> list[str]:
    """What ``path`` imports of the package that ``layer`` may not (the allow-list above)."""
    allowed = tuple(f"estatedesk.{name}" for name in ALLOWED[layer])
    return sorted(
        name
        for name in imported_names(path, text)
        if name.startswith("estatedesk")
        and name not in PACKAGE_NAMES
        and not any(name == prefix or name.startswith(prefix + ".") for prefix in allowed)
    )


@pytest.mark.parametrize(
    "path",
    [p for p in all_source_files() if layer_of(p) in ALLOWED],
    ids=lambda p: str(p.relative_to(PACKAGE_DIR)),
)
def test_the_front_ends_import_only_what_they_are_allowed(path: Path) -> None:
    layer = layer_of(path)
    assert disallowed_imports(path, layer) == [], f"{layer} may import only {', '.join(ALLOWED[layer])}"


def test_the_allow_list_would_notice_a_store_import() -> None:
    text = "from estatedesk.store.db import open_estate\nfrom estatedesk import __version__\n"
    found = disallowed_imports(PACKAGE_DIR / "gui" / "sample.py", "gui", text)
    assert found == ["estatedesk.store.db", "estatedesk.store.db.open_estate"]
