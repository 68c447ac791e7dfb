"""The ground floor: what every layer uses and nothing about the law or the calendar.

Errors (`InvalidInput`), English and Welsh (`i18n`, the message catalogue in `foiclock/locale`),
reading the dates people type (`dates`), text from outside (`text`), foiclock's own files and
directories (`files`, `user_dirs`) and writing output files atomically (`output`).

May import: the standard library and `foiclock.base` alone.
"""
