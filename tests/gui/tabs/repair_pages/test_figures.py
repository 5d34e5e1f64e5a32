"""The monthly figures page (月度统计): a constructed month's rates against targets, the chart, the report."""

from __future__ import annotations

import time
from datetime import datetime
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from estatedesk.domain.repairs import LimitKind, OrderKind
from estatedesk.gui.dialogs.repair_settings_dialog import FINISH, FINISH_KIND, NAME, RepairSettingsDialog
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import repair_register as present
from estatedesk.gui.presenters.repairs import kind_text
from estatedesk.gui.tabs.repair_pages.figures import FiguresPage, read_month
from estatedesk.gui.widgets.repair_chart import TARGET_PERCENT, count_ceiling, rate_floor
from estatedesk.services import repairs
from estatedesk.services.repairs import OrderInput
from helpers.repair_register_estate import MONTH, NOW, Desk, desk_fixture  # noqa: F401 - the fixture


def figures_of(desk: Desk, qtbot: QtBot) -> FiguresPage:
    page = desk.page(FiguresPage)
    qtbot.waitUntil(lambda: page.task is None and page.figures is not None, timeout=20_000)
    return page


def shown(page: FiguresPage) -> dict[str, tuple[str, str]]:
    """Each figure's value and mark, by its name."""
    return {box.name.text(): (box.value.text(), box.mark.text()) for box in page.boxes}


def test_the_constructed_month_shows_percents_marked_against_their_targets(desk: Desk, qtbot: QtBot) -> None:
    page = figures_of(desk, qtbot)
    assert page.chosen_month() == MONTH and page.month_combo.count() == 1
    off, on = translate("repair_register", "✗ off target"), translate("repair_register", "✓ on target")
    figures = shown(page)
    tr = lambda text: translate("repair_register", text)  # noqa: E731
    assert figures[tr("Orders")] == ("4", "")
    assert figures[tr("On time")] == ("75.00%", off)
    assert figures[tr("Return visits")] == ("50.00%", on)
    assert figures[tr("Satisfaction")] == ("50.00%", "")
    assert figures[tr("Rework")] == ("25.00%", off)
    hours = (Fraction(6) + 6 + Fraction(5, 6) + 26) / 4
    assert figures[tr("Average time to done")] == (present.hours_text(hours), "")
    on_time_box = page.boxes[1]
    assert present.RED in on_time_box.value.styleSheet() and present.RED in on_time_box.mark.styleSheet()
    assert on_time_box.target.text() == present.target_text("≥", Fraction(99, 100))
    assert "3" in on_time_box.detail.text() and "4" in on_time_box.detail.text()
    assert present.GREEN in page.boxes[2].mark.styleSheet()
    assert page.status_text() == present.figures_status(page.figures)


def test_the_month_by_category_and_by_kind(desk: Desk, qtbot: QtBot) -> None:
    page = figures_of(desk, qtbot)
    names = desk.tab.category_names
    lines = [(line.name, line.count, line.share) for line in page.category_model.shown_rows()]
    assert sorted(lines) == sorted(
        [(names[key], 1, "25.00%") for key in ("water", "in-home", "enquiry", "common-part")]
    )
    kinds = [(line.name, line.count) for line in page.kind_model.shown_rows()]
    assert kinds == [(kind_text(OrderKind.REPAIR), 3), (kind_text(OrderKind.ENQUIRY), 1)]
    assert page.category_note.isHidden()


def test_the_chart_shows_twelve_months_against_the_target(desk: Desk, qtbot: QtBot) -> None:
    page = figures_of(desk, qtbot)
    chart = page.chart
    assert chart.rate_axis_x.categories() == present.chart_months(MONTH)
    assert chart.rate_axis_x.categories()[0] == "2025-10" and chart.rate_axis_x.categories()[-1] == MONTH
    dots = [(point.x(), point.y()) for point in chart.rate_points.points()]
    assert dots == [(11.0, 75.0)]  # only September had orders
    assert [point.y() for point in chart.target.points()] == [TARGET_PERCENT, TARGET_PERCENT]
    assert chart.rate_axis_y.min() <= 75 and chart.rate_axis_y.max() == 100
    assert chart.rate_chart.title() == present.chart_title(present.chart_months(MONTH), True)
    page.show_by_category(True)
    assert chart.stack.currentWidget() is chart.count_view
    labels = {bar_set.label(): [bar_set.at(i) for i in range(12)] for bar_set in chart.bars.barSets()}
    assert set(labels) == {
        desk.tab.category_names[key] for key in ("water", "in-home", "enquiry", "common-part")
    }
    assert all(values[-1] == 1 and sum(values) == 1 for values in labels.values())
    assert chart.count_chart.title() == present.chart_title(present.chart_months(MONTH), False)
    assert chart.note.isHidden()


def test_another_month_is_chosen_and_the_chart_runs_to_it(desk: Desk, qtbot: QtBot) -> None:
    repairs.add_order(OrderInput("2026-10-08 09:00", "water", "水管爆裂", room="3-2-501"))
    page = figures_of(desk, qtbot)
    page.read()
    qtbot.waitUntil(
        lambda: page.task is None and page.figures is not None and page.figures.month == "2026-10"
    )
    assert page.chosen_month() == "2026-10"  # the latest by default
    assert shown(page)[translate("repair_register", "On time")][0] == "0.00%"  # overdue at NOW
    page.month_combo.setCurrentIndex(1)
    page.month_combo.activated.emit(1)
    qtbot.waitUntil(lambda: page.task is None and page.figures is not None and page.figures.month == MONTH)
    assert page.chart.rate_axis_x.categories()[-1] == MONTH
    page.read()  # a re-read keeps the month chosen
    qtbot.waitUntil(lambda: page.task is None)
    assert page.chosen_month() == MONTH


def test_an_estate_without_orders_shows_dashes_and_says_why(
    desk: Desk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repairs, "months_with_orders", lambda: [])
    page = desk.page(FiguresPage)
    page.read()
    qtbot.waitUntil(lambda: page.task is None)  # a read begun before is let finish, its figures dropped
    assert page.figures is None
    assert {box.value.text() for box in page.boxes} == {"—"}
    assert not page.category_note.isHidden() and page.category_note.text()
    assert not page.chart.note.isHidden()
    assert not page.print_button.isEnabled()


def test_a_month_and_its_chart_are_read_quickly(desk: Desk) -> None:
    started = time.perf_counter()
    reading = read_month(MONTH, {MONTH}, NOW)
    assert reading.figures.orders == 4 and len(reading.points) == 12
    assert time.perf_counter() - started < 2  # generous: the bench measures the big estate


def test_the_monthly_report_is_printed_to_a_pdf(
    desk: Desk, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: object
) -> None:
    pytest.importorskip("estatedesk.services.repairs.documents")
    page = figures_of(desk, qtbot)
    asked: list[Path] = []
    target = tmp_path / "报修月报"

    def choose(
        _parent: object, _purpose: str, _title: str, suggested: Path, _filter: str
    ) -> tuple[Path, str]:
        asked.append(suggested)
        return target, "PDF document (*.pdf)"

    monkeypatch.setattr("estatedesk.gui.worker.choose_save_file", choose)
    page.print_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert asked[0].name == f"报修月报 {MONTH}.pdf"
    written = target.with_name("报修月报.pdf")
    assert written.read_bytes().startswith(b"%PDF")
    assert any(str(written) in text for text in boxes.texts())  # type: ignore[attr-defined]


def test_the_chart_axes_start_low_enough_and_end_round() -> None:
    assert rate_floor([Fraction(995, 1000), None]) == (90, 6)  # 90%–100%, by 2 points
    assert rate_floor([Fraction(3, 4)]) == (70, 4)
    assert rate_floor([Fraction(0)]) == (0, 6)
    assert rate_floor([None]) == (90, 6)
    assert count_ceiling(0) == (1, 2)
    assert count_ceiling(37) == (40, 5)
    assert count_ceiling(480) == (500, 6)


def test_the_settings_button_opens_the_limits_and_a_new_category_is_named_on_the_tab(
    desk: Desk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = figures_of(desk, qtbot)

    def add_lift(dialog: RepairSettingsDialog) -> bool:
        row = dialog.add_category()
        dialog.cell(row, NAME).setText("电梯")
        dialog.set_kind(row, FINISH_KIND, LimitKind.MINUTES)
        dialog.cell(row, FINISH).setText("60")
        dialog.accept()
        return bool(dialog.dialog.result())

    monkeypatch.setattr(RepairSettingsDialog, "exec", add_lift)
    assert page.settings_button.isEnabled()
    page.settings_button.click()
    assert desk.tab.category_names["dianti"] == "电梯"
    qtbot.waitUntil(lambda: page.task is None)


# ---------------------------------------------------------------- the clerk's review


def test_in_a_month_s_first_week_the_page_opens_on_the_month_before(desk: Desk, qtbot: QtBot) -> None:
    desk.tab.clock = lambda: datetime(2026, 10, 1, 9, 0)  # an order or two, nothing judged yet
    repairs.add_order(OrderInput("2026-10-01 08:30", "water", "水管爆裂", room="3-2-501"))
    page = figures_of(desk, qtbot)
    assert [page.month_combo.itemData(index) for index in range(page.month_combo.count())] == [
        "2026-10",
        MONTH,
    ]
    assert page.chosen_month() == MONTH  # whole, and judged
    page.month_combo.setCurrentIndex(0)
    page.month_combo.activated.emit(0)
    qtbot.waitUntil(lambda: page.task is None)
    page.read()  # the clerk's choice is kept when the page reads again
    assert page.chosen_month() == "2026-10"


def test_switching_the_chart_does_not_move_the_page(desk: Desk, qtbot: QtBot) -> None:
    desk.window.resize(1280, 800)
    page = figures_of(desk, qtbot)
    rule = find(page.form, QLabel, "ruleLabel")
    splitter = page.splitter
    qtbot.waitUntil(lambda: rule.height() > 0)
    before = splitter.geometry()
    # The rule's line takes its text's height: no blank band above and below it.
    assert rule.height() <= rule.heightForWidth(rule.width()) + 2
    page.show_by_category(True)
    QApplication.processEvents()
    assert splitter.geometry() == before
    page.show_by_category(False)
    QApplication.processEvents()
    assert splitter.geometry() == before
