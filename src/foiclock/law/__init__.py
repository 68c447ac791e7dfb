"""The law as data: the regimes, their rule ids, sources and windows, and the versions of each
rule in force on a given date (../shared/rules.md and rules-over-time.md). Tables and the small
functions that choose from them; nothing here counts a day.

Where a rule is defined: `FOIA-RESP` and every response rule in `regimes`, the review and appeal
windows in `windows`, a rule's dated versions in `versions` (subject access in `sar_versions`),
the parts of the UK with their own bank holidays in `divisions`.

May import: `foiclock.base`.
"""
