"""A task of an area: what is done, how often, its standard minutes and the day it starts.

The frequency is chosen by kind (daily, n times a day, on given weekdays, n times a week, every n
days, monthly on a day, every n months, yearly) with the number, weekdays or day that kind takes;
the dialog shows it as the command line writes it, and a monthly day past the 28th says that a
shorter month takes its last day (小月取月末).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from estatedesk.domain.cleaning import Frequency, FrequencyKind, parse_frequency
from estatedesk.domain.dates import parse_date
from estatedesk.domain.errors import QT_TRANSLATE_NOOP, Problems, ValidationError
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.dialogs.cleaner_dialog import frame_only
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import cleaning as present
from estatedesk.services import cleaning
from estatedesk.services.cleaning import AreaView, TaskInput, TaskView

# What the number starts at when a kind that takes one is chosen: twice a day, twice a week…
FIRST_COUNT = {
    FrequencyKind.PER_DAY: 2,
    FrequencyKind.PER_WEEK: 2,
    FrequencyKind.EVERY_DAYS: 3,
    FrequencyKind.EVERY_MONTHS: 6,
}


class CleaningTaskDialog(FormDialog):
    """Add a task to ``area``, or change ``task``; ``result`` is the task's id once saved."""

    ui_file = "cleaning_task_dialog.ui"

    def __init__(
        self,
        parent: QWidget | None,
        area: AreaView,
        task: TaskView | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.area = area
        self.task = task
        self.what = find(ui, QComboBox, "whatCombo")
        self.kind = find(ui, QComboBox, "kindCombo")
        self.count = find(ui, QSpinBox, "countSpin")
        self.count_unit = find(ui, QLabel, "countUnit")
        self.frequency_box = find(ui, QFrame, "frequencyBox")
        self.detail = find(ui, QStackedWidget, "detailStack")
        self.no_detail = find(ui, QWidget, "noDetail")
        self.weekdays_row = find(ui, QWidget, "weekdaysRow")
        self.weekdays = [find(ui, QCheckBox, f"weekday{day}") for day in range(7)]
        self.day_row = find(ui, QWidget, "dayRow")
        self.day = find(ui, QSpinBox, "daySpin")
        self.day_note = find(ui, QLabel, "dayNote")
        self.spec = find(ui, QLabel, "specLabel")
        self.spec.setMinimumHeight(self.spec.fontMetrics().height())  # empty, it keeps its line
        self.minutes = find(ui, QLineEdit, "minutesEdit")
        self.week = find(ui, QLabel, "weekLabel")
        self.starts = find(ui, QLineEdit, "startsEdit")
        find(ui, QLabel, "areaValue").setText(f"{area.name}（{present.area_kind_text(area.kind)}）")
        self.what.addItems(present.usual_works(area.kind))
        for kind in present.FREQUENCY_KINDS:
            self.kind.addItem(present.frequency_kind_text(kind), kind.value)
        for day, box in enumerate(self.weekdays):
            box.setText(present.weekday_text(day))
        # The field names are those of TaskInput, which the service's refusals name.
        for name, widget, label in (
            ("what", self.what, "whatError"),
            ("every", self.frequency_box, "everyError"),
            ("minutes", self.minutes, "minutesError"),
            ("starts_on", self.starts, "startsError"),
        ):
            self.bind_field(name, widget, find(ui, QLabel, label))
        line = self.what.lineEdit()
        assert line is not None  # the combo is editable
        line.setMaxLength(30)
        line.editingFinished.connect(lambda: self.touch("what"))
        line.textEdited.connect(lambda _text: self.revalidate("what"))
        # A first day is typed only for a task that starts later: empty, the task belongs to every
        # month's rota and counts from the day it was added (or, changed, from where it counted).
        counted_from = (today or date.today()) if task is None else task.starts_on
        self.starts.setPlaceholderText(
            self.tr("empty: every month; counted from {date}").format(date=counted_from.isoformat())
        )
        if task is None:
            self.what.setCurrentIndex(-1)
            self.what.setEditText("")
            self._show_frequency(Frequency(FrequencyKind.DAILY))
        else:
            ui.setWindowTitle(self.tr("Change a task of {area}").format(area=area.name))
            self.what.setEditText(task.what)
            self.minutes.setText(str(task.minutes))
            self.starts.setText(task.starts_on.isoformat() if task.only_from_start else "")
            self._show_frequency(task.frequency)
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_chosen())
        self.count.valueChanged.connect(lambda _value: self._frequency_changed())
        self.day.valueChanged.connect(lambda _value: self._frequency_changed())
        for box in self.weekdays:
            box.toggled.connect(lambda _on: self._weekdays_changed())
        self.minutes.textChanged.connect(lambda _text: self._show_week())
        self._fit_widgets()

    # ------------------------------------------------------------ the frequency's inputs

    def chosen_kind(self) -> FrequencyKind:
        """The kind of frequency chosen."""
        return FrequencyKind(self.kind.currentData())

    def spec_text(self) -> str:
        """The frequency the inputs make, as the command line writes it."""
        return present.frequency_spec(
            self.chosen_kind(),
            self.count.value(),
            [day for day, box in enumerate(self.weekdays) if box.isChecked()],
            self.day.value(),
        )

    def _show_frequency(self, frequency: Frequency) -> None:
        """Put a frequency in the inputs (a new task's, or the one the task has)."""
        self.kind.setCurrentIndex(present.FREQUENCY_KINDS.index(frequency.kind))
        self._set_count_range(frequency.kind)
        if frequency.kind in FIRST_COUNT:
            self.count.setValue(frequency.count)
        for day, box in enumerate(self.weekdays):
            box.setChecked(day in frequency.weekdays)
        self.day.setValue(frequency.day or 1)

    def _set_count_range(self, kind: FrequencyKind) -> None:
        self.count.setMinimum(2 if kind is FrequencyKind.PER_DAY else 1)  # once a day is "daily"
        self.count.setMaximum(present.HIGHEST_COUNT.get(kind, 1))

    def _kind_chosen(self) -> None:
        kind = self.chosen_kind()
        self.count.blockSignals(True)
        self._set_count_range(kind)
        if kind in FIRST_COUNT:
            self.count.setValue(FIRST_COUNT[kind])
        self.count.blockSignals(False)
        self._frequency_changed()

    def _weekdays_changed(self) -> None:
        self.touch("every")  # a weekday untied is a choice made: say at once if none is left
        self._frequency_changed()

    def _frequency_changed(self) -> None:
        self._fit_widgets()
        self.revalidate("every")

    def _fit_widgets(self) -> None:
        """Show the inputs the kind takes, the spec they make, and the note of a day past the 28th."""
        kind = self.chosen_kind()
        self.count.setVisible(kind in FIRST_COUNT)
        self.count_unit.setText(present.count_unit_text(kind))
        # One place for the weekdays or the day: the inputs below stay put whatever the kind.
        self.detail.setCurrentWidget(
            self.weekdays_row
            if kind is FrequencyKind.WEEKDAYS
            else self.day_row
            if kind is FrequencyKind.MONTHLY
            else self.no_detail
        )
        self.day_note.setText(present.last_day_note() if self.day.value() > 28 else "")
        frequency = self.frequency()
        self.spec.setText(
            self.tr("{frequency}; written as {spec}").format(
                frequency=present.frequency_text(frequency), spec=frequency.spec
            )
            if frequency is not None
            else ""
        )
        self._show_week()

    def frequency(self) -> Frequency | None:
        """The frequency chosen, or None while it cannot be (no weekday ticked)."""
        try:
            return parse_frequency(self.spec_text())
        except ValidationError:
            return None

    def _show_week(self) -> None:
        """What the task takes in a usual week, beside its minutes."""
        frequency = self.frequency()
        try:
            minutes = cleaning.parse_minutes(self.minutes.text())
        except ValidationError:
            minutes = None
        if frequency is None or minutes is None:
            self.week.setText("")
            return
        week = cleaning.week_minutes(frequency, minutes)
        self.week.setText(
            self.tr("about {week} a week").format(week=present.minutes_text(week)) if week else ""
        )

    # ------------------------------------------------------------ checking and saving

    def show_errors(self, errors: list[ValidationError], reveal: bool = False) -> None:
        """Errors by their fields; a wrong frequency frames its inputs as one."""
        super().show_errors(errors, reveal)
        frame_only(self.frequency_box)

    def typed(self) -> TaskInput:
        """What is typed, as the service takes it."""
        return TaskInput(
            area_id=self.area.area_id,
            what=self.what.currentText(),
            every=self.spec_text(),
            minutes=self.minutes.text(),
            starts_on=self.starts.text(),
        )

    def validate(self) -> list[ValidationError]:
        """What the service will refuse, said while the clerk types."""
        problems = Problems()
        if not self.what.currentText().strip():
            problems.append(ValidationError("what", QT_TRANSLATE_NOOP("messages", "say what is done")))
        if self.chosen_kind() is FrequencyKind.WEEKDAYS and not any(box.isChecked() for box in self.weekdays):
            problems.append(
                ValidationError("every", QT_TRANSLATE_NOOP("messages", "tick the weekdays the task comes on"))
            )
        else:
            problems.attempt(parse_frequency, self.spec_text(), "every")
        problems.attempt(cleaning.parse_minutes, self.minutes.text(), "minutes")
        problems.attempt(parse_date, self.starts.text(), "starts_on")
        return problems

    def submit(self) -> int:
        """Add the task, or change it."""
        if self.task is None:
            return cleaning.add_task(self.typed())
        cleaning.update_task(self.task.task_id, self.typed())
        return self.task.task_id
