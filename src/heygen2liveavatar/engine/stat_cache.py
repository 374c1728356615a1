"""A stat-keyed cache of what each file of a project contributed to a partial run.

A pre-commit hook run on one staged file reads the facts of the whole project (the contract),
which means reading every other file to learn that it has no HeyGen usage and which names it
imports. This cache keeps that answer per file, keyed by the file's ``(size, mtime_ns,
ctime_ns, inode)``, so that an unchanged file costs one ``stat`` instead of a read and two
regular expressions (like git's index and ruff's cache).

A file modified within :data:`RACY_SECONDS` of the moment the cache was written is "racily
clean" (git's term): a later edit in the same timestamp tick would keep its stat, so such an
entry is never trusted and the file is read again. Candidates (files that may use HeyGen)
and dependency manifests are always read: their facts come from the content-keyed
:mod:`.facts_cache`, and the run may migrate them.

Like the facts cache it lives under ``cache_root()`` (XDG), one file per project root
(``marshal`` behind a CRC-32); it never makes a run fail: a missing, corrupt or foreign
file is ignored, a cache that cannot be written is simply not written.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
import time
import zlib
from array import array
from collections.abc import Iterable

from .._version import __version__
from .facts_cache import cache_root
from .walk import DirectoryListings

# 3: each file's imported names packed in one bytes; 4: imported names no longer read past an
# unparenthesised import (the project scan's pattern was fixed).
FORMAT = 4
RACY_SECONDS = 2
"""Entries of files modified this close to the cache write are re-read (see above)."""
_RACY_NS = RACY_SECONDS * 1_000_000_000

Signature = tuple[int, int, int, int]
"""``(size, mtime_ns, ctime_ns, inode)`` of a file."""

_NUMBERS = next(code for code in "ILQ" if array(code).itemsize >= 4)
"""The ``array`` type of a file's name numbers, packed in one ``bytes`` per entry: loading
20,000 entries then makes 20,000 objects, not one ``int`` per imported name (format 2
stored them as a tuple: half of the load). Saved with the cache: another machine's
layout is foreign."""


def signature(stat: os.stat_result) -> Signature:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


class StatCache:
    """The files without HeyGen usage of one project root, by real path: each one's
    signature followed by the indices of the names it imports in a table shared by all
    (the same few names recur in thousands of files; only their union is ever needed),
    packed as one ``array`` of :data:`_NUMBERS`."""

    def __init__(self, root: str, directory: str | None = None) -> None:
        base = directory or os.path.join(cache_root(), f"v{__version__}-s{FORMAT}", "stat")
        key = hashlib.blake2b(os.path.realpath(root).encode("utf-8", "surrogateescape"))
        self.path = os.path.join(base, key.hexdigest()[:32] + ".marshal")
        self.written_ns = 0
        self.names: list[bytes] = []
        self.entries: dict[str, tuple[int, int, int, int, bytes]] = {}
        self.fresh: dict[str, tuple[int, int, int, int, bytes]] = {}
        self.changed = False
        self.listings = DirectoryListings()
        self._load()
        self._trusted_before_ns = self.written_ns - _RACY_NS
        self._numbers: dict[bytes, int] | None = None  # name -> index, once a file is read

    def _load(self) -> None:
        try:
            with open(self.path, "rb") as handle:
                blob = handle.read()
            check, payload = blob[:4], blob[4:]
            if zlib.crc32(payload).to_bytes(4, "little") != check:
                return
            gc_was_enabled = gc.isenabled()
            gc.disable()  # tens of thousands of tuples and no cycle: a collection is waste
            try:
                layout, written_ns, names, entries, listings = marshal.loads(payload)
            finally:
                if gc_was_enabled:
                    gc.enable()
            if (
                layout == _NUMBERS
                and isinstance(written_ns, int)
                and isinstance(names, list)
                and isinstance(entries, dict)
                and isinstance(listings, dict)
            ):
                self.written_ns, self.names, self.entries = written_ns, names, entries
                self.listings = DirectoryListings(listings, written_ns, _RACY_NS)
        except (OSError, ValueError, EOFError, TypeError):  # also a payload of another shape
            pass  # absent, unreadable or damaged: every file is read

    def unchanged(self, real: str) -> os.stat_result | None:
        """``None`` when the file is known to have no HeyGen usage (its imported names are
        then part of :meth:`imported_names`); else its stat, for :meth:`remember` once it is
        read (unknown, changed or racily clean). Raises ``OSError`` when it cannot be stat'ed.
        Called for every file of the project: kept to one ``stat`` and a tuple comparison."""
        status = os.stat(real)
        entry = self.entries.get(real)
        if (
            entry is None
            or entry[:4] != (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
            or entry[1] >= self._trusted_before_ns
        ):
            return status  # unknown, changed, or racily clean (an edit in the same tick)
        self.fresh[real] = entry
        return None

    def imported_names(self) -> set[bytes]:
        """The names imported by the files :meth:`unchanged` answered (and those remembered)."""
        if not self.changed and len(self.fresh) == len(self.entries):
            # Every entry answered, none added: the table is their union (:meth:`save`
            # writes no other name), the usual hook run on an unchanged project.
            return set(self.names)
        try:
            return {self.names[number] for number in self._used_numbers()}
        except (IndexError, TypeError, ValueError):
            return set()  # a damaged table: names are only a hint for the rules' facts

    def _used_numbers(self) -> set[int]:
        """The numbers of the names imported by the files met in this run: one array of
        every file's numbers, joined in C, then one set of it."""
        return set(array(_NUMBERS, b"".join(entry[4] for entry in self.fresh.values())))

    def remember(self, real: str, stat: os.stat_result, names: Iterable[bytes]) -> None:
        """Record a file just read and found to have no HeyGen usage."""
        if self._numbers is None:
            self._numbers = {name: number for number, name in enumerate(self.names)}
        numbers = []
        for name in names:
            number = self._numbers.get(name)
            if number is None:
                number = self._numbers[name] = len(self.names)
                self.names.append(name)
            numbers.append(number)
        self.fresh[real] = (*signature(stat), array(_NUMBERS, numbers).tobytes())
        self.changed = True

    def save(self) -> None:
        """Write the entries met in this run (files gone since are dropped), if any changed."""
        listings = self.listings
        if (
            not self.changed
            and len(self.fresh) == len(self.entries)
            and not listings.changed
            and len(listings.fresh) == len(listings.known)
        ):
            return
        names, fresh = self._compacted()
        payload = marshal.dumps((_NUMBERS, time.time_ns(), names, fresh, listings.fresh))
        blob = zlib.crc32(payload).to_bytes(4, "little") + payload
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as handle:
                handle.write(blob)
            os.replace(temporary, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def _compacted(self) -> tuple[list[bytes], dict[str, tuple[int, int, int, int, bytes]]]:
        """The names table and entries to write: only the names some entry imports, so that
        the table is the union :meth:`imported_names` needs when every entry is unchanged."""
        try:
            used = sorted(self._used_numbers())
            if used == list(range(len(self.names))):
                return self.names, self.fresh
            renumbered = {old: new for new, old in enumerate(used)}
            fresh = {
                path: (
                    *entry[:4],
                    array(_NUMBERS, [renumbered[n] for n in array(_NUMBERS, entry[4])]).tobytes(),
                )
                for path, entry in self.fresh.items()
            }
            return [self.names[old] for old in used], fresh
        except (IndexError, TypeError, ValueError):
            return [], {}  # a damaged table: start afresh


__all__ = ["RACY_SECONDS", "StatCache", "signature"]
