"""名册: the frozen roll of the vote chosen, filtered as typed; printed, exported, its ballots printed.

A roll never changes once its vote is open, so it is read once per vote; 20,000 voters are
filtered in the shared table model on a search text made once when the roll is read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView

from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.gui.i18n import translate
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import CENTER, RIGHT, ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.presenters import vote_pages as present
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.vote_pages.base import VotePage
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.gui.worker import BackgroundTask, save_in_background
from estatedesk.services import votes
from estatedesk.services.votes import Roll, RollVoter

if TYPE_CHECKING:
    from estatedesk.gui.tabs.votes import VotesTab

PDF_FILTER = QT_TRANSLATE_NOOP("votes", "PDF document (*.pdf)")


class RollModel(RecordTableModel[RollVoter]):
    """The roll's voters, found by name, room or serial (each voter's search text made once)."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(
            [
                ColumnSpec(
                    "number",
                    translate("votes", "No."),
                    lambda voter: str(voter.number),
                    sort_key=lambda voter: voter.number,
                    alignment=CENTER,
                    width=60,
                ),
                ColumnSpec("serial", translate("votes", "Serial"), lambda voter: voter.serial, width=110),
                ColumnSpec("name", translate("votes", "Owner"), present.voter_name, width=180),
                ColumnSpec(
                    "rooms",
                    translate("votes", "Rooms"),
                    lambda voter: present.rooms_text(voter.rooms),
                    width=220,
                ),
                ColumnSpec(
                    "area",
                    translate("votes", "Area (㎡)"),
                    lambda voter: present.area_text(voter.area_centi),
                    sort_key=lambda voter: voter.area_centi,
                    alignment=RIGHT,
                    width=90,
                ),
                ColumnSpec(
                    "can_vote",
                    translate("votes", "Can vote"),
                    lambda voter: present.can_vote_text(voter.can_vote),
                    width=160,
                    colour=lambda voter: None if voter.can_vote else present.BAD_COLOUR,
                ),
            ],
            id_of=lambda voter: voter.number,
            parent=parent,
            search_text=lambda voter: self.search_texts.get(voter.number, ""),
        )
        self.search_texts: dict[int, str] = {}

    def set_roll(self, voters: tuple[RollVoter, ...]) -> None:
        """Show a roll's voters, in roll order."""
        self.search_texts = {voter.number: present.voter_search_text(voter) for voter in voters}
        self.set_rows(voters)


class RollPage(VotePage):
    """The frozen roll: 序号, 票号, 业主, 房号, 面积, can vote; its totals and the rooms without owner."""

    title = QT_TRANSLATE_NOOP("votes", "Roll")
    icon = "fa5s.address-book"
    key = "roll"
    ui_file = "vote_roll.ui"

    def __init__(self, tab: VotesTab) -> None:
        super().__init__(tab)
        form = self.form
        self.filter = find(form, QLineEdit, "filterEdit")
        self.table = find(form, QTableView, "rollTable")
        self.totals_label = find(form, QLabel, "totalsLabel")
        self.warning_label = find(form, QLabel, "warningLabel")
        self.count_label = find(form, QLabel, "countLabel")
        self.print_roll_button = find(form, QPushButton, "printRollButton")
        self.export_button = find(form, QPushButton, "exportButton")
        self.print_ballots_button = find(form, QPushButton, "printBallotsButton")
        self.print_delivery_button = find(form, QPushButton, "printDeliveryButton")
        self.filter.addAction(icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        self.print_roll_button.setIcon(icon("fa5s.print"))
        self.export_button.setIcon(icon("fa5s.file-excel"))
        self.print_ballots_button.setIcon(icon("fa5s.qrcode"))
        self.print_delivery_button.setIcon(icon("fa5s.signature"))
        self.model = RollModel(self)
        set_up_table(self.table, self.model, sorted_by="number")
        self.table.setSortingEnabled(True)
        self.list_note = ListNote(self.table)
        self.roll: Roll | None = None
        self._roll_of: int | None = None  # the vote whose roll is shown (a roll never changes)
        self.task: BackgroundTask | None = None
        self.filter.textChanged.connect(self._filter_changed)
        self.print_roll_button.clicked.connect(self.print_roll)
        self.export_button.clicked.connect(self.export_roll)
        self.print_ballots_button.clicked.connect(self.print_ballots)
        self.print_delivery_button.clicked.connect(self.print_delivery_sheet)
        self.warning_label.hide()
        self.update_actions()

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Show the roll of the vote chosen (read once per vote: a frozen roll never changes)."""
        vote_id = self.vote_id
        if vote_id != self._roll_of:
            self.roll = votes.roll(vote_id) if vote_id is not None else None
            self._roll_of = vote_id
            self.model.set_roll(self.roll.voters if self.roll is not None else ())
            self._show_totals()
        self._filter_changed(self.filter.text())
        self.update_actions()

    def forget_file(self) -> None:
        """Another file: no roll, no filter."""
        self.roll = None
        self._roll_of = None
        self.filter.clear()
        self.model.set_roll(())
        self._show_totals()
        self.update_actions()

    def status_text(self) -> str:
        """The roll's totals."""
        return self.totals_label.text()

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The roll's columns."""
        return {"columns": self.table.horizontalHeader()}

    def focus_first(self) -> None:
        """The filter."""
        self.filter.setFocus()

    def update_actions(self) -> None:
        """Printing and exporting need a roll (they write files, not the estate: a read-only file too)."""
        has_roll = self.roll is not None and self.task is None
        for button in (
            self.print_roll_button,
            self.export_button,
            self.print_ballots_button,
            self.print_delivery_button,
        ):
            button.setEnabled(has_roll)

    # ------------------------------------------------------------ list

    def _show_totals(self) -> None:
        roll = self.roll
        if roll is None:
            self.totals_label.clear()
            self.warning_label.hide()
            return
        self.totals_label.setText(present.roll_totals_text(roll.heads, roll.area_centi, roll.voters))
        warning = present.no_owner_text([voter.rooms[0] for voter in roll.without_owner if voter.rooms])
        self.warning_label.setText(warning)
        self.warning_label.setVisible(bool(warning))

    def _filter_changed(self, text: str) -> None:
        self.model.set_query(text)
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(present.roll_count_text(shown, total) if total else "")
        if self.roll is None:
            note = translate("votes", "No vote is chosen: open one on the Votes page.")
        elif total and not shown:
            note = translate("votes", "No voter matches “{text}”.").format(text=text.strip())
        else:
            note = ""
        self.list_note.set_text(note)

    # ------------------------------------------------------------ documents

    def _save(
        self,
        what: str,
        suffix: str,
        file_filter: str,
        busy: str,
        write: Callable[[int, Path], int],
        report: str,
    ) -> None:
        """Ask where, write the document on a worker thread, then say how many voters it holds."""
        vote_id = self.vote_id
        if vote_id is None or self.task is not None:
            return
        view = votes.vote_view(vote_id)
        suggested = Path.home() / present.document_name(what, vote_id, view.title, suffix)
        self.task = save_in_background(
            self,
            what,
            suggested,
            file_filter,
            busy,
            lambda target: write(vote_id, target),
            lambda count, target: report.format(count=count, path=target),
            suffixes=(suffix,) if suffix == ".pdf" else (".xlsx", ".csv"),
        )
        if self.task is not None:
            self.task.finished.connect(self._task_ended)
        self.update_actions()

    def _task_ended(self) -> None:
        self.task = None
        self.update_actions()

    def print_roll(self) -> None:
        """The frozen roll as a PDF."""
        from estatedesk.services.votes import documents

        self._save(
            translate("votes", "Roll"),
            ".pdf",
            translate("votes", PDF_FILTER),
            translate("votes", "Writing the roll…"),
            documents.print_roll,
            translate("votes", "The roll of {count} voters was written to\n{path}"),
        )

    def export_roll(self) -> None:
        """The frozen roll as an Excel workbook (or CSV)."""
        self._save(
            translate("votes", "Roll"),
            ".xlsx",
            translate("votes", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            translate("votes", "Exporting the roll…"),
            votes.export_roll,
            translate("votes", "{count} voters were written to\n{path}"),
        )

    def print_ballots(self) -> None:
        """The paper ballots, one for each voter who can vote."""
        from estatedesk.services.votes import documents

        self._save(
            translate("votes", "Ballots"),
            ".pdf",
            translate("votes", PDF_FILTER),
            translate("votes", "Writing the ballots…"),
            documents.print_ballots,
            translate("votes", "{count} ballots were written to\n{path}"),
        )

    def print_delivery_sheet(self) -> None:
        """The sheet owners sign when their ballot is delivered."""
        from estatedesk.services.votes import documents

        self._save(
            translate("votes", "Delivery sheet"),
            ".pdf",
            translate("votes", PDF_FILTER),
            translate("votes", "Writing the delivery sheet…"),
            documents.print_delivery_sheet,
            translate("votes", "The delivery sheet of {count} voters was written to\n{path}"),
        )
