"""Writing output files atomically: a temporary file in the target's directory, flushed and
renamed into place, so a reader never sees half a file and a failure (or Ctrl-C) leaves the
target as it was and no temporary file behind. And what every CSV writer does to its cells
against formula injection (`neutralised`)."""

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Final

from foiclock.base.errors import InvalidInput
from foiclock.base.i18n import M

#: OWASP, CSV injection: cells a spreadsheet would run as a formula start with one of these.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cells: list[str]) -> list[str]:
    """OWASP's advice against CSV injection: a leading `'` on a cell a spreadsheet would run.
    Every CSV foiclock writes goes through it (the batch's, the timeline's)."""
    return [f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell for cell in cells]


def write_atomically(path: str, data: bytes, field: str = "output") -> None:
    """Write `data` to `path` in one rename; InvalidInput naming `field` if it cannot be."""
    with atomic_output(path, field) as stream:
        try:
            stream.write(data)
        except OSError as error:
            raise _cannot_write(path, field, error) from None


@contextlib.contextmanager
def atomic_output(path: str, field: str = "output") -> Iterator[BinaryIO]:
    """A binary stream that becomes `path` when the block ends without an exception; on any
    exception, KeyboardInterrupt included, the temporary file is removed and `path` is untouched
    (but for an interrupt in the instant after the rename, which finds `path` already replaced,
    whole: `file_identity` before and after tells). An OSError raised by the block (writing to
    the stream, or reading what is copied into it) is the block's to report.

    A symbolic link is followed (its target is replaced, the link kept); something that exists
    and is not a regular file (/dev/stdout, a FIFO, a device) is written to directly, since it
    cannot be replaced by a rename and a reader of it never sees a half-written file anyway."""
    check_output_path(path, field)
    if not replaced_by_rename(path):  # followed through any links
        try:
            direct = Path(path).open("wb")  # noqa: SIM115 (closed below)
        except OSError as error:
            raise _cannot_write(path, field, error) from None
        try:
            yield direct
            try:
                direct.flush()  # what is still buffered: /dev/full refuses it here
            except OSError as error:
                raise _cannot_write(path, field, error) from None
        finally:
            with contextlib.suppress(OSError):  # after a failed flush, close fails the same way
                direct.close()
        return
    target = Path(os.path.realpath(path))
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise _cannot_write(path, field, error) from None
    try:
        os.chmod(temporary, _mode_for(target))
        with os.fdopen(handle, "wb") as stream:
            yield stream
            try:
                stream.flush()
                os.fsync(stream.fileno())
                os.replace(temporary, target)
            except OSError as error:  # a full disk, a lost mount: one line, not a traceback
                raise _cannot_write(path, field, error) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def replaced_by_rename(path: str) -> bool:
    """Whether `atomic_output` writes `path` through a temporary file (so that a failure leaves
    it as it was): a regular file or a new one, not a device or a FIFO written to directly."""
    return not (os.path.exists(path) and not os.path.isfile(path))


def file_identity(path: str) -> tuple[int, int] | None:
    """The file at `path`, links followed, as (device, inode); None if there is none. The
    rename of `atomic_output` gives `path` a new one, and it is the rename itself that changes
    it: compared with the one from before a run, it tells whether the file was replaced, however
    late an interrupt came."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):  # ValueError: a NUL in the path
        return None
    return status.st_dev, status.st_ino


def check_output_path(path: str, field: str = "output") -> None:
    """InvalidInput naming `field` when `path` cannot be an output file at all."""
    if not path.strip():
        raise InvalidInput(field, path, M("is empty"), M("a file path"))
    if os.path.isdir(path):
        raise InvalidInput(field, path, M("is a directory"), M("a file path"))


def _cannot_write(path: str, field: str, error: OSError) -> InvalidInput:
    reason = error.strerror or str(error)
    return InvalidInput(
        field, path, M("cannot be written ({reason})", reason=reason), M("a writable path")
    )


def _mode_for(target: Path) -> int:
    """The target's own permissions if it exists, else what a new file would get (not
    mkstemp's 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
