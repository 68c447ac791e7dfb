"""Cymraeg (issue 8): the catalogue is whole and current, the .mo is the .po compiled, the wheel
carries it, and the Welsh output of due, timeline, letter and .ics is the text written here by
hand (dates from rules.md's worked examples, and counts written out below)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tools import catalogue
from typer.testing import CliRunner

from foiclock import __version__, response_deadline, timeline_from_events, using_language
from foiclock.cli import app
from foiclock.present.serialise import deadline_json, timeline_json
from tests.isolation import own_dirs

__all__ = ["own_dirs"]  # a fixture

ROOT = Path(__file__).resolve().parent.parent

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- the catalogue ---------------------------------------------------------------------------


def test_every_message_has_welsh_with_the_same_placeholders() -> None:
    assert catalogue.problems(catalogue.read_catalogue("cy")) == []


def test_the_po_holds_exactly_the_messages_of_the_source_and_the_mo_is_the_po_compiled() -> None:
    """A string marked in the code but missing from the .po (or left there after it went), or a
    .mo not rebuilt after the .po changed, fails here: run tools/catalogue.py update/compile."""
    assert catalogue.stale("cy") == []


def test_the_check_fails_on_a_bad_translation_and_a_stale_mo(tmp_path: Path) -> None:
    from babel.messages.catalog import Catalog

    broken = Catalog(locale="cy")
    broken.add("Response due: {date}", "")
    broken.add("Received: {date}", "Derbyniwyd: {dyddiad}")
    broken.add("Due {date}", "Dyledus: {date}}")
    broken.add("that is by **{review_by}**", "hynny yw erbyn {review_by}")
    found = catalogue.problems(broken)
    assert any("not translated" in problem for problem in found)
    assert any("placeholders differ" in problem for problem in found)
    assert any("does not format" in problem for problem in found)
    assert any("markup differs" in problem for problem in found)
    shipped = catalogue.read_catalogue("cy")
    assert catalogue.compiled(catalogue.mo_bytes(shipped)) != catalogue.compiled(
        catalogue.mo_bytes(broken)
    )


def test_a_new_babel_release_does_not_make_the_shipped_mo_stale() -> None:
    """The .mo is compared as gettext serves it: the tool's version stamp in its header (Babel
    2.19.0 wrote "Generated-By: Babel 2.19.0" where the shipped file says 2.18.0, and turned a
    fresh clone red) changes nothing, but the plural rule and the charset do."""
    shipped = catalogue.mo_path("cy").read_bytes()
    stamp = re.search(rb"Generated-By: Babel ([0-9.]+)", shipped)
    assert stamp is not None  # the stamp the shipped file carries
    other_version = re.sub(rb"[0-9]", b"9", stamp.group(1)).replace(b".", b"8")  # same length
    assert other_version != stamp.group(1)
    restamped = shipped.replace(stamp.group(1), other_version, 1)
    assert catalogue.compiled(restamped) == catalogue.compiled(shipped)
    replural = shipped.replace(b"n==6 ? 4 : 0)", b"n==7 ? 4 : 0)")
    assert replural != shipped
    assert catalogue.compiled(replural) != catalogue.compiled(shipped)
    recharset = shipped.replace(b"charset=utf-8", b"charset=UTF-8")
    # "UTF-8" and "utf-8" name one charset
    assert catalogue.compiled(recharset)[2] == catalogue.compiled(shipped)[2]


def test_an_update_keeps_the_plural_rule_the_translations_were_written_for() -> None:
    """Babel 2.19 gives Welsh six plural forms from CLDR; the shipped translations have five. An
    update under any Babel must keep the catalogue's own rule, or every plural gains an empty
    form and the catalogue check fails."""
    shipped = catalogue.read_catalogue("cy")
    assert shipped.num_plurals == 5
    assert catalogue.updated_catalogue("cy").plural_forms == shipped.plural_forms


# --- the installed package -------------------------------------------------------------------


def test_the_installed_wheel_carries_the_catalogue_and_prints_welsh(tmp_path: Path) -> None:
    """Build the wheel (hatchling, offline), install it on its own into a directory, and run
    foiclock from there: it must be that copy that runs, and it must print Welsh."""
    dist, site = tmp_path / "dist", tmp_path / "site"
    build = "import sys; from hatchling.build import build_wheel; print(build_wheel(sys.argv[1]))"
    built = subprocess.run(
        [sys.executable, "-c", build, str(dist)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    wheel = dist / built.stdout.strip().splitlines()[-1]
    names = zipfile.ZipFile(wheel).namelist()
    assert "foiclock/locale/cy/LC_MESSAGES/foiclock.mo" in names
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(site), str(wheel)],
        check=True,
    )  # fmt: skip
    script = (
        "import sys, foiclock; print(foiclock.__file__, file=sys.stderr); "
        "from foiclock.cli import main; "
        "sys.argv = ['foiclock', 'due', '2025-08-19', '--lang', 'cy']; main()"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(str(site)), result.stderr  # the installed copy ran
    assert result.stdout.splitlines()[0] == "Ymateb yn ddyledus: Dydd Mercher 17 Medi 2025"


# --- Welsh output, written by hand -----------------------------------------------------------
# rules.md example 1: FOIA, received Tuesday 19 August 2025; day 1 is Wed 20 Aug, Mon 25 Aug
# (the summer bank holiday) is skipped, day 20 is Wednesday 17 September 2025.
DUE_CY = """\
Ymateb yn ddyledus: Dydd Mercher 17 Medi 2025
  FOIA: 20fed diwrnod gwaith yn dilyn y dyddiad derbyn (FOIA-RESP, FOIA a10(1))
  Derbyniwyd: Dydd Mawrth 19 Awst 2025
  Diwrnodau gwaith: nid yw penwythnosau, Dydd Nadolig, Gwener y Groglith na
    gwyliau banc mewn unrhyw ran o'r DU yn cyfrif (WD-UK, FOIA a10(6))
"""
DUE_EN = """\
Response due: Wednesday 17 September 2025
  FOIA: 20th working day following the date of receipt (FOIA-RESP, FOIA s10(1))
  Received: Tuesday 19 August 2025
  Working days: weekends, Christmas Day, Good Friday and bank holidays in any
    part of the UK do not count (WD-UK, FOIA s10(6))
"""


def test_due_in_welsh() -> None:
    code, out, err = run("due", "2025-08-19", "--lang", "cy")
    assert (code, err) == (0, "")
    assert out == DUE_CY


def test_due_in_welsh_then_english() -> None:
    code, out, _ = run("due", "2025-08-19", "--lang", "cy+en")
    assert code == 0
    assert out == DUE_CY + "\n" + DUE_EN


def test_explain_in_welsh_names_each_day_and_the_holiday() -> None:
    code, out, _ = run("due", "2025-08-19", "--lang", "cy", "--explain")
    assert code == 0
    # The reasons line up after the longest Welsh short date (18 columns: "Gwen 12 Chwef 2025").
    assert (
        "  derbyniwyd Maw 19 Awst 2025    dyddiad derbyn; nid yw byth yn cyfrif\n    (C-RECEIPT)\n"
    ) in out
    assert "  dydd 1     Mer 20 Awst 2025\n" in out
    assert "  hepgorwyd  Sad 23 Awst 2025    penwythnos (WD-UK)\n" in out
    assert "  hepgorwyd  Llun 25 Awst 2025   Gŵyl banc yr haf (Cymru a Lloegr" in out
    assert "  dydd 20    Mer 17 Medi 2025    ymateb yn ddyledus (FOIA-RESP)\n" in out


# The review window: the 40th working day after Tue 16 Sep 2025. Sep 17-30 gives 10 (17, 18, 19,
# 22-26, 29, 30), October 23 (33), then Nov 3-7 (38), 10 (39), 11 (40): Tue 11 Nov 2025. The
# extension: 20 working days after Wed 17 Sep 2025 is Wed 15 Oct 2025 (Sep 18-30: 9; Oct 1-3,
# 6-10, 13-15: 11). On Wed 1 Oct 2025, 29 working days of the 40 are left (Oct 2-31: 22, Nov 3-7
# and 10-11: 7). The milestone column is as wide as its longest label, "Cwyno i Swyddfa'r
# Comisiynydd Gwybodaeth o'r dyddiad" (52 columns, CY-TERMS), and a row is never folded, so the
# review row runs to 104 columns (the backslash below only splits the source line).
TIMELINE_CY = """\
Llinell amser FOIA FOI-7, dyddiad derbyn Dydd Mawrth 19 Awst 2025; cyflyrau
  erbyn Dydd Mercher 1 Hydref 2025

Dyddiad           Carreg filltir                     Cyflwr
Maw 19 Awst 2025  Derbyniwyd y cais                  wedi'i wneud
                  C-RECEIPT: Canllawiau Swyddfa'r Comisiynydd Gwybodaeth ar
                    derfynau amser
Maw 16 Medi 2025  Anfonwyd yr ymateb                 wedi'i wneud
                  FOIA-RESP: FOIA a10(1)
Mer 17 Medi 2025  Ymateb yn ddyledus                 wedi'i fodloni
                  FOIA-RESP: FOIA a10(1)
Mer 15 Hyd 2025   Ymateb yn ddyledus os estynnir     os estynnir
                  FOIA-PIT: FOIA a10(3); arfer Swyddfa'r Comisiynydd Gwybodaeth
Maw 11 Tach 2025  Gofyn am adolygiad mewnol erbyn    ar agor: 29 diwrnod gwaith ar ôl
                  FOIA-IR-REQ: Cod Ymarfer a45 (2018) para 5.3
-                 Canlyniad adolygiad yn ddyledus    angen --review-requested
                  FOIA-IR-RESP: Cod Ymarfer a45 (2018) para 5.4
-                 Canlyniad adolygiad: terfyn olaf   angen --review-requested
                  FOIA-IR-RESP: Cod Ymarfer a45 (2018) para 5.5
-                 Cwyno i Swyddfa'r Comisiynydd Gwybodaeth o'r dyddiad
                                                     angen --review-requested
                  FOIA-ICO: FOIA a50; canllawiau Swyddfa'r Comisiynydd
                    Gwybodaeth ar gwynion
-                 Cwyno i Swyddfa'r Comisiynydd Gwybodaeth erbyn
                                                     angen --review-responded
                  FOIA-ICO: FOIA a50; canllawiau Swyddfa'r Comisiynydd
                    Gwybodaeth ar gwynion
-                 Apelio i'r Tribiwnlys erbyn        angen --decision-notice
                  FOIA-TRIB: FOIA a57; Rheolau GRC 2009 r22(1)(b), r12
                    [darlleniad gorau]
"""
# A label longer than the label column (here the two ICO labels, 52 and 46 columns) has its
# state on the next line, under the state column, so that no row runs far past 80 columns.
TIMELINE_ARGS = (
    "timeline", "2025-08-19", "--responded", "2025-09-16", "--today", "2025-10-01",
    "--case-id", "FOI-7",
)  # fmt: skip


def test_timeline_in_welsh() -> None:
    code, out, _ = run(*TIMELINE_ARGS, "--lang", "cy")
    assert code == 0
    assert out == TIMELINE_CY


def test_timeline_csv_and_json_stay_english_whatever_the_language() -> None:
    _, csv_cy, _ = run(*TIMELINE_ARGS, "--lang", "cy", "-f", "csv")
    _, csv_en, _ = run(*TIMELINE_ARGS, "-f", "csv")
    assert csv_cy == csv_en and "Ask for an internal review by" in csv_cy
    _, json_cy, _ = run(*TIMELINE_ARGS, "--lang", "cy", "-f", "json")
    _, json_en, _ = run(*TIMELINE_ARGS, "-f", "json")
    assert json_cy == json_en
    _, due_json, _ = run("due", "2025-08-19", "--lang", "cy", "--explain", "--json")
    assert '"reason": "date of receipt; it never counts"' in due_json


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
LANGUAGES = ("en", "cy", "cy+en")


def dates_in(value: object, path: str = "") -> list[tuple[str, str]]:
    """Every ISO date in a JSON value, with where it is (`.windows[3].date`), in document order."""
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in dates_in(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [found for i, item in enumerate(value) for found in dates_in(item, f"{path}[{i}]")]
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return [(path, value)]
    return []


@settings(max_examples=25, deadline=None)
@given(
    regime=st.sampled_from(["foia", "eir", "foisa", "eisr", "sar"]),
    received=st.dates(date(2012, 1, 1), date(2028, 6, 30)),
    answered_after=st.integers(0, 45),
    review_after=st.integers(0, 45),
    today_after=st.integers(0, 120),
)
def test_the_language_never_moves_a_date(
    regime: str, received: date, answered_after: int, review_after: int, today_after: int
) -> None:
    """CY-TIME (best reading): a request or review in Welsh changes no time limit, so every date
    in the JSON of due, status, timeline and appeal, and the exit code (status: 1 when overdue),
    are the same for --lang en, cy and cy+en; and a library user's deadline and timeline are the
    same whichever language they are computed in."""
    responded = received + timedelta(days=answered_after)
    review = responded + timedelta(days=review_after) if regime != "sar" else None
    today = (received + timedelta(days=today_after)).isoformat()
    case = ["-r", regime, "--today", today, "--responded", responded.isoformat()]
    if review is not None:  # SAR has no internal review (rules.md section 7)
        case += ["--review-requested", review.isoformat()]
    library: dict[str, list[tuple[str, str]]] = {}
    for language in ("en", "cy"):  # a library user computing inside using_language("cy")
        with using_language(language):
            deadline = deadline_json(response_deadline(received, regime))
            timeline = timeline_json(
                timeline_from_events(
                    received, regime, responded=responded, review_requested=review,
                    today=date.fromisoformat(today),
                )
            )  # fmt: skip
            library[language] = dates_in(deadline) + dates_in(timeline)
    assert library["cy"] == library["en"]
    commands = [
        ["due", received.isoformat(), "-r", regime, "--explain", "--json"],
        ["status", received.isoformat(), "-r", regime, "--today", today, "--json"],
        ["timeline", received.isoformat(), *case, "--json"],
        ["appeal", *case, "--json"],
    ]
    for command in commands:
        outputs = {language: run(*command, "--lang", language) for language in LANGUAGES}
        code, out, _ = outputs["en"]
        assert code in (0, 1), (command, outputs["en"])  # never a bad-input exit
        english = dates_in(json.loads(out))
        assert english, command  # a comparison of nothing could not fail
        for language in LANGUAGES[1:]:
            assert outputs[language][0] == code, (command, language)
            assert dates_in(json.loads(outputs[language][1])) == english, (command, language)


# The letter of a FOIA response dated Tue 16 Sep 2025: the review request by Tue 11 Nov 2025.
LETTER_CY = (
    "Os ydych yn anfodlon â'r ymateb hwn, gallwch ofyn am adolygiad mewnol. Rhaid i'ch cais ein "
    "cyrraedd o fewn 40 diwrnod gwaith i ddyddiad yr ymateb hwn, hynny yw erbyn Dydd Mawrth 11 "
    "Tachwedd 2025. Byddwn yn anelu at ateb o fewn 20 diwrnod gwaith i ni ei dderbyn.\n\n"
    "Os nad ydych yn fodlon â chanlyniad yr adolygiad mewnol, gallwch gwyno i Swyddfa'r "
    "Comisiynydd Gwybodaeth (ICO) yn ico.org.uk (https://ico.org.uk/make-a-complaint/). Mae "
    "Swyddfa'r Comisiynydd Gwybodaeth yn gofyn i gwynion ddod i law o fewn chwe wythnos i "
    "ganlyniad yr adolygiad. Os nad ydych wedi cael y canlyniad o fewn 40 diwrnod gwaith i chi "
    "ofyn am yr adolygiad, gallwch gwyno i Swyddfa'r Comisiynydd Gwybodaeth hebddo.\n\n"
    "Os ydych yn anghytuno â hysbysiad penderfyniad y Comisiynydd Gwybodaeth, gallwch apelio i'r "
    "Tribiwnlys Haen Gyntaf (Siambr Reoleiddio Gyffredinol) o fewn 28 diwrnod i'r dyddiad yr "
    "anfonwyd yr hysbysiad."
)
LETTER_EN_FIRST = (
    "If you are unhappy with this response, you can ask for an internal review. Your request "
    "must reach us within 40 working days of the date of this response, that is by Tuesday 11 "
    "November 2025. We will aim to reply within 20 working days of receiving it."
)


def test_letter_in_welsh_then_english_with_real_dates() -> None:
    code, out, err = run("letter", "--responded", "2025-09-16", "--lang", "cy+en")
    assert code == 0
    welsh, english = out.split("\n\n" + LETTER_EN_FIRST)
    assert welsh == LETTER_CY
    assert english.startswith("\n\nIf you are not content with the outcome of the internal review")
    assert err.splitlines() == [
        "foiclock: Dydd Mawrth 11 Tachwedd 2025 yw'r dyddiad yn ôl FOIA-IR-REQ: 40fed diwrnod "
        "gwaith ar ôl y dyddiad yr anfonwyd yr ymateb; gellir gwrthod ceisiadau a wneir ar ôl "
        "hynny (Cod Ymarfer a45 (2018) para 5.3)",
        "foiclock: Tuesday 11 November 2025 is FOIA-IR-REQ: 40th working day after the date the "
        "response was issued; later requests may be refused (s45 Code of Practice (2018) para "
        "5.3)",
    ]


def test_letter_markdown_in_welsh_keeps_the_link_and_the_bold_date() -> None:
    code, out, _ = run("letter", "--review-responded", "2025-10-20", "--lang", "cy", "-f", "md")
    assert code == 0
    # Six weeks (42 days) after Mon 20 Oct 2025 is Mon 1 Dec 2025 (FOIA-ICO).
    assert "**Dydd Llun 1 Rhagfyr 2025**" in out
    assert "[ico.org.uk](https://ico.org.uk/make-a-complaint/)" in out


def test_ics_summaries_and_descriptions_in_welsh_then_english(tmp_path: Path) -> None:
    from icalendar import Calendar

    target = tmp_path / "FOI-7.ics"
    code, _, _ = run(*TIMELINE_ARGS, "--lang", "cy+en", "-o", str(target))
    assert code == 0
    events = {
        str(event["uid"]).split("-92")[0]: event
        for event in Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    }
    review = events["review-request-by"]
    assert str(review["summary"]) == (
        "FOI-7: Gofyn am adolygiad mewnol erbyn / Ask for an internal review by"
    )
    assert str(review["description"]) == (
        "FOIA-IR-REQ: 40fed diwrnod gwaith ar ôl y dyddiad yr anfonwyd yr ymateb; gellir gwrthod "
        "ceisiadau a wneir ar ôl hynny (Cod Ymarfer a45 (2018) para 5.3). Cyfrifwyd gan foiclock "
        f"{__version__}.\n\n"
        "FOIA-IR-REQ: 40th working day after the date the response was issued; later requests "
        f"may be refused (s45 Code of Practice (2018) para 5.3). Counted by foiclock {__version__}."
    )
    alarm = review.walk("VALARM")[0]
    assert str(alarm["description"]) == (
        "Gofyn am adolygiad mewnol erbyn: Dydd Mawrth 11 Tachwedd 2025 / "
        "Ask for an internal review by: Tuesday 11 November 2025"
    )
    assert str(events["response-due"]["summary"]) == "FOI-7: Ymateb yn ddyledus / Response due"
    code, _, _ = run(*TIMELINE_ARGS, "--lang", "cy", "-o", str(target))
    due = next(
        e for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")
        if str(e["uid"]).startswith("response-due-9")
    )  # fmt: skip
    assert str(due["summary"]) == "FOI-7: Ymateb yn ddyledus"
    assert str(due["description"]) == (
        "FOIA-RESP: 20fed diwrnod gwaith yn dilyn y dyddiad derbyn (FOIA a10(1)). Cyfrifwyd gan "
        f"foiclock {__version__}."
    )


# --- choosing the language -------------------------------------------------------------------


def test_the_language_comes_from_the_flag_then_foiclock_lang_then_the_config(
    own_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = own_dirs / "xdg" / "foiclock" / "config.toml"  # the default location
    config.parent.mkdir(parents=True)
    config.write_text('lang = "cy+en"\n', encoding="utf-8")
    assert run("due", "2025-08-19")[1] == DUE_CY + "\n" + DUE_EN
    monkeypatch.setenv("FOICLOCK_LANG", "cy")
    assert run("due", "2025-08-19")[1] == DUE_CY
    assert run("due", "2025-08-19", "--lang", "en")[1] == DUE_EN
    _code, out, _ = run("config", "show", "--json")
    assert '"value": "cy"' in out and '"from": "FOICLOCK_LANG"' in out


def test_a_bad_language_is_one_line_and_exit_2() -> None:
    code, out, err = run("due", "2025-08-19", "--lang", "fr")
    assert (code, out) == (2, "")
    assert (
        err
        == "foiclock: error: --lang: 'fr' is not a lang foiclock offers; accepted: en, cy, cy+en\n"
    )


def test_errors_in_welsh_and_in_both() -> None:
    code, _, err = run("due", "2025-02-30", "--lang", "cy")
    assert code == 2
    assert err.startswith("foiclock: gwall: received: '2025-02-30' nid yw'n ddyddiad go iawn")
    assert err.count("\n") == 1
    code, _, err = run("due", "2025-02-30", "--lang", "cy+en")
    welsh, english = err.splitlines()
    assert welsh.startswith("foiclock: gwall: received: '2025-02-30' nid yw'n ddyddiad go iawn")
    assert english.startswith("foiclock: error: received: '2025-02-30' is not a real date")


def test_library_users_choose_the_language_with_using_language() -> None:
    from datetime import date

    from foiclock import response_deadline, using_language
    from foiclock.present.render import due_text

    deadline = response_deadline(date(2025, 8, 19))
    with using_language("cy"):
        assert due_text(deadline) + "\n" == DUE_CY
    assert due_text(deadline) + "\n" == DUE_EN


def test_using_language_refuses_what_it_does_not_speak() -> None:
    from foiclock import InvalidInput, using_language

    for language in ("cy+en", "fr", "CY"):
        with (
            pytest.raises(InvalidInput, match="is not a language foiclock speaks"),
            using_language(language),
        ):
            pass


def test_messages_survive_pickle_and_copy_braces_and_all() -> None:
    """A batch row's error crosses process pools and Spark workers as a pickle."""
    import copy
    import pickle
    from datetime import date

    from foiclock import answer_row, using_language
    from foiclock.base.i18n import localise

    answer = answer_row({"received": "19 {Aug} 2025"}, date(2025, 10, 1))
    assert answer.status == "error" and "{Aug}" in answer.error
    for clone in (pickle.loads(pickle.dumps(answer)), copy.deepcopy(answer)):
        assert clone == answer and str(clone.error) == str(answer.error)
        with using_language("cy"):
            assert localise(clone.error) == localise(answer.error)
            assert "nid yw'n ddyddiad y mae foiclock yn ei ddarllen" in localise(clone.error)


def test_a_value_someone_typed_is_never_translated(tmp_path: Path) -> None:
    """A file called 'month' and a column called 'received' are names, not words to translate."""
    source = tmp_path / "month"
    source.write_text("received\n2025-01-01\n", encoding="utf-8")
    code, _, err = run("batch", str(source), "--received-column", "x", "--lang", "cy")
    assert code == 2
    assert f"nid yw'n un o golofnau {source} (ei golofnau: received)" in err


def test_runs_in_threads_of_one_process_keep_their_own_language() -> None:
    """The CLI keeps the run's languages per thread (a ContextVar): two commands running at once,
    one Welsh and one English, each print in their own."""
    import threading
    from datetime import date

    from foiclock import response_deadline
    from foiclock.cli import common
    from foiclock.present.render import due_text

    deadline = response_deadline(date(2025, 8, 19))
    both_chosen = threading.Barrier(2)
    printed: dict[str, str] = {}

    @common.reports_bad_input
    def command(lang: str) -> None:
        both_chosen.wait()  # both runs have chosen their language before either prints
        printed[lang] = common._in_languages(lambda: due_text(deadline))

    threads = [threading.Thread(target=command, kwargs={"lang": lang}) for lang in ("cy", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert printed == {"cy": DUE_CY.rstrip("\n"), "en": DUE_EN.rstrip("\n")}


def test_errors_cross_a_process_pool_as_themselves() -> None:
    import pickle
    from datetime import date

    from foiclock import InvalidInput, answer_row, parse_date
    from foiclock.base.i18n import localise
    from foiclock.base.languages import using_language

    try:
        parse_date("2025-02-30", "received")
    except InvalidInput as error:
        clone = pickle.loads(pickle.dumps(error))
        assert isinstance(clone, InvalidInput) and str(clone) == str(error)
        with using_language("cy"):
            assert clone.localised() == error.localised()
    answer = answer_row({"received": "2025-02-30"}, date(2025, 10, 1))
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        clone_answer = pickle.loads(pickle.dumps(answer, protocol))
        with using_language("cy"):
            assert localise(clone_answer.error) == localise(answer.error)
            assert "Chwefror" in localise(clone_answer.error)


def test_the_moved_by_state_and_the_config_source_are_welsh(own_dirs: Path) -> None:
    from foiclock.base.languages import using_language
    from foiclock.clock.newer_data import MovedBy
    from foiclock.present.sources import moved_by_lines

    with using_language("cy"):
        lines = moved_by_lines(MovedBy((), (), ("fee_not_paid", "running")))
    assert "ffi heb ei thalu" in "\n".join(lines) and "fee_not_paid" not in "\n".join(lines)
    config = own_dirs / "xdg" / "foiclock" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('regime = "foia"\n', encoding="utf-8")
    _code, out, _ = run("config", "show", "--lang", "cy")
    assert " ".join(out.split()).startswith(
        f"Ffeil ffurfweddu: {config} (wedi'i dewis yn ôl lleoliad rhagosodedig)"
    )


def test_the_welsh_deadline_mark_fits_its_cell_in_the_month_grid() -> None:
    """SAR (C-MONTH): received Sat 5 Apr 2025, one month on is Mon 5 May 2025, the early May bank
    holiday, so the response is due Tue 6 May 2025: a day with no mark of its own, bracketed
    with the Welsh deadline mark."""
    _code, out, _ = run("calendar", "2025-04-05", "--regime", "sar", "--lang", "cy")
    assert out.splitlines()[1] == "Dyddiad dyledus: Dydd Mawrth 6 Mai 2025 (SAR-RESP)"
    week = next(line for line in out.splitlines() if "[olaf]" in line)
    assert "  5 =" in week and "  6 [olaf]" in week
    assert len(week) <= 7 * 11


def test_lang_before_the_command_and_in_help(tmp_path: Path) -> None:
    assert run("--lang", "cy", "due", "2025-08-19")[1] == DUE_CY
    assert run("--lang", "cy", "due", "2025-08-19", "--lang", "en")[1] == DUE_EN
    config = tmp_path / "config.toml"
    config.write_text('lang = "cy"\n', encoding="utf-8")
    for words, welsh in (
        (["due", "--lang=cy", "--help"], "Terfyn amser yr ymateb i gais"),
        (["config", "--help", "--lang", "cy"], "Y gosodiadau sy'n cael eu defnyddio"),
        (["--lang", "cy", "--help"], "Terfynau amser hawliau gwybodaeth y DU"),
        (["--config", str(config), "due", "--help"], "Terfyn amser yr ymateb i gais"),
    ):
        result = subprocess.run(
            [sys.executable, "-c", "from foiclock.cli import main; main()", *words],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert welsh in result.stdout, words
