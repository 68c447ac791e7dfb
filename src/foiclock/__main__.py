"""`python -m foiclock`: the same as the `foiclock` command."""

from foiclock.cli import main

main()
