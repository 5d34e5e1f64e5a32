"""The count page of the votes tab (计票) as text and numbers, from a ``TallyReport``; Qt-free.

Every share comes from the domain's exact count: percentages are ``percent_text`` of a
``Fraction`` and whether a threshold is reached is ``Check.met``, never a comparison of floats
(exactly 2/3 takes part, exactly 1/2 is no majority, exactly 3/4 passes a major matter). A float
leaves this module only as ``ThresholdLine.fill`` and ``ThresholdLine.threshold``, for drawing a bar.

Texts are English sources translated in context "votes"; the rule set is the domain's Chinese
``rules_text``, as printed on the result notice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from fractions import Fraction

from estatedesk.domain.households import format_area_total
from estatedesk.domain.voting import (
    Check,
    Choice,
    Combine,
    ElectionResult,
    MotionResult,
    Tally,
    VoteKind,
    Weight,
    check_percent,
    format_share,
    majority_side,
    percent_text,
    rules_text,
)
from estatedesk.gui.i18n import translate
from estatedesk.gui.presenters.common import local_time
from estatedesk.gui.presenters.vote_pages import choice_text
from estatedesk.services.votes import TallyReport, VoteView

MET_MARK, UNMET_MARK = "✓", "✗"
NONE = "—"  # a share of nothing: the roll (or the participation) is empty
AREA_UNIT = "㎡"
ROOMS_LISTED = 10  # rooms without an owner named in the warning before "…"
SERIALS_LISTED = 10  # serials named in a warning before "…"


# ---------------------------------------------------------------- numbers


def area_text(centi: int) -> str:
    """An area held in 1/100 ㎡, thousands grouped, two decimals: ``8,012.34``."""
    return format_area_total(centi)


def heads_text(heads: int) -> str:
    """A number of voters, thousands grouped: ``1,204``."""
    return f"{heads:,}"


def share_percent(value: int, whole: int) -> str:
    """``value / whole`` as an exact percentage (``percent_text``); a dash when the whole is empty."""
    return percent_text(Fraction(value, whole)) if whole > 0 else NONE


def mark(met: bool) -> str:
    """✓ or ✗."""
    return MET_MARK if met else UNMET_MARK


def _listed(items: Sequence[str], limit: int) -> str:
    shown = "、".join(items[:limit])
    return shown + (" …" if len(items) > limit else "")


# ---------------------------------------------------------------- thresholds


@dataclass(frozen=True)
class ThresholdLine:
    """One threshold on one measure as the page shows it, with what its bar draws.

    ``met`` is ``Check.met`` (exact); ``fill`` (the value's share, capped at 1) and ``threshold``
    (the share to reach) are floats for drawing only.
    """

    label: str  # "Area taking part", "Heads for"…
    measure: str  # "area" or "heads"
    value: str  # "8,012.34 ㎡" or "2"
    whole: str  # "11,020.00 ㎡" or "3"
    percent: str  # "72.71%"
    comparison: str  # "≥" (以上, inclusive) or ">" (过半数, strict)
    share: str  # "2/3"
    met: bool
    mark: str  # ✓ or ✗
    fill: float
    threshold: float
    empty: bool = False  # the whole is 0 (an empty roll): nothing to measure, no verdict drawn
    against: bool = False  # reaching it defeats the motion (objections): drawn in the colour of a failure

    @property
    def good(self) -> bool:
        """Whether the line speaks for the motion: reached, or an objection not reached."""
        return self.met != self.against

    @property
    def figures(self) -> str:
        """``8,012.34 / 11,020.00 ㎡`` or ``2 / 3``: the unit once, after the whole."""
        if self.measure == "area":
            return f"{self.value.removesuffix(' ' + AREA_UNIT)} / {self.whole}"
        return f"{self.value} / {self.whole}"

    @property
    def text(self) -> str:
        """``8,012.34 / 11,020.00 ㎡ = 72.71% ≥ 2/3 ✓``."""
        return f"{self.figures} = {self.percent} {self.comparison} {self.share} {self.mark}"


def threshold_line(check: Check, label: str) -> ThresholdLine:
    """A domain ``Check`` as a line of the page, under ``label``."""
    if check.measure == "area":
        value, whole = f"{area_text(check.value)} {AREA_UNIT}", f"{area_text(check.whole)} {AREA_UNIT}"
    else:
        value, whole = heads_text(check.value), heads_text(check.whole)
    ratio = check.ratio
    return ThresholdLine(
        label,
        check.measure,
        value,
        whole,
        check_percent(check) if check.whole > 0 else NONE,
        "≥" if check.inclusive else ">",
        format_share(check.share),
        check.met,
        mark(check.met),
        max(0.0, min(1.0, float(ratio))),
        float(check.share),
        check.whole <= 0,
    )


def _by_measure(checks: Sequence[Check]) -> list[Check]:
    """Area first, then heads, whatever order the domain gave."""
    return sorted(checks, key=lambda check: 0 if check.measure == "area" else 1)


def participation_lines(tally: Tally) -> tuple[ThresholdLine, ...]:
    """The participation thresholds (none for an objection vote or a petition, or a void count)."""
    if tally.count_void:
        return ()
    labels = {
        "area": translate("votes", "Area taking part"),
        "heads": translate("votes", "Heads taking part"),
    }
    return tuple(
        threshold_line(check, labels[check.measure]) for check in _by_measure(tally.participation_checks)
    )


def _of_all(tally: Tally, result: MotionResult) -> bool:
    """Whether a motion's shares are of the whole roll (objection, petition, 从众) or of those taking part."""
    return tally.rules.kind in (VoteKind.OBJECTION, VoteKind.PETITION) or result.followers != Weight()


def result_labels(tally: Tally, result: MotionResult) -> dict[str, str]:
    """The labels of a motion's result lines, by measure (同意面积, 反对面积占总面积 and the like)."""
    kind = tally.rules.kind
    if kind is VoteKind.OBJECTION:
        return {
            "area": translate("votes", "Area against, of the total area"),
            "heads": translate("votes", "Heads against, of the total heads"),
        }
    if kind is VoteKind.PETITION:
        return {
            "area": translate("votes", "Area supporting, of the total area"),
            "heads": translate("votes", "Heads supporting, of the total heads"),
        }
    if result.followers != Weight():
        return {
            "area": translate("votes", "Area for, of the total area"),
            "heads": translate("votes", "Heads for, of the total heads"),
        }
    return {"area": translate("votes", "Area for"), "heads": translate("votes", "Heads for")}


def result_lines(tally: Tally) -> tuple[ThresholdLine, ...]:
    """A motion's thresholds (yes, or no for an objection vote); none for an election or a void count."""
    result = tally.motion
    if result is None or tally.count_void:
        return ()
    labels = result_labels(tally, result)
    against = tally.rules.kind is VoteKind.OBJECTION
    return tuple(
        replace(threshold_line(check, labels[check.measure]), against=against)
        for check in _by_measure(result.checks)
    )


# ---------------------------------------------------------------- a motion's answers


@dataclass(frozen=True)
class AnswerLine:
    """One answer of a motion's table: its name, heads and area, and their shares of the base."""

    answer: str  # "Yes", "No", "Abstain", "Spoiled", "Total"
    heads: str
    heads_percent: str
    area: str  # with no unit: the column title has it
    area_percent: str
    total: bool = False


@dataclass(frozen=True)
class MotionView:
    """A motion's table of answers, who followed the majority, and its threshold lines."""

    of_all: bool  # shares are of the whole roll (objection, petition, 从众), not of those taking part
    base_note: str  # says which
    heads_percent_title: str
    area_percent_title: str
    answers: tuple[AnswerLine, ...]
    followers: str  # '' when no one followed the majority
    rule: str  # what the lines below must reach
    lines: tuple[ThresholdLine, ...]


def _base(result: MotionResult) -> Weight:
    """What a motion's shares are of: the whole of its checks (participation, or the whole roll)."""
    wholes = {check.measure: check.whole for check in result.checks}
    return Weight(wholes.get("heads", 0), wholes.get("area", 0))


def motion_view(tally: Tally) -> MotionView | None:
    """A motion's answers and thresholds; None for an election or a void count."""
    result = tally.motion
    if result is None or tally.count_void:
        return None
    of_all = _of_all(tally, result)
    base = _base(result)
    weights = (
        (Choice.YES, result.yes),
        (Choice.NO, result.no),
        (Choice.ABSTAIN, result.abstain),
        (Choice.SPOILED, result.spoiled),
    )

    def line(name: str, weight: Weight, total: bool = False) -> AnswerLine:
        return AnswerLine(
            name,
            heads_text(weight.heads),
            share_percent(weight.heads, base.heads),
            area_text(weight.area_centi),
            share_percent(weight.area_centi, base.area_centi),
            total,
        )

    answers = [line(choice_text(choice), weight) for choice, weight in weights]
    answers.append(line(translate("votes", "Total"), sum((w for _c, w in weights), Weight()), total=True))
    followers = ""
    if result.followers != Weight():
        # The followers were added to the side ahead on both measures; it is still ahead with them.
        side = choice_text(Choice.NO if majority_side(result.yes, result.no) is Choice.NO else Choice.YES)
        followers = translate(
            "votes",
            "Counted with the majority: {heads} voters who did not vote, {area} ㎡, added to “{side}”",
        ).format(
            heads=heads_text(result.followers.heads), area=area_text(result.followers.area_centi), side=side
        )
    if of_all:
        note = translate("votes", "Shares are of all voters on the roll (heads and area).")
        heads_title = translate("votes", "% of all heads")
        area_title = translate("votes", "% of all area")
    else:
        note = translate("votes", "Shares are of the voters taking part (heads and area).")
        heads_title = translate("votes", "% of heads taking part")
        area_title = translate("votes", "% of area taking part")
    return MotionView(
        of_all,
        note,
        heads_title,
        area_title,
        tuple(answers),
        followers,
        motion_rule(tally),
        result_lines(tally),
    )


def motion_rule(tally: Tally) -> str:
    """What a motion's result lines must reach, in words."""
    rules = tally.rules
    if rules.kind is VoteKind.OBJECTION:
        if rules.objection_combine is Combine.OR:
            return translate("votes", "Not passed if the objections reach either share:")
        return translate("votes", "Not passed if the objections reach both shares:")
    if rules.kind is VoteKind.PETITION:
        return translate("votes", "Carried if the support reaches both shares:")
    return translate("votes", "Passed if the votes for reach both shares:")


# ---------------------------------------------------------------- an election


@dataclass(frozen=True)
class CandidateLine:
    """One candidate of an election, ranked: votes, shares of those taking part, majority, elected."""

    position: int  # on the ballot, from 0
    rank: int  # 1, 2, 2, 4… (equal votes share a rank)
    name: str
    heads: str
    area: str  # with no unit: the column title has it
    heads_percent: str
    area_percent: str
    majority: bool  # both shares over one half (and participation reached)
    majority_mark: str
    elected: bool
    tied: bool  # tied for the last seats: a further vote decides
    state: str  # "Elected", "Tied", ''


@dataclass(frozen=True)
class ElectionView:
    """An election's candidates ranked, the tie and the seats left open."""

    seats: int
    base_note: str
    candidates: tuple[CandidateLine, ...]
    tie: str  # '' when there is none
    open_seats: str  # '' when every seat is filled (or nothing could be elected)


def election_view(tally: Tally) -> ElectionView | None:
    """An election's ranked candidates; None for a motion or a void count."""
    result: ElectionResult | None = tally.election
    if result is None or tally.count_void:
        return None
    seats = tally.rules.seats or 0
    lines = []
    rank, previous = 0, None
    for index, candidate in enumerate(result.candidates, start=1):
        if candidate.votes.heads != previous:  # votes are ballots: equal heads share a rank
            rank, previous = index, candidate.votes.heads
        checks = {check.measure: check for check in candidate.checks}
        tied = candidate.name in result.tie
        if candidate.elected:
            state = translate("votes", "Elected")
        elif tied:
            state = translate("votes", "Tied")
        else:
            state = ""
        lines.append(
            CandidateLine(
                candidate.position,
                rank,
                candidate.name,
                heads_text(candidate.votes.heads),
                area_text(candidate.votes.area_centi),
                _check_percent(checks["heads"]),
                _check_percent(checks["area"]),
                candidate.majority,
                mark(candidate.majority),
                candidate.elected,
                tied,
                state,
            )
        )
    tie = ""
    if result.tie:
        tie = translate("votes", "{names} have the same votes: a further vote is needed").format(
            names="、".join(result.tie)
        )
    open_seats = ""
    if result.open_seats and tally.participation_met:
        open_seats = translate("votes", "{count} of {seats} seats are still open").format(
            count=result.open_seats, seats=seats
        )
    part = tally.participation
    note = translate(
        "votes",
        "Shares are of the {heads} voters and {area} ㎡ taking part; elected needs more than half of both.",
    ).format(heads=heads_text(part.heads), area=area_text(part.area_centi))
    return ElectionView(seats, note, tuple(lines), tie, open_seats)


def _check_percent(check: Check) -> str:
    return check_percent(check) if check.whole > 0 else NONE


# ---------------------------------------------------------------- outcome


class Outcome(StrEnum):
    """What the count says now."""

    VOID = "void"  # more ballots found than issued: no result at all
    NO_BALLOTS = "no_ballots"  # nothing entered yet
    NO_QUORUM = "no_quorum"  # participation below its threshold
    PASSED = "passed"
    FAILED = "failed"
    ELECTED = "elected"  # at least one candidate elected
    NONE_ELECTED = "none_elected"


@dataclass(frozen=True)
class OutcomeLine:
    """The outcome in a few words (shown large) and why (smaller); ``good`` draws it green."""

    outcome: Outcome
    text: str
    detail: str
    good: bool


def outcome_line(tally: Tally, entered: int) -> OutcomeLine:
    """The result of the count as it stands."""
    if tally.count_void:
        return OutcomeLine(
            Outcome.VOID,
            translate("votes", "More ballots were found than were issued: this count is void"),
            translate("votes", "No result is announced; all ballots are sealed for checking."),
            False,
        )
    if entered == 0:
        return OutcomeLine(
            Outcome.NO_BALLOTS,
            translate("votes", "No ballots entered yet"),
            translate("votes", "The count appears here as ballots are entered."),
            False,
        )
    if not tally.participation_met:
        return OutcomeLine(
            Outcome.NO_QUORUM,
            translate("votes", "Participation threshold not reached"),
            translate("votes", "Too few owners took part: nothing is decided."),
            False,
        )
    if tally.election is not None:
        elected = [candidate.name for candidate in tally.election.candidates if candidate.elected]
        if not elected:
            return OutcomeLine(
                Outcome.NONE_ELECTED,
                translate("votes", "No candidate elected"),
                translate(
                    "votes", "No candidate has more than half of the heads and of the area taking part."
                ),
                False,
            )
        return OutcomeLine(
            Outcome.ELECTED,
            translate("votes", "Elected: {names}").format(names="、".join(elected)),
            translate("votes", "{count} of {seats} seats filled").format(
                count=len(elected), seats=tally.rules.seats or 0
            ),
            True,
        )
    assert tally.motion is not None
    kind = tally.rules.kind
    if tally.motion.passed:
        detail = (
            translate("votes", "The objections did not reach the threshold.")
            if kind is VoteKind.OBJECTION
            else ""
        )
        return OutcomeLine(Outcome.PASSED, translate("votes", "Passed"), detail, True)
    if kind is VoteKind.OBJECTION:
        detail = translate("votes", "The objections reached the threshold.")
    elif kind is VoteKind.PETITION:
        detail = translate("votes", "The support did not reach 20% of the area and of the heads.")
    else:
        detail = translate("votes", "The votes for did not reach the threshold.")
    return OutcomeLine(Outcome.FAILED, translate("votes", "Not passed"), detail, False)


# ---------------------------------------------------------------- warnings


def warnings(report: TallyReport) -> tuple[str, ...]:
    """What the scrutineers must look at before the result is announced (built from the report's fields)."""
    vote = report.vote
    said = [
        translate(
            "votes",
            "The scrutineers' counts were corrected by {actor}: issued {issued_before}, found {found_before}"
            " → issued {issued}, found {found} ({reason}).",
        ).format(
            actor=after.actor,
            issued_before=before.issued,
            found_before=before.found,
            issued=after.issued,
            found=after.found,
            reason=after.reason,
        )
        for before, after in zip(report.counts, report.counts[1:], strict=False)
    ]
    if vote.issued is None or vote.found is None:
        said.append(translate("votes", "The scrutineers have not recorded the ballots issued and found yet."))
    elif vote.found != report.entered:
        said.append(
            translate("votes", "{entered} ballots are entered, but {found} were found in the box.").format(
                entered=report.entered, found=vote.found
            )
        )
    if rooms := report.rooms_without_owner:
        said.append(
            translate("votes", "{count} rooms have no recorded owner and cannot vote: {rooms}").format(
                count=len(rooms), rooms=_listed(rooms, ROOMS_LISTED)
            )
        )
    if report.unchecked:
        said.append(
            translate("votes", "{count} ballots have no second entry yet.").format(count=report.unchecked)
        )
    if differing := report.disagreements:
        said.append(
            translate(
                "votes", "{count} ballots were entered differently twice: check the paper ({serials})."
            ).format(count=len(differing), serials=_listed([d.serial for d in differing], SERIALS_LISTED))
        )
    for proxy in report.proxies:
        said.append(
            translate("votes", "Proxy {name} carries {count} ballots, more than {limit}: {serials}").format(
                name=proxy.proxy_name,
                count=proxy.ballots,
                limit=vote.proxy_limit,
                serials=_listed(proxy.serials, SERIALS_LISTED),
            )
        )
    return tuple(said)


# ---------------------------------------------------------------- the whole page


@dataclass(frozen=True)
class TallyView:
    """Everything the count page shows for one vote."""

    title: str
    state: str  # open (live count) or closed, when
    rules: str  # the domain's Chinese rules_text
    totals: str  # 总人数 N，总面积 X ㎡
    participation: str  # taking part, ballots entered, void ballots
    participation_lines: tuple[ThresholdLine, ...]
    participation_note: str  # '' or why there are no participation lines
    motion: MotionView | None
    election: ElectionView | None
    outcome: OutcomeLine
    warnings: tuple[str, ...]
    status: str  # for the status bar


def vote_state(vote: VoteView) -> str:
    """Open (the count is live) or closed, and when."""
    if vote.is_open:
        return translate("votes", "Open: the count changes as ballots are entered")
    assert vote.closed_at is not None
    return translate("votes", "Closed on {time}: this is the final count").format(
        time=local_time(vote.closed_at)
    )


def totals_text(totals: Weight) -> str:
    """总人数 N，总面积 X ㎡."""
    return translate("votes", "On the roll: {heads} voters, {area} ㎡").format(
        heads=heads_text(totals.heads), area=area_text(totals.area_centi)
    )


def participation_text(tally: Tally, entered: int) -> str:
    """Who took part, how many ballots are entered and how many of them count for no one."""
    part = tally.participation
    figures = {"heads": heads_text(part.heads), "area": area_text(part.area_centi), "ballots": entered}
    if not tally.void_ballots:
        text = translate("votes", "Taking part: {heads} voters, {area} ㎡ ({ballots} ballots entered)")
        return text.format(**figures)
    return translate(
        "votes",
        "Taking part: {heads} voters, {area} ㎡ ({ballots} ballots entered, {count} of them void: "
        "they take part but count for no one)",
    ).format(count=tally.void_ballots, **figures)


def tally_view(report: TallyReport) -> TallyView:
    """The count page of a vote from its ``TallyReport``."""
    tally = report.tally
    vote = report.vote
    note = ""
    if not tally.participation_checks and not tally.count_void:
        note = translate("votes", "This kind of vote has no participation threshold.")
    outcome = outcome_line(tally, report.entered)
    lines = participation_lines(tally)
    return TallyView(
        f"#{vote.vote_id} {vote.title}",
        vote_state(vote),
        rules_text(tally.rules),
        totals_text(tally.totals),
        participation_text(tally, report.entered),
        lines,
        note,
        motion_view(tally),
        election_view(tally),
        outcome,
        warnings(report),
        status_text(tally, report.entered, outcome),
    )


def status_text(tally: Tally, entered: int, outcome: OutcomeLine) -> str:
    """The status bar: ballots entered, participation, the outcome (a void count: no figures)."""
    if tally.count_void:
        return translate("votes", "{ballots} ballots; {outcome}").format(
            ballots=entered, outcome=outcome.text
        )
    part = tally.participation
    return translate(
        "votes", "{ballots} ballots; taking part {heads} of heads, {area} of area; {outcome}"
    ).format(
        ballots=entered,
        heads=share_percent(part.heads, tally.totals.heads),
        area=share_percent(part.area_centi, tally.totals.area_centi),
        outcome=outcome.text,
    )


def no_vote_text() -> str:
    """What the page says when the file has no vote yet."""
    return translate("votes", "No vote yet — open one on the Votes page.")


_UNSAFE = re.compile(r'[\\/:*?"<>|\r\n\t]+')


def notice_file_name(vote: VoteView) -> str:
    """The suggested name of a vote's result notice: ``表决结果公告 #3 换届选举.pdf``, nothing unsafe."""
    kind = "选举结果公告" if vote.kind is VoteKind.ELECTION else "表决结果公告"
    title = " ".join(_UNSAFE.sub(" ", vote.title).split()).strip(" .")
    return f"{kind} #{vote.vote_id} {title}".strip() + ".pdf"
