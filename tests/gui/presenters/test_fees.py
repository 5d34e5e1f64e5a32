"""The payment and account pages' texts (gui/presenters/fees.py), and the households panel's balance.

No translator is installed here, so the texts are the English source strings (conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from estatedesk.domain.fees import Month
from estatedesk.gui.presenters import fees as present
from estatedesk.gui.presenters import households as panel
from estatedesk.services.fees import (
    Account,
    AppliedLine,
    OpenLineView,
    PaymentMethod,
    PaymentResult,
    ReceiptLayout,
    ReductionResult,
)


def line(
    item: str, month: Month, amount: int, reduced: int = 0, paid: int = 0, position: int = 0
) -> OpenLineView:
    return OpenLineView(1, item, position, month, amount, reduced, paid)


def account(**changes: int) -> Account:
    values = {"due_fen": 19110, "reduced_fen": 0, "paid_fen": 10000, "owed_fen": 9110, "prepaid_fen": 0}
    values.update(changes)
    return Account(7, "3-2-501", "王玥、李喆", lines=(), **values)  # type: ignore[arg-type]


def test_money_is_shown_as_yuan_with_two_decimals() -> None:
    assert present.money(123456) == "¥1,234.56"
    assert present.money(0) == "¥0.00"
    assert present.money(-5) == "¥-0.05"
    assert present.money_cell(0) == "" and present.money_cell(5370) == "53.70"
    assert present.amount_text(123456) == "1234.56"  # no thousands separator to type around
    assert present.amount_text(0) == ""


def test_typed_amounts_are_read_as_the_service_reads_them() -> None:
    assert present.typed_fen("1,234.5") == 123450
    assert present.typed_fen("¥360") == 36000
    for refused in ("1.234", "0", "-1", "abc", ""):
        assert present.typed_fen(refused) is None


def test_each_method_names_its_key() -> None:
    assert present.method_text(PaymentMethod.CASH) == "Cash (F1)"
    assert present.method_text(PaymentMethod.ALIPAY) == "Alipay (F4)"
    assert sorted(present.METHOD_KEYS.values()) == ["F1", "F2", "F3", "F4"]


def test_the_receipt_layout_setting_falls_back_to_a5() -> None:
    assert present.stored_layout("a4x2") is ReceiptLayout.TWO_PER_A4
    assert present.stored_layout(None) is ReceiptLayout.A5
    assert present.stored_layout("letter") is ReceiptLayout.A5
    assert present.layout_text(ReceiptLayout.A5) != present.layout_text(ReceiptLayout.TWO_PER_A4)


def test_the_hint_says_what_the_amount_does_with_the_ticked_lines() -> None:
    assert present.amount_hint(None, 19110, 6) == ""
    assert present.amount_hint(19110, 19110, 6) == ""
    assert present.amount_hint(20000, 19110, 6) == "¥8.90 more than the ticked lines: kept as prepayment."
    assert (
        present.amount_hint(10000, 19110, 6)
        == "Pays the oldest ticked lines first; ¥91.10 of them stays owed."
    )
    assert present.amount_hint(5000, 0, 0) == "No line is ticked: the whole amount is kept as prepayment."


def test_the_caption_counts_the_ticked_lines() -> None:
    assert present.ticked_text(6, 6) == "Due, all 6 open lines"
    assert present.ticked_text(5, 6) == "Due, 5 of 6 open lines ticked"
    assert present.ticked_text(0, 0) == "Nothing due"


def test_open_lines_are_those_owing_oldest_first_in_item_order() -> None:
    lines = [
        line("垃圾清运费", Month(2025, 2), 1000, position=1),
        line("物业费", Month(2025, 2), 5370, position=0),
        line("物业费", Month(2025, 1), 5370, paid=5370),
        line("物业费", Month(2025, 3), 5370, reduced=5370),
    ]
    assert [(x.item, x.month) for x in present.open_lines(lines)] == [
        ("物业费", Month(2025, 2)),
        ("垃圾清运费", Month(2025, 2)),
    ]


def test_the_confirmation_names_receipt_amount_capitals_and_prepayment() -> None:
    result = PaymentResult(
        "2026-000012", 40, 20000, "人民币贰佰元整", (AppliedLine("物业费", Month(2025, 1), 19110),), 890, 890
    )
    text = present.confirmation_html(result, "3-2-501", "王玥")
    assert "Receipt 2026-000012: ¥200.00 received for room 3-2-501 from 王玥" in text
    assert "人民币贰佰元整" in text
    assert "¥8.90 kept as prepayment." in text and "Prepaid now: ¥8.90." in text
    assert "<script>" not in present.confirmation_html(result, "3-2-501", "<script>")


def test_the_room_heading_escapes_and_may_leave_out_the_area() -> None:
    assert "89.50 m²" in present.room_heading_html("3-2-501", "王玥", 8950)
    assert "m²" not in present.room_heading_html("3-2-501", "王玥", None)
    assert "&lt;b&gt;" in present.room_heading_html("3-2-501", "<b>", 8950)
    assert "no owner recorded" in present.room_heading_html("3-2-501", "", 8950)


def test_a_room_owing_nothing_says_what_a_payment_does() -> None:
    assert present.nothing_owed_text("1-1-101", 0) == (
        "Room 1-1-101 owes nothing. A payment now is kept as prepayment for later bills."
    )
    assert present.nothing_owed_text("1-1-101", 2000).endswith("It already holds ¥20.00 in advance.")


def test_receipts_go_in_the_data_folder_by_number(tmp_path: Path) -> None:
    assert present.receipt_path(tmp_path, "2026-000001") == tmp_path / "收据" / "2026-000001.pdf"
    assert present.receipt_path(tmp_path, "2026-000001", copy=True).name == "2026-000001-补打.pdf"


def test_the_account_figures_show_what_is_owed_in_red() -> None:
    figures = present.account_figures(account())
    assert [figure.title for figure in figures] == ["Due", "Reduced", "Paid", "Owed", "Prepaid"]
    assert [figure.text for figure in figures] == ["¥191.10", "¥0.00", "¥100.00", "¥91.10", "¥0.00"]
    assert figures[3].colour == present.OWED_COLOUR and figures[4].colour == ""
    settled = present.account_figures(account(owed_fen=0, prepaid_fen=500))
    assert settled[3].colour == "" and settled[4].colour == present.PREPAID_COLOUR


def test_status_texts() -> None:
    assert present.account_status_text(None) == ""
    assert present.account_status_text(account()) == "3-2-501: owes ¥91.10 · prepaid ¥0.00"
    assert present.collect_status_text(None, 0) == ""
    assert present.collect_status_text("3-2-501", 19110) == "3-2-501 owes ¥191.10"


def test_the_reduction_says_what_it_took_off_and_what_it_left_out() -> None:
    result = ReductionResult(5370, ((Month(2025, 2), 2685), (Month(2025, 3), 2685)), (Month(2025, 1),))
    assert present.reduction_text(result) == (
        "Reduced ¥53.70 in all, over 2 month(s). Not reduced (not billed, or paid in full): 2025-01."
    )
    assert present.reduction_text(ReductionResult(500, ((Month(2025, 1), 500),), ())) == (
        "Reduced ¥5.00 in all, over 1 month(s)."
    )


def test_the_reduce_dialog_proposes_the_months_an_item_still_owes() -> None:
    lines = [
        line("物业费", Month(2025, 1), 5370, paid=5370),
        line("物业费", Month(2025, 2), 5370),
        line("物业费", Month(2025, 3), 5370),
        line("垃圾清运费", Month(2025, 1), 1000, paid=1000),
    ]
    assert present.item_months(lines, "物业费") == (Month(2025, 2), Month(2025, 3))
    assert present.item_months(lines, "垃圾清运费") == (
        Month(2025, 1),
        Month(2025, 1),
    )  # all paid: every month
    assert present.item_months(lines, "车位管理费") is None


def test_the_room_list_says_why_it_is_empty() -> None:
    assert present.empty_picker_text(0, "") == "No rooms yet: add them on the Households tab."
    assert "“zz”" in present.empty_picker_text(10, "zz")
    assert present.empty_picker_text(10, "") == ""


@pytest.mark.parametrize(
    ("owed", "prepaid", "expected", "red"),
    [
        (19110, 0, "Owes ¥191.10", True),
        (0, 1200, "Prepaid ¥12.00", False),
        (500, 1200, "Owes ¥5.00</b> / Prepaid ¥12.00", True),
        (0, 0, "Nothing owed", False),
    ],
)
def test_the_households_panel_shows_the_balance_with_a_link(
    owed: int, prepaid: int, expected: str, red: bool
) -> None:
    text = panel.balance_html(owed, prepaid)
    assert expected in text
    assert (present.OWED_COLOUR in text) is red
    assert f"href='{panel.ACCOUNT_LINK}'" in text and "View account" in text
