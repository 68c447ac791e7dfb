"""The API's OpenAPI 3.1 description (`/api/v1/openapi.json`), built from the same tables the
routes read (`ROUTES`, the case keys and their meanings), so that it cannot name a parameter a
route does not take or miss one it does."""

from __future__ import annotations

from typing import Any, Final

from foiclock._version import __version__
from foiclock.base.records import NamedTuple
from foiclock.clock.case import CASE_KEYS
from foiclock.web.queries import (
    APPEAL_PARAMETERS,
    CASE_PARAMETERS,
    ICS,
    JSON,
    MAX_CLOSURES,
    MAX_PARAMETERS,
    MAX_QUERY_BYTES,
    MAX_VALUE_CHARS,
    OUTPUT_PARAMETERS,
)


class Route(NamedTuple):
    """An API route: what it answers, the parameters it takes and its formats."""

    path: str
    summary: str
    command: str  # the command whose --json it returns
    parameters: tuple[str, ...]
    formats: tuple[str, ...]


API: Final = "/api/v1"
ROUTES: Final = (
    Route(f"{API}/due", "The response deadline", "foiclock due", (*CASE_KEYS, "lang"), (JSON,)),
    Route(
        f"{API}/timeline",
        "Every milestone of a case, with its state on `today`",
        "foiclock timeline",
        (*CASE_PARAMETERS, *OUTPUT_PARAMETERS),
        (JSON, ICS),
    ),
    Route(
        f"{API}/status",
        "Where a case stands on `today`",
        "foiclock status",
        (*CASE_PARAMETERS, "lang"),
        (JSON,),
    ),
    Route(
        f"{API}/appeal",
        "The requester's review and appeal windows",
        "foiclock appeal",
        (*APPEAL_PARAMETERS, *OUTPUT_PARAMETERS),
        (JSON, ICS),
    ),
)
_MORE: Final = {
    "today": "the day to judge states on (default: the server's today)",
    "format": "json (the default) or ics (also chosen by `Accept: text/calendar`)",
    "lang": "en, cy or cy+en: the language of an .ics file (JSON stays English, as the "
    "command line's does)",
}
_DATES: Final = frozenset(
    key for key, meaning in CASE_KEYS.items() if meaning.startswith("date") or key == "received"
) | {"today"}
_ERROR: Final = {
    "type": "object",
    "required": ["error", "field"],
    "properties": {
        "error": {
            "type": "string",
            "description": "one line: the field, the value, why, and "
            "what is accepted (the command line's message)",
        },
        "field": {"type": "string"},
    },
}


def _parameter(name: str) -> dict[str, Any]:
    meaning = str(CASE_KEYS.get(name) or _MORE[name])
    schema: dict[str, Any] = {"type": "string", "maxLength": MAX_VALUE_CHARS}
    if name in _DATES:
        schema["examples"] = ["2025-08-19", "19/08/2025", "19 August 2025", "today"]
    if name == "school_closed":
        return {
            "name": name,
            "in": "query",
            "description": f"{meaning}; repeat it for each closure (at most {MAX_CLOSURES})",
            "schema": {"type": "array", "items": schema, "maxItems": MAX_CLOSURES},
            "explode": True,
        }
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": meaning,
        "schema": schema,
    }


def _operation(route: Route) -> dict[str, Any]:
    content: dict[str, Any] = {"application/json": {"schema": {"type": "object"}}}
    if ICS in route.formats:
        content["text/calendar"] = {"schema": {"type": "string"}}
    return {
        "get": {
            "summary": route.summary,
            "description": f"The JSON object `{route.command} --json` prints: the same keys, "
            "ISO 8601 dates (README, JSON).",
            "parameters": [_parameter(name) for name in route.parameters],
            "responses": {
                "200": {"description": "the answer", "content": content},
                "400": {
                    "description": "bad input, or a query past the limits",
                    "content": {"application/json": {"schema": _ERROR}},
                },
            },
        }
    }


def openapi_document() -> dict[str, Any]:
    """The OpenAPI description of every API route and `/healthz`."""
    paths = {route.path: _operation(route) for route in ROUTES}
    paths[f"{API}/openapi.json"] = {
        "get": {"summary": "This description", "responses": {"200": {"description": "OpenAPI"}}}
    }
    paths["/healthz"] = {
        "get": {
            "summary": "Whether the server answers",
            "responses": {"200": {"description": '{"status": "ok", "version": ...}'}},
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "foiclock",
            "version": __version__,
            "description": "UK information-rights deadlines (FOIA, EIR, FOISA, EISR, SAR), on "
            "the engine of the foiclock command. Dates in ISO 8601; keys and values English. "
            f"Limits: a query of at most {MAX_QUERY_BYTES} bytes, {MAX_PARAMETERS} parameters "
            f"and {MAX_VALUE_CHARS} characters a value.",
        },
        "paths": paths,
    }
