"""cli/common.py and the parser in cli/__init__.py: what every command shares."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

import estatedesk.__main__ as entry
from estatedesk import cli
from estatedesk.cli import common
from estatedesk.cli.common import EXIT_OK, EXIT_REJECTED, Invocation, opened, positive
from estatedesk.domain.errors import EstateDeskError
from estatedesk.services import estate as estate_service
from estatedesk.services.estate import Estate


class Boom(Exception):
    """Raised on purpose by a handler."""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A closed, empty estate file."""
    path = tmp_path / "estate.sqlite3"
    estate_service.create_estate(path, "幸福里小区").close()
    return path


def top_level_commands(parser: argparse.ArgumentParser) -> set[str]:
    actions = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    assert len(actions) == 1
    return set(actions[0].choices)


# ---------------------------------------------------------------- the command words


def test_the_command_words_are_the_parsers_top_level_commands() -> None:
    assert set(cli.COMMAND_WORDS) == top_level_commands(cli.build_parser())
    assert len(cli.COMMAND_WORDS) == len(set(cli.COMMAND_WORDS))


def test_the_entry_point_knows_the_same_command_words_without_importing_the_cli() -> None:
    assert set(cli.COMMAND_WORDS) == set(entry.COMMAND_WORDS)


@pytest.mark.parametrize("word", sorted(cli.COMMAND_WORDS))
def test_every_command_word_has_help(word: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.build_parser().parse_args([word, "--help"])
    assert caught.value.code == 0
    assert "usage: estatedesk" in capsys.readouterr().out


# ---------------------------------------------------------------- positive


def test_positive_takes_a_whole_number_above_zero() -> None:
    assert positive("1") == 1
    assert positive("300") == 300


@pytest.mark.parametrize("text", ["0", "-1"])
def test_positive_refuses_zero_and_less(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="positive"):
        positive(text)


@pytest.mark.parametrize("text", ["x", "1.5", ""])
def test_positive_refuses_what_is_not_a_whole_number(text: str) -> None:
    with pytest.raises(ValueError):
        positive(text)


@pytest.mark.parametrize("households", ["0", "-1", "x"])
def test_the_parser_turns_a_refused_number_into_a_usage_error(
    households: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.build_parser().parse_args(["demo", "--households", households])
    assert caught.value.code == 2
    assert "--households" in capsys.readouterr().err


# ---------------------------------------------------------------- errors and the open estate


def test_an_estate_desk_error_from_a_handler_exits_1_with_one_line_on_stderr(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(_estate: Estate) -> object:
        raise EstateDeskError("room {code} is odd", code="3-2-501")

    monkeypatch.setattr(estate_service, "check", refuse)
    out = io.StringIO()
    assert cli.main(["--db", str(db), "check"], out=out) == EXIT_REJECTED
    assert capsys.readouterr().err == "error: room 3-2-501 is odd\n"
    assert out.getvalue() == ""


def test_an_estate_desk_error_of_a_command_that_opens_no_estate_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--db", str(tmp_path / "e.sqlite3"), "init", "--name", " "], out=io.StringIO()) == 1
    assert capsys.readouterr().err.startswith("error: ")
    assert not (tmp_path / "e.sqlite3").exists()


def test_the_estate_is_closed_after_a_handler_that_raised(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[Estate] = []

    def refuse(estate: Estate) -> object:
        seen.append(estate)
        assert not estate.closed
        raise EstateDeskError("no")

    monkeypatch.setattr(estate_service, "check", refuse)
    assert cli.main(["--db", str(db), "check"], out=io.StringIO()) == 1
    assert len(seen) == 1 and seen[0].closed
    estate_service.open_estate(db).close()  # and its lock was released


def test_opened_closes_the_estate_when_the_block_raises(db: Path) -> None:
    with pytest.raises(Boom), opened(db) as estate:
        assert not estate.closed and estate.name == "幸福里小区"
        raise Boom
    assert estate.closed
    again = estate_service.open_estate(db)
    again.close()


def test_opened_closes_the_estate_after_a_block_that_succeeds(db: Path) -> None:
    with opened(db) as estate:
        pass
    assert estate.closed


def test_opened_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EstateDeskError), opened(tmp_path / "missing.sqlite3"):
        pass


# ---------------------------------------------------------------- invocation


def invocation(**args: object) -> tuple[Invocation, io.StringIO]:
    out = io.StringIO()
    return Invocation(argparse.Namespace(**args), Path("estate.sqlite3"), out), out


def test_say_prints_a_line_and_say_json_prints_chinese_unescaped() -> None:
    run, out = invocation()
    run.say("created 幸福里")
    run.say_json({"name": "幸福里", "rooms": 3})
    lines = out.getvalue().splitlines()
    assert lines[0] == "created 幸福里"
    assert lines[1] == '{"name": "幸福里", "rooms": 3}'
    assert json.loads(lines[1]) == {"name": "幸福里", "rooms": 3}


def test_a_command_that_opens_no_estate_has_none_to_ask_for() -> None:
    run, _out = invocation()
    with pytest.raises(AssertionError):
        run.open_estate  # noqa: B018 - the property is what is tested


def test_command_registers_the_handler_and_whether_it_opens_the_estate() -> None:
    parser = argparse.ArgumentParser()

    def handler(_run: Invocation) -> int:
        return EXIT_OK

    common.command(parser, handler)
    args = parser.parse_args([])
    assert args.handler is handler and args.opens_estate is True
    common.command(parser, handler, opens_estate=False)
    assert parser.parse_args([]).opens_estate is False
