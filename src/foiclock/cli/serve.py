"""The `serve` command: the page for people and the JSON API (`foiclock.web`) on a real ASGI
server (uvicorn), on this machine only (127.0.0.1) unless told otherwise, until Ctrl-C.

Starlette, uvicorn and Jinja2 are the optional extra `foiclock[web]`, imported only when the
command runs: without them it says in one line how to install them (exit 2), and nothing else
the command line does needs them."""

# No `from __future__ import annotations`: typer reads the parameter annotations at every run.
import contextlib
from typing import TYPE_CHECKING, Annotated

import typer

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M, _
from foiclock.cli.common import (
    EXIT_BAD_INPUT,
    LangOption,
    _echo_note,
    _run_languages,
    reports_bad_input,
)

if TYPE_CHECKING:
    import socket

    from starlette.types import ASGIApp

#: This module's commands; foiclock.cli takes the ones a run needs.
commands = typer.Typer()

#: Connections served at once; more wait for an answer of 503 (uvicorn's limit_concurrency).
MOST_CONNECTIONS = 100


@commands.command("serve")
@reports_bad_input
def serve(
    host: Annotated[
        str,
        typer.Option(
            help="The address to listen on (default: this machine only; put a reverse proxy "
            "in front to serve others)."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="The port (0: a free one).")] = 8000,
    lang: LangOption = None,
) -> None:
    """Serve the page (a form that gives a case's dates) and the JSON API (/api/v1/due,
    timeline, status, appeal) until Ctrl-C. Nothing a request holds is stored.

    --lang (or FOICLOCK_LANG, or the config's lang) is the page's language when the address
    does not choose one with ?lang=.
    """
    try:
        import uvicorn  # noqa: F401  (the extra: uvicorn here, Starlette and Jinja2 by the app)

        from foiclock.web.app import create_app
    except ImportError as error:  # the extra is not installed
        missing = (error.name or "starlette").split(".")[0]
        _echo_note(
            lambda: _("error: {message}").format(
                message=_(
                    "serve needs the web extra ({missing} is not installed): pip install "
                    "'foiclock[web]'"
                ).format(missing=missing)
            )
        )
        raise typer.Exit(EXIT_BAD_INPUT) from None
    _run(_listen(host, port), create_app("+".join(_run_languages.get())))


def _run(listener: "socket.socket", app: "ASGIApp") -> None:
    """uvicorn serving `app` on `listener` until Ctrl-C or SIGTERM, saying where once it does
    (its own log is off but for its warnings)."""
    import uvicorn

    bound, bound_port = listener.getsockname()[:2]
    url = f"http://{f'[{bound}]' if ':' in bound else bound}:{bound_port}/"

    class Server(uvicorn.Server):
        async def startup(self, sockets: "list[socket.socket] | None" = None) -> None:
            await super().startup(sockets=sockets)
            if self.started:
                _echo_note(
                    lambda: _("serving {url} (the API under {url}api/v1/); Ctrl-C stops it").format(
                        url=url
                    )
                )

    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,  # a request's query holds the dates someone typed
        server_header=False,
        limit_concurrency=MOST_CONNECTIONS,
        timeout_graceful_shutdown=5,
    )
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: uvicorn has stopped, as asked
        Server(config).run(sockets=[listener])


def _listen(host: str, port: int) -> "socket.socket":
    """A socket listening on `host`:`port`, or InvalidInput naming them and why not."""
    import socket

    listener = None
    try:
        family, kind, protocol, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        listener = socket.socket(family, kind, protocol)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen(2048)
    except OSError as error:
        if listener is not None:
            listener.close()
        raise InvalidInput(
            "--host/--port",
            f"{host}:{port}",
            M("cannot be listened on ({reason})", reason=error.strerror or str(error)),
            M("an address of this machine and a port no other program uses"),
        ) from None
    return listener
