"""The account page (gui/tabs/fee_pages/account.py), its reduce dialog, and the households panel's link."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QUrl
from PySide6.QtGui import QColor

from estatedesk.domain.errors import MESSAGE_CONTEXT
from estatedesk.domain.fees import Month
from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters import fees as present
from estatedesk.gui.presenters.households import ACCOUNT_LINK
from estatedesk.gui.tabs.fee_pages.account import AccountPage, ReduceDialog
from estatedesk.gui.tabs.fee_pages.collect import CollectPage
from estatedesk.gui.tabs.households import HouseholdsTab
from estatedesk.services import fees
from estatedesk.services.changes import Records
from estatedesk.services.fees import PaymentInput
from helpers.fee_counter import Counter, CounterWindow


def figures(page: AccountPage) -> dict[str, str]:
    return {box.title.text(): box.value.text() for box in page.figures}


def column(model: Any, key: str) -> list[str]:
    index = model.column_index(key)
    return [model.index(row, index).data() for row in range(model.rowCount())]


def select_entry(page: AccountPage, receipt: str) -> None:
    row = column(page.entries, "receipt").index(receipt)
    page.entries_table.selectionModel().select(
        page.entries.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_the_account_shows_its_totals_charges_and_entries(counter: Counter) -> None:
    fees.pay(PaymentInput(counter.rooms["3-2-501"], "100", "wechat", reference="WX1"))
    page = counter.page(AccountPage)
    assert page.stack.currentIndex() == 0
    page.show_room(counter.rooms["3-2-501"])
    assert page.stack.currentIndex() == 1 and "3-2-501" in page.heading.text()
    assert figures(page) == {
        translate("fees", "Due"): "¥191.10",
        translate("fees", "Reduced"): "¥0.00",
        translate("fees", "Paid"): "¥100.00",
        translate("fees", "Owed"): "¥91.10",
        translate("fees", "Prepaid"): "¥0.00",
    }
    owed_box = page.figures[3]
    assert present.OWED_COLOUR in owed_box.value.styleSheet()
    assert column(page.lines, "month") == ["2025-01", "2025-01", "2025-02", "2025-02", "2025-03", "2025-03"]
    assert column(page.lines, "paid")[:3] == ["53.70", "10.00", "36.30"]
    owed = page.lines.column_index("owed")
    assert page.lines.index(0, owed).data() == ""
    assert page.lines.index(2, owed).data() == "17.40"
    assert page.lines.index(2, owed).data(Qt.ItemDataRole.ForegroundRole).color() == QColor(
        present.OWED_COLOUR
    )
    assert page.lines.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) is None  # no ticks here
    assert column(page.entries, "kind") == ["收款"] and column(page.entries, "amount") == ["100.00"]
    assert "WX1" in column(page.entries, "text")[0]
    assert "¥91.10" in page.status_text()


def test_a_room_never_charged_says_so(counter: Counter) -> None:
    from estatedesk.services import households
    from estatedesk.services.households import RoomInput

    room_id = households.create_room(RoomInput("9", "1", "101", "50"))
    page = counter.page(AccountPage)
    page.read()
    page.show_room(room_id)
    assert page.lines_note.text() == present.no_charges_text("9-1-101")
    assert page.entries_note.text() == present.no_entries_text()
    assert not page.reduce_button.isEnabled()


def test_the_room_is_chosen_by_keyboard_as_on_the_payment_page(counter: Counter, qtbot: Any) -> None:
    page = counter.page(AccountPage)
    page.picker.search.setText("张三")
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
    account = page.account()
    assert account is not None and account.room_code == "3-2-502"


def test_print_receipt_copy_prints_the_selected_payment_marked_as_a_copy(
    counter: Counter, qtbot: Any
) -> None:
    page = counter.page(AccountPage)
    page.show_room(counter.rooms["1-1-101"])
    (number,) = [receipt for receipt in column(page.entries, "receipt") if receipt]
    assert not page.print_button.isEnabled()
    select_entry(page, number)
    assert page.print_button.isEnabled()
    page.print_button.click()
    qtbot.waitUntil(lambda: bool(counter.opened), timeout=20_000)
    assert counter.opened[0].name == f"{number}-补打.pdf"


def test_take_a_payment_goes_to_the_payment_page_with_the_room_chosen(counter: Counter) -> None:
    page = counter.page(AccountPage)
    page.show_room(counter.rooms["3-2-502"])
    page.pay_button.click()
    collect = counter.tab.shown
    assert isinstance(collect, CollectPage)
    assert collect.room() is not None and collect.room().code == "3-2-502"  # type: ignore[union-attr]
    assert collect.due_label.text() == "¥138.00"


def test_a_read_only_file_allows_looking_and_printing_only(counter: Counter) -> None:
    counter.tab.read_only = True
    page = counter.page(AccountPage)
    page.show_room(counter.rooms["1-1-101"])
    assert not page.pay_button.isEnabled() and not page.reduce_button.isEnabled()
    assert page.reduce_button.toolTip() == present.read_only_reduce_tip()
    select_entry(page, next(receipt for receipt in column(page.entries, "receipt") if receipt))
    assert page.print_button.isEnabled()
    assert page.reduce() is None


# ------------------------------------------------------------ the reduce dialog


def message(template: str) -> str:
    return translate(MESSAGE_CONTEXT, template)


def reduce_dialog(counter: Counter, code: str = "3-2-501") -> ReduceDialog:
    page = counter.page(AccountPage)
    page.show_room(counter.rooms[code])
    account = page.account()
    assert account is not None
    return ReduceDialog(page, account)


def test_the_reduce_dialog_proposes_the_months_the_item_owes(counter: Counter) -> None:
    fees.pay(PaymentInput(counter.rooms["3-2-501"], "63.70", "cash"))  # January paid
    dialog = reduce_dialog(counter)
    assert [dialog.item.itemText(i) for i in range(dialog.item.count())] == ["物业费", "垃圾清运费"]
    assert (dialog.edits["from"].text(), dialog.edits["to"].text()) == ("2025-02", "2025-03")
    dialog.item.setCurrentIndex(1)
    assert (dialog.edits["from"].text(), dialog.edits["to"].text()) == ("2025-02", "2025-03")


def test_a_reduction_by_percent_is_its_own_entry_and_the_page_says_what_it_did(
    counter: Counter, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = counter.page(AccountPage)
    page.show_room(counter.rooms["3-2-501"])

    def fill_and_accept(dialog: ReduceDialog) -> bool:
        dialog.edits["percent"].setText("50")
        dialog.edits["reason"].setText("低保户")
        dialog.edits["approver"].setText("业委会 王主任")
        dialog.accept()
        return bool(dialog.result)

    monkeypatch.setattr(ReduceDialog, "exec", fill_and_accept)
    result = page.reduce()
    assert result is not None and result.reduced_fen == 3 * 2685
    assert page.result_label.text() == present.reduction_text(result)
    assert figures(page)[translate("fees", "Reduced")] == "¥80.55"
    assert figures(page)[translate("fees", "Owed")] == "¥110.55"
    assert column(page.entries, "kind") == ["减免"] * 3
    assert "低保户" in column(page.entries, "text")[0] and "王主任" in column(page.entries, "text")[0]


def test_the_reduce_dialog_shows_each_refusal_by_its_field(counter: Counter) -> None:
    dialog = reduce_dialog(counter)
    dialog.accept()  # nothing typed: the service names every missing part
    shown = {name: label.text() for name, label in dialog_errors(dialog).items() if not label.isHidden()}
    assert shown == {
        "percent": message("give a percent or an amount"),
        "reason": message("say why the fee is reduced"),
        "approver": message("name who approved the reduction"),
    }
    dialog.edits["percent"].setText("10")
    dialog.edits["amount"].setText("5")
    dialog.edits["from"].setText("2025-13")
    dialog.edits["reason"].setText("困难")
    dialog.edits["approver"].setText("李")
    dialog.accept()
    shown = {name: label.text() for name, label in dialog_errors(dialog).items() if not label.isHidden()}
    assert set(shown) == {"from"}  # the month is checked before the service is asked
    dialog.edits["from"].setText("2025-01")
    dialog.accept()
    shown = {name: label.text() for name, label in dialog_errors(dialog).items() if not label.isHidden()}
    assert shown == {"percent": message("give a percent or an amount, not both")}
    assert dialog.result is None
    assert fees.account(dialog._account.room_id).reduced_fen == 0
    dialog.edits["percent"].clear()
    dialog.accept()
    assert dialog.result is not None and dialog.result.reduced_fen == 3 * 500
    assert dialog.result.months[0] == (Month(2025, 1), 500)


def dialog_errors(dialog: ReduceDialog) -> dict[str, Any]:
    """The dialog's error labels by field."""
    return {name: binding.label for name, binding in dialog._fields.items() if binding.label is not None}


# ------------------------------------------------------------ through the window


def test_the_households_panel_shows_the_balance_and_links_to_the_account(
    counter_window: CounterWindow,
) -> None:
    window = counter_window.window
    households_tab = window.tab(HouseholdsTab)
    assert Records.FEES in households_tab.shows
    room_id = counter_window.rooms["3-2-501"]
    households_tab.select_room(room_id)
    html = households_tab.detail.toHtml()
    assert "¥191.10" in html and ACCOUNT_LINK in html
    households_tab.detail.anchorClicked.emit(QUrl(ACCOUNT_LINK))
    fees_tab = counter_window.fees_tab
    assert window.tabs.currentWidget() is fees_tab.widget.parentWidget()
    page = fees_tab.current_page()
    assert isinstance(page, AccountPage)
    account = page.account()
    assert account is not None and account.room_id == room_id
    assert page.picker.chosen() is not None and page.picker.chosen().id == room_id  # type: ignore[union-attr]


def test_the_households_panel_shows_a_payment_made_since(counter_window: CounterWindow) -> None:
    households_tab = counter_window.window.tab(HouseholdsTab)
    room_id = counter_window.rooms["3-2-502"]
    households_tab.select_room(room_id)
    assert "¥138.00" in households_tab.detail.toHtml()
    fees.pay(PaymentInput(room_id, "150", "cash"))
    html = households_tab.detail.toHtml()
    assert "¥138.00" not in html and "¥12.00" in html  # nothing owed now; 12.00 held in advance


def test_a_payment_through_the_fee_tab_and_its_account(counter_window: CounterWindow, qtbot: Any) -> None:
    tab = counter_window.show_fees_tab()
    collect = tab.show_page(CollectPage)
    assert isinstance(collect, CollectPage) and tab.current_page() is collect
    collect.picker.search.setText("3-2-502")
    qtbot.keyClick(collect.picker.search, Qt.Key.Key_Return)
    result = collect.post()
    assert result is not None
    qtbot.waitUntil(lambda: bool(counter_window.opened), timeout=20_000)
    tab.show_account(counter_window.rooms["3-2-502"])
    page = tab.current_page()
    assert isinstance(page, AccountPage)
    assert result.receipt in column(page.entries, "receipt")
    assert figures(page)[translate("fees", "Owed")] == "¥0.00"
