"""foiclock.base.records.NamedTuple builds the class typing.NamedTuple builds (issue "Fast on
real exports": the same record classes, cheaper to define at start-up). Each check below is run
on a class written once with typing's NamedTuple and once with foiclock's, and compares the two.
"""

from __future__ import annotations

import inspect
import pickle
import types
import typing
from datetime import date

import pytest

from foiclock.base import records


def _define(base: type) -> type:
    class Sample(base):  # type: ignore[misc,valid-type]
        """A record with a method and defaults."""

        received: date
        regime: str = "foia"
        notes: tuple[str, ...] = ()

        def label(self) -> str:
            return f"{self.regime}:{self.received.isoformat()}"

        @property
        def note_count(self) -> int:
            return len(self.notes)

    return Sample


TYPING_SAMPLE = _define(typing.NamedTuple)  # type: ignore[arg-type]
FOICLOCK_SAMPLE = _define(records.NamedTuple)  # type: ignore[arg-type]
# pickle finds a class by module and name: give each its own
TYPING_SAMPLE.__qualname__ = TYPING_SAMPLE.__name__ = "TYPING_SAMPLE"
FOICLOCK_SAMPLE.__qualname__ = FOICLOCK_SAMPLE.__name__ = "FOICLOCK_SAMPLE"


def _behaviour(cls: typing.Any) -> dict[str, object]:
    made = cls(date(2025, 8, 19), notes=("a",))
    return {
        "tuple": isinstance(made, tuple) and tuple(made) == (date(2025, 8, 19), "foia", ("a",)),
        "bases": cls.__bases__,
        "fields": cls._fields,
        "defaults": cls._field_defaults,
        "annotations": list(cls.__annotations__),
        "type hints": typing.get_type_hints(cls),
        "signature": list(inspect.signature(cls).parameters),
        "repr": repr(made).split("(", 1)[1],
        "replace": tuple(made._replace(regime="eir")),
        "asdict": made._asdict(),
        "make": tuple(cls._make((date(2025, 1, 2), "eir", ()))),
        "method": made.label(),
        "property": made.note_count,
        "doc": cls.__doc__,
        "module": cls.__module__,
        "slots": cls.__slots__,
        "no dict": not hasattr(made, "__dict__"),
        "equal to its tuple": made == (date(2025, 8, 19), "foia", ("a",)),
        "hash": hash(made) == hash((date(2025, 8, 19), "foia", ("a",))),
        "pickled": tuple(pickle.loads(pickle.dumps(made))),
        "pickled class": type(pickle.loads(pickle.dumps(made))) is cls,
    }


def test_the_class_behaves_as_typings_does() -> None:
    ours, theirs = _behaviour(FOICLOCK_SAMPLE), _behaviour(TYPING_SAMPLE)
    assert ours == theirs
    assert ours["tuple"] and ours["no dict"] and ours["pickled class"]


def _filled_with(body: dict[str, object]) -> typing.Callable[[dict[str, object]], None]:
    return lambda namespace: namespace.update(body)


@pytest.mark.parametrize("base", [typing.NamedTuple, records.NamedTuple], ids=["typing", "ours"])
def test_it_refuses_what_typing_refuses(base: typing.Any) -> None:
    with pytest.raises(TypeError, match="Non-default namedtuple field"):

        class DefaultFirst(base):  # type: ignore[misc]
            regime: str = "foia"
            received: date

    for name in ("__new__", "__init__", "_replace", "_fields"):
        with pytest.raises(AttributeError, match="Cannot overwrite NamedTuple attribute"):
            body = {"__module__": __name__, "__annotations__": {}, name: None}
            types.new_class("Overwrites", (base,), exec_body=_filled_with(body))


def test_it_is_only_a_base() -> None:
    Sample = FOICLOCK_SAMPLE
    with pytest.raises(TypeError, match="only inherit from NamedTuple"):

        class Mixed(records.NamedTuple, dict):  # type: ignore[misc]
            received: date

    assert not isinstance(Sample(date(2025, 8, 19)), records.NamedTuple)
