"""The page for people: the form, its errors and a case's answer, written with the Jinja2
templates of `templates/` (autoescaped: every value a person typed is shown as text, never as
markup). The words come from the catalogue: the templates mark theirs with `_()` (collected by
tools/catalogue.py), and the answer is written by the same render functions as the command
line's text, in each language of the page (Welsh, then English, for cy+en)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined

from foiclock._version import __version__
from foiclock.base.dates import format_long
from foiclock.base.i18n import _, in_language, in_languages, localise
from foiclock.clock.timeline import Milestone, Timeline, requester_windows
from foiclock.law.divisions import ALL_DIVISIONS, DIVISION_NAME
from foiclock.law.regimes import REGIMES
from foiclock.law.windows import EVENT_LABELS
from foiclock.present.render import due_text, status_note, status_text
from foiclock.present.sources import moved_by_lines
from foiclock.present.timeline import state_text
from foiclock.web.form import AFTER_RESPONSE, EVENTS, PARTS, RECEIVED, TODAY, DateField, Form

if TYPE_CHECKING:
    from foiclock.web.answers import CaseAnswer

#: Writes a text in each language of the page, joined by " / ".
Each = Callable[[Callable[[], str]], str]

#: The languages a page can be in, as `lang` gives them, with their own names.
LANGUAGE_CHOICES = (("en", "English"), ("cy", "Cymraeg"), ("cy+en", "Cymraeg + English"))


@cache
def environment() -> Environment:
    """The templates, autoescaped whatever their names."""
    return Environment(
        loader=PackageLoader("foiclock.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_page(
    form: Form,
    answer: CaseAnswer | None,
    languages: tuple[str, ...],
    query: list[tuple[str, str]],
) -> str:
    """The whole page in `languages`: `query` is the request's own (for the language links and
    the calendar file's address)."""

    def words(message: str) -> str:
        return in_languages(languages, lambda: _(message), " / ")

    def each(render: Callable[[], str]) -> str:
        return in_languages(languages, render, " / ")

    context = {
        "_": words,
        "lang": languages[0],
        "version": __version__,
        "switch": _language_links(languages, query),
        "errors": [(error.anchor, each(error.error.localised)) for error in form.errors],
        "received": _date_field(RECEIVED, form, each),
        "events": [_date_field(field, form, each) for field in EVENTS],
        "after_response": [_date_field(field, form, each) for field in AFTER_RESPONSE],
        "today": _date_field(TODAY, form, each),
        "regimes": _regimes(form, each),
        "nations": _nations(form, each),
        "extended": form.values.get("extended") == "true",
        "extended_error": _field_error(form, "extended", each),
        "page_lang": "+".join(languages),
        "results": [],
        "calendar_href": None,
    }
    if answer is not None:
        context["results"] = [_results(answer, language) for language in languages]
        context["calendar_href"] = _calendar_href(answer.timeline, languages)
    return environment().get_template("page.html").render(context)


def _language_links(
    languages: tuple[str, ...], query: list[tuple[str, str]]
) -> list[tuple[str, str, bool]]:
    """(name, address, whether it is the page's language) for each language: the address names
    it even for English, as the server's own language may be another."""
    kept = [(name, value) for name, value in query if name != "lang"]
    return [
        (name, "/?" + urlencode([*kept, ("lang", code)]), "+".join(languages) == code)
        for code, name in LANGUAGE_CHOICES
    ]


def _date_field(field: DateField, form: Form, each: Each) -> dict[str, Any]:
    """What the template needs of a date's three fields."""
    error = next((e for e in form.errors if e.anchor == f"{field.key}-day"), None)
    return {
        "key": field.key,
        "label": each(partial(localise, field.label)),
        "hint": each(partial(localise, field.hint)) if field.hint else None,
        "parts": [(part, form.values.get(f"{field.key}-{part}", "")) for part in PARTS],
        "error": each(error.error.localised) if error is not None else None,
    }


def _field_error(form: Form, name: str, each: Each) -> str | None:
    error = next((e for e in form.errors if e.anchor == name), None)
    return each(error.error.localised) if error is not None else None


def _regimes(form: Form, each: Each) -> dict[str, Any]:
    from foiclock.calendar.config import setting

    chosen = form.values.get("regime") or setting("regime").value or "foia"
    options = [
        (key, f"{regime.short_name}: " + each(partial(localise, regime.name)), key == chosen)
        for key, regime in REGIMES.items()
    ]
    return {"options": options, "error": _field_error(form, "regime", each)}


def _nations(form: Form, each: Each) -> dict[str, Any]:
    chosen = form.values.get("nation", "")
    options = [("", each(lambda: _("The law's usual calendar")), not chosen)]
    options += [
        (key, each(partial(localise, DIVISION_NAME[key])), key == chosen) for key in ALL_DIVISIONS
    ]
    return {"options": options, "error": _field_error(form, "nation", each)}


def _results(answer: CaseAnswer, language: str) -> dict[str, Any]:
    """The answer written in `language`."""
    with in_language(language):
        deadline, timeline = answer.deadline, answer.timeline
        responded = timeline.get("responded")
        return {
            "lang": language,
            "lang_name": dict(LANGUAGE_CHOICES)[language],
            "due_label": _("Response due"),
            "extended_label": _("Extended deadline"),
            "provisional_note": _("Provisional: it reaches past the announced bank holidays."),
            "due": format_long(deadline.due) if deadline.due is not None else None,
            "extended_due": (
                format_long(deadline.extended_due) if deadline.extended_due is not None else None
            ),
            "windows": (
                [_row(m, timeline) for m in requester_windows(timeline)]
                if responded is not None and responded.date is not None
                else []
            ),
            "status": status_text(answer.status),
            "rows": [_row(m, timeline) for m in timeline.milestones],
            "moved": "\n".join(moved_by_lines(answer.moved)).strip("\n"),
            "provisional": timeline.provisional,
            "explanation": due_text(deadline, explain=True),
            "letters": [letter.text.split("\n\n") for letter in answer.letters],
        }


def _row(milestone: Milestone, timeline: Timeline) -> dict[str, str]:
    """A milestone's date in full, label, state, rule and source, in the language in use."""
    if milestone.state == "waiting" and milestone.waits_for in EVENT_LABELS:
        state = _("waiting for: {event}").format(event=localise(EVENT_LABELS[milestone.waits_for]))
    else:
        state = state_text(milestone)
    return {
        "date": format_long(milestone.date) if milestone.date is not None else "",
        "label": localise(milestone.label),
        "state": state,
        "rule": milestone.cited_rule,
        "source": localise(milestone.source) + status_note(milestone.status),
        "key": milestone.key,
    }


def _calendar_href(timeline: Timeline, languages: tuple[str, ...]) -> str:
    """The address of the case's calendar file: the API's timeline, as ISO dates."""
    deadline = timeline.deadline
    assert deadline is not None and deadline.case is not None
    case = deadline.case
    pairs: list[tuple[str, str]] = []
    for key, value in case._asdict().items():
        if value is None or value is False or key == "school_closed":
            continue
        pairs.append((key, "true" if value is True else str(value)))
    pairs += [("today", timeline.today.isoformat()), ("format", "ics")]
    if languages != ("en",):
        pairs.append(("lang", "+".join(languages)))
    return "/api/v1/timeline?" + urlencode(pairs)
