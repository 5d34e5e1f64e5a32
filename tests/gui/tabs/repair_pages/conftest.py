"""The repair pages' fixtures, from tests/helpers (the estate and the window they are tested on)."""

from helpers.repair_desk import repair_desk  # noqa: F401 - the fixture
