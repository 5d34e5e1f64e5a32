"""Add a building: every room of it at once, with a preview of the codes (new-estate set-up)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from estatedesk.domain.errors import InputRejected, ValidationError
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.loader import find
from estatedesk.services.households.layout import LayoutInput, LayoutPlan, create_layout, plan_layout

EXISTING = QBrush(QColor("#999999"))


class LayoutDialog(FormDialog):
    """Building, units, floors, rooms per floor and one area; the preview shows what OK makes.

    ``result`` is the list of the new rooms' ids once the clerk has pressed OK.
    """

    ui_file = "layout_dialog.ui"

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.building = find(ui, QLineEdit, "buildingEdit")
        self.units = find(ui, QSpinBox, "unitsSpin")
        self.floors = find(ui, QSpinBox, "floorsSpin")
        self.per_floor = find(ui, QSpinBox, "perFloorSpin")
        self.area = find(ui, QLineEdit, "areaEdit")
        self.preview = find(ui, QTableWidget, "previewTable")
        self.summary = find(ui, QLabel, "summaryLabel")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.bind_field("building", self.building, find(ui, QLabel, "buildingError"))
        self.bind_field("area", self.area, find(ui, QLabel, "areaError"))
        for name, spin in (
            ("units", self.units),
            ("floors", self.floors),
            ("rooms_per_floor", self.per_floor),
        ):
            self.bind_field(name, spin)
            spin.valueChanged.connect(lambda _value: self.refresh())
        self.building.textChanged.connect(lambda _text: self.refresh())
        self.area.textChanged.connect(lambda _text: self.refresh())
        self.preview.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.preview.verticalHeader().setDefaultSectionSize(22)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.plan: LayoutPlan | None = None
        self.refresh()

    def read(self) -> LayoutInput:
        """What the clerk has typed and chosen."""
        return LayoutInput(
            self.building.text(),
            str(self.units.value()),
            str(self.floors.value()),
            str(self.per_floor.value()),
            self.area.text(),
        )

    def validate(self) -> list[ValidationError]:
        """Check as the service will."""
        try:
            plan_layout(self.read())
        except InputRejected as rejected:
            return list(rejected.errors)
        return []

    def submit(self) -> list[int]:
        """Create the rooms (a refusal keeps the dialog open, with the reasons by the fields)."""
        return create_layout(self.read())

    # ------------------------------------------------------------ the preview

    def refresh(self) -> None:
        """Show the rooms the current values make, floor by floor, top floor first."""
        self.revalidate()
        data = self.read()
        data.area = "1"  # the codes do not depend on the area: preview them before it is right
        try:
            self.plan = plan_layout(data) if data.building.strip() else None
        except InputRejected:
            self.plan = None
        self._fill(self.plan)

    def _fill(self, plan: LayoutPlan | None) -> None:
        table = self.preview
        table.clear()
        if plan is None:
            table.setRowCount(0)
            table.setColumnCount(0)
            self.summary.setText(
                self.tr("Type the building's name to see its rooms.")
                if not self.building.text().strip()
                else self.tr("Correct the building's name to see its rooms.")
            )
            self.ok_button.setEnabled(False)
            return
        units = plan.units or ("",)
        columns = [(unit, position) for unit in units for position in range(1, plan.rooms_per_floor + 1)]
        table.setRowCount(plan.floors)
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels(
            [
                self.tr("Unit {unit}, room {n}").format(unit=unit, n=position)
                if unit
                else self.tr("Room {n}").format(n=position)
                for unit, position in columns
            ]
        )
        table.setVerticalHeaderLabels(
            [self.tr("Floor {n}").format(n=floor) for floor in range(plan.floors, 0, -1)]
        )
        column_of = {key: index for index, key in enumerate(columns)}
        for room in plan.rooms:
            item = QTableWidgetItem(room.code)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if room.exists:
                item.setForeground(EXISTING)
                item.setToolTip(
                    self.tr("In the archive: kept as it is")
                    if room.archived
                    else self.tr("Already in the estate: kept as it is")
                )
            position = int(room.number) % 100
            table.setItem(plan.floors - room.floor, column_of[room.unit, position], item)
        new, existing = len(plan.new), len(plan.existing)
        text = self.tr("{new} rooms will be created.").format(new=new)
        if existing:
            text += " " + self.tr("{existing} already exist and are kept as they are.").format(
                existing=existing
            )
        self.summary.setText(text)
        self.ok_button.setText(self.tr("Create {new} rooms").format(new=new))
        self.ok_button.setEnabled(new > 0)
