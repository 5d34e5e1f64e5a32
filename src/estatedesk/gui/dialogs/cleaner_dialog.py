"""A cleaner of the team: add one, change their working pattern, or take them off the team.

Taking a cleaner off the team is refused while areas still name them responsible: the refusal,
naming those areas, appears beside their name, as every refusal appears beside its field.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QFrame, QLabel, QLineEdit, QPlainTextEdit, QWidget

from estatedesk.domain.cleaning import WEEKDAY_WORDS, WorkPattern, parse_days_off
from estatedesk.domain.errors import Problems, ValidationError
from estatedesk.gui.dialogs.base import BAD_FIELD_STYLE, FormDialog
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import cleaning as present
from estatedesk.services import cleaning
from estatedesk.services.cleaning import CleanerInput, CleanerView
from estatedesk.services.cleaning.team import MINUTES_IN_A_DAY

DEFAULT_MINUTES = 480  # an eight-hour day


def frame_only(row: QFrame) -> None:
    """Mark a row of boxes in error by one red frame around it, not one around each box in it.

    The dialog base frames a field's widget with a style sheet, which a row's boxes would inherit.
    """
    if row.styleSheet() == BAD_FIELD_STYLE:
        row.setStyleSheet(f"#{row.objectName()} {{ {BAD_FIELD_STYLE} }}")


class CleanerDialog(FormDialog):
    """A cleaner's name, phone, days off, minutes a day and note; ``result`` is their id once saved.

    With ``removing``, the same form shows the cleaner read-only and OK takes them off the team.
    """

    ui_file = "cleaner_dialog.ui"

    def __init__(
        self, parent: QWidget | None, cleaner: CleanerView | None = None, removing: bool = False
    ) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.cleaner = cleaner
        self.removing = removing and cleaner is not None
        self.name = find(ui, QLineEdit, "nameEdit")
        self.phone = find(ui, QLineEdit, "phoneEdit")
        self.off = [find(ui, QCheckBox, f"off{day}") for day in range(7)]
        self.off_row = find(ui, QFrame, "offRow")
        self.pattern = find(ui, QLabel, "patternLabel")
        self.minutes = find(ui, QLineEdit, "minutesEdit")
        self.hours = find(ui, QLabel, "hoursLabel")
        self.note = find(ui, QPlainTextEdit, "noteEdit")
        self.removal_note = find(ui, QLabel, "removalNote")
        for day, box in enumerate(self.off):
            box.setText(present.weekday_text(day))
        # The field names are those of CleanerInput, which the service's refusals name.
        for name, widget, label in (
            ("name", self.name, "nameError"),
            ("phone", self.phone, "phoneError"),
            ("off", self.off_row, "offError"),
            ("minutes_per_day", self.minutes, "minutesError"),
            ("note", self.note, "noteError"),
        ):
            self.bind_field(name, widget, find(ui, QLabel, label))
        self.name_error = find(ui, QLabel, "nameError")
        self.name_error_line = self.name_error.minimumHeight()  # one line, kept free by the base
        self.note.textChanged.connect(lambda: self.revalidate("note"))
        for box in self.off:
            box.toggled.connect(lambda _on: self._days_off_changed())
        self.minutes.textChanged.connect(lambda _text: self._show_hours())
        if cleaner is None:
            self.minutes.setText(str(DEFAULT_MINUTES))
            self.off[6].setChecked(True)  # six days a week with Sunday off, the usual pattern
        else:
            ui.setWindowTitle(self.tr("Change {name}").format(name=cleaner.name))
            self.name.setText(cleaner.name)
            self.phone.setText(cleaner.phone)
            for day, box in enumerate(self.off):
                box.setChecked(day in cleaner.days_off)
            self.minutes.setText(str(cleaner.minutes_per_day))
            self.note.setPlainText(cleaner.note)
        self.removal_note.hide()
        if self.removing and cleaner is not None:
            self._show_for_removal(cleaner)
        self._show_pattern()
        self._show_hours()

    def _show_for_removal(self, cleaner: CleanerView) -> None:
        """Everything read-only, OK reads "Remove", and what removal means said at the top."""
        self.dialog.setWindowTitle(self.tr("Remove {name} from the team").format(name=cleaner.name))
        self.removal_note.setText(
            self.tr(
                "{name} leaves the cleaning team: no longer planned in rotas from now on. "
                "Their rotas, leave and inspection scores stay."
            ).format(name=cleaner.name)
        )
        self.removal_note.show()
        for widget in (self.name, self.phone, self.minutes):
            widget.setReadOnly(True)
        self.note.setReadOnly(True)
        for box in self.off:
            box.setEnabled(False)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Remove"))

    # ------------------------------------------------------------ what the form says as it is filled

    def off_text(self) -> str:
        """The days off ticked, as the command line writes them (``sat,sun``)."""
        return ",".join(WEEKDAY_WORDS[day] for day, box in enumerate(self.off) if box.isChecked())

    def _days_off_changed(self) -> None:
        self._show_pattern()
        self.touch("off")  # a box ticked is a choice made: say at once if no working day is left

    def _show_pattern(self) -> None:
        days_off = frozenset(day for day, box in enumerate(self.off) if box.isChecked())
        self.pattern.setText(present.working_week_text(days_off) if len(days_off) < 7 else "")

    def _show_hours(self) -> None:
        try:
            minutes = cleaning.parse_minutes(self.minutes.text(), "minutes_per_day", MINUTES_IN_A_DAY)
        except ValidationError:
            self.hours.setText("")
            return
        self.hours.setText(self.tr("= {time} a day").format(time=present.minutes_text(minutes)))

    # ------------------------------------------------------------ checking and saving

    def show_errors(self, errors: list[ValidationError], reveal: bool = False) -> None:
        """Errors by their fields; no working day left frames the days off as one."""
        super().show_errors(errors, reveal)
        frame_only(self.off_row)
        # The refusal of a removal names up to five areas over several lines: the grid gives a
        # wrapped label the height of its first guess, so it is asked for the lines it needs.
        label = self.name_error
        needed = label.heightForWidth(label.width()) if label.isVisibleTo(self.dialog) else 0
        label.setMinimumHeight(max(self.name_error_line, needed))

    def typed(self) -> CleanerInput:
        """What is typed, as the service takes it."""
        return CleanerInput(
            name=self.name.text(),
            phone=self.phone.text(),
            off=self.off_text(),
            minutes_per_day=self.minutes.text(),
            note=self.note.toPlainText(),
        )

    def validate(self) -> list[ValidationError]:
        """The days off and minutes as the service reads them (live); the rest the service checks on OK."""
        if self.removing:
            return []
        problems = Problems()
        days_off = problems.attempt(parse_days_off, self.off_text(), "off")
        minutes = problems.attempt(
            cleaning.parse_minutes, self.minutes.text(), "minutes_per_day", MINUTES_IN_A_DAY
        )
        if days_off is not None:  # no working day left is said whatever the minutes typed
            problems.attempt(WorkPattern, days_off, minutes or DEFAULT_MINUTES)
        return problems

    def submit(self) -> int:
        """Add the cleaner, change them, or take them off the team."""
        if self.cleaner is None:
            return cleaning.add_cleaner(self.typed())
        if self.removing:
            cleaning.remove_cleaner(self.cleaner.cleaner_id)
        else:
            cleaning.update_cleaner(self.cleaner.cleaner_id, self.typed())
        return self.cleaner.cleaner_id
