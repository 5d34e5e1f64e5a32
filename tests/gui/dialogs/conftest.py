"""Fixtures of the dialog tests, from tests/helpers (the repair dialogs are tested in the repair tab)."""

from helpers.repair_desk import repair_desk  # noqa: F401 - the fixture
