"""The page in a real browser (issue 21): Debian's headless Chromium, driven by Selenium through
Debian's chromedriver (no browser is downloaded), against `foiclock serve` running for real on
127.0.0.1. It fills the form for the seed letter's case, received Tuesday 19 August 2025 and
answered Tuesday 16 September 2025, submits it from the keyboard, and finds Tuesday 11 November
2025 as the last day to ask for an internal review (rules.md example 15, FOIA-IR-REQ: the 40th
working day after the response); then the same in Welsh. Skipped, saying why, where Chromium,
chromedriver or Selenium is missing (`apt-get install chromium chromium-driver`).

It also takes the README's screenshot, and writes it to docs/web-page.png only when
FOICLOCK_WRITE_SCREENSHOT=1 (`FOICLOCK_WRITE_SCREENSHOT=1 pytest tests/test_web_browser.py`),
so that a test run never rewrites a file of the repository."""

from __future__ import annotations

import base64
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser import BROWSER_FLAGS
from tests.browser import CHROMIUM as BROWSER
from tests.web_server import Server, running_server

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

CHROMIUM = BROWSER or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "web-page.png"
PAGE_SECONDS = 30

_missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
try:
    import selenium  # noqa: F401
except ImportError:
    _missing.append("the selenium package")
pytestmark = pytest.mark.skipif(
    bool(_missing),
    reason=f"no browser to test with: {', '.join(_missing)} missing "
    "(apt-get install chromium chromium-driver)",
)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with running_server() as running:
        yield running


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        *BROWSER_FLAGS,
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--window-size=1000,1200",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(PAGE_SECONDS)
    try:
        yield driver
    finally:
        driver.quit()


def fill_date(driver: WebDriver, key: str, day: str, month: str, year: str) -> None:
    from selenium.webdriver.common.by import By

    for part, value in (("day", day), ("month", month), ("year", year)):
        field = driver.find_element(By.ID, f"{key}-{part}")
        field.clear()
        field.send_keys(value)


def submit_seed_case(driver: WebDriver, address: str) -> None:
    """The seed letter's case, typed as a person would, sent with Enter from the last field."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(address)
    fill_date(driver, "received", "19", "8", "2025")
    fill_date(driver, "responded", "16", "9", "2025")
    fill_date(driver, "today", "7", "11", "2025")  # rules.md example 15: checked that Friday
    driver.find_element(By.ID, "today-year").send_keys(Keys.ENTER)
    WebDriverWait(driver, PAGE_SECONDS).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".windows")
    )


def review_window(driver: WebDriver) -> str:
    from selenium.webdriver.common.by import By

    return str(driver.find_element(By.CSS_SELECTOR, ".window--review_request_by").text)


def test_the_seed_letters_review_date_in_english(browser: WebDriver, server: Server) -> None:
    submit_seed_case(browser, server.url)
    window = review_window(browser)
    assert "Ask for an internal review by" in window
    assert "Tuesday 11 November 2025" in window
    assert "open: 2 working days left" in window  # Mon 10 and Tue 11 Nov
    assert "received-day=19" in browser.current_url  # a GET form: the answer is a link
    take_screenshot(browser)


def test_the_same_in_welsh(browser: WebDriver, server: Server) -> None:
    submit_seed_case(browser, server.url + "?lang=cy")
    window = review_window(browser)
    assert "Gofyn am adolygiad mewnol erbyn" in window
    assert "Dydd Mawrth 11 Tachwedd 2025" in window
    assert browser.find_element("tag name", "html").get_attribute("lang") == "cy"


def test_errors_take_the_keyboard_to_the_summary(browser: WebDriver, server: Server) -> None:
    """GOV.UK's pattern without a script: the summary has the focus, its link the field's id."""
    from selenium.webdriver.common.by import By

    browser.get(server.url + "?received-day=31&received-month=2&received-year=2025")
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary")
    assert browser.switch_to.active_element == summary
    link = summary.find_element(By.CSS_SELECTOR, "a")
    assert link.get_attribute("href").endswith("#received-day")
    assert "February 2025 has no day 31" in link.text


def test_it_fits_a_phone(browser: WebDriver, server: Server) -> None:
    """At a phone's width (360 CSS pixels) nothing but the timeline's table scrolls sideways."""
    submit_seed_case(browser, server.url)
    browser.set_window_size(360, 800)
    try:
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 360
    finally:
        browser.set_window_size(1000, 1200)


def take_screenshot(driver: WebDriver) -> None:
    """The page from its top to the end of the answer, as a PNG (Chromium's own capture)."""
    bottom = driver.execute_script(
        "const link = document.querySelector('.download');"
        "return Math.ceil(link.getBoundingClientRect().bottom + window.scrollY + 30);"
    )
    clip = {"x": 0, "y": 0, "width": 1000, "height": bottom, "scale": 1}
    shot = driver.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
    )
    data = base64.b64decode(shot["data"])
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    if os.environ.get("FOICLOCK_WRITE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        SCREENSHOT.write_bytes(data)
