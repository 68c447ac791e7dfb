"""The case clock against ../shared/rules.md section 8 (examples 11-14 and 21-30, and 35), each
citing its number, plus a count written out by hand for each kind of event."""

from __future__ import annotations

from datetime import date

import pytest

from foiclock import DayRange, response_deadline


def test_example_11_fees_pause() -> None:
    """rules.md example 11, FOIA-FEES. Counted by hand: received Mon 1 Sep 2025; 2-4 Sep are days
    1-3; the notice Fri 5 Sep and Mon 8 - Wed 10 Sep (payment day) are left out (4 working
    days); 11-12 Sep days 4-5; 15-19 Sep 6-10; 22-26 Sep 11-15; 29 Sep - 3 Oct 16-20: Fri 3 Oct.
    Without the fee: Mon 29 Sep. Three months beginning with Fri 5 Sep end Thu 4 Dec
    (C-BEGINNING-WITH)."""
    deadline = response_deadline(
        date(2025, 9, 1), fees_notice=date(2025, 9, 5), fee_paid=date(2025, 9, 10)
    )
    assert deadline.due == date(2025, 10, 3)
    assert response_deadline(date(2025, 9, 1)).due == date(2025, 9, 29)
    assert deadline.fees is not None
    assert deadline.fees.pay_by == date(2025, 12, 4)
    assert deadline.fees.paused_working_days == 4
    assert deadline.fees.counted_before_notice == 3
    assert deadline.state == "running"
    paused = [step.day for step in deadline.steps if step.kind == "paused"]
    assert paused == [date(2025, 9, 5), date(2025, 9, 8), date(2025, 9, 9), date(2025, 9, 10)]
    counted = [step.day for step in deadline.steps if step.kind == "counted"]
    assert counted[2:4] == [date(2025, 9, 4), date(2025, 9, 11)]
    assert deadline.steps[-1].rule == "FOIA-RESP"


def test_fees_notice_alone_pauses_the_clock() -> None:
    """A notice not yet paid is a live state: no due date, the clock paused after 3 days."""
    deadline = response_deadline(date(2025, 9, 1), fees_notice=date(2025, 9, 5))
    assert (deadline.state, deadline.due) == ("awaiting_fee", None)
    assert deadline.fees is not None
    assert deadline.fees.counted_before_notice == 3
    assert deadline.fees.pay_by == date(2025, 12, 4)
    assert deadline.steps[-1].day == date(2025, 9, 5)
    assert deadline.steps[-1].kind == "paused"


def test_fee_paid_after_the_last_day_ends_the_request() -> None:
    """FOIA-FEES: three months beginning with Fri 5 Sep 2025 end Thu 4 Dec 2025; paid Fri 5 Dec
    is too late (the body need not comply); paid Thu 4 Dec is in time."""
    late = response_deadline(
        date(2025, 9, 1), fees_notice=date(2025, 9, 5), fee_paid=date(2025, 12, 5)
    )
    assert (late.state, late.due) == ("fee_not_paid", None)
    in_time = response_deadline(
        date(2025, 9, 1), fees_notice=date(2025, 9, 5), fee_paid=date(2025, 12, 4)
    )
    assert in_time.state == "running"
    assert in_time.due is not None


def test_eir_fees_sixty_working_days_to_pay() -> None:
    """EIR-FEES: 60 working days after the notice. Counted by hand from Fri 5 Sep 2025 (no UK bank
    holiday until Mon 1 Dec): 8-12 Sep 1-5, 15-19 6-10, 22-26 11-15, 29-30 Sep 16-17, 1-3 Oct
    18-20, 6-10 Oct 21-25, 13-17 26-30, 20-24 31-35, 27-31 36-40, 3-7 Nov 41-45, 10-14 46-50,
    17-21 51-55, 24-28 Nov 56-60: Fri 28 Nov 2025."""
    deadline = response_deadline(date(2025, 9, 1), "eir", fees_notice=date(2025, 9, 5))
    assert deadline.fees is not None
    assert deadline.fees.pay_by == date(2025, 11, 28)
    assert deadline.fees.rule.pause.rule == "EIR-FEES"


def test_example_12_clarification_restarts_the_count() -> None:
    """rules.md example 12, FOIA-CLAR / FOISA-CLAR. Counted by hand from the clarification, Mon 16
    Jun 2025: 17-20 Jun days 1-4, 23-27 Jun 5-9, 30 Jun - 4 Jul 10-14, 7-11 Jul 15-19; Mon 14 Jul
    is NI's Boyne substitute (WD-UK skips it), so FOIA day 20 is Tue 15 Jul; under FOISA 14 Jul
    is day 20."""
    events = {
        "clarification_requested": date(2025, 6, 5),
        "clarification_received": date(2025, 6, 16),
    }
    foia = response_deadline(date(2025, 6, 2), **events)  # type: ignore[arg-type]
    foisa = response_deadline(date(2025, 6, 2), "foisa", **events)  # type: ignore[arg-type]
    assert foia.due == date(2025, 7, 15)
    assert foisa.due == date(2025, 7, 14)
    assert foia.counting_from == date(2025, 6, 16)
    kinds = {step.day: step.kind for step in foia.steps}
    assert kinds[date(2025, 6, 5)] == "stopped"
    assert kinds[date(2025, 6, 6)] == "stopped"
    assert kinds[date(2025, 6, 16)] == "restarted"
    assert kinds[date(2025, 6, 3)] == "counted_before_restart"
    assert kinds[date(2025, 7, 14)] == "skipped"
    counted = [step for step in foia.steps if step.kind == "counted"]
    assert counted[0].day == date(2025, 6, 17)
    assert [step.working_day for step in counted] == list(range(1, 21))
    assert foia.clarification is not None
    assert foia.clarification.rule.rule == "FOIA-CLAR"


def test_clarification_asked_and_not_answered_stops_the_clock() -> None:
    deadline = response_deadline(date(2025, 6, 2), clarification_requested=date(2025, 6, 5))
    assert (deadline.state, deadline.due, deadline.counting_from) == (
        "awaiting_clarification",
        None,
        None,
    )
    assert deadline.steps[-1].kind == "stopped"
    assert deadline.steps[-1].rule == "FOIA-CLAR"


def test_example_13_public_interest_extension() -> None:
    """rules.md example 13, FOIA-PIT. Counted by hand after Wed 17 Sep 2025: 18-19 Sep 1-2, 22-26
    Sep 3-7, 29 Sep - 3 Oct 8-12, 6-10 Oct 13-17, 13-15 Oct 18-20: Wed 15 Oct 2025."""
    deadline = response_deadline(date(2025, 8, 19), extended=True)
    assert deadline.due == date(2025, 9, 17)
    assert deadline.extended_due == date(2025, 10, 15)
    assert deadline.extension is not None
    assert deadline.extension.rule.rule == "FOIA-PIT"
    extension_days = [step for step in deadline.steps if step.kind == "extension"]
    assert [step.working_day for step in extension_days] == list(range(21, 41))
    assert extension_days[-1].rule == "FOIA-PIT"


def test_example_14_eir_complex_and_voluminous() -> None:
    """rules.md example 14, EIR-EXT: the 40th working day after Tue 19 Aug 2025."""
    deadline = response_deadline(date(2025, 8, 19), "eir", extended=True)
    assert deadline.extended_due == date(2025, 10, 15)
    assert deadline.extension is not None
    assert deadline.extension.rule.rule == "EIR-EXT"


def test_eir_extension_leaves_out_the_fees_pause() -> None:
    """EIR-FEES applies to the extended 40 too: example 11's dates under the EIR, extended. The 40
    without the fee end Mon 27 Oct 2025 (counted by hand: 29 Sep was day 20; 30 Sep - 3 Oct
    21-24, 6-10 Oct 25-29, 13-17 30-34, 20-24 35-39, Mon 27 Oct 40); 4 paused working days move
    it to Fri 31 Oct 2025."""
    deadline = response_deadline(
        date(2025, 9, 1),
        "eir",
        fees_notice=date(2025, 9, 5),
        fee_paid=date(2025, 9, 10),
        extended=True,
    )
    assert response_deadline(date(2025, 9, 1), "eir", extended=True).extended_due == date(
        2025, 10, 27
    )
    assert deadline.extended_due == date(2025, 10, 31)


@pytest.mark.parametrize(
    ("example", "closed", "due", "school_day_due"),
    [
        # 20 school days by hand: 15-18 Jul 1-4, 21-22 Jul 5-6, closed to 2 Sep, 3-5 Sep 7-9,
        # 8-12 Sep 10-14, 15-19 Sep 15-19, Mon 22 Sep 20.
        (21, DayRange(date(2025, 7, 23), date(2025, 9, 2)), date(2025, 9, 22), date(2025, 9, 22)),
        # 15-17 Jul 1-3, closed to 30 Sep, 1-3 Oct 4-6, 6-10 Oct 7-11, 13-17 12-16, 20-23 17-20:
        # Thu 23 Oct, after the 60th working day, Wed 8 Oct 2025.
        (22, DayRange(date(2025, 7, 18), date(2025, 9, 30)), date(2025, 10, 8), date(2025, 10, 23)),
    ],
)
def test_examples_21_22_school(
    example: int, closed: DayRange, due: date, school_day_due: date
) -> None:
    """rules.md examples 21-22, FOIA-SCHOOL: received Mon 14 Jul 2025. The 60th working day,
    counted by hand under WD-UK: 15-18 Jul 1-4, 21-25 5-9, 28 Jul - 1 Aug 10-14, 4 Aug
    (Scotland) skipped, 5-8 Aug 15-18, 11-15 19-23, 18-22 24-28, 25 Aug (E&W, NI) skipped, 26-29
    29-32, 1-5 Sep 33-37, 8-12 38-42, 15-19 43-47, 22-26 48-52, 29 Sep - 3 Oct 53-57, 6-8 Oct
    58-60: Wed 8 Oct 2025."""
    deadline = response_deadline(date(2025, 7, 14), body="school", school_closed=(closed,))
    assert deadline.due == due, f"rules.md example {example}"
    assert deadline.body is not None
    assert deadline.body.school_day_due == school_day_due
    assert deadline.body.working_day_due == date(2025, 10, 8)
    assert deadline.rule == "FOIA-SCHOOL"
    assert not deadline.notes  # closures were given


def test_school_without_closures_says_it_assumes_none() -> None:
    deadline = response_deadline(date(2025, 8, 19), body="academy")
    assert deadline.due == date(2025, 9, 17)  # 20 school days = 20 working days
    assert any("assumes the school was open" in note for note in deadline.notes)


def test_example_21_closed_days_in_the_steps() -> None:
    deadline = response_deadline(
        date(2025, 7, 14),
        body="school",
        school_closed=(DayRange(date(2025, 7, 23), date(2025, 9, 2)),),
    )
    kinds = {step.day: step.kind for step in deadline.steps}
    assert kinds[date(2025, 7, 23)] == "closed"
    assert kinds[date(2025, 9, 2)] == "closed"
    assert kinds[date(2025, 9, 3)] == "counted"
    assert deadline.steps[-1].working_day == 20


def test_example_35_archive_and_armed_forces() -> None:
    """rules.md example 35: received Tue 19 Aug 2025; FOIA-ARCHIVE 30th working day Wed 1 Oct
    2025; FOIA-ARMED latest (60th) Wed 12 Nov 2025, and the body applies within 20 working days
    (Wed 17 Sep 2025, example 1). Counted by hand on from day 20, Wed 17 Sep: 18-19 Sep 21-22,
    22-26 Sep 23-27, 29-30 Sep 28-29, Wed 1 Oct 30; 2-3 Oct 31-32, 6-10 Oct 33-37, 13-17 38-42,
    20-24 43-47, 27-31 48-52, 3-7 Nov 53-57, 10-12 Nov 58-60 (no UK bank holiday in between)."""
    archive = response_deadline(date(2025, 8, 19), body="archive")
    assert (archive.due, archive.rule) == (date(2025, 10, 1), "FOIA-ARCHIVE")
    for body, rule in (("armed-forces", "FOIA-ARMED"), ("abroad", "FOIA-ABROAD")):
        deadline = response_deadline(date(2025, 8, 19), body=body)
        assert (deadline.due, deadline.rule) == (date(2025, 11, 12), rule)
        assert deadline.body is not None
        assert deadline.body.apply_to_commissioner_by == date(2025, 9, 17)


@pytest.mark.parametrize(
    ("example", "received", "nation", "due"),
    [
        (23, date(2025, 9, 3), "england-and-wales", date(2025, 10, 3)),  # ICO: 3 Sep -> 3 Oct
        (24, date(2026, 1, 31), "england-and-wales", date(2026, 3, 2)),  # 28 Feb, a Saturday
        (25, date(2019, 9, 27), "england-and-wales", date(2019, 10, 28)),  # 27 Oct, a Sunday
        (26, date(2019, 4, 6), "england-and-wales", date(2019, 5, 7)),  # 6 May bank holiday
        (28, date(2024, 1, 30), "england-and-wales", date(2024, 2, 29)),  # leap-year clamp
        (29, date(2026, 10, 31), "england-and-wales", date(2026, 11, 30)),
        (29, date(2026, 10, 31), "scotland", date(2026, 12, 1)),  # St Andrew's Day
    ],
)
def test_sar_examples(example: int, received: date, nation: str, due: date) -> None:
    deadline = response_deadline(received, "sar", nation=nation)
    assert deadline.due == due, f"rules.md example {example}"
    assert deadline.rule == "SAR-RESP"
    assert deadline.calendar_rule == "WD-NATION"
    assert deadline.nation == nation


def test_example_27_sar_extension() -> None:
    """rules.md example 27, SAR-EXT: received Thu 26 Sep 2019; three months on is Thu 26 Dec,
    Boxing Day, so Fri 27 Dec 2019."""
    deadline = response_deadline(date(2019, 9, 26), "sar", extended=True)
    assert deadline.extended_due == date(2019, 12, 27)
    assert deadline.due == date(2019, 10, 28)  # 26 Oct 2019 is a Saturday


def test_example_30_sar_stop() -> None:
    """rules.md example 30, SAR-STOP: received Mon 2 Mar 2026; clarification asked Thu 5 Mar,
    received Thu 12 Mar: 5-12 Mar is 8 days, both included; Thu 2 Apr + 8 days = Fri 10 Apr."""
    deadline = response_deadline(
        date(2026, 3, 2),
        "sar",
        clarification_requested=date(2026, 3, 5),
        clarification_received=date(2026, 3, 12),
    )
    assert deadline.due == date(2026, 4, 10)
    assert deadline.clarification is not None
    assert deadline.clarification.stopped_days == 8
    assert deadline.months is not None
    assert deadline.months.corresponding == date(2026, 4, 2)
    waiting = response_deadline(date(2026, 3, 2), "sar", clarification_requested=date(2026, 3, 5))
    assert (waiting.state, waiting.due) == ("awaiting_clarification", None)


def test_sar_start_is_the_latest_event() -> None:
    """SAR-START, counted by hand: received Wed 3 Sep 2025, identity information Mon 8 Sep, fee
    Fri 5 Sep: the relevant time is 8 Sep, one month on is Wed 8 Oct 2025, a working day."""
    deadline = response_deadline(
        date(2025, 9, 3), "sar", id_received=date(2025, 9, 8), fee_paid=date(2025, 9, 5)
    )
    assert deadline.due == date(2025, 10, 8)
    assert deadline.months is not None
    assert deadline.months.relevant_event == "id_received"
    kinds = [(step.day, step.kind) for step in deadline.steps]
    assert (date(2025, 9, 8), "relevant_time") in kinds


def test_a_fees_notice_after_the_deadline_moves_nothing_not_even_the_eir_extension() -> None:
    """EIR-FEES: the notice is due within the first 20 working days; one given after the count
    ended (Mon 22 Sep 2025, after Wed 17 Sep) moves neither the 20th nor the 40th working day
    (rules.md examples 1 and 14)."""
    deadline = response_deadline(
        date(2025, 8, 19),
        "eir",
        extended=True,
        fees_notice=date(2025, 9, 22),
        fee_paid=date(2025, 9, 26),
    )
    assert (deadline.due, deadline.extended_due) == (date(2025, 9, 17), date(2025, 10, 15))
    assert deadline.fees is not None and deadline.fees.after_due
    assert [step.day for step in deadline.steps] == sorted(step.day for step in deadline.steps)


def test_day_one_is_the_first_day_actually_counted() -> None:
    """Counted by hand: received Mon 1 Sep 2025, fees notice the same day, paid Wed 3 Sep: 1-3 Sep
    are left out, so day 1 is Thu 4 Sep. A school closed 1-5 Sep counts from Mon 8 Sep."""
    paused = response_deadline(
        date(2025, 9, 1), fees_notice=date(2025, 9, 1), fee_paid=date(2025, 9, 3)
    )
    assert paused.day_one == date(2025, 9, 4)
    first_counted = next(step for step in paused.steps if step.kind == "counted")
    assert (first_counted.day, first_counted.working_day) == (date(2025, 9, 4), 1)
    closed = response_deadline(
        date(2025, 9, 1),
        body="school",
        school_closed=(DayRange(date(2025, 9, 1), date(2025, 9, 5)),),
    )
    assert closed.day_one == date(2025, 9, 8)


def test_awaiting_clarification_keeps_the_bodys_rule() -> None:
    deadline = response_deadline(
        date(2025, 9, 1), body="archive", clarification_requested=date(2025, 9, 2)
    )
    assert (deadline.state, deadline.rule, deadline.working_days) == (
        "awaiting_clarification",
        "FOIA-ARCHIVE",
        30,
    )
    assert deadline.body is not None


def test_three_calendar_months_to_pay_are_never_provisional() -> None:
    """The FOIA pay-by date is calendar months (C-BEGINNING-WITH): no holiday can move it, so a
    2029 pay-by date does not make a 2028 deadline provisional."""
    deadline = response_deadline(
        date(2028, 9, 1), fees_notice=date(2028, 10, 2), fee_paid=date(2028, 10, 3)
    )
    assert deadline.fees is not None and deadline.fees.pay_by.year == 2029
    assert not deadline.provisional


def test_receipt_on_a_working_day_cites_c_receipt_under_either_reading() -> None:
    deadline = response_deadline(date(2025, 8, 19), receipt_rule="next-working-day")
    assert deadline.steps[0].rule == "C-RECEIPT"


@pytest.mark.parametrize("paused", [False, True])
def test_apply_to_the_commissioner_step_is_on_the_apply_by_day(paused: bool) -> None:
    """FOIA-ARMED: the application window is the 20 working days after receipt (Wed 17 Sep 2025
    for a Tue 19 Aug 2025 receipt, example 1), counted without a fees pause (the earlier, safe
    day); the explanation marks that same day."""
    events = {"fees_notice": date(2025, 8, 26), "fee_paid": date(2025, 8, 27)} if paused else {}
    deadline = response_deadline(date(2025, 8, 19), body="armed-forces", **events)  # type: ignore[arg-type]
    assert deadline.body is not None
    assert deadline.body.apply_to_commissioner_by == date(2025, 9, 17)
    marked = [step.day for step in deadline.steps if "apply to the Commissioner" in step.reason]
    assert marked == [date(2025, 9, 17)]


@pytest.mark.parametrize(
    ("notice", "last_day"),
    [
        # rules.md C-BEGINNING-WITH's own example: the day before the corresponding date.
        (date(2025, 9, 5), date(2025, 12, 4)),
        (date(2025, 11, 28), date(2026, 2, 27)),  # 28 Feb 2026 exists: the day before it
        # No corresponding date (no 31 June, no 29 or 30 February 2026): the month's last day,
        # not the day before it (found by the batch re-review; rules.md is silent).
        (date(2014, 3, 31), date(2014, 6, 30)),
        (date(2025, 11, 29), date(2026, 2, 28)),
        (date(2025, 11, 30), date(2026, 2, 28)),
        (date(2025, 12, 1), date(2026, 2, 28)),  # 1 Mar 2026 exists: the day before it
    ],
)
def test_three_months_to_pay_ends_on_the_right_day(notice: date, last_day: date) -> None:
    deadline = response_deadline(notice, fees_notice=notice)
    assert deadline.fees is not None and deadline.fees.pay_by == last_day
