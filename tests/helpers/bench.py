"""What tests/bench's modules share: the median of a few timings, and the window opening a big estate.

Qt is imported only when a figure of the window is taken, so that the service figures run without it.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from estatedesk.gui.main_window import MainWindow


def median_time(work: Callable[[], object], runs: int = 3) -> float:
    """The median of ``runs`` timings of ``work``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def open_in_window(qapp: Any, path: Path) -> tuple[MainWindow, float]:
    """A window (in Chinese) that opened ``path`` on the households tab, as at start; the seconds it took."""
    from estatedesk.gui.app import create_application
    from estatedesk.gui.main_window import MainWindow

    create_application([], "zh_CN")
    window = MainWindow()
    window.show()
    qapp.processEvents()
    start = time.perf_counter()
    assert window.open_file(path)
    qapp.processEvents()
    return window, time.perf_counter() - start


def tab_index(window: MainWindow, tab: type) -> int:
    """Where the window's tab of class ``tab`` stands among its tabs."""
    pages = [window.tabs.widget(number) for number in range(window.tabs.count())]
    return next(
        number for number, page in enumerate(pages) if page and page.objectName() == f"{tab.__name__}Page"
    )
