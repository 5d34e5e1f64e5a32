"""录入选票: paper ballots entered at the counting table by volunteers, from the keyboard alone.

Scan a ballot's QR code (the scanner types its serial and Enter) or type the serial or a room
and press Enter: the voter shows, red when they cannot vote or their ballot is already in. Then
what the ballot says: a motion's answer by key (1 同意, 2 反对, 3 弃权, 4 废票; or Y, N, A, S),
an election's candidates by their numbers (``1 3 7``), with a live count against the seats.
Enter saves, says what was entered in one line, and puts the cursor back in an empty serial
field. When the vote asks for double entry, a second clerk ticks "second entry" and enters the
same ballots again; each says whether it agrees with the first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError, InputRejected, ValidationError
from estatedesk.domain.voting import Choice, VoteKind
from estatedesk.gui import labels
from estatedesk.gui.errors import report_error
from estatedesk.gui.i18n import translate
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import vote_pages as present
from estatedesk.gui.tabs.fee_pages.collect import FieldErrors
from estatedesk.gui.tabs.vote_pages.base import VotePage
from estatedesk.gui.widgets.room_picker import ENTER_KEYS
from estatedesk.services import estate as estates
from estatedesk.services import votes
from estatedesk.services.votes import BallotEntered, BallotInput, VoterOnRoll, VoteView
from estatedesk.services.votes.ballots import unchecked_count

if TYPE_CHECKING:
    from estatedesk.gui.tabs.votes import VotesTab

MOTION_PAGE, ELECTION_PAGE = 0, 1
CANDIDATE_COLUMNS = 4
CANDIDATE_ROWS_SHOWN = 6  # more rows of candidates scroll


class EntryPage(VotePage):
    """Serial (or room) → voter → answer or marks → Enter; the cursor back in the serial field."""

    title = QT_TRANSLATE_NOOP("votes", "Enter ballots")
    icon = "fa5s.keyboard"
    key = "entry"
    ui_file = "vote_entry.ui"

    def __init__(self, tab: VotesTab) -> None:
        super().__init__(tab)
        form = self.form
        self.closed_label = find(form, QLabel, "closedLabel")
        self.count_label = find(form, QLabel, "countLabel")
        self.serial = find(form, QLineEdit, "serialEdit")
        self.room = find(form, QLineEdit, "roomEdit")
        self.voter_label = find(form, QLabel, "voterLabel")
        self.voter_problem = find(form, QLabel, "voterProblem")
        self.marks_stack = find(form, QStackedWidget, "marksStack")
        self.motion_box = find(form, QWidget, "motionBox")
        self.choice_buttons: dict[Choice, QRadioButton] = {
            Choice.YES: find(form, QRadioButton, "yesRadio"),
            Choice.NO: find(form, QRadioButton, "noRadio"),
            Choice.ABSTAIN: find(form, QRadioButton, "abstainRadio"),
            Choice.SPOILED: find(form, QRadioButton, "spoiledRadio"),
        }
        self.marks = find(form, QLineEdit, "marksEdit")
        self.marked_label = find(form, QLabel, "markedLabel")
        self.over_label = find(form, QLabel, "overLabel")
        self.spoiled = find(form, QCheckBox, "spoiledCheck")
        self.candidates_scroll = find(form, QScrollArea, "candidatesScroll")
        self.candidates_box = find(form, QWidget, "candidatesBox")
        grid = self.candidates_box.layout()
        assert isinstance(grid, QGridLayout)  # ui/vote_entry.ui gives the box a grid
        self.candidates_grid: QGridLayout = grid
        self.candidate_checks: list[QCheckBox] = []
        self.proxy_check = find(form, QCheckBox, "proxyCheck")
        self.proxy_box = find(form, QWidget, "proxyBox")
        self.proxy_name = find(form, QLineEdit, "proxyNameEdit")
        self.proxy_id = find(form, QLineEdit, "proxyIdEdit")
        self.second = find(form, QCheckBox, "secondCheck")
        self.save_button = find(form, QPushButton, "saveButton")
        self.clear_button = find(form, QPushButton, "clearButton")
        self.confirm_label = find(form, QLabel, "confirmLabel")
        self.agreement_label = find(form, QLabel, "agreementLabel")
        self.keys_label = find(form, QLabel, "keysLabel")
        self.save_button.setIcon(icon("fa5s.check"))
        self.clear_button.setIcon(icon("fa5s.undo"))
        self.choice_group = QButtonGroup(self)
        for choice, button in self.choice_buttons.items():
            button.setText(present.choice_button_text(choice))
            self.choice_group.addButton(button)
        self.errors = FieldErrors(
            {
                "serial": (self.serial, find(form, QLabel, "serialError")),
                "room": (self.room, find(form, QLabel, "roomError")),
                "choice": (self.motion_box, find(form, QLabel, "choiceError")),
                "marks": (self.marks, find(form, QLabel, "marksError")),
                "proxy_name": (self.proxy_name, find(form, QLabel, "proxyNameError")),
                "proxy_id": (self.proxy_id, find(form, QLabel, "proxyIdError")),
            }
        )
        self.view: VoteView | None = None  # the vote whose ballots are entered
        self.can_vote = 0  # voters of its roll who can vote
        self.voter: VoterOnRoll | None = None  # the voter the serial or room names, once found
        self.last: BallotEntered | None = None  # the ballot entered last
        self.setTabOrder(self.serial, self.room)
        self.setTabOrder(self.room, self.choice_buttons[Choice.YES])
        self.setTabOrder(self.choice_buttons[Choice.YES], self.marks)
        self.setTabOrder(self.marks, self.spoiled)
        self.setTabOrder(self.spoiled, self.proxy_check)
        self.setTabOrder(self.proxy_check, self.proxy_name)
        self.setTabOrder(self.proxy_name, self.proxy_id)
        self.setTabOrder(self.proxy_id, self.second)
        self.setTabOrder(self.second, self.save_button)
        self.serial.textEdited.connect(lambda _text: self._voter_typed("serial"))
        self.room.textEdited.connect(lambda _text: self._voter_typed("room"))
        self.choice_group.buttonToggled.connect(lambda _button, _on: self.errors.clear("choice"))
        self.marks.textChanged.connect(self._marks_changed)
        self.spoiled.toggled.connect(self._spoiled_toggled)
        self.proxy_check.toggled.connect(self._proxy_toggled)
        self.proxy_name.textEdited.connect(lambda _text: self.errors.clear("proxy_name"))
        self.proxy_id.textEdited.connect(lambda _text: self.errors.clear("proxy_id"))
        self.second.toggled.connect(lambda _on: self._show_voter(None))
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(lambda: self.start_over())
        for widget in (
            self.serial,
            self.room,
            self.motion_box,
            *self.choice_buttons.values(),
            self.marks,
            self.spoiled,
            self.proxy_check,
            self.proxy_name,
            self.proxy_id,
            self.second,
            self.save_button,
        ):
            widget.installEventFilter(self)
        self.proxy_box.hide()
        self.second.hide()
        self._show_vote()

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the vote again (open or closed, ballots so far); another vote chosen starts afresh.

        What is typed stays: the page reads after each ballot saved, and when others save.
        """
        vote_id = self.vote_id
        if vote_id is None:
            if self.view is not None:
                self.view = None
                self._show_vote()
        elif self.view is None or self.view.vote_id != vote_id:
            self.view = votes.vote_view(vote_id)
            self.can_vote = sum(1 for voter in votes.roll(vote_id).voters if voter.can_vote)
            self._show_vote()
        else:
            was_open = self.view.is_open
            self.view = votes.vote_view(vote_id)
            if was_open and not self.view.is_open:
                self.start_over(focus=False)  # closed meanwhile: nothing typed can be entered now
        self._show_count()
        self.update_actions()

    def forget_file(self) -> None:
        """Another file: nothing typed, no vote."""
        self.view = None
        self.last = None
        self._show_vote()
        self.update_actions()

    def status_text(self) -> str:
        """The ballots entered so far."""
        return self.count_label.text()

    def focus_first(self) -> None:
        """The serial field: the scanner types there."""
        self.serial.setFocus(Qt.FocusReason.OtherFocusReason)
        self.serial.selectAll()

    def can_enter(self) -> bool:
        """Whether ballots may be entered now: a vote chosen and open, the file writable."""
        return self.view is not None and self.view.is_open and not self.tab.read_only

    def update_actions(self) -> None:
        """Everything that enters is disabled on a closed vote or a read-only file, and says why."""
        enabled = self.can_enter()
        for widget in (
            self.serial,
            self.room,
            self.marks_stack,
            self.proxy_check,
            self.proxy_box,
            self.second,
            self.save_button,
            self.clear_button,
        ):
            widget.setEnabled(enabled)
        view = self.view
        if view is None:
            reason = translate("votes", "No vote is chosen: open one on the Votes page.")
        elif not view.is_open:
            reason = present.entry_closed_text(view)
        elif self.tab.read_only:
            reason = translate("votes", "The file is open read-only: ballots cannot be entered.")
        else:
            reason = ""
        self.closed_label.setText(reason)
        self.closed_label.setVisible(bool(reason))

    # ------------------------------------------------------------ the vote

    def is_election(self) -> bool:
        """Whether the vote chosen is an election (candidates marked) rather than a motion."""
        return self.view is not None and self.view.kind is VoteKind.ELECTION

    def seats(self) -> int:
        """The election's seats (0 for a motion)."""
        return (self.view.rules.seats or 0) if self.view is not None else 0

    def _show_vote(self) -> None:
        """Lay the page out for the vote chosen: a motion's answers or an election's candidates."""
        view = self.view
        self._fill_candidates(view.candidates if view is not None and self.is_election() else ())
        current = ELECTION_PAGE if self.is_election() else MOTION_PAGE
        self.marks_stack.setCurrentIndex(current)
        for index in range(self.marks_stack.count()):  # the stack as tall as the page shown
            policy = QSizePolicy.Policy.Preferred if index == current else QSizePolicy.Policy.Ignored
            page = self.marks_stack.widget(index)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.second.setChecked(False)
        self.second.setVisible(view is not None and view.double_entry)
        self.last = None
        self.confirm_label.clear()
        self.agreement_label.clear()
        self.keys_label.setText(
            translate(
                "votes",
                "Keys: scan or type the serial, Enter · type the numbers of the candidates marked "
                "(1 3 7) · Enter saves · Esc starts over",
            )
            if self.is_election()
            else translate(
                "votes",
                "Keys: scan or type the serial, Enter · 1 Yes, 2 No, 3 Abstain, 4 Spoiled (or Y, N, A, S) · "
                "Enter saves · Esc starts over",
            )
        )
        self.start_over(focus=False)

    def _fill_candidates(self, candidates: tuple[votes.Candidate, ...]) -> None:
        for check in self.candidate_checks:
            self.candidates_grid.removeWidget(check)
            check.deleteLater()
        self.candidate_checks = []
        for index, candidate in enumerate(sorted(candidates, key=lambda c: c.position)):
            check = QCheckBox(f"{index + 1}. {candidate.name}", self.candidates_box)
            check.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the numbers typed mark them; a click too
            check.setStyleSheet("font-size: 12pt;")
            check.toggled.connect(lambda _on: self._box_toggled())
            self.candidates_grid.addWidget(check, index // CANDIDATE_COLUMNS, index % CANDIDATE_COLUMNS)
            self.candidate_checks.append(check)
        rows = min(-(-len(self.candidate_checks) // CANDIDATE_COLUMNS), CANDIDATE_ROWS_SHOWN)
        if rows:
            line = self.candidate_checks[0].sizeHint().height() + max(
                self.candidates_grid.verticalSpacing(), 0
            )
            margins = self.candidates_grid.contentsMargins()
            self.candidates_scroll.setMinimumHeight(rows * line + margins.top() + margins.bottom() + 2)

    def _show_count(self) -> None:
        view = self.view
        if view is None:
            self.count_label.clear()
            return
        unchecked = unchecked_count(view.vote_id) if view.double_entry else None
        self.count_label.setText(present.entry_count_text(view, self.can_vote, unchecked))
        self.tab.status_changed.emit()

    # ------------------------------------------------------------ keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter finds the voter (in the serial or room field) or saves; 1–4/Y/N/A/S answer; Esc clears."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier):
            return False  # Ctrl+Enter and the like are not the clerk's keys (Shift+Y is Y)
        key = event.key()
        if key in ENTER_KEYS:
            if watched in (self.serial, self.room):
                self.look_up()
            else:
                self.save()
            return True
        if key == Qt.Key.Key_Escape:
            self.start_over()
            return True
        if (watched is self.motion_box or watched in self.choice_buttons.values()) and event.text():
            choice = present.choice_for_key(event.text())
            if choice is not None:
                self.choose(choice)
                return True
        return False

    def choose(self, choice: Choice) -> None:
        """Tick a motion's answer (its key was pressed)."""
        button = self.choice_buttons[choice]
        button.setChecked(True)
        button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def chosen(self) -> Choice | None:
        """The motion's answer ticked, if any."""
        return next((choice for choice, button in self.choice_buttons.items() if button.isChecked()), None)

    # ------------------------------------------------------------ the voter

    def _voter_typed(self, field: str) -> None:
        """The serial or room changed: the voter shown no longer belongs to it."""
        self.errors.clear(field)
        if self.voter is not None:
            self._show_voter(None)

    def look_up(self) -> VoterOnRoll | None:
        """Find the voter the serial (or room) names; then on to the answer, or say why not."""
        view = self.view
        if view is None or not self.can_enter():
            return None
        field = "serial" if self.serial.text().strip() or not self.room.text().strip() else "room"
        self.errors.clear("serial")
        self.errors.clear("room")
        try:
            voter = votes.find_voter(view.vote_id, self.serial.text(), self.room.text())
        except InputRejected as rejected:
            self._show_voter(None)
            self._refused(rejected.errors)
            return None
        except EstateDeskError as error:
            report_error(self, translate("votes", "Enter ballots"), error)
            return None
        line = self._show_voter(voter)
        if line is not None and line.problem:
            widget = self.serial if field == "serial" else self.room
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            widget.selectAll()  # the next scan replaces it
        else:
            self.focus_marks()
        return voter

    def _show_voter(self, voter: VoterOnRoll | None) -> present.VoterLine | None:
        self.voter = voter
        if voter is None:
            self.voter_label.clear()
            self.voter_problem.clear()
            self.voter_problem.hide()
            self.voter_label.setStyleSheet("font-size: 13pt;")
            return None
        line = present.voter_line(voter, self.is_second_entry(), estates.current_clerk())
        self.voter_label.setText(line.text)
        self.voter_label.setStyleSheet(
            "font-size: 13pt;" + (f" color: {present.BAD_COLOUR};" if line.problem else " font-weight: bold;")
        )
        self.voter_problem.setText(line.problem)
        self.voter_problem.setVisible(bool(line.problem))
        return line

    def is_second_entry(self) -> bool:
        """Whether this clerk is entering second entries (double entry)."""
        return self.view is not None and self.view.double_entry and self.second.isChecked()

    def focus_marks(self) -> None:
        """The cursor where the ballot's answer or marks are typed."""
        if self.is_election():
            self.marks.setFocus(Qt.FocusReason.OtherFocusReason)
            self.marks.selectAll()
        else:
            chosen = self.chosen()
            button = self.choice_buttons[chosen if chosen is not None else Choice.YES]
            button.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ an election's marks

    def marked_numbers(self) -> list[int]:
        """The candidates' numbers typed in the marks line (those that are candidates)."""
        numbers, _problems = present.read_marks(self.marks.text(), len(self.candidate_checks))
        return numbers

    def _marks_changed(self, text: str) -> None:
        numbers, problems = present.read_marks(text, len(self.candidate_checks))
        for number, check in enumerate(self.candidate_checks, start=1):
            check.blockSignals(True)
            check.setChecked(number in numbers)
            check.blockSignals(False)
        self.errors.clear("marks")
        if problems:
            self.errors.show(problems)
        self._show_marked(len(numbers))

    def _box_toggled(self) -> None:
        numbers = [number for number, check in enumerate(self.candidate_checks, start=1) if check.isChecked()]
        self.marks.setText(present.marks_line(numbers, len(self.candidate_checks)))

    def _show_marked(self, marked: int) -> None:
        seats = self.seats()
        over = seats > 0 and marked > seats and not self.spoiled.isChecked()
        self.marked_label.setText(present.marked_text(marked, seats))
        self.marked_label.setStyleSheet(
            "font-size: 13pt; font-weight: bold;" + (f" color: {present.BAD_COLOUR};" if over else "")
        )
        self.over_label.setText(present.over_marked_text(seats) if over else "")
        self.over_label.setVisible(over)

    def _spoiled_toggled(self, spoiled: bool) -> None:
        self.marks.setEnabled(not spoiled)
        self.candidates_box.setEnabled(not spoiled)
        self.errors.clear("marks")
        self._show_marked(len(self.marked_numbers()))

    def _proxy_toggled(self, shown: bool) -> None:
        self.proxy_box.setVisible(shown)
        if shown:
            self.proxy_name.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.errors.clear("proxy_name")
            self.errors.clear("proxy_id")

    # ------------------------------------------------------------ saving

    def ballot_input(self) -> tuple[BallotInput | None, list[ValidationError]]:
        """The ballot as typed, or the problems the page finds before asking the service."""
        view = self.view
        if view is None:
            return None, []
        choice = ""
        marks: tuple[str, ...] = ()
        if self.is_election():
            if self.spoiled.isChecked():
                choice = Choice.SPOILED.value
            else:
                numbers, problems = present.read_marks(self.marks.text(), len(self.candidate_checks))
                if problems:
                    return None, problems
                names = [c.name for c in sorted(view.candidates, key=lambda c: c.position)]
                marks = tuple(names[number - 1] for number in numbers)
        else:
            chosen = self.chosen()
            choice = chosen.value if chosen is not None else ""
        proxy = self.proxy_check.isChecked()
        if proxy and not self.proxy_name.text().strip():
            return None, [
                ValidationError("proxy_name", QT_TRANSLATE_NOOP("messages", "enter the proxy's name"))
            ]
        return (
            BallotInput(
                view.vote_id,
                serial=self.serial.text(),
                room=self.room.text(),
                choice=choice,
                marks=marks,
                proxy_name=self.proxy_name.text() if proxy else "",
                proxy_id=self.proxy_id.text() if proxy else "",
                second_entry=self.is_second_entry(),
            ),
            [],
        )

    def save(self) -> BallotEntered | None:
        """Enter the ballot typed; on a refusal say why by the fields, keeping everything typed."""
        if not self.can_enter():
            return None
        typed, problems = self.ballot_input()
        if problems or typed is None:
            self._refused(problems)
            return None
        try:
            result = votes.enter_ballot(typed)
        except InputRejected as rejected:
            self._refused(rejected.errors)
            return None
        except EstateDeskError as error:
            report_error(self, translate("votes", "Enter ballots"), error)
            self.read()
            return None
        self.last = result
        self.confirm_label.setText(present.entered_text(result, self.seats(), len(typed.marks)))
        colour = present.BAD_COLOUR if result.void else present.GOOD_COLOUR
        self.confirm_label.setStyleSheet(f"font-size: 12pt; color: {colour};")
        self.agreement_label.setText(present.agreement_text(result.agrees))
        if result.agrees is not None:
            colour = present.GOOD_COLOUR if result.agrees else present.BAD_COLOUR
            self.agreement_label.setStyleSheet(f"font-size: 12pt; font-weight: bold; color: {colour};")
        self.start_over()
        self.read()
        return result

    def _refused(self, errors: list[ValidationError]) -> None:
        elsewhere = self.errors.show(errors)
        if elsewhere:
            QMessageBox.warning(self, translate("votes", "Enter ballots"), labels.messages(elsewhere))
            self.read()  # the vote was closed meanwhile, say
        first = next((error.field for error in errors if error.field in self.errors.fields), None)
        if first is None:
            return
        widget = self.errors.fields[first][0]
        if first == "choice":
            self.focus_marks()
        elif widget.isEnabled() and widget.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def start_over(self, focus: bool = True) -> None:
        """An empty form for the next ballot (the confirmation of the last one stays)."""
        for field in (self.serial, self.room, self.marks, self.proxy_name, self.proxy_id):
            field.clear()
        self.choice_group.setExclusive(False)
        for button in self.choice_buttons.values():
            button.setChecked(False)
        self.choice_group.setExclusive(True)
        self.spoiled.setChecked(False)
        self.proxy_check.setChecked(False)
        self.errors.clear()
        self._show_voter(None)
        self._show_marked(0)
        if focus:
            self.focus_first()
