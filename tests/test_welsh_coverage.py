"""Every string shown to people comes from the catalogue (issue 8).

A stand-in catalogue for Welsh wraps the literal text of every message it knows in ⟦ ⟧, leaving
each placeholder's value outside, so that a value that was never translated shows too. Then each
command's text output, errors and .ics summaries are run with --lang cy, the marked text and the
things that stay as they are (CLDR's Welsh day and month names, rule ids, option names,
acronyms, numbers, paths, URLs, the values given on the command line) are taken out, and no word
may be left: a word left is English that did not come through the catalogue.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tools import catalogue
from typer.testing import CliRunner

from foiclock.base.i18n import date_names, install_translations
from foiclock.cli import app
from tests.isolation import forget_everything

runner = CliRunner()
OPEN, CLOSE = "\u27e6", "\u27e7"
_PLACEHOLDER = re.compile(r"(\{[^{}]*\})")


def _marked(template: str) -> str:
    """'Response due: {date}' -> '⟦Response due: ⟧{date}'."""
    parts = _PLACEHOLDER.split(template)
    return "".join(
        part if _PLACEHOLDER.fullmatch(part) or not part else f"{OPEN}{part}{CLOSE}"
        for part in parts
    )


class MarkingCatalogue:
    """Knows exactly the catalogue's messages; marks their text."""

    def __init__(self) -> None:
        self.known = {singular: plural for singular, plural in catalogue.wanted_messages()}

    def gettext(self, message: str, /) -> str:
        return _marked(message) if message in self.known else message

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        chosen = singular if n == 1 else plural
        return _marked(chosen) if self.known.get(singular) == plural else chosen


@pytest.fixture(scope="module")
def marking() -> Iterator[None]:
    install_translations("cy", MarkingCatalogue())
    yield
    install_translations("cy", None)


#: Words that stay as they are in Welsh: acronyms and names, and the values a user types that
#: messages list as accepted (regimes, bodies, formats, languages). No ordinary English word.
KEPT_WORDS = {
    "FOIA", "EIR", "FOISA", "EISR", "SAR", "ICO", "SIC", "UK", "GDPR", "GOV", "foiclock",
    "LTT47", "RCS", "GRC", "SI", "OS", "md", "ico", "org", "uk", "itspublicknowledge",
    "info", "https", "www", "gov", "json", "toml", "csv", "ics", "jsonl",
    "foia", "eir", "foisa", "eisr", "sar", "scotland", "school", "academy", "archive", "abroad",
    "keeper",
    "text", "table", "en", "cy", "tab", "today", "n",
    "regime", "nation", "format", "lang",  # the settings' names in `config show`
}  # fmt: skip
_STRIP = [
    re.compile(f"{OPEN}error: {CLOSE}[\\w-]+"),  # the field an error names: a machine word
    re.compile(f"[\\w-]+(?={OPEN}: {CLOSE}')"),  # the same, in a batch summary's line
    re.compile(f"(?:(?<=: )|(?<={CLOSE}))'[^'\n]*'"),  # a value given, quoted back as typed
    re.compile(OPEN + "[^" + CLOSE + "]*" + CLOSE),  # catalogue text
    re.compile(OPEN + "[^" + CLOSE + "\n]*\\.\\.\\."),  # a command's help, cut short by click
    re.compile(r"https?://\S+"),
    re.compile(r"(?<![\w-])--?[a-z][a-z-]*"),  # option names
    re.compile(r"\*?-?\b[A-Z][A-Z0-9]*(?:-[A-Z0-9*]+)+\b"),  # rule ids: FOIA-RESP, *-CLAR
    re.compile(r"\b[a-z]+(?:-[a-z]+)+\b"),  # keys: england-and-wales, date-of-receipt
    re.compile(r"\brules\.md\b"),
    re.compile(r"/\S+"),  # paths
    re.compile(r"holidays \d+\.\d+(?:\.\d+)?"),  # the holidays package and its version
    re.compile(r"\b\d+(?:af|il|ydd|ed|fed|eg|ain)\b"),  # Welsh ordinals: 20fed
    re.compile(r"\b[a-z]+(?:_[a-z]+)+\b"),  # field and key names: receipt_rule
    re.compile(r"\b[A-Z]+(?:_[A-Z]+)+\b"),  # environment variables: FOICLOCK_CONFIG
    re.compile(r"\b[A-Z]\b"),  # a month grid's one-letter marks, explained in its legend
    re.compile(r"\b(?:DATE|FILE|FROM:TO|INPUT|KEY=HEADER|COLUMN|CASES|N)\b"),  # metavariables
    re.compile(r"No such file or directory"),  # the operating system's words, quoted
]


def leftover_words(text: str, given: tuple[str, ...]) -> set[str]:
    """Words in `text` that came through no catalogue message."""
    for value in sorted(given, key=len, reverse=True):
        text = text.replace(value, " ")
    for pattern in _STRIP:
        text = pattern.sub(" ", text)
    welsh_date_words = {
        word for names in date_names("cy") for name in names for word in name.split()
    }
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9_']*", text))
    return {w for w in words if w not in KEPT_WORDS and w not in welsh_date_words}


CONFIG = """
[[proclaimed]]
date = 2025-09-05
name = "Proclaimed day"
divisions = ["scotland"]

[[office_closed]]
from = 2025-12-29
to = 2025-12-31
name = "Office closure"

[[office_closed]]
date = 2025-09-17
"""  # the last closure has no name: foiclock names it

#: Runs that between them reach every branch of every text output.
#: The case log of the README's statistics examples.
CASELOG = str(Path(__file__).resolve().parent.parent / "examples" / "caselog.csv")

RUNS: list[tuple[str, ...]] = [
    ("due", "2025-08-19", "--explain"),
    ("due", "2021-07-03", "--explain"),  # nation differences (rules.md example 5)
    ("due", "2025-08-16", "--explain"),  # received on a Saturday (C-RECEIPT-ALT line)
    ("due", "2025-08-16", "--receipt-rule", "next-working-day", "--explain"),
    ("due", "2025-08-19", "--regime", "foisa", "--nation", "england-and-wales", "--explain"),
    ("due", "2025-08-19", "--extend", "--explain"),
    ("due", "2025-08-19", "--regime", "eir", "--extend", "--explain"),
    ("due", "2025-08-19", "--clarification-requested", "2025-08-22", "--explain"),
    ("due", "2025-08-19", "--clarification-requested", "2025-08-22",
     "--clarification-received", "2025-08-29", "--explain"),
    ("due", "2025-08-19", "--clarification-requested", "2025-10-22", "--explain"),
    ("due", "2025-08-19", "--fees-notice", "2025-08-22", "--explain"),
    ("due", "2025-08-19", "--fees-notice", "2025-08-22", "--fee-paid", "2025-08-29",
     "--explain"),
    ("due", "2025-08-19", "--fees-notice", "2025-08-22", "--fee-paid", "2025-12-29",
     "--explain"),
    ("due", "2025-08-19", "--fees-notice", "2025-10-22", "--fee-paid", "2025-10-29",
     "--explain"),
    ("due", "2025-08-19", "--regime", "eir", "--fees-notice", "2025-08-22", "--fee-paid",
     "2025-08-29", "--extend", "--explain"),
    ("due", "2025-08-19", "--body", "school", "--school-closed", "2025-08-20:2025-08-29",
     "--explain"),
    ("due", "2025-08-19", "--body", "school", "--explain"),
    ("due", "2025-08-19", "--body", "armed-forces", "--explain"),
    ("due", "2025-08-19", "--body", "archive", "--explain"),
    ("due", "2025-01-31", "--regime", "sar", "--explain"),
    ("due", "2025-01-31", "--regime", "sar", "--extend", "--explain"),
    ("due", "2025-08-19", "--regime", "sar", "--id-received", "2025-08-22", "--fee-paid",
     "2025-08-21", "--explain"),
    ("due", "2025-08-19", "--regime", "sar", "--fee-paid", "2025-08-25", "--explain"),
    ("due", "2025-08-19", "--regime", "sar", "--clarification-requested", "2025-08-22",
     "--clarification-received", "2025-08-25", "--explain"),
    ("due", "2025-08-19", "--regime", "sar", "--clarification-requested", "2025-08-22",
     "--explain"),
    ("due", "2028-12-01", "--explain"),  # provisional
    ("status", "2025-08-19", "--today", "2025-09-01"),
    ("status", "2025-08-19", "--today", "2025-09-17"),
    ("status", "2025-08-19", "--today", "2025-09-20"),
    ("status", "2025-08-19", "--today", "2025-09-22"),
    ("status", "2025-08-19", "--responded", "2025-09-10", "--today", "2025-10-01"),
    ("status", "2025-08-19", "--responded", "2025-09-25", "--today", "2025-10-01"),
    ("status", "2025-08-19", "--extend", "--today", "2025-10-01"),
    ("status", "2025-08-19", "--clarification-requested", "2025-08-22", "--today", "2025-09-01"),
    ("status", "2025-08-19", "--fees-notice", "2025-08-22", "--today", "2025-09-01"),
    ("status", "2025-08-19", "--fees-notice", "2025-08-22", "--today", "2026-01-01"),
    ("status", "2025-08-19", "--regime", "sar", "--today", "2025-09-01"),
    ("status", "2025-08-19", "--responded", "2025-10-01", "--today", "2025-09-01"),
    ("timeline", "2025-08-19", "--today", "2025-09-01"),
    ("timeline", "2025-08-19", "--responded", "2025-09-10", "--review-requested", "2025-10-01",
     "--review-responded", "2025-10-20", "--decision-notice", "2026-01-05", "--today",
     "2026-01-10", "--case-id", "FOI-42"),
    ("timeline", "2025-08-19", "--responded", "2025-09-10", "--review-requested", "2025-10-01",
     "--today", "2025-12-30", "-f", "md"),
    ("timeline", "2025-08-19", "--regime", "eir", "--today", "2025-10-01"),
    ("timeline", "2025-08-19", "--regime", "foisa", "--responded", "2025-09-10",
     "--review-requested", "2025-10-01", "--today", "2025-11-10"),
    ("timeline", "2025-08-19", "--regime", "eisr", "--responded", "2025-09-10",
     "--review-requested", "2025-10-01", "--review-responded", "2025-10-20",
     "--decision-notice", "2026-01-05", "--today", "2026-01-06"),
    ("timeline", "2025-08-19", "--fees-notice", "2025-08-22", "--today", "2026-01-01"),
    ("timeline", "2025-08-19", "--regime", "sar", "--today", "2025-08-20"),
    ("timeline", "2025-08-19", "--responded", "2025-12-01", "--today", "2025-11-01"),
    ("appeal", "--responded", "2025-09-16", "--today", "2025-10-01"),
    ("appeal", "--responded", "2025-09-16", "--review-requested", "2025-10-01",
     "--review-responded", "2025-10-20", "--today", "2025-12-31"),
    ("appeal", "--received", "2025-08-19", "--regime", "eir", "--today", "2025-09-01"),
    ("appeal", "--received", "2025-08-19", "--regime", "foisa", "--today", "2025-12-01"),
    ("appeal", "--responded", "2025-09-16", "--regime", "sar", "--today", "2025-10-01"),
    ("appeal", "--responded", "2025-09-16", "--review-requested", "2025-12-01",
     "--today", "2025-12-31"),
    *[
        ("letter", kind, "2025-09-16", "--regime", regime, "--format", form)
        for regime in ("foia", "eir", "foisa", "eisr")
        for kind in ("--responded", "--review-responded")
        for form in ("text", "md")
    ],
    ("calendar", "2025-08-19"),
    ("calendar", "2025-08-19", "--clarification-requested", "2025-08-22",
     "--clarification-received", "2025-08-29", "--fees-notice", "2025-09-05"),
    ("calendar", "2025-01-31", "--regime", "sar", "--clarification-requested", "2025-02-03",
     "--clarification-received", "2025-02-05"),
    ("calendar", "2025-08-19", "--body", "school", "--school-closed", "2025-08-20:2025-08-29"),
    ("calendar", "2025-08-19", "--extend"),
    ("calendar", "2025-01-31", "--regime", "sar"),  # the deadline's own mark: [due]
    ("add", "2025-09-17", "20"),
    ("add", "2028-12-01", "20"),
    ("count", "2025-09-17", "2025-10-01"),
    ("count", "2025-10-01", "2025-09-17"),
    ("count", "2025-09-17", "2025-09-18"),
    ("holidays", "2025", "2026"),
    ("holidays", "2030", "--nation", "scotland"),
    ("holidays", "2025", "--source"),
    ("holidays", "--diff"),
    ("config", "show"),
    ("timeline", "2025-08-19", "--today", "2025-09-01", "-f", "md"),  # a closure on the due day
    # Scotland as settled (C-POST-SCOT, FOISA-SIC's safe date, FOISA-COURT's warning, the Keeper)
    ("timeline", "2025-08-19", "--regime", "foisa", "--responded", "2025-09-30",
     "--responded-posted", "2025-09-30", "--review-requested", "2025-10-01",
     "--review-responded", "2025-11-14", "--review-responded-posted", "2025-11-14",
     "--review-responded-received", "2025-11-18", "--decision-notice", "2025-11-14",
     "--today", "2025-11-20"),
    ("timeline", "2025-08-19", "--regime", "eisr", "--responded", "2025-09-10",
     "--review-requested", "2025-10-01", "--review-responded", "2025-10-06",
     "--review-responded-posted", "2025-10-06", "--decision-notice", "2025-11-14",
     "--today", "2025-11-20", "-f", "md"),
    ("appeal", "--regime", "foisa", "--responded", "2025-09-16", "--decision-notice",
     "2025-11-14", "--statement-of-reasons", "2025-11-21", "--today", "2025-11-25"),
    ("timeline", "2025-08-19", "--regime", "foisa", "--body", "keeper",
     "--review-by-other-authority", "--responded", "2025-09-30", "--review-requested",
     "2025-10-01", "--today", "2025-10-02"),
    ("due", "2025-08-19", "--regime", "foisa", "--body", "keeper", "--explain"),
    ("due", "2025-08-19", "--body", "keeper"),
    ("timeline", "2025-08-19", "--responded", "2025-09-16", "--responded-posted", "2025-09-16"),
    ("timeline", "2025-08-19", "--regime", "foisa", "--responded", "2025-09-16",
     "--responded-posted", "2025-09-16", "--responded-received", "2025-09-17"),
    ("timeline", "2025-08-19", "--regime", "foisa", "--review-by-other-authority"),
    ("appeal", "--regime", "eir", "--responded", "2025-09-16", "--decision-notice",
     "2025-11-14", "--statement-of-reasons", "2025-11-21"),
    # issue 19: the statistics and the worklist
    *[
        ("stats", CASELOG, "--period", "2025-Q3", "--today", "2025-10-31", "--template", template)
        for template in ("cabinet-office", "ico", "sic", "s45")
    ],
    ("stats", CASELOG, "--period", "2025-Q3", "--today", "2025-10-31", "-f", "md", "--by",
     "team", "team"),
    ("worklist", CASELOG, "--today", "2025-10-01"),
    ("worklist", CASELOG, "--today", "2025-10-01", "-f", "md"),
    ("stats", CASELOG, "--period", "2024-Q1", "--today", "2025-10-31"),
    ("stats", CASELOG, "--period", "2025-Q5"),
    # bad input: one line, in Welsh
    ("due", "2025-02-30"),
    ("due", "32/01/2025"),
    ("due", "19 Foo 2025"),
    ("due", "Monday 19 August 2025"),
    ("due", "19/08/25"),
    ("due", "1999-01-01"),
    ("due", "2025-08-19", "--regime", "nope"),
    ("due", "2025-08-19", "--nation", "nope"),
    ("due", "2025-08-19", "--body", "nope"),
    ("due", "2025-08-19", "--regime", "eir", "--body", "school"),
    ("due", "2025-08-19", "--receipt-rule", "nope"),
    ("due", "2025-08-19", "--clarification-received", "2025-08-22"),
    ("due", "2025-08-19", "--fee-paid", "2025-08-22"),
    ("due", "2025-08-19", "--clarification-requested", "2025-08-10"),
    ("due", "2025-08-19", "--school-closed", "2025-08-20"),
    ("due", "--case", "/nonexistent/case.toml"),
    ("timeline", "2025-08-19", "--format", "nope"),
    ("timeline", "2025-08-19", "--today", "2025-08-01"),
    ("timeline", "2025-08-19", "--review-requested", "2025-09-01"),
    ("appeal",),
    ("letter",),
    ("letter", "--responded", "2025-09-16", "--regime", "sar"),
    ("letter", "--responded", "2025-09-16", "--format", "nope"),
    ("add", "2025-09-17", "x"),
    ("add", "2025-09-17", "0"),
    ("holidays", "20x5"),
    ("holidays", "1999"),
    ("holidays", "--diff", "2025"),
    ("holidays", "2025", "--regime", "foia", "--nation", "scotland"),
    ("batch", "/nonexistent/cases.csv"),
]  # fmt: skip


def _given(run: tuple[str, ...]) -> tuple[str, ...]:
    """The values typed on the command line, which a message may quote back as they are."""
    values = [arg for arg in run if not arg.startswith("-") and len(arg) > 1]
    return (*values, *(word for value in values for word in value.split()))


@pytest.fixture
def marked() -> Iterator[None]:
    """The catalogue's text marked, for one test only (other modules' tests that render Welsh
    after it must get the real catalogue back)."""
    install_translations("cy", MarkingCatalogue())
    yield
    install_translations("cy", None)


def assert_every_word_comes_from_the_catalogue(
    run: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run `run` in Welsh with the example config (the marking catalogue installed by the
    caller's fixture): no word may be left outside the marks but what was typed."""
    config = tmp_path / "config.toml"
    config.write_text(CONFIG, encoding="utf-8")
    monkeypatch.setenv("FOICLOCK_CONFIG", str(config))
    forget_everything()
    result = runner.invoke(app, [*run, "--lang", "cy"])
    forget_everything()
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    output = result.stdout + result.stderr
    assert output.strip()
    given = (*_given(run), "Proclaimed day", "Office closure", str(tmp_path))
    assert leftover_words(output, given) == set(), output


@pytest.mark.parametrize("run", RUNS, ids=lambda run: " ".join(run)[:60])
def test_every_word_shown_comes_from_the_catalogue(
    run: tuple[str, ...], marking: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_every_word_comes_from_the_catalogue(run, tmp_path, monkeypatch)


def test_ics_summaries_and_descriptions_come_from_the_catalogue(
    marking: None, tmp_path: Path
) -> None:
    target = tmp_path / "case.ics"
    result = runner.invoke(
        app,
        ["timeline", "2025-08-19", "--responded", "2025-09-10", "--today", "2025-09-01",
         "--lang", "cy", "-o", str(target)],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    unfolded = target.read_bytes().decode("utf-8").replace("\r\n ", "").replace("\\,", ",")
    shown = [
        line.split(":", 1)[1]
        for line in unfolded.splitlines()
        if line.startswith(("SUMMARY", "DESCRIPTION", "X-WR-CALNAME"))
    ]
    assert len(shown) >= 8
    for text in shown:
        text = text.replace("\\n", " ").replace("\\;", ";")
        assert leftover_words(text, ("2025-08-19",)) == set(), text
    assert leftover_words(result.stderr, (str(target),)) == set(), result.stderr


def test_batch_summary_comes_from_the_catalogue(marking: None, tmp_path: Path) -> None:
    source = tmp_path / "cases.csv"
    source.write_text(
        "case_id,received,responded\nA,2025-08-19,2025-09-10\nB,2025-02-30,\nC,nonsense,\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["batch", str(source), "--today", "2025-10-01", "--lang", "cy", "-o",
              str(tmp_path / "out.csv")]
    )  # fmt: skip
    assert result.exit_code == 1
    assert leftover_words(result.stderr, (str(tmp_path), "2025-02-30", "nonsense")) == set(), (
        result.stderr
    )


def test_the_check_catches_english_that_skips_the_catalogue(marking: None) -> None:
    """The check itself can fail: an English word outside the markers is reported."""
    assert leftover_words(_marked("Response due: {date}").format(date="soon"), ()) == {"soon"}
    assert leftover_words(_marked("Response due: {date}").format(date="Dydd Mercher"), ()) == set()


#: Click's own words in a help page, which the catalogue does not hold.
CLICK_WORDS = {"Usage", "Options", "Arguments", "Commands", "Show", "this", "message", "and",
               "exit",
               "OPTIONS", "COMMAND", "ARGS", "str", "int", "float", "range", "default",
               "required", "x", "TEXT", "NAME", "CHAR", "SECONDS", "utf",
               # argument names in the usage line
               "received", "years", "start", "end", "n", "INPUT",
               # command names in the list of commands
               "due", "timeline", "status", "calendar", "add", "count", "holidays", "batch",
               "update", "config", "show"}  # fmt: skip


@pytest.mark.parametrize(
    "words",
    [(), ("due",), ("timeline",), ("status",), ("appeal",), ("letter",), ("calendar",),
     ("add",), ("count",), ("holidays",), ("batch",), ("stats",), ("worklist",),
     ("update-holidays",), ("config", "show")],
    ids=lambda words: " ".join(words) or "foiclock",
)  # fmt: skip
def test_help_comes_from_the_catalogue(
    words: tuple[str, ...],
    marking: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from foiclock import cli

    monkeypatch.setattr(cli.app, "registered_commands", list(cli.app.registered_commands))
    monkeypatch.setattr(sys, "argv", ["foiclock", *words, "--help", "--lang", "cy"])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 0
    shown = capsys.readouterr().out
    assert OPEN in shown
    assert leftover_words(shown, words) - CLICK_WORDS == set(), shown
