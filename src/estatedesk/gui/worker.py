"""Run long work (import, export, printing, backup) off the GUI thread behind a progress dialog.

The work function never touches widgets: it gets a ``progress(done, total)`` callback and a
``cancelled()`` check, and its result or error comes back to the GUI thread by signal. An error
goes to ``on_error`` if given, else to the window's one policy (``errors.report_error``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from estatedesk.domain.errors import FileNotWritten
from estatedesk.gui.dialogs.files import choose_save_file
from estatedesk.gui.errors import report_error
from estatedesk.services.estate import worker_thread

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]


class _Runner(QObject):
    """Lives on the worker thread; reports through signals only."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, stop: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._stop = stop

    @Slot()
    def run(self) -> None:
        try:
            with worker_thread():
                result = self._work(self.progressed.emit, self._stop.is_set)
        except BaseException as error:
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        finally:
            # The thread ends with its work, so that wait() from the GUI thread returns at once.
            QThread.currentThread().quit()


class BackgroundTask(QObject):
    """One piece of work on its own thread, with a modal progress dialog and Cancel.

    ``label`` is the progress dialog's text and the title of any error shown.
    """

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Work,
        on_success: Callable[[Any], object],
        on_error: Callable[[BaseException], object] | None = None,
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self._on_success = on_success
        self._on_error = on_error or (lambda error: report_error(parent, label, error))
        self._stop = threading.Event()
        self.dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        self.dialog.setWindowTitle(label)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self._stop.set)
        self._thread = QThread()
        self._runner = _Runner(work, self._stop)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progressed.connect(self._progress)
        self._runner.succeeded.connect(self._succeeded)
        self._runner.failed.connect(self._failed)

    def start(self) -> BackgroundTask:
        """Start the work (the dialog appears if it takes more than a moment); return the task."""
        _running.add(self)
        self._thread.start()
        return self

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self._end()
        self._on_success(result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._end()
        self._on_error(error)

    def _end(self) -> None:
        _running.discard(self)
        self._thread.quit()
        self._thread.wait()
        self.dialog.canceled.disconnect(self._stop.set)  # closing the dialog is no cancel
        self.dialog.close()
        self.finished.emit()
        self.deleteLater()

    def wait(self, milliseconds: int = 60_000) -> bool:
        """Block until the work thread ends (for tests and shutdown)."""
        return self._thread.wait(milliseconds)


_running: set[BackgroundTask] = set()  # started and not yet ended, on the GUI thread


def wait_for_running(milliseconds: int = 60_000) -> None:
    """Let every background task finish its work (closing the window: a receipt being written is kept)."""
    for task in list(_running):
        task.wait(milliseconds)


def save_in_background(
    parent: QWidget,
    title: str,
    suggested: Path,
    file_filter: str,
    busy: str,
    write: Callable[[Path], Any],
    report: Callable[[Any, Path], str],
    suffixes: Sequence[str] = (),
    purpose: str = "export",
) -> BackgroundTask | None:
    """Ask where to save, write there on a worker thread, then say what was written.

    ``suffixes`` are the file kinds ``write`` takes (".xlsx", ".csv"…): a name without one of
    them gets the one whose name the chosen filter mentions, else the first. ``report(result,
    path)`` is the sentence shown when done. The file dialog opens in the folder last used for
    ``purpose`` (``dialogs.files``). Returns the running task (None if the clerk cancelled the
    file dialog).
    """
    answer = choose_save_file(parent, purpose, title, suggested, file_filter)
    if answer is None:
        return None
    target, chosen_filter = answer
    kinds = tuple(suffixes) or (suggested.suffix,)
    if target.suffix.lower() not in kinds:
        named = [kind for kind in kinds if kind.lstrip(".") in chosen_filter.lower()]
        # Appended, not replacing: in 幸福里3.5期 the ".5期" is part of the name.
        target = target.with_name(target.name + (named or list(kinds))[0])
    return run_and_report(
        parent,
        title,
        busy,
        lambda: write(target),
        lambda result: report(result, target),
        written=lambda _result: target,
    )


def run_and_report(
    parent: QWidget,
    title: str,
    busy: str,
    work: Callable[[], Any],
    report: Callable[[Any], str],
    written: Callable[[Any], Path] | None = None,
) -> BackgroundTask:
    """Run ``work`` on a worker thread behind ``busy``, then show ``report(result)`` under ``title``.

    ``written(result)``: the file the work wrote, whose folder the clerk can then open from
    the message. What fails is shown, or logged, under ``title`` too (``errors.report_error``).
    """

    def done(result: Any) -> None:
        if written is None:
            QMessageBox.information(parent, title, report(result))
        else:
            tell_written(parent, title, report(result), written(result))

    return BackgroundTask(
        parent,
        busy,
        lambda _progress, _cancelled: work(),
        done,
        lambda error: report_error(parent, title, error),
        cancellable=False,
    ).start()


def tell_written(parent: QWidget | None, title: str, text: str, path: Path) -> None:
    """Say what was written, with an Open button that shows the folder it is in (a USB stick, Desktop)."""
    hint = QCoreApplication.translate("worker", "“Open” shows the folder it is in.")
    buttons = QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Open
    answer = QMessageBox.information(
        parent, title, f"{text}\n\n{hint}", buttons, QMessageBox.StandardButton.Ok
    )
    if answer == QMessageBox.StandardButton.Open:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def write_and_open(
    parent: QWidget, busy: str, path: Path, write: Callable[[Path], object], title: str, unopened: str
) -> BackgroundTask:
    """Write a document to ``path`` on a worker thread (its font is embedded: a moment), then open it.

    Receipts and the repair log's sheets are printed from the computer's PDF viewer; ``title`` and
    ``unopened`` are what ``open_document`` says where there is none.
    """

    def work(_progress: object, _cancelled: object) -> Path:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # a data folder that cannot be written: said, not a crash
            raise FileNotWritten(path.parent, error) from None
        write(path)
        return path

    return BackgroundTask(
        parent, busy, work, lambda target: open_document(parent, target, title, unopened), cancellable=False
    ).start()


def open_document(parent: QWidget, path: Path, title: str, unopened: str) -> None:
    """Open a PDF in the computer's PDF viewer to print it; without one, say ``unopened`` (of ``{path}``)."""
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        QMessageBox.information(parent, title, unopened.format(path=path))
