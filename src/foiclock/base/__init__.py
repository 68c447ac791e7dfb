"""The ground floor: what every layer uses and nothing about the law or the calendar.

Errors (`InvalidInput`), English and Welsh (`i18n`, with the message catalogue in
`foiclock/locale`, and `languages` for the library's `using_language`), reading the dates people
type (`dates`), text from outside (`text`), where foiclock's own files live and reading them
(`files`), and writing output files atomically (`output`).

May import: the standard library and `foiclock.base` alone.
"""
