"""The step dialog (gui/dialogs/repair_step_dialog.py): each step's inputs, its refusals beside them."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from estatedesk.domain.errors import MESSAGE_CONTEXT
from estatedesk.domain.repairs import Payer, State, Step
from estatedesk.gui.dialogs.repair_order_dialog import to_qt
from estatedesk.gui.dialogs.repair_step_dialog import RepairStepDialog
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import repairs as present
from estatedesk.services import repairs, votes
from estatedesk.services.fees import account
from estatedesk.services.repairs import DoneInput
from estatedesk.services.votes import VoteInput
from helpers.repair_desk import NOW, RepairDesk


def message(template: str, **params: object) -> str:
    """A service's message as the dialog shows it: in the interface language."""
    return translate(MESSAGE_CONTEXT, template).format(**params)


def error(dialog: RepairStepDialog, name: str) -> str:
    """The error shown under an input ('' when none is)."""
    label = find(dialog.dialog, QLabel, name)
    return label.text() if not label.isHidden() else ""


def step_dialog(qtbot: QtBot, step: Step, order_id: int) -> RepairStepDialog:
    dialog = RepairStepDialog(None, step, repairs.order_detail(order_id), NOW)
    qtbot.addWidget(dialog.dialog)
    dialog.dialog.show()
    return dialog


def shown(dialog: RepairStepDialog, widget: QWidget) -> bool:
    return widget.isVisibleTo(dialog.dialog)


def in_progress(desk: RepairDesk) -> int:
    order_id = desk.order("2026-10-09 09:00", "water", "水管爆裂")
    repairs.dispatch(order_id, "李师傅", "13900001111", at="2026-10-09 09:05")
    repairs.start(order_id, at="2026-10-09 09:20")
    return order_id


def test_each_step_shows_only_its_own_inputs(repair_desk: RepairDesk, qtbot: QtBot) -> None:
    order_id = repair_desk.order("2026-10-09 09:00", "water", "水管爆裂")
    dispatch = step_dialog(qtbot, Step.DISPATCH, order_id)
    assert shown(dispatch, dispatch.worker) and shown(dispatch, dispatch.at)
    assert not shown(dispatch, dispatch.work) and not shown(dispatch, dispatch.reason)
    note = step_dialog(qtbot, Step.NOTE, order_id)
    assert shown(note, note.text) and not shown(note, note.at)


def test_a_step_out_of_order_is_refused_above_the_inputs(repair_desk: RepairDesk, qtbot: QtBot) -> None:
    order_id = repair_desk.order("2026-10-09 09:00", "water", "水管爆裂")
    dialog = step_dialog(qtbot, Step.VISIT, order_id)
    dialog.accept()
    assert dialog.result is None
    assert error(dialog, "stepError") == message(
        "a return visit comes after the work is done: the order is {state}",
        state=present.state_text(State.RECEIVED),
    )
    assert "已受理" in error(dialog, "stepError")  # the state in the clerk's words, not the program's
    assert repairs.order_row(order_id).state is State.RECEIVED


def test_a_done_time_before_the_order_was_received_is_refused_beside_the_time(
    repair_desk: RepairDesk, qtbot: QtBot
) -> None:
    order_id = in_progress(repair_desk)
    dialog = step_dialog(qtbot, Step.DONE, order_id)
    dialog.work.setPlainText("更换阀门")
    dialog.at.setDateTime(to_qt(datetime(2026, 10, 9, 8, 0)))
    dialog.accept()
    assert dialog.result is None
    assert error(dialog, "atError") == message(
        "{step} at {at} is before the order was received at {received}",
        step=present.step_text(Step.DONE),
        at="2026-10-09 08:00",
        received="2026-10-09 09:00",
    )


def test_a_cost_with_three_decimals_is_refused_as_soon_as_it_is_left(
    repair_desk: RepairDesk, qtbot: QtBot
) -> None:
    order_id = in_progress(repair_desk)
    dialog = step_dialog(qtbot, Step.DONE, order_id)
    dialog.work.setPlainText("更换阀门")
    dialog.labour_cost.setText("12.345")
    dialog.touch("labour_cost")  # the clerk leaves the input
    assert error(dialog, "labourCostError") == message("an amount has at most 2 decimals (fen)")
    dialog.accept()
    assert dialog.result is None and repairs.order_row(order_id).state is State.IN_PROGRESS
    dialog.labour_cost.setText("12.35")
    dialog.materials_cost.setText("0")
    dialog.accept()
    assert dialog.result is not None and dialog.result.state is State.DONE
    done = repairs.order_detail(order_id).steps[-1]
    assert (done.labour_fen, done.materials_fen, done.payer) == (1235, 0, Payer.ESTATE)


def test_the_fund_without_a_vote_is_asked_about_and_with_one_saved_plainly(
    repair_desk: RepairDesk, qtbot: QtBot, boxes: object
) -> None:
    order_id = in_progress(repair_desk)
    dialog = step_dialog(qtbot, Step.DONE, order_id)
    dialog.work.setPlainText("更换二次供水水泵")
    dialog.payer.setCurrentIndex(dialog.payer.findData(Payer.FUND.value))
    assert shown(dialog, dialog.warning) and dialog.warning.text() == present.fund_warning_text()
    boxes.answer = boxes.answer.No  # type: ignore[attr-defined]
    dialog.accept()
    assert dialog.result is None and len(boxes.texts("question")) == 1  # type: ignore[attr-defined]
    vote_id = votes.create_vote(VoteInput("动用维修资金更换水泵", "major")).vote_id
    dialog = step_dialog(qtbot, Step.DONE, order_id)
    dialog.work.setPlainText("更换二次供水水泵")
    dialog.payer.setCurrentIndex(dialog.payer.findData(Payer.FUND.value))
    dialog.vote.setCurrentIndex(dialog.vote.findData(vote_id))
    assert not shown(dialog, dialog.warning)
    dialog.accept()
    assert dialog.result is not None and len(boxes.texts("question")) == 1  # type: ignore[attr-defined]
    # The vote is still open: saved, and said.
    assert [notice.params for notice in dialog.result.notices] == [{"number": vote_id}]
    assert repairs.order_detail(order_id).steps[-1].vote_id == vote_id


def test_closing_what_the_owner_pays_charges_the_room_s_account(
    repair_desk: RepairDesk, qtbot: QtBot
) -> None:
    order_id = in_progress(repair_desk)
    repairs.finish(order_id, DoneInput("换密封圈", "密封圈", "12.50", "50", "owner", at="2026-10-09 09:50"))
    dialog = step_dialog(qtbot, Step.CLOSE, order_id)
    assert shown(dialog, dialog.charge) and dialog.charge.isChecked()
    assert "¥62.50" in dialog.charge.text() and "1-1-101" in dialog.charge.text()
    dialog.accept()
    assert dialog.result.charge_fen == 6250
    room = repairs.order_detail(order_id)
    assert account(households_room_id(room.room_code)).owed_fen == 6250


def households_room_id(code: str) -> int:
    from estatedesk.services import households

    return next(room.id for room in households.list_rooms() if room.code == code)


def test_dispatch_offers_the_workers_sent_before_with_their_phone(
    repair_desk: RepairDesk, qtbot: QtBot
) -> None:
    first = in_progress(repair_desk)
    assert first
    order_id = repair_desk.order("2026-10-09 09:30", "electricity", "插座没电", room="1-1-102")
    dialog = step_dialog(qtbot, Step.DISPATCH, order_id)
    assert dialog.worker.findText("李师傅") >= 0
    dialog.worker.setCurrentText("李师傅")
    assert dialog.worker_phone.text() == "13900001111"
    dialog.accept()
    assert repairs.order_row(order_id).worker == "李师傅" and dialog.result.state is State.DISPATCHED
    pause = step_dialog(qtbot, Step.PAUSE, order_id)
    pause.accept()
    assert error(pause, "reasonError") == message("give the reason")


# ---------------------------------------------------------------- the clerk's review


def test_a_step_timed_later_than_now_is_asked_about_and_not_saved_on_no(
    repair_desk: RepairDesk, qtbot: QtBot, boxes: object
) -> None:
    order_id = repair_desk.order("2026-10-09 09:00", "water", "水管爆裂")
    dialog = step_dialog(qtbot, Step.DISPATCH, order_id)
    dialog.worker.setCurrentText("李师傅")
    dialog.at.setDateTime(to_qt(datetime(2026, 10, 9, 15, 0)))  # a slip: 15:00 for 10:00
    boxes.answer = boxes.answer.No  # type: ignore[attr-defined]
    dialog.accept()
    (asked,) = boxes.texts("question")  # type: ignore[attr-defined]
    assert "2026-10-09 15:00" in asked and "晚于现在" in asked
    assert dialog.result is None and repairs.order_row(order_id).state is State.RECEIVED
    boxes.answer = boxes.answer.Yes  # type: ignore[attr-defined]
    dialog.accept()  # a plan typed on purpose: saved at that time
    assert dialog.result is not None and repairs.order_detail(order_id).steps[-1].at == datetime(
        2026, 10, 9, 15
    )
    # A time not later than now is saved without a question.
    start = step_dialog(qtbot, Step.START, in_progress_order(repair_desk))
    start.accept()
    assert start.result is not None and len(boxes.texts("question")) == 2  # type: ignore[attr-defined]


def in_progress_order(desk: RepairDesk) -> int:
    order_id = desk.order("2026-10-09 08:00", "water", "水龙头漏水", room="1-1-102")
    repairs.dispatch(order_id, "王师傅", at="2026-10-09 08:10")
    return order_id


def test_the_time_is_left_with_one_tab(repair_desk: RepairDesk, qtbot: QtBot, app: QApplication) -> None:
    order_id = in_progress(repair_desk)
    dialog = step_dialog(qtbot, Step.PAUSE, order_id)
    dialog.dialog.activateWindow()
    qtbot.waitUntil(dialog.dialog.isActiveWindow)
    dialog.at.setFocus()
    qtbot.waitUntil(dialog.at.hasFocus)
    qtbot.keyClick(app.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.reason.hasFocus()


def test_the_owner_pays_by_default_for_a_repair_in_the_home_and_the_estate_otherwise(
    repair_desk: RepairDesk, qtbot: QtBot
) -> None:
    home = repair_desk.order("2026-10-09 08:00", "in-home", "卫生间漏水", room="1-1-102")
    stairwell = repair_desk.order(
        "2026-10-09 08:00", "in-home", "楼道窗户", room="", place_kind="stairwell", building="1", unit="1"
    )
    water = repair_desk.order("2026-10-09 08:00", "water", "水管爆裂")
    payer = {
        order_id: step_dialog(qtbot, Step.DONE, order_id).payer.currentData()
        for order_id in (home, stairwell, water)
    }
    assert payer == {home: Payer.OWNER.value, stairwell: Payer.ESTATE.value, water: Payer.ESTATE.value}


def test_the_approving_vote_is_chosen_among_motions_the_closed_first(
    repair_desk: RepairDesk, qtbot: QtBot
) -> None:
    closed = votes.create_vote(VoteInput("动用维修资金更换水泵", "major")).vote_id
    votes.close_vote(closed)
    still_open = votes.create_vote(VoteInput("动用维修资金维修屋面", "major")).vote_id
    election = votes.create_vote(
        VoteInput("第二届业主委员会选举", "election", seats=5, candidates=["王玥", "李喆", "张堃"])
    ).vote_id
    petition = votes.create_vote(VoteInput("提议召开业主大会", "petition")).vote_id
    dialog = step_dialog(qtbot, Step.DONE, in_progress(repair_desk))
    offered = [dialog.vote.itemData(index) for index in range(dialog.vote.count())]
    assert offered == [None, closed, still_open]  # no election, no petition: they approve no spending
    assert election not in offered and petition not in offered
