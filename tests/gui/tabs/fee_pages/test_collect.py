"""The payment page (gui/tabs/fee_pages/collect.py): a payment taken at the counter, from the keyboard."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from estatedesk.domain.errors import MESSAGE_CONTEXT
from estatedesk.domain.fees import Month
from estatedesk.gui import settings as prefs
from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters import fees as present
from estatedesk.gui.tabs.fee_pages.collect import LAYOUT_SETTING, CollectPage
from estatedesk.services import fees
from estatedesk.services.fees import PaymentMethod, ReceiptLayout
from helpers.fee_counter import Counter

AMOUNT_DECIMALS = "an amount has at most 2 decimals (fen)"
NEEDS_REFERENCE = "a transfer, WeChat or Alipay payment needs its reference number"


def message(template: str, **params: object) -> str:
    """A service's message as the page shows it: in the interface language."""
    return translate(MESSAGE_CONTEXT, template).format(**params)


def choose(page: CollectPage, text: str) -> None:
    """Type in the search line (set whole: non-ASCII keys abort QTest) and press Enter."""
    page.picker.search.setFocus()
    page.picker.search.setText(text)
    QTest.keyClick(page.picker.search, Qt.Key.Key_Return)


def lines(page: CollectPage) -> list[tuple[str, str, bool]]:
    """(item, month, ticked) of each line shown."""
    model = page.lines
    return [
        (
            model.row_at(row).item,
            str(model.row_at(row).month),
            model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked,
        )
        for row in range(model.rowCount())
    ]


def receipts() -> list[str]:
    """The receipts taken in the test (the estate's one, of 1-1-101, left out), oldest first."""
    return [row.number for row in reversed(fees.list_receipts()) if row.room_code != "1-1-101"]


def wait_for_pdf(qtbot: Any, counter: Counter, count: int = 1) -> Path:
    qtbot.waitUntil(lambda: len(counter.opened) >= count, timeout=20_000)
    return counter.opened[count - 1]


def test_a_payment_by_room_code_pays_every_line_oldest_first_and_opens_its_receipt(
    counter: Counter, qtbot: Any
) -> None:
    page = counter.page(CollectPage)
    assert page.picker.search.hasFocus() or QApplication.focusWidget() is None  # offscreen: no active window
    assert page.room_stack.currentIndex() == 0 and "3-2-501" in page.empty_label.text()
    choose(page, "3-2-501")
    assert page.room() is not None and page.room().code == "3-2-501"  # type: ignore[union-attr]
    assert lines(page) == [
        ("物业费", "2025-01", True),
        ("垃圾清运费", "2025-01", True),
        ("物业费", "2025-02", True),
        ("垃圾清运费", "2025-02", True),
        ("物业费", "2025-03", True),
        ("垃圾清运费", "2025-03", True),
    ]
    assert page.due_label.text() == "¥191.10"
    assert page.amount.text() == "191.10" and page.payer.text() == "王玥"
    assert page.prepaid_label.text().endswith("¥0.00")
    assert "王玥、李喆" in page.heading.text() and "89.50" in page.heading.text()
    QTest.keyClick(page.amount, Qt.Key.Key_Return)
    (number,) = receipts()
    assert number in page.confirm_label.text() and "¥191.10" in page.confirm_label.text()
    assert "人民币壹佰玖拾壹元壹角整" in page.confirm_label.text()
    assert page.confirm_frame.isVisible()
    account = fees.account(counter.rooms["3-2-501"])
    assert account.owed_fen == 0 and account.paid_fen == 19110
    pdf = wait_for_pdf(qtbot, counter)
    assert pdf.name == f"{number}.pdf" and pdf.parent.name == "收据"
    assert pdf.read_bytes().startswith(b"%PDF")
    # Ready for the next room.
    assert page.room() is None and page.picker.search.text() == "" and page.room_stack.currentIndex() == 0


def test_the_room_is_found_as_written_out_by_name_or_by_pinyin(counter: Counter) -> None:
    page = counter.page(CollectPage)
    choose(page, "3号楼2单元502")
    assert page.room() is not None and page.room().code == "3-2-502"  # type: ignore[union-attr]
    page.picker.search.setText("zs")
    assert page.picker.model.rowCount() == 1
    choose(page, "王玥")
    assert page.room().code == "3-2-501"  # type: ignore[union-attr]


def test_down_and_up_move_in_the_list_without_leaving_the_search_line(counter: Counter) -> None:
    page = counter.page(CollectPage)
    page.picker.search.setText("3-2")
    assert page.picker.model.rowCount() == 2
    QTest.keyClick(page.picker.search, Qt.Key.Key_Down)
    QTest.keyClick(page.picker.search, Qt.Key.Key_Return)
    assert page.room().code == "3-2-502"  # type: ignore[union-attr]
    page.picker.search.setText("3-2")
    QTest.keyClick(page.picker.search, Qt.Key.Key_Down)
    QTest.keyClick(page.picker.search, Qt.Key.Key_Up)
    QTest.keyClick(page.picker.search, Qt.Key.Key_Return)
    assert page.room().code == "3-2-501"  # type: ignore[union-attr]


def test_a_whole_room_code_typed_shows_the_room_before_enter(counter: Counter) -> None:
    page = counter.page(CollectPage)
    page.picker.search.setText("3-2-502")
    assert page.room() is not None and page.room().code == "3-2-502"  # type: ignore[union-attr]
    assert page.due_label.text() == "¥138.00"


def test_unticked_lines_are_left_unpaid(counter: Counter, qtbot: Any) -> None:
    page = counter.page(CollectPage)
    choose(page, "3-2-501")
    first = page.lines.row_at(0)
    page.lines.setData(page.lines.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert lines(page)[0] == ("物业费", "2025-01", False)
    assert page.amount.text() == "137.40" and page.due_label.text() == "¥137.40"
    assert page.payment_input().charge_ids == tuple(line.charge_id for line in page.lines.ticked())  # type: ignore[union-attr]
    result = page.post()
    assert result is not None and result.amount_fen == 13740
    still = [line for line in fees.account(counter.rooms["3-2-501"]).lines if line.owed_fen]
    assert [(line.item, line.month) for line in still] == [("物业费", Month(2025, 1))]
    assert still[0].charge_id == first.charge_id
    wait_for_pdf(qtbot, counter)


def test_all_ticked_pays_oldest_first_and_a_part_payment_leaves_the_newest_owing(
    counter: Counter, qtbot: Any
) -> None:
    page = counter.page(CollectPage)
    choose(page, "3-2-502")
    assert page.payment_input().charge_ids is None  # type: ignore[union-attr]  # the service pays oldest first
    page.amount.setText("50")
    page.amount.textEdited.emit("50")
    assert "stays owed" in page.amount_hint.text() or "¥88.00" in page.amount_hint.text()
    page.post()
    owing = [
        (line.item, str(line.month), line.owed_fen) for line in fees.account(counter.rooms["3-2-502"]).lines
    ]
    assert owing[:2] == [("物业费", "2025-01", 0), ("垃圾清运费", "2025-01", 0)]
    assert owing[2] == ("物业费", "2025-02", 3600 - 400)
    wait_for_pdf(qtbot, counter)


def test_an_amount_typed_stays_when_ticks_change_and_follows_them_again_once_cleared(
    counter: Counter,
) -> None:
    page = counter.page(CollectPage)
    choose(page, "3-2-501")
    page.amount.setText("100")
    page.amount.textEdited.emit("100")
    page.lines.set_all(False)
    assert page.amount.text() == "100"
    assert page.amount_hint.text() == present.amount_hint(10000, 0, 0)
    page.amount.clear()
    page.amount.textEdited.emit("")
    page.lines.set_all(True)
    assert page.amount.text() == "191.10"


def test_more_than_is_due_is_kept_as_prepayment(counter: Counter, qtbot: Any) -> None:
    page = counter.page(CollectPage)
    choose(page, "3-2-502")
    page.amount.setText("200")
    page.amount.textEdited.emit("200")
    assert "¥62.00" in page.amount_hint.text()
    result = page.post()
    assert result is not None and result.kept_as_prepaid_fen == 6200 and result.prepaid_fen == 6200
    assert "¥62.00" in page.confirm_label.text()
    assert fees.room_balance(counter.rooms["3-2-502"]) == (0, 6200)
    wait_for_pdf(qtbot, counter)


def test_a_bad_amount_is_refused_next_to_the_amount_and_nothing_is_posted(counter: Counter) -> None:
    page = counter.page(CollectPage)
    choose(page, "3-2-501")
    for typed, expected in (
        ("1.234", message(AMOUNT_DECIMALS)),
        ("0", message("the amount must be above 0")),
        ("-5", message("the amount must be above 0")),
        ("abc", message("'{value}' is not an amount in yuan such as 360 or 1,234.56", value="abc")),
    ):
        page.amount.setText(typed)
        page.amount.textEdited.emit(typed)
        QTest.keyClick(page.amount, Qt.Key.Key_Return)
        assert page.errors.shown() == {"amount": expected}, typed
        assert "color" in page.errors.fields["amount"][1].styleSheet()
    assert receipts() == []
    assert page.room() is not None  # the clerk corrects it on the same room
    page.amount.setText("10")
    page.amount.textEdited.emit("10")
    assert page.errors.shown() == {}


def test_a_transfer_without_its_reference_is_refused(counter: Counter, qtbot: Any) -> None:
    page = counter.page(CollectPage)
    choose(page, "3-2-501")
    assert not page.reference.isEnabled()
    page.choose_method(PaymentMethod.TRANSFER, by_key=True)
    assert page.reference.isEnabled()
    assert page.post() is None
    assert page.errors.shown() == {"reference": message(NEEDS_REFERENCE)}
    assert receipts() == []
    page.reference.setText("TR-2025-77")
    result = page.post()
    assert result is not None
    row = fees.receipt_row(result.receipt)
    assert row.method is PaymentMethod.TRANSFER and row.reference == "TR-2025-77"
    wait_for_pdf(qtbot, counter)


def test_a_payment_dated_in_the_future_is_refused_next_to_the_date(counter: Counter) -> None:
    page = counter.page(CollectPage)
    choose(page, "3-2-501")
    tomorrow = date.today() + timedelta(days=1)
    page.paid_on.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert page.post() is None
    assert page.errors.shown() == {
        "date": message("the payment date {date} is in the future", date=str(tomorrow))
    }
    assert receipts() == []


def test_the_whole_payment_from_the_keyboard(counter: Counter, qtbot: Any) -> None:
    page = counter.page(CollectPage)
    counter.tab.widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is counter.tab.widget.window())
    page.focus_first()
    qtbot.keyClicks(page.picker.search, "3-2-502")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert page.room() is not None and QApplication.focusWidget() is page.amount
    qtbot.keyClicks(page.amount, "100")  # the proposed amount is selected: typing replaces it
    assert page.amount.text() == "100"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3)  # WeChat: the cursor goes to the reference
    assert page.method() is PaymentMethod.WECHAT and QApplication.focusWidget() is page.reference
    qtbot.keyClicks(page.reference, "WX0930")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    (number,) = receipts()
    row = fees.receipt_row(number)
    assert (row.amount_fen, row.method, row.reference, row.payer) == (
        10000,
        PaymentMethod.WECHAT,
        "WX0930",
        "张三",
    )
    assert QApplication.focusWidget() is page.picker.search and page.room() is None
    wait_for_pdf(qtbot, counter)
    # The next room at once; F1 brings back cash (the form starts each room with cash anyway).
    qtbot.keyClicks(page.picker.search, "3-2-501")
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    assert page.method() is PaymentMethod.CASH and not page.reference.isEnabled()
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)
    assert len(receipts()) == 2
    wait_for_pdf(qtbot, counter, 2)


def test_a_read_only_file_finds_rooms_and_shows_charges_but_posts_nothing(counter: Counter) -> None:
    counter.tab.read_only = True
    page = counter.page(CollectPage)
    page.update_actions()
    choose(page, "3-2-501")
    assert page.lines.rowCount() == 6 and page.due_label.text() == "¥191.10"
    assert not page.post_button.isEnabled()
    assert page.post_button.toolTip() == present.read_only_payment_tip()
    assert not page.post_note.isHidden() and page.post_note.text() == present.read_only_payment_tip()
    QTest.keyClick(page.amount, Qt.Key.Key_Return)
    assert page.post() is None and receipts() == []


def test_a_room_owing_nothing_says_a_payment_is_kept_as_prepayment(counter: Counter) -> None:
    page = counter.page(CollectPage)
    choose(page, "1-1-101")
    assert page.lines.rowCount() == 0 and page.due_label.text() == "¥0.00"
    assert page.lines_note.text() == present.nothing_owed_text("1-1-101", 0)
    assert not page.lines_table.isVisibleTo(page) and page.amount.text() == ""


def test_the_receipt_paper_is_remembered_and_print_a_copy_marks_it(counter: Counter, qtbot: Any) -> None:
    page = counter.page(CollectPage)
    page.layout_combo.setCurrentIndex(page.layout_combo.findData(ReceiptLayout.TWO_PER_A4.value))
    assert prefs.settings().value(LAYOUT_SETTING) == "a4x2"
    choose(page, "3-2-502")
    result = page.post()
    assert result is not None
    pdf = wait_for_pdf(qtbot, counter)
    assert b"/MediaBox [0 0 595.28 841.89]" in pdf.read_bytes()  # A4 portrait: two receipts a sheet
    assert page.print_again_button.isEnabled()
    page.print_copy()
    copy = wait_for_pdf(qtbot, counter, 2)
    assert copy.name == f"{result.receipt}-补打.pdf" and copy.parent == pdf.parent
    page.open_again()
    assert counter.opened[-1] == pdf
    again = CollectPage(counter.tab)  # type: ignore[arg-type]
    assert again.layout_combo.currentData() == "a4x2"


def test_a_line_paid_meanwhile_is_refused_and_the_lines_read_again(counter: Counter) -> None:
    page = counter.page(CollectPage)
    choose(page, "3-2-501")
    page.lines.set_ticked(page.lines.row_at(5).charge_id, False)  # only some lines: their ids are sent
    fees.pay(fees.PaymentInput(counter.rooms["3-2-501"], "63.70", "cash"))  # at another desk: January
    assert page.post() is None
    assert "lines" in page.errors.shown()
    assert lines(page)[0][:2] == ("物业费", "2025-02")
    assert len(receipts()) == 1


def test_space_ticks_a_line_enter_in_the_lines_posts_and_escape_goes_back_to_the_search(
    counter: Counter, qtbot: Any
) -> None:
    page = counter.page(CollectPage)
    choose(page, "3-2-502")
    page.lines_table.setFocus()
    page.lines_table.setCurrentIndex(page.lines.index(5, 0))
    QTest.keyClick(page.lines_table, Qt.Key.Key_Space)
    assert [ticked for _item, _month, ticked in lines(page)] == [True] * 5 + [False]
    assert page.amount.text() == "128.00"
    QTest.keyClick(page.amount, Qt.Key.Key_Escape)
    assert page.room() is not None and page.picker.search.selectedText() == "3-2-502"
    QTest.keyClick(page.lines_table, Qt.Key.Key_Return)
    (number,) = receipts()
    assert fees.receipt_row(number).amount_fen == 12800
    assert [line.owed_fen for line in fees.account(counter.rooms["3-2-502"]).lines] == [0] * 5 + [1000]
    wait_for_pdf(qtbot, counter)


def test_a_receipt_folder_that_cannot_be_made_is_said_and_the_payment_stays_posted(
    counter: Counter, qtbot: Any, private_data_dir: Path, boxes: Any
) -> None:
    (private_data_dir / "收据").write_text("not a folder")
    page = counter.page(CollectPage)
    choose(page, "3-2-502")
    result = page.post()
    assert result is not None and receipts() == [result.receipt]
    qtbot.waitUntil(lambda: bool(boxes.texts("warning")), timeout=20_000)
    assert "收据" in boxes.texts("warning")[0] and counter.opened == []
