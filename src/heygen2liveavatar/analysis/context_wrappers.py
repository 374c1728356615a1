"""Knowledge-base request helpers that take the path after the base from their callers.

``def _kb(method, suffix="", payload=None): requests.request(method, f"{KB_BASE}/{suffix}" if
suffix else KB_BASE, json=payload)`` is called ``_kb("GET", "list")``, ``_kb("POST", kb_id,
body)``, ``_kb("POST", f"{kb_id}/delete")``: each call names its operation, the helper only
joins. LiveAvatar's Contexts name the operation with the HTTP method instead
(:mod:`.context_endpoints`), so each call is migrated where it stands: its method literal, the
operation word in its suffix, its payload and the reads of its result (H2L303).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from .context_endpoints import HOLE
from .endpoints import EndpointLiteral
from .http import wrapper_body_parameter
from .index import CallSite, Context, ModuleIndex, string_value, walk_nodes
from .values import ValueResolver
from .wrapper_params import METHOD, URL, callee_name, definition_parameters

_HTTP_CALLEES = frozenset({"get", "post", "put", "patch", "delete", "request"})


@dataclass
class ContextWrapperCall:
    call: CallSite
    method: str | None
    """The HTTP method the call passes (upper case), ``None`` when not a literal."""
    suffix: str
    """The knowledge-base path after the base (``/list``, ``/\\x00/delete``; holes ``\\x00``)."""
    suffix_arg: cst.Arg | None
    payload: cst.Arg | None


@dataclass
class ContextWrapper:
    function: cst.FunctionDef
    empty_suffix_ok: bool
    """An empty suffix gives the bare base (``... if suffix else KB_BASE``), not ``base/``."""
    calls: list[ContextWrapperCall] = field(default_factory=list)


def context_wrappers(
    index: ModuleIndex, resolver: ValueResolver, literal: EndpointLiteral
) -> list[ContextWrapper]:
    """Helpers of this module that append their caller's suffix to the knowledge-base base
    ``literal`` (its match ends the literal: nothing follows ``knowledge_base``)."""
    match = next((m for m in literal.matches if m.endpoint.key == "knowledge_base"), None)
    if match is None or match.kb_suffix or literal.site.value[match.end :]:
        return []
    found: list[ContextWrapper] = []
    for scope in index.function_scopes.values():
        function = scope.node
        if not isinstance(function, cst.FunctionDef):
            continue
        parameters = definition_parameters(function)
        url = [(n, p) for role, n, p in parameters if role == URL]
        method = [(n, p) for role, n, p in parameters if role == METHOD]
        if len(url) != 1 or len(method) != 1:
            continue
        shape = _url_shape(index, resolver, function, url[0][0], literal)
        if shape is None:
            continue
        wrapper = ContextWrapper(function, shape)
        for call in _calls_of(index, function):
            wrapper.calls.append(_call(index, call, url[0], method[0]))
        if wrapper.calls:
            found.append(wrapper)
    return found


def _url_shape(
    index: ModuleIndex,
    resolver: ValueResolver,
    function: cst.FunctionDef,
    parameter: str,
    literal: EndpointLiteral,
) -> bool | None:
    """``None`` unless the helper's request URL is ``<base> + "/" + <parameter>`` (an
    f-string or ``+``), possibly chosen by ``if <parameter> else <base>``; else whether an
    empty suffix is sent as the bare base."""
    for node in walk_nodes(function, into_scopes=False):
        if not isinstance(node, cst.Call):
            continue
        name = callee_name(node)
        if name is None or name.split(".")[-1] not in _HTTP_CALLEES:
            continue
        context = index.context_of(node)
        url = _url_argument(node, name.split(".")[-1])
        if context is None or url is None:
            continue
        empty_ok = False
        if isinstance(url, cst.IfExp):
            if not (isinstance(url.test, cst.Name) and url.test.value == parameter):
                continue
            orelse = resolver.resolve(url.orelse, context)
            empty_ok = len(orelse) == 1 and orelse[0].node is literal.node
            url = url.body
        if _joins(resolver, url, parameter, literal, context):
            return empty_ok
    return None


def _url_argument(call: cst.Call, last: str) -> cst.BaseExpression | None:
    positional = [a.value for a in call.args if a.keyword is None and not a.star]
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "url":
            return arg.value
    index = 1 if last == "request" else 0
    return positional[index] if len(positional) > index else None


def _joins(
    resolver: ValueResolver,
    url: cst.BaseExpression,
    parameter: str,
    literal: EndpointLiteral,
    context: Context,
) -> bool:
    """``f"{BASE}/{parameter}"`` or ``BASE + "/" + parameter`` with ``BASE`` the literal."""
    head: cst.BaseExpression
    if isinstance(url, cst.FormattedString) and url.parts:
        last = url.parts[-1]
        if not (
            isinstance(last, cst.FormattedStringExpression)
            and isinstance(last.expression, cst.Name)
            and last.expression.value == parameter
        ):
            return False
        head = url.with_changes(parts=url.parts[:-1])
    elif isinstance(url, cst.BinaryOperation) and isinstance(url.operator, cst.Add):
        if not (isinstance(url.right, cst.Name) and url.right.value == parameter):
            return False
        head = url.left
    else:
        return False
    pieces = resolver.resolve(head, context)
    texts = [p.text for p in pieces]
    return (
        len(pieces) >= 2
        and pieces[0].node is literal.node
        and None not in texts
        and "".join(t or "" for t in texts[1:]) == "/"
    )


def _calls_of(index: ModuleIndex, function: cst.FunctionDef) -> list[CallSite]:
    name = function.name.value
    params = function.params.params
    method = bool(params) and params[0].name.value in ("self", "cls")
    wanted = f"self.{name}" if method else name
    return [call for call in index.calls if call.name == wanted]


def _call(
    index: ModuleIndex, call: CallSite, url: tuple[str, int], method: tuple[str, int]
) -> ContextWrapperCall:
    method_arg = _argument(call.node, *method)
    suffix_arg = _argument(call.node, *url)
    verb = string_value(method_arg.value) if method_arg is not None else None
    body = wrapper_body_parameter(index, call.node)
    payload = _argument(call.node, *body) if body is not None else None
    return ContextWrapperCall(
        call,
        verb.upper() if verb else None,
        _suffix(suffix_arg.value if suffix_arg is not None else None),
        suffix_arg,
        payload,
    )


def _argument(call: cst.Call, name: str, position: int) -> cst.Arg | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[position] if 0 <= position < len(positional) else None


def _suffix(value: cst.BaseExpression | None) -> str:
    """The path the call appends after ``knowledge_base``, as HeyGen's table spells it."""
    if value is None:
        return ""
    text = string_value(value)
    if text is not None:
        return f"/{text}" if text else ""
    if isinstance(value, cst.FormattedString):
        return "/" + "".join(
            part.value if isinstance(part, cst.FormattedStringText) else HOLE
            for part in value.parts
        )
    return "/" + HOLE
