"""RotaGridModel (gui/models/rota_grid_model.py), tested without a view on a month of 300 tasks."""

from __future__ import annotations

import time
from datetime import date, timedelta
from fractions import Fraction

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from estatedesk.domain.rota import Why
from estatedesk.gui.models.rota_grid_model import BACKGROUND, FONT, RotaGridModel
from estatedesk.gui.presenters import cleaning_rota as present
from estatedesk.services.cleaning import CleanerView, FairnessView, RotaView, SlotView

FIRST = date(2026, 12, 1)
TASKS = 300
TEAM = tuple(
    CleanerView(number, f"保洁{number}", "", frozenset({number % 7}), 480, "") for number in range(1, 13)
)


def big_month() -> RotaView:
    """300 tasks every day of December (every tenth twice a day), one in fifty uncovered, one by hand."""
    slots = []
    for offset in range(31):
        day = FIRST + timedelta(days=offset)
        for task_id in range(1, TASKS + 1):
            for occurrence in range(1, 3 if task_id % 10 == 0 else 2):
                who = TEAM[(task_id + offset) % len(TEAM)]
                uncovered = (task_id + offset) % 50 == 0
                slots.append(
                    SlotView(
                        day,
                        task_id,
                        occurrence,
                        task_id // 8,
                        f"区域{task_id // 8}",
                        f"任务{task_id}",
                        20,
                        None if uncovered else who.cleaner_id,
                        "" if uncovered else who.name,
                        Why.NO_MINUTES_LEFT if uncovered else None,
                        manual=(task_id, offset) == (7, 3),
                    )
                )
    fairness = FairnessView(Fraction(0), Fraction(0), ())
    return RotaView("2026-12", FIRST, date(2026, 12, 31), tuple(slots), fairness, True, (), TEAM)


def test_a_month_of_300_tasks_is_a_grid_read_in_an_instant(qapp: QApplication) -> None:
    view = big_month()
    model = RotaGridModel()
    started = time.perf_counter()
    model.set_view(view, task_order=range(TASKS, 0, -1))  # listed last task first
    built = time.perf_counter() - started
    assert model.rowCount() == TASKS + TASKS // 10 and model.columnCount() == 31
    assert (model.rows[0].task_id, model.rows[0].occurrence, model.rows[1].occurrence) == (300, 1, 2)
    started = time.perf_counter()
    texts = [model.index(row, column).data() for row in range(model.rowCount()) for column in range(31)]
    painted = time.perf_counter() - started
    assert len(texts) == len(view.slots) and all(text for text in texts)
    print(
        f"set_view {built * 1000:.0f} ms, every cell's text {painted * 1000:.0f} ms"
    )  # bench figures, not asserted
    for slot in view.slots[::97]:
        assert model.slot_at(model.index_of(slot.day, slot.task_id, slot.occurrence)) == slot
    manual = model.index_of(date(2026, 12, 4), 7, 1)
    assert model.data(manual, FONT).bold() and model.slot_at(manual).manual  # type: ignore[union-attr]
    uncovered = model.index_of(date(2026, 12, 1), 50, 2)
    nobody = model.slot_at(uncovered)
    assert nobody is not None and nobody.cleaner_id is None
    assert uncovered.data() == present.cell_text(nobody)
    assert model.data(uncovered, BACKGROUND).color().name() == present.RED_BACKGROUND


def test_days_without_the_task_are_empty_and_lookups_outside_are_invalid(qapp: QApplication) -> None:
    weekly = SlotView(date(2026, 12, 7), 1, 1, 1, "一单元", "拖洗", 30, 1, "保洁1")
    view = RotaView(
        "2026-12", FIRST, date(2026, 12, 31), (weekly,), FairnessView(Fraction(0), Fraction(0), ()), False
    )
    model = RotaGridModel()
    ModelTester(None).check(model)  # type: ignore[arg-type]
    model.set_view(view)
    assert model.rowCount() == 1 and model.index(0, 0).data() is None
    assert model.index(0, 6).data() == "保洁1"
    assert model.headerData(0, Qt.Orientation.Vertical) == "一单元 · 拖洗"
    assert not model.index_of(date(2027, 1, 1), 1, 1).isValid()
    assert not model.index_of(date(2026, 12, 7), 2, 1).isValid()
    assert model.slot_at(QModelIndex()) is None
    model.set_view(None)
    assert model.rowCount() == 0 and model.columnCount() == 0
