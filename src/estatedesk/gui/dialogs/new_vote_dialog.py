"""Open a vote (表决) or a committee election (选举): its title, what it decides, its rules.

The roll of voters is frozen by the service when the vote opens. An election names its seats and
its candidates, one owner a line; a candidate the roll does not know is refused on its own line.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from estatedesk.domain.errors import InputRejected, ValidationError
from estatedesk.domain.voting import (
    DEFAULT_OBJECTION_SHARE,
    Combine,
    Participation,
    VoteKind,
    VoteRules,
    parse_share,
    rules_text,
)
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import vote_pages as present
from estatedesk.services import votes
from estatedesk.services.votes import VoteCreated, VoteInput

DEFAULT_SEATS = 7
FOLLOWING_KINDS = (VoteKind.ORDINARY, VoteKind.MAJOR)  # 从众 applies to these only


def show_rows(rows: Sequence[Sequence[QWidget]], shown: bool) -> None:
    """Show or hide a form's rows: inputs and labels at even places, error labels at odd ones.

    An error label keeps its line while hidden (so that inputs do not jump as errors come and
    go), but not while its whole row is hidden.
    """
    for place, widgets in enumerate(rows):
        for widget in widgets:
            if place % 2:
                policy = widget.sizePolicy()
                policy.setRetainSizeWhenHidden(shown)
                widget.setSizePolicy(policy)
                if not shown:
                    widget.hide()
            else:
                widget.setVisible(shown)


class NewVoteDialog(FormDialog):
    """The new-vote dialog; ``result`` is the ``VoteCreated`` once the vote is open."""

    ui_file = "new_vote_dialog.ui"

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        ui = self.dialog
        ui.setWindowTitle(translate("votes", "New vote"))
        self.title = find(ui, QLineEdit, "titleEdit")
        self.kind = find(ui, QComboBox, "kindCombo")
        self.rules = find(ui, QLabel, "rulesLabel")
        self.seats = find(ui, QSpinBox, "seatsSpin")
        self.candidates = find(ui, QPlainTextEdit, "candidatesEdit")
        self.participation = find(ui, QComboBox, "participationCombo")
        self.follow = find(ui, QCheckBox, "followCheck")
        self.objection = find(ui, QLineEdit, "objectionEdit")
        self.combine = find(ui, QComboBox, "combineCombo")
        self.double_entry = find(ui, QCheckBox, "doubleEntryCheck")
        self.proxy_limit = find(ui, QSpinBox, "proxyLimitSpin")
        self.bind_field("title", self.title, find(ui, QLabel, "titleError"))
        self.bind_field("kind", self.kind)
        self.bind_field("seats", self.seats, find(ui, QLabel, "seatsError"))
        self.bind_field("candidates", self.candidates, find(ui, QLabel, "candidatesError"))
        self.bind_field("participation", self.participation, find(ui, QLabel, "participationError"))
        self.bind_field("objection_share", self.objection, find(ui, QLabel, "objectionError"))
        self.bind_field("objection_combine", self.combine)
        self.bind_field("proxy_limit", self.proxy_limit, find(ui, QLabel, "proxyLimitError"))
        # Rows of one kind only: (their inputs and labels, their error label).
        self.election_rows = (
            [find(ui, QLabel, "seatsLabel"), find(ui, QWidget, "seatsBox")],
            [find(ui, QLabel, "seatsError")],
            [find(ui, QLabel, "candidatesLabel"), self.candidates],
            [find(ui, QLabel, "candidatesError")],
        )
        self.objection_rows = (
            [find(ui, QLabel, "objectionLabel"), find(ui, QWidget, "objectionBox")],
            [find(ui, QLabel, "objectionError")],
        )
        for kind in VoteKind:
            self.kind.addItem(present.kind_text(kind), kind.value)
        for value, text in present.participation_choices():
            self.participation.addItem(text, value)
        for value, text in present.combine_choices():
            self.combine.addItem(text, value)
        self.seats.setValue(DEFAULT_SEATS)
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self.participation.currentIndexChanged.connect(lambda _index: self._show_rules())
        self.follow.toggled.connect(lambda _on: self._show_rules())
        self.seats.valueChanged.connect(lambda _value: self._show_rules())
        self.combine.currentIndexChanged.connect(lambda _index: self._show_rules())
        self.objection.textChanged.connect(lambda _text: self._show_rules())
        self._kind_changed()

    # ------------------------------------------------------------ what is chosen

    def chosen_kind(self) -> VoteKind:
        """What the vote decides."""
        return VoteKind(str(self.kind.currentData()))

    def choose_kind(self, kind: VoteKind) -> None:
        """Choose a kind in the list (as the clerk would)."""
        self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def typed_candidates(self) -> present.CandidateLines:
        """The candidates typed, one a line (an election's only)."""
        if self.chosen_kind() is not VoteKind.ELECTION:
            return present.CandidateLines((), ())
        return present.candidate_lines(self.candidates.toPlainText())

    def _kind_changed(self) -> None:
        kind = self.chosen_kind()
        show_rows(self.election_rows, kind is VoteKind.ELECTION)
        show_rows(self.objection_rows, kind is VoteKind.OBJECTION)
        follows = kind in FOLLOWING_KINDS
        self.follow.setEnabled(follows)
        if not follows:
            self.follow.setChecked(False)
        # An objection vote and a petition count against the totals: no participation threshold.
        self.participation.setEnabled(kind not in (VoteKind.OBJECTION, VoteKind.PETITION))
        self._show_rules()
        self.dialog.adjustSize()

    def _show_rules(self) -> None:
        """The rule the vote will be counted by, in the words printed on its result."""
        kind = self.chosen_kind()
        share: Fraction | None = DEFAULT_OBJECTION_SHARE
        if kind is VoteKind.OBJECTION:
            try:
                share = parse_share(self.objection.text())
            except ValidationError:
                share = None  # said next to the share when OK is pressed
        if share is None:
            self.rules.setText("")
            return
        rules = VoteRules(
            kind,
            Participation(str(self.participation.currentData())),
            self.follow.isChecked() and kind in FOLLOWING_KINDS,
            share,
            Combine(str(self.combine.currentData())),
            self.seats.value() if kind is VoteKind.ELECTION else None,
        )
        self.rules.setText(rules_text(rules))

    def show_errors(self, errors: list[ValidationError], reveal: bool = False) -> None:
        """Errors by their fields; the dialog grows if their lines need more room (a long list of names)."""
        super().show_errors(errors, reveal)
        wanted = self.dialog.sizeHint().height()
        if wanted > self.dialog.height():
            self.dialog.resize(self.dialog.width(), wanted)

    # ------------------------------------------------------------ OK

    def submit(self) -> VoteCreated:
        """Open the vote; errors about a candidate name the line of the box they are on."""
        kind = self.chosen_kind()
        typed = self.typed_candidates()
        try:
            return votes.create_vote(
                VoteInput(
                    title=self.title.text(),
                    kind=kind.value,
                    seats=self.seats.value() if kind is VoteKind.ELECTION else None,
                    candidates=typed.names,
                    participation=str(self.participation.currentData()),
                    follow_majority=self.follow.isChecked() and kind in FOLLOWING_KINDS,
                    objection_share=self.objection.text() if kind is VoteKind.OBJECTION else "1/3",
                    objection_combine=str(self.combine.currentData()) if kind is VoteKind.OBJECTION else "or",
                    double_entry=self.double_entry.isChecked(),
                    proxy_limit=self.proxy_limit.value(),
                )
            )
        except InputRejected as rejected:
            raise InputRejected(present.candidate_errors(rejected.errors, typed)) from None
