"""How HeyGen's ``create_token`` call authenticated, for the calls that take its way in now.

LiveAvatar has no token before the session: the token call (formerly ``streaming.new``), stop
and keep-alive authenticate with the API key the ``create_token`` call sent. This module
recognises that key and the ways a wrapper is told to send it:

- the ``X-API-KEY`` header value of the create_token call, when it reads the same at another
  place (``create_token_api_key``);
- literal keywords with which the create_token call chose a wrapper's API-key headers,
  ``self._post("/v1/streaming.create_token", {}, bearer=False)`` (``copied_auth_keywords``);
- whether a call's headers already send no token, and whether a call is given the token
  (``sends_no_token``, ``passes_heygen_token``);
- an optional token argument a wrapper sends the API key without, ``self._post(path, body,
  token=self.token)`` with ``token=None`` by default and calls without it
  (``optional_token_keyword``).

``rules/token_auth.py`` makes the edits; this module only reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from ..apispec import API_KEY_HEADER
from ..model import ProjectFacts
from .http import RequestSite
from .index import Context, ModuleIndex, dotted_name, string_value
from .responses import ResponseTracker
from .session_flow import (
    TokenPlumbing,
    authorization_entry,
    header_dicts,
    holds_heygen_token,
    portable,
    session_id_expression,
)
from .single_evaluation import safe_to_repeat


def sends_no_token(tracker: ResponseTracker, request: RequestSite) -> bool:
    """``request``'s headers are static and none has an ``Authorization`` entry (they send
    the API key already)."""
    assert request.headers is not None
    dicts = header_dicts(request.headers.value, request.call.context, tracker)
    return dicts is not None and not any(authorization_entry(d) is not None for d in dicts)


def passes_heygen_token(tracker: ResponseTracker, request: RequestSite) -> bool:
    """An argument of ``request``'s call holds the create_token response's token."""
    return any(
        holds_heygen_token(tracker, arg.value, request.call.context) for arg in request.node.args
    )


def token_headers_at(
    index: ModuleIndex, token_requests: Sequence[RequestSite], request: RequestSite
) -> list[cst.BaseExpression]:
    """The headers expressions of the create_token calls that read the same at ``request``
    (the original nodes: copy them with ``with_pending_edits``)."""
    return [
        token_request.headers.value
        for token_request in token_requests
        if token_request.headers is not None
        and portable(
            token_request.headers.value, token_request.call.context, request.call.context, index
        )
    ]


def session_token_unreachable(index: ModuleIndex, plumbing: TokenPlumbing) -> bool:
    """A stop or keep-alive call the token went to has no session id to find the session
    token by."""
    for user in plumbing.users:
        key = user.endpoint.key if user.endpoint is not None else None
        if key in ("stop", "keep_alive") and session_id_expression(user, index) is None:
            return True
    return False


def create_token_api_key(
    index: ModuleIndex, tracker: ResponseTracker, request: RequestSite, target: Context
) -> cst.BaseExpression | None:
    """The API-key header value the create_token ``request`` sent, when it reads the same at
    ``target`` (the original node: copy it with ``with_pending_edits``)."""
    if request.headers is None:
        return None
    for node in header_dicts(request.headers.value, request.call.context, tracker) or []:
        for element in node.elements:
            if not isinstance(element, cst.DictElement):
                continue
            key = string_value(element.key)
            if key is None or key.lower() != API_KEY_HEADER.lower():
                continue
            if portable(element.value, request.call.context, target, index):
                return element.value
            return _passed_key(index, request, element.value, target)
    return None


def _passed_key(
    index: ModuleIndex, request: RequestSite, value: cst.BaseExpression, target: Context
) -> cst.BaseExpression | None:
    """``headers={"x-api-key": api_key}`` in a token getter ``fetch_token(api_key)`` that the
    function at ``target`` calls once, ``fetch_token(os.environ["HEYGEN_API_KEY"])``: the
    argument it passes, when it reads the same at ``target`` and may be written twice (the
    getter's call stays, returning a placeholder)."""
    function = request.call.context.function
    if type(value) is not cst.Name or function is None or target.function is None:
        return None
    params = [*function.params.posonly_params, *function.params.params]
    names = [p.name.value for p in params]
    if value.value not in names and value.value not in {
        p.name.value for p in function.params.kwonly_params
    }:
        return None
    method = request.call.context.class_def is not None
    position = names.index(value.value) - (1 if method else 0) if value.value in names else -1
    spelled = f"self.{function.name.value}" if method else function.name.value
    calls = [c for c in index.calls if c.name == spelled and c.context.function is target.function]
    if len(calls) != 1:
        return None
    argument = _bound_argument(calls[0].node, value.value, position)
    if (
        argument is None
        or not (safe_to_repeat(argument) or _reads_environment(argument))
        or not portable(argument, calls[0].context, target, index)
    ):
        return None
    return argument


def _bound_argument(call: cst.Call, parameter: str, position: int) -> cst.BaseExpression | None:
    """The argument ``call`` passes for ``parameter`` (by keyword, or at ``position``)."""
    for at, arg in enumerate(call.args):
        if arg.star:
            return None  # ``*args`` / ``**kwargs``: positions past here are unknown
        if arg.keyword is not None:
            if arg.keyword.value == parameter:
                return arg.value
        elif at == position:
            return arg.value
    return None


def _reads_environment(expr: cst.BaseExpression) -> bool:
    """``os.environ["KEY"]``, ``os.getenv("KEY")``, ``os.environ.get("KEY", ...)`` with literal
    arguments: read twice, the same value (a key is not changed mid-run)."""
    if isinstance(expr, cst.Subscript):
        return safe_to_repeat(expr) and dotted_name(expr.value) in ("os.environ", "environ")
    if isinstance(expr, cst.Call):
        return dotted_name(expr.func) in (
            "os.getenv",
            "getenv",
            "os.environ.get",
            "environ.get",
        ) and all(isinstance(a.value, cst.SimpleString) and not a.star for a in expr.args)
    return False


def create_token_api_key_at(
    index: ModuleIndex, tracker: ResponseTracker, request: RequestSite, target: cst.CSTNode
) -> cst.BaseExpression | None:
    """:func:`create_token_api_key` read where the node ``target`` is."""
    target_context = index.context_of(index.statement_of(target) or target)
    if target_context is None:
        return None
    return create_token_api_key(index, tracker, request, target_context)


def copied_auth_keywords(
    token_requests: Sequence[RequestSite], request: RequestSite
) -> list[cst.Arg] | None:
    """The literal keywords of the first create_token call of the same wrapper as ``request``
    that ``request`` lacks (``bearer=False``: the wrapper sends ``Authorization: Bearer
    {self._token}`` otherwise); ``None`` when no such call has any."""
    present = {a.keyword.value for a in request.node.args if a.keyword is not None}
    for token_request in token_requests:
        if token_request.call.name != request.call.name:
            continue
        copied = [
            a
            for a in token_request.node.args
            if a.keyword is not None
            and a.keyword.value not in present
            and a is not token_request.payload
            and a is not token_request.headers
            and a.value is not token_request.url_expr
            and is_plain_literal(a.value)
        ]
        if copied:
            return copied
    return None


def is_plain_literal(value: cst.BaseExpression) -> bool:
    """A string, an integer, ``True``, ``False`` or ``None``."""
    if isinstance(value, cst.Name):
        return value.value in ("True", "False", "None")
    return isinstance(value, (cst.SimpleString, cst.Integer))


@dataclass(frozen=True)
class OptionalToken:
    """A token argument a wrapper sends the API key without: ``argument`` of the call goes
    (a keyword, or the last positional one), or becomes ``None`` (a positional one with
    others after it)."""

    wrapper: str
    parameter: str
    argument: cst.Arg
    positional: bool
    last: bool


def optional_token_keyword(
    index: ModuleIndex,
    tracker: ResponseTracker,
    request: RequestSite,
    project: ProjectFacts | None = None,
) -> OptionalToken | None:
    """The token argument of ``self._post(path, body, token=self.token)`` (or of
    ``_post("new", path, token, **body)``, positionally) where ``token`` holds the HeyGen
    token, is optional (``None`` by default) in the module's one function of that name, and
    the module calls the wrapper without it too (the create_token call did: that path sends
    the API key)."""
    func = request.node.func
    name = func.attr.value if isinstance(func, cst.Attribute) else None
    if isinstance(func, cst.Name):
        name = func.value
    found = tracker.functions_named(name or "")
    positions: dict[int, str] = {}
    if len(found) == 1:
        params = found[0].params
        optional = {
            param.name.value
            for param in params.params
            if isinstance(param.default, cst.Name) and param.default.value == "None"
        }
        positions = _optional_positions(found[0], request.node, optional)
    elif not found and project is not None and name is not None:
        # ``post(settings, path, body, token=None)`` of ``transport.py``: from the facts
        optional = {
            entry.split(":", 1)[1]
            for entry in project.optional_token_parameters
            if entry.split(":", 1)[0] == name
        }
    else:
        return None
    key = request.endpoint.key if request.endpoint is not None else None

    def holds_token(arg: cst.Arg) -> bool:
        # stop and keep-alive take the API key whatever token they were given (a token kept
        # in a state file between processes, which no reading here follows)
        return key in ("stop", "keep_alive") or holds_heygen_token(
            tracker, arg.value, request.call.context
        )

    dropped = [
        arg
        for arg in request.node.args
        if arg.keyword is not None and arg.keyword.value in optional and holds_token(arg)
    ]
    positional = [a for a in request.node.args if a.keyword is None and not a.star]
    dropped_at = [i for i, arg in positions.items() if holds_token(positional[i])]
    if len(dropped) + len(dropped_at) != 1:
        return None
    assert name is not None
    if dropped:
        keyword = dropped[0].keyword
        assert keyword is not None
        parameter = keyword.value
        argument, at = dropped[0], None
    else:
        at = dropped_at[0]
        parameter, argument = positions[at], positional[at]
    without = any(
        call.name is not None
        and call.name.split(".")[-1] == name
        and all(a.keyword is None or a.keyword.value != parameter for a in call.node.args)
        # a call without the token passes fewer positional arguments (and no ``*args``)
        and (
            at is None
            or (
                not any(a.star == "*" for a in call.node.args)
                and sum(1 for a in call.node.args if a.keyword is None and not a.star) <= at
            )
        )
        for call in index.calls
    )
    if not without:
        return None
    last = at is None or (
        at == len(positional) - 1 and not any(a.star == "*" for a in request.node.args)
    )
    return OptionalToken(name, parameter, argument, at is not None, last)


def _optional_positions(
    function: cst.FunctionDef, call: cst.Call, optional: set[str]
) -> dict[int, str]:
    """The positional arguments of ``call`` (by their index among them) that fill one of
    ``function``'s ``optional`` parameters; none when a ``*args`` makes positions unsure."""
    if any(a.star == "*" for a in call.args):
        return {}
    params = [*function.params.posonly_params, *function.params.params]
    names = [p.name.value for p in params]
    # ``self._post(...)``: the bound method's first parameter is not written at the call
    if isinstance(call.func, cst.Attribute) and names[:1] in (["self"], ["cls"]):
        names = names[1:]
    count = sum(1 for a in call.args if a.keyword is None and not a.star)
    return {i: names[i] for i in range(min(count, len(names))) if names[i] in optional}
