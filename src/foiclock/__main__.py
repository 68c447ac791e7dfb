"""The `foiclock` command's entry point, for the console script and `python -m foiclock`.

It imports nothing heavy itself, so that a Ctrl-C from the very start, while typer and the rest
of `foiclock.cli` are still being imported, exits 130 (128 + SIGINT, as shells report it)
without a traceback, as a Ctrl-C during a command does (typer's own handling)."""

import sys

EXIT_INTERRUPTED = 130  # as foiclock.cli.common.EXIT_INTERRUPTED


def main() -> None:
    try:
        from foiclock.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except RuntimeError as error:
        # Python 3.11 turns a Ctrl-C that lands in a class's `__set_name__` (while a module
        # such as ipaddress is being imported) into "RuntimeError: Error calling __set_name__",
        # with the KeyboardInterrupt as its cause.
        if isinstance(error.__cause__, KeyboardInterrupt):
            sys.exit(EXIT_INTERRUPTED)
        raise


if __name__ == "__main__":
    main()
