"""``init``, ``demo``, ``check`` and ``verify``: making an estate file and vouching for one."""

from __future__ import annotations

import argparse

from estatedesk.cli.common import EXIT_OK, EXIT_REJECTED, Invocation, Subcommands, command, positive
from estatedesk.services import estate as estate_service
from estatedesk.services.estate import BadEntry

WORDS = ("init", "demo", "check", "verify")


def register(commands: Subcommands, _imports: Subcommands, _exports: Subcommands) -> None:
    """Add this area's commands (its ``WORDS``) to the parser; it imports and exports nothing."""
    init = commands.add_parser("init", help="create a new, empty estate file")
    init.add_argument("--name", required=True, help="the estate's name, e.g. 幸福里小区")
    command(init, run_init, opens_estate=False)

    demo = commands.add_parser("demo", help="create a demo estate with made-up households")
    demo.add_argument(
        "--households", type=positive, required=True, metavar="N", help="how many households to make up"
    )
    demo.add_argument(
        "--seed", type=int, default=1, metavar="S", help="another seed makes other names (default 1)"
    )
    demo.add_argument("--name", default="幸福里小区（演示）", help="the demo estate's name")
    command(demo, run_demo, opens_estate=False)

    check = commands.add_parser("check", help="check the file's integrity, version and counts")
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    command(check, run_check)

    verify = commands.add_parser(
        "verify",
        help="walk the hash chains of the fee ledger and of the entered ballots and name the first entry"
        " changed outside the program",
    )
    verify.add_argument("--json", action="store_true", help="print the result as JSON")
    command(verify, run_verify)


def run_init(run: Invocation) -> int:
    """Create an empty estate file."""
    estate_service.create_estate(run.db_path, run.args.name).close()
    run.say(f"created {run.db_path}")
    return EXIT_OK


def run_demo(run: Invocation) -> int:
    """Create a demo estate (all or nothing) and say what is in it."""
    args: argparse.Namespace = run.args
    made = estate_service.create_demo(run.db_path, args.name, args.households, args.seed)
    made.estate.close()
    summary = made.summary
    run.say(
        f"created demo estate {run.db_path}: {summary.buildings} buildings, {summary.rooms} rooms, "
        f"{summary.people} people, {summary.tenants} tenants, {summary.parking_spaces} parking spaces,"
        f" {summary.charges} charges, {summary.receipts} receipts, {summary.votes} votes with"
        f" {summary.ballots} ballots, {summary.repair_orders} repair orders, {summary.facilities} facilities,"
        f" {summary.cleaners} cleaners for {summary.cleaning_areas} areas, {summary.inspections} inspections"
    )
    return EXIT_OK


def run_check(run: Invocation) -> int:
    """Check the file; exit 1 when anything is wrong with it."""
    estate = run.open_estate
    report = estate_service.check(estate)
    if run.args.json:
        run.say_json(
            {
                "ok": report.ok,
                "schema": report.schema,
                "counts": report.counts,
                "integrity": report.integrity,
                "foreign_key_problems": report.foreign_key_problems,
                "stale_summaries": report.stale_summaries,
                "stale_open_charges": report.stale_open_charges,
                "stale_repair_orders": report.stale_repair_orders,
                "layout_problems": report.layout_problems,
            }
        )
    else:
        run.say(f"file: {estate.path}")
        run.say(f"estate: {estate.name}")
        run.say(f"schema version: {report.schema}")
        run.say(f"integrity: {', '.join(report.integrity)}")
        run.say(f"broken links: {report.foreign_key_problems}")
        run.say(f"stale list summaries: {report.stale_summaries}")
        run.say(f"stale open charges: {report.stale_open_charges}")
        run.say(f"stale repair orders: {report.stale_repair_orders}")
        for problem in report.layout_problems:
            run.say(f"layout: {problem}")
        for name, count in report.counts.items():
            run.say(f"{name}: {count}")
        run.say("OK" if report.ok else "PROBLEMS FOUND")
    return EXIT_OK if report.ok else EXIT_REJECTED


def run_verify(run: Invocation) -> int:
    """Verify the fee ledger's chain and the entered ballots' chain; exit 1 when an entry does not match."""
    ledger = estate_service.verify(run.open_estate)
    ballots = estate_service.verify_ballots(run.open_estate)
    ok = ledger.ok and ballots.ok
    if run.args.json:
        run.say_json(
            {
                "ok": ok,
                "entries": ledger.entries,
                "first_bad": _bad_json(ledger.first_bad),
                "ballots": {
                    "ok": ballots.ok,
                    "entries": ballots.entries,
                    "first_bad": _bad_json(ballots.first_bad),
                },
            }
        )
        return EXIT_OK if ok else EXIT_REJECTED
    for name, entry, result in (("ledger", "ledger entry", ledger), ("ballots", "ballot entry", ballots)):
        bad = result.first_bad
        if bad is None:
            run.say(f"{name} OK: {result.entries} entries, every one as the program wrote it")
        else:
            run.say(f"{entry} {bad.entry} does not match: {bad.what}")
            run.say(f"{result.entries} {entry.removesuffix('entry')}entries before it are sound")
    return EXIT_OK if ok else EXIT_REJECTED


def _bad_json(bad: BadEntry | None) -> dict[str, object] | None:
    return None if bad is None else {"entry": bad.entry, "what": bad.what}
