"""Shared fixtures: offscreen Qt, a private data folder, and a fresh estate file per test."""

from __future__ import annotations

import os
import sys

# Before anything imports Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from estatedesk.store import audit
from estatedesk.store.db import EstateFile, create_estate


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the real user's data folder."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("ESTATEDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep window layout and recent files written by tests out of the user's settings.

    XDG_CONFIG_HOME covers programs the tests start; QSettings.setPath covers this process
    once Qt is loaded (GUI tests and benchmarks import it at collection).
    """
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def estate(tmp_path: Path) -> Iterator[EstateFile]:
    """A new, empty estate file, open for the test and closed after it."""
    opened = create_estate(tmp_path / "estate.sqlite3", "测试小区")
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def reset_audit_actor() -> Iterator[None]:
    """``audit.set_actor`` lives in a context variable: keep one test's clerk out of the next."""
    yield
    audit.set_actor(None)
