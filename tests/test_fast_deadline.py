"""The fast path of a plain deadline (issue 20, "Fast on real exports"): a case only its date of
receipt moves is counted by `_plain_deadline`, with `nation_due` (`WD-NATION`) and the
`C-RECEIPT-ALT` alternative counted when first read. Every field, property and output must be
what the general count (`_counted_deadline`, the engine as it was) gives, and a Deadline must
still behave as the NamedTuple it was."""

from __future__ import annotations

import copy
import pickle
from collections import namedtuple
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from foiclock import InvalidInput, response_deadline
from foiclock.calendar.calendars import without_newer_data
from foiclock.calendar.table import LAST_CALENDAR_YEAR
from foiclock.calendar.working_days import regime_calendar
from foiclock.clock.case import Case, check_case, make_case
from foiclock.clock.deadline import (
    Deadline,
    _counted_deadline,
    case_deadline,
    checked_case_deadline,
)
from foiclock.law.regimes import RECEIPT_RULES, REGIMES, WorkingDayWindow, get_regime
from foiclock.present.serialise import deadline_json
from tests.isolation import own_dirs

__all__ = ["own_dirs"]

NATIONS = (None, "england-and-wales", "scotland", "northern-ireland")
#: The properties worked out from the fields, each compared too.
PROPERTIES = (
    "extended_due",
    "holidays_checked",
    "rule_version",
    "remarks",
    "safe_date",
    "day_one",
    "steps",
    "nation_differences",
)


def eager(case: Case) -> Deadline:
    """The deadline of a checked case by the general count, every field computed as it goes."""
    regime = get_regime(case.regime)
    if not isinstance(regime.response, WorkingDayWindow):
        return checked_case_deadline(case)  # SAR has no fast path: the same code either way
    return _counted_deadline(case, regime, regime.response)


def counted_generally(case: Case) -> Deadline:
    """`eager` of a case checked the general way (`check_case`)."""
    return eager(check_case(case))


def outcome(call: Callable[[], Any]) -> Any:
    """What a call gives, or the error it raises (as its text and field)."""
    try:
        return call()
    except InvalidInput as error:
        return ("InvalidInput", str(error), error.field)


def assert_same(fast: Deadline | None, reference: Deadline | None) -> None:
    """Field by field, then the properties, the JSON, equality, hash and repr."""
    if reference is None:
        assert fast is None
        return
    assert fast is not None
    for name in Deadline._fields:
        if name != "alternative":
            assert getattr(fast, name) == getattr(reference, name), name
    assert_same(fast.alternative, reference.alternative)
    for name in PROPERTIES:
        assert getattr(fast, name) == getattr(reference, name), name
    assert deadline_json(fast) == deadline_json(reference)
    assert fast == reference and hash(fast) == hash(reference) and repr(fast) == repr(reference)


@settings(max_examples=1500, deadline=None)
@given(
    received=st.dates(date(2000, 1, 1), date(2100, 12, 31)),
    regime=st.sampled_from(sorted(REGIMES)),
    receipt_rule=st.sampled_from(sorted(RECEIPT_RULES)),
    nation=st.sampled_from(NATIONS),
    responded_after=st.one_of(st.none(), st.integers(0, 90)),
)
@example(date(2025, 8, 23), "foia", "date-of-receipt", None, None)  # Saturday: an alternative
@example(date(2025, 8, 25), "foia", "next-working-day", "scotland", None)  # a bank holiday
@example(date(2020, 4, 20), "foisa", "date-of-receipt", None, None)  # T-COVID-FOISA notes
# FOISA-RESP's versions (rules-over-time.md) at their edges: T-COVID-FOISA's conflicting reading
# from 1 January 2020, its days from 7 April to 26 May 2020, T-COVID-END from 27 May, with the
# response in and after those days; from 27 May 2020 the fast path takes the case.
@example(date(2019, 12, 31), "foisa", "date-of-receipt", None, 100)
@example(date(2020, 1, 1), "foisa", "date-of-receipt", None, 100)
@example(date(2020, 4, 6), "foisa", "date-of-receipt", None, 30)
@example(date(2020, 4, 7), "foisa", "date-of-receipt", None, None)
@example(date(2020, 5, 1), "foisa", "date-of-receipt", None, 30)
@example(date(2020, 5, 26), "foisa", "next-working-day", None, 0)
@example(date(2020, 5, 27), "foisa", "date-of-receipt", None, None)
@example(date(2020, 5, 27), "foisa", "date-of-receipt", "england-and-wales", 40)
@example(date(2020, 5, 30), "foisa", "date-of-receipt", None, 1)  # a Saturday
def test_the_fast_path_gives_the_general_count_field_by_field(
    received: date, regime: str, receipt_rule: str, nation: str | None, responded_after: int | None
) -> None:
    """FOIA-RESP, EIR-RESP, FOISA-RESP, EISR-RESP (and SAR-RESP, which takes the general path):
    `response_deadline` as the library is called, against the general count of the same case
    checked the general way, for every receipt rule (C-RECEIPT, C-RECEIPT-ALT) and nation
    (WD-NATION), with and without a later event (a response), errors included."""
    events: dict[str, Any] = {}
    if receipt_rule != "date-of-receipt":
        events["receipt_rule"] = receipt_rule
    if nation is not None:
        events["nation"] = nation
    if responded_after is not None:
        events["responded"] = received + timedelta(days=responded_after)
    fast = outcome(partial(response_deadline, received, regime, **events))
    checked = outcome(partial(check_case, Case(received, regime, **events)))
    assert outcome(partial(make_case, received, regime, **events)) == checked
    if isinstance(checked, tuple) and checked[0] == "InvalidInput":
        assert fast == checked  # before T-*-START, or next-working-day for SAR (C-MONTH)
        return
    assert isinstance(fast, Deadline)
    assert_same(fast, eager(checked))


#: An event that moves the count (`*-CLAR`, `*-FEES`, the extensions, FOIA-SCHOOL), by regime.
MOVING_EVENTS: dict[str, Callable[[date], dict[str, Any]]] = {
    "clarification": lambda day: {
        "clarification_requested": day + timedelta(days=3),
        "clarification_received": day + timedelta(days=10),
    },
    "fees": lambda day: {
        "fees_notice": day + timedelta(days=2),
        "fee_paid": day + timedelta(days=9),
    },
    "extended": lambda day: {"extended": True},
    "school": lambda day: {"body": "school"},
    "fee awaited": lambda day: {"fees_notice": day + timedelta(days=30)},
}


@settings(max_examples=300, deadline=None)
@given(
    received=st.dates(date(2005, 1, 1), date(2100, 12, 31)),
    regime=st.sampled_from(["foia", "eir", "foisa", "eisr"]),
    event=st.sampled_from(sorted(MOVING_EVENTS)),
    receipt_rule=st.sampled_from(sorted(RECEIPT_RULES)),
)
def test_a_case_an_event_moves_is_counted_in_full(
    received: date, regime: str, event: str, receipt_rule: str
) -> None:
    """Only a case that nothing but its date of receipt moves takes the fast path."""
    events = {"receipt_rule": receipt_rule, **MOVING_EVENTS[event](received)}
    case = outcome(partial(make_case, received, regime, **events))
    if isinstance(case, Case):  # a regime without fees or schools refuses them
        fast = response_deadline(received, regime, **events)
        assert fast._later is None
        assert_same(fast, eager(case))


def test_a_plain_case_file_and_a_batch_row_take_the_fast_path_too() -> None:
    """A Case with a case_id and later events, but nothing that moves the count."""
    case = Case(date(2025, 8, 24), "eir", case_id="R-1", responded=date(2025, 9, 30))
    fast = case_deadline(case)
    assert fast._later is not None  # counted by `_plain_deadline`, its lazy fields unread
    assert_same(fast, eager(check_case(case)))


@pytest.mark.parametrize("regime", ["foia", "foisa"])
@pytest.mark.parametrize("receipt_rule", sorted(RECEIPT_RULES))
@pytest.mark.parametrize("nation", NATIONS)
def test_a_count_past_the_calendar_end_fails_as_the_general_count_does(
    regime: str, receipt_rule: str, nation: str | None
) -> None:
    """Received in the calendar's last weeks, 20 working days (or the alternative's, or the
    nation's count) run past 31 December of its last year: the same InvalidInput either way, and
    never a deadline whose `alternative` fails only when read."""
    last = date(LAST_CALENDAR_YEAR, 12, 31)
    events: dict[str, Any] = {"receipt_rule": receipt_rule, "nation": nation}
    failed = 0
    for received in (last - timedelta(days=days_before) for days_before in range(45)):
        case = Case(received, regime, **events)
        reference = outcome(partial(counted_generally, case))
        fast = outcome(partial(response_deadline, received, regime, **events))
        if isinstance(reference, Deadline):
            assert isinstance(fast, Deadline)
            assert_same(fast, reference)
        else:
            failed += 1
            assert fast == reference
    assert failed > 0  # the end was reached


def test_every_plain_window_fits_in_the_last_year_of_the_calendar() -> None:
    """`_plain_deadline` counts lazily only before the calendar's last year: a working-day
    window (and its alternative's one day more) must fit in that year's working days."""
    calendar = regime_calendar("foia")
    last_year_days = calendar.between(
        date(LAST_CALENDAR_YEAR - 1, 12, 31), date(LAST_CALENDAR_YEAR, 12, 31)
    )
    windows = [r.response for r in REGIMES.values() if isinstance(r.response, WorkingDayWindow)]
    assert windows and all(w.working_days + 1 < last_year_days for w in windows)


def proclaim_in_england(own_dirs: Path, day: str) -> None:
    directory = own_dirs / "xdg" / "foiclock"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "config.toml").write_text(
        f'[[proclaimed]]\ndate = {day}\nname = "Proclaimed"\ndivisions = ["england-and-wales"]\n',
        encoding="utf-8",
    )


def test_lazy_fields_keep_the_holiday_data_they_were_counted_with(own_dirs: Path) -> None:
    """`foiclock.clock.newer_data` counts inside `without_newer_data()` and compares: a deadline
    built inside the block and read outside it (or the other way round) gives what the eager
    count gave where it was built. Received Sat 23 Aug 2025 (FOIA, England), Mon 1 Sep 2025
    proclaimed in England and Wales: the receipt is on a weekend, so there is an alternative
    (C-RECEIPT-ALT), and the nation's calendar differs (WD-NATION). By hand, from Sat 23 Aug (Mon
    25 Aug is the Summer bank holiday in England): 26-29 Aug (4), 1-5 Sep (9), 8-12 (14), 15-19
    (19), Mon 22 Sep (20); with 1 Sep proclaimed, Tue 23 Sep. The alternative counts from Tue 26
    Aug: 27-29 Aug (3), 1-5 Sep (8), 8-12 (13), 15-19 (18), 22, Tue 23 Sep (20); with 1 Sep
    proclaimed, Wed 24 Sep. The nation's own calendar (England) has the same days here."""
    proclaim_in_england(own_dirs, "2025-09-01")
    received = date(2025, 8, 23)
    case = make_case(received)
    with without_newer_data():
        built_inside = response_deadline(received)
        inside = eager(case)
    built_outside = response_deadline(received)
    outside = eager(case)
    assert inside.alternative is not None and outside.alternative is not None
    assert inside.nation_due == date(2025, 9, 22) and outside.nation_due == date(2025, 9, 23)
    assert inside.alternative.due == date(2025, 9, 23)
    assert outside.alternative.due == date(2025, 9, 24)
    assert built_inside._later is not None and built_outside._later is not None  # unread yet
    assert_same(built_inside, inside)  # read outside the block
    with without_newer_data():
        assert_same(built_outside, outside)  # read inside it


def test_whether_there_is_an_alternative_is_judged_on_the_data_counted_with(
    own_dirs: Path,
) -> None:
    """Received on Mon 1 Sep 2025, proclaimed in England and Wales: with the newer data the date
    of receipt is not a working day, so C-RECEIPT-ALT gives an alternative; without it, none. By
    hand, either way from Mon 1 Sep (the receipt day never counts, C-WD): 2-5 Sep (4), 8-12 (9),
    15-19 (14), 22-26 (19), Mon 29 Sep (20). The alternative, from Tue 2 Sep: 3-5 Sep (3), 8-12
    (8), 15-19 (13), 22-26 (18), 29, Tue 30 Sep (20)."""
    proclaim_in_england(own_dirs, "2025-09-01")
    received = date(2025, 9, 1)
    with without_newer_data():
        built_inside = response_deadline(received)
    built_outside = response_deadline(received)
    with without_newer_data():
        assert built_outside.alternative is not None  # read inside the block
        assert built_outside.alternative.due == date(2025, 9, 30)
    assert built_inside.alternative is None  # read outside it
    assert built_inside.due == built_outside.due == date(2025, 9, 29)


def test_a_deadline_behaves_as_the_named_tuple_it_was() -> None:
    """The fields in order, `_asdict`, `_replace`, `_make`, iteration, indexing, equality and
    hash with a tuple, repr, immutability, copies and pickles (every protocol), with the lazy
    fields unread."""
    as_tuple = namedtuple("Deadline", Deadline._fields)  # the shape it had
    for received in (date(2025, 8, 19), date(2025, 8, 23)):
        deadline = response_deadline(received)
        values = tuple(deadline)
        assert len(values) == len(deadline) == 24
        assert values == tuple(eager(make_case(received)))
        assert deadline == values and values == deadline and hash(deadline) == hash(values)
        assert repr(deadline) == repr(as_tuple(*values))
        assert deadline._asdict() == dict(zip(Deadline._fields, values, strict=True))
        assert deadline[2] == deadline.due and deadline[-1] == () and deadline[:2] == values[:2]
        assert Deadline._make(values) == deadline
        moved = deadline._replace(due=date(2030, 1, 1))
        assert moved.due == date(2030, 1, 1) and moved.rule == deadline.rule
        assert moved != deadline
        with pytest.raises(ValueError, match="unexpected field names"):
            deadline._replace(when=None)
        with pytest.raises(AttributeError):
            deadline.due = None  # type: ignore[misc]
        with pytest.raises(AttributeError):
            deadline.colour = "red"  # type: ignore[attr-defined]
        for clone in (
            copy.copy(deadline),
            copy.deepcopy(deadline),
            *(
                pickle.loads(pickle.dumps(response_deadline(received), protocol))
                for protocol in range(pickle.HIGHEST_PROTOCOL + 1)
            ),
        ):
            assert type(clone) is Deadline and clone == deadline
            assert clone.alternative == deadline.alternative
        match deadline:
            case Deadline("foia", day, due):
                assert (day, due) == (received, deadline.due)
            case _:
                pytest.fail("no match")
        assert Deadline._field_defaults["state"] == "running"


def test_deadlines_cross_a_process_pool() -> None:
    received = [date(2025, 8, 19), date(2025, 8, 23), date(2025, 12, 25)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        crossed = list(pool.map(response_deadline, received))
    assert crossed == [response_deadline(day) for day in received]
    assert [d.alternative for d in crossed] == [response_deadline(d).alternative for d in received]
