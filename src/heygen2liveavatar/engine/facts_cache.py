"""A cache of the per-file ``ast`` facts (``project_facts.file_facts``), by content hash.

Every run reads the facts of the whole project, also a pre-commit run on one staged file;
the files that did not change since the last run are not parsed again. Like ruff's cache,
it is safe to delete at any time, and it never makes a run fail: an entry that cannot be
read or decoded is read from the source again, a cache directory that cannot be written is
simply not written.

Location (XDG base directories): ``$HEYGEN2LIVEAVATAR_CACHE_DIR`` when set, else
``$XDG_CACHE_HOME/heygen2liveavatar``, else ``~/.cache/heygen2liveavatar``; one
subdirectory per tool version (a new version reads files afresh). ``HEYGEN2LIVEAVATAR_NO_CACHE``
set to a non-empty value other than ``0`` disables it (so does ``--no-cache``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os

from .._version import __version__
from .project_facts import FileFacts

CACHE_DIR_VARIABLE = "HEYGEN2LIVEAVATAR_CACHE_DIR"
NO_CACHE_VARIABLE = "HEYGEN2LIVEAVATAR_NO_CACHE"
FORMAT = 68
"""Bumped when the facts read from a file change shape or meaning (2: the byte patterns'
results are kept too, not only the ``ast`` facts; 3: provider-switch choices and settings
key fields too; 4: a task type chosen at run time counts as sending chat; 5: transport classes
of their own among the JSON clients, and which of their methods return the `data` part; 6: the
parameters a session opener sends as asset ids; 7: a wrapper's body taken from its caller's
keywords, and wrapper parameters that are keys of an endpoint table; 8: imported names no
longer read past an unparenthesised import; 9: options read from a config parser; 10: a
private ``_request`` counts among a client class's JSON methods; 11: a wrapper sending by
``getattr(client, method)(url)`` has URL and method parameters; 12: the module's nesting
depth, so that the engine does not parse a candidate again to measure it; 14: a dispatch
helper's action parameter by name, and calls naming an action by keyword; a wrapper's URL
template for its callers in other modules, and no knowledge-base fact: a session's context is
decided by its own body; a task type chosen at run time counts as chat only when its closure's
callers may pass chat or talk; 15: module string constants, for an opener's caller passing one
of another module; 16: the models a ``streaming.new`` request names as its ``response_type``; 17: also those
its ``_response_types_map`` names, and a method's that leaves the path to a serialiser; 18: the
exception class of its module a request wrapper raises; 19: ``functools.partialmethod`` aliases of
request wrappers and of a client class's JSON methods, and methods returning what a JSON helper
of their class returns; no session opener returns what a ``TypeAdapter`` validated; 20: whether a
module-level wrapper's module splits it into a LiveAvatar sibling; 21: a wrapper's headers
parameter; 22: keys read from parsed TOML; 23, 24: the functions that fetch a create_token
token, and the calls a Bearer value of a module without create_token calls is made of; 25:
HeyGen key names the code stores a value under, and INI options read from a PasteDeploy app's
settings; 26: the kinds of paths a request wrapper is called with, in its module and in the
modules importing it; 27: a function's local named like a new-URL constant of another
function no longer makes it a session opener; 28: the methods of a module-level client instance
(``heygen.post``) and the calls of imported instances' methods; 29: request functions' optional
token parameters; 30: the module's top-level statements as the reduction reads them,
``engine.reduction``; 31: class attributes holding a streaming URL, ``path = "/v1/streaming.new"``; 32: a function
returning an object built from keywords only, ``Room(url=data["url"], ...)``, is no opener; 42: a class
attribute named like a HeyGen key, ``class Config: HEYGEN_API_KEY = ...``, is a config key of
the code; 44: token getters and ``Bearer`` senders reaching create_token or ``streaming.new``
through URL constants imported from another module: ``imported_token_getters``,
``imported_bearer_calls``, ``url_reads``; 43: the environment variables naming an avatar the
code reads, ``avatar_env_names``; 45: the reduction's units carry a class's method
names and data statements may be left out; 46: 42 and 45; 47: an assignment's value passes on
only the names it does not call or read through, ``json.loads(r.text)`` not ``json``; 48: 42 to
47; 49: 42 to 47 and 43; 50: the tool's own markers are not read as a function's code; 51: the
settings a split wrapper of another module reads, ``split_wrapper_settings``; 52: 49 to 51;
53: the reduction's layout kept as JSON text, decoded where its file is migrated; 63: transport
wrappers returning the response's ``data``, ``data_helpers``; 62: a base ending in the streaming
prefix completed by an action (``f"{HEYGEN}.{action}"``) counts as streaming usage; 61: the
reduction's units read raw WebRTC response fields, ``ice_servers``/``sdp``, as session data; 64: a
URL constant built on another, ``KB_DELETE = KB_ITEM + "/delete"``, is a URL constant too; 68:
53 and 61 to 64)."""


def cache_root() -> str:
    """The cache directory for all versions (what a user deletes to clear it)."""
    override = os.environ.get(CACHE_DIR_VARIABLE)
    if override:
        return override
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):  # the spec: relative values are ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "heygen2liveavatar")


def cache_disabled() -> bool:
    value = os.environ.get(NO_CACHE_VARIABLE, "")
    return bool(value) and value != "0"


class FactsCache:
    """One small JSON file per content hash (``<2 hex>/<rest>.json``): concurrent runs and
    pre-commit's parallel invocations only ever add whole files (written aside, then renamed)."""

    def __init__(self, root: str | None = None) -> None:
        self.directory = os.path.join(root or cache_root(), f"v{__version__}-f{FORMAT}", "facts")
        self.writable = True
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(data: bytes, digest: bytes | None = None, python: bool = True) -> str:
        # A notebook's facts are read without telling comments from code (``python``).
        hexed = (digest or hashlib.blake2b(data, digest_size=16).digest()).hex()
        return hexed if python else hexed + "-notebook"

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key[2:] + ".json")

    def get(
        self, data: bytes, digest: bytes | None = None, python: bool = True
    ) -> FileFacts | None:
        try:
            with open(self._path(self.key(data, digest, python)), "rb") as handle:
                found = FileFacts.from_json(json.loads(handle.read()))
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            self.misses += 1
            return None  # absent, unreadable or damaged: read from the source
        self.hits += 1
        return found

    def put(self, data: bytes, digest: bytes | None, facts: FileFacts, python: bool = True) -> None:
        if not self.writable:
            return
        path = self._path(self.key(data, digest, python))
        temporary = f"{path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(temporary, "w", encoding="utf-8") as handle:
                json.dump(facts.to_json(), handle, separators=(",", ":"))
            os.replace(temporary, path)
        except (OSError, ValueError):
            # Read-only home, full disk, a file where a directory should be: run uncached.
            self.writable = False
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def default_cache(enabled: bool = True) -> FactsCache | None:
    """The cache a run uses (``None`` when disabled)."""
    if not enabled or cache_disabled():
        return None
    return FactsCache()


__all__ = ["FactsCache", "cache_disabled", "cache_root", "default_cache"]
