"""The estate's places as a tree to pick from: all buildings, each building, and its units."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView

from estatedesk.gui.icons import icon
from estatedesk.gui.presenters import common as present

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1
Place = tuple[str, str | None]  # (building, unit or None for the whole building)


class PlaceTree(QObject):
    """A building and unit filter over a QTreeView; ``place_changed`` tells the place picked.

    ``place_changed`` carries the building and unit (None for all of a building), or two Nones
    for the whole estate. Refilling the tree keeps the place picked if it still exists.
    """

    place_changed = Signal(object, object)

    def __init__(self, view: QTreeView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.model = QStandardItemModel(self)
        view.setModel(self.model)
        view.selectionModel().currentChanged.connect(self._current_changed)

    def place(self) -> Place | None:
        """The place picked: (building, unit or None), or None for the whole estate."""
        current = self.view.currentIndex()
        place: Place | None = current.data(PLACE_ROLE) if current.isValid() else None
        return place

    def fill(self, tree: Sequence[tuple[str, Sequence[str]]]) -> None:
        """Show these buildings, each with its units, in the order given."""
        picked = self.place()
        self.model.clear()
        root = QStandardItem(icon("fa5s.city"), present.all_buildings_text())
        root.setData(None, PLACE_ROLE)
        self.model.appendRow(root)
        select = root
        building_icon = icon("fa5s.building")  # one icon for all: a large estate has hundreds
        for building, units in tree:
            item = QStandardItem(building_icon, present.place_text(building))
            item.setData((building, None), PLACE_ROLE)
            root.appendRow(item)
            if picked == (building, None):
                select = item
            for unit in units:
                child = QStandardItem(present.place_text(building, unit))
                child.setData((building, unit), PLACE_ROLE)
                item.appendRow(child)
                if picked == (building, unit):
                    select = child
        self.view.expand(root.index())
        self.view.setCurrentIndex(select.index())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        place = current.data(PLACE_ROLE) if current.isValid() else None
        building, unit = place if place else (None, None)
        self.place_changed.emit(building, unit)
