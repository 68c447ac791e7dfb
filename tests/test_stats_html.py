"""Issue 19: the HTML report is one self-contained page (nothing fetched when it is viewed),
opened in a real headless browser (Debian's chromium) with its two charts there as SVG; and the
page is in Welsh with --lang cy."""

from __future__ import annotations

import os
import re
import signal
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foiclock.cli import app
from tests.browser import BROWSER_FLAGS, CHROMIUM
from tests.test_stats import HEADER, ROWS, TODAY

pytest.importorskip("matplotlib")
runner = CliRunner()


def report(tmp_path: Path, *args: str) -> Path:
    log = tmp_path / "log.csv"
    log.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    target = tmp_path / "report.html"
    result = runner.invoke(
        app,
        [
            *("stats", str(log), "--template", "ico", "--period", "2025-Q3", "--today", TODAY),
            *("-o", str(target), *args),
        ],
    )
    assert result.exit_code == 0, result.stderr
    return target


def test_the_report_is_one_self_contained_page(tmp_path: Path) -> None:
    page = report(tmp_path).read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<svg") == 2
    # Nothing to fetch: no script, stylesheet, image or font from anywhere (the only URLs are
    # the SVG namespaces, which are names, not fetched).
    assert not re.search(
        r"<script|<link|<img|<iframe|@import|url\((?!#)", page
    )  # url(#id): in the page
    urls = set(re.findall(r"https?://[^\"' )]+", page))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}, urls
    assert "75.0%" in page and "unsatisfactory" in page  # tests/test_stats.py's ICO figures
    assert "@media print" in page


def test_the_report_in_welsh(tmp_path: Path) -> None:
    english = report(tmp_path).read_text(encoding="utf-8")
    welsh = report(tmp_path, "--lang", "cy").read_text(encoding="utf-8")
    assert '<html lang="cy">' in welsh
    assert welsh.count("<svg") == 2
    title = re.search(r"<title>(.*)</title>", welsh)
    assert title is not None and title.group(1) not in english


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium here (apt-get install chromium)")
def test_the_report_opens_in_a_headless_browser_with_its_charts(tmp_path: Path) -> None:
    page = report(tmp_path)
    profile = tmp_path / "profile"
    screenshot = tmp_path / "report.png"
    dom = _browser(
        [f"--user-data-dir={profile}", "--dump-dom", page.as_uri()], tmp_path / "dom.html"
    )
    # The browser's own DOM after loading: both charts are inline SVG with their bars.
    assert dom.count("<svg") == 2, dom[:500]
    assert len(re.findall(r"<figure", dom)) == 2
    assert "ICO" in dom and "75.0%" in dom
    _browser(
        [
            *(f"--user-data-dir={profile}", "--window-size=1100,1800"),
            *(f"--screenshot={screenshot}", page.as_uri()),
        ],
        tmp_path / "shot.log",
    )
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000  # a page with two charts, not a blank one


def _browser(args: list[str], output: Path) -> str:
    """Run chromium with `args` in its own process group, stopped by its id if it hangs;
    its standard output as text."""
    assert CHROMIUM is not None
    with output.open("wb") as sink:
        process = subprocess.Popen(
            [CHROMIUM, *BROWSER_FLAGS, *args],
            stdout=sink,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            pytest.fail("chromium did not finish within 90 s")
    assert process.returncode == 0
    return output.read_text(encoding="utf-8", errors="replace")
