"""Void an entered ballot (作废) with a reason: it stays on file, out of the count; another may be entered."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from estatedesk.gui.dialogs.base import KEEP_OPEN, FormDialog, KeepOpen
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import vote_pages as present
from estatedesk.services import votes
from estatedesk.services.votes import BallotRow, VoidedBallot


class VoidBallotDialog(FormDialog):
    """The reason for voiding one ballot; OK asks once more, then voids it."""

    ui_file = "void_ballot_dialog.ui"

    def __init__(self, parent: QWidget | None, vote_id: int, ballot: BallotRow) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.vote_id = vote_id
        self.ballot = ballot
        self.reason = find(ui, QLineEdit, "reasonEdit")
        self.bind_field("reason", self.reason, find(ui, QLabel, "reasonError"))
        ui.setWindowTitle(translate("votes", "Void ballot {serial}").format(serial=ballot.serial))
        find(ui, QLabel, "ballotLabel").setText(
            translate(
                "votes", "Ballot {serial} of {name} (rooms {rooms}): {answer}, entered by {actor} at {at}."
            ).format(
                serial=ballot.serial,
                name=ballot.voter_name,
                rooms=present.rooms_text(ballot.rooms),
                answer=present.answer_text(ballot),
                actor=ballot.actor,
                at=present.at_text(ballot.at),
            )
        )

    def validate(self) -> list[ValidationError]:
        """A void needs its reason."""
        if not self.reason.text().strip():
            return [ValidationError("reason", QT_TRANSLATE_NOOP("messages", "say why the ballot is voided"))]
        return []

    def submit(self) -> VoidedBallot | KeepOpen:
        """Ask once more, then void the ballot."""
        answer = QMessageBox.question(
            self.dialog,
            self.dialog.windowTitle(),
            present.void_question(self.ballot.serial, self.ballot.voter_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return KEEP_OPEN
        return votes.void_ballot(self.vote_id, self.ballot.serial, "", self.reason.text())
