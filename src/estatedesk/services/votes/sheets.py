"""A vote as spreadsheets: ballots keyed in Excel imported, the frozen roll exported.

The generic import (``services.interchange``) reads the file, previews it and writes it all or
nothing; a ballots row is entered by the same ``BallotDesk`` as a ballot typed at the table, so
it follows the very same rules (one live ballot a voter, candidates of the election, proxies).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, ValidationError
from estatedesk.domain.households import format_area, split_list
from estatedesk.domain.voting import VoterKind
from estatedesk.services.changes import Records
from estatedesk.services.interchange import Cell, Field, RowChecker, RowWriter, TableSheet, export_records
from estatedesk.services.interchange.importing import Outcome
from estatedesk.services.votes.ballots import BallotDesk
from estatedesk.services.votes.opening import roll
from estatedesk.services.votes.records import BallotInput, RollVoter

BALLOT_FIELDS = (
    Field("serial", "票号", ("选票编号", "编号", "序列号", "serial"), width=14),
    Field("room", "房号", ("房屋", "房间号", "房屋编号", "room"), width=12),
    Field("choice", "意见", ("表决意见", "表决结果", "同意/反对/弃权", "choice"), width=10),
    Field("marks", "所选候选人", ("选择", "候选人", "选举结果", "marks"), width=40),
    Field("proxy_name", "委托代理人", ("代理人", "受托人", "代理人姓名", "proxy"), width=12),
    Field("proxy_id", "代理人身份证号", ("代理人证件号", "受托人身份证号", "proxy_id"), width=22),
)


class BallotsSheet(TableSheet[BallotInput]):
    """The paper ballots of one vote keyed into a spreadsheet, one ballot a row (by serial or room)."""

    name = "ballots"
    fields = BALLOT_FIELDS
    sheet_title = "选票"
    changes = frozenset({Records.VOTES})
    record_word = "ballot"

    def __init__(self, vote_id: int) -> None:
        self.vote_id = vote_id

    def checker(self, mapping: Mapping[str, int]) -> RowChecker[BallotInput]:
        """A checker that knows the vote and the voters of the rows read before."""
        return _BallotsChecker(self.vote_id)

    def writer(self, records: Sequence[BallotInput]) -> RowWriter[BallotInput]:
        """One ballot desk for the whole file."""
        return _BallotsWriter(self.vote_id)

    @property
    def key_field(self) -> str:
        """Whole-row problems (the voter) belong to the serial column."""
        return "serial"


class _BallotsChecker(RowChecker[BallotInput]):
    def __init__(self, vote_id: int) -> None:
        self.desk = BallotDesk(vote_id)  # a closed vote takes no import: said once, for the whole file
        self.vote_id = vote_id
        self.row_of_voter: dict[int, int] = {}

    def check(self, row: int, values: Mapping[str, str]) -> tuple[BallotInput | None, list[ValidationError]]:
        typed = BallotInput(
            self.vote_id,
            serial=values.get("serial", ""),
            room=values.get("room", ""),
            choice=values.get("choice", ""),
            marks=tuple(split_list(values.get("marks", ""), at_spaces=False)),
            proxy_name=values.get("proxy_name", ""),
            proxy_id=values.get("proxy_id", ""),
        )
        try:
            number, _, _ = self.desk.check(typed)
        except InputRejected as rejected:
            return None, list(rejected.errors)
        if number in self.row_of_voter:
            duplicate = ValidationError(
                "serial" if typed.serial.strip() else "room",
                QT_TRANSLATE_NOOP("messages", "the same voter's ballot is on row {row} already"),
                row=self.row_of_voter[number],
            )
            return None, [duplicate]
        self.row_of_voter[number] = row
        return typed, []


class _BallotsWriter(RowWriter[BallotInput]):
    def __init__(self, vote_id: int) -> None:
        self.desk = BallotDesk(vote_id)

    def write(self, record: BallotInput) -> Outcome:
        self.desk.enter(record)  # InputRejected refuses the row, with every problem by field
        return "created"


def ballots_sheet(vote_id: int) -> BallotsSheet:
    """The ballots table of a vote, for ``interchange.preview`` and ``run_import``."""
    return BallotsSheet(vote_id)


ROLL_FIELDS = (
    Field("number", "序号", width=8),
    Field("serial", "票号", width=14),
    Field("name", "业主", width=24),
    Field("kind", "类别", width=12),
    Field("rooms", "房号", width=40),
    Field("area", "面积（㎡）", width=12),
    Field("can_vote", "可否投票", width=10),
)
_FROZEN = QT_TRANSLATE_NOOP("messages", "a voter roll is frozen from the households file, never imported")
_KIND_WORDS = {VoterKind.OWNER: "业主", VoterKind.DEVELOPER: "建设单位", VoterKind.NO_OWNER: "未登记业主"}


class RollSheet(TableSheet[RollVoter]):
    """A vote's frozen roll, one voter a row: exported only."""

    name = "roll"
    fields = ROLL_FIELDS
    sheet_title = "表决权人名册"
    changes = frozenset({Records.VOTES})
    record_word = "voter"

    def checker(self, mapping: Mapping[str, int]) -> RowChecker[RollVoter]:
        """A roll is made by opening a vote, never imported."""
        raise InputRejected([ValidationError("file", _FROZEN)])

    def writer(self, records: Sequence[RollVoter]) -> RowWriter[RollVoter]:
        """A roll is never imported."""
        raise InputRejected([ValidationError("file", _FROZEN)])

    def export_cells(self, record: RollVoter, masked: bool = False) -> Sequence[Cell]:
        """One voter as a row: number, serial, name, kind, rooms, area (a number, for sums), can vote."""
        return [
            record.number,
            record.serial,
            record.name or "（未登记业主）",
            _KIND_WORDS[record.kind],
            "、".join(record.rooms),
            Decimal(format_area(record.area_centi)),
            "是" if record.can_vote else "否（未登记业主）",
        ]


ROLL_SHEET = RollSheet()


def export_roll(vote_id: int, path: Path) -> int:
    """Write a vote's frozen roll to .xlsx (or .csv); return how many voters."""
    return export_records(ROLL_SHEET, path, roll(vote_id).voters)
