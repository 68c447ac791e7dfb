"""The ASGI app of `foiclock serve` (Starlette): the page at `/`, the API under `/api/v1/`,
`/healthz` and the style sheet, behind the security headers every answer carries.

Each request reads its query within the limits of `foiclock.web.queries`, then asks the library
(`foiclock.web.answers`). Bad input is the library's one line: HTTP 400, as JSON for the API
and on the page as the GOV.UK error summary with each field's message beside it; an error in
foiclock itself is a bare 500, never a traceback. The holiday data is the command line's, read
afresh when the stored update or the config file changes (`refresh_holiday_data`). Nothing a
request holds is kept or logged, and no cookie is set.

The handlers are coroutines that compute in the event loop: a lookup takes a millisecond or
two of pure Python, which threads would not run any faster, and one loop never sees the
holiday tables refreshed half way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from foiclock._version import __version__
from foiclock.base.errors import InvalidInput
from foiclock.base.records import NamedTuple
from foiclock.calendar.working_days import refresh_holiday_data
from foiclock.web import answers
from foiclock.web.form import FieldError, Form, read_form
from foiclock.web.openapi import API, ROUTES, openapi_document
from foiclock.web.page import render_page
from foiclock.web.queries import (
    ICS,
    Parameters,
    check_names,
    parameters,
    read_appeal,
    read_case,
    read_format,
    read_languages,
    read_today,
)

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: No script at all, style from this server only, forms sent only here, never in a frame.
CONTENT_SECURITY_POLICY: Final = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: Final = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
#: Answers hold the dates someone typed: no cache keeps them. The style sheet may be kept.
NO_STORE: Final = "no-store"
STATIC: Final = Path(__file__).parent / "static"
CALENDAR: Final = "text/calendar; charset=utf-8"


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every answer, and `Cache-Control: no-store` to every answer but
    the style sheet's."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                headers["cache-control"] = "public, max-age=3600" if static else NO_STORE
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error(error: InvalidInput, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": str(error), "field": error.field}, status_code=status)


class Asked(NamedTuple):
    """A request to an API route: its parameters, `today`, the format and an .ics file's
    languages."""

    given: Parameters
    today: date | None
    chosen: str
    languages: tuple[str, ...]


def _api(path: str, default_lang: str | None) -> Any:
    """The handler of API route `path`: it reads the query as the route's command reads its
    options and answers with that command's JSON object (or its .ics file)."""
    route = next(each for each in ROUTES if each.path == path)
    answer = _ANSWERS[path]

    async def handle(request: Request) -> Response:
        refresh_holiday_data()
        try:
            given = parameters(request.scope["query_string"])
            check_names(given, route.parameters, path)
            chosen = read_format(given, request.headers.get("accept", ""), route.formats)
            asked = Asked(given, read_today(given), chosen, read_languages(given, default_lang))
            return answer(asked)
        except InvalidInput as error:
            return _error(error)

    return handle


def _due(asked: Asked) -> Response:
    return JSONResponse(answers.due_document(read_case(asked.given, asked.today)))


def _status(asked: Asked) -> Response:
    return JSONResponse(answers.status_document(read_case(asked.given, asked.today), asked.today))


def _timeline(asked: Asked) -> Response:
    timeline = answers.case_timeline_on(read_case(asked.given, asked.today), asked.today)
    if asked.chosen == ICS:
        return _calendar(answers.calendar_file(timeline, asked.languages, windows=False))
    return JSONResponse(answers.timeline_document(timeline))


def _appeal(asked: Asked) -> Response:
    received, regime, arguments = read_appeal(asked.given, asked.today)
    timeline = answers.appeal_timeline(received, regime, arguments)
    if asked.chosen == ICS:
        return _calendar(answers.calendar_file(timeline, asked.languages, windows=True))
    return JSONResponse(answers.appeal_document(timeline))


_ANSWERS: Final[dict[str, Callable[[Asked], Response]]] = {
    f"{API}/due": _due,
    f"{API}/timeline": _timeline,
    f"{API}/status": _status,
    f"{API}/appeal": _appeal,
}


def _calendar(data: bytes) -> Response:
    disposition = 'attachment; filename="foiclock.ics"'
    return Response(data, media_type=CALENDAR, headers={"content-disposition": disposition})


def _page(default_lang: str | None) -> Any:
    """The handler of the page."""

    async def handle(request: Request) -> Response:
        return _page_answer(request, default_lang)

    return handle


def _page_answer(request: Request, default_lang: str | None) -> Response:
    """The form, and the answer to what it was given (HTTP 400 with the errors)."""
    refresh_holiday_data()
    query: list[tuple[str, str]] = []  # what the language links keep
    languages: tuple[str, ...] = ("en",)
    try:
        given = parameters(request.scope["query_string"])
        query = [(name, value) for name, values in given.items() for value in values]
        languages = read_languages(given, default_lang)
        form = read_form(given)
    except InvalidInput as error:
        form = Form({}, (FieldError(None, error),))
    answer = None
    if form.case is not None:
        try:
            answer = answers.case_answer(form.case, form.today)
        except InvalidInput as error:  # a date the rules cannot count (T-IR-2004: no date)
            form = form._replace(errors=(FieldError(None, error),))
    status = 400 if form.errors else 200
    return HTMLResponse(render_page(form, answer, languages, query), status_code=status)


async def openapi(request: Request) -> Response:
    return JSONResponse(openapi_document())


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok", "version": __version__})


async def _http_error(request: Request, error: Exception) -> Response:
    """404, 405 and the like: JSON under the API, a line of text elsewhere."""
    assert isinstance(error, HTTPException)
    if request.url.path.startswith(API + "/"):
        return JSONResponse({"error": error.detail, "field": None}, status_code=error.status_code)
    return PlainTextResponse(error.detail, status_code=error.status_code)


async def _server_error(request: Request, error: Exception) -> Response:
    """A fault in foiclock: a bare 500, never a traceback."""
    if request.url.path.startswith(API + "/"):
        return JSONResponse({"error": "internal error", "field": None}, status_code=500)
    return PlainTextResponse("Internal Server Error", status_code=500)


def create_app(default_lang: str | None = None) -> ASGIApp:
    """The whole app: routes, static files, error handlers and security headers.
    `default_lang` (en, cy or cy+en) is the page's language and an .ics file's when the query
    gives no `lang` (None: FOICLOCK_LANG or the config file's, read on each request)."""
    routes = [
        Route("/", _page(default_lang), methods=["GET", "HEAD"]),
        *[
            Route(each.path, _api(each.path, default_lang), methods=["GET", "HEAD"])
            for each in ROUTES
        ],
        Route(f"{API}/openapi.json", openapi, methods=["GET", "HEAD"]),
        Route("/healthz", healthz, methods=["GET", "HEAD"]),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
    )
    return SecurityHeaders(app)
