"""Streaming paths HeyGen never documented: ``/v1/streaming.task.result/{task_id}``.

Real code calls endpoints found in a browser's network tab beside the documented ones. They
have no LiveAvatar path, and left as they are they end up half migrated without a word: on the
HeyGen host the request still goes to the retired API, on a base the migration moved to
LiveAvatar it asks LiveAvatar for a path it never had. Only URL-shaped strings count (starting
with ``/`` or ``http``, a part of an f-string included); log text and docstrings do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..apispec import find_endpoints
from .index import ModuleIndex, StringSite

_VERSIONED_STREAMING_PATH = re.compile(r"/v[12]/streaming[./][A-Za-z_][\w.\-/{}]*")


def unknown_streaming_paths(index: ModuleIndex) -> Iterator[tuple[StringSite, str]]:
    """URL strings naming a ``/v1/streaming.*`` path that is no HeyGen streaming endpoint,
    with the path as written."""
    for site in index.strings:
        if site.is_docstring:
            continue
        text = site.value.lstrip()
        if not text.startswith(("/", "http")):
            continue
        known: set[int] | None = None
        for match in _VERSIONED_STREAMING_PATH.finditer(site.value):
            known = known if known is not None else {m.start for m in find_endpoints(site.value)}
            if match.start() not in known:
                yield site, match.group(0).rstrip("/")
                break
