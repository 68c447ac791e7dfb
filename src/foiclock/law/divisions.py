"""The parts of the UK that have their own bank holidays, as GOV.UK and the `holidays` package name
them. Everything else refers to a division by its GOV.UK key."""

from __future__ import annotations

from typing import Final

from foiclock.base.i18n import N_, joined

ENGLAND_AND_WALES: Final = "england-and-wales"
SCOTLAND: Final = "scotland"
NORTHERN_IRELAND: Final = "northern-ireland"

#: GOV.UK division key -> the `holidays` package's UK subdivision code.
HOLIDAYS_SUBDIVISION: Final[dict[str, str]] = {
    ENGLAND_AND_WALES: "ENG",
    SCOTLAND: "SCT",
    NORTHERN_IRELAND: "NIR",
}

#: GOV.UK division key -> the name printed for people.
DIVISION_NAME: Final[dict[str, str]] = {
    ENGLAND_AND_WALES: N_("England and Wales"),
    SCOTLAND: N_("Scotland"),
    NORTHERN_IRELAND: N_("Northern Ireland"),
}

ALL_DIVISIONS: Final[tuple[str, ...]] = (ENGLAND_AND_WALES, SCOTLAND, NORTHERN_IRELAND)


def division_names(divisions: tuple[str, ...]) -> str:
    """'England and Wales, Northern Ireland' in the fixed order of ALL_DIVISIONS."""
    return joined(", ", [DIVISION_NAME[d] for d in ALL_DIVISIONS if d in divisions])
