"""`foiclock serve` (issue 21): a real uvicorn server on 127.0.0.1 by default, answering the
page and the API over HTTP; one line and exit 2 when it cannot listen or the web extra is not
installed; stopped by Ctrl-C (exit 0) or SIGTERM."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foiclock.cli import app
from tests.web_server import STOP_SECONDS, running_server

runner = CliRunner()


def fetch(url: str) -> tuple[int, dict[str, str], str]:
    with urllib.request.urlopen(url, timeout=30) as response:  # loopback only
        return response.status, dict(response.headers), response.read().decode("utf-8")


def test_the_real_server_answers_the_page_and_the_api() -> None:
    with running_server() as server:
        assert server.url.startswith("http://127.0.0.1:")
        status, headers, body = fetch(server.url + "api/v1/due?received=2025-08-19")
        assert status == 200 and json.loads(body)["due"] == "2025-09-17"  # rules.md example 1
        assert headers["x-content-type-options"] == "nosniff" and "server" not in {
            name.lower() for name in headers
        }
        status, _, page = fetch(server.url + "?received-day=19&received-month=8&received-year=2025")
        assert status == 200 and "Wednesday 17 September 2025" in page
        assert fetch(server.url + "healthz")[0] == 200


def test_ctrl_c_stops_it_with_exit_0_and_no_traceback() -> None:
    with running_server() as server:
        server.process.send_signal(signal.SIGINT)
        assert server.process.wait(timeout=STOP_SECONDS) == 0
        assert server.lines.empty()  # no traceback, no access log


def test_the_page_language_is_the_servers_lang() -> None:
    with running_server("--lang", "cy") as server:
        _, _, page = fetch(server.url + "?received-day=19&received-month=8&received-year=2025")
        assert '<html lang="cy">' in page and "Dydd Mercher 17 Medi 2025" in page


def test_the_config_file_before_serve_is_the_servers(tmp_path: Path) -> None:
    """`foiclock --config FILE serve`: the file's proclaimed day counts in every answer. A
    proclaimed bank holiday on Fri 5 Sep 2025 (Scotland) is skipped by FOIA's calendar (WD-UK),
    so the 20th working day after Tue 19 Aug 2025 moves from Wed 17 to Thu 18 Sep 2025."""
    config = tmp_path / "config.toml"
    config.write_text(
        '[[proclaimed]]\ndate = 2025-09-05\nname = "Proclaimed day"\ndivisions = ["scotland"]\n',
        encoding="utf-8",
    )
    with running_server(before=("--config", str(config))) as server:
        _, _, body = fetch(server.url + "api/v1/due?received=2025-08-19")
    assert json.loads(body)["due"] == "2025-09-18"


def test_a_port_in_use_is_one_line_and_exit_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"foiclock: error: --host/--port: '127.0.0.1:{port}' cannot be listened on (Address "
        "already in use); accepted: an address of this machine and a port no other program uses\n"
    )


def test_a_port_out_of_range_is_refused() -> None:
    result = runner.invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and "70000" in result.stderr


@pytest.mark.parametrize("missing", ["uvicorn", "starlette", "jinja2"])
def test_without_the_web_extra_it_says_how_to_install_it(missing: str) -> None:
    """As if `pip install foiclock` had been run without `[web]`: a package of the extra cannot
    be imported."""
    probe = (
        "import sys\n"
        f"sys.modules[{missing!r}] = None\n"
        "sys.argv = ['foiclock', 'serve', '--port', '0']\n"
        "from foiclock.__main__ import main\n"
        "main()\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 2
    assert completed.stderr == (
        f"foiclock: error: serve needs the web extra ({missing} is not installed): pip install "
        "'foiclock[web]'\n"
    )
    assert completed.stdout == ""


def test_the_host_is_this_machine_unless_told() -> None:
    from typer.main import get_command

    serve = get_command(app).commands["serve"]  # type: ignore[attr-defined]
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"
