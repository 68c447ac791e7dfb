"""GOV.UK's `bank-holidays.json`: checking its shape, and the update stored in the user's data
directory (`foiclock update-holidays`), which wins over the shipped snapshot and the `holidays`
package for the years it covers (rules.md section 2).

The stored file is one JSON object, written atomically (a temporary file, then a rename): where
the data came from, when it was fetched, and GOV.UK's document as published. It is checked again
every time the holiday table is rebuilt from it: a damaged file is an error, never ignored, since
ignoring it could drop a newly proclaimed day.
"""

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from foiclock.base.dates import FIRST_YEAR, LAST_YEAR
from foiclock.base.errors import InvalidInput
from foiclock.base.files import DATA_DIR_ENV, stored_update_file
from foiclock.base.i18n import M, Message
from foiclock.base.records import NamedTuple
from foiclock.base.text import unsafe_character
from foiclock.law.divisions import ALL_DIVISIONS

_STORED_FORMAT: Final = 1
_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
GOVUK_SHAPE: Final = M(
    "GOV.UK's bank-holidays.json: a JSON object with england-and-wales, scotland and "
    'northern-ireland, each {{"division": ..., "events": [{{"title": ..., "date": "YYYY-MM-DD"}}, '
    "...]}}"
)


class StoredUpdate(NamedTuple):
    """The GOV.UK data last stored by `update-holidays`."""

    path: Path
    source: str  # the URL or file it was loaded from
    fetched: datetime  # when, UTC
    document: dict[str, Any]  # GOV.UK's document, checked by check_govuk_document

    @property
    def fetched_day(self) -> date:
        return self.fetched.date()


def check_govuk_document(document: object, field: str, value: str) -> dict[str, Any]:
    """`document` if it has the shape of GOV.UK's bank-holidays.json, else InvalidInput naming
    `field` and `value` (where it came from) and the first thing wrong. Every division must be
    there with at least one event; dates must be real YYYY-MM-DD dates in the supported years,
    unique within a division, with no year missing between a division's first and last.

    Every year listed must be whole, since the data wins for every year it lists (a weekday it
    does not list is a working day): each must hold Good Friday and Christmas Day (or its
    weekday substitute), the two days FOIA s10(6) and FOISA s73 name (rules.md section 2). A
    file listing a few days of a year is refused, not allowed to erase that year's holidays."""

    def wrong(problem: Message) -> InvalidInput:
        return InvalidInput(field, value, problem, GOVUK_SHAPE)

    if not isinstance(document, dict):
        raise wrong(M("is a JSON {type}, not an object of divisions", type=type(document).__name__))
    for division in ALL_DIVISIONS:
        part = document.get(division)
        if not isinstance(part, dict) or not isinstance(part.get("events"), list):
            raise wrong(
                M('has no "{division}" division with a list of "events"', division=division)
            )
        events = part["events"]
        if not events:
            raise wrong(M("lists no events for {division}", division=division))
        years: set[int] = set()
        seen: set[str] = set()
        for position, event in enumerate(events, start=1):
            where = {"division": division, "position": position}
            if not isinstance(event, dict):
                raise wrong(M("has {division} event {position} that is not an object", **where))
            title, day_text = event.get("title"), event.get("date")
            if not isinstance(title, str) or not title.strip():
                raise wrong(M('has {division} event {position} with no "title"', **where))
            if (character := unsafe_character(title)) is not None:
                raise wrong(
                    M(
                        "has {division} event {position} whose title holds a character that "
                        "cannot be shown or written ({character})",
                        character=character,
                        **where,
                    )
                )
            if not isinstance(day_text, str):
                raise wrong(M('has {division} event {position} with no "date"', **where))
            try:
                if not _ISO_DAY.fullmatch(day_text):
                    raise ValueError(day_text)
                day = date.fromisoformat(day_text)
            except ValueError:
                raise wrong(
                    M(
                        'has {division} event {position} with date "{date}", not YYYY-MM-DD',
                        date=day_text,
                        **where,
                    )
                ) from None
            if not FIRST_YEAR <= day.year <= LAST_YEAR:
                raise wrong(
                    M(
                        'has {division} event {position} with date "{date}" outside {first}-{last}',
                        date=day_text,
                        first=FIRST_YEAR,
                        last=LAST_YEAR,
                        **where,
                    )
                )
            if day_text in seen:
                raise wrong(
                    M("lists {date} twice for {division}", date=day_text, division=division)
                )
            seen.add(day_text)
            years.add(day.year)
        missing = sorted(set(range(min(years), max(years) + 1)) - years)
        if missing:
            raise wrong(
                M(
                    "lists no {division} holidays in {year}, a year inside its range",
                    division=division,
                    year=missing[0],
                )
            )
        for year in sorted(years):
            for name, day in statutory_days(year):
                if day.isoformat() not in seen:
                    raise wrong(
                        M(
                            "lists {year} for {division} without {name} ({date}): not a whole year",
                            year=year,
                            division=division,
                            name=name,
                            date=day.isoformat(),
                        )
                    )
    return document


def statutory_days(year: int) -> tuple[tuple[str, date], ...]:
    """Good Friday and the weekday on which Christmas Day is a holiday (25 December, or the
    27th when the 25th is a Saturday or a Sunday): listed by GOV.UK for every division."""
    from dateutil.easter import easter

    christmas = date(year, 12, 25)
    if christmas.weekday() >= 5:
        christmas = date(year, 12, 27)
    return (
        (M("Good Friday"), easter(year) - timedelta(days=2)),
        (M("Christmas Day"), christmas),
    )


def govuk_years(document: dict[str, Any], *, every_division: bool = True) -> tuple[int, int]:
    """(first, last) year that every division of a checked GOV.UK document covers; with
    `every_division` False, that any division covers."""
    firsts = [min(int(e["date"][:4]) for e in document[d]["events"]) for d in ALL_DIVISIONS]
    lasts = [max(int(e["date"][:4]) for e in document[d]["events"]) for d in ALL_DIVISIONS]
    if every_division:
        return max(firsts), min(lasts)
    return min(firsts), max(lasts)


def read_stored_update() -> StoredUpdate | None:
    """The stored update, None when there is none; InvalidInput when it is damaged."""
    import json

    from foiclock.base.files import DATA_FILE_LIMIT, read_regular_file

    path = stored_update_file()
    try:
        text = read_regular_file(path, DATA_FILE_LIMIT).decode("utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise _damaged(path, getattr(error, "strerror", None) or str(error)) from None
    try:
        stored = json.loads(text)
    except RecursionError:
        raise _damaged(path, M("nested too deeply")) from None
    except ValueError as error:
        raise _damaged(path, M("not JSON ({error})", error=str(error))) from None
    if not (
        isinstance(stored, dict)
        and stored.get("format") == _STORED_FORMAT
        and isinstance(stored.get("source"), str)
        and isinstance(stored.get("fetched"), str)
    ):
        raise _damaged(path, M("not a file foiclock update-holidays wrote"))
    try:
        fetched = datetime.fromisoformat(stored["fetched"])
        document = check_govuk_document(stored.get("bank_holidays"), "stored update", str(path))
    except InvalidInput as error:
        raise _damaged(path, error.problem) from None
    except ValueError as error:
        raise _damaged(path, str(error)) from None
    return StoredUpdate(path, stored["source"], fetched, document)


def store_update(document: dict[str, Any], source: str, fetched: datetime) -> Path:
    """Write a checked GOV.UK document as the stored update, atomically; returns its path."""
    import json

    from foiclock.base.output import write_atomically

    path = stored_update_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput(
            "data directory",
            str(path.parent),
            M("cannot be created ({reason})", reason=error.strerror),
            M("a writable directory (set {variable} to choose another)", variable=DATA_DIR_ENV),
        ) from None
    stored = {
        "format": _STORED_FORMAT,
        "source": source,
        "fetched": fetched.isoformat(timespec="seconds"),
        "bank_holidays": document,
    }
    data = json.dumps(stored, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    write_atomically(str(path), data, "stored update")
    return path


def _damaged(path: Path, problem: str) -> InvalidInput:
    return InvalidInput(
        "stored update",
        str(path),
        M("is damaged: {problem}", problem=problem),
        M("run 'foiclock update-holidays' again, or delete the file to use the shipped data"),
    )
