"""Results for people and other programs: text (`render`, `timeline`, `sources`), JSON-ready
dicts (`serialise`), month grids (`month_grid`), iCalendar (`ics`) and the next-steps paragraphs
of letters (`letters`). Nothing here computes a date.

May import: `foiclock.base`, `foiclock.law`, `foiclock.calendar`, `foiclock.clock`,
`foiclock.batch` and `foiclock.reports`.
"""
