"""Languages: English (the default) and Welsh, from one gettext catalogue.

Every string shown to people is written in English in the code and looked up in
`locale/cy/LC_MESSAGES/foiclock.mo` when the language is Welsh. Three ways to mark one:

- `_("text")` translates now, in the language in use: for the render modules, which run inside
  `in_language` (or the library's `using_language`).
- `M("text {name}", name=value)` makes a `Message`: a `str` whose value is the English text (so
  JSON, CSV and comparisons see English) that remembers its template and values, so that
  `localise` can write it again in another language. For the engine, whose results are rendered
  later and perhaps in two languages (`cy+en`).
- `N_("text")` only marks a string kept in a table (a rule's description, a milestone's label);
  `localise` translates it where it is shown. Only marked text is ever looked up: a file name or
  a value someone typed is shown as it is.

`ngettext` and `MP` are the plural forms. Dates in Welsh use Babel's CLDR names, imported only
when Welsh is asked for; English needs neither Babel nor the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Final

from foiclock.base.records import NamedTuple

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Protocol

    class Translations(Protocol):
        """What the lookups need: a stdlib `gettext.GNUTranslations`, or a test's stand-in."""

        def gettext(self, message: str, /) -> str: ...

        def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


ENGLISH: Final = "en"
WELSH: Final = "cy"
#: Languages with a catalogue, and the values `--lang` accepts: "cy+en" prints Welsh then English.
LANGUAGES: Final = (ENGLISH, WELSH)
LANG_CHOICES: Final = (ENGLISH, WELSH, "cy+en")
DOMAIN: Final = "foiclock"

_language: ContextVar[str] = ContextVar("foiclock_language", default=ENGLISH)


def languages(choice: str) -> tuple[str, ...]:
    """'cy+en' -> ('cy', 'en'): the languages to print, in order. The caller has checked it."""
    return tuple(choice.split("+"))


def current_language() -> str:
    return _language.get()


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """Translate with `language` ('en' or 'cy', already checked) inside the block. The library's
    `using_language` (`foiclock.base.languages`) checks a language someone chose, then comes
    here."""
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


_installed: dict[str, Translations] = {}


def catalogue_path(language: str) -> Path:
    """The compiled catalogue shipped in the package: locale/<language>/LC_MESSAGES/."""
    from pathlib import Path

    return Path(__file__).parent.parent / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


@cache
def _catalogue(language: str) -> Translations:
    import gettext

    with catalogue_path(language).open("rb") as mo_file:
        return gettext.GNUTranslations(mo_file)


def translations(language: str) -> Translations:
    """The catalogue for `language` (a test may install its own with `install_translations`)."""
    installed = _installed.get(language)
    return installed if installed is not None else _catalogue(language)


def install_translations(language: str, catalogue: Translations | None) -> None:
    """Use `catalogue` for `language` (None: the shipped one again). For tests and translators."""
    if catalogue is None:
        _installed.pop(language, None)
    else:
        _installed[language] = catalogue


def _(message: str) -> str:
    """`message` in the language in use."""
    language = _language.get()
    if language == ENGLISH:
        return message
    return translations(language).gettext(message)


def N_(message: str) -> str:
    """Mark `message` for the catalogue without translating it (`localise` translates it where
    it is shown)."""
    return Marked(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    language = _language.get()
    if language == ENGLISH:
        return singular if n == 1 else plural
    return translations(language).ngettext(singular, plural, n)


class Message(str):
    """English text that can be written again in the language in use (see `localise`)."""

    template: str
    plural: str | None
    params: dict[str, object]

    def __new__(
        cls, template: str, plural: str | None = None, params: dict[str, object] | None = None
    ) -> Message:
        params = params or {}
        chosen = template
        if plural is not None and params.get("n") != 1:
            chosen = plural
        text = chosen.format(**{key: _english(value) for key, value in params.items()})
        message = super().__new__(cls, text)
        message.template = template
        message.plural = plural
        message.params = params
        return message

    def __reduce__(self) -> tuple[type[Message], tuple[str, str | None, dict[str, object]]]:
        """Pickle and copy as (template, plural, values), never from the finished text (whose
        braces `format` would read): results cross process pools and Spark workers."""
        return (type(self), (self.template, self.plural, self.params))


class Marked(str):
    """Text marked for the catalogue with `N_` (a rule's description, a milestone's label): the
    only plain text `localise` looks up, so that a value someone typed (a file name, a column)
    is never translated by accident."""

    def __reduce__(self) -> tuple[type[Marked], tuple[str]]:
        return (type(self), (str(self),))


class HolidayName(Marked):
    """A bank holiday's name from the data; the `holidays` package joins two names on one day
    with '; ', and each is looked up."""


def M(template: str, **params: object) -> Message:
    """A message for the catalogue, with its values: `M("due {day}", day=some_date)`. Dates are
    written in the long form ("Wednesday 17 September 2025") in the language shown."""
    return Message(template, None, params)


def MP(singular: str, plural: str, n: int, **params: object) -> Message:
    """A message with a plural form chosen by `n` (also `{n}` in the text)."""
    return Message(singular, plural, {"n": n, **params})


def joined(separator: str, parts: list[str]) -> str:
    """`separator.join(parts)`, keeping each part translatable (a Message, or table text that
    `localise` looks up)."""
    if len(parts) == 1:
        return parts[0]
    if not parts:
        return ""
    names = [f"part{index}" for index in range(len(parts))]
    template = separator.join("{" + name + "}" for name in names)
    return _Joined(template, None, dict(zip(names, parts, strict=True)))


class _Joined(Message):
    """Parts joined by punctuation: only the parts are translated."""


class Weekday:
    """A value written as the day's weekday name ('Saturday', 'Dydd Sadwrn')."""

    __slots__ = ("day",)

    def __init__(self, day: date) -> None:
        self.day = day

    def __reduce__(self) -> tuple[type[Weekday], tuple[date]]:
        return (type(self), (self.day,))


def _weekday_name(day: date) -> str:
    return date_words().weekdays[day.weekday()]


def _english(value: object) -> object:
    """A Message's value as its English text shows it (a date in the long form)."""
    if isinstance(value, (Weekday, date)):
        with in_language(ENGLISH):
            return localise(value)
    return value


def localise(value: object) -> str:
    """`value` in the language in use: a Message is translated with its values localised, text
    marked with `N_` is looked up in the catalogue, a date is written in the long form, and
    anything else (a value someone gave) is shown as it is."""
    language = _language.get()
    if isinstance(value, Weekday):
        return _weekday_name(value.day)
    if isinstance(value, date):
        return long_date(value)
    if language == ENGLISH:
        return str(value)
    if isinstance(value, Message):
        if isinstance(value, _Joined):
            template = value.template
        elif value.plural is not None:
            n = value.params["n"]
            assert isinstance(n, int)
            template = ngettext(value.template, value.plural, n)
        else:
            template = _(value.template)
        return template.format(**{key: localise(item) for key, item in value.params.items()})
    if isinstance(value, HolidayName):
        return holiday_name(value)
    if isinstance(value, Marked):
        return _(value)
    return str(value)  # a value given by someone: shown as it is


def holiday_name(name: str) -> str:
    """A bank holiday's name in the language in use ('Christmas Day' -> 'Dydd Nadolig'); two
    names joined with '; ' are looked up one by one."""
    whole = _(name)
    if whole != name or "; " not in name:
        return whole
    return "; ".join(_(part) for part in name.split("; "))


class DateWords(NamedTuple):
    """A language's names for days (Monday first) and months (January first)."""

    weekdays: tuple[str, ...]
    short_weekdays: tuple[str, ...]
    months: tuple[str, ...]
    short_months: tuple[str, ...]


@cache
def date_names(language: str) -> DateWords:
    """The names from Babel's CLDR data (Welsh: 'Dydd Mercher', 'Mer', 'Medi', 'Medi')."""
    from babel.dates import get_day_names, get_month_names

    days_wide = get_day_names("wide", locale=language)
    days_short = get_day_names("abbreviated", locale=language)
    months_wide = get_month_names("wide", locale=language)
    months_short = get_month_names("abbreviated", locale=language)
    return DateWords(
        tuple(str(days_wide[index]) for index in range(7)),
        tuple(str(days_short[index]) for index in range(7)),
        tuple(str(months_wide[index]) for index in range(1, 13)),
        tuple(str(months_short[index]) for index in range(1, 13)),
    )


#: English day and month names, Monday and January first (the parser reads them too).
MONTH_NAMES: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES: Final = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip

_ENGLISH_WORDS: Final = DateWords(
    WEEKDAY_NAMES,
    tuple(name[:3] for name in WEEKDAY_NAMES),
    MONTH_NAMES,
    tuple(name[:3] for name in MONTH_NAMES),
)


def date_words() -> DateWords:
    """The day and month names of the language in use (Welsh from CLDR, through Babel)."""
    language = _language.get()
    return _ENGLISH_WORDS if language == ENGLISH else date_names(language)


def long_date(day: date) -> str:
    """'Wednesday 17 September 2025' (Welsh: 'Dydd Mercher 17 Medi 2025') for a `date`; the
    library's `format_long` (`foiclock.base.dates`) checks what it is given, then comes here."""
    words = date_words()
    return f"{words.weekdays[day.weekday()]} {day.day} {words.months[day.month - 1]} {day.year}"


def in_languages(
    chosen: tuple[str, ...], render: Callable[[], str], separator: str = "\n\n"
) -> str:
    """`render()` in each language of `chosen`, in order, joined by `separator`: 'cy+en' is the
    Welsh text, then the English, as Welsh bodies set out bilingual text."""
    texts = []
    for language in chosen:
        with in_language(language):
            texts.append(render())
    return separator.join(texts)


#: Welsh ordinal suffixes for numbers written in figures (1af, 2il, 3ydd, 20fed, 21ain).
_WELSH_ORDINAL_SUFFIX: Final = {
    1: "af", 2: "il", 3: "ydd", 4: "ydd", 5: "ed", 6: "ed", 7: "fed", 8: "fed", 9: "fed",
    10: "fed", 11: "eg", 12: "fed", 13: "eg", 14: "eg", 15: "fed", 16: "eg", 17: "eg",
    18: "fed", 19: "eg", 20: "fed", 21: "ain", 30: "ain", 40: "fed", 50: "fed", 60: "fed",
}  # fmt: skip


def ordinal(number: int) -> str:
    """'20th' (Welsh '20fed') in the language in use."""
    if _language.get() == WELSH and number in _WELSH_ORDINAL_SUFFIX:
        return f"{number}{_WELSH_ORDINAL_SUFFIX[number]}"
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
