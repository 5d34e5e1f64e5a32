"""The collection-rate chart (gui/widgets/rate_chart.py): two rates in percent against the 98% target."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication

from estatedesk.gui.widgets.rate_chart import (
    MONEY_COLOUR,
    RateChart,
    RatePoint,
    axis_labels,
    percent,
)

YEAR = [
    RatePoint(f"2027-{month:02d}", Fraction(900 + month * 7, 1000), Fraction(850 + month * 10, 1000))
    for month in range(1, 13)
]


def tr(text: str) -> str:
    return QCoreApplication.translate("RateChart", text)


@pytest.fixture
def chart(app: QApplication, qtbot: object) -> RateChart:
    widget = RateChart()
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(900, 480)
    return widget


def values(chart: RateChart) -> tuple[list[float], list[float]]:
    return (
        [chart.money.at(i) for i in range(chart.money.count())],
        [chart.households.at(i) for i in range(chart.households.count())],
    )


def test_rates_are_drawn_as_percentages_under_their_labels(chart: RateChart) -> None:
    points = [
        RatePoint("2027-01", Fraction(49, 50), Fraction(3, 4)),
        RatePoint("2027-02", Fraction(1, 3), Fraction(1)),
    ]
    chart.show_points(points, "2027 年收缴率")
    money, households = values(chart)
    assert money == [pytest.approx(98.0), pytest.approx(100 / 3)]
    assert households == [pytest.approx(75.0), pytest.approx(100.0)]
    assert chart.x_axis.categories() == ["2027-01", "2027-02"]
    assert chart.chart.title() == "2027 年收缴率"
    assert (chart.y_axis.min(), chart.y_axis.max()) == (0, 100)
    assert [chart.money.label(), chart.households.label()] == [
        tr("Collected (money)"),
        tr("Households fully paid"),
    ]


def test_a_rate_of_none_draws_no_bar_and_its_tooltip_says_nothing_was_due(chart: RateChart) -> None:
    chart.show_points(
        [RatePoint("2027-01", None, Fraction(1, 2)), RatePoint("2027-02", Fraction(9, 10), None)], "t"
    )
    money, households = values(chart)
    assert money == [0.0, pytest.approx(90.0)]  # the month keeps its place on the axis
    assert households == [pytest.approx(50.0), 0.0]
    assert chart.describe(0, chart.money) == f"2027-01\n{tr('Collected (money)')}: {tr('nothing due')}"
    assert chart.describe(1, chart.households).endswith(tr("nothing due"))
    assert chart.describe(1, chart.money).endswith(": 90.0%")


def test_money_paid_ahead_is_drawn_at_the_top_and_told_exactly(chart: RateChart) -> None:
    chart.show_points([RatePoint("2027-01", Fraction(21, 20), Fraction(1))], "t")
    assert values(chart)[0] == [100.0]
    assert chart.describe(0, chart.money).endswith(": 105.0%")


def test_the_target_line_is_dashed_at_98_percent_across_the_chart(chart: RateChart) -> None:
    chart.show_points(YEAR, "t")
    assert chart.target.name() == tr("Target 98%")
    assert chart.target.points() == [QPointF(-0.5, 98), QPointF(11.5, 98)]
    assert chart.target.pen().style() == Qt.PenStyle.DashLine
    assert chart.target in chart.chart.series() and chart.bars in chart.chart.series()


def test_legend_at_the_bottom_antialiased_in_the_application_font(
    chart: RateChart, app: QApplication
) -> None:
    chart.show_points(YEAR, "t")
    assert chart.chart.legend().alignment() == Qt.AlignmentFlag.AlignBottom
    assert chart.view.renderHints() & QPainter.RenderHint.Antialiasing
    families = app.font().families()
    for font in (chart.chart.titleFont(), chart.chart.legend().font(), chart.x_axis.labelsFont()):
        assert font.families() == families  # with the Chinese fallbacks, not the theme's Arial


def test_no_points_show_an_empty_chart_with_a_note(chart: RateChart) -> None:
    chart.show()
    assert chart.note.isVisible() and chart.note.text() == tr("No collection figures to show")
    assert values(chart) == ([], []) and chart.target.count() == 0
    chart.show_points(YEAR, "t")
    assert not chart.note.isVisible()
    chart.clear()
    assert chart.note.isVisible() and values(chart) == ([], []) and chart.x_axis.count() == 0
    assert chart.chart.title() == "" and not chart.grab().isNull()


def test_a_year_of_months_slants_its_labels(chart: RateChart) -> None:
    chart.show_points(YEAR, "t")
    assert chart.x_axis.labelsAngle() == -45
    assert chart.x_axis.categories() == [point.label for point in YEAR]  # months are never shortened


def test_forty_buildings_stand_upright_shortened_and_all_there(chart: RateChart) -> None:
    names = [f"幸福里小区东区{number}号楼" if number % 5 == 0 else f"{number}号楼" for number in range(1, 41)]
    chart.show_points([RatePoint(name, Fraction(9, 10), Fraction(4, 5)) for name in names], "按楼栋")
    chart.show()
    assert chart.x_axis.count() == 40 and chart.money.count() == 40
    assert chart.x_axis.labelsAngle() == -90
    assert chart.x_axis.categories()[4] == "幸福里小区东区…"
    assert not chart.grab().isNull()
    chart.show_points(YEAR, "t")  # and back to months
    assert chart.x_axis.count() == 12 and chart.x_axis.labelsAngle() == -45


def test_axis_labels_stay_unique_so_no_bar_loses_its_place() -> None:
    assert axis_labels(["1号楼", "1号楼"], shorten=False) == ["1号楼", "1号楼\u200b"]
    shortened = axis_labels(["幸福里小区东区1号楼", "幸福里小区东区2号楼"], shorten=True)
    assert len(set(shortened)) == 2 and all(label.startswith("幸福里小区东区…") for label in shortened)
    assert axis_labels(["2027-01"], shorten=True) == ["2027-01"]


def test_percent_keeps_none() -> None:
    assert percent(None) is None
    assert percent(Fraction(49, 50)) == 98.0


def test_a_year_renders_with_its_bars(chart: RateChart, tmp_path: Path) -> None:
    chart.show_points(YEAR, "2027 年各月收缴率（王玥 张堃 李喆）")
    chart.show()
    image = chart.grab().toImage()
    assert image.save(str(tmp_path / "rate_chart.png"))
    money_pixels = sum(
        image.pixelColor(x, y) == MONEY_COLOUR
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    )
    assert money_pixels > 100
