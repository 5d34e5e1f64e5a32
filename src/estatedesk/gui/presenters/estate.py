"""The estate file's texts: what "Check data file" tells the clerk, in words a clerk uses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from estatedesk.gui.i18n import translate
from estatedesk.services.estate import CheckReport


@dataclass(frozen=True)
class CheckMessage:
    """What the check says: sound or not, the headline and text for the clerk, details for a technician."""

    ok: bool
    headline: str
    text: str
    details: str


def _holds(counts: Mapping[str, int]) -> str:
    """What the file holds, in a sentence (archived rooms only when there are some)."""
    if counts.get("archived_rooms", 0):
        sentence = translate(
            "estate",
            "It holds {buildings} buildings, {rooms} rooms ({archived} archived), {owners} owners, "
            "{residents} residents, {parking} parking spaces and {changes} recorded changes.",
        )
    else:
        sentence = translate(
            "estate",
            "It holds {buildings} buildings, {rooms} rooms, {owners} owners, "
            "{residents} residents, {parking} parking spaces and {changes} recorded changes.",
        )
    return sentence.format(
        buildings=counts.get("buildings", 0),
        rooms=counts.get("rooms", 0),
        archived=counts.get("archived_rooms", 0),
        owners=counts.get("owners", 0),
        residents=counts.get("residents", 0),
        parking=counts.get("parking_spaces", 0),
        changes=counts.get("audit_entries", 0),
    )


def check_message(report: CheckReport) -> CheckMessage:
    """The check's result for a clerk (数据文件完好 / 发现问题: …), with the database's words kept apart."""
    counts = report.counts
    holds = _holds(counts) if counts else ""
    details = "\n".join(
        [
            f"integrity_check: {'; '.join(report.integrity)}",
            f"foreign_key_check: {report.foreign_key_problems}",
            f"user_version: {report.schema}",
            f"stale summaries: {report.stale_summaries}",
            f"stale open charges: {report.stale_open_charges}",
            f"stale repair orders: {report.stale_repair_orders}",
            *(f"layout: {problem}" for problem in report.layout_problems),
        ]
    )
    if report.ok:
        return CheckMessage(True, translate("estate", "The data file is sound."), holds, details)
    problems = []
    if report.integrity != ["ok"]:
        problems.append(translate("estate", "The file is damaged: parts of it cannot be read correctly."))
    if report.foreign_key_problems:
        problems.append(
            translate("estate", "{count} records refer to records that are no longer in the file.").format(
                count=report.foreign_key_problems
            )
        )
    if report.stale_summaries:
        problems.append(
            translate(
                "estate",
                "For {count} rooms, the names and phones shown in the list differ from the records "
                "(the file was changed outside EstateDesk).",
            ).format(count=report.stale_summaries)
        )
    if report.stale_open_charges:
        problems.append(
            translate(
                "estate",
                "For {count} charges, what the fee ledger shows as still owed differs from its entries "
                "(the file was changed outside EstateDesk).",
            ).format(count=report.stale_open_charges)
        )
    if report.stale_repair_orders:
        problems.append(
            translate(
                "estate",
                "For {count} repair orders, the state shown differs from their recorded steps "
                "(the file was changed outside EstateDesk).",
            ).format(count=report.stale_repair_orders)
        )
    if report.layout_problems:
        problems.append(
            translate("estate", "The file's tables are not laid out as this version of EstateDesk expects.")
        )
    if not problems:  # sound, but made by another version of EstateDesk
        problems.append(translate("estate", "The file belongs to another version of EstateDesk."))
    advice = translate(
        "estate",
        "The check changed nothing. Make no more changes in this file: restore your latest backup "
        "(File → Restore from backup), or show the details below to whoever looks after the computer.",
    )
    text = "\n".join(f"• {problem}" for problem in problems) + "\n\n" + advice
    if holds:
        text += "\n\n" + holds
    return CheckMessage(False, translate("estate", "Problems were found:"), text, details)
