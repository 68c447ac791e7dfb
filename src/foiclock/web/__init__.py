"""The page and the JSON API of `foiclock serve`: an ASGI app (`app`, Starlette) on the same engine
as the command line. `queries` reads a request's query within fixed limits, `form` reads the
page's form (dates as three fields), `answers` asks the library for each result, `page` writes
the page (Jinja2 templates in `templates/`, the style sheet in `static/`) and `openapi`
describes the API. Nothing here counts a date or stores anything a request holds.

Starlette, uvicorn and Jinja2 are the optional extra `foiclock[web]`: only `app` and `page`
import them, and nothing imports this package but the CLI's `serve` command.

May import: `foiclock.base`, `foiclock.law`, `foiclock.calendar`, `foiclock.clock`,
`foiclock.batch`, `foiclock.reports` and `foiclock.present`.
"""
