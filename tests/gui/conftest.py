"""GUI fixtures: the application with translations and fonts, private QSettings, a main window."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from estatedesk.gui.app import create_application, install_translation
from estatedesk.gui.main_window import MainWindow
from estatedesk.services import demo


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application as the program sets it up: Chinese translation and fonts."""
    application = create_application([], "zh_CN")
    yield application
    install_translation(application, "zh_CN")


class MessageBoxes:
    """Records message boxes instead of showing them (they would block the test)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.Yes

    def record(self, kind: str) -> object:
        def show(_parent: object, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
            self.shown.append((kind, title, text))
            return self.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return show

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for shown_kind, _title, text in self.shown if kind in (None, shown_kind)]


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """Patch QMessageBox's static helpers to record what would be shown."""
    recorder = MessageBoxes()
    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder.record(kind)))
    return recorder


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    """A closed demo estate file with 60 households."""
    from estatedesk.store.db import create_estate

    path = tmp_path / "demo.sqlite3"
    estate = create_estate(path, "演示小区")
    demo.generate(60, seed=7)
    estate.close()
    return path


@pytest.fixture
def window(app: QApplication, qtbot: object, demo_file: Path, boxes: MessageBoxes) -> Iterator[MainWindow]:
    """The main window with the demo estate open."""
    main = MainWindow()
    qtbot.addWidget(main)  # type: ignore[attr-defined]
    assert main.open_file(demo_file)
    main.show()
    yield main
    main.close()


@pytest.fixture
def held_elsewhere(tmp_path: Path) -> Iterator[Path]:
    """An estate file held open by another EstateDesk process."""
    path = tmp_path / "shared.sqlite3"
    from estatedesk.store.db import create_estate

    create_estate(path, "另一个小区").close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys
            from pathlib import Path
            from estatedesk.store.db import open_estate
            estate = open_estate(Path({str(path)!r}))
            print("open", flush=True)
            sys.stdin.read()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        yield path
    finally:
        holder.communicate("", timeout=10)
