"""gui/worker.py: work off the GUI thread behind a progress dialog, and saving a file that way."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from estatedesk.domain.errors import EstateDeskError
from estatedesk.gui.i18n import translate
from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.worker import BackgroundTask, Cancelled, Progress, save_in_background
from estatedesk.services import households

WAIT = 10_000
FILTERS = "Excel (*.xlsx);;CSV (*.csv)"


class Outcome:
    """What a task handed back to the GUI thread, and on which thread."""

    def __init__(self) -> None:
        self.results: list[Any] = []
        self.errors: list[BaseException] = []
        self.threads: list[int] = []

    def success(self, result: Any) -> None:
        self.results.append(result)
        self.threads.append(threading.get_ident())

    def failure(self, error: BaseException) -> None:
        self.errors.append(error)

    @property
    def done(self) -> bool:
        return bool(self.results or self.errors)


def run(
    window: MainWindow,
    qtbot: QtBot,
    work: Callable[[Progress, Cancelled], Any],
    outcome: Outcome,
    handle_errors: bool = True,
    **options: Any,
) -> BackgroundTask:
    task = BackgroundTask(
        window, "读取中…", work, outcome.success, outcome.failure if handle_errors else None, **options
    )
    return task.start()


# ---------------------------------------------------------------- BackgroundTask


def test_work_runs_on_another_thread_with_its_own_connection(window: MainWindow, qtbot: QtBot) -> None:
    outcome = Outcome()
    worker: list[int] = []

    def work(_progress: Progress, _cancelled: Cancelled) -> int:
        worker.append(threading.get_ident())
        return len(households.list_rooms())

    run(window, qtbot, work, outcome)
    qtbot.waitUntil(lambda: outcome.done, timeout=WAIT)
    assert outcome.errors == []
    assert outcome.results == [60]
    assert worker and worker[0] != threading.get_ident()
    assert outcome.threads == [threading.get_ident()]  # the result comes back to the GUI thread
    assert len(households.list_rooms()) == 60  # the GUI thread's connection is untouched


def test_progress_reaches_the_dialog(window: MainWindow, qtbot: QtBot) -> None:
    outcome = Outcome()
    proceed = threading.Event()

    def work(progress: Progress, _cancelled: Cancelled) -> str:
        progress(0, 8)
        progress(3, 8)
        proceed.wait(WAIT / 1000)
        return "done"

    task = run(window, qtbot, work, outcome)
    dialog = task.dialog
    assert dialog.windowTitle() == "读取中…" and dialog.labelText() == "读取中…"
    finished: list[int] = []
    task.finished.connect(lambda: finished.append(1))
    try:
        qtbot.waitUntil(lambda: (dialog.value(), dialog.maximum()) == (3, 8), timeout=WAIT)
    finally:
        proceed.set()
    qtbot.waitUntil(lambda: outcome.done, timeout=WAIT)
    assert outcome.results == ["done"]
    assert not dialog.isVisible()
    assert finished == [1]


def test_cancel_is_seen_by_the_work(window: MainWindow, qtbot: QtBot) -> None:
    outcome = Outcome()
    started = threading.Event()

    def work(_progress: Progress, cancelled: Cancelled) -> str:
        assert not cancelled()
        started.set()
        deadline = time.monotonic() + WAIT / 1000
        while not cancelled():
            if time.monotonic() > deadline:
                return "never cancelled"
            time.sleep(0.005)
        return "cancelled"

    task = run(window, qtbot, work, outcome)
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    (cancel,) = task.dialog.findChildren(QPushButton)
    cancel.click()
    qtbot.waitUntil(lambda: outcome.done, timeout=WAIT)
    assert outcome.results == ["cancelled"]


def test_a_task_that_cannot_be_cancelled_offers_no_cancel_button(window: MainWindow, qtbot: QtBot) -> None:
    outcome = Outcome()
    task = run(window, qtbot, lambda _p, _c: None, outcome, cancellable=False)
    buttons = task.dialog.findChildren(QPushButton)
    qtbot.waitUntil(lambda: outcome.done, timeout=WAIT)
    assert buttons == []
    other_outcome = Outcome()
    other = run(window, qtbot, lambda _p, _c: None, other_outcome)
    assert len(other.dialog.findChildren(QPushButton)) == 1
    qtbot.waitUntil(lambda: other_outcome.done, timeout=WAIT)


def test_wait_returns_once_the_work_is_done(window: MainWindow, qtbot: QtBot) -> None:
    outcome = Outcome()
    ran = threading.Event()
    task = run(window, qtbot, lambda _p, _c: ran.set(), outcome)
    assert ran.wait(WAIT / 1000)
    try:
        assert task.wait(500)
    finally:
        qtbot.waitUntil(lambda: outcome.done, timeout=WAIT)  # let the task end before the window closes


def test_an_error_goes_to_the_error_handler_given(window: MainWindow, qtbot: QtBot, boxes: Any) -> None:
    outcome = Outcome()

    def work(_progress: Progress, _cancelled: Cancelled) -> None:
        raise EstateDeskError("no {what}", what="disk")

    run(window, qtbot, work, outcome)
    qtbot.waitUntil(lambda: outcome.done, timeout=WAIT)
    assert [error.message for error in outcome.errors] == ["no disk"]  # type: ignore[attr-defined]
    assert outcome.results == [] and boxes.shown == []


def test_by_default_a_refusal_is_a_warning_titled_by_the_label(
    window: MainWindow, qtbot: QtBot, boxes: Any
) -> None:
    outcome = Outcome()

    def work(_progress: Progress, _cancelled: Cancelled) -> None:
        raise EstateDeskError("the file {name} is locked", name="e.sqlite3")

    run(window, qtbot, work, outcome, handle_errors=False)
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=WAIT)
    assert boxes.shown == [("warning", "读取中…", "the file e.sqlite3 is locked")]
    assert outcome.results == []


def test_by_default_anything_else_goes_to_the_error_hook(
    window: MainWindow, qtbot: QtBot, boxes: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[tuple[type[BaseException], BaseException, TracebackType | None]] = []
    monkeypatch.setattr(
        sys,
        "excepthook",
        lambda kind, error, trace: hooked.append((kind, error, trace)),
    )
    outcome = Outcome()

    def work(_progress: Progress, _cancelled: Cancelled) -> None:
        raise RuntimeError("disk on fire")

    run(window, qtbot, work, outcome, handle_errors=False)
    qtbot.waitUntil(lambda: bool(hooked), timeout=WAIT)
    ((kind, error, trace),) = hooked
    assert kind is RuntimeError and str(error) == "disk on fire"
    assert trace is not None  # the traceback of the worker thread, for the log
    assert boxes.shown == []


# ---------------------------------------------------------------- save_in_background


class Saver:
    """``write`` and ``report`` for save_in_background, recording what they were given."""

    def __init__(self) -> None:
        self.written: list[Path] = []
        self.threads: list[int] = []

    def write(self, path: Path) -> int:
        self.threads.append(threading.get_ident())
        rooms = households.list_rooms()
        path.write_text("\n".join(row.code for row in rooms), encoding="utf-8")
        self.written.append(path)
        return len(rooms)

    @staticmethod
    def report(count: int, path: Path) -> str:
        return f"{count} rooms written to {path.name}"


def choose(monkeypatch: pytest.MonkeyPatch, name: str, chosen_filter: str) -> list[tuple[Any, ...]]:
    asked: list[tuple[Any, ...]] = []

    def dialog(*args: Any, **_kwargs: Any) -> tuple[str, str]:
        asked.append(args)
        return name, chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    return asked


def save(
    window: MainWindow, saver: Saver, suffixes: tuple[str, ...] = (".xlsx", ".csv")
) -> BackgroundTask | None:
    return save_in_background(
        window,
        "导出",
        Path("/somewhere/住户.xlsx"),
        FILTERS,
        "正在导出…",
        saver.write,
        saver.report,
        suffixes,
    )


@pytest.mark.parametrize(
    ("chosen_filter", "suffix"), [("CSV (*.csv)", ".csv"), ("Excel (*.xlsx)", ".xlsx"), ("", ".xlsx")]
)
def test_a_name_without_a_suffix_gets_the_one_of_the_chosen_filter(
    window: MainWindow,
    qtbot: QtBot,
    boxes: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    chosen_filter: str,
    suffix: str,
) -> None:
    asked = choose(monkeypatch, str(tmp_path / "住户名单"), chosen_filter)
    saver = Saver()
    task = save(window, saver)
    assert task is not None
    qtbot.waitUntil(lambda: bool(boxes.texts("information")), timeout=WAIT)
    target = tmp_path / f"住户名单{suffix}"
    assert saver.written == [target]
    assert target.read_text(encoding="utf-8").count("\n") == 59
    hint = translate("worker", "“Open” shows the folder it is in.")
    assert boxes.shown == [("information", "导出", f"60 rooms written to 住户名单{suffix}\n\n{hint}")]
    assert saver.threads[0] != threading.get_ident()
    assert asked == [(window, "导出", str(Path("/somewhere/住户.xlsx")), FILTERS)]


def test_a_name_with_a_suffix_written_is_kept(
    window: MainWindow, qtbot: QtBot, boxes: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, str(tmp_path / "住户.XLSX"), "CSV (*.csv)")
    saver = Saver()
    save(window, saver)
    qtbot.waitUntil(lambda: bool(boxes.texts("information")), timeout=WAIT)
    assert saver.written == [tmp_path / "住户.XLSX"]


def test_without_suffixes_the_suggested_names_kind_is_used(
    window: MainWindow, qtbot: QtBot, boxes: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, str(tmp_path / "住户"), "CSV (*.csv)")
    saver = Saver()
    save(window, saver, suffixes=())
    qtbot.waitUntil(lambda: bool(boxes.texts("information")), timeout=WAIT)
    assert saver.written == [tmp_path / "住户.xlsx"]


def test_a_dot_in_the_name_is_not_taken_for_a_suffix(
    window: MainWindow, qtbot: QtBot, boxes: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, str(tmp_path / "幸福里3.5期"), "CSV (*.csv)")
    saver = Saver()
    save(window, saver)
    qtbot.waitUntil(lambda: bool(boxes.texts("information")), timeout=WAIT)
    assert saver.written == [tmp_path / "幸福里3.5期.csv"]


def test_a_cancelled_file_dialog_writes_nothing(
    window: MainWindow, boxes: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, "", "")
    before = sorted(tmp_path.iterdir())
    saver = Saver()
    assert save(window, saver) is None
    assert saver.written == [] and boxes.shown == []
    assert sorted(tmp_path.iterdir()) == before


def test_a_failed_write_is_reported_under_the_title(
    window: MainWindow, qtbot: QtBot, boxes: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, str(tmp_path / "住户.csv"), "CSV (*.csv)")

    def refuse(_path: Path) -> int:
        raise EstateDeskError("cannot write {name}", name="住户.csv")

    save_in_background(window, "导出", Path("住户.xlsx"), FILTERS, "正在导出…", refuse, Saver.report)
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=WAIT)
    assert boxes.shown == [("warning", "导出", "cannot write 住户.csv")]


def test_after_saving_the_clerk_can_open_the_folder_it_is_in(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, str(tmp_path / "住户.csv"), "CSV (*.csv)")
    told: list[str] = []

    def open_clicked(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        told.append(text)
        return QMessageBox.StandardButton.Open

    opened: list[QUrl] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(open_clicked))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    save(window, Saver())
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    assert told and "住户.csv" in told[0]


def test_closing_the_window_lets_background_work_finish(window: MainWindow, qtbot: QtBot) -> None:
    done: list[str] = []

    def work(_progress: Progress, _cancelled: Cancelled) -> None:
        time.sleep(0.3)
        done.append("written")  # as a receipt's PDF is written on the worker

    BackgroundTask(window, "receipt", work, lambda _result: None).start()
    window.close()
    assert done == ["written"]
