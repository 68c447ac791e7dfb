"""The figures of a statistics template (`foiclock.reports.templates`) for a period, from a case
log: every row placed in exactly one of the template's buckets (or listed as unplaced, outside
the period, or of another regime), so that the counts add up to the rows given, and every count
listing the cases behind it (`case_ids`). The timeliness of each case is the batch's own column
(`foiclock.batch.timeliness`), judged on `--today` or at the period's end; the ages of the ICO's
backlog are the batch's working days counted and calendar months (`C-MONTH`'s corresponding date).
"""

from collections import Counter
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from math import ceil
from typing import Any, Final

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.base.records import NamedTuple
from foiclock.batch.files import BatchOptions
from foiclock.batch.rows import ERROR, RowAnswer
from foiclock.batch.timeliness import (
    ANSWERED,
    IN_TIME,
    LAPSED,
    LATE,
    ON_HOLD,
    OPEN_IN_TIME,
    OPEN_OVERDUE,
    STILL_OPEN,
    WITHIN_EXTENSION,
    WITHIN_LIMIT,
    outcome_value,
)
from foiclock.clock.months import corresponding_date
from foiclock.reports.log import CaseLog, LogRow
from foiclock.reports.periods import Period, months_of, quarters_of
from foiclock.reports.templates import BY_KINDS, TEMPLATES, Template

GOOD: Final = "good"
ADEQUATE: Final = "adequate"
UNSATISFACTORY: Final = "unsatisfactory"

#: The open caseload by age (working days counted since receipt, as the batch counts them), for
#: the HTML report's chart.
AGE_BANDS: Final = ("0-20", "21-40", "41-60", "61+")
_OPEN_BUCKETS: Final = frozenset(
    {"open_in_time", "open_overdue", "open", "not_yet_answered", "open_at_end"}
)


def _age_band(elapsed: int) -> str:
    for band, top in zip(AGE_BANDS, (20, 40, 60), strict=False):
        if elapsed <= top:
            return band
    return AGE_BANDS[-1]


#: Counts whose rows are not listed in `case_ids`: they are not the template's cases (a log of
#: years would list most of its rows there), and every row is in one or the other or a figure.
_UNLISTED: Final = frozenset({"outside_period", "out_of_scope"})
#: Outcomes that close a request: a row with one and no response date cannot be placed.
_CLOSING: Final = frozenset({"granted", "part", "withheld", "not_held"})


def _closed_undated(outcome: str | None) -> str:
    return M(
        "outcome {outcome} with no response date: closed, but on no day known; accepted: the "
        "responded date with it",
        outcome=outcome,
    )


_NOT_YET: Final = M("received after the day it is judged on (--today)")

#: Each template's bucket for a request's timeliness (None: not placed).
_BUCKETS: Final[dict[str, dict[str, str]]] = {
    "cabinet-office": {
        WITHIN_LIMIT: "within_20",
        WITHIN_EXTENSION: "within_extension",
        LATE: "late",
        OPEN_IN_TIME: "open_in_time",
        OPEN_OVERDUE: "open_overdue",
        ON_HOLD: "excluded",
        LAPSED: "excluded",
    },
    "sic": {
        WITHIN_LIMIT: "answered_on_time",
        WITHIN_EXTENSION: "answered_on_time",
        LATE: "answered_late",
        OPEN_IN_TIME: "open",
        OPEN_OVERDUE: "open",
        ON_HOLD: "on_hold",
        LAPSED: "lapsed",
    },
    "s45": {
        WITHIN_LIMIT: "in_time",
        WITHIN_EXTENSION: "with_extension",
        LATE: "late",
        OPEN_IN_TIME: "not_yet_answered",
        OPEN_OVERDUE: "not_yet_answered",
        ON_HOLD: "on_hold",
        LAPSED: "lapsed",
    },
}
_REVIEW_BUCKETS: Final = {
    WITHIN_LIMIT: "reviews_within_limit",
    WITHIN_EXTENSION: "reviews_within_extension",
    LATE: "reviews_late",
    OPEN_IN_TIME: "reviews_open",
    OPEN_OVERDUE: "reviews_open",
}
#: Counts that are sums of others: (figure, its parts, the denominator of its percentage).
_IN_TIME_PARTS: Final = {
    "cabinet-office": ("within_20", "within_extension"),
    "sic": ("answered_on_time",),
    "s45": ("in_time", "with_extension"),
    "ico": ("closed_in_time",),
}
_ANSWERED_PARTS: Final = {
    "cabinet-office": ("within_20", "within_extension", "late"),
    "sic": ("answered_on_time", "answered_late"),
    "s45": ("in_time", "with_extension", "late"),
    "ico": ("closed",),
}


class By(NamedTuple):
    """`--by`: `kind` regime, month, quarter or team, and the column of `team COLUMN`."""

    kind: str
    column: str | None = None


def parse_by(values: list[str]) -> By | None:
    """`--by regime`, `--by month`, `--by quarter`, `--by team COLUMN` (or `--by COLUMN`)."""
    if not values:
        return None
    kind = values[0].strip().lower()
    if kind in ("regime", "month", "quarter") and len(values) == 1:
        return By(kind)
    if kind == "team" and len(values) == 2:
        return By("team", values[1])
    if len(values) == 1 and kind not in BY_KINDS:
        return By("team", values[0])
    raise InvalidInput(
        "--by", " ".join(values), M("is not a split"), M("regime, month, quarter or team COLUMN")
    )


class StatsOptions(NamedTuple):
    template: str
    period: Period
    batch: BatchOptions  # today, the default regime, columns, --map, --sheet
    by: By | None = None
    regime_given: bool = False  # --regime: every row without a regime cell is of it
    input_format: str | None = None
    encoding: str = "utf-8"
    series: bool = False  # the percentage in time month by month (the HTML report's chart)


def template_named(name: str) -> Template:
    template = TEMPLATES.get(name.strip().lower())
    if template is None:
        raise InvalidInput("--template", name, M("is not a template"), ", ".join(TEMPLATES))
    return template


def run_stats(path: str, options: StatsOptions) -> dict[str, Any]:
    """The template's figures for the period from the case log at `path`: one JSON-ready object
    (ISO dates, integer counts, percentages rounded to one decimal), with `groups` for `--by`.
    InvalidInput for a log the template cannot use and for a period with no case."""
    template = template_named(options.template)
    by = options.by
    log = CaseLog(
        path,
        options.batch,
        input_format=options.input_format,
        encoding=options.encoding,
        group_column=by.column if by is not None else None,
    )
    if template.needs_regime_column and "regime" not in log.keys and not options.regime_given:
        raise InvalidInput(
            "--template",
            template.key,
            M(
                "needs a regime column in {source} (FOISA and EISR are counted separately), "
                "or --regime for every row",
                source=options.batch.source_name,
            ),
            M("a regime column, or --regime foisa or eisr"),
        )
    today = options.batch.today
    whole = Tally(template, options.period, today, log)
    splits = _Splits(template, options.period, today, log, by)
    months = _Splits(template, options.period, today, log, By("month") if options.series else None)
    for row in log.rows():
        whole.add(row)
        for _name, tally in splits(row):
            tally.add(row)
        for _name, tally in months(row):
            tally.add(row)
    if not whole.cases:
        raise InvalidInput(
            "--period",
            options.period.name,
            M(
                "holds no case of {source} ({first} to {last})",
                source=options.batch.source_name,
                first=options.period.first.isoformat(),
                last=options.period.last.isoformat(),
            ),
            whole.received_range(),
        )
    result = whole.result()
    groups = _split_results(splits)
    if groups is not None:
        result["groups"] = groups
    if options.series:
        result["series"] = [
            {"month": name, "percent_in_time": tally.result()["percent_in_time"]}
            for name, tally in months.groups.items()
        ]
    return result


class _Splits:
    """The groups of `--by` (and of a template counted by regime), each a Tally: a row goes to
    the group of its regime or its column's cell, or to every month or quarter of the period."""

    def __init__(
        self, template: Template, period: Period, today: date, log: CaseLog, by: By | None
    ) -> None:
        self.template, self.period, self.today, self.log, self.by = template, period, today, log, by
        self.groups: dict[str, Tally] = {}
        self._every: list[tuple[str, Tally]] = []
        if by is not None and by.kind in ("month", "quarter"):
            parts = months_of(period) if by.kind == "month" else quarters_of(period)
            self.groups = {part.name: Tally(template, part, today, log) for part in parts}
            self._every = list(self.groups.items())

    def __call__(self, row: LogRow) -> list[tuple[str, "Tally"]]:
        by = self.by
        if by is None:
            return []
        if self._every:
            return self._every
        if by.kind == "regime":  # the template's own regimes only: the rest are counted above
            name = self.log.regime_of(row) if row.answer.status != ERROR else None
            if name not in self.template.regimes:
                return []
        else:
            name = row.group or ""
        tally = self.groups.get(name)
        if tally is None:
            tally = self.groups[name] = Tally(self.template, self.period, self.today, self.log)
        return [(name, tally)]


def _split_results(splits: _Splits) -> dict[str, Any] | None:
    if not splits.groups:
        return None
    return {name: tally.result() for name, tally in sorted(splits.groups.items())}


class Tally:
    """One template's figures for one period (and one group): `add` each row, then `result`."""

    def __init__(
        self,
        template: Template,
        period: Period,
        today: date,
        log: CaseLog,
        regimes: tuple[str, ...] | None = None,
    ) -> None:
        self.template = template
        self.period = period
        self.today = today
        self.as_of = min(period.last, today) if template.judged_at_end else today
        self.log = log
        self.regimes = regimes or template.regimes
        self.listed: dict[str, list[str]] = {
            f.key: [] for f in template.figures if f.counted and f.key not in _UNLISTED
        }
        self.skipped: Counter[str] = Counter({key: 0 for key in _UNLISTED})
        self.days: Counter[int] = Counter()
        self.ages: Counter[str] = Counter({band: 0 for band in AGE_BANDS})
        self.unplaced: list[dict[str, object]] = []
        self.rows = 0
        self.cases = 0  # rows placed in the period
        self.received: list[date] = []  # the first and last receipt of the rows in scope
        self.by_regime: dict[str, Tally] = {}
        if template.by_regime and regimes is None:
            self.by_regime = {r: Tally(template, period, today, log, (r,)) for r in self.regimes}

    def add(self, row: LogRow) -> None:
        self.rows += 1
        for tally in self.by_regime.values():
            tally.add(row)
        answer = row.answer
        if answer.status == ERROR:
            self._unplace(row, answer.error or "")
            return
        if self.log.regime_of(row) not in self.regimes:
            self.skipped["out_of_scope"] += 1
            return
        received = self.log.date_of(row, "received")
        assert received is not None  # a row without an error has a date of receipt
        self._note_received(received)
        if answer.timeliness in STILL_OPEN and _outcome(row) in _CLOSING:
            self.cases += received in self.period  # a case of the period, though not placed
            self._unplace(row, _closed_undated(_outcome(row)))
            return
        if self.template.judged_at_end:
            answer = self.log.answer_on(row, self.as_of)
        self._review(row, answer)
        bucket = self._bucket(row, answer, received)
        if bucket is None:
            self.skipped["outside_period"] += 1
            return
        if bucket == "":
            self._unplace(row, _NOT_YET)
            return
        self.cases += 1
        self._list(bucket, row)
        if bucket in _OPEN_BUCKETS:
            self.ages[_age_band(answer.working_days_elapsed or 0)] += 1
        if answer.timeliness in ANSWERED and answer.working_days_taken is not None:
            self.days[answer.working_days_taken] += 1

    def _bucket(self, row: LogRow, answer: RowAnswer, received: date) -> str | None:
        """The figure the row counts in; None outside the period; "" not placed."""
        timeliness = answer.timeliness
        if self.template.key == "ico":
            return self._ico_bucket(row, answer, received)
        if received not in self.period:
            return None
        if timeliness is None:
            return ""
        if self.template.key == "s45":
            outcome = _outcome(row)
            if outcome in ("granted", "part", "withheld", "not_held"):
                self._list(f"outcome_{outcome}", row)
        return _BUCKETS[self.template.key][timeliness]

    def _ico_bucket(self, row: LogRow, answer: RowAnswer, received: date) -> str | None:
        timeliness = answer.timeliness
        if timeliness is None:
            return None if received > self.as_of else ""
        if timeliness in ANSWERED:
            responded = self.log.date_of(row, "responded")
            if responded is None or responded < self.period.first:
                return None
            if timeliness in IN_TIME:
                self._list("closed_in_time", row)
            return "closed"
        if timeliness in STILL_OPEN:
            if timeliness == OPEN_OVERDUE:
                self._list("overdue_at_end", row)
            self._backlog(row, answer, received)
            return "open_at_end"
        if timeliness == ON_HOLD:
            return "on_hold_at_end"
        return "lapsed" if received in self.period else None

    def _backlog(self, row: LogRow, answer: RowAnswer, received: date) -> None:
        """The ICO's backlog by age at the end: over 20 working days counted (the batch's
        `working_days_elapsed`), over six months and over a year (the corresponding date six
        or twelve months after receipt has passed)."""
        if (answer.working_days_elapsed or 0) > 20:
            self._list("backlog_over_20_working_days", row)
        if corresponding_date(received, 6) < self.as_of:
            self._list("backlog_over_six_months", row)
        if corresponding_date(received, 12) < self.as_of:
            self._list("backlog_over_a_year", row)

    def _review(self, row: LogRow, answer: RowAnswer) -> None:
        requested = self.log.date_of(row, "review_requested")
        if requested is None or requested not in self.period or requested > self.as_of:
            return
        self._list("reviews_received", row)
        bucket = _REVIEW_BUCKETS.get(answer.review_timeliness or "", "reviews_no_deadline")
        self._list(bucket, row)

    def _list(self, figure: str, row: LogRow) -> None:
        self.listed[figure].append(row.label)

    def _unplace(self, row: LogRow, reason: str) -> None:
        self._list("unplaced", row)
        # a Message: English in JSON, localised in text (foiclock.present.stats)
        self.unplaced.append({"row": row.row, "case_id": row.case_id, "reason": reason})

    def _note_received(self, received: date) -> None:
        if not self.received:
            self.received = [received, received]
        elif received < self.received[0]:
            self.received[0] = received
        elif received > self.received[1]:
            self.received[1] = received

    def received_range(self) -> str:
        if not self.received:
            return M("a case log with rows of {regimes}", regimes=", ".join(self.regimes))
        first, last = self.received
        return M(
            "a period with cases: they were received from {first} to {last}",
            first=first.isoformat(),
            last=last.isoformat(),
        )

    def result(self) -> dict[str, Any]:
        key = self.template.key
        counts = {figure: len(ids) for figure, ids in self.listed.items()}
        counts.update(self.skipped)
        in_time = sum(counts[part] for part in _IN_TIME_PARTS[key])
        answered = sum(counts[part] for part in _ANSWERED_PARTS[key])
        if key == "cabinet-office":
            counts["in_time"] = in_time
            self.listed["in_time"] = self.listed["within_20"] + self.listed["within_extension"]
            # received: every answered or open request (on hold and lapsed left out)
            counts["received"] = answered + counts["open_in_time"] + counts["open_overdue"]
            self.listed["received"] = [
                *self.listed["within_20"],
                *self.listed["within_extension"],
                *self.listed["late"],
                *self.listed["open_in_time"],
                *self.listed["open_overdue"],
            ]
        elif key in ("sic", "s45"):
            parts = [f for f in _BUCKETS[key].values() if f != "received"]
            counts["received"] = sum(counts[f] for f in dict.fromkeys(parts))
            self.listed["received"] = [i for f in dict.fromkeys(parts) for i in self.listed[f]]
        values: dict[str, Any] = {}
        for figure in self.template.figures:
            if figure.counted:
                values[figure.key] = counts[figure.key]
        values["percent_in_time"] = percent(in_time, answered)
        if key == "ico":
            values["band"] = band(in_time, answered)
        review_in_time = counts["reviews_within_limit"] + counts["reviews_within_extension"]
        values["reviews_percent_in_time"] = percent(
            review_in_time, review_in_time + counts["reviews_late"]
        )
        values["working_days_taken_median"] = median(self.days)
        values["working_days_taken_p90"] = nearest_rank(self.days, 90)
        result: dict[str, Any] = {
            "template": key,
            "period": {"from": self.period.first.isoformat(), "to": self.period.last.isoformat()},
            "today": self.today.isoformat(),
        }
        if self.template.judged_at_end:
            result["as_of"] = self.as_of.isoformat()
        result["rows"] = self.rows
        result.update((f.key, values[f.key]) for f in self.template.figures)
        result["open_by_age"] = dict(self.ages)
        result["unplaced_rows"] = self.unplaced
        result["case_ids"] = {
            figure: self.listed[figure] for figure in values if figure in self.listed
        }
        if self.by_regime:
            result["regimes"] = {r: t.result() for r, t in self.by_regime.items()}
        return result


def _outcome(row: LogRow) -> str | None:
    try:
        return outcome_value(row.cells.get("outcome"))
    except InvalidInput:  # the row's answer is an error then
        return None


def percent(part: int, whole: int) -> float | None:
    """`part` of `whole` as a percentage rounded half up to one decimal; None of nothing."""
    if whole == 0:
        return None
    exact = Decimal(part * 100) / Decimal(whole)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def band(part: int, whole: int) -> str | None:
    """The ICO's band for `part` in time of `whole`: 95% or more good, 90 to 95% adequate,
    fewer than 90% unsatisfactory (compared exactly, before any rounding)."""
    if whole == 0:
        return None
    if part * 100 >= 95 * whole:
        return GOOD
    if part * 100 >= 90 * whole:
        return ADEQUATE
    return UNSATISFACTORY


def median(counts: Counter[int]) -> float | int | None:
    """The median of the values counted (the mean of the middle two for an even number)."""
    total = sum(counts.values())
    if total == 0:
        return None
    low = _value_at(counts, (total - 1) // 2)
    high = _value_at(counts, total // 2)
    middle = Decimal(low + high) / 2
    return int(middle) if middle == middle.to_integral_value() else float(middle)


def nearest_rank(counts: Counter[int], percentile: int) -> int | None:
    """The `percentile`th percentile by the nearest-rank method: the value at rank
    ceil(percentile/100 x n) in order (n = 10: the 9th)."""
    total = sum(counts.values())
    if total == 0:
        return None
    return _value_at(counts, ceil(percentile * total / 100) - 1)


def _value_at(counts: Counter[int], index: int) -> int:
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if index < seen:
            return value
    raise IndexError(index)
