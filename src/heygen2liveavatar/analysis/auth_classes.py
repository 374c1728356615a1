"""HTTP client auth classes that send HeyGen's ``create_token`` token as ``Bearer``.

``class StreamingTokenAuth(httpx.Auth)`` fetches a token with ``streaming.create_token`` (the
API key in ``x-api-key``) and, in ``auth_flow``, sets ``request.headers["Authorization"] =
f"Bearer {self.token}"`` on every request of the client built with ``auth=StreamingTokenAuth(key)``
(``requests.auth.AuthBase`` does the same in ``__call__``). The token exists only to authenticate
that client's streaming calls, so it authenticates ``streaming.new`` even when the client is
built in another module: the token pairs with the session (see ``session_flow``).

LiveAvatar has no token before the session: the token call (formerly ``streaming.new``),
stop and keep-alive take the API key, which the class holds already. Each header the class
sets becomes ``X-API-KEY`` with that key (``rules/auth_class_headers.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from .index import Context, ModuleIndex, dotted_name, string_value, walk_nodes
from .responses import ResponseTracker

AUTH_BASES = frozenset({"httpx.Auth", "requests.auth.AuthBase"})
"""The auth classes of the HTTP libraries: the client calls their flow for every request."""

_HOOKED_CLIENTS = frozenset({"httpx.Client", "httpx.AsyncClient"})
"""Clients that call ``event_hooks["request"]`` functions with each request they send."""
_PROPERTIES = frozenset({"property", "cached_property", "functools.cached_property"})
_FLOW_METHODS = frozenset({"auth_flow", "sync_auth_flow", "async_auth_flow", "__call__"})
_AUTHORIZATION = "authorization"


@dataclass
class TokenAuthClass:
    """An auth class whose flow sets the ``create_token`` token as ``Authorization``, or an
    httpx request event hook doing the same (``event_hooks={"request": [self._sign]}``)."""

    owner: cst.ClassDef | cst.FunctionDef = field(repr=False)
    """The auth class, or the hook function."""
    header_sets: list[cst.Assign] = field(default_factory=list)
    """``request.headers["Authorization"] = f"Bearer {self.token}"`` in its flow methods."""

    @property
    def name(self) -> str:
        return self.owner.name.value


def token_auth_classes(tracker: ResponseTracker) -> list[TokenAuthClass]:
    """The module's auth classes (and request event hooks) that send a ``create_token``
    token."""
    index = tracker.index
    found: list[TokenAuthClass] = []
    for node in walk_nodes(index.module):
        if type(node) is not cst.ClassDef or not _is_auth_class(index, node):
            continue
        auth = TokenAuthClass(node)
        for method in _flow_methods(node):
            auth.header_sets.extend(_token_header_sets(tracker, method))
        if auth.header_sets:
            found.append(auth)
    for hook in _request_hooks(tracker):
        auth = TokenAuthClass(hook, _token_header_sets(tracker, hook))
        if auth.header_sets:
            found.append(auth)
    return found


def _token_header_sets(tracker: ResponseTracker, function: cst.FunctionDef) -> list[cst.Assign]:
    """``request.headers["Authorization"] = <the token>`` in ``function``."""
    index = tracker.index
    found: list[cst.Assign] = []
    for assign in walk_nodes(function):
        if type(assign) is not cst.Assign or not _sets_authorization(assign):
            continue
        statement = index.statement_of(assign)
        context = index.context_of(statement) if statement is not None else None
        if context is not None and any(
            _holds_token(tracker, read, context)
            for read in walk_nodes(assign.value)
            if isinstance(read, (cst.Name, cst.Attribute, cst.Call))
        ):
            found.append(assign)
    return found


def auth_class_credentials(
    index: ModuleIndex, assign: cst.Assign, operand: cst.BaseExpression
) -> list[cst.BaseExpression]:
    """What the module's instantiations of an auth class pass for the value its flow sends.

    ``r.headers["Authorization"] = f"Bearer {self.token}"`` in the ``__call__`` of ``class
    BearerAuth(AuthBase)`` whose ``__init__(self, token)`` keeps ``self.token = token``: the
    ``api_key`` of each ``BearerAuth(api_key)`` (``operand`` is ``self.token``). Empty when the
    assignment is not in such a flow, the class is not built here, or a construction does not
    pass the value by position or keyword.
    """
    statement = index.statement_of(assign)
    context = index.context_of(statement) if statement is not None else None
    if (
        context is None
        or context.class_def is None
        or context.function is None
        or context.function.name.value not in _FLOW_METHODS
        or not _is_auth_class(index, context.class_def)
        or not isinstance(operand, cst.Attribute)
        or dotted_name(operand.value) != "self"
    ):
        return []
    class_def = context.class_def
    parameter = _init_parameter(class_def, operand.attr.value)
    if parameter is None:
        return []
    position, name = parameter
    found: list[cst.BaseExpression] = []
    for call in index.calls:
        if call.name is None or call.name.rsplit(".", 1)[-1] != class_def.name.value:
            continue
        args = call.node.args
        chosen = next((a for a in args if a.keyword is not None and a.keyword.value == name), None)
        positional = [a for a in args if a.keyword is None and not a.star]
        if chosen is None and any(a.star for a in args):
            return []
        if chosen is None and position < len(positional):
            chosen = positional[position]
        if chosen is None:
            return []
        found.append(chosen.value)
    return found


def _init_parameter(class_def: cst.ClassDef, attribute: str) -> tuple[int, str] | None:
    """``(position after self, name)`` of the ``__init__`` parameter kept as
    ``self.<attribute> = <parameter>``."""
    body = class_def.body.body if isinstance(class_def.body, cst.IndentedBlock) else ()
    for init in body:
        if not isinstance(init, cst.FunctionDef) or init.name.value != "__init__":
            continue
        params = [p.name.value for p in init.params.params][1:]
        for assign in walk_nodes(init):
            if (
                type(assign) is cst.Assign
                and len(assign.targets) == 1
                and isinstance(assign.targets[0].target, cst.Attribute)
                and dotted_name(assign.targets[0].target.value) == "self"
                and assign.targets[0].target.attr.value == attribute
                and isinstance(assign.value, cst.Name)
                and assign.value.value in params
            ):
                return params.index(assign.value.value), assign.value.value
    return None


def _request_hooks(tracker: ResponseTracker) -> list[cst.FunctionDef]:
    """The module's functions an httpx client calls on every request it sends:
    ``httpx.Client(event_hooks={"request": [self._sign]})``."""
    index = tracker.index
    hooks: list[cst.FunctionDef] = []
    for call in index.calls:
        if index.qualified_name(call.name) not in _HOOKED_CLIENTS:
            continue
        for arg in call.node.args:
            if arg.keyword is None or arg.keyword.value != "event_hooks":
                continue
            if not isinstance(arg.value, cst.Dict):
                continue
            for element in arg.value.elements:
                if not isinstance(element, cst.DictElement):
                    continue
                if string_value(element.key) != "request":
                    continue
                if not isinstance(element.value, (cst.List, cst.Tuple)):
                    continue
                for item in element.value.elements:
                    name = dotted_name(item.value) or ""
                    parts = name.split(".")
                    if (len(parts) == 2 and parts[0] == "self") or (len(parts) == 1 and parts[0]):
                        hooks.extend(
                            f for f in tracker.functions_named(parts[-1]) if f not in hooks
                        )
    return hooks


def _is_auth_class(index: ModuleIndex, node: cst.ClassDef) -> bool:
    return any(index.qualified_name(dotted_name(base.value)) in AUTH_BASES for base in node.bases)


def _flow_methods(node: cst.ClassDef) -> list[cst.FunctionDef]:
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    return [s for s in body if isinstance(s, cst.FunctionDef) and s.name.value in _FLOW_METHODS]


def _sets_authorization(assign: cst.Assign) -> bool:
    """``<request>.headers["Authorization"] = ...``."""
    if len(assign.targets) != 1:
        return False
    target = assign.targets[0].target
    if not (
        isinstance(target, cst.Subscript)
        and isinstance(target.value, cst.Attribute)
        and target.value.attr.value == "headers"
        and len(target.slice) == 1
        and isinstance(target.slice[0].slice, cst.Index)
    ):
        return False
    key = string_value(target.slice[0].slice.value)
    return key is not None and key.lower() == _AUTHORIZATION


def _holds_token(tracker: ResponseTracker, expr: cst.BaseExpression, context: Context) -> bool:
    """``expr`` holds the token, also through a ``@property`` (or ``@cached_property``) of
    the class (``self.token``
    returning ``self._token``, which a getter fills)."""
    # Imported here: ``session_flow`` imports this module for its pairing decision.
    from .session_flow import holds_heygen_token as holds

    if holds(tracker, expr, context):
        return True
    if not (
        isinstance(expr, cst.Attribute)
        and isinstance(expr.value, cst.Name)
        and expr.value.value == "self"
        and context.class_def is not None
    ):
        return False
    for function in tracker.functions_named(expr.attr.value):
        if not any(dotted_name(d.decorator) in _PROPERTIES for d in function.decorators):
            continue
        for value, value_context in tracker.returns_of(function):
            if holds(tracker, value, value_context):
                return True
    return False
