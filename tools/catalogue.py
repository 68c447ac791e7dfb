"""The Welsh message catalogue: extract every marked string, update the .po, compile the .mo.

    python tools/catalogue.py update    # the .po gets new messages (empty), loses stale ones
    python tools/catalogue.py compile   # the .mo from the .po (run after translating)
    python tools/catalogue.py check     # exit 1 if the .po or the .mo is out of date

Messages come from the source (`_`, `N_`, `M`, `MP`, `ngettext`; see foiclock.base.i18n) and the
page's Jinja2 templates (their `_()` calls, read by Jinja2's own Babel extractor), from the
names of the bank holidays foiclock can show (`holiday_names`) and from the help texts typer
builds (`command_help`). A translator edits only the .po.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "foiclock"
LOCALE = SOURCE / "locale"
LANGUAGES = ("cy",)
KEYWORDS = {"_": None, "N_": None, "M": None, "MP": (1, 2), "ngettext": (1, 2)}
#: How each kind of file is read: Python, and the web page's templates (foiclock.web).
METHOD_MAP = [("**/templates/**.html", "jinja2.ext:babel_extract"), ("**.py", "python")]
PLACEHOLDER = re.compile(r"\{([a-z_0-9]*)(?:![rsa])?(?::[^}]*)?\}")

Message = tuple[str, str | None]  # (msgid, msgid_plural)


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "foiclock.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def source_messages() -> Iterator[tuple[Message, str]]:
    """Every marked message in the source and the templates, with the file it is in, in
    source order."""
    found = extract_from_dir(str(SOURCE), method_map=METHOD_MAP, keywords=KEYWORDS, comment_tags=())
    for filename, _lineno, message, _comments, _context in found:
        if isinstance(message, tuple):
            singular, plural = message[0], message[1] if len(message) > 1 else None
        else:
            singular, plural = message, None
        if singular:
            yield (singular, plural), filename


def holiday_names() -> list[str]:
    """The names of every bank holiday foiclock can show from its shipped data: the GOV.UK
    snapshot and the `holidays` package's rules for 2000 to 2100."""
    import json

    import holidays

    names: set[str] = set()
    snapshot = json.loads((SOURCE / "data" / "bank-holidays.json").read_text("utf-8"))
    for division in snapshot.values():
        names.update(event["title"] for event in division["events"])
    for subdivision in ("ENG", "SCT", "NIR"):
        for year in range(2000, 2101):
            calendar = holidays.country_holidays("GB", subdiv=subdivision, years=year)
            for joined_names in calendar.values():
                names.update(joined_names.split("; "))
    return sorted(names)


def wanted_messages() -> dict[Message, list[str]]:
    """msgid (and plural) -> where it comes from, in a stable order."""
    wanted: dict[Message, list[str]] = {}
    for message, filename in source_messages():
        wanted.setdefault(message, [])
        if filename not in wanted[message]:
            wanted[message].append(filename)
    for name in holiday_names():
        wanted.setdefault((name, None), []).append("bank holiday name (data)")
    for text in command_help():
        wanted.setdefault((text, None), []).append("--help (cli.py)")
    return wanted


def command_help() -> list[str]:
    """The help texts of every command and option, as typer builds them."""
    import typer.main

    from foiclock.cli import app
    from foiclock.cli.help import help_texts

    return help_texts(typer.main.get_command(app))


def read_catalogue(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain="foiclock")
    with path.open("rb") as po_file:
        return read_po(po_file, locale=language)


def updated_catalogue(language: str) -> Catalog:
    """The catalogue with every wanted message, keeping the translations already made."""
    old = read_catalogue(language)
    new = Catalog(
        locale=language,
        domain="foiclock",
        project="foiclock",
        copyright_holder="foiclock developers",
        msgid_bugs_address="",
        language_team="Cymraeg",
        fuzzy=False,
    )
    new.creation_date = old.creation_date
    new.revision_date = old.creation_date
    if old.get("") is not None or len(old):
        # Keep the plural rule the translations were written for: Babel 2.19 derives Welsh's from
        # CLDR (6 forms, zero apart) where the shipped catalogue has 5; a new Babel must not
        # change what an update writes.
        new.mime_headers = [("Plural-Forms", old.plural_forms)]
    for (singular, plural), origins in wanted_messages().items():
        message_id: str | tuple[str, str] = (singular, plural) if plural else singular
        existing = old.get(singular)
        string: str | tuple[str, ...] = ""
        if existing is not None and existing.string:
            string = existing.string
        if plural and not isinstance(string, tuple):
            string = ("",) * new.num_plurals
        if not plural and isinstance(string, tuple):
            string = ""
        comments = [f"from {origin}" for origin in origins]
        new.add(message_id, string, auto_comments=comments)
    return new


def po_bytes(catalogue: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=100, omit_header=False, sort_output=False, no_location=True)
    return buffer.getvalue()


def mo_bytes(catalogue: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    return buffer.getvalue()


def message_ids(catalogue: Catalog) -> set[Message]:
    ids: set[Message] = set()
    for message in catalogue:
        if isinstance(message.id, tuple):
            ids.add((message.id[0], message.id[1]))
        elif message.id:
            ids.add((message.id, None))
    return ids


def compiled(mo: bytes) -> tuple[dict[object, str], str, str | None]:
    """What gettext serves from a .mo: every (msgid or (msgid, form)) -> msgstr, the plural
    forms and the charset. The rest of the header (the tool and version that wrote the file,
    dates) changes nothing a user sees, so a new Babel release cannot make a shipped .mo stale."""
    import codecs
    import gettext

    translations = gettext.GNUTranslations(io.BytesIO(mo))
    table: dict[object, str] = translations._catalog  # type: ignore[attr-defined]
    headers: dict[str, str] = translations.info()
    messages = {key: value for key, value in table.items() if key != ""}
    charset = translations.charset()
    return messages, headers.get("plural-forms", ""), charset and codecs.lookup(charset).name


def stale(language: str) -> list[str]:
    """How the shipped .po and .mo differ from the source and from each other."""
    found = []
    shipped = read_catalogue(language)
    wanted = set(wanted_messages())
    have = message_ids(shipped)
    found += [f"missing from the .po (run update): {m[0]!r}" for m in sorted(wanted - have)]
    found += [f"no longer in the source (run update): {m[0]!r}" for m in sorted(have - wanted)]
    if compiled(mo_bytes(shipped)) != compiled(mo_path(language).read_bytes()):
        found.append(f"{mo_path(language)} does not match the .po (run compile)")
    return found


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def problems(catalogue: Catalog) -> list[str]:
    """Messages with no Welsh, a fuzzy mark, or placeholders that differ from the English."""
    found = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        label = ids[0][:70]
        if message.fuzzy:
            found.append(f"fuzzy: {label!r}")
        if not all(strings):
            found.append(f"not translated: {label!r}")
            continue
        expected = placeholders(ids[0])
        for string in strings:
            if placeholders(string) != expected:
                found.append(
                    f"placeholders differ: {label!r}: {sorted(placeholders(string))} "
                    f"!= {sorted(expected)}"
                )
            elif (broken := format_problem(string)) is not None:
                found.append(f"does not format: {label!r}: {broken}")
            elif any(string.count(mark) != ids[0].count(mark) for mark in MARKUP):
                found.append(f"markup differs (** links \\b paragraphs): {label!r}")
    return found


#: What must appear as often in the Welsh as in the English: Markdown bold and links, click's
#: no-rewrap mark, paragraph breaks.
MARKUP = ("**", "](", "\b", "\n\n")


def format_problem(string: str) -> str | None:
    """Why `string.format(...)` would fail with its placeholders filled, or None."""
    import string as string_module

    try:
        names = [
            field for _, field, _, _ in string_module.Formatter().parse(string) if field is not None
        ]
        string.format(**{name: 1 for name in names})
    except (ValueError, KeyError, IndexError) as error:
        return str(error)
    return None


def main(arguments: list[str]) -> int:
    command = arguments[0] if arguments else "check"
    status = 0
    for language in LANGUAGES:
        catalogue = updated_catalogue(language)
        if command == "update":
            po_path(language).parent.mkdir(parents=True, exist_ok=True)
            po_path(language).write_bytes(po_bytes(catalogue))
            untranslated = sum(1 for m in catalogue if m.id and not all(_strings(m.string)))
            print(f"{po_path(language)}: {len(catalogue)} messages, {untranslated} untranslated")
        elif command == "compile":
            shipped = read_catalogue(language)
            mo_path(language).write_bytes(mo_bytes(shipped))
            print(f"{mo_path(language)}: {len(shipped)} messages")
        elif command == "check":
            for problem in [*stale(language), *problems(read_catalogue(language))]:
                print(f"{po_path(language)}: {problem}")
                status = 1
        else:
            print(f"unknown command {command!r}: update, compile or check", file=sys.stderr)
            return 2
    return status


def _strings(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return string if isinstance(string, tuple) else (string,)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
