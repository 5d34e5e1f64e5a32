"""The votes page (gui/tabs/vote_pages/votes_list.py) and its dialogs: open, count, close a vote."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from estatedesk.domain.errors import MESSAGE_CONTEXT
from estatedesk.domain.voting import VoteKind
from estatedesk.gui.dialogs.base import BAD_FIELD_STYLE
from estatedesk.gui.dialogs.counts_dialog import CountsDialog
from estatedesk.gui.dialogs.new_vote_dialog import NewVoteDialog
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import FOREGROUND, MUTED_COLOR
from estatedesk.gui.presenters import vote_pages as present
from estatedesk.gui.tabs.vote_pages.votes_list import VotesListPage
from estatedesk.services import votes
from estatedesk.services.votes import BallotInput
from estatedesk.store import audit
from helpers.vote_desk import Desk, serial_of


def message(template: str, **params: object) -> str:
    """A service's message as the dialogs show it: in the interface language."""
    return translate(MESSAGE_CONTEXT, template).format(**params)


def shown(page: VotesListPage, key: str) -> list[str]:
    column = page.model.column_index(key)
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def error_text(dialog: object, name: str) -> str:
    """The error label's text if it is on show, else ''."""
    label = find(dialog.dialog, QLabel, name)  # type: ignore[attr-defined]
    return label.text() if not label.isHidden() else ""


def shows(dialog: NewVoteDialog, widget: QWidget) -> bool:
    return widget.isVisibleTo(dialog.dialog)


def test_without_votes_the_list_says_how_to_open_one(desk: Desk) -> None:
    page = desk.page(VotesListPage)
    assert page.model.rowCount() == 0 and page.list_note.text() == present.no_votes_text()
    assert page.new_button.isEnabled()
    assert not page.counts_button.isEnabled() and not page.close_button.isEnabled()


def test_a_vote_opened_through_the_dialog_is_chosen_and_says_what_was_frozen(
    desk: Desk, boxes: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = desk.page(VotesListPage)

    def fill_and_accept(dialog: NewVoteDialog) -> bool:
        dialog.title.setText("续聘物业服务企业")
        dialog.choose_kind(VoteKind.ORDINARY)
        dialog.double_entry.setChecked(True)
        dialog.accept()
        return bool(dialog.dialog.result())

    monkeypatch.setattr(NewVoteDialog, "exec", fill_and_accept)
    page.new_button.click()
    (view,) = votes.list_votes()
    assert view.title == "续聘物业服务企业" and view.double_entry and view.proxy_limit == 3
    assert (view.heads, view.area_centi) == (8, 79000)
    assert desk.tab.vote_id == view.vote_id
    assert desk.tab.vote_combo.currentData() == view.vote_id
    (kind, _title, text) = boxes.shown[-1]  # type: ignore[attr-defined]
    assert kind == "warning"  # a room has no recorded owner
    assert "名册已冻结：共 8 名表决权人，专有部分面积合计 790.00 ㎡" in text and "2-1-102" in text
    assert shown(page, "title") == ["续聘物业服务企业"]
    assert shown(page, "kind") == ["一般事项"]
    assert shown(page, "heads") == ["8"] and shown(page, "area") == ["790.00"]
    assert shown(page, "ballots") == ["0"] and shown(page, "state") == ["进行中"]
    assert page.selected_id() == view.vote_id and page.counts_button.isEnabled()


def test_the_dialog_shows_errors_next_to_the_title_and_the_seats(desk: Desk, boxes: object) -> None:
    dialog = NewVoteDialog(desk.tab.widget)
    dialog.choose_kind(VoteKind.ELECTION)
    assert shows(dialog, dialog.candidates) and not dialog.follow.isEnabled()
    dialog.title.setText("  ")
    dialog.seats.setValue(8)
    dialog.candidates.setPlainText("\n".join(["李喆", "张堃"]))
    dialog.accept()
    assert not dialog.dialog.result()
    assert error_text(dialog, "titleError") == message("enter the vote's title")
    assert error_text(dialog, "seatsError") == message("a committee has 5 to 11 seats, an odd number")
    assert dialog.seats.styleSheet() == BAD_FIELD_STYLE
    assert boxes.texts() == []  # type: ignore[attr-defined]  # every error by its field
    assert votes.list_votes() == []


def test_a_candidate_who_is_not_an_owner_is_refused_on_its_own_line(desk: Desk, boxes: object) -> None:
    dialog = NewVoteDialog(desk.tab.widget)
    dialog.choose_kind(VoteKind.ELECTION)
    dialog.title.setText("第二届业主委员会选举")
    dialog.candidates.setPlainText("李喆\n\n张堃\n周八\n王玥\n")
    dialog.accept()
    assert not dialog.dialog.result() and votes.list_votes() == []
    lines = error_text(dialog, "candidatesError").splitlines()
    assert lines == [
        message(
            "line {line}: {message}",
            line=4,  # the blank line counts: it is the box's fourth line
            message=message("{name} is not an owner on the roll: a candidate must be one", name="周八"),
        ),
        message(
            "line {line}: {message}",
            line=5,
            message=message(
                "{count} owners are named {name}: write the room too, like {example}",
                count=2,
                name="王玥",
                example="王玥@1-1-101",
            ),
        ),
    ]
    assert dialog.candidates.styleSheet() == BAD_FIELD_STYLE
    assert boxes.texts() == []  # type: ignore[attr-defined]
    dialog.candidates.setPlainText("李喆\n\n张堃\n王玥@2-1-101\n")
    dialog.accept()
    assert dialog.dialog.result()
    view = votes.vote_view(dialog.result.vote_id)
    assert [c.name for c in view.candidates] == ["李喆", "张堃", "王玥（2-1-101）"]  # another owner is 王玥
    assert view.rules.seats == 7  # the default


def test_kind_settings_show_only_for_their_kind(desk: Desk) -> None:
    dialog = NewVoteDialog(desk.tab.widget)
    dialog.choose_kind(VoteKind.MAJOR)
    assert dialog.follow.isEnabled()
    assert not shows(dialog, dialog.candidates) and not shows(dialog, dialog.objection)
    assert dialog.rules.text().startswith("重大事项")
    dialog.follow.setChecked(True)
    dialog.choose_kind(VoteKind.OBJECTION)
    assert not dialog.follow.isEnabled() and not dialog.follow.isChecked()
    assert shows(dialog, dialog.objection) and not dialog.participation.isEnabled()
    dialog.title.setText("使用维修资金（否定表决）")
    dialog.objection.setText("1/4")
    dialog.combine.setCurrentIndex(dialog.combine.findData("and"))
    dialog.accept()
    rules = votes.vote_view(dialog.result.vote_id).rules
    assert (rules.kind, str(rules.objection_share), rules.objection_combine.value) == (
        VoteKind.OBJECTION,
        "1/4",
        "and",
    )


def test_a_double_click_chooses_the_vote_in_the_bar(desk: Desk) -> None:
    first = desk.motion()
    second = desk.election()
    page = desk.page(VotesListPage)
    assert page.selected_id() == second and desk.tab.vote_id == second
    page.select_vote(first)
    page.table.doubleClicked.emit(page.model.index(page.model.row_of(first) or 0, 1))
    assert desk.tab.vote_id == first and desk.tab.vote_combo.currentData() == first


def test_the_scrutineers_counts_are_refused_next_to_the_field_then_recorded(
    desk: Desk, boxes: object
) -> None:
    vote_id = desk.motion()
    page = desk.page(VotesListPage)
    dialog = CountsDialog(page, votes.vote_view(vote_id))
    dialog.issued.setValue(9)  # only 7 voters can vote
    dialog.found.setValue(10)
    assert not dialog.warning.isHidden()  # more found than issued: said at once
    dialog.accept()
    assert not dialog.dialog.result()
    assert error_text(dialog, "issuedError") == message(
        "{count} ballots issued, but only {voters} voters can vote", count=9, voters=7
    )
    assert error_text(dialog, "foundError") == ""
    assert votes.vote_view(vote_id).issued is None
    dialog.issued.setValue(6)
    dialog.found.setValue(5)
    assert dialog.warning.isHidden()
    dialog.accept()
    assert dialog.dialog.result()
    view = votes.vote_view(vote_id)
    assert (view.issued, view.found) == (6, 5)
    assert dialog.reason.isHidden()  # nothing to correct yet
    again = CountsDialog(page, view)
    assert (again.issued.value(), again.found.value()) == (6, 5)
    assert not again.reason.isHidden()
    again.found.setValue(6)
    again.accept()
    assert not again.dialog.result()  # a correction says why
    assert error_text(again, "reasonError") == message(
        "the counts recorded were {issued} issued and {found} found: say why they are corrected",
        issued=6,
        found=5,
    )
    again.reason.setText("票箱底部还有一张")
    again.accept()
    assert again.dialog.result() and votes.vote_view(vote_id).found == 6


def test_counts_are_typed_by_the_scrutineers_and_a_void_count_is_asked_first(
    desk: Desk, boxes: object
) -> None:
    vote_id = desk.motion()
    page = desk.page(VotesListPage)
    dialog = CountsDialog(page, votes.vote_view(vote_id))
    assert (dialog.issued.value(), dialog.found.value()) == (-1, -1)  # nothing filled in: "—"
    assert dialog.issued.text() == "—" and dialog.warning.isHidden()
    dialog.accept()
    assert not dialog.dialog.result()
    assert error_text(dialog, "issuedError") == message("enter the count")
    assert error_text(dialog, "foundError") == message("enter the count")
    dialog.issued.setValue(5)
    dialog.found.setValue(6)
    boxes.answer = QMessageBox.StandardButton.No  # type: ignore[attr-defined]
    dialog.accept()
    assert not dialog.dialog.result() and votes.vote_view(vote_id).issued is None  # not recorded
    assert "6" in boxes.texts("question")[-1] and "5" in boxes.texts("question")[-1]  # type: ignore[attr-defined]
    boxes.answer = QMessageBox.StandardButton.Yes  # type: ignore[attr-defined]
    dialog.accept()
    assert dialog.dialog.result() and votes.count(vote_id).tally.count_void


def test_closing_is_refused_while_double_entry_is_unfinished(desk: Desk, boxes: object) -> None:
    vote_id = desk.motion(double_entry=True)
    page = desk.page(VotesListPage)
    serial = serial_of(vote_id, "李喆")
    votes.enter_ballot(BallotInput(vote_id, serial=serial, choice="同意"))
    page.close_vote()
    question, refusal = boxes.shown  # type: ignore[attr-defined]
    assert question[0] == "question" and "续聘物业服务企业" in question[2]
    assert refusal[0] == "warning"
    assert refusal[2] == message(
        "double entry is not finished: {unchecked} ballots without a second entry,"
        " {differing} entered differently{serials}",
        unchecked=1,
        differing=0,
        serials="",
    )
    assert votes.vote_view(vote_id).is_open
    audit.set_actor("第二位录入员")
    votes.enter_ballot(BallotInput(vote_id, serial=serial, choice="同意", second_entry=True))
    page.close_vote()
    assert boxes.shown[-1][0] == "information"  # type: ignore[attr-defined]
    assert not votes.vote_view(vote_id).is_open
    row = page.model.row_of(vote_id)
    closed = votes.vote_view(vote_id)
    assert row is not None and closed.closed_at is not None
    assert shown(page, "state")[row] == f"已于 {present.at_text(closed.closed_at)} 结束"
    assert page.model.index(row, 0).data(FOREGROUND).color() == MUTED_COLOR
    assert not page.counts_button.isEnabled() and not page.close_button.isEnabled()


def test_a_close_answered_no_leaves_the_vote_open(desk: Desk, boxes: object) -> None:
    from PySide6.QtWidgets import QMessageBox

    vote_id = desk.motion()
    page = desk.page(VotesListPage)
    boxes.answer = QMessageBox.StandardButton.No  # type: ignore[attr-defined]
    page.close_vote()
    assert votes.vote_view(vote_id).is_open


def test_a_read_only_file_offers_only_looking(desk: Desk, qtbot: QtBot) -> None:
    desk.motion()
    page = desk.page(VotesListPage)
    assert page.counts_button.isEnabled()
    desk.tab.read_only = True
    page.update_actions()
    assert not page.new_button.isEnabled()
    assert not page.counts_button.isEnabled() and not page.close_button.isEnabled()
