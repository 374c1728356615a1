"""Responses handed whole to a checking helper of the module that returns its own kind of value.

Code that keeps errors as values checks every HTTP response in one helper::

    def _check(r):
        if r.is_error:
            return Err(r.text[:200], r.status_code)
        body = r.json()
        if body.get("code", 100) != 100:
            return Err(body.get("message") or "unknown error", r.status_code)
        return Ok(body.get("data") or {})

    def create_session(http, avatar_id):
        r = http.post("/v1/streaming.new", json={...})
        return _check(r)

The helper parses the response itself and wraps what it read, so no code of the caller holds
the parsed token response to start the session with, and the helper cannot be given an event id
where it expects a response. What the caller can be given instead is a response object: the
token response with its session started (its ``json()`` the merged result), or HeyGen's answer
to a task made up for the event that replaced it. :func:`checked_response` finds the request
calls whose response only such helpers see.
"""

from __future__ import annotations

import libcst as cst

from ..apispec.events import RESPONSE_PARSERS
from .index import Context, ModuleIndex, walk_nodes
from .response_uses import assigned_name


def response_checker(index: ModuleIndex, call: cst.CSTNode | None) -> cst.FunctionDef | None:
    """The module-level function ``call`` calls by name (``_check(r)``), when it is the one
    of that name, not a coroutine, and parses its first parameter (``r.json()``)."""
    if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Name) or not call.args:
        return None
    first = call.args[0]
    if first.keyword is not None or first.star:
        return None
    name = call.func.value
    functions = [
        s for s in index.module.body if isinstance(s, cst.FunctionDef) and s.name.value == name
    ]
    if len(functions) != 1 or functions[0].asynchronous is not None:
        return None
    function = functions[0]
    params = function.params.params
    if not params:
        return None
    parameter = params[0].name.value
    for node in walk_nodes(function.body, into_scopes=False):
        if (
            isinstance(node, cst.Call)
            and not node.args
            and isinstance(node.func, cst.Attribute)
            and node.func.attr.value in RESPONSE_PARSERS
            and isinstance(node.func.value, cst.Name)
            and node.func.value.value == parameter
        ):
            return function
    return None


def checked_response(index: ModuleIndex, request: cst.Call, context: Context) -> bool:
    """Does only :func:`response_checker` helpers see the response of ``request``: passed
    straight to one (``_check(http.post(...))``), or bound to a name whose every read in its
    function is the first argument of one (``r = http.post(...)`` ... ``return _check(r)``)?
    Not in a coroutine (an awaited response parses with an awaited ``json()``)."""
    if context.function is None or context.function.asynchronous is not None:
        return False
    parent = index.parent_of(request)
    if isinstance(parent, cst.Arg):
        call = index.parent_of(parent)
        return (
            isinstance(call, cst.Call)
            and call.args[0] is parent
            and response_checker(index, call) is not None
        )
    name = assigned_name(parent, request)
    if name is None:
        return False
    checked = stored = reads = 0
    for node in walk_nodes(context.function.body, into_scopes=False):
        if isinstance(node, cst.Name) and node.value == name:
            parent = index.parent_of(node)
            if isinstance(parent, cst.AssignTarget):
                stored += 1
            elif not (
                (isinstance(parent, cst.Attribute) and parent.attr is node)
                or (isinstance(parent, cst.Arg) and parent.keyword is node)
            ):
                reads += 1
        elif isinstance(node, cst.Call) and node.args:
            argument = node.args[0].value
            if (
                isinstance(argument, cst.Name)
                and argument.value == name
                and response_checker(index, node) is not None
            ):
                checked += 1
    return stored == 1 and checked > 0 and reads == checked


__all__ = ["checked_response", "response_checker"]
