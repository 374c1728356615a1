"""Atomic, careful writes: never a truncated file, never over content that changed meanwhile.

Every write goes to a temporary file in the target's directory (same file system), is
flushed and fsynced, and is renamed over the target, so a reader, a crash or a SIGKILL sees
either the old or the new file. The target is compared with what was read just before the
rename: content that changed meanwhile (an editor, another run) is never overwritten.

Temporary files are named ``.<name>.<pid>-<random>.h2l-tmp``. A process killed between
creating one and renaming it leaves it behind; the next run that writes in that directory
removes temporary files whose process is gone (or that are over an hour old), and never
those of a run still in progress.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time

from .walk import TEMP_SUFFIX

STALE_AFTER_SECONDS = 3600.0
"""A temporary file this old is stale whatever its process: no write takes an hour."""

_swept: set[str] = set()
"""Directories this process already cleaned (once per run and directory is enough)."""


class ConcurrentModificationError(OSError):
    """The file changed on disk after it was read; the new content was not written."""


class UnsafeTargetError(OSError):
    """The target is not a plain, writable, single-link regular file any more."""


def _write_temp(path: str, directory: str, data: bytes) -> str:
    """``data`` in a fsynced temporary file beside ``path``; returns its path.

    Its name carries this process's id, so a later run can tell it from a live run's file
    (:func:`sweep_stale_temp_files`).
    """
    sweep_stale_temp_files(directory)
    handle, temp_path = tempfile.mkstemp(
        prefix=f".{os.path.basename(path)}.{os.getpid()}-", suffix=TEMP_SUFFIX, dir=directory
    )
    try:
        try:
            _write_all(handle, data)
            os.fsync(handle)
        finally:
            os.close(handle)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_path)
        raise
    return temp_path


def atomic_write(path: str, data: bytes, expected: bytes) -> None:
    """Replace ``path`` with ``data`` if it still holds ``expected``.

    The new file keeps the original's permission bits (and owner, where allowed). Raises
    :class:`ConcurrentModificationError` when the file changed meanwhile, unless it already
    holds ``data`` (another run wrote the same migration: nothing to do), and
    :class:`UnsafeTargetError` for a symbolic link, a read-only file or a file with several
    hard links (a rename would split them), which are never replaced.
    """
    info = _check_target(path)
    directory = os.path.dirname(os.path.abspath(path))
    _check_directory(directory)
    temp_path = _write_temp(path, directory, data)
    try:
        os.chmod(temp_path, stat.S_IMODE(info.st_mode))
        _keep_owner(temp_path, info)
        try:
            current = _read(path)
        except FileNotFoundError:
            raise ConcurrentModificationError(
                errno.ENOENT, "was deleted while it was being migrated", path
            ) from None
        if current != expected:
            if current == data:
                # Another run (or a previous attempt) wrote exactly this: done.
                os.unlink(temp_path)
                return
            raise ConcurrentModificationError(
                errno.EAGAIN, "changed on disk while it was being migrated", path
            )
        _check_target(path)  # still the same kind of file right before the rename
        os.replace(temp_path, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_path)
        raise
    _fsync_directory(directory)


def atomic_create(path: str, data: bytes, mode: int = 0o644) -> bool:
    """Create ``path`` with ``data`` unless it exists; ``False`` when it already existed.

    The content is complete before the name appears (a hard link of a fsynced temporary
    file), so a crash never leaves a truncated new file that a later run would take as
    finished. Where the file system has no hard links, falls back to an exclusive create.
    """
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.lexists(path):
        return False
    _check_directory(directory)
    temp_path = _write_temp(path, directory, data)
    try:
        os.chmod(temp_path, mode & ~_umask())
        try:
            os.link(temp_path, path)
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            return _create_exclusive(path, data, mode)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp_path)
    _fsync_directory(directory)
    return True


def sweep_stale_temp_files(directory: str) -> list[str]:
    """Remove temporary files left in ``directory`` by killed runs; returns their names.

    A temporary file is stale when the process that created it is gone (POSIX: its pid is
    in the name) or it is older than :data:`STALE_AFTER_SECONDS`. Files of live processes,
    including concurrent runs, are left alone.
    """
    if directory in _swept:
        return []
    _swept.add(directory)
    removed: list[str] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not entry.name.endswith(TEMP_SUFFIX) or not entry.name.startswith("."):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if age < STALE_AFTER_SECONDS and _process_alive(_pid_of(entry.name)):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(entry.name)
    return removed


def remove_stale_temp_files(paths: list[str]) -> list[str]:
    """Of the temporary files a walk met (``paths``), remove those of killed runs; returns
    every one that is gone now because it was stale (this run's writers may have swept
    some already: a dead process's file does not vanish any other way)."""
    removed: list[str] = []
    now = time.time()
    for path in paths:
        name = os.path.basename(path)
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            if not _process_alive(_pid_of(name)):
                removed.append(path)
            continue
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        if now - info.st_mtime < STALE_AFTER_SECONDS and _process_alive(_pid_of(name)):
            continue
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        except OSError:
            continue
        removed.append(path)
    return removed


def _pid_of(name: str) -> int | None:
    # ".<file name>.<pid>-<random>.h2l-tmp"; the file name may contain dots and dashes.
    stem = name[: -len(TEMP_SUFFIX)]
    tail = stem.rsplit(".", 1)[-1]
    pid, dash, _random = tail.partition("-")
    return int(pid) if dash and pid.isdigit() else None


def _process_alive(pid: int | None) -> bool:
    if pid is None:
        return True  # not ours to judge by pid: only the age decides
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # os.kill(pid, 0) would terminate the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """A killed process nobody has reaped yet (containers often lack an init that reaps)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[-1].split()
    except OSError:
        return False
    return bool(fields) and fields[0] in (b"Z", b"X")


def _check_target(path: str) -> os.stat_result:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise ConcurrentModificationError(
            errno.ENOENT, "was deleted while it was being migrated", path
        ) from None
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeTargetError(errno.ELOOP, "is a symbolic link now (never replaced)", path)
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeTargetError(errno.EINVAL, "is not a regular file", path)
    if not stat.S_IMODE(info.st_mode) & 0o222 or not os.access(path, os.W_OK):
        raise UnsafeTargetError(errno.EACCES, "is read-only", path)
    if info.st_nlink > 1:
        raise UnsafeTargetError(
            errno.EMLINK,
            f"has {info.st_nlink} hard links (replacing it would split them)",
            path,
        )
    return info


def _check_directory(directory: str) -> None:
    """A directory with no write bit is read-only to this tool, even for root (who could
    write into it): someone made it read-only on purpose, as with a read-only file."""
    try:
        mode = os.stat(directory).st_mode
    except OSError:
        return  # creating the temporary file will say what is wrong
    if not stat.S_IMODE(mode) & 0o222 or not os.access(directory, os.W_OK):
        raise UnsafeTargetError(
            errno.EACCES,
            f"Permission denied: the directory is read-only (mode {stat.S_IMODE(mode):o}; "
            "refused even as root)",
            directory,
        )


def _write_all(handle: int, data: bytes) -> None:
    """``os.write`` until every byte is out: a short write (disk nearly full) is not an error."""
    view = memoryview(data)
    while view:
        written = os.write(handle, view)
        if written <= 0:
            raise OSError(errno.ENOSPC, "no space left on device")
        view = view[written:]


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _keep_owner(temp_path: str, info: os.stat_result) -> None:
    """A run as root must not hand a user's file to root."""
    chown = getattr(os, "chown", None)
    if chown is None:
        return
    current = os.stat(temp_path)
    if (current.st_uid, current.st_gid) == (info.st_uid, info.st_gid):
        return
    with contextlib.suppress(OSError):
        chown(temp_path, info.st_uid, info.st_gid)


def _fsync_directory(directory: str) -> None:
    """Make the rename itself durable (POSIX; a no-op where directories cannot be opened)."""
    flags = getattr(os, "O_DIRECTORY", None)
    if flags is None:
        return
    try:
        handle = os.open(directory, os.O_RDONLY | flags)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


_UMASK: list[int] = []


def _umask() -> int:
    # Reading the umask means setting it: done once per process, restored at once.
    if not _UMASK:
        mask = os.umask(0o022)
        os.umask(mask)
        _UMASK.append(mask)
    return _UMASK[0]


def _create_exclusive(path: str, data: bytes, mode: int) -> bool:
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        return False
    try:
        _write_all(handle, data)
        os.fsync(handle)
    except BaseException:
        os.close(handle)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    os.close(handle)
    return True
