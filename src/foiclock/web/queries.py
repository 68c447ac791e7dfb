"""A request's query string, read within fixed limits, and the API's parameters read as the
library reads them (`foiclock.clock.case.case_from_mapping`, `foiclock.base.dates.parse_date`):
a bad value gets the library's own one-line `InvalidInput`, naming the parameter.

The parameters of a case route are the case keys (README "Case files") and `today`; `appeal`
takes the requester's events. Defaults are the command line's: the regime and the nation from
FOICLOCK_REGIME, FOICLOCK_NATION or the config file, else FOIA; the language of an .ics file
from `lang`, else FOICLOCK_LANG or the config file's. A blank value is not given.

Nothing here grows with what a client sends: a query of at most MAX_QUERY_BYTES, at most
MAX_PARAMETERS parameters of at most MAX_VALUE_CHARS characters each, and at most
MAX_CLOSURES school closures (the only event a case may give more than once).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final
from urllib.parse import parse_qsl

from foiclock.base.dates import parse_date
from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M, languages
from foiclock.calendar.config import check_setting, setting
from foiclock.clock.case import AFTER_RESPONSE_KEYS, CASE_KEYS, Case, case_from_mapping

MAX_QUERY_BYTES: Final = 4096
MAX_PARAMETERS: Final = 64
MAX_VALUE_CHARS: Final = 200
MAX_CLOSURES: Final = 50

#: The events after the response that `appeal` takes (`foiclock appeal`'s options).
APPEAL_EVENTS: Final = AFTER_RESPONSE_KEYS
CASE_PARAMETERS: Final = (*CASE_KEYS, "today")
APPEAL_PARAMETERS: Final = ("received", "regime", "nation", "extended", *APPEAL_EVENTS, "today")
#: What a route that can answer with a calendar file takes as well.
OUTPUT_PARAMETERS: Final = ("format", "lang")
JSON: Final = "json"
ICS: Final = "ics"
_TRUE_OR_FALSE: Final = {"true": True, "false": False}

#: A parameter name -> its values in the order given (blank ones left out).
Parameters = dict[str, list[str]]


def parameters(query: bytes) -> Parameters:
    """The parameters of a raw query string; InvalidInput past a limit."""
    if len(query) > MAX_QUERY_BYTES:
        raise InvalidInput(
            "query",
            None,
            M("is {size} bytes long", size=len(query)),
            M("a query of at most {limit} bytes", limit=MAX_QUERY_BYTES),
        )
    try:
        pairs = parse_qsl(
            query.decode("utf-8", "replace"),
            keep_blank_values=True,
            max_num_fields=MAX_PARAMETERS,
            errors="replace",
        )
    except ValueError:  # more fields than max_num_fields
        raise InvalidInput(
            "query",
            None,
            M("has more than {limit} parameters", limit=MAX_PARAMETERS),
            M("at most {limit} parameters", limit=MAX_PARAMETERS),
        ) from None
    found: Parameters = {}
    for name, value in pairs:
        if len(value) > MAX_VALUE_CHARS:
            raise InvalidInput(
                name,
                None,
                M("is longer than {limit} characters", limit=MAX_VALUE_CHARS),
                M("at most {limit} characters", limit=MAX_VALUE_CHARS),
            )
        if value.strip():
            found.setdefault(name, []).append(value)
    return found


def check_names(given: Parameters, accepted: tuple[str, ...], path: str) -> None:
    """InvalidInput for the first parameter `path` does not take."""
    for name in given:
        if name not in accepted:
            raise InvalidInput(
                name, None, M("is not a parameter of {path}", path=path), ", ".join(accepted)
            )


def single(given: Parameters, name: str) -> str | None:
    """The one value of parameter `name`, or None; InvalidInput if it is given twice."""
    values = given.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise InvalidInput(
            name, None, M("is given more than once"), M("one {name} parameter", name=name)
        )
    return values[0]


def read_today(given: Parameters) -> date | None:
    """The `today` parameter (None: the server's today)."""
    text = single(given, "today")
    return parse_date(text, "today") if text is not None else None


def read_case(given: Parameters, today: date | None) -> Case:
    """The checked case of a case route's parameters, as `foiclock due` reads its options:
    "today" in a date means `today` when given; the regime and the nation default to the
    settings."""
    values: dict[str, object] = {}
    for key in CASE_KEYS:
        if key == "school_closed":
            closures = given.get(key, [])
            if len(closures) > MAX_CLOSURES:
                raise InvalidInput(
                    key,
                    None,
                    M("is given {n} times", n=len(closures)),
                    M("at most {limit} closures", limit=MAX_CLOSURES),
                )
            if closures:
                values[key] = closures
        elif (value := single(given, key)) is not None:
            values[key] = value
    for name in ("regime", "nation"):
        if name not in values and (default := setting(name).value) is not None:
            values[name] = default
    return case_from_mapping(values, today=today)


def read_appeal(given: Parameters, today: date | None) -> tuple[date | None, str, dict[str, Any]]:
    """The date of receipt (or None), the regime and the other arguments of
    `timeline_from_events` for `appeal`, as `foiclock appeal` reads its options."""

    def day(key: str) -> date | None:
        text = single(given, key)
        return parse_date(text, key, today) if text is not None else None

    received, events = day("received"), {key: day(key) for key in APPEAL_EVENTS}
    if received is None and events["responded"] is None:
        raise InvalidInput(
            "appeal",
            None,
            M("needs the date of the response, or of the request when no response came"),
            M("--responded DATE, --received DATE or both"),
        )
    extended = single(given, "extended")
    if extended is not None and extended.strip().lower() not in _TRUE_OR_FALSE:
        raise InvalidInput("extended", extended, M("is not true or false"), M("true or false"))
    arguments: dict[str, Any] = {
        **events,
        "nation": setting("nation", single(given, "nation")).value,
        "extended": extended is not None and _TRUE_OR_FALSE[extended.strip().lower()],
        "today": today,
    }
    return received, setting("regime", single(given, "regime")).value or "foia", arguments


def read_languages(given: Parameters, default: str | None = None) -> tuple[str, ...]:
    """The languages of `lang` (en, cy or cy+en), else `default`, else the settings'."""
    chosen = single(given, "lang")
    if chosen is None:
        return languages(default or setting("lang").value or "en")
    return languages(check_setting("lang", chosen, "lang"))


def read_format(given: Parameters, accept: str, formats: tuple[str, ...]) -> str:
    """JSON, or ICS when `format=ics` or (without `format`) the Accept header asks for
    text/calendar, on a route whose `formats` have it."""
    chosen = single(given, "format")
    if chosen is None:
        return ICS if ICS in formats and "text/calendar" in accept.lower() else JSON
    cleaned = chosen.strip().lower()
    if cleaned not in formats:
        raise InvalidInput("format", chosen, M("is not a format"), ", ".join(formats))
    return cleaned
