"""Many cases at once: one row's answer (`rows`) with its timeliness (`timeliness`), CSV and
JSON Lines files in and out (`files`), an export's own headers (`columns`), Excel workbooks
(`excel`, `tables`), and many response deadlines in one call (`vectorised`).

May import: `foiclock.base`, `foiclock.law`, `foiclock.calendar` and `foiclock.clock`.
"""
