"""Writing output files atomically: a temporary file in the target's directory, flushed and
renamed into place, so a reader never sees half a file and a failure leaves the target as it
was and no temporary file behind."""

import contextlib
import os
import tempfile
from pathlib import Path

from foiclock.errors import InvalidInput


def write_atomically(path: str, data: bytes, field: str = "output") -> None:
    """Write `data` to `path` in one rename; InvalidInput naming `field` if it cannot be.

    A symbolic link is followed (its target is replaced, the link kept); something that exists
    and is not a regular file (/dev/stdout, a FIFO, a device) is written to directly, since it
    cannot be replaced by a rename and a reader of it never sees a half-written file anyway."""
    if not path.strip():
        raise InvalidInput(field, path, "is empty", "a file path")
    if os.path.isdir(path):
        raise InvalidInput(field, path, "is a directory", "a file path")
    if os.path.exists(path) and not os.path.isfile(path):  # followed through any links
        _write_directly(Path(path), data, path, field)
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
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _write_directly(target: Path, data: bytes, path: str, field: str) -> None:
    try:
        with target.open("wb") as stream:
            stream.write(data)
    except OSError as error:
        raise _cannot_write(path, field, error) from None


def _cannot_write(path: str, field: str, error: OSError) -> InvalidInput:
    reason = error.strerror or str(error)
    return InvalidInput(field, path, f"cannot be written ({reason})", "a writable path")


def _mode_for(target: Path) -> int:
    """The target's own permissions if it exists, else what a new file would get (not
    mkstemp's 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
