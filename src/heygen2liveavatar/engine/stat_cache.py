"""A stat-keyed cache of what each file of a project contributed to a partial or whole run.

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

A whole-project run reads every file anyway (it may migrate any of them), but the facts it
keeps of a file without HeyGen usage come from this cache too, in a file of its own (keyed by
the run's paths, not a project root): its imported names, and the names it calls with a
literal argument (:func:`.walk.quoted_call_names`), which tell after the scan, without a
second read, that it cannot pass a literal to any of the project's session openers (the
literal-id and dispatch-caller admission, ``runner._admit_project_callers``).

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
import struct
import time
import zlib
from array import array
from collections.abc import Iterable

from .._version import __version__
from .facts_cache import cache_root
from .walk import DirectoryListings

# 3: each file's imported names packed in one bytes; 4: imported names no longer read past an
# unparenthesised import (the project scan's pattern was fixed); 5: the names a file calls
# with a literal argument (or ``None``: not read yet), the signature packed in one bytes; 6: a
# file calling a dispatch helper with a literal action (``gw.call("new", body)``) is no entry;
# 64 (a number of its own, not 7, for branches merged together): a notebook's imported names
# are its code cells'.
FORMAT = 64
RACY_SECONDS = 2
"""Entries of files modified this close to the cache write are re-read (see above)."""
_RACY_NS = RACY_SECONDS * 1_000_000_000

_SIGNATURE = struct.Struct("<QqqQ")
"""``(size, mtime_ns, ctime_ns, inode)`` of a file, packed: one small ``bytes`` per file
instead of four ``int`` objects (a whole run holds one per file of its tree)."""

_NUMBERS = next(code for code in "ILQ" if array(code).itemsize >= 4)
"""The ``array`` type of a file's name numbers, packed in one ``bytes`` per entry: loading
20,000 entries then makes 20,000 objects, not one ``int`` per imported name (format 2
stored them as a tuple: half of the load). Saved with the cache: another machine's
layout is foreign."""


def signature(stat: os.stat_result) -> bytes:
    return _SIGNATURE.pack(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


Entry = tuple[bytes, bytes, "bytes | None"]
"""A file's :func:`signature`, the numbers of the names it imports, and those of the names it
calls with a literal argument (``None``: not read yet), both packed as an ``array`` of
:data:`_NUMBERS`."""


class _NameTable:
    """Names numbered in the order first met: an entry holds numbers, not names."""

    def __init__(self, names: list[bytes] | None = None) -> None:
        self.names: list[bytes] = names if names is not None else []
        self._numbers: dict[bytes, int] | None = None  # name -> number, once one is packed

    def numbers(self) -> dict[bytes, int]:
        if self._numbers is None:
            self._numbers = {name: number for number, name in enumerate(self.names)}
        return self._numbers

    def packed(self, names: Iterable[bytes]) -> bytes:
        table = self.numbers()
        numbers = []
        for name in names:
            number = table.get(name)
            if number is None:
                number = table[name] = len(self.names)
                self.names.append(name)
            numbers.append(number)
        return array(_NUMBERS, numbers).tobytes()

    def used(self, packs: Iterable[bytes]) -> set[int]:
        """The numbers in ``packs``: one array of them all, joined in C, then one set."""
        return set(array(_NUMBERS, b"".join(packs)))

    def compacted(self, packs: list[bytes]) -> tuple[list[bytes], list[bytes]]:
        """Only the names some pack holds, and the packs renumbered for that table."""
        used = sorted(self.used(packs))
        if used == list(range(len(self.names))):
            return self.names, packs
        renumbered = {old: new for new, old in enumerate(used)}
        return [self.names[old] for old in used], [
            array(_NUMBERS, [renumbered[n] for n in array(_NUMBERS, pack)]).tobytes()
            for pack in packs
        ]


class StatCache:
    """The files without HeyGen usage of one project root (or one whole run's paths), by
    real path: each one's :data:`Entry`, its names numbered in two tables shared by all,
    the imported ones and the called ones (the same few names recur in thousands of files;
    only the union of the imported ones is ever needed)."""

    def __init__(
        self, root: str, directory: str | None = None, whole_run: tuple[str, ...] = ()
    ) -> None:
        base = directory or os.path.join(cache_root(), f"v{__version__}-s{FORMAT}", "stat")
        if whole_run:
            # The files a whole run over these paths walks: never confused with a project
            # root's cache, whose partial runs also keep its directory listings.
            spelled = "\0".join(["whole run", *sorted(os.path.realpath(p) for p in whole_run)])
        else:
            spelled = os.path.realpath(root)
        key = hashlib.blake2b(spelled.encode("utf-8", "surrogateescape"))
        self.path = os.path.join(base, key.hexdigest()[:32] + ".marshal")
        self.written_ns = 0
        self.imported = _NameTable()
        self.called = _NameTable()
        self.entries: dict[str, Entry] = {}
        self.fresh: dict[str, Entry] = {}
        self.changed = False
        self.listings = DirectoryListings()
        self._load()
        self._trusted_before_ns = self.written_ns - _RACY_NS

    @property
    def names(self) -> list[bytes]:
        """The imported names' table."""
        return self.imported.names

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
                layout, written_ns, imported, called, entries, listings = marshal.loads(payload)
            finally:
                if gc_was_enabled:
                    gc.enable()
            if (
                layout == _NUMBERS
                and isinstance(written_ns, int)
                and isinstance(imported, list)
                and isinstance(called, list)
                and isinstance(entries, dict)
                and isinstance(listings, dict)
            ):
                self.written_ns, self.entries = written_ns, entries
                self.imported, self.called = _NameTable(imported), _NameTable(called)
                self.listings = DirectoryListings(listings, written_ns, _RACY_NS)
        except (OSError, ValueError, EOFError, TypeError):  # also a payload of another shape
            pass  # absent, unreadable or damaged: every file is read

    def unchanged(self, real: str) -> os.stat_result | None:
        """``None`` when the file is known to have no HeyGen usage (its imported names are
        then part of :meth:`imported_names`); else its stat, for :meth:`remember` once it is
        read (unknown, changed or racily clean). Raises ``OSError`` when it cannot be stat'ed.
        Called for every file of the project: kept to one ``stat`` and a tuple comparison."""
        status = os.stat(real)
        # :meth:`known` spelled out: two calls fewer for each of a large project's files.
        entry = self.entries.get(real)
        if (
            entry is None
            or status.st_mtime_ns >= self._trusted_before_ns
            or entry[0]
            != _SIGNATURE.pack(
                status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino
            )
        ):
            return status
        self.fresh[real] = entry
        return None

    def known(self, real: str, status: os.stat_result) -> Entry | None:
        """The entry of a file whose stat is ``status`` (taken when it was read), or ``None``
        when it is unknown, changed or racily clean (an edit in the same tick); a known
        entry is kept for this run's :meth:`save` and :meth:`imported_names`."""
        entry = self.entries.get(real)
        if (
            entry is None
            or entry[0] != signature(status)
            or status.st_mtime_ns >= self._trusted_before_ns
        ):
            return None
        self.fresh[real] = entry
        return entry

    def imported_names(self) -> set[bytes]:
        """The names imported by the files :meth:`unchanged` answered (and those remembered)."""
        names = self.imported.names
        if not self.changed and len(self.fresh) == len(self.entries):
            # Every entry answered, none added: the table is their union (:meth:`save`
            # writes no other name), the usual hook run on an unchanged project.
            return set(names)
        try:
            packs = [entry[1] for entry in self.fresh.values()]
            return {names[number] for number in self.imported.used(packs)}
        except (IndexError, TypeError, ValueError):
            return set()  # a damaged table: names are only a hint for the rules' facts

    def called_numbers(self, names: Iterable[bytes]) -> set[int]:
        """The numbers of those of ``names`` that some entry calls (none calls the others)."""
        table = self.called.numbers()
        return {table[name] for name in names if name in table}

    def imported_numbers(self, names: Iterable[bytes]) -> set[int]:
        """The numbers of those of ``names`` that some entry imports."""
        table = self.imported.numbers()
        return {table[name] for name in names if name in table}

    @staticmethod
    def imports_any(entry: Entry, numbers: set[int]) -> bool:
        """Whether the entry's file imports one of the numbered names (or reads it as an
        upper-case attribute: :func:`.project_facts.imported_name_bytes`)."""
        return bool(numbers) and not numbers.isdisjoint(array(_NUMBERS, entry[1]))

    @staticmethod
    def calls_any(entry: Entry, numbers: set[int]) -> bool | None:
        """Whether the entry's file calls one of the numbered names with a literal argument
        (``None``: not known, the file must be read)."""
        called = entry[2]
        if called is None:
            return None
        return bool(numbers) and not numbers.isdisjoint(array(_NUMBERS, called))

    def note_calls(self, real: str, called: Iterable[bytes]) -> None:
        """Complete the entry of a file met in this run with the names it calls with a
        literal argument (read for the literal-id admission)."""
        entry = self.fresh.get(real)
        if entry is not None and entry[2] is None:
            self.fresh[real] = (entry[0], entry[1], self.called.packed(called))
            self.changed = True

    def remember(
        self,
        real: str,
        stat: os.stat_result,
        names: Iterable[bytes],
        called: Iterable[bytes] | None = None,
    ) -> None:
        """Record a file just read and found to have no HeyGen usage: the names it imports
        and, when read, those it calls with a literal argument."""
        calls = None if called is None else self.called.packed(called)
        self.fresh[real] = (signature(stat), self.imported.packed(names), calls)
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
        try:
            imported, called, fresh = self._compacted()
        except (IndexError, TypeError, ValueError):
            imported, called, fresh = [], [], {}  # a damaged table: start afresh
        payload = marshal.dumps((_NUMBERS, time.time_ns(), imported, called, fresh, listings.fresh))
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as handle:
                handle.write(zlib.crc32(payload).to_bytes(4, "little"))
                handle.write(payload)  # (not joined first: a copy of megabytes)
            os.replace(temporary, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def _compacted(self) -> tuple[list[bytes], list[bytes], dict[str, Entry]]:
        """The name tables and entries to write: only the names some entry holds, so that the
        imported table is the union :meth:`imported_names` needs when every entry is
        unchanged."""
        entries = list(self.fresh.values())
        import_packs = [entry[1] for entry in entries]
        imported, imports = self.imported.compacted(import_packs)
        known = [at for at, entry in enumerate(entries) if entry[2] is not None]
        call_packs = [entries[at][2] or b"" for at in known]
        called, calls = self.called.compacted(call_packs)
        if imports is import_packs and calls is call_packs:
            return imported, called, self.fresh  # every name used: nothing to renumber
        paths = list(self.fresh)
        renumbered_calls: dict[int, bytes] = dict(zip(known, calls))
        fresh = {
            path: (entry[0], imports[at], renumbered_calls.get(at))
            for at, (path, entry) in enumerate(zip(paths, entries))
        }
        return imported, called, fresh


__all__ = ["RACY_SECONDS", "StatCache", "signature"]
