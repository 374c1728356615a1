"""The base URL of the HTTP client a relative request goes through.

``self._client.post("/streaming.new")`` on ``httpx.Client(base_url=cfg.api_base)``: the path is
migrated where it stands, but the host is whatever ``base_url`` says. When that value is not
in the code (a YAML or JSON settings file, a secrets store, a command-line option), no rule can
move it to LiveAvatar, and the program would send LiveAvatar's paths and key to HeyGen's host.
"""

from __future__ import annotations

import re

import libcst as cst

from ..apispec import HEYGEN_HOST
from .endpoints import HostLiteral
from .http import CLIENT_CONSTRUCTORS, HTTP_METHOD_NAMES, RequestSite
from .index import Context, ModuleIndex, dotted_name, string_value, walk_nodes
from .values import ValueResolver

_CLIENT_CLASSES = frozenset({"Client", "AsyncClient", "ClientSession"})
_BASE_KEYWORDS = frozenset({"base_url"})


def is_relative(request: RequestSite) -> bool:
    """The URL starts with a path (``"/streaming.new"``, ``f"/streaming.{x}"``)."""
    first = request.pieces[0] if request.pieces else None
    return first is not None and first.text is not None and first.text.startswith("/")


def receiver_values(index: ModuleIndex, request: RequestSite) -> list[cst.BaseExpression]:
    """The values bound to the object the request is a method call of (``client`` or
    ``self._client``), as this module assigns them."""
    func = request.node.func
    if not isinstance(func, cst.Attribute):
        return []
    receiver = func.value
    context = request.call.context
    if isinstance(receiver, cst.Name):
        return index.lookup(receiver.value, context.scope)
    if (
        isinstance(receiver, cst.Attribute)
        and isinstance(receiver.value, cst.Name)
        and receiver.value.value == "self"
    ):
        return index.lookup_self_attribute(context.class_def, receiver.attr.value)
    return []


def base_argument(constructor: cst.Call) -> cst.Arg | None:
    """``base_url=...`` of an HTTP client's constructor call (``httpx.AsyncClient(...)``)."""
    name = (dotted_name(constructor.func) or "").rsplit(".", 1)[-1]
    if name not in _CLIENT_CLASSES:
        return None
    for arg in constructor.args:
        if arg.keyword is not None and arg.keyword.value in _BASE_KEYWORDS:
            return arg
    return None


def client_base(index: ModuleIndex, request: RequestSite) -> cst.BaseExpression | None:
    """The ``base_url=`` argument of the client object the request is a method call of, when
    the client is built in this module (``self._client = httpx.AsyncClient(base_url=...)``)."""
    for value in receiver_values(index, request):
        if isinstance(value, cst.Await):
            value = value.expression
        if not isinstance(value, cst.Call):
            continue
        arg = base_argument(value)
        if arg is not None:
            return arg.value
    return None


def base_outside_code(
    resolver: ValueResolver, base: cst.BaseExpression, context: Context, known: frozenset[str]
) -> bool:
    """Whether ``base`` comes from nowhere the tool rewrites: no literal text resolves from it,
    and its name (last component) is not one the project assigns a HeyGen base URL to."""
    pieces = resolver.resolve(base, context)
    if any(piece.text for piece in pieces):
        return False  # a literal (or a literal default), rewritten with the host
    name = (dotted_name(base) or "").rsplit(".", 1)[-1]
    return not name or name not in known


# ``/v2/video/generate``, ``/v1/video_status.get``, ``/v2/voices``: HeyGen's other APIs.
_OTHER_API_PATH = re.compile(r"^/?v[12]/(?!streaming)[a-z]")


def _receiver(call: cst.Call) -> str | None:
    func = call.func
    return dotted_name(func.value) if isinstance(func, cst.Attribute) else None


def other_api_paths(index: ModuleIndex, request: RequestSite) -> list[str]:
    """The relative paths of HeyGen's other APIs (video, voices) that the client the relative
    ``request`` goes through sends too (``self._http.post("/v2/video/generate")`` beside
    ``self._http.post("/v1/streaming.new")``): one client, one base, two APIs."""
    receiver = _receiver(request.node)
    if receiver is None:
        return []
    class_def = request.call.context.class_def
    paths: list[str] = []
    for call in index.calls:
        if call.node is request.node or _receiver(call.node) != receiver:
            continue
        if receiver.startswith("self.") and call.context.class_def is not class_def:
            continue
        method = (call.name or "").rsplit(".", 1)[-1]
        args = [a for a in call.node.args if a.keyword is None]
        position = 1 if method == "request" else 0
        if method not in HTTP_METHOD_NAMES | {"request"} or len(args) <= position:
            continue
        path = _other_api_path(index, args[position].value, call.context)
        if path is not None:
            paths.append(path)
    return paths


def _other_api_path(index: ModuleIndex, value: cst.BaseExpression, context: Context) -> str | None:
    """``"/v2/video/generate"``, or an absolute HeyGen URL of another API, also in a constant
    (``self._http.get(HEYGEN_VOICES_URL)``: httpx sends an absolute URL as it is, with the
    client's headers, so the key it carries still goes to HeyGen)."""
    if type(value) is cst.Name:
        bound = index.lookup(value.value, context.scope)
        value = bound[0] if len(bound) == 1 else value
    text = string_value(value)
    if text is None:
        return None
    if text.startswith(("https://", "http://")):
        scheme_host, _, rest = text.partition("://")[2].partition("/")
        if scheme_host != HEYGEN_HOST:
            return None
        text = "/" + rest
    return text if _OTHER_API_PATH.match(text) else None


def host_wrappers(host: HostLiteral) -> list[cst.FunctionDef]:
    """Functions sending a request to ``host`` joined with a path they are given."""
    found: dict[int, cst.FunctionDef] = {}
    for request in host.requests:
        function = request.call.context.function
        if not request.is_streaming and isinstance(function, cst.FunctionDef):
            found[id(function)] = function
    return list(found.values())


def host_wrappers_serve_other_apis(
    index: ModuleIndex, host: HostLiteral, split_wrappers: frozenset[str]
) -> bool:
    """A wrapper on ``host`` serves HeyGen's other APIs too: a caller here passes one of their
    paths (``_post("/v2/video/generate", body)``), or the project facts say a module importing
    it does (``split_wrappers``: ``heygen_post`` imported by ``videos.py``)."""
    wrappers = host_wrappers(host)
    if not wrappers:
        return False
    if wrapper_other_api_paths(index, wrappers):
        return True
    return any(
        w.name.value in split_wrappers and index.parent_of(w) is index.module for w in wrappers
    )


def wrapper_other_api_paths(index: ModuleIndex, wrappers: list[cst.FunctionDef]) -> list[str]:
    """The paths of HeyGen's other APIs that callers pass to ``wrappers``, project functions
    joining a HeyGen base with their caller's path (``_post("/v2/video/generate", body)``
    for ``def _post(path, payload): requests.post(API_BASE + path, ...)``)."""
    names = {w.name.value for w in wrappers}
    paths: list[str] = []
    for call in index.calls:
        func = call.node.func
        name = func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", None)
        if name not in names:
            continue
        for arg in call.node.args:
            path = string_value(arg.value) if arg.keyword is None else None
            if path is not None and _OTHER_API_PATH.match(path) and path not in paths:
                paths.append(path)
                break
    return paths


__all__ = [
    "base_argument",
    "base_outside_code",
    "client_base",
    "is_relative",
    "other_api_paths",
    "receiver_values",
    "wrapper_other_api_paths",
]


def constructor_of_headers(index: ModuleIndex, headers: cst.CSTNode) -> cst.Call | None:
    """The client constructor call whose ``headers=`` argument is ``headers`` (a dict literal):
    ``httpx.Client(base_url=..., headers={...})``."""
    arg = index.parent_of(headers)
    call = index.parent_of(arg) if isinstance(arg, cst.Arg) else None
    if (
        not isinstance(arg, cst.Arg)
        or arg.keyword is None
        or arg.keyword.value != "headers"
        or not isinstance(call, cst.Call)
        or base_argument(call) is None
    ):
        return None
    return call


def factory_client_headers(index: ModuleIndex, dicts: list[cst.Dict]) -> set[int]:
    """``id`` of those header ``dicts`` that are the default headers of a client a module-level
    function builds and returns (``s = requests.Session(); s.headers.update({...}); return s``,
    or ``return httpx.Client(headers={...})``): a client factory, whose callers (in other
    modules) send on it."""
    found: set[int] = set()
    for headers in dicts:
        client, function = _factory_client(index, headers)
        if client is None or function is None or index.parent_of(function) is not index.module:
            continue
        returned = [
            node.value
            for node in walk_nodes(function, into_scopes=False)
            if isinstance(node, cst.Return) and node.value is not None
        ]
        if returned and all(
            value is client or (isinstance(client, cst.Name) and _is_name(value, client.value))
            for value in returned
        ):
            found.add(id(headers))
    return found


def _is_name(node: cst.BaseExpression, name: str) -> bool:
    return isinstance(node, cst.Name) and node.value == name


def _factory_client(
    index: ModuleIndex, headers: cst.Dict
) -> tuple[cst.BaseExpression | None, cst.FunctionDef | None]:
    """The client ``headers`` configure and the function doing it: the constructor call itself
    (``httpx.Client(headers={...})``), or the name of a client bound once in that function
    to a constructor call and given the headers by ``<name>.headers.update({...})``."""
    arg = index.parent_of(headers)
    call = index.parent_of(arg) if isinstance(arg, cst.Arg) else None
    if not isinstance(arg, cst.Arg) or not isinstance(call, cst.Call):
        return None, None
    context = index.context_of(index.statement_of(call) or call)
    function = context.function if context is not None else None
    if function is None:
        return None, None
    qualified = index.qualified_name(dotted_name(call.func)) or ""
    if (
        arg.keyword is not None
        and arg.keyword.value == "headers"
        and qualified in CLIENT_CONSTRUCTORS
    ):
        return call, function
    func = call.func
    if not (
        arg.keyword is None
        and isinstance(func, cst.Attribute)
        and func.attr.value == "update"
        and isinstance(func.value, cst.Attribute)
        and func.value.attr.value == "headers"
        and isinstance(func.value.value, cst.Name)
    ):
        return None, None
    name = func.value.value.value
    bound = [
        node
        for node in walk_nodes(function, into_scopes=False)
        if isinstance(node, cst.Assign) and any(_is_name(t.target, name) for t in node.targets)
    ]
    if (
        len(bound) != 1
        or not isinstance(bound[0].value, cst.Call)
        or (index.qualified_name(dotted_name(bound[0].value.func)) or "") not in CLIENT_CONSTRUCTORS
    ):
        return None, None
    return cst.Name(name), function


def moved_base_client_headers(
    index: ModuleIndex, resolver: ValueResolver, dicts: list[cst.Dict], moved: set[int]
) -> set[int]:
    """``id`` of those header ``dicts`` that are the ``headers=`` of a client constructor whose
    base URL holds a host literal in ``moved`` (ids of HeyGen hosts a rule moved to
    LiveAvatar): whatever requests the client makes, its default headers go to LiveAvatar."""
    found: set[int] = set()
    if not moved:
        return found
    for headers in dicts:
        if id(headers) in found:
            continue
        call = constructor_of_headers(index, headers)
        base = base_argument(call) if call is not None else None
        if call is None or base is None:
            continue
        context = index.context_of(index.statement_of(call) or call)
        if context is None:
            continue
        pieces = resolver.resolve(base.value, context)
        if any(p.node is not None and id(p.node) in moved for p in pieces):
            found.add(id(headers))
    return found
