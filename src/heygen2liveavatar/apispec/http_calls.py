"""How a call reads as an HTTP request, for the readers of request wrappers: the LibCST one
(``analysis/wrapper_params.py``) and the ``ast`` one of the project facts
(``engine/wrapper_facts.py``), which must agree."""

from __future__ import annotations

import re

AMBIGUOUS_VERBS = frozenset({"get", "put", "delete", "head", "options"})
"""HTTP verbs that are also methods of mappings, queues and caches (``registry.get(key)``):
such a call is a request only when :func:`reads_as_request` says so."""

REQUEST_KEYWORDS = frozenset(
    {"headers", "params", "json", "data", "timeout", "auth", "cookies", "content", "files"}
    | {"allow_redirects", "follow_redirects", "verify", "ssl", "proxies", "stream", "url"}
)
"""Keyword arguments of requests, httpx and aiohttp requests."""

_CLIENT_RECEIVER = re.compile(r"requests|httpx|aiohttp|session|client|http|api", re.IGNORECASE)
_URL_WORD = re.compile(r"url|uri|path|endpoint|route|action|resource|link", re.IGNORECASE)
_NOT_URL_BUILDERS = frozenset({"ord", "chr", "int", "len", "hash", "id", "type", "tuple", "repr"})


def reads_as_request(
    keywords: set[str], receiver: str, first_name: str | None, first_builds: str | None
) -> bool:
    """A ``get``/``put``/``delete`` call that reads as an HTTP request: a request's keyword, a
    receiver named like a client (``self.session``, ``httpx``: its dotted name), or a first
    argument named like a URL (``first_name``: ``endpoint``) or building one (``first_builds``:
    ``"f"`` for an f-string or an operation, the function's name for a call such as
    ``urljoin(...)``; ``None`` for a literal, a tuple or a subscript)."""
    if keywords & REQUEST_KEYWORDS or (receiver and _CLIENT_RECEIVER.search(receiver)):
        return True
    if first_name is not None:
        return _URL_WORD.search(first_name) is not None
    return first_builds is not None and first_builds not in _NOT_URL_BUILDERS
