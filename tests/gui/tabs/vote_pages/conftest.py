"""The vote pages' fixtures, from tests/helpers (the estate and the window they are tested on)."""

from helpers.vote_desk import desk  # noqa: F401 - the fixture
