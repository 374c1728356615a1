"""Atomic, careful writes: never a truncated file, never over content that changed meanwhile."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile


class ConcurrentModificationError(OSError):
    """The file changed on disk after it was read; the new content was not written."""


def atomic_write(path: str, data: bytes, expected: bytes) -> None:
    """Replace ``path`` with ``data`` if it still holds ``expected``.

    The data goes to a temporary file in the same directory (same file system), is flushed
    and fsynced, gets the original's permission bits, and is renamed over the original, so
    a reader or a crash sees either the old or the new file, never a mix.
    """
    directory = os.path.dirname(os.path.abspath(path))
    original_mode = stat.S_IMODE(os.stat(path).st_mode)
    handle, temp_path = tempfile.mkstemp(
        prefix=f".{os.path.basename(path)}.", suffix=".h2l-tmp", dir=directory
    )
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_path, original_mode)
        with open(path, "rb") as current:
            if current.read() != expected:
                raise ConcurrentModificationError(
                    f"{path} changed on disk while it was being migrated; not written"
                )
        os.replace(temp_path, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_path)
        raise
