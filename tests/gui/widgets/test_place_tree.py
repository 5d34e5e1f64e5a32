"""The place tree (gui/widgets/place_tree.py): pick the whole estate, a building or a unit."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QTreeView

from estatedesk.gui.widgets.place_tree import PlaceTree

TREE = [("1", ["1", "2"]), ("2", []), ("10", ["1"])]


def picked_signals(places: PlaceTree) -> list[tuple[str | None, str | None]]:
    seen: list[tuple[str | None, str | None]] = []
    places.place_changed.connect(lambda building, unit: seen.append((building, unit)))
    return seen


def test_the_tree_lists_the_estate_its_buildings_and_their_units(app: QApplication) -> None:
    places = PlaceTree(QTreeView())
    places.fill(TREE)
    root = places.model.item(0)
    assert root.text() == "全部楼栋"
    assert [root.child(i).text() for i in range(root.rowCount())] == ["1号楼", "2号楼", "10号楼"]
    assert [root.child(0).child(i).text() for i in range(2)] == ["1单元", "2单元"]
    assert places.place() is None  # the whole estate to begin with


def test_picking_a_place_says_which_and_a_refill_keeps_it(app: QApplication) -> None:
    places = PlaceTree(QTreeView())
    places.fill(TREE)
    seen = picked_signals(places)
    unit = places.model.item(0).child(0).child(1)
    places.view.setCurrentIndex(unit.index())
    assert seen[-1] == ("1", "2") and places.place() == ("1", "2")
    places.fill(TREE)  # e.g. after a reload: the clerk's choice stays
    assert places.place() == ("1", "2")
    places.fill([("2", [])])  # that unit is gone: back to the whole estate
    assert places.place() is None and seen[-1] == (None, None)
