"""计票: the count of the vote chosen, live as ballots are entered, against each threshold.

Participation and the result are shown as exact fractions and percentages with a bar each (the
threshold marked on it), the answers of a motion or the ranked candidates of an election, the
outcome in large type and, in amber, what the scrutineers must look at before announcing it.
Everything shown comes from ``presenters.votes``; whether a threshold is met is the domain's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QWidget,
)

from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.gui.i18n import translate
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import CENTER, RIGHT, ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.presenters import votes as present
from estatedesk.gui.presenters.votes import AnswerLine, CandidateLine, TallyView, ThresholdLine
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.vote_pages.base import VotePage
from estatedesk.gui.widgets.threshold_bar import MET_COLOUR, UNMET_COLOUR, ThresholdBar
from estatedesk.gui.worker import BackgroundTask, save_in_background
from estatedesk.services import votes
from estatedesk.services.votes import TallyReport

if TYPE_CHECKING:
    from estatedesk.gui.tabs.votes import VotesTab

GOOD, BAD = MET_COLOUR.name(), UNMET_COLOUR.name()
ELECTED_COLOUR, TIED_COLOUR = "#2e7d32", "#9a5b00"
TABLE_ROW = 24  # pixels a candidate's row
TABLE_ROWS_SHOWN = 12  # candidates shown before the table scrolls


class ThresholdRow:
    """One threshold's widgets in a grid row: label, bar, figures, percentage, share to reach, mark."""

    def __init__(self, grid: QGridLayout, row: int, parent: QWidget) -> None:
        self.label = QLabel(parent)
        self.bar = ThresholdBar(parent)
        self.figures = QLabel(parent)
        self.percent = QLabel(parent)
        self.share = QLabel(parent)
        self.mark = QLabel(parent)
        for label in (self.figures, self.percent):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bold = QFont(self.mark.font())
        bold.setBold(True)
        self.percent.setFont(bold)
        self.mark.setFont(bold)
        for column, widget in enumerate(
            (self.label, self.bar, self.figures, self.percent, self.share, self.mark)
        ):
            grid.addWidget(widget, row, column)

    def show_line(self, line: ThresholdLine) -> None:
        """Show one threshold line."""
        self.label.setText(line.label)
        self.figures.setText(line.figures)
        self.percent.setText(f"= {line.percent}")
        self.share.setText(f"{line.comparison} {line.share}")
        self.mark.setText(line.mark)
        self.mark.setStyleSheet(f"color: {GOOD if line.good else BAD};")
        self.bar.set_values(line.fill, line.threshold, line.good, f"{line.label} {line.text}", line.empty)

    def text(self) -> str:
        """The row as one line of text (for tests and the clipboard)."""
        parts = (self.label, self.figures, self.percent, self.share, self.mark)
        return " ".join(part.text() for part in parts)

    def remove(self) -> None:
        """Take the row's widgets out of the page."""
        for widget in (self.label, self.bar, self.figures, self.percent, self.share, self.mark):
            widget.setParent(None)
            widget.deleteLater()


class ThresholdGrid:
    """The rows of thresholds in one holder widget, made again for each count."""

    def __init__(self, holder: QWidget) -> None:
        self.holder = holder
        self.grid = QGridLayout(holder)
        self.grid.setContentsMargins(0, 4, 0, 4)
        self.grid.setHorizontalSpacing(12)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnMinimumWidth(1, 160)
        self.rows: list[ThresholdRow] = []

    def show_lines(self, lines: tuple[ThresholdLine, ...]) -> None:
        """One row per line; the holder hidden when there is none."""
        while len(self.rows) > len(lines):
            self.rows.pop().remove()
        while len(self.rows) < len(lines):
            self.rows.append(ThresholdRow(self.grid, len(self.rows), self.holder))
        for row, line in zip(self.rows, lines, strict=True):
            row.show_line(line)
        self.holder.setVisible(bool(lines))

    def texts(self) -> list[str]:
        """Each row as one line of text."""
        return [row.text() for row in self.rows] if self.holder.isVisibleTo(self.holder.window()) else []


class AnswersGrid:
    """A motion's answers: heads, their share, area, its share; the total in bold."""

    COLUMNS = 5

    def __init__(self, holder: QWidget) -> None:
        self.holder = holder
        self.grid = QGridLayout(holder)
        self.grid.setContentsMargins(0, 4, 0, 4)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(self.COLUMNS, 1)
        self.header = [QLabel(holder) for _ in range(self.COLUMNS)]
        for column, label in enumerate(self.header):
            label.setStyleSheet("color: #555;")
            if column:
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(label, 0, column)
        self.cells: list[list[QLabel]] = []

    def show_answers(self, answers: tuple[AnswerLine, ...], heads_title: str, area_title: str) -> None:
        """The table of answers under its column titles."""
        titles = (
            translate("votes", "Answer"),
            translate("votes", "Heads"),
            heads_title,
            translate("votes", "Area (㎡)"),
            area_title,
        )
        for label, title in zip(self.header, titles, strict=True):
            label.setText(title)
        while len(self.cells) < len(answers):
            line = len(self.cells) + 1
            cells = [QLabel(self.holder) for _ in range(self.COLUMNS)]
            for column, cell in enumerate(cells):
                if column:
                    cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.grid.addWidget(cell, line, column)
            self.cells.append(cells)
        for line, cells in enumerate(self.cells):
            answer = answers[line] if line < len(answers) else None
            texts = (
                ("", "", "", "", "")
                if answer is None
                else (answer.answer, answer.heads, answer.heads_percent, answer.area, answer.area_percent)
            )
            for cell, text in zip(cells, texts, strict=True):
                cell.setText(text)
                font = cell.font()
                font.setBold(answer is not None and answer.total)
                cell.setFont(font)
                cell.setVisible(answer is not None)

    def rows(self) -> list[list[str]]:
        """The column titles and the answers as shown (for tests)."""
        shown = [[cell.text() for cell in cells] for cells in self.cells if cells[0].text()]
        return [[label.text() for label in self.header], *shown]


class TallyPage(VotePage):
    """The count of the vote chosen: thresholds with bars, answers or candidates, outcome, warnings."""

    title = QT_TRANSLATE_NOOP("votes", "Count")
    icon = "fa5s.balance-scale"
    key = "tally"
    ui_file = "vote_tally.ui"

    def __init__(self, tab: VotesTab) -> None:
        super().__init__(tab)
        form = self.form
        self.title_label = find(form, QLabel, "titleLabel")
        self.state_label = find(form, QLabel, "stateLabel")
        self.refresh_button = find(form, QPushButton, "refreshButton")
        self.print_button = find(form, QPushButton, "printButton")
        self.no_vote_label = find(form, QLabel, "noVoteLabel")
        self.scroll_area = find(form, QScrollArea, "scrollArea")
        self.rules_label = find(form, QLabel, "rulesLabel")
        self.totals_label = find(form, QLabel, "totalsLabel")
        self.participation_box = find(form, QGroupBox, "participationBox")
        self.participation_label = find(form, QLabel, "participationLabel")
        self.participation_note = find(form, QLabel, "participationNote")
        self.result_box = find(form, QGroupBox, "resultBox")
        self.base_note = find(form, QLabel, "baseNote")
        self.followers_label = find(form, QLabel, "followersLabel")
        self.rule_label = find(form, QLabel, "ruleLabel")
        self.table = find(form, QTableView, "candidateTable")
        self.tie_label = find(form, QLabel, "tieLabel")
        self.open_seats_label = find(form, QLabel, "openSeatsLabel")
        self.outcome_label = find(form, QLabel, "outcomeLabel")
        self.outcome_detail = find(form, QLabel, "outcomeDetail")
        self.warnings_label = find(form, QLabel, "warningsLabel")
        self.participation = ThresholdGrid(find(form, QWidget, "participationLines"))
        self.results = ThresholdGrid(find(form, QWidget, "resultLines"))
        self.answers = AnswersGrid(find(form, QWidget, "answersTable"))
        self.refresh_button.setIcon(icon("fa5s.sync-alt"))
        self.refresh_button.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.print_button.setIcon(icon("fa5s.print"))
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.model: RecordTableModel[CandidateLine] = RecordTableModel(
            [
                ColumnSpec(
                    "rank",
                    translate("votes", "Rank"),
                    lambda line: str(line.rank),
                    alignment=CENTER,
                    width=50,
                ),
                ColumnSpec("name", translate("votes", "Candidate"), lambda line: line.name, width=120),
                ColumnSpec(
                    "heads", translate("votes", "Heads"), lambda line: line.heads, alignment=RIGHT, width=80
                ),
                ColumnSpec(
                    "area",
                    translate("votes", "Area (㎡)"),
                    lambda line: line.area,
                    alignment=RIGHT,
                    width=110,
                ),
                ColumnSpec(
                    "heads_percent",
                    translate("votes", "% of heads taking part"),
                    lambda line: line.heads_percent,
                    alignment=RIGHT,
                    width=150,
                ),
                ColumnSpec(
                    "area_percent",
                    translate("votes", "% of area taking part"),
                    lambda line: line.area_percent,
                    alignment=RIGHT,
                    width=150,
                ),
                ColumnSpec(
                    "majority",
                    translate("votes", "Over half"),
                    lambda line: line.majority_mark,
                    alignment=CENTER,
                    width=80,
                    colour=lambda line: GOOD if line.majority else BAD,
                ),
                ColumnSpec(
                    "state",
                    translate("votes", "Result"),
                    lambda line: line.state,
                    alignment=CENTER,
                    width=90,
                    colour=lambda line: (
                        ELECTED_COLOUR if line.elected else TIED_COLOUR if line.tied else None
                    ),
                ),
            ],
            id_of=lambda line: line.position,
            parent=self,
        )
        set_up_table(self.table, self.model, row_height=TABLE_ROW)
        self.view: TallyView | None = None
        self.report: TallyReport | None = None
        self.task: BackgroundTask | None = None
        self.last_notice: Path | None = None  # the PDF the last print wrote
        self.refresh_button.clicked.connect(self.read)
        self.print_button.clicked.connect(self.print_notice)
        self._show(None)

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Count the chosen vote's ballots again (a count of thousands of ballots takes a moment at most)."""
        vote_id = self.vote_id
        if vote_id is None:
            self.report = None
            self._show(None)
            return
        self.report = votes.count(vote_id)
        self._show(present.tally_view(self.report))

    def forget_file(self) -> None:
        """Another estate: nothing of the last one's count."""
        self.report = None
        self._show(None)

    def status_text(self) -> str:
        """Ballots entered, participation and the outcome."""
        return self.view.status if self.view is not None else ""

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The candidates' columns."""
        return {"columns": self.table.horizontalHeader()}

    def focus_first(self) -> None:
        """The Refresh button."""
        self.refresh_button.setFocus()

    def update_actions(self) -> None:
        """Refresh and print when a vote is chosen (printing writes nothing to the file: read-only too)."""
        has_vote = self.report is not None
        self.refresh_button.setEnabled(self.task is None)
        self.print_button.setEnabled(has_vote and self.task is None)

    # ------------------------------------------------------------ showing

    def _show(self, view: TallyView | None) -> None:
        self.view = view
        self.no_vote_label.setVisible(view is None)
        self.scroll_area.setVisible(view is not None)
        self.state_label.setVisible(view is not None)
        if view is None:
            self.title_label.setText(translate("votes", "Count"))
            self.no_vote_label.setText(present.no_vote_text() if self.tab.vote_id is None else "")
            self.state_label.setText("")
            self.participation.show_lines(())
            self.results.show_lines(())
            self.model.set_rows([])
            self.update_actions()
            self.tab.status_changed.emit()
            return
        self.title_label.setText(view.title)
        self.state_label.setText(view.state)
        self.rules_label.setText(translate("votes", "Rules: {rules}").format(rules=view.rules))
        self.totals_label.setText(view.totals)
        self.participation_label.setText(view.participation)
        self.participation.show_lines(view.participation_lines)
        self.participation_note.setText(view.participation_note)
        self.participation_note.setVisible(bool(view.participation_note))
        self._show_motion(view)
        self._show_election(view)
        self.result_box.setVisible(view.motion is not None or view.election is not None)
        outcome = view.outcome
        colour = (
            GOOD if outcome.good else BAD if outcome.outcome is not present.Outcome.NO_BALLOTS else "#777"
        )
        self.outcome_label.setText(outcome.text)
        self.outcome_label.setStyleSheet(f"font-size: 18pt; font-weight: bold; color: {colour};")
        self.outcome_detail.setText(outcome.detail)
        self.outcome_detail.setVisible(bool(outcome.detail))
        self.warnings_label.setText("\n".join(f"• {warning}" for warning in view.warnings))
        self.warnings_label.setVisible(bool(view.warnings))
        self.update_actions()
        self.tab.status_changed.emit()

    def _show_motion(self, view: TallyView) -> None:
        motion = view.motion
        for widget in (self.answers.holder, self.rule_label):
            widget.setVisible(motion is not None)
        if motion is None:
            self.results.show_lines(())
            self.followers_label.setVisible(False)
            return
        self.base_note.setText(motion.base_note)
        self.answers.show_answers(motion.answers, motion.heads_percent_title, motion.area_percent_title)
        self.followers_label.setText(motion.followers)
        self.followers_label.setVisible(bool(motion.followers))
        self.rule_label.setText(motion.rule)
        self.results.show_lines(motion.lines)

    def _show_election(self, view: TallyView) -> None:
        election = view.election
        self.table.setVisible(election is not None)
        for label in (self.tie_label, self.open_seats_label):
            label.setVisible(False)
        if election is None:
            self.model.set_rows([])
            return
        self.base_note.setText(election.base_note)
        self.model.set_rows(election.candidates)
        shown = min(max(len(election.candidates), 1), TABLE_ROWS_SHOWN)
        header = self.table.horizontalHeader().sizeHint().height()
        scroll_bar = self.table.horizontalScrollBar().sizeHint().height()  # when the columns are wider
        self.table.setFixedHeight(header + shown * TABLE_ROW + 2 * self.table.frameWidth() + scroll_bar)
        self.tie_label.setText(election.tie)
        self.tie_label.setVisible(bool(election.tie))
        self.open_seats_label.setText(election.open_seats)
        self.open_seats_label.setVisible(bool(election.open_seats))

    # ------------------------------------------------------------ for tests and the status bar

    def threshold_texts(self) -> list[str]:
        """Every threshold row shown (participation, then result), as text."""
        return self.participation.texts() + self.results.texts()

    # ------------------------------------------------------------ printing

    def print_notice(self) -> None:
        """Write the vote's result notice (公告) to a PDF the clerk names, then offer to open its folder."""
        report = self.report
        if report is None or self.task is not None:
            return
        from estatedesk.services.votes.documents import print_notice  # written with the notice's report

        vote_id = report.vote.vote_id
        self.task = save_in_background(
            self,
            translate("votes", "Print the result notice"),
            Path.home() / present.notice_file_name(report.vote),
            translate("votes", "PDF document (*.pdf)"),
            translate("votes", "Writing the result notice…"),
            lambda target: print_notice(vote_id, target),
            self._notice_written,
            suffixes=(".pdf",),
        )
        task = self.task
        if task is not None:
            task.finished.connect(lambda: self._task_ended(task))
        self.update_actions()

    def _notice_written(self, _result: object, target: Path) -> str:
        """What is said once the notice is written (on the GUI thread)."""
        self.last_notice = target
        return translate("votes", "The result notice was written to\n{path}").format(path=target)

    def _task_ended(self, task: BackgroundTask) -> None:
        if self.task is task:
            self.task = None
        self.update_actions()
