"""The case clock: a case and its events (`case`, `case_file`), the response deadline they give
(`deadline`, its parts in `deadline_parts`; subject access in `month_deadline`, calendar months
in `months`), the day-by-day explanation (`steps`), where a case stands on a day (`status`), its
whole timeline (`timeline`) and which newer holiday data moved a date (`newer_data`). Pure
functions: nothing here prints.

May import: `foiclock.base`, `foiclock.law` and `foiclock.calendar`.
"""
