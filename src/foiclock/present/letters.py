"""The "next steps" paragraphs of a response letter and of a review outcome letter, with their
dates filled in, as data: one entry per regime and kind of letter. `{review_by}` and
`{complaint_by}` are filled from the windows of `foiclock.law.windows` (see LETTER_DATES).

The seed letter (rules.md section 9) said "you can ask for an internal review within 40 working
days of the date of this response" and gave no date; these say the same and give it.
"""

import re
from datetime import date
from typing import TYPE_CHECKING, Final

from foiclock.base.i18n import N_
from foiclock.base.records import NamedTuple

if TYPE_CHECKING:
    from foiclock.law.windows import Window

RESPONSE: Final = "response"
REVIEW: Final = "review"

ICO_SITE: Final = "https://ico.org.uk/make-a-complaint/"
SIC_SITE: Final = "https://www.itspublicknowledge.info/"


class LetterDate(NamedTuple):
    """A placeholder and the window that gives its date, counted from the letter's own date."""

    placeholder: str
    window: str


#: Which window fills each placeholder, by regime and kind of letter. FOISA's response letter
#: gives the SIC's safe date (counted from the answer), never later than the statute's.
LETTER_DATES: Final[dict[tuple[str, str], tuple[LetterDate, ...]]] = {
    ("foia", RESPONSE): (LetterDate("review_by", "review_request_by"),),
    ("eir", RESPONSE): (LetterDate("review_by", "review_request_by"),),
    ("foisa", RESPONSE): (LetterDate("review_by", "review_request_by_safe"),),
    ("eisr", RESPONSE): (LetterDate("review_by", "review_request_by"),),
    ("foia", REVIEW): (LetterDate("complaint_by", "commissioner_complaint_by"),),
    ("eir", REVIEW): (LetterDate("complaint_by", "commissioner_complaint_by"),),
    ("foisa", REVIEW): (LetterDate("complaint_by", "commissioner_complaint_by"),),
    ("eisr", REVIEW): (LetterDate("complaint_by", "commissioner_complaint_by"),),
}

_ICO_AFTER_REVIEW = N_(
    "If you are not content with the outcome of the internal review, you can complain to the "
    "Information Commissioner's Office (ICO) at [ico.org.uk]({ico}). The ICO asks for complaints "
    "within six weeks of the review outcome. If you have not had the outcome within 40 working "
    "days of asking for the review, you can complain to the ICO without it."
)
_TRIBUNAL = N_(
    "If you disagree with the Commissioner's decision notice, you can appeal to the First-tier "
    "Tribunal (General Regulatory Chamber) within 28 days of the date the notice was sent."
)
_SIC_AFTER_REQUIREMENT = N_(
    "If you are not satisfied with the outcome of the review, you can apply to the Scottish "
    "Information Commissioner at [itspublicknowledge.info]({sic}) within six months of receiving "
    "it. If we have not replied within 20 working days of receiving your requirement for "
    "review, you can apply to the Commissioner without waiting for our reply."
)
_SIC_AFTER_REPRESENTATIONS = N_(
    "If you are not satisfied with the outcome of the review, you can apply to the Scottish "
    "Information Commissioner at [itspublicknowledge.info]({sic}) within six months of receiving "
    "it. If we have not replied within 20 working days of receiving your representations, you "
    "can apply to the Commissioner without waiting for our reply."
)
_COURT = N_(
    "If you disagree with the Commissioner's decision, you can appeal to the Court of Session "
    "on a point of law within 42 days of the date the decision was intimated to you."
)

#: Paragraphs by regime and kind of letter. Links are written in Markdown and turned into
#: "text (address)" for plain text.
PARAGRAPHS: Final[dict[tuple[str, str], tuple[str, ...]]] = {
    ("foia", RESPONSE): (
        N_(
            "If you are unhappy with this response, you can ask for an internal review. Your "
            "request must reach us within 40 working days of the date of this response, that is "
            "by **{review_by}**. We will aim to reply within 20 working days of receiving it."
        ),
        _ICO_AFTER_REVIEW,
        _TRIBUNAL,
    ),
    ("eir", RESPONSE): (
        N_(
            "If you believe we have not complied with the Environmental Information "
            "Regulations 2004, you can make representations to us (ask for an internal review) "
            "within 40 working days of the date of this response, that is by **{review_by}**. "
            "We will reply within 40 working days of receiving them."
        ),
        _ICO_AFTER_REVIEW,
        _TRIBUNAL,
    ),
    ("foisa", RESPONSE): (
        N_(
            "If you are unhappy with this response, you can require us to review it. Your "
            "requirement for review must reach us within 40 working days of receiving this "
            "response, that is by **{review_by}**. We will reply within 20 working days of "
            "receiving it."
        ),
        _SIC_AFTER_REQUIREMENT,
        _COURT,
    ),
    ("eisr", RESPONSE): (
        N_(
            "If you believe we have not complied with the Environmental Information (Scotland) "
            "Regulations 2004, you can make representations to us (ask for a review) within 40 "
            "working days of the date of this response, that is by **{review_by}**. We will reply "
            "within 20 working days of receiving them."
        ),
        _SIC_AFTER_REPRESENTATIONS,
        _COURT,
    ),
    ("foia", REVIEW): (
        N_(
            "If you are not content with the outcome of this review, you can complain to the "
            "Information Commissioner's Office (ICO) at [ico.org.uk]({ico}). The ICO asks for "
            "complaints within six weeks of the review outcome, that is by **{complaint_by}**."
        ),
        _TRIBUNAL,
    ),
    ("foisa", REVIEW): (
        N_(
            "If you are not satisfied with the outcome of this review, you can apply to the "
            "Scottish Information Commissioner at [itspublicknowledge.info]({sic}) within six "
            "months of receiving it, that is by **{complaint_by}**."
        ),
        _COURT,
    ),
}
_LINK: Final = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
PARAGRAPHS[("eir", REVIEW)] = PARAGRAPHS[("foia", REVIEW)]
PARAGRAPHS[("eisr", REVIEW)] = PARAGRAPHS[("foisa", REVIEW)]


class FilledDate(NamedTuple):
    placeholder: str
    date: date
    window: "Window"
    provisional: bool


class Letter(NamedTuple):
    """The paragraphs with their dates, and where each date came from."""

    regime: str
    kind: str
    letter_date: date
    templates: tuple[str, ...]  # Markdown, with the placeholders of `dates`
    dates: tuple[FilledDate, ...]

    @property
    def provisional(self) -> bool:
        return any(filled.provisional for filled in self.dates)

    @property
    def holidays_checked(self) -> bool:
        """Every year from the letter's date to its last date is in GOV.UK's data
        (`WD-PRE2012`)."""
        from foiclock.calendar.working_days import counting_calendar
        from foiclock.law.regimes import get_regime

        calendar = counting_calendar(self.regime, get_regime(self.regime).default_nation)
        return calendar.is_checked(self.letter_date, self.provisional)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The paragraphs in Markdown, in the language in use, dates filled in."""
        from foiclock.base.dates import format_long
        from foiclock.base.i18n import _

        values = {filled.placeholder: format_long(filled.date) for filled in self.dates}
        return tuple(
            _(template).format(ico=ICO_SITE, sic=SIC_SITE, **values) for template in self.templates
        )

    @property
    def markdown(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def text(self) -> str:
        """Plain text: no emphasis, links as "text (address)"; one line a paragraph, to paste."""
        plain = (_LINK.sub(r"\1 (\2)", p).replace("**", "") for p in self.paragraphs)
        return "\n\n".join(plain)


def next_steps(regime: str, kind: str, letter_date: date) -> Letter:
    """The next-steps paragraphs of a `kind` letter (RESPONSE or REVIEW) dated `letter_date`."""
    from foiclock.base.errors import InvalidInput
    from foiclock.base.i18n import M
    from foiclock.clock.timeline import window_date
    from foiclock.law.regimes import get_regime

    key = get_regime(regime).key
    if (key, kind) not in PARAGRAPHS:
        raise InvalidInput(
            "regime",
            regime,
            M("has no review or appeal windows in rules.md"),
            "foia, eir, foisa, eisr",
        )
    dates = []
    for entry in LETTER_DATES[(key, kind)]:
        day, window, provisional = window_date(key, entry.window, letter_date)
        dates.append(FilledDate(entry.placeholder, day, window, provisional))
    return Letter(key, kind, letter_date, PARAGRAPHS[(key, kind)], tuple(dates))


def letter_date_notes(letter: Letter) -> list[str]:
    """How each date of `letter` was counted, a line each, in the language in use."""
    from foiclock.base.dates import format_long
    from foiclock.base.i18n import _, localise

    return [
        _("{date} is {rule}: {description} ({source})").format(
            date=format_long(filled.date),
            rule=filled.window.rule,
            description=localise(filled.window.description),
            source=localise(filled.window.source),
        )
        for filled in letter.dates
    ]
