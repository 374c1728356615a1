"""One keyed HTTP client object serving streaming and HeyGen's other APIs through one base.

``self._http = httpx.AsyncClient(base_url=HEYGEN_API_BASE, headers={"X-Api-Key": key})`` (or a
module-level ``client = httpx.Client(...)``) sending ``/v2/video/generate`` and
``/v1/streaming.new``: the video requests must keep HeyGen's base and key, the streaming
requests need LiveAvatar's. An engineer builds a second client from the same constructor, on
LiveAvatar's base with the LiveAvatar key (``self._liveavatar_http``), sends the streaming
requests through it and closes it where the first is closed. This module finds whether that
split is safe; H2L401 makes it (and H2L402 then leaves the HeyGen key to HeyGen's other APIs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from ..apispec import HEYGEN_HOST, LIVEAVATAR_HOST
from .client_bases import base_argument, is_relative, other_api_paths, receiver_values
from .http import HTTP_METHOD_NAMES, RequestSite
from .index import CallSite, ModuleIndex, dotted_name, string_value
from .shared_clients import liveavatar_name
from .values import ENV_GETTERS, ValueResolver

_KEY_HEADERS = frozenset({"x-api-key", "authorization"})
_CLOSE_METHODS = frozenset({"close", "aclose"})


@dataclass(frozen=True)
class BaseConstant:
    """``LIVEAVATAR_API_BASE = os.getenv("LIVEAVATAR_API_BASE", "https://api.liveavatar.com")``
    written after the HeyGen base constant the client is built from."""

    statement: cst.SimpleStatementLine
    name: str
    value_code: str


@dataclass(frozen=True)
class ClientSplit:
    """How the streaming requests of a shared client get a client of their own."""

    assignment: cst.SimpleStatementLine
    """``self._http = httpx.AsyncClient(...)``: the LiveAvatar client is built right after it."""
    receiver: str
    """``self._http``."""
    new_target: str
    """``self._liveavatar_http``."""
    new_constructor: cst.Call
    """The same constructor call, with LiveAvatar's base and key."""
    base_constant: BaseConstant | None
    receivers: tuple[cst.BaseExpression, ...]
    """``self._http`` in the migrated streaming requests."""
    closes: tuple[cst.SimpleStatementLine, ...]
    """``await self._http.aclose()``: the LiveAvatar client is closed right after."""
    covers_every_request: bool
    """Every migrated streaming request of the module goes through the new client: no HeyGen
    key reaches LiveAvatar, so the shared key needs no marker."""


def _is_migrated(request: RequestSite) -> bool:
    endpoint = request.endpoint
    return endpoint is not None and endpoint.liveavatar_path is not None


def _constructor_of(index: ModuleIndex, request: RequestSite) -> cst.Call | None:
    # ``self.http = None`` in ``__init__``, the client built in ``__aenter__`` (or on first
    # use): the placeholder is no second client.
    values = [
        value
        for value in receiver_values(index, request)
        if not (type(value) is cst.Name and value.value == "None")
    ]
    if len(values) != 1 or type(values[0]) is not cst.Call:
        return None  # built twice, or not a constructor call here
    value = values[0]
    assert isinstance(value, cst.Call)
    return value if base_argument(value) is not None else None


def _assignment(
    index: ModuleIndex, constructor: cst.Call, receiver: str
) -> cst.SimpleStatementLine | None:
    """``receiver = <constructor>`` as a statement of its own."""
    assign = index.parent_of(constructor)
    if not isinstance(assign, cst.Assign) or len(assign.targets) != 1:
        return None
    if dotted_name(assign.targets[0].target) != receiver:
        return None
    statement = index.parent_of(assign)
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    return statement


def _liveavatar_headers(headers: cst.BaseExpression) -> cst.Dict | None:
    """``{"X-Api-Key": key, "Accept": ...}`` with its one key entry sending LiveAvatar's key."""
    if not isinstance(headers, cst.Dict):
        return None
    found = None
    for position, element in enumerate(headers.elements):
        if not isinstance(element, cst.DictElement):
            return None  # ``**defaults`` may carry a key
        name = string_value(element.key)
        if name is None:
            return None
        if name.lower() in _KEY_HEADERS:
            if found is not None:
                return None
            found = position
    if found is None:
        return None
    element = headers.elements[found]
    assert isinstance(element, cst.DictElement)
    new = element.with_changes(
        key=cst.SimpleString('"X-API-KEY"'),
        value=cst.parse_expression('os.environ["LIVEAVATAR_API_KEY"]'),
    )
    elements = list(headers.elements)
    elements[found] = new
    return headers.with_changes(elements=elements)


def _base_constant(
    index: ModuleIndex, base: cst.BaseExpression, literal: cst.SimpleString
) -> BaseConstant | None:
    """``HEYGEN_API_BASE = os.getenv("HEYGEN_API_BASE", "https://api.heygen.com")`` at module
    level, passed as ``base_url=HEYGEN_API_BASE``: its LiveAvatar sibling, a setting of its own."""
    if not isinstance(base, cst.Name):
        return None
    statement = index.statement_of(literal)
    if (
        not isinstance(statement, cst.SimpleStatementLine)
        or index.parent_of(statement) is not index.module
        or len(statement.body) != 1
    ):
        return None
    assign = statement.body[0]
    if not isinstance(assign, cst.Assign) or len(assign.targets) != 1:
        return None
    target = assign.targets[0].target
    if not isinstance(target, cst.Name) or target.value != base.value:
        return None
    if len(index.module_scope.assignments.get(target.value, [])) != 1:
        return None
    name = liveavatar_name(target.value)
    if name == target.value or name in index.module_scope.assignments:
        return None
    code = cst.Module([]).code_for_node(assign.value)
    if assign.value is not literal:
        call = index.parent_of(index.parent_of(literal) or literal)
        if not isinstance(call, cst.Call) or call is not assign.value:
            return None  # only a literal, or an environment lookup's default
        if index.qualified_name(dotted_name(call.func)) not in ENV_GETTERS or not call.args:
            return None
        variable = string_value(call.args[0].value)
        if variable is not None and "HEYGEN" in variable and "KEY" not in variable:
            code = code.replace(variable, variable.replace("HEYGEN", "LIVEAVATAR"), 1)
    code = code.replace(HEYGEN_HOST, LIVEAVATAR_HOST, 1)
    return BaseConstant(statement, name, code)


def _closes(index: ModuleIndex, receiver: str) -> tuple[cst.SimpleStatementLine, ...]:
    """``self._http.close()`` / ``await self._http.aclose()`` statements."""
    found = []
    for call in index.calls:
        func = call.node.func
        if not isinstance(func, cst.Attribute) or func.attr.value not in _CLOSE_METHODS:
            continue
        if dotted_name(func.value) != receiver or call.node.args:
            continue
        statement = call.context.statement
        if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
            continue
        small = statement.body[0]
        value = small.value if isinstance(small, cst.Expr) else None
        if isinstance(value, cst.Await):
            value = value.expression
        if value is call.node:
            found.append(statement)
    return tuple(found)


def client_split(
    index: ModuleIndex,
    resolver: ValueResolver,
    requests: list[RequestSite],
    literal: cst.CSTNode,
) -> ClientSplit | None:
    """The split of the one client object whose ``base_url=`` resolves to the HeyGen base
    ``literal`` and which sends migrated streaming requests and HeyGen's other APIs."""
    if not isinstance(literal, cst.SimpleString):
        return None
    streaming = [r for r in requests if r.is_streaming and _is_migrated(r)]
    constructor: cst.Call | None = None
    on_client: list[RequestSite] = []
    covered: set[int] = set()
    for outer in streaming:
        wrapped = wrapped_client_request(index, requests, outer)
        request = wrapped or outer
        found = _constructor_of(index, request) if is_relative(outer) else None
        if found is None:
            continue
        base = base_argument(found)
        assert base is not None
        context = index.context_of(index.statement_of(found) or found) or request.call.context
        if not any(p.node is literal for p in resolver.resolve(base.value, context)):
            continue
        if constructor is not None and found is not constructor:
            return None  # two clients on the base: one split at a time
        constructor = found
        covered.add(id(outer.node))
        if all(r.node is not request.node for r in on_client):
            on_client.append(request)
    if constructor is None or not any(other_api_paths(index, r) for r in on_client):
        return None
    func = on_client[0].node.func
    assert isinstance(func, cst.Attribute)
    receiver = dotted_name(func.value)
    if receiver is None:
        return None
    assignment = _assignment(index, constructor, receiver)
    if assignment is None:
        return None
    new_target = liveavatar_name(receiver)
    context = on_client[0].call.context
    if receiver.startswith("self."):
        if index.lookup_self_attribute(context.class_def, new_target[len("self.") :]):
            return None
    elif index.lookup(new_target, context.scope):
        return None
    headers = next(
        (a for a in constructor.args if a.keyword is not None and a.keyword.value == "headers"),
        None,
    )
    new_headers = None if headers is None else _liveavatar_headers(headers.value)
    if headers is None or new_headers is None:
        return None  # the key is sent some other way: which one the split should change is unclear
    base = base_argument(constructor)
    assert base is not None
    base_constant = _base_constant(index, base.value, literal)
    if base_constant is not None:
        new_base: cst.BaseExpression = cst.Name(base_constant.name)
    else:
        new_base = cst.SimpleString(literal.value.replace(HEYGEN_HOST, LIVEAVATAR_HOST, 1))
    args = []
    for arg in constructor.args:
        if arg is base:
            arg = arg.with_changes(value=new_base)
        elif arg is headers:
            arg = arg.with_changes(value=new_headers)
        args.append(arg)
    return ClientSplit(
        assignment=assignment,
        receiver=receiver,
        new_target=new_target,
        new_constructor=constructor.with_changes(args=args),
        base_constant=base_constant,
        receivers=tuple(
            r.node.func.value for r in on_client if isinstance(r.node.func, cst.Attribute)
        ),
        closes=_closes(index, receiver),
        covers_every_request=all(id(r.node) in covered for r in streaming),
    )


def wrapped_client_request(
    index: ModuleIndex, requests: list[RequestSite], request: RequestSite
) -> RequestSite | None:
    """``self._post("/streaming.new", **body)`` whose method sends ``self.http.post(path, ...)``
    with the path it is given: that call (as a request of unknown endpoint), when every call of
    the method in this module is a streaming request (the method serves streaming alone, so
    its client may change)."""
    func = request.node.func
    class_def = request.call.context.class_def
    if (
        request.client != "wrapper"
        or class_def is None
        or not isinstance(func, cst.Attribute)
        or dotted_name(func.value) != "self"
    ):
        return None
    name = func.attr.value
    sends: list[CallSite] = []
    for call in index.calls:
        function = call.context.function
        if call.context.class_def is not class_def or function is None:
            continue
        if function.name.value != name:
            continue
        method = call.node.func
        if not isinstance(method, cst.Attribute) or method.attr.value not in HTTP_METHOD_NAMES:
            continue
        receiver = dotted_name(method.value)
        if receiver is None or not receiver.startswith("self."):
            continue
        parameters = [p.name.value for p in function.params.params]
        first = call.node.args[0] if call.node.args else None
        if (
            first is None
            or first.keyword is not None
            or len(parameters) < 2
            or not isinstance(first.value, cst.Name)
            or first.value.value != parameters[1]
        ):
            return None  # the method sends something else than the path its caller gives
        sends.append(call)
    if len(sends) != 1:
        return None
    streaming = {id(r.node) for r in requests if r.is_streaming}
    callers = [
        c for c in index.calls if c.name == f"self.{name}" and c.context.class_def is class_def
    ]
    if not callers or any(id(c.node) not in streaming for c in callers):
        return None
    send = sends[0]
    return RequestSite(
        call=send,
        url_expr=send.node.args[0].value,
        pieces=[],
        endpoint_uses=[],
        client="wrapper",
        method=None,
    )


def split_by_a_first_run(index: ModuleIndex, resolver: ValueResolver, literal: cst.CSTNode) -> bool:
    """A client on the HeyGen base ``literal`` built beside its LiveAvatar sibling
    (``self._http`` and ``self._liveavatar_http``): split by a first run, or by hand; the
    HeyGen client and key serve HeyGen's other APIs."""
    for call in index.calls:
        base = base_argument(call.node)
        if base is None:
            continue
        assign = index.parent_of(call.node)
        if not isinstance(assign, cst.Assign) or len(assign.targets) != 1:
            continue
        receiver = dotted_name(assign.targets[0].target)
        if receiver is None or receiver.count(".") > 1:
            continue
        context = call.context
        if not any(p.node is literal for p in resolver.resolve(base.value, context)):
            continue
        sibling = liveavatar_name(receiver)
        if receiver.startswith("self."):
            values = index.lookup_self_attribute(context.class_def, sibling[len("self.") :])
        else:
            values = index.lookup(sibling, context.scope)
        if any(type(v) is cst.Call and base_argument(v) is not None for v in values):
            return True
    return False


def module_client_split(
    index: ModuleIndex,
    resolver: ValueResolver,
    requests: list[RequestSite],
    literals: Sequence[cst.CSTNode],
) -> ClientSplit | None:
    """The one client split of the module among the HeyGen base ``literals``."""
    splits = [s for s in (client_split(index, resolver, requests, n) for n in literals) if s]
    return splits[0] if len(splits) == 1 else None


__all__ = [
    "BaseConstant",
    "ClientSplit",
    "client_split",
    "module_client_split",
    "split_by_a_first_run",
    "wrapped_client_request",
]
