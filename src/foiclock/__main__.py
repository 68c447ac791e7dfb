"""The `foiclock` command's entry point, for the console script and `python -m foiclock`.

It imports nothing heavy itself, so that a Ctrl-C from the very start, while typer and the rest
of `foiclock.cli` are still being imported, exits 130 (128 + SIGINT, as shells report it)
without a traceback, as a Ctrl-C during a command does (typer's own handling).

The cyclic garbage collector is paused while the command line's modules load, and what they
built is then frozen (`gc.freeze`, Python's own recipe for objects that live as long as the
process) before the collector is started again for the command's work. Loading modules makes
classes, functions and tables that are never garbage, so the collections it would trigger, and
the one at the interpreter's exit over all of them, free nothing: about 10 ms of the 50 ms a
cold `foiclock due` took (bench/startup.py). The library (`import foiclock`) never touches the
collector: only this entry point does."""

import sys

EXIT_INTERRUPTED = 130  # as foiclock.cli.common.EXIT_INTERRUPTED


def main() -> None:
    import gc

    gc.disable()
    try:
        from foiclock.cli import main as run

        gc.freeze()
        gc.enable()  # a command that runs long (batch, serve) collects as any program does
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
