"""One step of a repair order (派工, 到场, 完工, 回访, 关闭, 暂停, 取消, 跟进备注), in one dialog with modes.

Each step shows only its own inputs; the service refuses what is wrong field by field (a time
before the order was received, a cost with three decimals, a visit before the work is done) and
each refusal shows under its input, a step out of order above them all. Done: who pays; when the
maintenance fund pays, the approving vote (a motion, the closed ones first) or emergency use, else
the clerk is asked before saving; the owner pays by default for a repair inside their home. Close:
when the owner pays a cost, "charge it to the room's fee account", ticked. A time later than now is
asked about before the step is saved: the service takes one (paper records, plans), but a slip of
the clerk's would hold up every later step until that time.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, Problems, ValidationError
from estatedesk.domain.money import format_yuan
from estatedesk.domain.repairs import Payer, Step, format_time
from estatedesk.gui.dialogs.base import KEEP_OPEN, FormDialog, KeepOpen
from estatedesk.gui.dialogs.repair_order_dialog import from_qt, one_tab_stop, to_qt
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import repairs as present
from estatedesk.services import repairs, votes
from estatedesk.services.repairs import DoneInput, OrderDetail, StepDone
from estatedesk.services.repairs.orders import read_cost

# Which inputs each step shows, by the service's field names (their rows in the form).
FIELDS: dict[Step, tuple[str, ...]] = {
    Step.DISPATCH: ("at", "worker", "worker_phone", "contractor"),
    Step.START: ("at",),
    Step.DONE: ("at", "work", "materials", "materials_cost", "labour_cost", "payer", "vote", "emergency"),
    Step.VISIT: ("at", "satisfied", "comment", "caller"),
    Step.CLOSE: ("at", "charge"),
    Step.PAUSE: ("at", "reason"),
    Step.CANCEL: ("at", "reason"),
    Step.NOTE: ("text",),
}
ALL_FIELDS = tuple(dict.fromkeys(name for names in FIELDS.values() for name in names))
INPUTS = {
    "at": "atEdit",
    "worker": "workerCombo",
    "worker_phone": "workerPhoneEdit",
    "contractor": "contractorCheck",
    "work": "workEdit",
    "materials": "materialsEdit",
    "materials_cost": "materialsCostEdit",
    "labour_cost": "labourCostEdit",
    "payer": "payerCombo",
    "vote": "voteCombo",
    "emergency": "emergencyCheck",
    "satisfied": "satisfiedCombo",
    "comment": "commentEdit",
    "caller": "callerEdit",
    "reason": "reasonEdit",
    "text": "textEdit",
    "charge": "chargeCheck",
}
TITLES = {
    Step.DISPATCH: QT_TRANSLATE_NOOP("RepairStepDialog", "Dispatch order {number}"),
    Step.START: QT_TRANSLATE_NOOP("RepairStepDialog", "On site: order {number}"),
    Step.DONE: QT_TRANSLATE_NOOP("RepairStepDialog", "Work done: order {number}"),
    Step.VISIT: QT_TRANSLATE_NOOP("RepairStepDialog", "Return visit: order {number}"),
    Step.CLOSE: QT_TRANSLATE_NOOP("RepairStepDialog", "Close order {number}"),
    Step.PAUSE: QT_TRANSLATE_NOOP("RepairStepDialog", "Pause order {number}"),
    Step.CANCEL: QT_TRANSLATE_NOOP("RepairStepDialog", "Cancel order {number}"),
    Step.NOTE: QT_TRANSLATE_NOOP("RepairStepDialog", "Follow-up note: order {number}"),
}


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.title() for part in rest)


class RepairStepDialog(FormDialog):
    """The inputs of one step of ``detail``'s order; ``result`` is the service's ``StepDone``."""

    ui_file = "repair_step_dialog.ui"

    def __init__(self, parent: QWidget | None, step: Step, detail: OrderDetail, now: datetime) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.step = step
        self.detail = detail
        row = detail.row
        ui.setWindowTitle(self.tr(TITLES[step]).format(number=row.number))
        find(ui, QLabel, "orderLabel").setText(present.order_heading_html(row))
        self.at = find(ui, QDateTimeEdit, "atEdit")
        self.worker = find(ui, QComboBox, "workerCombo")
        self.worker_phone = find(ui, QLineEdit, "workerPhoneEdit")
        self.contractor = find(ui, QCheckBox, "contractorCheck")
        self.work = find(ui, QPlainTextEdit, "workEdit")
        self.materials = find(ui, QLineEdit, "materialsEdit")
        self.materials_cost = find(ui, QLineEdit, "materialsCostEdit")
        self.labour_cost = find(ui, QLineEdit, "labourCostEdit")
        self.payer = find(ui, QComboBox, "payerCombo")
        self.vote = find(ui, QComboBox, "voteCombo")
        self.emergency = find(ui, QCheckBox, "emergencyCheck")
        self.satisfied = find(ui, QComboBox, "satisfiedCombo")
        self.comment = find(ui, QLineEdit, "commentEdit")
        self.caller = find(ui, QLineEdit, "callerEdit")
        self.reason = find(ui, QLineEdit, "reasonEdit")
        self.text = find(ui, QLineEdit, "textEdit")
        self.charge = find(ui, QCheckBox, "chargeCheck")
        self.warning = find(ui, QLabel, "warningLabel")
        shown = FIELDS[step]
        for name in ALL_FIELDS:
            visible = name in shown
            for widget_name in (INPUTS[name], f"{_camel(name)}Label", f"{_camel(name)}Error"):
                widget = ui.findChild(QWidget, widget_name)
                if widget is not None:
                    widget.setVisible(visible)
            if visible and name not in ("contractor", "emergency", "charge"):
                self.bind_field(
                    name, find(ui, QWidget, INPUTS[name]), find(ui, QLabel, f"{_camel(name)}Error")
                )
        self.bind_field("step", find(ui, QLabel, "orderLabel"), find(ui, QLabel, "stepError"))
        self.opened_at = now  # the office's clock when the dialog opened; ``now()`` runs on from it
        self._opened = time.monotonic()
        self._future_confirmed: datetime | None = None  # a time later than now the clerk said yes to
        self.at.setDateTime(to_qt(max(now, row.received)))
        one_tab_stop(self.at)
        self.warning.hide()
        self.can_charge = False  # closing puts the owner's cost on the room's fee account
        self._fill(step, detail)
        # The time is now unless told otherwise: the clerk starts on what the step is about.
        first: dict[Step, QWidget] = {
            Step.DISPATCH: self.worker,
            Step.DONE: self.work,
            Step.VISIT: self.satisfied,
            Step.PAUSE: self.reason,
            Step.CANCEL: self.reason,
            Step.NOTE: self.text,
        }
        first.get(step, self.at).setFocus()
        ui.adjustSize()

    def _fill(self, step: Step, detail: OrderDetail) -> None:
        row = detail.row
        if step is Step.DISPATCH:
            self._workers = dict(repairs.workers())
            self.worker.addItem("", "")
            for name in self._workers:
                self.worker.addItem(name, name)
            self.worker.setCurrentText(row.worker)
            self.worker_phone.setText(detail.worker_phone or self._workers.get(row.worker, ""))
            self.worker.currentTextChanged.connect(self._worker_changed)
        elif step is Step.DONE:
            for payer in Payer:
                self.payer.addItem(present.payer_text(payer), payer.value)
            self.payer.setCurrentIndex(self.payer.findData(present.default_payer(detail).value))
            self.vote.addItem(self.tr("(none)"), None)
            for view in present.fund_votes(votes.list_votes()):
                state = self.tr("open") if view.is_open else self.tr("closed")
                self.vote.addItem(f"#{view.vote_id} {view.title}（{state}）", view.vote_id)
            self.payer.currentIndexChanged.connect(lambda _index: self._payer_changed())
            self.vote.currentIndexChanged.connect(lambda _index: self._payer_changed())
            self.emergency.toggled.connect(lambda _checked: self._payer_changed())
            for edit, name in ((self.materials_cost, "materials_cost"), (self.labour_cost, "labour_cost")):
                edit.textEdited.connect(lambda _text, name=name: self.revalidate(name))
            self.work.textChanged.connect(lambda: self.revalidate("work"))
            self._payer_changed()
        elif step is Step.VISIT:
            self.satisfied.addItem(self.tr("Satisfied"), True)
            self.satisfied.addItem(self.tr("Not satisfied: reopen the order (rework)"), False)
        elif step is Step.CLOSE:
            owed = present.owner_owes(detail)
            owner_pays = owed > 0
            self.can_charge = owner_pays and bool(detail.room_code)
            self.charge.setVisible(self.can_charge)
            self.charge.setChecked(self.can_charge)
            self.charge.setText(
                self.tr("Charge {amount} to the fee account of {room}").format(
                    amount=f"¥{format_yuan(owed)}", room=detail.room_code
                )
            )
            if owner_pays and not detail.room_code:
                self.warning.setText(
                    self.tr("The owner pays, but the order names no room: nothing can be charged.")
                )
                self.warning.show()

    def _worker_changed(self, name: str) -> None:
        phone = self._workers.get(name.strip())
        if phone:
            self.worker_phone.setText(phone)

    def _payer_changed(self) -> None:
        fund = self.payer.currentData() == Payer.FUND.value
        self.vote.setEnabled(fund)
        self.emergency.setEnabled(fund)
        find(self.dialog, QLabel, "voteLabel").setEnabled(fund)
        self.warning.setText(present.fund_warning_text())
        self.warning.setVisible(self.fund_without_basis())

    def fund_without_basis(self) -> bool:
        """The maintenance fund pays, with neither an approving vote nor emergency use."""
        return (
            self.step is Step.DONE
            and self.payer.currentData() == Payer.FUND.value
            and self.vote.currentData() is None
            and not self.emergency.isChecked()
        )

    # ------------------------------------------------------------ checking and saving

    def validate(self) -> list[ValidationError]:
        """What the dialog tells before the service: empty inputs a step needs, costs that are no amount."""
        problems = Problems()
        if self.step is Step.DISPATCH and not self.worker.currentText().strip():
            problems.append(
                ValidationError("worker", QT_TRANSLATE_NOOP("messages", "name the worker it goes to"))
            )
        if self.step is Step.DONE:
            if not self.work.toPlainText().strip():
                problems.append(ValidationError("work", QT_TRANSLATE_NOOP("messages", "say what was done")))
            problems.attempt(read_cost, self.materials_cost.text(), "materials_cost")
            problems.attempt(read_cost, self.labour_cost.text(), "labour_cost")
        if self.step in (Step.PAUSE, Step.CANCEL) and not self.reason.text().strip():
            problems.append(ValidationError("reason", QT_TRANSLATE_NOOP("messages", "give the reason")))
        if self.step is Step.NOTE and not self.text.text().strip():
            problems.append(ValidationError("text", QT_TRANSLATE_NOOP("messages", "the note is empty")))
        return problems

    def now(self) -> datetime:
        """The office's clock: the moment the dialog opened, and the time since."""
        return self.opened_at + timedelta(seconds=time.monotonic() - self._opened)

    def confirm_future(self, moment: datetime) -> bool:
        """Whether the step may be saved at ``moment``: yes when it is not later than now, else ask.

        A step saved in the future holds up every later step of the order until that time.
        """
        if moment <= self.now() or moment == self._future_confirmed:
            return True
        answer = QMessageBox.question(
            self.dialog,
            self.dialog.windowTitle(),
            self.tr(
                "The time {time} is later than now ({now}): every later step of the order would have "
                "to wait until then. Record the step at this time all the same?"
            ).format(time=format_time(moment), now=format_time(self.now())),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.at.setFocus()
            return False
        self._future_confirmed = moment
        return True

    def submit(self) -> StepDone | KeepOpen:
        """Take the step through its service; a time later than now, or an unfounded fund, asked first."""
        order_id = self.detail.row.order_id
        moment = from_qt(self.at)
        at = format_time(moment)
        step = self.step
        if step is not Step.NOTE and not self.confirm_future(moment):
            return KEEP_OPEN
        if step is Step.DISPATCH:
            return repairs.dispatch(
                order_id, self.worker.currentText(), self.worker_phone.text(), self.contractor.isChecked(), at
            )
        if step is Step.START:
            return repairs.start(order_id, at)
        if step is Step.DONE:
            if self.fund_without_basis():
                answer = QMessageBox.question(
                    self.dialog,
                    self.dialog.windowTitle(),
                    present.fund_warning_text() + "\n\n" + self.tr("Save all the same?"),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return KEEP_OPEN
            fund = self.payer.currentData() == Payer.FUND.value
            return repairs.finish(
                order_id,
                DoneInput(
                    work=self.work.toPlainText(),
                    materials=self.materials.text(),
                    materials_cost=self.materials_cost.text(),
                    labour_cost=self.labour_cost.text(),
                    payer=str(self.payer.currentData()),
                    vote_id=self.vote.currentData() if fund else None,
                    emergency_use=fund and self.emergency.isChecked(),
                    at=at,
                ),
            )
        if step is Step.VISIT:
            return repairs.visit(
                order_id, bool(self.satisfied.currentData()), self.comment.text(), self.caller.text(), at
            )
        if step is Step.CLOSE:
            return repairs.close(order_id, charge=self.can_charge and self.charge.isChecked(), at=at)
        if step is Step.PAUSE:
            return repairs.pause(order_id, self.reason.text(), at)
        if step is Step.CANCEL:
            return repairs.cancel(order_id, self.reason.text(), at)
        return repairs.note(order_id, self.text.text())
