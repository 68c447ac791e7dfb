"""`foiclock serve`'s app through Starlette's test client (issue 21): every page and API route,
every bad input the issue lists (an impossible date, a month-first date, an unknown regime,
events out of order, oversized queries, script in a field), the security headers, and nothing
stored. Known answers come from rules.md's worked examples or a count written out here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from foiclock.web.app import CONTENT_SECURITY_POLICY, create_app
from foiclock.web.openapi import ROUTES
from foiclock.web.queries import MAX_CLOSURES, MAX_PARAMETERS, MAX_QUERY_BYTES, MAX_VALUE_CHARS
from tests.isolation import own_dirs

__all__ = ["own_dirs"]

client = TestClient(create_app())

#: The seed letter's case (rules.md examples 1 and 15): received Tue 19 Aug 2025, answered Tue
#: 16 Sep 2025, looked at on Fri 7 Nov 2025: due Wed 17 Sep 2025, review by Tue 11 Nov 2025 with
#: 2 working days left (Mon 10 and Tue 11 Nov).
SEED = {
    "received-day": "19",
    "received-month": "8",
    "received-year": "2025",
    "responded-day": "16",
    "responded-month": "9",
    "responded-year": "2025",
    "today-day": "7",
    "today-month": "11",
    "today-year": "2025",
}


def api(path: str, **params: str | list[str]) -> tuple[int, dict[str, object]]:
    response = client.get(f"/api/v1/{path}", params=params)
    assert response.headers["content-type"] == "application/json"
    return response.status_code, response.json()


# --- the API ---------------------------------------------------------------------------------


def test_due_is_the_twentieth_working_day() -> None:
    status, body = api("due", received="2025-08-19")  # rules.md example 1
    assert status == 200
    assert (body["due"], body["rule"], body["working_days"]) == ("2025-09-17", "FOIA-RESP", 20)
    assert body["moved_by"] is None and body["steps"][0]["kind"] == "received"


def test_due_reads_the_date_forms_the_command_line_reads() -> None:
    for text in ("19/08/2025", "19 August 2025", "Tuesday 19 August 2025"):
        assert api("due", received=text)[1]["due"] == "2025-09-17"


def test_due_with_events_and_a_regime() -> None:
    # README: fees notice Fri 5 Sep, paid Wed 10 Sep: 4 working days (5, 8, 9, 10) left out of
    # the 20 from Mon 1 Sep 2025: Fri 3 Oct 2025.
    _, body = api("due", received="2025-09-01", fees_notice="2025-09-05", fee_paid="2025-09-10")
    assert body["due"] == "2025-10-03"
    assert body["fees"]["paused_working_days"] == 4  # type: ignore[index]
    # FOISA: Scotland's calendar alone; 20 working days from Tue 19 Aug 2025 (no holiday on
    # Mon 25 Aug in Scotland) is Tue 16 Sep 2025 (README, library).
    assert api("due", received="2025-08-19", regime="foisa")[1]["due"] == "2025-09-16"
    # FOIA-PIT: 20 further working days after Wed 17 Sep 2025 is Wed 15 Oct 2025.
    assert api("due", received="2025-08-19", extended="true")[1]["extended_due"] == "2025-10-15"


def test_timeline_has_every_milestone_and_its_state() -> None:
    status, body = api(
        "timeline", received="2025-08-19", responded="2025-09-16", today="2025-11-07"
    )
    assert status == 200 and body["today"] == "2025-11-07"
    milestones = {m["key"]: m for m in body["milestones"]}  # type: ignore[union-attr,index]
    review = milestones["review_request_by"]
    assert (review["date"], review["state"], review["days_left"]) == ("2025-11-11", "open", 2)
    assert milestones["response_due"]["state"] == "met"


def test_status_counts_the_days_left() -> None:
    # Working days from Tue 19 Aug 2025 to Fri 12 Sep 2025: 20-22 Aug (3), 26-29 Aug (4),
    # 1-5 Sep (5), 8-12 Sep (5) = 17 of 20, so 3 left.
    status, body = api("status", received="2025-08-19", today="2025-09-12")
    assert status == 200
    assert (body["state"], body["working_days_elapsed"], body["working_days_left"]) == (
        "open",
        17,
        3,
    )


def test_status_overdue_is_still_200() -> None:
    status, body = api("status", received="2025-08-19", today="2025-09-22")
    assert (status, body["state"]) == (200, "overdue")


def test_appeal_is_the_requesters_view() -> None:
    status, body = api("appeal", responded="2025-09-16", today="2025-11-07")  # example 15
    assert status == 200 and "milestones" not in body
    windows = {w["key"]: w for w in body["windows"]}  # type: ignore[union-attr,index]
    assert windows["review_request_by"]["date"] == "2025-11-11"
    assert windows["review_request_by"]["days_left"] == 2


def test_appeal_needs_a_response_or_a_receipt() -> None:
    status, body = api("appeal", today="2025-11-07")
    assert status == 400 and body["field"] == "appeal"
    assert "needs the date of the response" in str(body["error"])


@pytest.mark.parametrize("how", ["format", "accept"])
def test_timeline_as_a_calendar_file(how: str) -> None:
    params = {"received": "2025-08-19", "responded": "2025-09-16", "today": "2025-11-07"}
    headers = {}
    if how == "format":
        params["format"] = "ics"
    else:
        headers["accept"] = "text/calendar"
    response = client.get("/api/v1/timeline", params=params, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response.headers["content-disposition"]
    text = response.text
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20251111\r\n" in text  # the review window (example 15)
    assert "DTSTART;VALUE=DATE:20250917\r\n" in text  # the response deadline (example 1)


def test_appeal_calendar_holds_only_the_requesters_windows_in_welsh() -> None:
    response = client.get(
        "/api/v1/appeal",
        params={"responded": "2025-09-16", "today": "2025-11-07", "format": "ics", "lang": "cy"},
    )
    assert response.status_code == 200
    text = response.text.replace("\r\n ", "")  # unfold
    assert "DTSTART;VALUE=DATE:20251111" in text and "DTSTART;VALUE=DATE:20250917" not in text
    assert "Gofyn am adolygiad mewnol erbyn" in text


def test_due_and_status_have_no_calendar_file() -> None:
    status, body = api("due", received="2025-08-19", format="ics")
    assert (status, body["field"]) == (400, "format")
    assert str(body["error"]).startswith("format is not a parameter of /api/v1/due; accepted:")
    status, body = api("timeline", received="2025-08-19", format="pdf")
    assert body["error"] == "format: 'pdf' is not a format; accepted: json, ics"
    # An Accept header alone on a JSON-only route still gets JSON.
    response = client.get(
        "/api/v1/due", params={"received": "2025-08-19"}, headers={"accept": "text/calendar"}
    )
    assert response.headers["content-type"] == "application/json"


def test_openapi_describes_every_route_and_every_parameter_it_takes() -> None:
    response = client.get("/api/v1/openapi.json")
    document = response.json()
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {r.path for r in ROUTES} | {
        "/api/v1/openapi.json",
        "/healthz",
    }
    for route in ROUTES:
        named = [p["name"] for p in document["paths"][route.path]["get"]["parameters"]]
        assert named == list(route.parameters)
        # Every parameter it names is one the route takes (an empty value is "not given").
        query = {name: "" for name in named}
        assert client.get(route.path, params=query).json().get("field") != "query"


def test_a_parameter_the_route_does_not_take_is_refused_by_name() -> None:
    status, body = api("due", received="2025-08-19", today="2025-09-01")
    assert (status, body["field"]) == (400, "today")
    assert "is not a parameter of /api/v1/due" in str(body["error"])


def test_healthz() -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"


def test_an_unknown_api_route_is_json_404() -> None:
    response = client.get("/api/v1/nothing")
    assert response.status_code == 404 and response.json()["error"] == "Not Found"


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        (
            {"received": "2025-02-31"},
            "received",
            "received: '2025-02-31' is not a real date (February 2025 has no day 31); accepted: "
            "YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, D Month YYYY (19 August 2025, 19 Aug 2025) or "
            "today",
        ),
        (
            {"received": "08/19/2025"},
            "received",
            "received: '08/19/2025' has no month 19 (dates are read day first, never month "
            "first); accepted: YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, D Month YYYY (19 August 2025, "
            "19 Aug 2025) or today",
        ),
        (
            {"received": "2025-08-19", "regime": "gdpr"},
            "regime",
            "regime: 'gdpr' is not a regime foiclock knows; accepted: foia, eir, foisa, eisr, sar",
        ),
        (
            {
                "received": "2025-08-19",
                "clarification_requested": "2025-08-29",
                "clarification_received": "2025-08-22",
            },
            "clarification_received",
            "clarification_received: '2025-08-22' is before clarification_requested "
            "(2025-08-29) (FOIA-CLAR); accepted: a date on or after clarification_requested",
        ),
        (
            {"received": "2025-08-19", "responded": "2025-08-01"},
            "responded",
            "responded: '2025-08-01' is before the date of receipt (2025-08-19); accepted: a date "
            "on or after the date of receipt",
        ),
        ({}, "received", "received is missing; accepted: a date of receipt"),
    ],
    ids=["impossible", "month-first", "regime", "out-of-order", "before-receipt", "missing"],
)
def test_bad_input_is_the_librarys_one_line_and_400(
    params: dict[str, str], field: str, message: str
) -> None:
    for path in ("due", "timeline", "status"):
        status, body = api(path, **params)
        assert (status, body) == (400, {"error": message, "field": field})


def test_the_same_error_as_the_command_line() -> None:
    from typer.testing import CliRunner

    from foiclock.cli import app

    result = CliRunner().invoke(app, ["due", "08/19/2025"])
    _, body = api("due", received="08/19/2025")
    assert (result.exit_code, result.stderr) == (2, f"foiclock: error: {body['error']}\n")


def test_an_oversized_query_is_refused() -> None:
    response = client.get("/api/v1/due?received=2025-08-19&case_id=" + "x" * MAX_QUERY_BYTES)
    assert response.status_code == 400
    assert response.json()["field"] == "query"
    assert f"a query of at most {MAX_QUERY_BYTES} bytes" in response.json()["error"]


def test_too_many_parameters_are_refused() -> None:
    query = "&".join(f"p{n}=1" for n in range(MAX_PARAMETERS + 1))
    response = client.get(f"/api/v1/due?{query}")
    assert response.status_code == 400
    assert response.json()["error"] == (
        f"query has more than {MAX_PARAMETERS} parameters; accepted: at most {MAX_PARAMETERS} "
        "parameters"
    )


def test_a_value_too_long_is_refused() -> None:
    status, body = api("due", received="2025-08-19", case_id="x" * (MAX_VALUE_CHARS + 1))
    assert (status, body["field"]) == (400, "case_id")
    assert f"is longer than {MAX_VALUE_CHARS} characters" in str(body["error"])


def test_too_many_events_are_refused() -> None:
    closures = [f"2025-08-{day:02d}" for day in range(1, 32)] * 2  # 62 closures
    assert len(closures) > MAX_CLOSURES
    status, body = api("due", received="2025-08-19", body="school", school_closed=closures)
    assert (status, body["field"]) == (400, "school_closed")
    assert f"at most {MAX_CLOSURES} closures" in str(body["error"])


def test_school_closures_repeat_as_the_command_line_repeats_them() -> None:
    # FOIA-SCHOOL: closed Wed 20 Aug to Fri 29 Aug 2025; school days from Mon 1 Sep 2025 (the
    # bank holiday Mon 25 Aug is inside the closure): the 20th school day is Fri 26 Sep 2025
    # (Sep 1-5, 8-12, 15-19, 22-26), before the 60th working day.
    status, body = api(
        "due", received="2025-08-19", body="school", school_closed=["2025-08-20:2025-08-29"]
    )
    assert (status, body["due"]) == (200, "2025-09-26")


def test_a_parameter_given_twice_is_refused() -> None:
    status, body = api("due", received=["2025-08-19", "2025-08-20"])
    assert (status, body["field"]) == (400, "received")
    assert body["error"] == "received is given more than once; accepted: one received parameter"


def test_script_in_a_field_stays_text_in_json() -> None:
    script = "<script>alert(1)</script>"
    status, body = api("due", received="2025-08-19", case_id=script)
    assert (status, body["case_id"]) == (200, script)
    status, body = api("due", received=script)
    assert status == 400 and script in str(body["error"])


# --- the page --------------------------------------------------------------------------------


def page(**params: str) -> tuple[int, str]:
    response = client.get("/", params=params)
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    return response.status_code, response.text


def test_the_empty_form() -> None:
    status, html = page()
    assert status == 200
    assert '<form method="get" action="/" novalidate>' in html
    for part in ("day", "month", "year"):
        assert '<input class="input' in html and f'name="received-{part}"' in html
    assert "There is a problem" not in html and "The answer" not in html
    assert '<label class="label" for="received-day">Day</label>' in html


def test_the_seed_letters_case() -> None:
    status, html = page(**SEED)
    assert status == 200
    windows = html.split('<ul class="windows">', 1)[1].split("</ul>", 1)[0]
    assert "Ask for an internal review by" in windows
    assert "Tuesday 11 November 2025" in windows and "open: 2 working days left" in windows
    # The requester's view comes first, then the deadline (rules.md example 1).
    assert html.index('<ul class="windows">') < html.index("Wednesday 17 September 2025")
    assert "FOIA-IR-REQ" in windows and "s45 Code of Practice (2018) para 5.3" in windows
    assert "<details" in html and "The count:" in html  # the explanation, collapsible
    assert "that is by Tuesday 11 November 2025" in html  # the letter's paragraph
    assert "Answered on time on Tuesday 16 September 2025" in html  # the state on today


def test_the_calendar_link_gives_the_same_dates() -> None:
    _, html = page(**SEED)
    href = html.split('<a class="download" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert href.startswith("/api/v1/timeline?")
    response = client.get(href)
    assert response.status_code == 200 and "DTSTART;VALUE=DATE:20251111" in response.text


def test_the_page_in_welsh_and_in_both() -> None:
    _, welsh = page(**SEED, lang="cy")
    assert '<html lang="cy">' in welsh and "Dydd Mawrth 11 Tachwedd 2025" in welsh
    assert "Tuesday 11 November 2025" not in welsh
    assert '<input type="hidden" name="lang" value="cy">' in welsh
    _, both = page(**SEED, lang="cy+en")
    assert "Dydd Mawrth 11 Tachwedd 2025" in both and "Tuesday 11 November 2025" in both
    assert both.index('lang="cy"', 20) < both.index('<section class="results" lang="en"')


def test_the_language_switch_keeps_the_case() -> None:
    _, html = page(**SEED)
    switch = html.split('<nav class="language-switch"', 1)[1].split("</nav>", 1)[0]
    assert '<span aria-current="true">English</span>' in switch
    assert "received-day=19" in switch and "lang=cy" in switch and "lang=cy%2Ben" in switch


def test_a_welsh_server_still_gives_english_when_asked() -> None:
    """`foiclock serve --lang cy`: the page is Welsh unless the address says otherwise, and the
    switch's English link and the form say so."""
    welsh = TestClient(create_app("cy"))
    html = welsh.get("/").text
    assert '<html lang="cy">' in html and '<input type="hidden" name="lang" value="cy">' in html
    english = html.split('<nav class="language-switch"', 1)[1].split('">English</a>', 1)[0]
    href = english.rsplit('href="', 1)[1].replace("&amp;", "&")
    assert href.endswith("lang=en")
    assert '<html lang="en">' in welsh.get(href).text


def test_errors_are_summarised_and_shown_beside_their_fields() -> None:
    status, html = page(**{**SEED, "received-day": "31", "received-month": "2"})
    assert status == 400
    message = (
        "received: &#39;2025-02-31&#39; is not a real date (February 2025 has no day 31); "
        "accepted: a day, a month and a four-digit year, in figures (for example 19, 8 and 2025)"
    )
    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert f'<a href="#received-day">{message}</a>' in summary
    assert '<p id="received-error" class="error-message">' in html
    assert html.count(message) == 2  # in the summary and beside the field
    assert "<title>Error:" in html
    assert 'value="31"' in html  # what was typed is kept


def test_every_date_error_is_reported_at_once() -> None:
    status, html = page(
        **{**SEED, "received-month": "19", "responded-year": "25", "responded-day": "x"}
    )
    assert status == 400
    assert "received: &#39;2025-19-19&#39; has no month 19" in html
    assert '<a href="#responded-day">responded: &#39;25-09-x&#39; is not a date' in html


def test_a_case_error_points_at_its_field() -> None:
    status, html = page(
        **{
            "received-day": "19",
            "received-month": "8",
            "received-year": "2025",
            "regime": "foisa",
            "extended": "true",
        }
    )
    assert status == 400
    assert '<a href="#extended">extended is not possible' in html
    assert '<p id="extended-error" class="error-message">' in html  # and beside the box


def test_a_form_without_the_date_of_receipt() -> None:
    status, html = page(regime="foia")
    assert status == 400
    assert "received is missing; accepted: a date of receipt" in html


def test_script_in_a_field_is_escaped_on_the_page() -> None:
    script = "<script>alert(1)</script>"
    status, html = page(**{**SEED, "received-day": script})
    assert status == 400
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_oversized_query_on_the_page() -> None:
    response = client.get("/?received-day=" + "1" * MAX_QUERY_BYTES)
    assert response.status_code == 400
    assert f"a query of at most {MAX_QUERY_BYTES} bytes" in response.text


def test_a_bad_language_is_an_error_on_the_page() -> None:
    status, html = page(lang="fr")
    assert status == 400 and "lang: &#39;fr&#39; is not" in html


def test_the_style_sheet_is_served() -> None:
    response = client.get("/static/foiclock.css")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/css")
    assert "public" in response.headers["cache-control"]


# --- safety ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/", "/?received-day=19", "/api/v1/due?received=2025-08-19", "/healthz", "/nothing"],
)
def test_every_answer_has_the_security_headers_and_no_cookie(path: str) -> None:
    response = client.get(path)
    headers = response.headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert (
        "script-src" not in CONTENT_SECURITY_POLICY
        and "'unsafe-inline'" not in headers["content-security-policy"]
    )
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-store"
    assert "set-cookie" not in headers
    assert "server" not in headers


def test_the_page_has_no_script_and_no_inline_style() -> None:
    _, html = page(**SEED)
    assert "<script" not in html and "<style" not in html and " style=" not in html
    addresses = re.findall(r'(?:href|src|action)="([^"]*)"', html)
    assert addresses and all(a.startswith(("/", "#")) for a in addresses)  # nothing off-site
    assert '<link rel="stylesheet" href="/static/foiclock.css">' in html


def test_only_get_and_head() -> None:
    assert client.post("/", data={"received-day": "19"}).status_code == 405
    assert client.post("/api/v1/due").json()["error"] == "Method Not Allowed"
    assert client.head("/api/v1/due?received=2025-08-19").status_code == 200


def test_a_fault_in_foiclock_is_a_bare_500(monkeypatch: pytest.MonkeyPatch) -> None:
    from foiclock.web import answers

    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(answers, "due_document", broken)
    faulty = TestClient(create_app(), raise_server_exceptions=False)
    response = faulty.get("/api/v1/due?received=2025-08-19")
    assert response.status_code == 500
    assert response.json() == {"error": "internal error", "field": None}
    assert "Traceback" not in response.text and "a bug" not in response.text


def test_the_holiday_data_is_the_command_lines_and_read_afresh(own_dirs: Path) -> None:
    """A proclaimed day in the config file moves the deadline and says so, as `due --json`
    does; a config file written while the server runs is read on the next request."""
    before = api("due", received="2025-08-19")[1]
    config = own_dirs / "xdg" / "foiclock" / "config.toml"
    config.parent.mkdir(parents=True)
    # A proclaimed bank holiday on Fri 5 Sep 2025 in Scotland: FOIA's calendar (WD-UK) skips
    # it, so the 20th working day moves from Wed 17 to Thu 18 Sep 2025.
    config.write_text(
        '[[proclaimed]]\ndate = 2025-09-05\nname = "Proclaimed day"\ndivisions = ["scotland"]\n',
        encoding="utf-8",
    )
    after = api("due", received="2025-08-19")[1]
    assert (before["due"], after["due"]) == ("2025-09-17", "2025-09-18")
    moved = after["moved_by"]
    assert moved["dates"] == [  # type: ignore[index]
        {
            "key": "due",
            "label": "Response due",
            "date": "2025-09-18",
            "without_newer_data": "2025-09-17",
        }
    ]
    from typer.testing import CliRunner

    from foiclock.cli import app

    result = CliRunner().invoke(app, ["due", "2025-08-19", "--json"])
    assert json.loads(result.stdout) == after


def test_lang_is_taken_by_every_api_route_and_json_stays_english() -> None:
    assert api("due", received="2025-08-19", lang="cy")[1]["steps"][0]["reason"] == (
        "date of receipt; it never counts"
    )
    assert api("due", received="2025-08-19", lang="fr")[1]["field"] == "lang"


def test_the_page_says_when_an_answer_is_provisional() -> None:
    # Received Fri 1 Dec 2028: the 20 working days run into 2029, past the last year of
    # bank holidays GOV.UK has announced (2028 in the shipped data): provisional.
    _, html = page(**{"received-day": "1", "received-month": "12", "received-year": "2028"})
    assert '<p class="warning">Provisional: it reaches past the announced bank holidays.</p>' in (
        html
    )


def test_the_page_says_what_newer_holiday_data_moved(own_dirs: Path) -> None:
    config = own_dirs / "xdg" / "foiclock" / "config.toml"
    config.parent.mkdir(parents=True)
    # As above: a proclaimed day on Fri 5 Sep 2025 moves the deadline to Thu 18 Sep 2025.
    config.write_text(
        '[[proclaimed]]\ndate = 2025-09-05\nname = "Proclaimed day"\ndivisions = ["scotland"]\n',
        encoding="utf-8",
    )
    _, html = page(**{"received-day": "19", "received-month": "8", "received-year": "2025"})
    moved = html.split('<pre class="text moved">', 1)[1].split("</pre>", 1)[0]
    assert moved.startswith("Newer holiday data moved this date:")
    assert "Proclaimed day (Scotland)" in moved
    assert "Response due: Thursday 18 September 2025; without the newer data:" in moved
