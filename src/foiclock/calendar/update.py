"""`foiclock update-holidays`: fetch GOV.UK's bank-holidays.json (or read a local copy), check it,
store it (`foiclock.calendar.stored_update`) and say which days it changed. The only network access
foiclock makes, and only here.

Nothing is stored unless the whole document arrived, parsed and has GOV.UK's shape: a failed
download, a timeout, an HTML page, a truncated or wrongly shaped file each raise InvalidInput (the
CLI's exit code 2) and leave the stored data exactly as it was.
"""

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final

from foiclock._version import __version__
from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M, Message
from foiclock.base.records import NamedTuple

GOVUK_URL: Final = "https://www.gov.uk/bank-holidays.json"
DEFAULT_TIMEOUT: Final = 10.0
MAX_BYTES: Final = 5_000_000  # GOV.UK's file is about 20 kB
_ACCEPTED_SOURCE: Final = M("an https:// or http:// address, or the path of a local file")


class ChangedDay(NamedTuple):
    """A day the new data made a bank holiday (added) or no longer one (removed)."""

    day: date
    name: str
    divisions: tuple[str, ...]
    change: str  # added or removed


class UpdateReport(NamedTuple):
    path: Path  # where it is stored
    source: str
    fetched: datetime
    first_year: int
    last_year: int
    events: int
    changed: tuple[ChangedDay, ...]  # weekdays whose status changed against the data before


def update_holidays(
    source: str = GOVUK_URL, timeout: float = DEFAULT_TIMEOUT, now: datetime | None = None
) -> UpdateReport:
    """Load GOV.UK's bank-holidays.json from `source` (a URL or a file), check it, store it as
    the update that wins over the shipped data, and report which weekdays changed status."""
    from foiclock.calendar.stored_update import check_govuk_document, govuk_years, store_update
    from foiclock.calendar.table import build_holiday_table, load_holiday_table
    from foiclock.calendar.working_days import forget_calendars
    from foiclock.law.divisions import ALL_DIVISIONS

    if not source or source != source.strip():
        raise InvalidInput(
            "from",
            source,
            M("is empty or starts or ends with a space or a line break"),
            _ACCEPTED_SOURCE,
        )
    if not isinstance(timeout, int | float) or not 0 < timeout <= 600:
        raise InvalidInput(
            "timeout", timeout, M("is out of range"), M("seconds, more than 0, at most 600")
        )
    raw = _read_source(source, timeout)
    document = check_govuk_document(_parse(raw, source), "from", source)
    try:
        before = load_holiday_table().names_by_division
    except InvalidInput:  # a damaged stored update: compare with the shipped data instead
        before = build_holiday_table(include_update=False).names_by_division
    fetched = now or datetime.now(UTC)
    path = store_update(document, _stored_source(source), fetched)
    forget_calendars()
    after = load_holiday_table().names_by_division
    first_year, last_year = govuk_years(document, every_division=False)
    events = sum(len(document[division]["events"]) for division in ALL_DIVISIONS)
    return UpdateReport(
        path, source, fetched, first_year, last_year, events, _changed_days(before, after)
    )


def _stored_source(source: str) -> str:
    if _is_url(source):
        return source
    return str(Path(source).resolve())


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _read_source(source: str, timeout: float) -> bytes:
    if _is_url(source):
        return _download(source, timeout)
    if "://" in source:
        raise InvalidInput(
            "from", source, M("is not an address foiclock can fetch"), _ACCEPTED_SOURCE
        )
    path = Path(source)
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise InvalidInput(
            "from", source, M("cannot be read ({reason})", reason=error.strerror), _ACCEPTED_SOURCE
        ) from None
    return _within_limit(data, source)


def _download(url: str, timeout: float) -> bytes:
    """The body of a 200 answer, fetched within `timeout` seconds in all: the fetch runs in a
    worker thread, so a server that trickles its headers or its body a byte at a time cannot
    hold the command past the limit (a socket timeout alone applies to each read)."""
    import threading

    outcome: list[bytes | InvalidInput] = []
    worker = threading.Thread(
        target=lambda: outcome.append(_fetch(url, timeout)), name="foiclock-download", daemon=True
    )
    worker.start()
    worker.join(timeout)
    if not outcome:
        raise _timed_out(url, timeout)  # the daemon thread ends with its socket's own timeout
    result = outcome[0]
    if isinstance(result, InvalidInput):
        raise result
    return _within_limit(result, url)


def _fetch(url: str, timeout: float) -> "bytes | InvalidInput":
    """The body, or the InvalidInput saying why there is none (never raises)."""
    import http.client
    import urllib.error
    import urllib.request

    try:
        request = urllib.request.Request(
            url, headers={"User-Agent": f"foiclock/{__version__}", "Accept": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type", "")
            if "html" in content_type.lower():
                return _fetch_failed(
                    url,
                    M(
                        "returned a web page ({content_type}), not JSON",
                        content_type=_one_line(content_type),
                    ),
                )
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_BYTES and (chunk := response.read1(65536)):
                chunks.append(chunk)
                size += len(chunk)
            return b"".join(chunks)
    except urllib.error.HTTPError as error:
        reason = _one_line(str(error.reason))
        if not reason:
            return _fetch_failed(url, M("answered HTTP {code}", code=error.code))
        return _fetch_failed(
            url, M("answered HTTP {code} {reason}", code=error.code, reason=reason)
        )
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            return _timed_out(url, timeout)
        return _fetch_failed(
            url, M("could not be fetched ({reason})", reason=_one_line(str(error.reason)))
        )
    except TimeoutError:
        return _timed_out(url, timeout)
    except http.client.IncompleteRead:
        return _fetch_failed(url, M("broke off before the whole file arrived"))
    except (OSError, ValueError, http.client.HTTPException) as error:
        return _fetch_failed(
            url,
            M(
                "could not be fetched ({kind}: {error})",
                kind=type(error).__name__,
                error=_one_line(str(error)),
            ),
        )


_JSON_ACCEPTED: Final = M(
    "an address that serves GOV.UK's bank-holidays.json (or use a local file)"
)


def _fetch_failed(url: str, problem: Message) -> InvalidInput:
    return InvalidInput("from", url, problem, _JSON_ACCEPTED)


def _one_line(text: str) -> str:
    """A server's or the system's text on one line: the message is one line."""
    return " ".join(text.split())


def _timed_out(url: str, timeout: float) -> InvalidInput:
    return InvalidInput(
        "from",
        url,
        M("did not answer in full within {seconds} s", seconds=f"{timeout:g}"),
        M("a larger --timeout"),
    )


def _within_limit(data: bytes, source: str) -> bytes:
    if len(data) > MAX_BYTES:
        raise InvalidInput(
            "from",
            source,
            M("is larger than {size} MB", size=MAX_BYTES // 1_000_000),
            M("GOV.UK's bank-holidays.json"),
        )
    return data


def _parse(raw: bytes, source: str) -> Any:
    from foiclock.calendar.stored_update import GOVUK_SHAPE

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("from", source, M("is not UTF-8 text"), GOVUK_SHAPE) from None
    if text.lstrip()[:1] == "<":
        raise InvalidInput("from", source, M("is an HTML or XML page, not JSON"), GOVUK_SHAPE)
    try:
        return json.loads(text, object_pairs_hook=_refuse_duplicate_keys)
    except RecursionError:
        raise InvalidInput(
            "from", source, M("nests too deeply to be GOV.UK's data"), GOVUK_SHAPE
        ) from None
    except _DuplicateKey as duplicate:
        raise InvalidInput(
            "from", source, M('names "{key}" twice in one object', key=str(duplicate)), GOVUK_SHAPE
        ) from None
    except ValueError as error:
        truncated = not text.strip() or _ends_early(error, text)
        if truncated:
            problem = M("is not complete JSON (truncated?): {error}", error=str(error))
        else:
            problem = M("is not valid JSON: {error}", error=str(error))
        raise InvalidInput("from", source, problem, GOVUK_SHAPE) from None


class _DuplicateKey(ValueError):
    """A JSON object naming one key twice: which value wins would be a guess."""


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise _DuplicateKey(next(key for key in keys if keys.count(key) > 1))
    return dict(pairs)


def _ends_early(error: ValueError, text: str) -> bool:
    """Whether the JSON broke off rather than went wrong: the parser reached the end of the
    text, or a string was still open there."""
    position = getattr(error, "pos", None)
    if str(getattr(error, "msg", "")).startswith("Unterminated string"):
        return True
    return isinstance(position, int) and position >= len(text.rstrip())


def _changed_days(
    before: dict[str, dict[int, str]], after: dict[str, dict[int, str]]
) -> tuple[ChangedDay, ...]:
    """Weekdays that are a holiday in some division on one side and not on the other."""
    changed: dict[tuple[int, str, str], list[str]] = {}
    for division, names_after in after.items():
        names_before = before.get(division, {})
        for ordinal in names_after.keys() ^ names_before.keys():
            if date.fromordinal(ordinal).weekday() >= 5:
                continue
            if ordinal in names_after:
                key = (ordinal, "added", names_after[ordinal])
            else:
                key = (ordinal, "removed", names_before[ordinal])
            changed.setdefault(key, []).append(division)
    return tuple(
        ChangedDay(date.fromordinal(ordinal), name, tuple(divisions), change)
        for (ordinal, change, name), divisions in sorted(changed.items())
    )
