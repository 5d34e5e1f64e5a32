"""The collection rate page (gui/tabs/fee_pages/rate.py): totals, chart and table, by month or building."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from estatedesk.domain.fees import Month
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.gui.tabs.fee_pages.rate import RatePage
from helpers.fee_overview_estate import FIRST, LAST, Ledger, ledger_fixture  # noqa: F401 - the fixture


def rate_of(ledger: Ledger, qtbot: QtBot, first: Month = FIRST, last: Month = LAST) -> RatePage:
    page = ledger.page(RatePage)
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    page.months.first.setText(str(first))
    page.months.last.setText(str(last))
    page.months.first.textEdited.emit(str(first))
    page.show_button.click()
    qtbot.waitUntil(lambda: page.task is None and page.rate is not None and page.rate.first == first)
    return page


def table(page: RatePage) -> list[list[str]]:
    return [
        [page.model.index(row, column).data() for column in range(page.model.columnCount())]
        for row in range(page.model.rowCount())
    ]


def test_the_period_starts_with_this_year(ledger: Ledger, qtbot: QtBot) -> None:
    page = ledger.page(RatePage)
    qtbot.waitUntil(lambda: page.rate is not None, timeout=20_000)
    today = date.today()
    assert page.months.first.text() == f"{today.year}-01"
    assert page.months.last.text() == f"{today.year}-{today.month:02d}"


def test_the_totals_of_the_period(ledger: Ledger, qtbot: QtBot) -> None:
    page = rate_of(ledger, qtbot)
    figures = [figure.text() for _name, figure in page.totals]
    assert figures == ["¥522.00", "¥266.00", "50.96%", "3", "1", "33.33%"]
    assert page.status_text() == present.rate_status(page.rate)  # type: ignore[arg-type]
    assert "50.96%" in page.status_text()


def test_by_month_the_chart_gets_a_point_per_month(ledger: Ledger, qtbot: QtBot) -> None:
    page = rate_of(ledger, qtbot)
    assert page.by_month.isChecked()
    assert page.chart.x_axis.categories() == ["2025-01", "2025-02", "2025-03"]
    assert page.points[0].money_rate == Fraction(104, 174)
    assert [page.points[i].household_rate for i in range(3)] == [
        Fraction(2, 3),
        Fraction(2, 3),
        Fraction(1, 3),
    ]
    money = [page.chart.money.at(i) for i in range(page.chart.money.count())]
    assert money == [pytest.approx(100 * 104 / 174), pytest.approx(100 * 104 / 174), pytest.approx(100 / 3)]
    assert page.chart.chart.title() == present.rate_title(page.rate, False)  # type: ignore[arg-type]
    assert table(page) == [
        ["2025-01", "174.00", "104.00", "59.77%", "3", "2", "66.67%"],
        ["2025-02", "174.00", "104.00", "59.77%", "3", "2", "66.67%"],
        ["2025-03", "174.00", "58.00", "33.33%", "3", "1", "33.33%"],
    ]
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == page.tr("Month")


def test_by_building_the_chart_and_table_switch(ledger: Ledger, qtbot: QtBot) -> None:
    page = rate_of(ledger, qtbot)
    page.show_by(True)
    assert page.chart.x_axis.categories() == ["1号楼", "2号楼"]
    assert [point.money_rate for point in page.points] == [Fraction(174, 384), Fraction(92, 138)]
    assert table(page) == [
        ["1号楼", "384.00", "174.00", "45.31%", "2", "1", "50.00%"],
        ["2号楼", "138.00", "92.00", "66.67%", "1", "0", "0.00%"],
    ]
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == page.tr("Building")
    page.show_by(False)
    assert page.chart.x_axis.categories() == ["2025-01", "2025-02", "2025-03"]


def test_a_period_with_nothing_billed_says_so(ledger: Ledger, qtbot: QtBot) -> None:
    page = rate_of(ledger, qtbot, Month(2024, 1), Month(2024, 12))
    assert [figure.text() for _name, figure in page.totals][2] == present.NONE
    assert page.model.rowCount() == 0 and page.list_note.text()
    assert not page.chart.note.isHidden()


def test_a_bad_month_is_refused_next_to_its_field_and_nothing_is_read(ledger: Ledger, qtbot: QtBot) -> None:
    page = rate_of(ledger, qtbot)
    page.months.last.setText("2025-13")
    page.show_button.click()
    assert page.task is None and page.rate is not None and page.rate.last == LAST  # still the last figures
    error = page.findChild(type(page.totals[0][0]), "toError")
    assert error is not None and not error.isHidden() and "2025-13" in error.text()
