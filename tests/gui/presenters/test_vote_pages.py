"""gui/presenters/vote_pages.py: the votes tab's pages as text, without Qt."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.voting import Choice, VoteKind, VoterKind, VoteRules, ballot_serial
from estatedesk.gui import labels
from estatedesk.gui.presenters import vote_pages as present
from estatedesk.services.votes import (
    BallotEntered,
    BallotRow,
    Reading,
    RollVoter,
    VoteCreated,
    VoterOnRoll,
    VoteView,
)


def ballot(
    choice: Choice | None = Choice.YES,
    marks: tuple[str, ...] = (),
    void: bool = False,
    checked: bool | None = None,
) -> BallotRow:
    return BallotRow(
        7,
        2,
        "3-00002-X",
        "李喆",
        ("1-1-102",),
        10000,
        choice,
        marks,
        void,
        "",
        "",
        "2026-11-30T02:15:00+00:00",
        "王玥",
        checked,
    )


def voter(kind: str = "owner", entered: BallotRow | None = None) -> VoterOnRoll:
    return VoterOnRoll(
        2,
        "李喆" if kind != "no_owner" else "",
        VoterKind(kind),
        ("1-1-102", "3-1-101"),
        15050,
        "3-00002-X",
        entered,
    )


def test_the_presenter_imports_no_qt() -> None:
    assert "PySide6" not in Path(present.__file__).read_text(encoding="utf-8")
    assert present.area_text(8950) == "89.50"


@pytest.mark.parametrize(
    ("typed", "count", "numbers", "wrong"),
    [
        ("", 6, [], []),
        ("135", 6, [1, 3, 5], []),  # nine candidates or fewer: each digit is one
        ("1 3,5、6", 6, [1, 3, 5, 6], []),
        ("1 12 3", 15, [1, 12, 3], []),  # more than nine: numbers apart
        ("19", 6, [1], ["there is no candidate {number} (1 to {count})"]),
        ("1 1", 6, [1], ["candidate {number} is typed twice"]),
        ("1 x", 6, [1], ["'{value}' is not a candidate's number"]),
        ("0", 12, [], ["there is no candidate {number} (1 to {count})"]),
    ],
)
def test_marks_are_read_from_the_numbers_typed(
    typed: str, count: int, numbers: list[int], wrong: list[str]
) -> None:
    found, problems = present.read_marks(typed, count)
    assert found == numbers
    assert [problem.template for problem in problems] == wrong
    assert all(problem.field == "marks" for problem in problems)


def test_the_marks_line_follows_the_boxes_ticked() -> None:
    assert present.marks_line([5, 1, 3], 6) == "135"
    assert present.marks_line([12, 1], 15) == "1 12"
    assert present.marks_line([], 6) == ""
    assert present.read_marks(present.marks_line([2, 11, 7], 12), 12)[0] == [2, 7, 11]


def test_the_election_counter_and_what_an_over_marked_ballot_is() -> None:
    assert present.marked_text(3, 9) == "Marked 3 / seats 9"
    assert "void" in present.over_marked_text(9) and "takes part" in present.over_marked_text(9)


def test_candidate_errors_name_the_line_of_the_box() -> None:
    typed = present.candidate_lines("李喆\n\n  张堃 \n周八\n")
    assert typed.names == ("李喆", "张堃", "周八") and typed.lines == (1, 3, 4)
    refused = ValidationError(
        "candidates.2", "{name} is not an owner on the roll: a candidate must be one", name="周八"
    )
    other = ValidationError("title", "enter the vote's title")
    shown = present.candidate_errors([refused, other], typed)
    assert [error.field for error in shown] == ["candidates", "title"]
    assert labels.message(shown[0]) == "line 4: 周八 is not an owner on the roll: a candidate must be one"
    assert shown[1] is other


def test_a_voter_found_by_the_serial() -> None:
    line = present.voter_line(voter(), second_entry=False)
    assert line.text == "3-00002-X  李喆  ·  rooms 1-1-102、3-1-101  ·  150.50 ㎡" and line.problem == ""
    assert "cannot vote" in present.voter_line(voter("no_owner"), False).problem
    assert "(no recorded owner)" in present.voter_line(voter("no_owner"), False).text


def test_a_voter_whose_ballot_is_in_is_shown_with_what_was_entered(shanghai: None) -> None:
    entered = ballot(Choice.NO)
    line = present.voter_line(voter(entered=entered), second_entry=False)
    assert line.problem == "Already entered by 王玥 at 2026-11-30 10:15: No. Void it first to enter another."
    # A second entry is made blind: the first reading is not shown, and it needs a first entry.
    assert present.voter_line(voter(entered=entered), second_entry=True).problem == ""
    assert "enter it first" in present.voter_line(voter(), second_entry=True).problem


def test_what_a_ballot_says() -> None:
    assert present.answer_text(ballot(Choice.ABSTAIN)) == "Abstain"
    assert present.answer_text(ballot(None, ("李喆", "张堃"))) == "李喆、张堃"
    assert present.answer_text(ballot(None)) == "(no candidate marked)"
    assert present.void_text(ballot(Choice.SPOILED, void=True)) == "Void: spoiled"
    assert present.void_text(ballot(None, ("a", "b", "c"), void=True)) == "Void: 3 marked"
    assert present.void_text(ballot()) == ""
    assert [present.check_state_text(state) for state in (None, True, False)] == ["—", "Agrees", "Differs"]
    assert present.check_state_colour(True) == present.GOOD_COLOUR
    assert present.check_state_colour(False) == present.BAD_COLOUR
    assert present.check_state_colour(None) is None


def test_keys_choose_a_motions_answer() -> None:
    assert [present.choice_for_key(key) for key in "1234"] == list(Choice)
    assert [present.choice_for_key(key) for key in "ynas"] == list(Choice)
    assert present.choice_for_key("5") is None and present.choice_for_key("") is None
    assert present.choice_button_text(Choice.NO) == "2  No"


def test_a_proxys_id_number_is_masked_as_everywhere_else() -> None:
    assert present.proxy_text("张三", "110101199003071233") == "张三 110101********1233"
    assert present.proxy_text("张三", "") == "张三"
    assert present.proxy_text("", "") == ""


def test_a_double_entrys_reading_in_words_with_the_id_masked() -> None:
    assert present.reading_text(Reading(Choice.YES, (), "", "")) == "Yes"
    assert (
        present.reading_text(Reading(Choice.SPOILED, (), "张三", "110101199003071233"))
        == "Spoiled (proxy 张三 110101********1233)"
    )
    assert present.reading_text(Reading(None, ("李喆", "张堃"), "张三", "")) == "李喆、张堃 (proxy 张三)"
    assert present.reading_text(Reading(None, (), "", "")) == "-"


def test_rooms_without_owner_are_listed_then_counted() -> None:
    assert present.no_owner_text([]) == ""
    rooms = [f"9-1-{number}" for number in range(101, 136)]
    text = present.no_owner_text(rooms)
    assert text.startswith("35 rooms have no recorded owner")
    assert "9-1-130" in text and "9-1-131" not in text and text.endswith(" and 5 more")


def test_what_opening_a_vote_says() -> None:
    text = present.created_text(VoteCreated(4, 291, 2831143, ("2-1-102",)))
    assert "Vote 4" in text and "291 voters" in text and "28,311.43 ㎡" in text


def test_the_roll_search_text_folds_rooms_and_serials_as_typed_words_are() -> None:
    from estatedesk.domain.search import query_words

    voter = RollVoter(5, "P5", "张堃", VoterKind.OWNER, ("1-1-103", "3-1-101"), 15000, ballot_serial(3, 5))
    text = present.voter_search_text(voter)
    for typed in ("张堃", "3-1-101", "3号楼1单元101", ballot_serial(3, 5), "00005"):
        assert all(word in text for word in query_words(typed)), typed
    assert present.roll_totals_text(8, 79000, (voter,)) == "Total heads 8 · total area 790.00 ㎡ · 1 can vote"


def test_whether_a_voter_can_vote_has_words_of_its_own() -> None:
    # "Yes" is a ballot's answer (同意): the roll's column must not borrow it.
    assert present.can_vote_text(True) == "Yes, can vote"
    assert present.can_vote_text(False) == "No (no recorded owner)"
    assert present.can_vote_text(True) not in [present.choice_text(choice) for choice in Choice]


def test_confirmations_of_a_ballot_entered() -> None:
    plain = BallotEntered(1, 2, "3-00002-X", "李喆", void=False)
    assert present.entered_text(plain) == "Entered 3-00002-X 李喆"
    over = BallotEntered(1, 2, "3-00002-X", "李喆", void=True)
    assert present.entered_text(over, seats=9, marked=10).startswith(
        "Entered 3-00002-X 李喆 — More than 9 marked"
    )
    # ticked 废票 on the paper: spoiled, not over-marked
    assert present.entered_text(over, seats=9, marked=0).endswith("a spoiled ballot: its voter takes part")
    blank = BallotEntered(1, 2, "3-00002-X", "李喆", void=False)
    assert present.entered_text(blank, seats=9, marked=0).endswith(
        "a blank ballot: no candidate marked, its voter takes part"
    )
    assert present.entered_text(blank, seats=9, marked=3) == "Entered 3-00002-X 李喆"
    second = BallotEntered(1, 2, "3-00002-X", "李喆", void=False, agrees=False)
    assert present.entered_text(second) == "Second entry of 3-00002-X 李喆"
    assert present.agreement_text(True) == "Agrees with the first entry"
    assert present.agreement_text(False).startswith("Differs")
    assert present.agreement_text(None) == ""


def test_document_names_keep_out_what_a_file_name_cannot_hold() -> None:
    assert present.document_name("名册", 3, "使用/维修:资金?", ".pdf") == "名册 3 使用_维修_资金_.pdf"
    assert len(present.document_name("名册", 3, "长" * 300, ".pdf")) == 124


def test_closing_without_the_scrutineers_counts_is_said_in_the_question() -> None:
    counted = VoteView(
        4, "续聘", VoteRules(VoteKind.ORDINARY), False, 3, 8, 80000, None, None, "2027-03-01T00:00:00+00:00",
        "clerk", None, (), 5,
    )  # fmt: skip
    assert "have not recorded the ballots issued and found" in present.close_question(counted)
    recorded = replace(counted, issued=7, found=5)
    assert "have not recorded" not in present.close_question(recorded)


def test_the_clerk_who_entered_a_ballot_is_told_at_once_that_its_second_entry_is_anothers() -> None:
    at = "2027-03-01T02:00:00+00:00"
    first = BallotRow(
        1, 2, "3-00002-X", "李喆", ("1-1-102",), 15050, Choice.YES, (), False, "", "", at, "张三", None
    )
    found = voter(entered=first)
    assert present.voter_line(found, second_entry=True, clerk="李四").problem == ""
    mine = present.voter_line(found, second_entry=True, clerk="张三").problem
    assert mine.startswith("You (张三) entered this ballot") and "Settings" in mine
