"""An area to keep clean: add a common area (roads and squares, a garbage point…), or rename one.

Stairwells come from the households file: they are renamed here, never added.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from estatedesk.domain.cleaning import AreaKind
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import cleaning as present
from estatedesk.services import cleaning
from estatedesk.services.cleaning import AreaView


class CleaningAreaDialog(FormDialog):
    """A common area's kind, name and note, or an area's new name; ``result`` is its id once saved."""

    ui_file = "cleaning_area_dialog.ui"

    def __init__(self, parent: QWidget | None, area: AreaView | None = None) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.area = area
        self.kind = find(ui, QComboBox, "kindCombo")
        self.name = find(ui, QLineEdit, "nameEdit")
        self.note = find(ui, QPlainTextEdit, "noteEdit")
        kinds = present.COMMON_KINDS if area is None else (area.kind,)
        for kind in kinds:
            self.kind.addItem(present.area_kind_text(kind), kind.value)
        for name, widget, label in (
            ("kind", self.kind, "kindError"),
            ("name", self.name, "nameError"),
            ("note", self.note, "noteError"),
        ):
            self.bind_field(name, widget, find(ui, QLabel, label))
        self.note.textChanged.connect(lambda: self.revalidate("note"))
        self.kind.currentIndexChanged.connect(lambda _index: self._hint_name())
        if area is None:
            self._hint_name()
        else:
            ui.setWindowTitle(self.tr("Rename {name}").format(name=area.name))
            self.kind.setEnabled(False)  # a stairwell stays one; a common area's kind is what it was added as
            self.name.setText(area.name)
            self.note.setPlainText(area.note)

    def chosen_kind(self) -> AreaKind:
        """The kind of area chosen."""
        return AreaKind(self.kind.currentData())

    def _hint_name(self) -> None:
        self.name.setPlaceholderText(present.area_name_hint(self.chosen_kind()))

    def submit(self) -> int:
        """Add the common area, or rename the area."""
        if self.area is None:
            return cleaning.add_area(self.chosen_kind(), self.name.text(), self.note.toPlainText())
        cleaning.rename_area(self.area.area_id, self.name.text(), self.note.toPlainText())
        return self.area.area_id
