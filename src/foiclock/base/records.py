"""`NamedTuple`: typing's class syntax for a named tuple, at less than half its import cost.

Every record class in foiclock is written `class Holiday(NamedTuple): ...` with this
`NamedTuple`. To a type checker it *is* `typing.NamedTuple` (the import below under
TYPE_CHECKING), so mypy checks fields, defaults and calls exactly as before. At run time it
builds the class `typing.NamedTuple` builds, a `collections.namedtuple` with the class body's
methods, docstring and `__annotations__` (also on `__new__`, so `inspect.signature` shows the
types), but without `typing`'s per-field type check, which on string annotations compiles each
one into a ForwardRef: about 60 of typing's 100 microseconds a class in a warm loop. So the
annotations are as the module leaves them (strings under `from __future__ import annotations`,
else the objects), not ForwardRefs; `typing.get_type_hints` reads them alike. What the check
would refuse (an unquoted `ClassVar` field) is not refused here; no record class has one.
`foiclock due` defines some 35 record classes before it prints its date; cold, this takes about
1 ms off its start-up (issue "Fast on real exports"; `bench/startup.py`).

What `typing.NamedTuple` refuses, this refuses too: a field without a default after one with,
and a body that sets `__new__`, `__init__`, `__slots__` or a namedtuple method.
tests/test_records.py checks that the classes are the same as typing's in every other way that
matters (tuple, fields, defaults, repr, `_replace`, `_asdict`, pickling, methods, docstring).
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Any

__all__ = ["NamedTuple"]

if TYPE_CHECKING:
    from typing import NamedTuple
else:
    # typing's own lists (Lib/typing.py, NamedTupleMeta), so the same bodies are refused
    _PROHIBITED = frozenset(
        {
            "__new__",
            "__init__",
            "__slots__",
            "__getnewargs__",
            "_fields",
            "_field_defaults",
            "_make",
            "_replace",
            "_asdict",
            "_source",
        }
    )
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})

    class _NamedTupleMeta(type):
        def __new__(
            mcls: type, typename: str, bases: tuple[type, ...], namespace: dict[str, Any]
        ) -> type:
            if not bases:  # NamedTuple itself
                return type.__new__(mcls, typename, bases, namespace)
            if bases != (NamedTuple,):
                raise TypeError("a NamedTuple class can only inherit from NamedTuple")
            annotations = namespace.get("__annotations__", {})
            defaults = []
            for field in annotations:
                if field in namespace:
                    defaults.append(namespace[field])
                elif defaults:
                    raise TypeError(
                        f"Non-default namedtuple field {field} cannot follow a default field"
                    )
            record = collections.namedtuple(
                typename, annotations, defaults=defaults, module=namespace["__module__"]
            )
            record.__annotations__ = record.__new__.__annotations__ = annotations
            fields = record._fields
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
                if key not in _SPECIAL and key not in fields:
                    setattr(record, key, value)
            return record

    class NamedTuple(metaclass=_NamedTupleMeta):
        """Base of a record class: `class Name(NamedTuple): field: type = default`."""
