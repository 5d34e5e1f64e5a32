"""Owners' votes and committee elections (业主大会表决 / 业主委员会选举), RULES.md §6.

``opening`` opens a vote and freezes its roll from the households file; ``ballots`` enters the
paper ballots (hash-chained, never deleted: voided with a reason), with double entry and proxies;
``counting`` counts them by the vote's rules and closes the vote; ``sheets`` imports keyed ballots
and exports the roll; ``documents`` prints ballots, the roll and the result notice.
"""

from estatedesk.services.votes.ballots import (
    BallotDesk,
    VoterOnRoll,
    disagreements,
    enter_ballot,
    enter_ballots,
    find_voter,
    heavy_proxies,
    list_ballots,
    void_ballot,
    voided_ballots,
)
from estatedesk.services.votes.counting import close_vote, count
from estatedesk.services.votes.documents import print_ballots, print_delivery_sheet, print_notice, print_roll
from estatedesk.services.votes.opening import (
    count_records,
    create_vote,
    list_votes,
    record_counts,
    roll,
    take_recorded_owner,
    vote_view,
)
from estatedesk.services.votes.records import (
    BallotEntered,
    BallotInput,
    BallotRow,
    Candidate,
    CountRecord,
    Disagreement,
    ProxyLoad,
    Reading,
    Roll,
    RollVoter,
    TallyReport,
    VoidedBallot,
    VoteCreated,
    VoteInput,
    VoteView,
)
from estatedesk.services.votes.sheets import ROLL_SHEET, BallotsSheet, ballots_sheet, export_roll

__all__ = [
    "ROLL_SHEET",
    "BallotDesk",
    "BallotEntered",
    "BallotInput",
    "BallotRow",
    "BallotsSheet",
    "Candidate",
    "CountRecord",
    "Disagreement",
    "ProxyLoad",
    "Reading",
    "Roll",
    "RollVoter",
    "TallyReport",
    "VoidedBallot",
    "VoteCreated",
    "VoteInput",
    "VoteView",
    "VoterOnRoll",
    "ballots_sheet",
    "close_vote",
    "count",
    "count_records",
    "create_vote",
    "disagreements",
    "enter_ballot",
    "enter_ballots",
    "export_roll",
    "find_voter",
    "heavy_proxies",
    "list_ballots",
    "list_votes",
    "print_ballots",
    "print_delivery_sheet",
    "print_notice",
    "print_roll",
    "record_counts",
    "roll",
    "take_recorded_owner",
    "void_ballot",
    "voided_ballots",
    "vote_view",
]
