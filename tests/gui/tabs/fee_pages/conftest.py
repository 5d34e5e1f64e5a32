"""The fee pages' fixtures, from tests/helpers (shared with other tests that need the same estate)."""

from helpers.fee_counter import counter, counter_window, opened_documents  # noqa: F401 - fixtures
