"""Debian's headless Chromium for the browser tests (tests/test_web_browser.py,
tests/test_stats_html.py): no browser download exists here (`apt-get install chromium
chromium-driver`). The flags keep it from reaching for Google's hosts, which this machine's
closed network refuses, and from a sandbox a root user cannot have."""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
