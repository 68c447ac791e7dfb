"""Writing output files atomically: a temporary file in the target's directory, flushed and
renamed into place, so a reader never sees half a file and a failure leaves the target as it
was and no temporary file behind."""

import contextlib
import os
import tempfile
from pathlib import Path

from foiclock.errors import InvalidInput


def write_atomically(path: str, data: bytes, field: str = "output") -> None:
    """Write `data` to `path` in one rename; InvalidInput naming `field` if it cannot be."""
    target = Path(path)
    if target.is_dir():
        raise InvalidInput(field, path, "is a directory", "a file path")
    directory = target.parent
    try:
        handle, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        reason = error.strerror or str(error)
        raise InvalidInput(
            field, path, f"cannot be written ({reason})", "a writable path"
        ) from None
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


def _mode_for(target: Path) -> int:
    """The target's own permissions if it exists, else what a new file would get (not
    mkstemp's 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
