"""The statistics templates as data: which regimes each covers, the day its open cases are
judged on, its figures in order with their labels, and the definition it follows with its
source. `foiclock.reports.stats` counts them; the README's "Statistics" section quotes them.

Where rules.md is silent on a template's definition, the template follows its public source:
- `cabinet-office`: the Cabinet Office's quarterly FOI statistics (Table 1, requests received
  and their status at the time of monitoring; Table 3, timeliness: "met deadline", "permitted
  extension", "late"; on hold and lapsed requests left out), as the MoJ correspondence tool's
  own return counts them (ministryofjustice/correspondence_tool_staff,
  app/services/stats/r004_cabinet_office_report.rb: cases by date of receipt; "in time" when
  the external deadline is on or after the response date; the extended count separately). One
  difference: the MoJ tool counts an extended case as extended whether or not it met the
  extended deadline; here an extended case answered after its extended deadline is late.
- `ico`: the ICO's "Assessing the level of your compliance with FOIA and EIR timescales"
  (2 February 2023): requests closed in the period within the statutory timescales, including
  the public interest extension and the EIR's 20 further working days, over all requests closed
  in it; open and overdue requests at the end of the period; and the bands of its FOI
  self-assessment toolkit (topic 1, response rates): 95% or more good, 90 to 95% adequate,
  fewer than 90% unsatisfactory, for requests and for internal reviews alike.
- `sic`: the Scottish Information Commissioner's quarterly statistics (itspublicknowledge.info,
  "FOI and EIRs statistics"), FOISA and the EISRs separately; the Commissioner's schedule of
  figures is an Excel file not read here, so the figures are the issue's list (received,
  answered on time, answered late, reviews received and on time): best reading.
- `s45`: the FOIA section 45 Code of Practice (2018) paras 8.5-8.6, the performance figures a
  public authority with over 100 full-time staff should publish (as councils publishing them
  quote the paragraphs); the Code's own list was not read here: best reading.
"""

from typing import Final

from foiclock.base.i18n import N_
from foiclock.base.records import NamedTuple


class Figure(NamedTuple):
    key: str
    label: str  # N_: translated where shown
    counted: bool = True  # a count of cases (listed by --cases), else a number or a word


class Template(NamedTuple):
    key: str
    title: str
    regimes: tuple[str, ...]
    judged_at_end: bool  # open cases judged at the period's end (else on --today)
    by_regime: bool  # its figures also for each regime separately (FOISA, EISR)
    needs_regime_column: bool  # unless --regime says which regime every row is
    figures: tuple[Figure, ...]
    definition: str
    source: str


def _percent(key: str = "percent_in_time", label: str = N_("percentage in time")) -> Figure:
    return Figure(key, label, counted=False)


#: Every template ends with these: the working days taken by the answered cases of its
#: population (median and 90th percentile, nearest rank), the internal reviews received in the
#: period and their timeliness, and the rows it could not place or did not count.
COMMON: Final = (
    Figure("working_days_taken_median", N_("working days taken: median"), counted=False),
    Figure("working_days_taken_p90", N_("working days taken: 90th percentile"), counted=False),
    Figure("reviews_received", N_("internal reviews received")),
    Figure("reviews_within_limit", N_("reviews answered within the limit")),
    Figure("reviews_within_extension", N_("reviews answered within the longest time")),
    Figure("reviews_late", N_("reviews answered late")),
    Figure("reviews_open", N_("reviews still open")),
    Figure("reviews_no_deadline", N_("reviews with no deadline to judge")),
    _percent("reviews_percent_in_time", N_("percentage of reviews in time")),
    Figure("outside_period", N_("rows outside the period")),
    Figure("out_of_scope", N_("rows of other regimes")),
    Figure("unplaced", N_("rows that could not be placed")),
)

TEMPLATES: Final = {
    "cabinet-office": Template(
        key="cabinet-office",
        title=N_("Cabinet Office return: FOIA and EIR requests received in the period"),
        regimes=("foia", "eir"),
        judged_at_end=False,
        by_regime=False,
        needs_regime_column=False,
        figures=(
            Figure("received", N_("received (not on hold or lapsed)")),
            Figure("within_20", N_("answered within 20 working days")),
            Figure("within_extension", N_("answered within a permitted extension")),
            Figure("late", N_("answered late")),
            Figure("in_time", N_("answered in time")),
            _percent(),
            Figure("open_in_time", N_("still open, in time")),
            Figure("open_overdue", N_("still open, overdue")),
            Figure("excluded", N_("on hold or lapsed (left out)")),
            *COMMON,
        ),
        definition=N_(
            "requests received in the period (by date of receipt), leaving out those on hold "
            "or lapsed; each answered one is within 20 working days (the statutory limit), "
            "within a permitted extension (FOIA-PIT, EIR-EXT) or late; in time = the first two; "
            "the percentage is of those answered; the rest are open on --today, in time or "
            "overdue"
        ),
        source=N_(
            "Cabinet Office FOI statistics (tables 1 and 3); MoJ correspondence tool, "
            "r004_cabinet_office_report.rb"
        ),
    ),
    "ico": Template(
        key="ico",
        title=N_("ICO timeliness: FOIA and EIR requests closed in the period"),
        regimes=("foia", "eir"),
        judged_at_end=True,
        by_regime=False,
        needs_regime_column=False,
        figures=(
            Figure("closed", N_("closed in the period")),
            Figure("closed_in_time", N_("closed within the statutory time")),
            _percent(),
            Figure("band", N_("ICO band"), counted=False),
            Figure("open_at_end", N_("open at the end of the period")),
            Figure("overdue_at_end", N_("overdue at the end of the period")),
            Figure("on_hold_at_end", N_("on hold at the end of the period")),
            Figure("lapsed", N_("received in the period and lapsed")),
            Figure("backlog_over_20_working_days", N_("open for over 20 working days")),
            Figure("backlog_over_six_months", N_("open for over six months")),
            Figure("backlog_over_a_year", N_("open for over a year")),
            *COMMON,
        ),
        definition=N_(
            "requests closed in the period within the statutory time (permitted extensions "
            "included) over all closed in it; open and overdue at the period's end (or --today, "
            "if earlier); bands: 95% or more good, 90 to 95% adequate, under 90% "
            "unsatisfactory; the open backlog by age"
        ),
        source=N_(
            "ICO, Assessing the level of your compliance with FOIA and EIR timescales (2023); "
            "ICO FOI self-assessment toolkit, response rates"
        ),
    ),
    "sic": Template(
        key="sic",
        title=N_("Scottish Information Commissioner: FOISA and EISR requests received"),
        regimes=("foisa", "eisr"),
        judged_at_end=False,
        by_regime=True,
        needs_regime_column=True,
        figures=(
            Figure("received", N_("received")),
            Figure("answered_on_time", N_("answered on time")),
            Figure("answered_late", N_("answered late")),
            _percent(),
            Figure("open", N_("still open")),
            Figure("on_hold", N_("on hold")),
            Figure("lapsed", N_("lapsed")),
            *COMMON,
        ),
        definition=N_(
            "FOISA and EISR requests received in the period, separately: answered on time "
            "(EISR-EXT included) or late, still open, on hold or lapsed on --today; reviews "
            "received in the period and on time (FOISA-RR-RESP, EISR-REP-RESP)"
        ),
        source=N_("Scottish Information Commissioner, quarterly FOI and EIRs statistics"),
    ),
    "s45": Template(
        key="s45",
        title=N_("Section 45 Code of Practice: performance in handling requests"),
        regimes=("foia", "eir"),
        judged_at_end=False,
        by_regime=False,
        needs_regime_column=False,
        figures=(
            Figure("received", N_("received")),
            Figure("in_time", N_("answered within the statutory deadline")),
            Figure("with_extension", N_("answered within an extension")),
            Figure("late", N_("answered late")),
            _percent(),
            Figure("not_yet_answered", N_("not yet answered")),
            Figure("on_hold", N_("on hold")),
            Figure("lapsed", N_("lapsed or withdrawn")),
            Figure("outcome_granted", N_("outcome: granted in full")),
            Figure("outcome_part", N_("outcome: granted in part")),
            Figure("outcome_withheld", N_("outcome: withheld")),
            Figure("outcome_not_held", N_("outcome: not held")),
            *COMMON,
        ),
        definition=N_(
            "requests received in the period: answered within the statutory deadline, within "
            "an extension, late, or not yet; outcomes from the outcome column; internal "
            "reviews and their timeliness (FOIA-IR-RESP: 20 working days, 40 at the longest)"
        ),
        source=N_("FOIA s45 Code of Practice (2018) paras 8.5-8.6"),
    ),
}

#: `--by`: split by regime, month, quarter, or the cell of a column (`team COLUMN`).
BY_KINDS: Final = ("regime", "month", "quarter", "team")
