"""A facility of the register (设备台账): add one, or change what the register says of it.

Its last upkeep may be entered from the paper ledger: a facility installed years ago but serviced
last month is then due from last month, not thousands of days late.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from estatedesk.domain.errors import Problems, ValidationError
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.loader import find
from estatedesk.services import repairs
from estatedesk.services.interchange.cells import parse_date_text
from estatedesk.services.repairs import FacilityInput, FacilityView


class FacilityDialog(FormDialog):
    """The facility's name, place, model, dates and upkeep cycle; ``result`` is its id once saved."""

    ui_file = "facility_dialog.ui"

    def __init__(self, parent: QWidget | None, facility: FacilityView | None = None) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.facility = facility
        self.name = find(ui, QLineEdit, "nameEdit")
        self.location = find(ui, QLineEdit, "locationEdit")
        self.model = find(ui, QLineEdit, "modelEdit")
        self.installed = find(ui, QLineEdit, "installedEdit")
        self.warranty = find(ui, QLineEdit, "warrantyEdit")
        self.upkeep = find(ui, QLineEdit, "upkeepEdit")
        self.last_upkeep = find(ui, QLineEdit, "lastUpkeepEdit")
        self.note = find(ui, QPlainTextEdit, "noteEdit")
        # The field names are those of FacilityInput, which the service's refusals name.
        for name, widget, label in (
            ("name", self.name, "nameError"),
            ("location", self.location, "locationError"),
            ("model", self.model, "modelError"),
            ("installed_on", self.installed, "installedError"),
            ("warranty_until", self.warranty, "warrantyError"),
            ("upkeep_months", self.upkeep, "upkeepError"),
            ("last_upkeep_on", self.last_upkeep, "lastUpkeepError"),
            ("note", self.note, "noteError"),
        ):
            self.bind_field(name, widget, find(ui, QLabel, label))
        self.note.textChanged.connect(lambda: self.revalidate("note"))
        if facility is not None:
            ui.setWindowTitle(self.tr("Change {name}").format(name=facility.name))
            self.name.setText(facility.name)
            self.location.setText(facility.location)
            self.model.setText(facility.model)
            self.installed.setText(facility.installed_on.isoformat() if facility.installed_on else "")
            self.warranty.setText(facility.warranty_until.isoformat() if facility.warranty_until else "")
            self.upkeep.setText(str(facility.upkeep_months) if facility.upkeep_months else "")
            recorded = facility.recorded_last_upkeep  # as entered: upkeep orders done are their own record
            self.last_upkeep.setText(recorded.isoformat() if recorded else "")
            self.note.setPlainText(facility.note)

    def typed(self) -> FacilityInput:
        """What is typed, as the service takes it."""
        return FacilityInput(
            name=self.name.text(),
            location=self.location.text(),
            model=self.model.text(),
            installed_on=self.installed.text(),
            warranty_until=self.warranty.text(),
            upkeep_months=self.upkeep.text(),
            note=self.note.toPlainText(),
            last_upkeep_on=self.last_upkeep.text(),
        )

    def validate(self) -> list[ValidationError]:
        """The dates as the service reads them (live); the rest the service checks on OK."""
        problems = Problems()
        problems.attempt(parse_date_text, self.installed.text(), "installed_on")
        problems.attempt(parse_date_text, self.warranty.text(), "warranty_until")
        problems.attempt(parse_date_text, self.last_upkeep.text(), "last_upkeep_on")
        return problems

    def submit(self) -> int:
        """Add the facility, or change it."""
        if self.facility is None:
            return repairs.add_facility(self.typed())
        repairs.update_facility(self.facility.facility_id, self.typed())
        return self.facility.facility_id
