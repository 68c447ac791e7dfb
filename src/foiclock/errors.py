"""The one exception type foiclock raises for input it cannot use.

Every message is one line that names the field, the value given, what is wrong with it and what is
accepted, so the CLI can print it as it is and exit with code 2.
"""

from __future__ import annotations


class InvalidInput(ValueError):
    """Input foiclock cannot use: a bad date, an unknown regime, a count out of range."""

    def __init__(self, field: str, value: object, problem: str, accepted: str) -> None:
        self.field = field
        self.value = value
        self.problem = problem
        self.accepted = accepted
        given = f"{field} {problem}" if value is None else f"{field}: {value!r} {problem}"
        super().__init__(f"{given}; accepted: {accepted}")
