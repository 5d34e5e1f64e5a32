"""The scrutineers' counts of a vote (监票): ballots issued (signed for) and ballots found in the box."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QSpinBox, QWidget

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from estatedesk.gui.dialogs.base import KEEP_OPEN, FormDialog, KeepOpen
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.services import votes
from estatedesk.services.votes import VoteView


class CountsDialog(FormDialog):
    """Two counts for one vote; ``result`` is the vote as recorded (a ``VoteView``)."""

    ui_file = "counts_dialog.ui"

    def __init__(self, parent: QWidget | None, vote: VoteView) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.vote = vote
        self.issued = find(ui, QSpinBox, "issuedSpin")
        self.found = find(ui, QSpinBox, "foundSpin")
        self.warning = find(ui, QLabel, "warningLabel")
        self.bind_field("issued", self.issued, find(ui, QLabel, "issuedError"))
        self.bind_field("found", self.found, find(ui, QLabel, "foundError"))
        # Counts recorded once are corrected only with a reason, which the count and the notice show.
        self.reason = find(ui, QLineEdit, "reasonEdit")
        self.bind_field("reason", self.reason, find(ui, QLabel, "reasonError"))
        correcting = vote.issued is not None
        self.reason.setVisible(correcting)
        find(ui, QLabel, "reasonLabel").setVisible(correcting)
        ui.setWindowTitle(
            translate("votes", "Scrutineers' counts of vote {number}").format(number=vote.vote_id)
        )
        find(ui, QLabel, "voteLabel").setText(
            translate(
                "votes", "Vote {number} “{title}”: {heads} voters on the roll, {ballots} ballots entered."
            ).format(number=vote.vote_id, title=vote.title, heads=vote.heads, ballots=vote.ballots)
        )
        # Nothing is filled in for the scrutineers: a count they did not type must not be recorded
        # (found, filled with the ballots entered, against issued 0 would void the whole count).
        for spin, value in ((self.issued, vote.issued), (self.found, vote.found)):
            spin.setMinimum(-1)
            spin.setSpecialValueText("—")
            spin.setValue(-1 if value is None else value)
        self.issued.valueChanged.connect(lambda _value: self._warn())
        self.found.valueChanged.connect(lambda _value: self._warn())
        self._warn()

    def _warn(self) -> None:
        """More ballots in the box than issued voids the whole count: said as soon as it is typed."""
        over = self.issued.value() >= 0 and self.found.value() > self.issued.value()
        self.warning.setText(
            translate("votes", "More ballots found than issued: the whole count will be void.")
            if over
            else ""
        )
        self.warning.setVisible(over)

    def validate(self) -> list[ValidationError]:
        """Both counts are typed by the scrutineers."""
        return [
            ValidationError(field, QT_TRANSLATE_NOOP("messages", "enter the count"))
            for field, spin in (("issued", self.issued), ("found", self.found))
            if spin.value() < 0
        ]

    def submit(self) -> VoteView | KeepOpen:
        """Record both counts; counts that void the whole count are recorded only once confirmed."""
        if self.found.value() > self.issued.value():
            answer = QMessageBox.question(
                self.dialog,
                self.dialog.windowTitle(),
                translate(
                    "votes",
                    "{found} ballots found but {issued} issued: the whole count will be void and no result"
                    " announced. Record these counts?",
                ).format(found=self.found.value(), issued=self.issued.value()),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return KEEP_OPEN
        return votes.record_counts(
            self.vote.vote_id, self.issued.value(), self.found.value(), self.reason.text()
        )
