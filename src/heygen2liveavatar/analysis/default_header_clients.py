"""Streaming requests authenticated by a client's default headers, the client shared with
HeyGen's other APIs.

``http = requests.Session()`` then ``http.headers.update({"x-api-key": HEYGEN_KEY})`` (or the
key in the constructor's ``headers=``, or ``self.http.headers["X-Api-Key"] = key``) serving
``/v2/voices`` and ``/v1/streaming.new`` alike: once the streaming URLs are on LiveAvatar's
base, the migrated streaming requests still carry the HeyGen key. Each of them gets a
``headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}`` of its own, which requests, httpx
and aiohttp merge over the client's defaults without regard to case; the client and its
HeyGen key keep serving the other APIs. A default ``Authorization: Bearer <key>`` is removed
per request only by requests (``"Authorization": None``); on other clients this module says
no, and H2L402 marks the key as before.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..apispec import LIVEAVATAR_API_KEY_NAME
from .http import CLIENT_CONSTRUCTORS, RequestSite
from .index import ModuleIndex, dotted_name, string_value, walk_nodes

_KEY_HEADERS = frozenset({"x-api-key", "authorization"})


@dataclass(frozen=True)
class DefaultKeyRequest:
    request: RequestSite
    bearer_default: bool
    """The client's defaults hold ``Authorization`` (the key as ``Bearer``): only H2L403,
    making it ``X-API-KEY``, lets the request's own key header replace it."""


def _receiver(request: RequestSite) -> str | None:
    func = request.node.func
    if not isinstance(func, cst.Attribute):
        return None
    name = dotted_name(func.value)
    if (
        name is None
        or name.count(".") > 1
        or (name.count(".") == 1 and not name.startswith("self."))
    ):
        return None
    return name


def _constructor(index: ModuleIndex, request: RequestSite, receiver: str) -> cst.Call | None:
    if receiver.startswith("self."):
        values = index.lookup_self_attribute(request.call.context.class_def, receiver[5:])
    else:
        values = list(index.module_scope.assignments.get(receiver, ()))
        if not values:
            values = index.lookup(receiver, request.call.context.scope)
    if len(values) != 1 or not isinstance(values[0], cst.Call):
        return None
    call = values[0]
    if index.qualified_name(dotted_name(call.func)) not in CLIENT_CONSTRUCTORS:
        return None
    return call


def _dict_key_headers(value: cst.BaseExpression) -> set[str] | None:
    """The key headers (lower case) a dict literal sets; ``None`` when it is no plain dict."""
    if not isinstance(value, cst.Dict):
        return None
    found: set[str] = set()
    for element in value.elements:
        if not isinstance(element, cst.DictElement):
            return None
        key = string_value(element.key)
        if key is None:
            return None
        if key.lower() in _KEY_HEADERS:
            found.add(key.lower())
    return found


def _default_key_headers(
    index: ModuleIndex, receiver: str, constructor: cst.Call
) -> set[str] | None:
    """The key headers the client's defaults carry (constructor ``headers=``,
    ``receiver.headers.update({...})``, ``receiver.headers["X-Api-Key"] = ...``); ``None``
    when the defaults are set some way not read here."""
    found: set[str] = set()
    for arg in constructor.args:
        if arg.star:
            return None
        if arg.keyword is not None and arg.keyword.value == "headers":
            keys = _dict_key_headers(arg.value)
            if keys is None:
                return None
            found |= keys
    headers = f"{receiver}.headers"
    for node in walk_nodes(index.module):
        if isinstance(node, cst.Call) and dotted_name(node.func) == f"{headers}.update":
            if len(node.args) != 1 or node.args[0].keyword is not None:
                return None
            keys = _dict_key_headers(node.args[0].value)
            if keys is None:
                return None
            found |= keys
        elif isinstance(node, cst.AssignTarget):
            target = node.target
            if dotted_name(target) == headers:
                keys = _dict_key_headers(_assigned_value(index, node))
                if keys is None:
                    return None
                found |= keys
            elif isinstance(target, cst.Subscript) and dotted_name(target.value) == headers:
                element = target.slice[0].slice if len(target.slice) == 1 else None
                key = string_value(element.value) if isinstance(element, cst.Index) else None
                if key is None:
                    return None
                if key.lower() in _KEY_HEADERS:
                    found.add(key.lower())
    return found


def _assigned_value(index: ModuleIndex, target: cst.AssignTarget) -> cst.BaseExpression:
    assign = index.parent_of(target)
    return assign.value if isinstance(assign, cst.Assign) else cst.Name("_")


def default_key_requests(
    index: ModuleIndex, requests: list[RequestSite]
) -> list[DefaultKeyRequest] | None:
    """The module's migrated streaming requests (the start left out: H2L102 removes it),
    each sent on a client built by this module whose default headers carry a key header,
    with no headers or ``**`` arguments of its own; ``None`` unless every one is (or sends the
    LiveAvatar key already: a second run, which gets an empty list)."""
    found: list[DefaultKeyRequest] = []
    done = False
    for request in requests:
        endpoint = request.endpoint
        if endpoint is None or endpoint.liveavatar_path is None or endpoint.key == "start":
            continue
        receiver = _receiver(request)
        if (
            receiver is not None
            and request.headers is not None
            and sends_liveavatar_key(request.headers.value)
        ):
            done = True  # a first run's header: the request needs nothing more
            continue
        if receiver is None or request.headers is not None or request.keyword_body:
            return None
        if any(arg.star for arg in request.node.args):
            return None
        constructor = _constructor(index, request, receiver)
        if constructor is None:
            return None
        keys = _default_key_headers(index, receiver, constructor)
        if not keys:
            return None
        found.append(DefaultKeyRequest(request, "authorization" in keys))
    return found if found or done else None


def sends_liveavatar_key(headers: cst.BaseExpression) -> bool:
    """``{"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"], ...}``: what this module's edit
    writes (a second run finds it)."""
    if not isinstance(headers, cst.Dict):
        return False
    for element in headers.elements:
        if (
            isinstance(element, cst.DictElement)
            and (string_value(element.key) or "").lower() == "x-api-key"
            and any(
                string_value(node) == LIVEAVATAR_API_KEY_NAME
                for node in walk_nodes(element.value)
                if isinstance(node, cst.SimpleString)
            )
        ):
            return True
    return False
