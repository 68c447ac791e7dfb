"""Choosing the language of what foiclock writes, from the library: `using_language` checks the
choice (an unknown one is `InvalidInput`) and translates inside its block. The translating
itself is `foiclock.base.i18n`'s; the command line checks `--lang` as a setting
(`foiclock.calendar.config`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import LANGUAGES, M, in_language


@contextmanager
def using_language(language: str) -> Iterator[None]:
    """Translate with `language` ('en' or 'cy') inside the block."""
    if language not in LANGUAGES:
        raise InvalidInput("language", language, M("is not a language foiclock speaks"), "en, cy")
    with in_language(language):
        yield
