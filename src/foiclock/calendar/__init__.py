"""Which days are working days: the bank holidays from the `holidays` package, GOV.UK's snapshot,
the stored update and the config file's proclaimed days (`table`, `stored_update`, `update`,
`sources`, `config`), the disk cache that makes start-up instant, the working-day calendars with
their O(1) arithmetic (`calendars`) and working days by regime (`working_days`).

May import: `foiclock.base` and `foiclock.law`.
"""
