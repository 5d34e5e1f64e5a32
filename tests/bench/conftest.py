"""Benchmarks print figures (``BENCH name=value``); they never assert on time.

``ESTATEDESK_BENCH_QUICK=1`` (set by the test command) shrinks every workload so CI stays fast.
"""

from __future__ import annotations

import os

import pytest

QUICK = os.environ.get("ESTATEDESK_BENCH_QUICK") == "1"


def report(name: str, value: float, unit: str = "seconds") -> None:
    """Print one figure in the form the closing note and CI logs quote."""
    print(f"\nBENCH {name}_{unit}={value:.4f}")


@pytest.fixture(scope="session")
def bench_rooms() -> int:
    """How many rooms the big demo estate has: 20,000, or 2,000 in quick mode."""
    return 2_000 if QUICK else 20_000


@pytest.fixture(scope="session")
def bench_report() -> object:
    """The ``report`` function, for benchmark modules (tests/ is not a package)."""
    return report


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark everything under tests/bench as a benchmark."""
    for item in items:
        if "tests/bench" in str(item.fspath):
            item.add_marker(pytest.mark.bench)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Repeat every benchmark figure at the end of the run, so CI logs show them."""
    figures = [
        line.strip()
        for report in terminalreporter.stats.get("passed", [])
        if report.when == "call"
        for line in report.capstdout.splitlines()
        if line.startswith("BENCH ")
    ]
    if figures:
        mode = "quick mode" if QUICK else "full size"
        terminalreporter.write_sep("-", f"benchmark figures ({mode})")
        for line in figures:
            terminalreporter.write_line(line)
