"""Text from outside foiclock that it shows or writes back (a case id, a holiday's name in a
downloaded GOV.UK file): one line of printable characters. A control character would break a
line of output or an .ics file, a bidirectional override would make a terminal show a name
other than the one stored, and a lone surrogate cannot be written as UTF-8 at all."""

import re
from typing import Final

#: C0 and C1 controls, DEL, the line and paragraph separators, the bidirectional embedding,
#: override and isolate controls, and lone surrogates (what Python gives for undecodable bytes
#: in a command-line argument).
_UNSAFE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def unsafe_character(text: str) -> str | None:
    """The first character of `text` that may not be shown or written (as `repr` writes it:
    '\\n', '\\u202e'), or None when there is none."""
    found = _UNSAFE.search(text)
    return None if found is None else repr(found.group())[1:-1]
