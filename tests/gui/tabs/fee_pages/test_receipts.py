"""The receipts page (gui/tabs/fee_pages/receipts.py): the list, search as typed, reprints and voids."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from estatedesk.domain.errors import ValidationError
from estatedesk.gui import labels
from estatedesk.gui.dialogs.void_dialog import VoidDialog
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import FOREGROUND, MUTED_COLOR
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.gui.tabs.fee_pages.receipts import ReceiptsPage, reprint_folder
from estatedesk.services import fees
from estatedesk.services.fees import PaymentMethod, ReceiptLayout
from helpers.fee_overview_estate import Ledger, ledger_fixture  # noqa: F401 - the fixture


def shown(page: ReceiptsPage, key: str = "number") -> list[str]:
    column = page.model.column_index(key)
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def receipts_of_2025(ledger: Ledger) -> ReceiptsPage:
    page = ledger.page(ReceiptsPage)
    page.year.setCurrentIndex(page.year.findData(2025))
    page.year.activated.emit(page.year.currentIndex())
    return page


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files the page asked the system to open (none is opened in a test)."""
    paths: list[Path] = []

    def open_url(url: QUrl) -> bool:
        paths.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return paths


def test_this_years_list_is_empty_and_says_where_receipts_come_from(ledger: Ledger) -> None:
    page = ledger.page(ReceiptsPage)
    assert page.chosen_year() == date.today().year
    assert [page.year.itemData(i) for i in range(page.year.count())][-2:] == [2025, 0]  # then "All years"
    assert page.model.rowCount() == 0 and page.list_note.text()


def test_the_receipts_of_a_year_with_their_figures(ledger: Ledger) -> None:
    page = receipts_of_2025(ledger)
    assert shown(page) == ["2025-000002", "2025-000001"]  # newest first
    assert shown(page, "room") == ["1-1-101", "2-1-101"]
    assert shown(page, "payer") == ["王玥", "李喆"]
    assert shown(page, "amount") == ["174.00", "92.00"]
    assert shown(page, "date") == ["2025-04-10", "2025-02-05"]
    assert shown(page, "method") == [
        present.method_title(PaymentMethod.CASH),
        present.method_title(PaymentMethod.WECHAT),
    ]
    assert shown(page, "reference") == ["", "WX0205"]
    assert shown(page, "status") == ["", ""]
    assert page.status_text() == present.receipts_status(page.model.shown_rows())
    assert "¥266.00" in page.count_label.text()
    page.year.setCurrentIndex(page.year.findData(0))
    page.year.activated.emit(page.year.currentIndex())
    assert page.chosen_year() is None and page.model.rowCount() == 2


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("2025-000001", ["2025-000001"]),
        ("000002", ["2025-000002"]),
        ("2-1-101", ["2025-000001"]),
        ("李喆", ["2025-000001"]),
        ("wangyue", ["2025-000002"]),
        ("lz", ["2025-000001"]),
        ("WX0205", ["2025-000001"]),
        ("1-1-101", ["2025-000002"]),
        ("张三", []),
    ],
)
def test_search_as_typed(ledger: Ledger, typed: str, found: list[str]) -> None:
    page = receipts_of_2025(ledger)
    page.search.setText(typed)
    assert shown(page) == found
    assert page.list_note.isHidden() == bool(found)
    page.search.clear()
    assert page.model.rowCount() == 2


def test_a_void_without_reason_is_refused_next_to_the_field(ledger: Ledger, boxes: object) -> None:
    page = receipts_of_2025(ledger)
    dialog = VoidDialog(page, page.model.row_at(1))
    dialog.reason.setText("   ")
    dialog.accept()
    error = find(dialog.dialog, QLabel, "reasonError")
    assert not error.isHidden()
    assert error.text() == labels.message(ValidationError("reason", "say why the receipt is voided"))
    assert not dialog.dialog.result() and boxes.texts() == []  # type: ignore[attr-defined]
    assert fees.receipt_row("2025-000001").void_reason is None


def test_a_void_asks_once_more_and_keeps_the_dialog_open_on_no(ledger: Ledger, boxes: object) -> None:
    from PySide6.QtWidgets import QMessageBox

    page = receipts_of_2025(ledger)
    boxes.answer = QMessageBox.StandardButton.No  # type: ignore[attr-defined]
    dialog = VoidDialog(page, page.model.row_at(1))
    dialog.reason.setText("房号录错")
    dialog.accept()
    (question,) = boxes.texts("question")  # type: ignore[attr-defined]
    assert "2025-000001" in question and "¥92.00" in question
    assert not dialog.dialog.result() and fees.receipt_row("2025-000001").void_reason is None


def test_a_void_with_a_reason_marks_the_row_void(
    ledger: Ledger, boxes: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = receipts_of_2025(ledger)
    page.select_receipt("2025-000001")
    assert page.void_button.isEnabled()

    def give_reason(dialog: VoidDialog) -> bool:
        dialog.reason.setText("房号录错")
        dialog.accept()
        return bool(dialog.dialog.result())

    monkeypatch.setattr(VoidDialog, "exec", give_reason)
    page.void()
    row = fees.receipt_row("2025-000001")
    assert row.void_reason == "房号录错"
    line = page.model.row_of(row.payment_id)
    assert line is not None
    status = shown(page, "status")[line]
    assert "房号录错" in status and row.voided_by in status
    assert page.model.index(line, 0).data(FOREGROUND).color() == MUTED_COLOR
    assert page.selected_ids() == [row.payment_id] and not page.void_button.isEnabled()  # void once only
    assert "¥92.00" in boxes.texts("information")[-1]  # type: ignore[attr-defined]
    assert "¥174.00" in page.count_label.text()  # a void receipt is not counted


@pytest.mark.parametrize("layout", list(ReceiptLayout))
def test_a_reprint_writes_one_pdf_of_the_receipts_selected_and_opens_it(
    ledger: Ledger, qtbot: QtBot, opened: list[Path], layout: ReceiptLayout
) -> None:
    page = receipts_of_2025(ledger)
    page.table.selectAll()
    assert page.reprint_button.isEnabled() and not page.void_button.isEnabled()  # one receipt at a time
    page.reprint(layout)
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert opened == [page.last_reprint]
    target = opened[0]
    assert target.parent == reprint_folder() and target.name.startswith("收据补打 2025-000001 等2张")
    assert target.read_bytes().startswith(b"%PDF")


def test_a_reprint_without_a_pdf_viewer_says_where_the_file_is(
    ledger: Ledger, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, boxes: object
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    page = receipts_of_2025(ledger)
    page.select_receipt("2025-000002")
    page.reprint(ReceiptLayout.A5)
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    (told,) = boxes.texts("information")  # type: ignore[attr-defined]
    assert str(page.last_reprint) in told


def test_a_read_only_file_allows_reprints_but_no_void(ledger: Ledger) -> None:
    page = receipts_of_2025(ledger)
    page.select_receipt("2025-000001")
    page.tab.read_only = True
    page.update_actions()
    assert page.reprint_button.isEnabled() and not page.void_button.isEnabled()


def test_a_double_click_shows_the_rooms_account(ledger: Ledger) -> None:
    from estatedesk.gui.tabs.fee_pages.account import AccountPage

    page = receipts_of_2025(ledger)
    page.select_receipt("2025-000001")
    page.show_account()
    assert ledger.tab.current_page() is ledger.tab.page(AccountPage)
