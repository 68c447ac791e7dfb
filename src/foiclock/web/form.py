"""The page's form: its fields, and what a person typed into them read as the library reads it.

Each date is three fields (`received-day`, `received-month`, `received-year`), as the GOV.UK
Design System asks; they are put together as ISO 8601 text and read by the library
(`foiclock.base.dates.parse_date`, then `foiclock.clock.case.case_from_mapping`), so that every
error is the library's one line naming the field. A date left blank is not given. Every date's
error is reported at once; the case is checked (events in order, events the regime has) once
the dates can be read. Fields the form does not have are ignored, as a link someone shared may
carry others; the limits of `foiclock.web.queries` hold all the same.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from foiclock.base.dates import parse_date
from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import N_, M
from foiclock.base.records import NamedTuple
from foiclock.calendar.config import setting
from foiclock.clock.case import Case, case_from_mapping
from foiclock.web.queries import Parameters, single


class DateField(NamedTuple):
    """A date of the form: its case key (`today` for the day to judge on), label and hint."""

    key: str
    label: str
    hint: str | None = None


PARTS: Final = ("day", "month", "year")
RECEIVED: Final = DateField("received", N_("Date the request was received"))
#: The events a requester or an officer most often has, in the order they happen.
EVENTS: Final = (
    DateField(
        "clarification_requested",
        N_("Date the body asked for clarification"),
        N_("The count starts again when the clarification arrives."),
    ),
    DateField("clarification_received", N_("Date the clarification arrived")),
    DateField(
        "fees_notice", N_("Date of the fees notice"), N_("The clock pauses until the fee is paid.")
    ),
    DateField("fee_paid", N_("Date the fee was paid")),
)
AFTER_RESPONSE: Final = (
    DateField("responded", N_("Date of the response")),
    DateField(
        "review_requested",
        N_("Date the internal review was asked for"),
        N_("Representations under the EIR; a requirement for review under FOISA."),
    ),
    DateField("review_responded", N_("Date of the review outcome")),
    DateField("decision_notice", N_("Date of the Commissioner's decision notice")),
)
TODAY: Final = DateField(
    "today", N_("Check the case on"), N_("Leave it blank for today. The dates do not change.")
)
DATE_FIELDS: Final = (RECEIVED, *EVENTS, *AFTER_RESPONSE, TODAY)
#: The other fields: the regime and nation (lists) and the extension (a box to tick).
CHOICES: Final = ("regime", "nation", "extended")
#: What a date's three fields accept, in place of the library's text forms.
DATE_PARTS_ACCEPTED: Final = M(
    "a day, a month and a four-digit year, in figures (for example 19, 8 and 2025)"
)


class FieldError(NamedTuple):
    """An error, and the id of the field it is about (None: the whole query)."""

    anchor: str | None
    error: InvalidInput


class Form(NamedTuple):
    """What was typed (by field name, to show again), the errors, and the case when there are
    none and something was given."""

    values: dict[str, str]
    errors: tuple[FieldError, ...] = ()
    case: Case | None = None
    today: date | None = None

    @property
    def given(self) -> bool:
        """Whether anything was filled in: a first visit shows the empty form."""
        return any(value.strip() for value in self.values.values())


def field_names() -> tuple[str, ...]:
    """Every field of the form by name."""
    dates = tuple(f"{field.key}-{part}" for field in DATE_FIELDS for part in PARTS)
    return (*dates, *CHOICES)


def anchor(field: str) -> str | None:
    """The id of the form field an error about case key `field` points to."""
    if any(field == each.key for each in DATE_FIELDS):
        return f"{field}-day"
    return field if field in CHOICES else None


def read_form(given: Parameters) -> Form:
    """The form's values, errors and case from the query's parameters."""
    try:
        values = {name: text for name in field_names() if (text := single(given, name))}
    except InvalidInput as error:
        return Form({}, (FieldError(None, error),))
    errors: list[FieldError] = []
    days: dict[str, date] = {}
    for field in DATE_FIELDS:
        try:
            day = _date(field.key, values)
        except InvalidInput as error:
            errors.append(FieldError(anchor(field.key), error))
            continue
        if day is not None:
            days[field.key] = day
    form = Form(values, tuple(errors), today=days.pop("today", None))
    if errors or not form.given:
        return form
    mapping: dict[str, object] = {**days}
    for name in ("regime", "nation"):
        mapping[name] = values.get(name) or setting(name).value
    mapping["extended"] = values.get("extended", "false")
    try:
        case = case_from_mapping(mapping, today=form.today)
    except InvalidInput as error:
        return form._replace(errors=(FieldError(anchor(error.field), error),))
    return form._replace(case=case)


def _date(key: str, values: dict[str, str]) -> date | None:
    """The date of three fields as the library reads their ISO 8601 text, or None when all
    three are blank; an error keeps the library's problem and says what the fields accept."""
    day, month, year = (values.get(f"{key}-{part}", "").strip() for part in PARTS)
    if not (day or month or year):
        return None
    text = f"{year}-{month.zfill(2) if month.isdigit() else month}-"
    text += day.zfill(2) if day.isdigit() else day
    try:
        return parse_date(text, key)
    except InvalidInput as error:
        raise InvalidInput(key, error.value, error.problem, DATE_PARTS_ACCEPTED) from None
