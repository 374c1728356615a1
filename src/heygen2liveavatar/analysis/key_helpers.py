"""A module's headers helper serving streaming and HeyGen's other APIs with one key.

``def _auth(): return {"Authorization": "Bearer " + os.environ["HEYGEN_API_KEY"], ...}``
called as ``headers=_auth()`` by the streaming requests and by a voice list or video request
of the same module: the other APIs must keep the HeyGen key, the streaming requests need
LiveAvatar's. An engineer adds a sibling helper for the streaming requests (``_liveavatar_auth()``:
the same headers, LiveAvatar's key in place of HeyGen's) and leaves the helper to the rest.
This module finds whether that split is safe; H2L402 makes it.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from .http import RequestSite
from .index import ModuleIndex, StringSite
from .shared_clients import liveavatar_name


@dataclass(frozen=True)
class KeyHelperSplit:
    """The helper, its LiveAvatar sibling's name, and the streaming calls that move to it."""

    helper: cst.FunctionDef
    new_name: str
    streaming_calls: tuple[cst.Call, ...]
    """The streaming requests' ``helper()`` calls still to move (none on a second run)."""
    sibling_exists: bool
    """The sibling is there already (a first run, or written by hand)."""


def _helper_call(request: RequestSite) -> cst.Call | None:
    """``headers=_auth()``: the argument-less call of a module function."""
    if request.headers is None:
        return None
    value = request.headers.value
    if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and not value.args:
        return value
    return None


def key_helper_split(
    index: ModuleIndex, site: StringSite, requests: list[RequestSite]
) -> KeyHelperSplit | None:
    """The split of the module-level helper that reads the HeyGen key at ``site``, when every
    migrated streaming request and at least one request to HeyGen's other APIs send its
    headers (``headers=helper()``)."""
    helper = site.context.function
    if not isinstance(helper, cst.FunctionDef) or site.context.class_def is not None:
        return None
    if index.parent_of(helper) is not index.module:
        return None
    name = helper.name.value

    new_name = liveavatar_name(name)

    def calls_helper(request: RequestSite, names: tuple[str, ...]) -> cst.Call | None:
        call = _helper_call(request)
        if call is None or not isinstance(call.func, cst.Name) or call.func.value not in names:
            return None
        return call

    streaming = [
        r
        for r in requests
        if r.is_streaming and r.endpoint is not None and r.endpoint.liveavatar_path is not None
    ]
    if not any(calls_helper(r, (name,)) is not None for r in requests if r.is_other_heygen_api):
        return None
    if any(isinstance(s, cst.FunctionDef) and s.name.value == new_name for s in index.module.body):
        # Split by a first run (its LiveAvatar requests are no streaming requests any more),
        # unless a streaming request still sends the HeyGen helper's headers.
        if any(calls_helper(r, (name,)) is not None for r in streaming):
            return None
        return KeyHelperSplit(helper, new_name, (), True)
    if new_name in index.module_scope.assignments:
        return None  # the name is taken by something else
    calls = [calls_helper(r, (name,)) for r in streaming]
    if not streaming or any(call is None for call in calls):
        return None
    return KeyHelperSplit(helper, new_name, tuple(c for c in calls if c is not None), False)


__all__ = ["KeyHelperSplit", "key_helper_split"]
