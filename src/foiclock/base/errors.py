"""The one exception type foiclock raises for input it cannot use.

Every message is one line that names the field, the value given, what is wrong with it and what is
accepted, so the CLI can print it as it is and exit with code 2. `problem` and `accepted` may be
`foiclock.base.i18n.Message`s, so that `localised()` can write the message in Welsh; `str()` is
English. The field name stays as the user typed it (an option or column name, a machine word).
"""

from __future__ import annotations

from foiclock.base.i18n import M, localise


class InvalidInput(ValueError):
    """Input foiclock cannot use: a bad date, an unknown regime, a count out of range."""

    def __init__(self, field: str, value: object, problem: str, accepted: str) -> None:
        self.field = field
        self.value = value
        self.problem = problem
        self.accepted = accepted
        given = f"{field} {problem}" if value is None else f"{field}: {value!r} {problem}"
        super().__init__(f"{given}; accepted: {accepted}")

    def __reduce__(self) -> tuple[type[InvalidInput], tuple[str, object, str, str]]:
        """Pickle as its four parts, so that it crosses a process pool as itself."""
        return (type(self), (self.field, self.value, self.problem, self.accepted))

    def message(self) -> str:
        """`str(self)` as a `foiclock.base.i18n.Message`: English, and translatable where shown (a
        batch row keeps it in its error cell and its summary line)."""
        field = self.field  # a field or option name: a machine word, never translated
        if self.value is None:
            return M(
                "{field} {problem}; accepted: {accepted}",
                field=field,
                problem=self.problem,
                accepted=self.accepted,
            )
        return M(
            "{field}: {value} {problem}; accepted: {accepted}",
            field=field,
            value=repr(self.value),
            problem=self.problem,
            accepted=self.accepted,
        )

    def localised(self) -> str:
        """The message in the language in use (`foiclock.base.languages.using_language`)."""
        return localise(self.message())
