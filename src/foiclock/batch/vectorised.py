"""Many response deadlines in one call, for pandas, Polars or Spark jobs: a sequence of receipt
dates in, their due dates out. A numpy array (or anything with `__array__`, such as a pandas or
Polars Series) is answered with numpy array indexing when numpy is installed, in one pass over
the calendar's arrays (`WorkingCalendar.arrays`: `due = working[rank[received] + 19]`); any other
sequence date by date. numpy is never imported unless an array is given.

Rules: `C-RECEIPT` or `C-RECEIPT-ALT`, `C-WD`, `WD-UK`/`WD-SCOT`, `*-RESP` (20 working days);
SAR's calendar month (`SAR-RESP`, `C-MONTH`) is counted date by date.
"""

import sys
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, Final, overload

from foiclock.base.dates import FIRST_YEAR, LAST_YEAR, as_date, check_supported, parse_date
from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M
from foiclock.calendar.calendars import WorkingCalendar
from foiclock.calendar.working_days import date_of_receipt, regime_calendar
from foiclock.clock.case import make_case
from foiclock.clock.deadline import checked_case_deadline
from foiclock.law.regimes import (
    COMMENCEMENTS,
    DATE_OF_RECEIPT,
    NEXT_WORKING_DAY,
    WorkingDayWindow,
    check_in_force,
    get_regime,
)

if TYPE_CHECKING:
    import numpy
    import numpy.typing

    DateArray = numpy.typing.NDArray[numpy.datetime64]

_EPOCH_ORDINAL: Final = date(1970, 1, 1).toordinal()  # datetime64[D] counts days from it
#: Keyed by the calendar itself: one built afresh (new data, `without_newer_data`) gets its own.
_numpy_arrays: dict[WorkingCalendar, tuple[int, Any, Any, Any]] = {}


@overload
def response_deadlines(
    received: "DateArray", regime: str = "foia", *, receipt_rule: str = DATE_OF_RECEIPT
) -> "DateArray": ...


@overload
def response_deadlines(
    received: Iterable[date | str | None],
    regime: str = "foia",
    *,
    receipt_rule: str = DATE_OF_RECEIPT,
) -> list[date | None]: ...


def response_deadlines(
    received: Any, regime: str = "foia", *, receipt_rule: str = DATE_OF_RECEIPT
) -> Any:
    """The statutory response deadline of each receipt date, with no case events (use
    `response_deadline` or `foiclock.batch.rows.answer_row` for those). A numpy `datetime64` array
    (or a Series) gives a `datetime64[D]` array, NaT staying NaT; any other sequence of dates
    or date text (None staying None) gives a list. InvalidInput names the first bad entry."""
    regime_rule = get_regime(regime)
    if receipt_rule not in (DATE_OF_RECEIPT, NEXT_WORKING_DAY) or (
        regime_rule.counts_months and receipt_rule != DATE_OF_RECEIPT
    ):
        make_case(date(2025, 1, 1), regime_rule.key, receipt_rule=receipt_rule)  # raises why
    if received is None or isinstance(received, bytes | bytearray | int | float):
        raise InvalidInput(
            "received",
            repr(received),
            M("is not a sequence of dates"),
            M("a list or array of dates (response_deadline for one date)"),
        )
    if isinstance(received, (str, date)):
        raise InvalidInput(
            "received",
            str(received),
            M("is one date, not a sequence of them"),
            M("a list or array of dates (response_deadline for one date)"),
        )
    if hasattr(received, "__array__") and "numpy" in sys.modules:
        return _numpy_deadlines(received, regime_rule.key, receipt_rule)
    return [
        None if day is None else _one_deadline(day, index, regime_rule.key, receipt_rule)
        for index, day in enumerate(received)
    ]


def _one_deadline(day: date | str, index: int, regime: str, receipt_rule: str) -> date:
    field = f"received[{index}]"
    if isinstance(day, str):
        day = parse_date(day, field)
    elif isinstance(day, date):  # a datetime at midnight too (a pandas Timestamp)
        day = as_date(day, field)
    else:
        raise InvalidInput(field, day, M("is not a date"), M("a date, date text or None"))
    check_supported(day, field)
    response = get_regime(regime).response
    try:
        check_in_force(regime, day)  # T-*-START
        if isinstance(response, WorkingDayWindow):
            calendar = regime_calendar(regime)
            return calendar.add(date_of_receipt(calendar, day, receipt_rule), response.working_days)
        due = checked_case_deadline(make_case(day, regime)).due
        assert due is not None  # no event can hold the clock
        return due
    except InvalidInput as error:
        raise InvalidInput(field, day.isoformat(), error.problem, error.accepted) from None


def _numpy_deadlines(received: Any, regime: str, receipt_rule: str) -> "DateArray":
    import numpy

    given = numpy.asarray(received)
    days = given.reshape(-1)  # any shape (a 0-d scalar too), answered flat, reshaped back
    if days.dtype.kind != "M":
        raise InvalidInput(
            "received",
            str(days.dtype),
            M("is not a numpy datetime64 array"),
            M("datetime64 values (a list for dates or date text)"),
        )
    whole_days = days.astype("datetime64[D]")
    with_time = ~numpy.isnat(days) & (whole_days.astype(days.dtype) != days)
    if with_time.any():  # a time of day, as the scalar functions refuse it (C-RECEIPT)
        bad = int(numpy.argmax(with_time))
        raise InvalidInput(
            f"received[{bad}]",
            str(days[bad]),
            M("is a date and time; the date of receipt is a calendar day (C-RECEIPT)"),
            M("a date, or a datetime at midnight"),
        )
    days = whole_days
    missing = numpy.isnat(days)
    response = get_regime(regime).response
    if not isinstance(response, WorkingDayWindow):  # calendar months: date by date
        answers = [
            None if gone else _one_deadline(day.item(), index, regime, receipt_rule)
            for index, (day, gone) in enumerate(zip(days, missing, strict=True))
        ]
        months: DateArray = numpy.array(answers, dtype="datetime64[D]")
        return months.reshape(given.shape)
    first, rank, working, is_working = _arrays(regime_calendar(regime))
    index = numpy.where(missing, 0, days.astype(numpy.int64) + (_EPOCH_ORDINAL - first))
    # The days a date may be given on: from the regime's commencement (T-*-START) to the last
    # supported year (the calendar's arrays run a year further, for counts).
    first_day = max(date(FIRST_YEAR, 1, 1), COMMENCEMENTS[get_regime(regime).key].day)
    supported = numpy.array([first_day.isoformat(), f"{LAST_YEAR}-12-31"], dtype="datetime64[D]")
    outside = ~missing & ((days < supported[0]) | (days > supported[1]))
    if outside.any():
        bad = int(numpy.argmax(outside))
        _one_deadline(days[bad].item(), bad, regime, receipt_rule)  # raises its error
    position = rank[index] + (response.working_days - 1)
    if receipt_rule == NEXT_WORKING_DAY:
        position += ~is_working[index]  # counted from the first working day after it
    past_end = position >= len(working)
    if past_end.any():
        bad = int(numpy.argmax(past_end & ~missing))
        _one_deadline(days[bad].item(), bad, regime, receipt_rule)  # raises its error
    due: DateArray = (working[position] - _EPOCH_ORDINAL).astype("datetime64[D]")
    due[missing] = numpy.datetime64("NaT")
    return due.reshape(given.shape)


def _arrays(calendar: WorkingCalendar) -> tuple[int, Any, Any, Any]:
    """The calendar's arrays as numpy arrays (built once a calendar), and which days work."""
    found = _numpy_arrays.get(calendar)
    if found is None:
        import numpy

        first, rank, working = calendar.arrays()
        rank_array = numpy.array(rank, dtype=numpy.int64)
        is_working = numpy.diff(rank_array, prepend=0) > 0
        working_array = numpy.array(working, dtype=numpy.int64)
        found = _numpy_arrays[calendar] = (first, rank_array, working_array, is_working)
    return found
