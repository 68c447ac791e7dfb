"""`foiclock update-holidays` against a local HTTP server on 127.0.0.1: a good file is stored and
used from then on; a truncated, wrongly shaped, HTML, failing or slow answer is exit 2 with one
line, and the stored file is left exactly as it was (rules.md section 2)."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from foiclock.base.files import STORED_UPDATE_NAME
from foiclock.cli import app
from foiclock.clock.deadline import response_deadline
from tests.isolation import own_dirs

__all__ = ["own_dirs"]

SNAPSHOT = Path(__file__).parent / "data" / "bank-holidays.json"
runner = CliRunner()


def govuk_document(extra: list[tuple[str, str, str]] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    """The shipped GOV.UK data, with (division, date, title) events added."""
    document = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    for division, day, title in extra:
        document[division]["events"].append(
            {"title": title, "date": day, "notes": "", "bunting": True}
        )
    return document


#: A proclaimed day for every division: Monday 1 September 2025.
PROCLAIMED = [
    (division, "2025-09-01", "Test proclaimed holiday")
    for division in ("england-and-wales", "scotland", "northern-ireland")
]
GOOD = json.dumps(govuk_document(PROCLAIMED)).encode()
WRONG_SHAPE = json.dumps({"england-and-wales": govuk_document()["england-and-wales"]}).encode()
ROUTES: dict[str, tuple[int, str, bytes, float]] = {  # path: (status, content type, body, delay)
    "/good": (200, "application/json", GOOD, 0),
    "/truncated": (200, "application/json", GOOD[: len(GOOD) // 2], 0),
    "/wrong-shape": (200, "application/json", WRONG_SHAPE, 0),
    "/list": (200, "application/json", b"[1, 2, 3]", 0),
    "/html": (200, "text/html; charset=utf-8", b"<!DOCTYPE html><html>Sign in</html>", 0),
    "/html-as-json": (200, "application/json", b"<html><body>Error</body></html>", 0),
    "/empty": (200, "application/json", b"", 0),
    "/missing": (404, "text/plain", b"not here", 0),
    "/error": (500, "text/plain", b"oops", 0),
    "/slow": (200, "application/json", GOOD, 3.0),
}


def trickle(handler: BaseHTTPRequestHandler, data: bytes, pause: float = 0.2) -> None:
    for byte in data:
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(pause)


#: Answers written by hand, byte by byte: what a broken or hostile server sends.
RAW_ROUTES = {
    "/trickle-body": lambda h: (
        h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      b"Content-Length: %d\r\n\r\n" % len(GOOD)),
        trickle(h, GOOD[:40]),
    ),
    "/trickle-headers": lambda h: trickle(h, b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 40),
    "/chunked-broken": lambda h: h.wfile.write(
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"england-and-wal"
    ),
    "/bad-status": lambda h: h.wfile.write(b"garbage\r\n\r\n"),
    "/redirect-loop": lambda h: h.wfile.write(
        b"HTTP/1.1 302 Found\r\nLocation: /redirect-loop\r\nContent-Length: 0\r\n\r\n"
    ),
    "/deep": lambda h: h.wfile.write(
        b"HTTP/1.1 200 OK\r\nContent-Length: 200000\r\n\r\n" + b"[" * 200000
    ),
}  # fmt: skip


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path in RAW_ROUTES:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                RAW_ROUTES[self.path](self)
            self.close_connection = True
            return
        status, content_type, body, delay = ROUTES.get(self.path, (404, "text/plain", b"", 0))
        if delay:
            time.sleep(delay)
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the timeout test)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def update(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["update-holidays", *args])
    return result.exit_code, result.stdout, result.stderr


def stored(own_dirs: Path) -> Path:
    return own_dirs / "data" / STORED_UPDATE_NAME


def foia_due_for_example_1() -> date:
    return response_deadline(date(2025, 8, 19), "foia").due  # type: ignore[return-value]


def test_a_good_download_is_stored_and_wins(server: str, own_dirs: Path) -> None:
    """rules.md example 1 (19 Aug 2025 -> 17 Sep 2025) counted by hand again with a proclaimed
    Monday 1 September 2025: 20, 21, 22 Aug (3); 25 Aug E&W holiday; 26-29 Aug (7); 1 Sep now a
    holiday; 2-5 Sep (11); 8-12 Sep (16); 15, 16, 17, 18 Sep (20): Thursday 18 September."""
    assert foia_due_for_example_1() == date(2025, 9, 17)
    code, out, err = update("--from", f"{server}/good")
    assert (code, err) == (0, "")
    assert "Mon  1 Sep 2025  Test proclaimed holiday (England and Wales, Scotland, Northern" in out
    assert "now a bank holiday" in out
    saved = json.loads(stored(own_dirs).read_text(encoding="utf-8"))
    assert saved["source"] == f"{server}/good"
    assert saved["bank_holidays"] == json.loads(GOOD)
    assert foia_due_for_example_1() == date(2025, 9, 18)
    result = runner.invoke(app, ["due", "2025-08-19"])
    assert result.stdout.splitlines()[0] == "Response due: Thursday 18 September 2025"
    assert "Mon  1 Sep 2025  Test proclaimed holiday" in result.stdout
    words = " ".join(result.stdout.split())  # folded at 80 columns
    assert "Response due: Thursday 18 September 2025; without the newer data: Wednesday 17" in words


@pytest.mark.parametrize(
    ("route", "problem"),
    [
        ("/truncated", "is not complete JSON (truncated?)"),
        ("/wrong-shape", 'has no "scotland" division'),
        ("/list", "is a JSON list, not an object of divisions"),
        ("/html", "returned a web page (text/html; charset=utf-8), not JSON"),
        ("/html-as-json", "is an HTML or XML page, not JSON"),
        ("/empty", "is not complete JSON (truncated?)"),
        ("/missing", "answered HTTP 404"),
        ("/error", "answered HTTP 500"),
    ],
)
def test_a_bad_answer_leaves_the_stored_file_as_it_was(
    server: str, own_dirs: Path, route: str, problem: str
) -> None:
    assert update("--from", f"{server}/good")[0] == 0
    before = stored(own_dirs).read_bytes()
    code, out, err = update("--from", f"{server}{route}")
    assert code == 2
    assert out == ""
    assert err.startswith(f"foiclock: error: from: '{server}{route}' {problem}")
    assert len(err.splitlines()) == 1
    assert stored(own_dirs).read_bytes() == before
    assert sorted(p.name for p in stored(own_dirs).parent.iterdir()) == [STORED_UPDATE_NAME]
    assert foia_due_for_example_1() == date(2025, 9, 18)  # still the stored data's answer


def test_a_bad_answer_with_nothing_stored_stores_nothing(server: str, own_dirs: Path) -> None:
    code, _, err = update("--from", f"{server}/truncated")
    assert code == 2
    assert "is not complete JSON" in err
    assert not stored(own_dirs).parent.exists() or not any(stored(own_dirs).parent.iterdir())
    assert foia_due_for_example_1() == date(2025, 9, 17)


def test_a_slow_server_times_out(server: str, own_dirs: Path) -> None:
    assert update("--from", f"{server}/good")[0] == 0
    before = stored(own_dirs).read_bytes()
    started = time.monotonic()
    code, _, err = update("--from", f"{server}/slow", "--timeout", "0.5")
    assert time.monotonic() - started < 2.5
    assert code == 2
    assert "did not answer in full within 0.5 s; accepted: a larger --timeout" in err
    assert stored(own_dirs).read_bytes() == before


@pytest.mark.parametrize("route", ["/trickle-body", "/trickle-headers"])
def test_the_timeout_bounds_the_whole_download(server: str, own_dirs: Path, route: str) -> None:
    """A server sending a byte every 0.2 s never trips a per-read timeout; the limit is on the
    whole download."""
    started = time.monotonic()
    code, _, err = update("--from", f"{server}{route}", "--timeout", "1")
    assert time.monotonic() - started < 2.5
    assert code == 2
    assert "did not answer in full within 1 s" in err
    assert not stored(own_dirs).exists()


@pytest.mark.parametrize(
    ("route", "problem"),
    [
        ("/chunked-broken", "broke off before the whole file arrived"),
        ("/bad-status", "could not be fetched (BadStatusLine"),
        ("/redirect-loop", "answered HTTP 302"),
        ("/deep", "nests too deeply to be GOV.UK's data"),
    ],
)
def test_broken_servers_are_one_line_errors(
    server: str, own_dirs: Path, route: str, problem: str
) -> None:
    code, out, err = update("--from", f"{server}{route}")
    assert (code, out) == (2, "")
    assert problem in err
    assert len(err.splitlines()) == 1
    assert not stored(own_dirs).exists()


def test_a_malformed_address_is_a_one_line_error(own_dirs: Path) -> None:
    code, _, err = update("--from", "http://[::1")
    assert code == 2
    assert "could not be fetched" in err
    assert len(err.splitlines()) == 1


def test_duplicate_keys_are_refused(tmp_path: Path, own_dirs: Path) -> None:
    """Which of two "scotland" objects wins would be a guess."""
    text = GOOD.decode()
    local = tmp_path / "twice.json"
    local.write_text('{"scotland": {"events": []}, ' + text[1:], encoding="utf-8")
    code, _, err = update("--from", str(local))
    assert code == 2
    assert 'names "scotland" twice in one object' in err


def test_a_damaged_stored_file_can_be_replaced(tmp_path: Path, own_dirs: Path) -> None:
    """The error tells the officer to run update-holidays again: that must work."""
    local = tmp_path / "good.json"
    local.write_bytes(GOOD)
    assert update("--from", str(local))[0] == 0
    stored(own_dirs).write_text("{garbage", encoding="utf-8")
    from tests.isolation import forget_everything

    forget_everything()
    code, out, err = update("--from", str(local))
    assert (code, err) == (0, "")
    assert "Test proclaimed holiday" in out  # compared with the shipped data
    assert foia_due_for_example_1() == date(2025, 9, 18)


def test_a_data_directory_that_is_a_file_breaks_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("", encoding="utf-8")
    monkeypatch.setenv("FOICLOCK_DATA_DIR", str(not_a_directory))
    from tests.isolation import forget_everything

    forget_everything()
    try:
        result = runner.invoke(app, ["due", "2025-08-19"])
        assert result.exit_code == 0
        assert result.stdout.startswith("Response due: Wednesday 17 September 2025")
        code, _, err = update("--from", str(SNAPSHOT))
        assert code == 2
        assert "data directory" in err
    finally:
        forget_everything()


def test_nothing_listens(own_dirs: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _, err = update("--from", f"http://127.0.0.1:{port}/bank-holidays.json")
    assert code == 2
    assert "could not be fetched" in err
    assert not stored(own_dirs).exists()


def test_a_local_file_works_offline(tmp_path: Path, own_dirs: Path) -> None:
    local = tmp_path / "bank-holidays.json"
    local.write_bytes(GOOD)
    code, out, _ = update("--from", str(local))
    assert code == 0
    assert f"from {local}" in out
    assert json.loads(stored(own_dirs).read_text(encoding="utf-8"))["source"] == str(local)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--from", "no-such-file.json"], "from: 'no-such-file.json' cannot be read"),
        (["--from", "ftp://example.org/x.json"], "is not an address foiclock can fetch"),
        (["--from", "x.json", "--timeout", "0"], "timeout: 0.0 is out of range"),
        (["--from", ""], "from: '' is empty or starts or ends with a space"),
        (["--from", "http://example.org/x.json\n"], "starts or ends with a space or a line"),
    ],
)
def test_bad_sources_are_one_line_errors(
    own_dirs: Path, arguments: list[str], message: str
) -> None:
    code, _, err = update(*arguments)
    assert code == 2
    assert message in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["scotland"]["events"].append({"title": "X", "date": "2025-02-30"}),
         'date "2025-02-30", not YYYY-MM-DD'),
        (lambda d: d["scotland"]["events"].append({"date": "2025-02-03"}), 'with no "title"'),
        (lambda d: d["scotland"]["events"].append(dict(d["scotland"]["events"][0])), "twice"),
        (lambda d: d["northern-ireland"].update(events=[
            e for e in d["northern-ireland"]["events"] if not e["date"].startswith("2020")
        ]), "lists no northern-ireland holidays in 2020"),
        (lambda d: d["england-and-wales"].update(events=[]), "lists no events"),
    ],
)  # fmt: skip
def test_wrongly_shaped_files_are_refused(
    tmp_path: Path, own_dirs: Path, change: Any, problem: str
) -> None:
    document = govuk_document()
    change(document)
    local = tmp_path / "bad.json"
    local.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = update("--from", str(local))
    assert code == 2
    assert problem in err
    assert not stored(own_dirs).exists()


def test_a_damaged_stored_file_is_an_error_not_ignored(own_dirs: Path, tmp_path: Path) -> None:
    """Ignoring it could drop a newly proclaimed day, so every answer refuses until it is fixed."""
    local = tmp_path / "good.json"
    local.write_bytes(GOOD)
    assert update("--from", str(local))[0] == 0
    path = stored(own_dirs)
    path.write_bytes(path.read_bytes()[:100])
    from tests.isolation import forget_everything

    forget_everything()
    result = runner.invoke(app, ["due", "2025-08-19"])
    assert result.exit_code == 2
    assert "stored update" in result.stderr
    assert "is damaged" in result.stderr
    assert result.stderr.count("accepted:") == 1  # one message, not one inside another
    assert "run 'foiclock update-holidays' again, or delete the file" in result.stderr


#: 2029 written out by hand from the rules (Easter Sunday is 1 April 2029).
YEAR_2029 = {
    "england-and-wales": ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
    "scotland": ["01-01", "01-02", "03-30", "05-07", "05-28", "08-06", "11-30", "12-25", "12-26"],
    "northern-ireland": [
        "01-01", "03-19", "03-30", "04-02", "05-07", "05-28", "07-12", "08-27", "12-25", "12-26",
    ],
}  # fmt: skip


def events_2029(divisions: tuple[str, ...] = tuple(YEAR_2029)) -> list[tuple[str, str, str]]:
    return [
        (division, f"2029-{day}", f"Holiday {day}")
        for division in divisions
        for day in YEAR_2029[division]
    ]


def test_an_update_reaching_a_later_year_ends_the_provisional_mark(own_dirs: Path) -> None:
    """Received Friday 1 December 2028, counted by hand on WD-UK: 4-8 Dec (5), 11-15 (10),
    18-22 (15), 25 and 26 Dec Christmas and Boxing Day, 27-29 (18), Mon 1 Jan 2029 New Year,
    Tue 2 Jan Scotland's 2 January, Wed 3 Jan (19), Thu 4 Jan 2029 (20). 2029 is past the
    snapshot's last year (2028): provisional, until an update announces the whole of 2029."""
    result = runner.invoke(app, ["due", "2028-12-01", "--json"])
    data = json.loads(result.stdout)
    assert (data["due"], data["provisional"]) == ("2029-01-04", True)
    assert "provisional: the answer reaches past 2028" in result.stderr
    local = own_dirs / "2029.json"
    local.write_text(json.dumps(govuk_document(events_2029())), encoding="utf-8")
    assert update("--from", str(local))[0] == 0
    result = runner.invoke(app, ["due", "2028-12-01", "--json"])
    data = json.loads(result.stdout)
    assert (data["due"], data["provisional"]) == ("2029-01-04", False)
    assert result.stderr == ""


def test_a_partial_year_is_refused_not_allowed_to_erase_holidays(own_dirs: Path) -> None:
    """A file listing only January 2029 would otherwise win for all of 2029 and make Good
    Friday a working day (FOIA s10(6) names it)."""
    january_only = [(d, f"2029-{day}", "x") for d, days in YEAR_2029.items() for day in days[:1]]
    local = own_dirs / "january.json"
    local.write_text(json.dumps(govuk_document(january_only)), encoding="utf-8")
    code, _, err = update("--from", str(local))
    assert code == 2
    assert "lists 2029 for england-and-wales without Good Friday (2029-03-30): not a whole" in err
    assert not stored(own_dirs).exists()
    no_christmas = [e for e in events_2029() if not e[1].endswith("12-25")]
    local.write_text(json.dumps(govuk_document(no_christmas)), encoding="utf-8")
    code, _, err = update("--from", str(local))
    assert "without Christmas Day (2029-12-25)" in err


def test_an_update_after_a_gap_does_not_end_the_provisional_mark(own_dirs: Path) -> None:
    """An update of 2030 alone leaves 2029 unannounced: a deadline in 2029 stays provisional."""
    only_2030 = {
        division: {
            "division": division,
            "events": [{"title": "x", "date": f"2030-{day}"} for day in days],
        }
        for division, days in {
            "england-and-wales": ["01-01", "04-19", "12-25"],
            "scotland": ["01-01", "04-19", "12-25"],
            "northern-ireland": ["01-01", "04-19", "12-25"],
        }.items()
    }
    local = own_dirs / "2030.json"
    local.write_text(json.dumps(only_2030), encoding="utf-8")
    assert update("--from", str(local))[0] == 0
    data = json.loads(runner.invoke(app, ["due", "2028-12-01", "--json"]).stdout)
    assert (data["due"], data["provisional"]) == ("2029-01-04", True)


def test_provisional_is_judged_on_the_divisions_the_calendar_uses(own_dirs: Path) -> None:
    """rules.md WD-HORIZON: an update announcing 2029 for Scotland alone ends the provisional
    mark for FOISA (WD-SCOT counts Scotland's holidays only) but not for FOIA (WD-UK needs all
    three). Received Fri 1 Dec 2028, counted by hand on WD-SCOT: 4-8 Dec (5), 11-15 (10), 18-22
    (15), 25 and 26 Dec skipped, 27-29 (18), Mon 1 and Tue 2 Jan 2029 skipped (New Year, 2
    January), Wed 3 Jan (19), Thu 4 Jan 2029 (20)."""
    local = own_dirs / "scotland-2029.json"
    local.write_text(json.dumps(govuk_document(events_2029(("scotland",)))), encoding="utf-8")
    assert update("--from", str(local))[0] == 0
    foisa = json.loads(runner.invoke(app, ["due", "2028-12-01", "-r", "foisa", "--json"]).stdout)
    assert (foisa["due"], foisa["provisional"], foisa["holidays_checked"]) == (
        "2029-01-04",
        False,
        True,
    )
    result = runner.invoke(app, ["due", "2028-12-01", "--json"])
    foia = json.loads(result.stdout)
    assert (foia["due"], foia["provisional"], foia["holidays_checked"]) == (
        "2029-01-04",
        True,
        False,
    )
    assert "provisional: the answer reaches past 2028" in result.stderr
