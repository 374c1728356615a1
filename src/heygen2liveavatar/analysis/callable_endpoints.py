"""Endpoints declared as callable objects: ``create_session = Endpoint("/v1/streaming.new")``.

A small in-house SDK writes each endpoint once, as a module-level instance of a class whose
``__call__`` posts its keywords as the JSON body to the path the instance was made with::

    class Endpoint:
        def __init__(self, path, required=()):
            self.path = path

        def __call__(self, **body):
            resp = self.transport.post(HOST + self.path, json=body, headers=...)
            resp.raise_for_status()
            return resp.json().get("data") or {}

    create_session = Endpoint("/v1/streaming.new", required=("avatar_id",))

Other modules call ``avatar_sdk.create_session(avatar_id=..., version="v2")``. An instance
cannot hold what such a call becomes on LiveAvatar (the token call, then the session started;
a task sent as an event), so the instances whose endpoint changes shape are spelled as module
functions of the same name taking the same keywords: their callers, in whatever module, keep
working unchanged. Keep-alive and stop keep their instance (their path moves).
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..apispec import CONTROL_EVENTS
from .descriptor_endpoints import endpoint_instance, stored_path
from .index import walk_nodes
from .responses import data_key_of, without_empty_fallback

SPELLED_KEYS = frozenset({"new", "start", "task", *CONTROL_EVENTS})
"""Endpoints whose calls become something else than a request to a moved path."""


@dataclass(frozen=True)
class CallableEndpoint:
    """``name = Cls("<path>", ...)`` at module level, ``Cls`` an endpoint class of the module."""

    statement: cst.SimpleStatementLine
    name: str
    call: cst.Call
    """``Cls("<path>", ...)``: kept (with the token path) for the token call."""
    path: cst.SimpleString
    key: str
    data_part: bool
    """``__call__`` returns the envelope's ``data`` (else the whole parsed envelope)."""
    host: cst.BaseExpression | None
    """The base the path is joined to (``HOST`` in ``HOST + self.path``), if a plain name."""


@dataclass(frozen=True)
class _EndpointClass:
    path_attribute: str
    data_part: bool
    host: cst.BaseExpression | None


def callable_endpoints(module: cst.Module, request_calls: frozenset[int]) -> list[CallableEndpoint]:
    """The module-level instances of this module's endpoint classes naming an endpoint in
    :data:`SPELLED_KEYS`; ``request_calls`` are the ids of the module's HTTP request calls
    (one of them must be in the class's ``__call__``)."""
    classes = {
        statement.name.value: found
        for statement in module.body
        if isinstance(statement, cst.ClassDef)
        and (found := _endpoint_class(statement, request_calls)) is not None
    }
    if not classes:
        return []
    endpoints = []
    for statement in module.body:
        endpoint = _instance(statement, classes)
        if endpoint is not None:
            endpoints.append(endpoint)
    if endpoints:
        # An instance the module also reads as an object (``create_session.path``) stays.
        names = {endpoint.name for endpoint in endpoints}
        objects = {
            node.value.value
            for node in walk_nodes(module)
            if isinstance(node, cst.Attribute)
            and isinstance(node.value, cst.Name)
            and node.value.value in names
        }
        endpoints = [endpoint for endpoint in endpoints if endpoint.name not in objects]
    return endpoints


def _instance(
    statement: cst.BaseStatement, classes: dict[str, _EndpointClass]
) -> CallableEndpoint | None:
    found = endpoint_instance(statement, classes, SPELLED_KEYS, only_argument=False)
    if found is None:
        return None
    target, call, path, key = found
    assert isinstance(statement, cst.SimpleStatementLine) and isinstance(call.func, cst.Name)
    endpoint_class = classes[call.func.value]
    return CallableEndpoint(
        statement, target.value, call, path, key, endpoint_class.data_part, endpoint_class.host
    )


def _endpoint_class(
    class_def: cst.ClassDef, request_calls: frozenset[int]
) -> _EndpointClass | None:
    """``__init__(self, path, ...)`` keeps the path; ``__call__(self, **body)`` makes one of
    the module's requests with a URL naming ``self.<path>`` and returns the parsed response
    (its ``data`` part, or the whole envelope) on every path."""
    body = class_def.body.body if isinstance(class_def.body, cst.IndentedBlock) else ()
    methods = {s.name.value: s for s in body if isinstance(s, cst.FunctionDef)}
    init, call = methods.get("__init__"), methods.get("__call__")
    if init is None or call is None:
        return None
    stored = stored_path(init, more_parameters=True)
    params = call.params
    if (
        stored is None
        or len(params.params) != 1
        or params.posonly_params
        or params.kwonly_params
        or isinstance(params.star_arg, cst.Param)
        or not isinstance(params.star_kwarg, cst.Param)
    ):
        return None
    owner = params.params[0].name.value
    nodes = list(walk_nodes(call, into_scopes=False))
    requests = [n for n in nodes if isinstance(n, cst.Call) and id(n) in request_calls]
    urls = [_joined_host(r, owner, stored) for r in requests]
    if len(requests) != 1 or urls[0] is False:
        return None
    returns = [n.value for n in nodes if isinstance(n, cst.Return)]
    if not returns or any(value is None for value in returns):
        return None
    shapes = {_shape(value) for value in returns if value is not None}
    if len(shapes) != 1 or None in shapes:
        return None
    host = urls[0]
    return _EndpointClass(stored, shapes == {"data"}, host if isinstance(host, cst.Name) else None)


def _joined_host(request: cst.Call, owner: str, stored: str) -> cst.BaseExpression | bool | None:
    """The host of a request whose URL (its first argument) is ``<host> + self.<stored>``;
    ``None`` for another URL naming ``self.<stored>``; ``False`` for one not naming it."""
    if not request.args or request.args[0].keyword is not None:
        return False
    url = request.args[0].value
    if not any(_is_stored(node, owner, stored) for node in walk_nodes(url)):
        return False
    if (
        isinstance(url, cst.BinaryOperation)
        and isinstance(url.operator, cst.Add)
        and _is_stored(url.right, owner, stored)
    ):
        return url.left
    return None


def _is_stored(node: cst.CSTNode, owner: str, stored: str) -> bool:
    return (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value == owner
        and node.attr.value == stored
    )


def _shape(value: cst.BaseExpression) -> str | None:
    """``data`` for ``<x>.json().get("data") or {}`` / ``...["data"]``; ``envelope`` for
    ``<x>.json()``; ``None`` otherwise."""
    keyed = data_key_of(without_empty_fallback(value))
    if keyed is not None:
        return "data" if keyed[1] == "data" and _parsed(keyed[0]) else None
    return "envelope" if _parsed(value) else None


def _parsed(value: cst.BaseExpression) -> bool:
    return (
        isinstance(value, cst.Call)
        and not value.args
        and isinstance(value.func, cst.Attribute)
        and value.func.attr.value == "json"
    )


__all__ = ["SPELLED_KEYS", "CallableEndpoint", "callable_endpoints"]
