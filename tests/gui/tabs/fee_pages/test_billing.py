"""The billing run page (gui/tabs/fee_pages/billing.py): months, preview, a run on a worker, cancel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.fees import Month, month_of
from estatedesk.domain.households import Occupancy
from estatedesk.gui import labels
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.gui.tabs.fee_pages.billing import BillingPage
from estatedesk.gui.worker import BackgroundTask
from estatedesk.services import fees, households
from estatedesk.services.fees.overview_queries import billing_preview
from estatedesk.services.households import RoomInput
from helpers.fee_overview_estate import Ledger, ledger_fixture  # noqa: F401 - the fixture

MONTH_ERROR = "'{value}' is not a month such as 2027-01"


def charges(first: Month, last: Month) -> int:
    """How many charges the ledger holds for these months (households billed × items, here)."""
    rate = fees.collection_rate(first, last, detail=True)
    return sum(row.households_billed for row in rate.by_month) * len(fees.list_items())


def set_months(page: BillingPage, first: str, last: str) -> None:
    """Type the months as the clerk does (textEdited is what marks them as chosen)."""
    for edit, text in ((page.months.first, first), (page.months.last, last)):
        edit.setText(text)
        edit.textEdited.emit(text)


def run_and_wait(page: BillingPage, qtbot: QtBot) -> None:
    page.run()
    assert page.task is not None and not page.run_button.isEnabled()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)


def test_the_page_offers_this_month_after_months_billed_in_the_past(ledger: Ledger) -> None:
    page = ledger.page(BillingPage)
    this = str(month_of(date.today()))
    assert (page.months.first.text(), page.months.last.text()) == (this, this)
    assert page.preview.text() == present.preview_text(
        billing_preview(month_of(date.today()), month_of(date.today()))
    )
    assert page.result.isHidden()


def test_after_months_billed_ahead_it_offers_the_next_one(ledger: Ledger) -> None:
    ahead = month_of(date.today()).next()
    fees.bill(ahead, ahead)
    page = ledger.page(BillingPage)
    page.read()
    assert page.months.first.text() == str(ahead.next())


def test_the_preview_counts_what_the_run_makes(ledger: Ledger) -> None:
    page = ledger.page(BillingPage)
    set_months(page, "2025-03", "2025-04")
    preview = billing_preview(Month(2025, 3), Month(2025, 4))
    assert (preview.items, preview.rooms, preview.charges) == (2, 3, 6)  # March is billed already
    assert page.preview.text() == present.preview_text(preview)
    made = fees.bill(Month(2025, 3), Month(2025, 4))
    assert made.created == preview.charges
    page.read()
    assert page.preview.text() == present.preview_text(billing_preview(Month(2025, 3), Month(2025, 4)))
    assert billing_preview(Month(2025, 3), Month(2025, 4)).charges == 0


def test_a_bad_month_is_refused_next_to_its_field(ledger: Ledger) -> None:
    page = ledger.page(BillingPage)
    set_months(page, "2027-13", "2027-12")
    assert page.months.period() is None
    error = page.findChild(type(page.preview), "fromError")
    assert error is not None and not error.isHidden()
    assert error.text() == labels.message(ValidationError("from", MONTH_ERROR, value="2027-13"))
    assert "2027-13" in error.text() and any("\u4e00" <= char <= "\u9fff" for char in error.text())  # Chinese
    assert page.preview.text() == ""
    set_months(page, "2027-06", "2027-01")  # the last before the first: said by the last
    to_error = page.findChild(type(page.preview), "toError")
    assert to_error is not None and not to_error.isHidden() and "2027-01" in to_error.text()
    assert error.isHidden()


def test_a_bad_month_runs_nothing(ledger: Ledger, qtbot: QtBot, boxes: object) -> None:
    page = ledger.page(BillingPage)
    set_months(page, "2025-4", "2025-xx")
    page.run()
    assert page.task is None and boxes.texts("question") == []  # type: ignore[attr-defined]
    assert charges(Month(2025, 4), Month(2025, 4)) == 0


def test_a_year_is_billed_on_a_worker_and_told(ledger: Ledger, qtbot: QtBot, boxes: object) -> None:
    page = ledger.page(BillingPage)
    set_months(page, "2025-04", "2025-04")
    page.whole_year()
    assert (page.months.first.text(), page.months.last.text()) == ("2025-01", "2025-12")
    run_and_wait(page, qtbot)
    (question,) = boxes.texts("question")  # type: ignore[attr-defined]
    assert "2025-01 … 2025-12" in question
    assert charges(Month(2025, 4), Month(2025, 12)) == 9 * 3 * 2
    assert not page.result.isHidden()
    assert "54" in page.result.text() and "¥1,566.00" in page.result.text()  # 9 months × 174.00
    assert page.runs.rowCount() == 2  # the one made with the estate, and this one
    newest = page.runs.row_at(0)
    assert (newest.months, newest.created, newest.total) == ("2025-01 … 2025-12", "54", "1,566.00")
    assert page.run_button.isEnabled()


def test_a_second_run_of_the_same_months_makes_nothing(ledger: Ledger, qtbot: QtBot) -> None:
    page = ledger.page(BillingPage)
    set_months(page, "2025-01", "2025-03")
    run_and_wait(page, qtbot)
    assert page.result.text() == present.bill_result_text(
        fees.BillResult(0, 0, 0, 0, 0), Month(2025, 1), Month(2025, 3)
    )


def test_a_run_bills_rooms_added_since_and_applies_standing_reductions(ledger: Ledger, qtbot: QtBot) -> None:
    households.create_room(RoomInput("3", "1", "101", "50", occupancy=Occupancy.VACANT))
    fees.save_fee_settings(fees.FeeSettings(vacant_percent=Decimal(50)))
    page = ledger.page(BillingPage)
    set_months(page, "2025-01", "2025-03")
    run_and_wait(page, qtbot)
    made = fees.BillResult(created=6, total_fen=12_000, reduced_fen=6_000, prepaid_applied_fen=0, rooms=1)
    assert page.result.text() == present.bill_result_text(made, Month(2025, 1), Month(2025, 3))
    assert "¥120.00" in page.result.text() and "¥60.00" in page.result.text()  # 3 × (30 + 10), half off


@pytest.mark.parametrize("after_calls", [0, 1])
def test_a_cancelled_run_writes_nothing_and_says_so(
    ledger: Ledger, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, after_calls: int
) -> None:
    """Cancelled at once, or after the first month's charges were made: the run is all or nothing."""
    real_bill = fees.bill

    def bill_cancelled_after(
        *args: object, cancelled: Callable[[], bool] | None = None, **kwargs: object
    ) -> object:
        asked = iter([False] * after_calls)
        return real_bill(*args, cancelled=lambda: next(asked, True), **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fees, "bill", bill_cancelled_after)
    page = ledger.page(BillingPage)
    set_months(page, "2025-04", "2025-06")
    run_and_wait(page, qtbot)
    assert charges(Month(2025, 4), Month(2025, 6)) == 0
    expected = labels.message(fees.BillingCancelled())
    assert page.result.text() == expected[:1].upper() + expected[1:]
    assert page.runs.rowCount() == 1 and page.run_button.isEnabled()


def test_the_clerk_pressing_cancel_stops_the_run(
    ledger: Ledger, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = BackgroundTask.start

    def cancelled_at_once(task: BackgroundTask) -> BackgroundTask:
        task.dialog.canceled.emit()  # as the Cancel button does when clicked: the stop flag is set
        return start(task)

    monkeypatch.setattr(BackgroundTask, "start", cancelled_at_once)
    page = ledger.page(BillingPage)
    set_months(page, "2025-04", "2025-04")
    run_and_wait(page, qtbot)
    assert charges(Month(2025, 4), Month(2025, 4)) == 0 and not page.result.isHidden()


def test_a_run_not_confirmed_makes_nothing(ledger: Ledger, boxes: object) -> None:
    from PySide6.QtWidgets import QMessageBox

    boxes.answer = QMessageBox.StandardButton.No  # type: ignore[attr-defined]
    page = ledger.page(BillingPage)
    set_months(page, "2025-04", "2025-04")
    page.run()
    assert page.task is None and charges(Month(2025, 4), Month(2025, 4)) == 0


def test_a_read_only_file_cannot_be_billed(ledger: Ledger, boxes: object) -> None:
    page = ledger.page(BillingPage)
    page.tab.read_only = True
    page.update_actions()
    assert not page.run_button.isEnabled()
    page.run()
    assert boxes.texts() == []  # type: ignore[attr-defined]


def test_another_file_forgets_the_months_typed_and_the_result(ledger: Ledger) -> None:
    page = ledger.page(BillingPage)
    set_months(page, "2025-04", "2025-05")
    page.read()
    assert page.months.first.text() == "2025-04"  # a re-read keeps what the clerk typed
    page.forget_file()
    page.read()
    assert page.months.first.text() == str(month_of(date.today()))
