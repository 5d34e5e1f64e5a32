"""Presenters are tested without Qt: English texts, whatever an earlier test installed."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from estatedesk.gui import i18n


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts in English whatever an earlier test installed."""
    monkeypatch.setattr(i18n, "_installed", [])


@pytest.fixture
def shanghai() -> Iterator[None]:
    """The computer's clock in China (UTC+8, no summer time)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Asia/Shanghai")
        time.tzset()
        yield
    time.tzset()
