"""录入检查: an area's weekly inspection, scored from the checklist of deductions or typed, with photos.

The checklist is the office's (检查设置): each fault found costs its points, and the score is shown
live as 100 less the points; a score typed instead is kept as typed. The score counts for the
cleaner responsible for the area, who is named under it. A second inspection of the same area on
the same day replaces the first, and the dialog says so before saving. Photos are checked as they
are added and kept with the inspection once it is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from estatedesk.domain.cleaning_scores import parse_score
from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from estatedesk.gui import settings as prefs
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.dialogs.repair_order_dialog import PHOTO_FILTER, is_picture, keep_photos
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import cleaning_inspections as present
from estatedesk.services import cleaning
from estatedesk.services.cleaning import AreaView, Deduction, InspectionInput, InspectionView

PHOTOS = "inspection-photos"  # the file chooser's purpose: it opens where photos were last taken from
MOST_TIMES = 99  # how many times one fault may be counted
ITEM, POINTS, TIMES = range(3)
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


@dataclass(frozen=True)
class InspectionEntered:
    """The inspection saved, and what could not be said of its photos (a file that is no picture)."""

    inspection: InspectionView
    photo_problems: tuple[str, ...] = ()


def to_qdate(day: date) -> QDate:
    """A day for a QDateEdit."""
    return QDate(day.year, day.month, day.day)


class InspectionDialog(FormDialog):
    """An inspection to record; ``result`` is an ``InspectionEntered``."""

    ui_file = "inspection_dialog.ui"

    def __init__(
        self,
        parent: QWidget | None,
        day: date,
        areas: list[AreaView],
        area_id: int | None = None,
        checklist: tuple[Deduction, ...] | None = None,
    ) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.date_edit = find(ui, QDateEdit, "dateEdit")
        self.area_combo = find(ui, QComboBox, "areaCombo")
        self.responsible_label = find(ui, QLabel, "responsibleLabel")
        self.table = find(ui, QTableWidget, "checklistTable")
        self.preview_label = find(ui, QLabel, "previewLabel")
        self.score_edit = find(ui, QLineEdit, "scoreEdit")
        self.typed_label = find(ui, QLabel, "typedLabel")
        self.note_edit = find(ui, QPlainTextEdit, "noteEdit")
        self.photo_list = find(ui, QListWidget, "photoList")
        self.add_photo_button = find(ui, QPushButton, "addPhotoButton")
        self.remove_photo_button = find(ui, QPushButton, "removePhotoButton")
        self.replace_label = find(ui, QLabel, "replaceLabel")
        self.areas = list(areas)
        self.checklist = checklist if checklist is not None else cleaning.inspection_settings().deductions
        self.photos: list[Path] = []
        self.date_edit.setDate(to_qdate(day))
        for area in self.areas:
            self.area_combo.addItem(area.name, area.area_id)
        if area_id is not None:
            self.area_combo.setCurrentIndex(max(0, self.area_combo.findData(area_id)))
        self.spins: list[QSpinBox] = []
        self._fill_checklist()
        self.bind_field("date", self.date_edit, find(ui, QLabel, "dateError"))
        self.bind_field("area", self.area_combo, find(ui, QLabel, "areaError"))
        self.bind_field("found", self.table, find(ui, QLabel, "foundError"))
        self.bind_field("score", self.score_edit, find(ui, QLabel, "scoreError"))
        self.bind_field("note", self.note_edit, find(ui, QLabel, "noteError"))
        self.bind_field("photos", self.photo_list, find(ui, QLabel, "photosError"))
        self.area_combo.currentIndexChanged.connect(lambda _index: self._area_changed())
        self.date_edit.dateChanged.connect(lambda _day: self._show_replacing())
        self.add_photo_button.clicked.connect(self.choose_photos)
        self.remove_photo_button.clicked.connect(self.remove_photo)
        self.score_edit.textChanged.connect(lambda _text: self.show_score())
        self._area_changed()
        self.show_score()

    # ------------------------------------------------------------ the checklist and the score

    def _fill_checklist(self) -> None:
        table = self.table
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([self.tr("Fault"), self.tr("Points off"), self.tr("Times found")])
        table.setRowCount(len(self.checklist))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(POINTS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TIMES, QHeaderView.ResizeMode.ResizeToContents)
        for row, deduction in enumerate(self.checklist):
            item = QTableWidgetItem(deduction.item)
            item.setFlags(READ_ONLY)
            points = QTableWidgetItem(f"−{deduction.points}")
            points.setFlags(READ_ONLY)
            points.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, ITEM, item)
            table.setItem(row, POINTS, points)
            spin = QSpinBox()
            spin.setRange(0, MOST_TIMES)
            spin.setFrame(False)
            spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
            spin.setAccessibleName(deduction.item)
            spin.valueChanged.connect(lambda _value: self.show_score())
            table.setCellWidget(row, TIMES, spin)
            self.spins.append(spin)

    def counts(self) -> list[int]:
        """How many times each checklist item was found, in the checklist's order."""
        return [spin.value() for spin in self.spins]

    def set_count(self, item: str, times: int) -> None:
        """Count a fault of the checklist ``times`` times (by its words)."""
        row = next(row for row, deduction in enumerate(self.checklist) if deduction.item == item)
        self.spins[row].setValue(times)

    def show_score(self) -> None:
        """The score the checklist gives, shown live; greyed, and a line says so, while a typed one counts."""
        self.preview_label.setText(present.score_preview_text(self.checklist, self.counts()))
        typed = self.score_typed()
        self.preview_label.setStyleSheet("color: #999;" if typed else "font-weight: bold;")
        self.preview_label.setEnabled(not typed)
        self.typed_label.setVisible(typed)

    def score_typed(self) -> bool:
        """Whether a score is typed: it is kept instead of the checklist's."""
        return bool(self.score_edit.text().strip())

    def _area_changed(self) -> None:
        area = self._area()
        if area is None:
            self.responsible_label.setText(self.tr("No area to inspect yet"))
        elif area.responsible:
            self.responsible_label.setText(
                self.tr("The score counts for {name}, responsible for the area").format(name=area.responsible)
            )
        else:
            self.responsible_label.setText(
                self.tr("No cleaner is responsible for the area: the score counts for the area only")
            )
        self._show_replacing()

    def _area(self) -> AreaView | None:
        area_id = self.area_combo.currentData()
        return next((area for area in self.areas if area.area_id == area_id), None)

    def day(self) -> date:
        """The day chosen."""
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _show_replacing(self) -> None:
        """Say that saving replaces the area's inspection of that day, if it has one."""
        area = self._area()
        day = self.day()
        found = (
            [found for found in cleaning.list_inspections(day, day) if found.area_id == area.area_id]
            if area is not None
            else []
        )
        self.replace_label.setText(
            self.tr("{area} was inspected on {day} already (score {score}): saving replaces it").format(
                area=found[0].area, day=day.isoformat(), score=found[0].score
            )
            if found
            else ""
        )
        self.replace_label.setVisible(bool(found))

    # ------------------------------------------------------------ photos

    def choose_photos(self) -> None:
        """Add pictures to keep with the inspection."""
        start = prefs.last_folder(PHOTOS)
        # The repair order's words for the filter: one translation of the same list of formats.
        chosen, _ = QFileDialog.getOpenFileNames(
            self.dialog, self.tr("Add photos"), str(start), translate("RepairOrderDialog", PHOTO_FILTER)
        )
        if chosen:
            prefs.remember_folder(PHOTOS, Path(chosen[0]).parent)
        self.add_photos(chosen)

    def add_photos(self, chosen: list[str]) -> list[str]:
        """Add the files chosen; what is no picture, or is on the list already, is said and left out."""
        problems = []
        for name in chosen:
            path = Path(name)
            if any(path.resolve() == kept.resolve() for kept in self.photos):
                problems.append(self.tr("{name} is on the list already").format(name=path.name))
            elif not is_picture(path):
                problems.append(
                    self.tr("{name} is not a picture the program can read").format(name=path.name)
                )
            else:
                self.photos.append(path)
                self.photo_list.addItem(QListWidgetItem(path.name))
        if problems:
            QMessageBox.warning(self.dialog, self.tr("Add photos"), "\n".join(problems))
        self.revalidate("photos")
        return problems

    def remove_photo(self) -> None:
        """Take the chosen picture off the list."""
        row = self.photo_list.currentRow()
        if 0 <= row < len(self.photos):
            del self.photos[row]
            self.photo_list.takeItem(row)
            self.revalidate("photos")

    # ------------------------------------------------------------ checking and saving

    def validate(self) -> list[ValidationError]:
        """An area chosen, a typed score from 0 to 100, photos still readable."""
        errors = []
        if self._area() is None:
            errors.append(ValidationError("area", QT_TRANSLATE_NOOP("messages", "choose the area inspected")))
        if self.score_edit.text().strip():
            try:
                parse_score(self.score_edit.text())
            except ValidationError as error:
                errors.append(error)
        unreadable = [path.name for path in self.photos if not is_picture(path)]
        if unreadable:
            errors.append(
                ValidationError(
                    "photos",
                    QT_TRANSLATE_NOOP("messages", "not a picture that can be read: {names}"),
                    names="、".join(unreadable),
                )
            )
        return errors

    def inspection_input(self) -> InspectionInput:
        """The inspection as entered, for the service."""
        area = self._area()
        return InspectionInput(
            self.day().isoformat(),
            area.area_id if area is not None else 0,
            self.score_edit.text().strip(),
            tuple(
                (deduction.item, times)
                for deduction, times in zip(self.checklist, self.counts(), strict=True)
                if times
            ),
            self.note_edit.toPlainText(),
        )

    def submit(self) -> InspectionEntered:
        """Save the inspection, then keep its photos."""
        view = cleaning.record_inspection(self.inspection_input())
        problems = keep_photos(
            self.photos,
            lambda data, name: cleaning.add_inspection_photo(view.inspection_id, data, name),
            self.tr("{name} could not be read: {reason}"),
        )
        return InspectionEntered(view, problems)
