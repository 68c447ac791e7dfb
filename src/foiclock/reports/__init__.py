"""What a team produces from its case log: periods (`periods`), the case log read with the batch's
answers (`log`), the statistics templates as data (`templates`) and their figures (`stats`), and
the officer's worklist (`worklist`). Every figure rests on the batch's own dates and its
`timeliness` column (`foiclock.batch.timeliness`): nothing is counted a second time.

May import: `foiclock.base`, `foiclock.law`, `foiclock.calendar`, `foiclock.clock` and
`foiclock.batch`.
"""
