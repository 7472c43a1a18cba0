"""Opening the app builds no subcommand parsers; anything that may name a subcommand does."""

import pytest

from frontdesk import cli


@pytest.mark.parametrize("argv", [
    [],
    ["--smoke"],
    ["--db", "sqlite:///x.sqlite3", "--smoke"],
    ["--db=sqlite:///x.sqlite3", "--lang", "en", "-v"],
    ["--demo", "--lang", "zh_CN"],
    ["--version"],
])
def test_opening_the_app_needs_no_subcommand_parsers(argv):
    assert not cli.names_a_subcommand(argv)


@pytest.mark.parametrize("argv", [
    ["check"],
    ["--db", "sqlite:///x.sqlite3", "report", "--day", "2026-11-22"],
    ["--lang", "en", "init"],
    ["-h"],
    ["--help"],
    ["bogus"],  # a mistyped command still gets argparse's "invalid choice" answer
    ["--la", "en"],  # an abbreviated option: the value looks like a word, so play safe
])
def test_anything_that_may_name_a_subcommand_gets_the_full_parser(argv):
    assert cli.names_a_subcommand(argv)


def test_the_lean_parser_reads_the_app_options_like_the_full_one():
    argv = ["--db", "sqlite:///x.sqlite3", "--lang", "en", "--smoke", "-v"]
    lean = cli.build_parser(subcommands=False).parse_args(argv)
    full = cli.build_parser().parse_args(argv)
    assert vars(lean) == vars(full)
    assert lean.command is None and lean.smoke and lean.lang == "en"


def test_a_mistyped_command_is_refused_as_before(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["--db", "sqlite:///x.sqlite3", "chekc"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
