"""Many cases at once: one row's answer (`rows`), CSV and JSON Lines files in and out (`files`),
and many response deadlines in one call (`vectorised`).

May import: `foiclock.base`, `foiclock.law`, `foiclock.calendar` and `foiclock.clock`.
"""
