"""检查与评比: this week's inspection of every area, the month's inspections, its ranking and a chart.

Every area is inspected once a week (on the day the settings name, Wednesday unless changed) and
scored 0–100 from a checklist of deductions; the score counts for the cleaner responsible for the
area. The month ranks cleaners and areas by average score into bands (奖励 / 鼓励 / 末位跟进),
printed for the notice board; the chart follows each cleaner's average over six months.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError
from estatedesk.gui import worker
from estatedesk.gui.errors import report_error
from estatedesk.gui.i18n import translate
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import CENTER, RIGHT, ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.presenters import cleaning_inspections as present
from estatedesk.gui.presenters.cleaning_inspections import AreaWeekLine, RankLine
from estatedesk.gui.presenters.cleaning_rota import month_of, shift_month
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.cleaning_pages.base import CleaningPage
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.gui.widgets.ranking_chart import RankingChart
from estatedesk.gui.worker import BackgroundTask
from estatedesk.paths import data_dir
from estatedesk.services import cleaning
from estatedesk.services.cleaning import AreaView, InspectionView, Ranking

if TYPE_CHECKING:
    from estatedesk.gui.tabs.cleaning import CleaningTab

MONTHS_BACK = 12  # the month chooser offers this month and the twelve before
ROW_HEIGHT = 22


class InspectionsPage(CleaningPage):
    """The week's areas and scores, the month's inspections, its ranking, the chart, the settings."""

    title = QT_TRANSLATE_NOOP("cleaning", "Inspections and ranking")
    icon = "fa5s.clipboard-check"
    key = "inspections"
    ui_file = "cleaning_inspections.ui"

    def __init__(self, tab: CleaningTab) -> None:
        super().__init__(tab)
        form = self.form
        self.month_combo = find(form, QComboBox, "monthCombo")
        self.record_button = find(form, QPushButton, "recordButton")
        self.remove_button = find(form, QPushButton, "removeButton")
        self.print_button = find(form, QPushButton, "printButton")
        self.settings_button = find(form, QPushButton, "settingsButton")
        self.splitter = find(form, QSplitter, "splitter")
        self.top_splitter = find(form, QSplitter, "topSplitter")
        self.ranking_splitter = find(form, QSplitter, "rankingSplitter")
        self.week_title = find(form, QLabel, "weekTitle")
        self.week_counts = find(form, QLabel, "weekCounts")
        self.week_table = find(form, QTableView, "weekTable")
        self.inspections_title = find(form, QLabel, "inspectionsTitle")
        self.inspections_table = find(form, QTableView, "inspectionsTable")
        self.ranking_title = find(form, QLabel, "rankingTitle")
        self.bands_label = find(form, QLabel, "bandsLabel")
        self.ranking_tabs = find(form, QTabWidget, "rankingTabs")
        self.cleaner_table = find(form, QTableView, "cleanerRankTable")
        self.area_table = find(form, QTableView, "areaRankTable")
        self.record_button.setIcon(icon("fa5s.plus"))
        self.remove_button.setIcon(icon("fa5s.trash-alt"))
        self.print_button.setIcon(icon("fa5s.print"))
        self.settings_button.setIcon(icon("fa5s.sliders-h"))
        holder = find(form, QWidget, "chartHolder")
        self.chart = RankingChart(holder)
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.chart)

        self.week_model: RecordTableModel[AreaWeekLine] = RecordTableModel(
            _week_columns(), id_of=lambda line: line.area_id, parent=self
        )
        set_up_table(self.week_table, self.week_model, row_height=ROW_HEIGHT)
        self.inspections_model: RecordTableModel[InspectionView] = RecordTableModel(
            _inspection_columns(), id_of=lambda found: found.inspection_id, parent=self
        )
        set_up_table(self.inspections_table, self.inspections_model, row_height=ROW_HEIGHT)
        self.inspections_note = ListNote(self.inspections_table)
        self.cleaner_model: RecordTableModel[RankLine] = RecordTableModel(
            _rank_columns(translate("cleaning_inspections", "Cleaner")),
            id_of=lambda line: line.key,
            parent=self,
        )
        set_up_table(self.cleaner_table, self.cleaner_model, row_height=ROW_HEIGHT)
        self.cleaner_note = ListNote(self.cleaner_table)
        self.area_model: RecordTableModel[RankLine] = RecordTableModel(
            _rank_columns(translate("cleaning_inspections", "Area")), id_of=lambda line: line.key, parent=self
        )
        set_up_table(self.area_table, self.area_model, row_height=ROW_HEIGHT)
        self.area_note = ListNote(self.area_table)
        self.splitter.setSizes([260, 380])
        self.top_splitter.setSizes([420, 620])
        self.ranking_splitter.setSizes([470, 570])

        self.month: str | None = None
        self.areas: list[AreaView] = []
        self.inspection_day: date | None = None
        self.ranking: Ranking | None = None
        self.task: BackgroundTask | None = None
        self.month_combo.activated.connect(lambda _index: self._month_chosen())
        self.record_button.clicked.connect(lambda: self.record())
        self.remove_button.clicked.connect(self.remove)
        self.print_button.clicked.connect(self.print_ranking)
        self.settings_button.clicked.connect(self.edit_settings)
        self.week_table.activated.connect(self._record_area)  # a double-click, or Enter
        self.inspections_table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.update_actions()

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read this week's inspections, and the chosen month's (this month at first) with its ranking."""
        today = self.tab.today()
        chosen = self.month or present.default_month(today)
        self._fill_months(today, chosen)
        self._read(chosen)

    def forget_file(self) -> None:
        """Another estate: nothing of the last one on show."""
        self.month = None
        self.areas = []
        self.ranking = None
        self.month_combo.clear()
        for model in (self.week_model, self.inspections_model, self.cleaner_model, self.area_model):
            model.set_rows([])
        self.chart.show_history([], {}, "")
        self.update_actions()

    def status_text(self) -> str:
        """The month's inspections and who is ranked."""
        return present.ranking_status(self.ranking, self.inspections_model.total)

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The splitters, and the columns of the lists."""
        return {
            "splitter": self.splitter,
            "topSplitter": self.top_splitter,
            "rankingSplitter": self.ranking_splitter,
            "weekColumns": self.week_table.horizontalHeader(),
            "inspectionColumns": self.inspections_table.horizontalHeader(),
            "cleanerColumns": self.cleaner_table.horizontalHeader(),
            "areaColumns": self.area_table.horizontalHeader(),
        }

    def focus_first(self) -> None:
        """The week's areas: Enter or a double-click records one's inspection."""
        self.week_table.setFocus()

    def update_actions(self) -> None:
        """Recording, removing and the settings write; printing needs a ranking."""
        writable = not self.tab.read_only
        self.record_button.setEnabled(writable and bool(self.areas))
        self.remove_button.setEnabled(writable and self.selected_inspection() is not None)
        self.settings_button.setEnabled(writable)
        ranked = self.ranking is not None and bool(self.ranking.cleaners or self.ranking.areas)
        self.print_button.setEnabled(ranked and self.task is None)

    # ------------------------------------------------------------ reading

    def show_month(self, month: str) -> None:
        """Put the inspections and ranking of ``month`` (YYYY-MM) on screen."""
        key = cleaning.month_key(cleaning.parse_month(month)[0])
        self._fill_months(self.tab.today(), key)
        self._read(key)

    def _fill_months(self, today: date, chosen: str) -> None:
        this = month_of(today)
        months = sorted(
            {shift_month(this, -back) for back in range(MONTHS_BACK + 1)} | {chosen}, reverse=True
        )
        self.month_combo.blockSignals(True)
        self.month_combo.clear()
        for month in months:
            self.month_combo.addItem(month, month)
        self.month_combo.setCurrentIndex(months.index(chosen))
        self.month_combo.blockSignals(False)

    def _month_chosen(self) -> None:
        chosen = self.month_combo.currentData()
        if chosen:
            self._read(str(chosen))

    def _read(self, month: str) -> None:
        self.month = month
        keep = self.selected_inspection()
        today = self.tab.today()
        settings = cleaning.inspection_settings()
        self.areas = cleaning.list_areas()
        self.inspection_day = cleaning.inspection_day(today, settings)
        monday, sunday = present.week_of(today)
        week = present.week_lines(self.areas, cleaning.list_inspections(monday, sunday))
        self.week_title.setText(present.inspection_day_text(self.inspection_day, today))
        self.week_counts.setText(present.week_counts_text(week))
        self.week_model.set_rows(week)
        first, last = cleaning.parse_month(month)
        inspections = cleaning.list_inspections(first, last)
        self.inspections_model.set_rows(inspections)
        self.inspections_title.setText(present.month_inspections_title(len(inspections)))
        self.inspections_note.set_text("" if inspections else present.empty_ranking_text(month))
        if keep is not None:
            line = self.inspections_model.row_of(keep.inspection_id)
            if line is not None:
                self.inspections_table.selectRow(line)
        self.ranking = cleaning.ranking(month)
        self.ranking_title.setText(
            translate("cleaning_inspections", "Ranking of {month}").format(month=month)
        )
        self.bands_label.setText(present.bands_text(self.ranking))
        self.cleaner_model.set_rows(present.rank_lines(self.ranking.cleaners))
        self.area_model.set_rows(present.rank_lines(self.ranking.areas))
        empty = present.empty_ranking_text(month) if not inspections else ""
        self.cleaner_note.set_text(empty)
        self.area_note.set_text(empty)
        history = cleaning.ranking_history(month, present.HISTORY_MONTHS)
        averages = {
            name: history.cleaners[name] for name in present.chart_order(self.ranking, history.cleaners)
        }
        self.chart.show_history(history.months, averages, present.history_title(history.months))
        self.update_actions()
        self.tab.status_changed.emit()

    # ------------------------------------------------------------ inspections

    def selected_inspection(self) -> InspectionView | None:
        """The inspection chosen in the month's list."""
        rows = self.inspections_table.selectionModel().selectedRows()
        return self.inspections_model.row_at(rows[0].row()) if rows else None

    def default_day(self) -> date:
        """The day a new inspection is of: this week's inspection day, or today until it comes."""
        today = self.tab.today()
        day = self.inspection_day or cleaning.inspection_day(today)
        return day if day <= today else today

    def _record_area(self, index: QModelIndex) -> None:
        self.record(self.week_model.row_at(index.row()).area_id)

    def record(self, area_id: int | None = None) -> InspectionView | None:
        """Record an inspection (of ``area_id``, if given); the photos that could not be kept are said."""
        from estatedesk.gui.dialogs.inspection_dialog import InspectionDialog, InspectionEntered

        if self.tab.read_only or not self.areas:
            return None
        dialog = InspectionDialog(self, self.default_day(), self.areas, area_id)
        if not dialog.exec():
            return None
        entered: InspectionEntered = dialog.result
        title = translate("cleaning_inspections", "Record an inspection")
        if entered.photo_problems:
            QMessageBox.warning(self, title, "\n".join(entered.photo_problems))
        self.show_month(month_of(entered.inspection.day))
        line = self.inspections_model.row_of(entered.inspection.inspection_id)
        if line is not None:
            self.inspections_table.selectRow(line)
        return entered.inspection

    def remove(self) -> None:
        """Take back the inspection chosen, once the clerk says yes."""
        chosen = self.selected_inspection()
        if chosen is None or self.tab.read_only:
            return
        title = translate("cleaning_inspections", "Remove an inspection")
        answer = QMessageBox.question(
            self,
            title,
            translate(
                "cleaning_inspections", "Remove the inspection of {area} on {day} (score {score})?"
            ).format(area=chosen.area, day=chosen.day.isoformat(), score=chosen.score),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            cleaning.remove_inspection(chosen.inspection_id)
        except EstateDeskError as error:
            report_error(self, title, error)
        self.read()

    def edit_settings(self) -> None:
        """The inspection day, the checklist and the bands."""
        from estatedesk.gui.dialogs.inspection_settings_dialog import InspectionSettingsDialog

        if self.tab.read_only:
            return
        InspectionSettingsDialog(self).exec()
        self.read()

    # ------------------------------------------------------------ printing

    def print_ranking(self) -> None:
        """The month's ranking of cleaners and areas, with the bands, as a PDF opened to print."""
        from estatedesk.services.cleaning import documents  # the reports load when first printed

        month = self.month
        if month is None or self.task is not None:
            return
        self.task = worker.write_and_open(
            self,
            translate("cleaning_inspections", "Writing the ranking…"),
            present.ranking_path(data_dir(), month),
            lambda target: documents.print_ranking(month, target),
            translate("cleaning_inspections", "Printing"),
            translate(
                "cleaning_inspections",
                "The document was written to\n{path}\nbut no program to show PDF files was found.",
            ),
        )
        self.task.finished.connect(self._task_ended)
        self.update_actions()

    def _task_ended(self) -> None:
        self.task = None
        self.update_actions()


def _week_columns() -> list[ColumnSpec[AreaWeekLine]]:
    return [
        ColumnSpec("area", translate("cleaning_inspections", "Area"), lambda line: line.area, width=150),
        ColumnSpec(
            "responsible",
            translate("cleaning_inspections", "Responsible"),
            lambda line: line.responsible,
            width=80,
        ),
        ColumnSpec(
            "score",
            translate("cleaning_inspections", "Score this week"),
            lambda line: line.score_text,
            sort_key=lambda line: line.inspection.score if line.inspection is not None else -1,
            alignment=CENTER,
            width=90,
            colour=lambda line: line.colour,
        ),
    ]


def _inspection_columns() -> list[ColumnSpec[InspectionView]]:
    return [
        ColumnSpec(
            "date",
            translate("cleaning_inspections", "Date"),
            lambda found: present.day_text(found.day),
            sort_key=lambda found: found.day,
            width=110,
        ),
        ColumnSpec("area", translate("cleaning_inspections", "Area"), lambda found: found.area, width=120),
        ColumnSpec(
            "cleaner", translate("cleaning_inspections", "Responsible"), lambda found: found.cleaner, width=70
        ),
        ColumnSpec(
            "score",
            translate("cleaning_inspections", "Score"),
            lambda found: str(found.score),
            sort_key=lambda found: found.score,
            alignment=RIGHT,
            width=50,
        ),
        ColumnSpec(
            "found",
            translate("cleaning_inspections", "Found"),
            lambda found: present.found_text(found.found),
            width=220,
        ),
        ColumnSpec("note", translate("cleaning_inspections", "Notes"), lambda found: found.note, width=120),
        ColumnSpec(
            "photos",
            translate("cleaning_inspections", "Photos"),
            lambda found: present.photos_text(len(found.photos)),
            alignment=CENTER,
            width=50,
        ),
    ]


def _rank_columns(who: str) -> list[ColumnSpec[RankLine]]:
    return [
        ColumnSpec(
            "rank",
            translate("cleaning_inspections", "Rank"),
            lambda line: str(line.row.rank),
            sort_key=lambda line: line.row.rank,
            alignment=CENTER,
            width=50,
        ),
        ColumnSpec("name", who, lambda line: line.row.name, width=140, colour=lambda line: line.colour),
        ColumnSpec(
            "average",
            translate("cleaning_inspections", "Average"),
            lambda line: line.average_text,
            sort_key=lambda line: line.row.average,
            alignment=RIGHT,
            width=70,
        ),
        ColumnSpec(
            "inspections",
            translate("cleaning_inspections", "Inspections"),
            lambda line: str(line.row.inspections),
            sort_key=lambda line: line.row.inspections,
            alignment=RIGHT,
            width=70,
        ),
        ColumnSpec(
            "band",
            translate("cleaning_inspections", "Band"),
            lambda line: line.band_text,
            alignment=CENTER,
            width=90,
            colour=lambda line: line.colour,
        ),
    ]
