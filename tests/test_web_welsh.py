"""Every word of the page comes from the catalogue (issue 21), as tests/test_welsh_coverage.py
checks the command line's output: with a stand-in Welsh catalogue that marks each message it
knows, the Welsh page (its form, its errors and the answers to cases that reach every section)
holds no word that came through no message, once the tags and the things that stay as they
are (the languages' own names, rule ids, numbers, addresses) are taken out."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from foiclock.base.i18n import install_translations
from foiclock.web.app import create_app
from tests.test_welsh_coverage import MarkingCatalogue, leftover_words

client = TestClient(create_app())
#: The language switch names each language in itself, on every page (GOV.UK's pattern).
OWN_NAMES = ("Cymraeg + English", "English", "Cymraeg")


def form(**dates: str) -> dict[str, str]:
    """The form's fields for `dates` given as key=ISO date."""
    fields = {}
    for key, value in dates.items():
        year, month, day = value.split("-")
        fields.update({f"{key}-day": day, f"{key}-month": month, f"{key}-year": year})
    return fields


#: Pages that between them show every part of the page.
PAGES = [
    {},
    {**form(received="2025-08-19", responded="2025-09-16", today="2025-11-07")},
    {
        **form(
            received="2025-08-19",
            responded="2025-09-10",
            review_requested="2025-10-01",
            review_responded="2025-10-20",
            decision_notice="2026-01-05",
            today="2026-01-10",
        ),
        "regime": "foisa",
    },
    {**form(received="2025-08-19", clarification_requested="2025-08-22"), "regime": "eir"},
    {**form(received="2025-08-19", fees_notice="2025-08-22", fee_paid="2025-08-29")},
    {**form(received="2025-01-31"), "regime": "sar", "nation": "scotland", "extended": "true"},
    {**form(received="2028-12-01")},  # provisional
    {**form(received="2025-02-31", responded="2025-19-08")},  # errors
    {**form(received="2025-08-19"), "regime": "foisa", "extended": "true"},  # a case error
]


@pytest.fixture
def marking() -> Iterator[None]:
    install_translations("cy", MarkingCatalogue())
    yield
    install_translations("cy", None)


#: The field an error names at its start, in the summary's link or beside the field: a machine
#: word (the API's parameter), as the command line's errors name their option.
_ERROR_FIELD = re.compile(r'(<a href="#[^"]*">|<li>|</span> )[a-z_]+(?=[ :\u27e6])')


def shown_words(page: str) -> str:
    """The text a reader sees (and hears: labels and hidden text too), without the tags and the
    field names errors start with."""
    text = re.sub(r"<[^>]+>", " ", _ERROR_FIELD.sub(r"\1", page))
    return html.unescape(text)


@pytest.mark.parametrize("fields", PAGES, ids=range(len(PAGES)))
@pytest.mark.usefixtures("marking")
def test_the_welsh_page_has_no_english_word_outside_the_catalogue(fields: dict[str, str]) -> None:
    page = client.get("/", params={**fields, "lang": "cy"}).text
    assert "\u27e6" in page  # the stand-in catalogue was used
    left = leftover_words(shown_words(page), (*OWN_NAMES, *fields.values()))
    assert left == set(), sorted(left)


def test_the_check_sees_english_that_skipped_the_catalogue(marking: None) -> None:
    """A word written straight into the page, not through `_()`, is caught."""
    page = client.get("/", params={"lang": "cy"}).text
    assert leftover_words(shown_words(page + "<p>Unmarked words</p>"), OWN_NAMES) == {
        "Unmarked",
        "words",
    }
