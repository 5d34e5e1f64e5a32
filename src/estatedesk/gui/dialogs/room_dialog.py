"""Add or edit a room, its owners, residents, flags and parking, with inline validation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from estatedesk.domain.dates import parse_date
from estatedesk.domain.errors import InputRejected, ValidationError
from estatedesk.domain.households import (
    Flag,
    Occupancy,
    ResidentRole,
    RoomUse,
    normalized_room_code,
    split_list,
)
from estatedesk.gui import labels
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.loader import find
from estatedesk.services.households import (
    PersonInput,
    ResidentInput,
    RoomDetail,
    RoomInput,
    check_room,
    code_clash,
)

# Each person has a mobile and a landline; cells are found by these names, not by position.
OWNER_COLUMNS = ("name", "phone", "landline", "id_number")
RESIDENT_COLUMNS = ("name", "phone", "landline", "role", "lease_from", "lease_to")
_OWNER = {name: column for column, name in enumerate(OWNER_COLUMNS)}
_RESIDENT = {name: column for column, name in enumerate(RESIDENT_COLUMNS)}
SCALAR_FIELDS = ("building", "unit", "number", "area", "parking")

# The service call: the room, and the keys of the cautions the clerk has confirmed.
SaveFunction = Callable[[RoomInput, frozenset[str]], Any]


class RoomDialog(FormDialog):
    """The room dialog; ``save`` is the service call, run when the clerk presses Save."""

    ui_file = "room_dialog.ui"

    def __init__(self, parent: QWidget | None, save: SaveFunction, detail: RoomDetail | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._room_id = detail.id if detail else None
        ui = self.dialog
        self.edits = {name: find(ui, QLineEdit, f"{name}Edit") for name in SCALAR_FIELDS}
        self.errors = {name: find(ui, QLabel, f"{name}Error") for name in SCALAR_FIELDS}
        self.use = find(ui, QComboBox, "useCombo")
        self.state = find(ui, QComboBox, "stateCombo")
        self.flag_checks = {
            Flag.HARDSHIP: find(ui, QCheckBox, "hardshipCheck"),
            Flag.ELDERLY_ALONE: find(ui, QCheckBox, "elderlyCheck"),
            Flag.DISABLED: find(ui, QCheckBox, "disabledCheck"),
            Flag.DEVELOPER: find(ui, QCheckBox, "developerCheck"),
        }
        self.note = find(ui, QPlainTextEdit, "noteEdit")
        self.owners = find(ui, QTableWidget, "ownersTable")
        self.residents = find(ui, QTableWidget, "residentsTable")
        self.owners_error = find(ui, QLabel, "ownersError")
        self.residents_error = find(ui, QLabel, "residentsError")
        for name in SCALAR_FIELDS:
            self.bind_field(name, self.edits[name], self.errors[name])
        for name, widget in (("use", self.use), ("occupancy", self.state), ("note", self.note)):
            self.bind_field(name, widget)  # the services seldom refuse these: a red frame and tooltip
        self.bind_table("owners", self.owners, OWNER_COLUMNS, self.owners_error, self.tr("Owner"))
        self.bind_table(
            "residents", self.residents, RESIDENT_COLUMNS, self.residents_error, self.tr("Resident")
        )
        for use in RoomUse:
            self.use.addItem(labels.room_use(use), use.value)
        for state in Occupancy:
            self.state.addItem(labels.occupancy(state), state.value)
        for table in (self.owners, self.residents):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().setVisible(True)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        find(ui, QPushButton, "addOwnerButton").clicked.connect(lambda: self.add_owner(PersonInput("")))
        find(ui, QPushButton, "removeOwnerButton").clicked.connect(lambda: self._remove_row(self.owners))
        find(ui, QPushButton, "addResidentButton").clicked.connect(
            lambda: self.add_resident(ResidentInput("", role=ResidentRole.FAMILY))
        )
        find(ui, QPushButton, "removeResidentButton").clicked.connect(
            lambda: self._remove_row(self.residents)
        )
        if detail is None:
            ui.setWindowTitle(self.tr("Add room"))
            self.add_owner(PersonInput(""))
        else:
            ui.setWindowTitle(self.tr("Edit room {code}").format(code=detail.code))
            self.fill(detail.as_input())

    # ------------------------------------------------------------ filling and reading

    def fill(self, data: RoomInput) -> None:
        """Show an existing room's values."""
        self.edits["building"].setText(data.building)
        self.edits["unit"].setText(data.unit)
        self.edits["number"].setText(data.number)
        self.edits["area"].setText(data.area)
        self.edits["parking"].setText(", ".join(data.parking))
        self.use.setCurrentIndex(self.use.findData(RoomUse(data.use).value))
        self.state.setCurrentIndex(self.state.findData(Occupancy(data.occupancy).value))
        for flag, check in self.flag_checks.items():
            check.setChecked(flag in data.flags)
        self.note.setPlainText(data.note)
        for owner in data.owners:
            self.add_owner(owner)
        for resident in data.residents:
            self.add_resident(resident)

    def add_owner(self, owner: PersonInput) -> None:
        """Append a line for a (co-)owner."""
        row = self.owners.rowCount()
        self.owners.insertRow(row)
        for name in OWNER_COLUMNS:
            self.owners.setItem(row, _OWNER[name], QTableWidgetItem(getattr(owner, name)))

    def add_resident(self, resident: ResidentInput) -> None:
        """Append a line for a family member or tenant."""
        row = self.residents.rowCount()
        self.residents.insertRow(row)
        for name in ("name", "phone", "landline"):
            self.residents.setItem(row, _RESIDENT[name], QTableWidgetItem(getattr(resident, name)))
        role = QComboBox()
        for value in ResidentRole:
            role.addItem(labels.resident_role(value), value.value)
        role.setCurrentIndex(role.findData(ResidentRole(resident.role).value))
        self.residents.setCellWidget(row, _RESIDENT["role"], role)
        for name, day in (("lease_from", resident.lease_from), ("lease_to", resident.lease_to)):
            self.residents.setItem(row, _RESIDENT[name], QTableWidgetItem(day.isoformat() if day else ""))

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row < 0:
            row = table.rowCount() - 1
        if row >= 0:
            table.removeRow(row)
            self.revalidate()

    @staticmethod
    def _cell(table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text().strip() if item is not None else ""

    def read(self) -> tuple[RoomInput, list[ValidationError]]:
        """The values typed, and the dates that could not be read."""
        errors: list[ValidationError] = []
        owners = []
        for row in range(self.owners.rowCount()):
            cells = {name: self._cell(self.owners, row, column) for name, column in _OWNER.items()}
            if any(cells.values()):
                owners.append(PersonInput(**cells))
        residents = []
        for row in range(self.residents.rowCount()):
            texts = {
                name: self._cell(self.residents, row, _RESIDENT[name])
                for name in ("name", "phone", "landline", "lease_from", "lease_to")
            }
            if not any(texts.values()):
                continue
            dates = []
            for name in ("lease_from", "lease_to"):
                try:
                    dates.append(parse_date(texts[name], f"residents[{row}].{name}"))
                except ValidationError as error:
                    errors.append(error)
                    dates.append(None)
            combo = self.residents.cellWidget(row, _RESIDENT["role"])
            role = ResidentRole(combo.currentData()) if isinstance(combo, QComboBox) else ResidentRole.TENANT
            residents.append(
                ResidentInput(
                    texts["name"], texts["phone"], "", role, dates[0], dates[1], landline=texts["landline"]
                )
            )
        data = RoomInput(
            building=self.edits["building"].text(),
            unit=self.edits["unit"].text(),
            number=self.edits["number"].text(),
            area=self.edits["area"].text(),
            use=RoomUse(self.use.currentData()),
            occupancy=Occupancy(self.state.currentData()),
            flags=frozenset(flag for flag, check in self.flag_checks.items() if check.isChecked()),
            note=self.note.toPlainText(),
            owners=owners,
            residents=residents,
            parking=split_list(self.edits["parking"].text(), at_spaces=True),  # codes hold no spaces
        )
        return data, errors

    # ------------------------------------------------------------ validation

    def validate(self) -> list[ValidationError]:
        """Check the values as the service will, plus a clash with another room's code."""
        data, errors = self.read()
        try:
            check_room(data)
        except InputRejected as rejected:
            errors.extend(rejected.errors)
        # The code the service will save (3号楼, 2单元, 502室 is 3-2-502), so an existing room is found.
        code = normalized_room_code(data.building, data.unit, data.number)
        if code and not any(error.field == "number" for error in errors):
            clash = code_clash(code, self._room_id)
            if clash is not None:
                errors.append(clash)
        return errors

    # ------------------------------------------------------------ saving

    def submit(self) -> Any:
        """Save through the service (a refusal keeps the dialog open, with the reasons shown)."""
        data, _ = self.read()
        return self._save(data, frozenset(self.confirmed))
