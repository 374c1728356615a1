"""Envelope checks inside a project's request wrapper that streaming calls go through.

``def _post(self, path, payload=None): resp = requests.post(f"{self.base_url}/{path}", ...);
body = resp.json(); if body.get("code") not in (100, None): raise HeyGenError(...)``: the
request in the wrapper has no streaming URL of its own (its path is the caller's), so the
response tracker does not follow it, yet every migrated streaming call is checked there. This
module tells which functions of the module are such wrappers and, for a value read in one,
the response object it was parsed from and the client that sent it.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from .http import RequestSite
from .index import Context, ModuleIndex, dotted_name
from .responses import ResponseTracker
from .wrapper_params import HTTP_CALLEE_NAMES, wrapper_definition

_CLIENTS = ("requests", "httpx", "aiohttp")


def streaming_wrappers(index: ModuleIndex, streaming: list[RequestSite]) -> set[int]:
    """``id`` of each function of this module that a streaming request is a call of."""
    found: set[int] = set()
    for request in streaming:
        if request.client != "wrapper":
            continue
        definition = wrapper_definition(index, request.node)
        if definition is not None:
            found.add(id(definition))
    return found


@dataclass(frozen=True)
class WrapperResponse:
    """The response a value in a wrapper was parsed from."""

    handle: cst.Name | None
    """The name holding the response object (``resp``); ``None`` when the call's result is
    parsed at once (``requests.post(...).json()``): no status to test."""
    client: str | None
    """``requests``, ``httpx`` or ``aiohttp`` when the sending call is theirs."""


def wrapper_response(
    tracker: ResponseTracker, value: cst.BaseExpression, context: Context
) -> WrapperResponse | None:
    """For ``body`` (one assignment in this function, ``body = resp.json()``) or a parse
    itself: the response object and its client; ``None`` when ``value`` is not parsed from a
    request sent here."""
    parsed = _single_value(value, context) if type(value) is cst.Name else value
    if isinstance(parsed, cst.Await):
        parsed = parsed.expression
    if (
        not isinstance(parsed, cst.Call)
        or not isinstance(parsed.func, cst.Attribute)
        or parsed.func.attr.value != "json"
    ):
        return None
    receiver = parsed.func.value
    handle = receiver if type(receiver) is cst.Name else None
    sent = _single_value(receiver, context) if handle is not None else receiver
    if isinstance(sent, cst.Await):
        sent = sent.expression
    if not isinstance(sent, cst.Call):
        return None
    name = dotted_name(sent.func) or ""
    if name.split(".")[-1] not in HTTP_CALLEE_NAMES:
        return None
    qualified = tracker.index.qualified_name(name) or ""
    client = next((c for c in _CLIENTS if qualified.startswith(c + ".")), None)
    if client is None and isinstance(sent.func, cst.Attribute):
        # ``self._http.request(...)`` on a ``requests.Session()`` made in ``__init__``
        client = tracker.library_of(sent.func.value, context) or _default_library(
            tracker, sent.func.value, context
        )
    return WrapperResponse(handle, client)


def _default_library(
    tracker: ResponseTracker, receiver: cst.BaseExpression, context: Context
) -> str | None:
    """``self._http = http or httpx.Client(...)``: an injected client, else the library's; the
    default names the library the code is written for."""
    for value in tracker.bound_values(receiver, context):
        if isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or):
            for operand in (value.left, value.right):
                if isinstance(operand, cst.Call):
                    qualified = tracker.index.qualified_name(dotted_name(operand.func)) or ""
                    root = qualified.split(".")[0]
                    if root in _CLIENTS:
                        return root
    return None


def _single_value(name: cst.BaseExpression, context: Context) -> cst.BaseExpression | None:
    if type(name) is not cst.Name:
        return None
    values = context.scope.assignments.get(name.value)
    return values[0] if values is not None and len(values) == 1 else None


__all__ = ["WrapperResponse", "streaming_wrappers", "wrapper_response"]
