"""A batch file in parts, answered by worker processes (`foiclock batch --jobs N`), the parts'
output in order.

This module knows nothing of CSV: it finds where a file's lines begin (`line_starts`), and runs
one function over many parts in worker processes (`in_order`), handing back each part's result
in the parts' order, at most a few parts ahead (so memory stays flat whatever the file's size).
`foiclock.batch.files` reads and writes the parts, and decides when a file may be split.

Workers ignore Ctrl-C (the parent stops them: a terminal sends SIGINT to them all) and die on
SIGTERM; whatever ends the parent's loop (an interrupt, an error, the caller stopping early) ends
every worker before it returns.
"""

import os
import signal
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

Task = TypeVar("Task")
Result = TypeVar("Result")

_READ: Final = 1 << 16  # bytes read at a time while looking for a line's end


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity where the system says, else all)."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counted is not None:
        return int(counted() or 1)
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on this system
        return os.cpu_count() or 1


def line_starts(path: str, start: int, end: int, part: int) -> list[int]:
    """Byte offsets of `path` from `start` to `end`, each at least `part` bytes after the one
    before and just after an LF byte (so at the start of a line), then `end`."""
    starts = [start]
    with open(path, "rb") as binary:
        target = start + part
        while target < end:
            binary.seek(target)
            offset = target
            while True:
                block = binary.read(_READ)
                if not block:
                    return [*starts, end]
                found = block.find(b"\n")
                if found >= 0:
                    offset += found + 1
                    break
                offset += len(block)
            if offset >= end:
                break
            starts.append(offset)
            target = offset + part
    return [*starts, end]


def in_order(
    work: Callable[[Task], Result], tasks: Sequence[Task], jobs: int, ahead: int | None = None
) -> Generator[Result, None, None]:
    """`work(task)` for each task, in `jobs` worker processes, yielded in the tasks' order; at
    most `ahead` results (default: twice `jobs`) are done but not yet taken. An exception in a
    worker is raised here; a worker that dies (killed, out of memory) raises ChildProcessError.
    `work` and the tasks must pickle where processes are spawned rather than forked."""
    from multiprocessing import get_context

    ahead = ahead or 2 * jobs
    context: Any = get_context(_start_method())
    workers: list[tuple[Any, Connection]] = []
    try:
        for _ in range(min(jobs, len(tasks))):
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(work, theirs), daemon=True)
            process.start()
            theirs.close()
            workers.append((process, ours))
        yield from _dispatch(tasks, workers, ahead)
        for _, connection in workers:
            connection.send(None)  # done: the worker returns
        for process, _ in workers:
            process.join()
    finally:
        for process, connection in workers:
            if process.is_alive():
                process.terminate()
            process.join()
            connection.close()


def _dispatch(
    tasks: Sequence[Task], workers: list[tuple[Any, "Connection"]], ahead: int
) -> Iterator[Any]:
    """Hands out the tasks to idle workers and yields their results in order."""
    from multiprocessing.connection import Connection, wait

    pending = iter(range(len(tasks)))
    busy: dict[Connection, int] = {}
    idle = [connection for _, connection in workers]
    done: dict[int, Any] = {}
    taken = 0

    def hand_out() -> None:
        while idle and len(busy) + len(done) < ahead:
            index = next(pending, None)
            if index is None:
                return
            connection = idle.pop()
            connection.send((index, tasks[index]))
            busy[connection] = index

    hand_out()
    while taken < len(tasks):
        if taken in done:
            yield done.pop(taken)
            taken += 1
            hand_out()
            continue
        for connection in wait(list(busy)):
            assert isinstance(connection, Connection)
            try:
                index, failed, result = connection.recv()
            except EOFError:
                raise ChildProcessError("a batch worker process ended without its answer") from None
            del busy[connection]
            idle.append(connection)
            if failed:
                raise result
            done[index] = result
        hand_out()


def _serve(work: Callable[[Any], Any], connection: "Connection") -> None:
    """A worker: the parent stops it, so Ctrl-C is ignored and SIGTERM ends it at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        message = connection.recv()
        if message is None:
            return
        index, task = message
        try:
            connection.send((index, False, work(task)))
        except Exception as error:  # raised in the parent
            connection.send((index, True, error))


def _start_method() -> str:
    """`fork` where the system has it and this process runs no other thread (a fork keeps the
    parent's calendars, and is fast); `spawn` otherwise (a thread, such as a progress bar's,
    may hold a lock at the fork)."""
    from multiprocessing import get_all_start_methods

    if "fork" in get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"
