"""What H2L201, H2L202 and H2L203 share: a HeyGen in-session REST call becomes an event.

``streaming.task``, ``streaming.interrupt`` and ``streaming.start_listening`` /
``stop_listening`` have no LiveAvatar endpoint; in FULL mode they are events on the session's
LiveKit room. Each request call is replaced, where it stands, by a call of the helper module
the tool writes beside the file (``liveavatar_bridge``, see ``templates/``)::

    requests.post(TASK_URL, json={"session_id": sid, "text": t}, headers=H)
    ->  liveavatar_bridge.emit(sid, "avatar.speak_text", text=t)

keeping the shape of the code around it (``await``/``async with`` get ``emit_async``, blocking
calls inside ``async def`` become ``await ...emit_async(...)``). ``emit`` returns the id of the
event it published and raises ``LiveAvatarError`` when it could not, so the HeyGen response
handling around the call is dropped (``raise_for_status()``, status checks, ``.json()``,
``async with ... as resp:`` blocks), reads of ``task_id`` become the event id, and every other
use of the old response is marked (:func:`adapt_result`).
The fields come from the payload the request sent: a dict literal's values, or subscripts of
the payload variable (``payload["session_id"]``), which read exactly what was sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import libcst as cst

from ..analysis.call_shape import CallShape, call_shape, urlopen_of
from ..analysis.codegen import code_of
from ..analysis.dead_code import dead_locals, names_in
from ..analysis.http import RequestFinder, RequestSite, chosen_endpoint_requests
from ..analysis.index import dotted_name, string_value, walk_nodes
from ..analysis.names import name_reads
from ..analysis.payloads import dict_keys, unwrap_serialiser
from ..analysis.responses import parse_receiver
from ..apispec.events import (
    BRIDGE_EMIT,
    BRIDGE_EMIT_ASYNC,
    BRIDGE_MODULE,
    ENVELOPE_DATA,
    LIVEKIT_PACKAGE,
    RESPONSE_PARSERS,
    RESPONSE_RAISERS,
    RESPONSE_STATUS_ATTRIBUTES,
    SESSION_ID_FIELD,
    TASK_DURATION_FIELD,
    TASK_ID_FIELD,
)
from .base import RuleContext
from .dead_url_constants import remove_dead_constant

SHARED_REPLACED_REQUESTS = "events.replaced_requests"
"""``ctx.shared`` key: ids of request calls these rules replaced (other rules may skip them)."""
SHARED_HANDLED_READS = "events.handled_reads"
"""``ctx.shared`` key: ids of response field reads (``task_id``, ``duration_ms``) these rules
rewrote or marked (H2L404 leaves them alone)."""

_CLIENTS = frozenset({"requests", "httpx", "aiohttp"})
# A project wrapper's name says it sends something (``_request``, ``_post``, ``call_api``...).
_SENDER_NAME = re.compile(r"request|post|call|send|fetch|invoke|api|http", re.IGNORECASE)
_URLLIB_CALLEES = frozenset({"Request", "urlopen"})
_MUTATORS = frozenset({"update", "setdefault", "pop", "popitem", "clear"})
_NO_SPACE_EQUAL = cst.AssignEqual(
    whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
)
_LINE_LIMIT = 88
"""Longest line a rewrite writes on one line (black's default) unless the original was longer."""


SHARED_CHOSEN_LITERALS = "events_chosen_endpoints"
"""``ctx.shared`` key: calls and literals of endpoints chosen at run time, already replaced."""


def event_requests(ctx: RuleContext, keys: tuple[str, ...]) -> list[RequestSite]:
    """Requests to the endpoints ``keys`` that really send something (not a URL in a print)."""
    found = []
    for request in ctx.streaming_requests:
        if request.endpoint is None or request.endpoint.key not in keys:
            continue
        last = (request.call.name or "").split(".")[-1]
        if request.client == "urllib":
            sends = last in _URLLIB_CALLEES
        else:
            sends = (
                request.client in _CLIENTS
                or request.method is not None
                or bool(_SENDER_NAME.search(last))
            )
        if sends:
            found.append(request)
    return found


# Payloads -----------------------------------------------------------------------------------
@dataclass
class PayloadView:
    """The fields one request sends, as expressions a rewrite can put in its place.

    Either a dict literal written in the call (its values are used as they are) or a variable
    holding a dict (its fields are read back with subscripts, which is exact even when the
    dict is built over several statements).
    """

    variable: str | None
    node: cst.Dict | None
    """The dict literal: the inline payload, or the variable's only value."""
    stored: frozenset[str]
    """Keys the code sets on the variable after building it (``payload["text"] = ...``)."""
    complete: bool
    """``node`` (plus ``stored``) lists every key: no ``**spread``, no ``update()``, one assignment."""

    def keys(self) -> set[str]:
        found = set(dict_keys(self.node)) if self.node is not None else set()
        return found | self.stored

    def has(self, key: str) -> bool | None:
        """Whether the payload has ``key``: True, False, or None when it cannot be known."""
        if key in self.keys():
            return True
        return False if self.complete else None

    def value(self, key: str) -> cst.BaseExpression | None:
        """An expression for a field the request always sends (``None``: not visible)."""
        if self.variable is None:
            element = dict_keys(self.node).get(key) if self.node is not None else None
            return element.value if element is not None else None
        # A required HeyGen field of a dict whose keys are not all visible was sent anyway
        # (HeyGen rejected requests without it), so reading it back is exact.
        if self.has(key) is False:
            return None
        return self._subscript(key)

    def optional_value(self, key: str) -> cst.BaseExpression | None:
        """An expression for an optional field: ``None`` when it is surely absent."""
        presence = self.has(key)
        if presence is False:
            return None
        if self.variable is None:
            return self.value(key) if presence else None
        if presence:
            return self._subscript(key)
        return cst.Call(
            func=cst.Attribute(cst.Name(self.variable), cst.Name("get")),
            args=[cst.Arg(self._key(key))],
        )

    def literal(self, key: str) -> str | None:
        """The string literal sent as ``key``, when that is all it can be."""
        if (
            self.node is None
            or key in self.stored
            or (self.variable is not None and not self.complete)
        ):
            return None
        element = dict_keys(self.node).get(key)
        return string_value(element.value) if element is not None else None

    def _key(self, key: str) -> cst.SimpleString:
        quote = '"'
        for element in dict_keys(self.node).values() if self.node is not None else ():
            if isinstance(element.key, cst.SimpleString) and element.key.value.endswith("'"):
                quote = "'"
            break
        return cst.SimpleString(f"{quote}{key}{quote}")

    def _subscript(self, key: str) -> cst.Subscript:
        assert self.variable is not None
        return cst.Subscript(
            value=cst.Name(self.variable),
            slice=[cst.SubscriptElement(cst.Index(self._key(key)))],
        )


def payload_view(ctx: RuleContext, request: RequestSite) -> PayloadView | None:
    """What ``request`` sends, or ``None`` when it is not a dict the rewrite can read."""
    arg = request.payload
    if arg is None:
        return None
    context = request.call.context
    expr = unwrap_serialiser(arg.value, ctx.index)
    if isinstance(expr, cst.Name):
        # ``data = json.dumps(payload)`` ... ``post(url, data=data)``
        values = ctx.index.lookup(expr.value, context.scope)
        if len(values) == 1:
            unwrapped = unwrap_serialiser(values[0], ctx.index)
            if unwrapped is not values[0] and isinstance(unwrapped, (cst.Name, cst.Dict)):
                expr = unwrapped
    if isinstance(expr, cst.Dict):
        spread = any(isinstance(e, cst.StarredDictElement) for e in expr.elements)
        return PayloadView(None, expr, frozenset(), complete=not spread)
    if not isinstance(expr, cst.Name):
        return None
    name = expr.value
    values = ctx.index.lookup(name, context.scope)
    dicts = [v for v in values if isinstance(v, cst.Dict)]
    dict_calls = [v for v in values if isinstance(v, cst.Call) and dotted_name(v.func) == "dict"]
    if values and len(dicts) + len(dict_calls) != len(values):
        return None  # also bound to something that is not a dict
    if not values and not (arg.keyword is None or arg.keyword.value == "json"):
        # A parameter (or a global from elsewhere): a dict only if it is sent as JSON.
        return None
    # Only stores and mutations in the request's own function touch this variable: another
    # function's ``payload`` is another dict.
    stored: set[str] = set()
    for site in ctx.index.subscripts:
        if (
            site.context.function is context.function
            and isinstance(site.node.value, cst.Name)
            and site.node.value.value == name
            and _is_store(ctx, site.node)
        ):
            stored.add(site.key)
    mutated = any(
        call.context.function is context.function
        and (call.name or "").startswith(f"{name}.")
        and (call.name or "").split(".")[-1] in _MUTATORS
        for call in ctx.index.calls
    )
    node = dicts[0] if len(values) == 1 and dicts else None
    spread = node is not None and any(isinstance(e, cst.StarredDictElement) for e in node.elements)
    complete = node is not None and not spread and not mutated
    return PayloadView(name, node, frozenset(stored), complete)


def _is_store(ctx: RuleContext, node: cst.Subscript) -> bool:
    parent = ctx.index.parent_of(node)
    return isinstance(parent, (cst.AssignTarget, cst.AugAssign, cst.Del)) or (
        isinstance(parent, cst.AnnAssign) and parent.target is node
    )


# Rewriting ----------------------------------------------------------------------------------
@dataclass
class EventCall:
    """One request about to become an event: where the call stands and what it sent."""

    request: RequestSite
    target: cst.Call
    """The call replaced: the request call, or the ``urlopen`` that sends a urllib Request."""
    shape: CallShape
    payload: PayloadView | None


def prepare(ctx: RuleContext, request: RequestSite) -> EventCall | str:
    """An :class:`EventCall`, or why the request cannot be replaced where it stands."""
    target = request.node
    site = request.call
    if request.client == "urllib":
        use = urlopen_of(ctx.index, request.call)
        if use is None:
            return "the urllib request object is used in other ways too"
        target = use.call
        located = next((c for c in ctx.index.calls if c.node is target), None)
        if located is None:
            return "the urllib request is not sent here"
        site = located
    return EventCall(request, target, call_shape(ctx.index, site), payload_view(ctx, request))


def emit_event(
    ctx: RuleContext,
    event: EventCall,
    session_id: cst.BaseExpression,
    event_type: Callable[[str], cst.BaseExpression],
    fields: list[tuple[str, cst.BaseExpression]],
    message: str,
) -> bool:
    """Replace the call by ``liveavatar_bridge.emit[_async](session_id, event_type, **fields)``.

    ``event_type`` receives the local name of the helper module (for run-time choices);
    ``{emit}`` in ``message`` becomes the function called.
    """
    if ctx.is_suppressed(event.target) or ctx.is_suppressed(event.request.node):
        return False
    bridge = ctx.require_support_module(BRIDGE_MODULE)
    ctx.require_package(LIVEKIT_PACKAGE)  # the helper sends events with the LiveKit SDK
    shape = event.shape
    asynchronous = shape.yields_awaitable or shape.in_coroutine
    args = [
        cst.Arg(session_id),
        cst.Arg(event_type(bridge)),
        *(cst.Arg(value, keyword=cst.Name(name), equal=_NO_SPACE_EQUAL) for name, value in fields),
    ]
    func = cst.Attribute(
        cst.Name(bridge), cst.Name(BRIDGE_EMIT_ASYNC if asynchronous else BRIDGE_EMIT)
    )
    call = _laid_out_like(ctx, event.target, func, args)
    replacement: cst.BaseExpression = call
    if asynchronous and not shape.yields_awaitable:
        # Blocking code inside ``async def``: wait for the event without blocking the loop.
        parentheses = shape.await_needs_parentheses
        replacement = cst.Await(
            call,
            lpar=[cst.LeftParen()] if parentheses else [],
            rpar=[cst.RightParen()] if parentheses else [],
        )
    if not ctx.replace(event.target, replacement):
        return False
    ctx.prune_if_unused(names_in(event.target) | names_in(event.request.node))
    replaced = ctx.shared.setdefault(SHARED_REPLACED_REQUESTS, set())
    assert isinstance(replaced, set)
    replaced.update({id(event.request.node), id(event.target)})
    ctx.fixed(event.request.node, message.replace("{emit}", f"`{bridge}.{func.attr.value}`"))
    adapt_result(ctx, event, f"{bridge}.{func.attr.value}")
    return True


def _laid_out_like(
    ctx: RuleContext, original: cst.Call, func: cst.BaseExpression, args: list[cst.Arg]
) -> cst.Call:
    """The new call laid out as black would: on one line if it fits, else one argument a line.

    A trailing comma in the original (black's "magic trailing comma") keeps it exploded.
    """
    one_line = cst.Call(func=func, args=_separated(args))
    multiline = _is_multiline(original)
    if multiline and isinstance(original.args[-1].comma, cst.Comma):
        return _exploded_like(original, func, args)
    statement = ctx.statement_of(original)
    if statement is None:
        return one_line
    module = ctx.module
    statement_code = code_of(statement, module)
    call_code = code_of(original, module)
    at = statement_code.find(call_code)
    if at < 0:
        return one_line
    line_start = statement_code.rfind("\n", 0, at) + 1
    end = at + len(call_code)
    line_end = statement_code.find("\n", end)
    if line_end < 0:
        line_end = len(statement_code)
    # The statement's first line is printed without the block's indentation, later lines with it.
    indent = _indentation(ctx, statement)
    first_line = line_start == 0
    line = statement_code[line_start:at]
    lead = 0 if first_line else len(line) - len(line.lstrip()) - indent
    absolute = indent if first_line else 0
    new_length = absolute + (at - line_start) + len(code_of(one_line, module)) + (line_end - end)
    old_length = 0 if multiline else absolute + line_end - line_start
    if new_length <= max(_LINE_LIMIT, old_length):
        return one_line
    if multiline:
        return _exploded_like(original, func, args)
    # One argument per line, indented one step deeper than the line the call starts on.
    lead_text = " " * max(lead, 0)
    open_line = cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(),
        indent=True,
        last_line=cst.SimpleWhitespace(lead_text + module.default_indent),
    )
    close_line = cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(), indent=True, last_line=cst.SimpleWhitespace(lead_text)
    )
    laid = [arg.with_changes(comma=cst.Comma(whitespace_after=open_line)) for arg in args]
    laid[-1] = laid[-1].with_changes(comma=cst.Comma(whitespace_after=close_line))
    return cst.Call(func=func, args=laid, whitespace_before_args=open_line)


def _separated(args: list[cst.Arg]) -> list[cst.Arg]:
    comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    return [arg.with_changes(comma=comma) for arg in args[:-1]] + args[-1:]


def _is_multiline(call: cst.Call) -> bool:
    if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        return True
    return any(
        isinstance(arg.comma, cst.Comma)
        and isinstance(arg.comma.whitespace_after, cst.ParenthesizedWhitespace)
        for arg in call.args
    )


def _exploded_like(original: cst.Call, func: cst.BaseExpression, args: list[cst.Arg]) -> cst.Call:
    """One argument per line and a trailing comma, with the original call's indentation."""
    breaks = [
        arg.comma.whitespace_after
        for arg in original.args[:-1]
        if isinstance(arg.comma, cst.Comma)
        and isinstance(arg.comma.whitespace_after, cst.ParenthesizedWhitespace)
    ]
    opening = original.whitespace_before_args
    if not isinstance(opening, cst.ParenthesizedWhitespace) and breaks:
        opening = breaks[0]
    separator = breaks[0] if breaks else opening
    last = original.args[-1]
    closing = (
        last.comma.whitespace_after
        if isinstance(last.comma, cst.Comma)
        else last.whitespace_after_arg
    )
    laid = [arg.with_changes(comma=cst.Comma(whitespace_after=separator)) for arg in args]
    laid[-1] = laid[-1].with_changes(comma=cst.Comma(whitespace_after=closing))
    return cst.Call(func=func, args=laid, whitespace_before_args=opening)


def _indentation(ctx: RuleContext, node: cst.CSTNode) -> int:
    width = 0
    current = ctx.index.parent_of(node)
    while current is not None:
        if isinstance(current, cst.IndentedBlock):
            indent = current.indent if current.indent is not None else ctx.module.default_indent
            width += len(indent.expandtabs(8))
        current = ctx.index.parent_of(current)
    return width


# The result ---------------------------------------------------------------------------------
OBJECT = "object"
"""The value was HeyGen's response object (``resp``)."""
DATA = "data"
"""The value was the parsed JSON of that response (``resp.json()``)."""


def adapt_result(ctx: RuleContext, event: EventCall, emit: str) -> None:
    """Adapt the code that used HeyGen's response of the replaced call.

    ``emit`` returns the event id (a str) and raises ``LiveAvatarError`` itself: calls of
    ``raise_for_status()`` and failure checks of the status are dropped, ``.json()`` parses
    nothing any more (its value is the event id), a ``task_id`` read becomes the event id,
    ``duration_ms`` and every use that cannot be followed are marked.
    """
    node: cst.CSTNode = event.target
    if event.shape.handed_to_asyncio or event.shape.callee_is_coroutine_function:
        return  # a coroutine handed to asyncio: its result is awaited elsewhere
    parent = ctx.index.parent_of(node)
    if isinstance(parent, cst.Await):
        node = parent
    kind = OBJECT
    while (chained := _method_on(ctx, node)) is not None:
        outer, method = chained
        if method in RESPONSE_PARSERS:
            kind = DATA
        elif method not in RESPONSE_RAISERS:
            break
        _collapse(ctx, outer)
        node = outer
    _use(ctx, node, kind, emit)


def _method_on(ctx: RuleContext, node: cst.CSTNode) -> tuple[cst.Call, str] | None:
    """``node.method()`` (no arguments): the call and the method's name."""
    attribute = ctx.index.parent_of(node)
    if not isinstance(attribute, cst.Attribute) or attribute.value is not node:
        return None
    call = ctx.index.parent_of(attribute)
    if not isinstance(call, cst.Call) or call.func is not attribute or call.args:
        return None
    return call, attribute.attr.value


def _collapse(ctx: RuleContext, call: cst.Call) -> None:
    """``x.method()`` -> ``x`` (parenthesised only where the new place needs it)."""
    parent = ctx.index.parent_of(call)
    keep_parentheses = isinstance(parent, (cst.Attribute, cst.Subscript))

    def inner(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call) and isinstance(updated.func, cst.Attribute)
        value = updated.func.value
        if not keep_parentheses and isinstance(value, cst.Await):
            value = value.with_changes(lpar=[], rpar=[])
        return value

    ctx.transform(call, inner)


def _use(ctx: RuleContext, node: cst.CSTNode, kind: str, emit: str) -> None:
    """What the statement around the call (now the event id) does with it."""
    node, kind = _data_level(ctx, node, kind)
    parent = ctx.index.parent_of(node)
    if isinstance(parent, cst.Expr):
        return
    name = _assigned_name(parent, node)
    if name is not None:
        assert isinstance(parent, cst.Assign)
        left, rebind = _follow(ctx, parent, name, kind, emit)
        if rebind is not None:
            ctx.transform(parent, lambda updated: _rebound(updated, rebind))
        elif left == 0:
            ctx.transform(parent, lambda updated: cst.Expr(_assigned_value(updated)))
        return
    if isinstance(parent, cst.WithItem) and parent.item is node:
        statement = ctx.index.parent_of(parent)
        if isinstance(statement, cst.With) and len(statement.items) == 1:
            _flatten_with(ctx, statement, parent, kind, emit)
            return
    if (
        kind == DATA
        and isinstance(parent, (cst.Subscript, cst.Attribute))
        and _data_read(ctx, node, None, emit)
    ):
        return
    if isinstance(parent, cst.Return):
        ctx.manual(node, _returns_id(emit))
        return
    ctx.manual(node, _not_a_response(emit))


def _returns_id(emit: str) -> str:
    return (
        f"this returns the id of the event `{emit}` sent (a str) now, where HeyGen's "
        "response was returned: check what the callers do with it"
    )


def _is_data_subscript(parent: cst.CSTNode | None, node: cst.CSTNode) -> bool:
    """``node["data"]``."""
    return (
        isinstance(parent, cst.Subscript)
        and parent.value is node
        and len(parent.slice) == 1
        and isinstance(parent.slice[0].slice, cst.Index)
        and string_value(parent.slice[0].slice.value) == ENVELOPE_DATA
    )


def _data_level(ctx: RuleContext, node: cst.CSTNode, kind: str) -> tuple[cst.CSTNode, str]:
    """``<json>["data"]`` assigned as a whole is still the task data: follow it instead."""
    if kind != DATA:
        return node, kind
    parent = ctx.index.parent_of(node)
    if (
        _is_data_subscript(parent, node)
        and parent is not None
        and _assigned_name(ctx.index.parent_of(parent), parent) is not None
    ):
        ctx.transform(parent, lambda updated: _descend(updated, 1))
        return parent, DATA
    return node, kind


def _assigned_name(parent: cst.CSTNode | None, node: cst.CSTNode) -> str | None:
    """``name = node``: the name."""
    if (
        isinstance(parent, cst.Assign)
        and parent.value is node
        and len(parent.targets) == 1
        and isinstance(parent.targets[0].target, cst.Name)
    ):
        return parent.targets[0].target.value
    return None


def _assigned_value(updated: cst.CSTNode) -> cst.BaseExpression:
    assert isinstance(updated, cst.Assign)
    value = updated.value
    if isinstance(value, cst.Await):  # ``x = (await f())`` -> ``await f()``
        value = value.with_changes(lpar=[], rpar=[])
    return value


def _rebound(updated: cst.CSTNode, name: str) -> cst.CSTNode:
    assert isinstance(updated, cst.Assign)
    target = updated.targets[0].with_changes(target=cst.Name(name))
    return updated.with_changes(targets=[target], value=_assigned_value(updated))


def _not_a_response(emit: str) -> str:
    return (
        f"`{emit}` returns the id of the event it sent (a str) and raises `LiveAvatarError` "
        "on failure, where HeyGen returned its response: adapt this use"
    )


def _follow(
    ctx: RuleContext, binding: cst.CSTNode, name: str, kind: str, emit: str
) -> tuple[int, str | None]:
    """Adapt the reads of ``name`` after ``binding``.

    Returns how many reads are left in the code, and the name to bind the event id to
    instead when the only read parsed the response into another variable
    (``data = resp.json()``, whose reads are followed in turn).
    """
    context = ctx.index.context_of(ctx.statement_of(binding) or binding)
    root: cst.CSTNode = ctx.module
    if context is not None and context.function is not None:
        root = context.function
    after = ctx.index.position_of(binding)
    reads = [r for r in name_reads(ctx.index, root, name) if ctx.index.position_of(r) > after]
    live = [r for r in reads if not _in_removed(ctx, r)]
    if kind == OBJECT and len(live) - _raisers(ctx, live) == 1:
        parse = next(r for r in live if not _is_raiser(ctx, r))
        rebind = _parsed_into(ctx, parse, emit)
        if rebind is not None:
            for read in live:
                if read is not parse:
                    _remove(ctx, ctx.statement_of(read))
            return 0, rebind
    left = 0
    for read in reads:
        if _in_removed(ctx, read):
            continue
        if not _adapt_read(ctx, read, kind, emit):
            left += 1
    return left, None


def _is_raiser(ctx: RuleContext, read: cst.Name) -> bool:
    """``resp.raise_for_status()`` as a statement of its own."""
    chained = _method_on(ctx, read)
    return (
        chained is not None
        and chained[1] in RESPONSE_RAISERS
        and _is_whole_statement(ctx, chained[0])
    )


def _raisers(ctx: RuleContext, reads: list[cst.Name]) -> int:
    return sum(1 for read in reads if _is_raiser(ctx, read))


def _parsed_into(ctx: RuleContext, read: cst.Name, emit: str) -> str | None:
    """``data = resp.json()`` (or ``await``, or its ``["data"]``), whose variable is still read
    after following it: the statement goes and ``data`` takes the event id."""
    call = _parse_call(ctx, read)
    if call is None:
        return None
    node: cst.CSTNode = call
    parent = ctx.index.parent_of(node)
    if isinstance(parent, cst.Await):
        node = parent
    level, _kind = _data_level(ctx, node, DATA)
    assign = ctx.index.parent_of(level)
    data = _assigned_name(assign, level)
    if data is None or data == read.value:
        return None
    assert assign is not None
    left, _rebind = _follow(ctx, assign, data, DATA, emit)
    _remove(ctx, ctx.statement_of(assign))
    return data if left else None


def _in_removed(ctx: RuleContext, node: cst.CSTNode) -> bool:
    current: cst.CSTNode | None = node
    while current is not None:
        if id(current) in ctx.edits.removed:
            return True
        current = ctx.index.parent_of(current)
    return False


def _adapt_read(ctx: RuleContext, read: cst.Name, kind: str, emit: str) -> bool:
    """Adapt one read of the variable that held the response; True when it is gone."""
    if kind == DATA:
        if _data_read(ctx, read, None, emit):
            return False  # rewritten to the variable itself, or marked
        ctx.manual(read, _not_a_response(emit))
        return False
    chained = _method_on(ctx, read)
    if chained is not None:
        call, method = chained
        if method in RESPONSE_RAISERS and _is_whole_statement(ctx, call):
            if not _remove(ctx, ctx.statement_of(call)):
                return False
            ctx.fixed(call, f"`{method}()` goes: `{emit}` raises `LiveAvatarError` itself")
            return True
    parse = _parse_call(ctx, read)
    if parse is not None:
        return _parsed(ctx, read, parse, emit)
    check = _status_check(ctx, read)
    if check is not None:
        test, failure, statement = check
        if statement is not None:
            if not _drop_status_check(ctx, statement, failure):
                return False
            ctx.fixed(statement, f"the status check goes: `{emit}` raises on failure")
            return True
        # A status test used as a value (``return resp.ok``): ``emit`` raised otherwise.
        if ctx.replace(test, cst.Name("False" if failure else "True")):
            ctx.fixed(read, f"`{emit}` raises on failure: this status test is always met")
        return True
    ctx.manual(read, _not_a_response(emit))
    return False


def _parse_call(ctx: RuleContext, read: cst.Name) -> cst.Call | None:
    """The call that parses the response ``read`` names: ``resp.json()``, ``json.load(resp)``,
    ``json.loads(resp.read().decode())``..."""
    current: cst.CSTNode | None = read
    for _ in range(6):  # resp -> .read -> () -> .decode -> () -> Arg -> json.loads(...)
        current = ctx.index.parent_of(current) if current is not None else None
        if isinstance(current, cst.Call) and parse_receiver(current, ctx.index) is read:
            return current
        if not isinstance(current, (cst.Attribute, cst.Call, cst.Arg)):
            return None
    return None


def _is_whole_statement(ctx: RuleContext, expression: cst.CSTNode) -> bool:
    parent = ctx.index.parent_of(expression)
    if isinstance(parent, cst.Await):
        parent = ctx.index.parent_of(parent)
    return isinstance(parent, cst.Expr)


def _remove(ctx: RuleContext, statement: cst.CSTNode | None) -> bool:
    if statement is None or ctx.is_suppressed(statement):
        return False
    assert isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
    ctx.edits.remove(statement)
    return True


def _parsed(ctx: RuleContext, read: cst.Name, call: cst.Call, emit: str) -> bool:
    """``resp.json()`` (or ``await resp.json()``): the event id is ``resp`` itself now."""
    node: cst.CSTNode = call
    parent = ctx.index.parent_of(call)
    if isinstance(parent, cst.Await):
        node, parent = parent, ctx.index.parent_of(parent)
    if isinstance(parent, cst.Expr):
        return _remove(ctx, ctx.statement_of(call))
    node, _kind = _data_level(ctx, node, DATA)
    parent = ctx.index.parent_of(node)
    if (
        parent is not None
        and _is_data_subscript(parent, node)
        and isinstance(ctx.index.parent_of(parent), cst.Return)
    ):
        node, parent = parent, ctx.index.parent_of(parent)
    if isinstance(parent, cst.Return):
        # ``return resp.json()``: the caller gets the event id, the closest thing there is.
        if ctx.replace(node, cst.Name(read.value)):
            ctx.manual(read, _returns_id(emit))
        return False
    data = _assigned_name(parent, node)
    if data is not None:
        assert parent is not None
        left, _rebind = _follow(ctx, parent, data, DATA, emit)
        if left == 0:
            return _remove(ctx, ctx.statement_of(parent))
        ctx.replace(node, cst.Name(read.value))
        return False
    if isinstance(parent, (cst.Subscript, cst.Attribute)) and _data_read(
        ctx, node, cst.Name(read.value), emit
    ):
        return False
    ctx.manual(read, _not_a_response(emit))
    return False


def _data_read(
    ctx: RuleContext, base: cst.CSTNode, replacement: cst.BaseExpression | None, emit: str
) -> bool:
    """``base["data"]["task_id"]`` -> the event id; ``duration_ms`` marked. False: not one."""
    keys: list[str] = []
    node = base
    while True:
        parent = ctx.index.parent_of(node)
        if isinstance(parent, cst.Subscript) and parent.value is node and len(parent.slice) == 1:
            index = parent.slice[0].slice
            key = string_value(index.value) if isinstance(index, cst.Index) else None
            if key is None:
                break
            keys.append(key)
            node = parent
            continue
        chained = _get_call(ctx, node)
        if chained is None:
            break
        call, key = chained
        keys.append(key)
        node = call
    levels = len(keys)  # subscripts and ``.get()`` calls between ``base`` and ``node``
    if keys[:1] == [ENVELOPE_DATA]:
        keys = keys[1:]
    if not keys or keys[0] not in (TASK_ID_FIELD, TASK_DURATION_FIELD) or len(keys) > 1:
        return False
    handled = ctx.shared.setdefault(SHARED_HANDLED_READS, set())
    assert isinstance(handled, set)
    handled.add(id(node))
    if keys[0] == TASK_DURATION_FIELD and isinstance(node, cst.Call):
        # ``.get("duration_ms")``: the code already copes with no duration; it has none now.
        default = node.args[1].value if len(node.args) > 1 else cst.Name("None")
        if ctx.replace(node, default.deep_clone()):
            ctx.fixed(
                node,
                "no `duration_ms` any more (the code's own default stands in): the avatar sends "
                "`avatar.speak_ended` when it has finished",
            )
        return True
    if keys[0] == TASK_DURATION_FIELD:
        ctx.manual(
            node,
            "`duration_ms` has no LiveAvatar successor: the avatar sends `avatar.speak_ended` "
            "(topic `agent-response`, `source_event_id` = the event id) when it has finished",
        )
        return True
    if replacement is not None:
        done = ctx.replace(node, replacement)
    else:
        done = ctx.transform(node, lambda updated: _descend(updated, levels))
    if done:
        ctx.fixed(node, f"`task_id` becomes the id of the event `{emit}` sent")
    return True


def _descend(node: cst.CSTNode, depth: int) -> cst.CSTNode:
    """The expression ``depth`` subscripts / ``.get()`` calls below ``node`` (updated nodes)."""
    for _ in range(depth):
        if isinstance(node, cst.Subscript):
            node = node.value
        elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            node = node.func.value
    if isinstance(node, cst.Await):
        node = node.with_changes(lpar=[], rpar=[])
    return node


def _get_call(ctx: RuleContext, node: cst.CSTNode) -> tuple[cst.Call, str] | None:
    """``node.get("key")`` (a default or not): the call and the key."""
    attribute = ctx.index.parent_of(node)
    if not isinstance(attribute, cst.Attribute) or attribute.value is not node:
        return None
    call = ctx.index.parent_of(attribute)
    if (
        not isinstance(call, cst.Call)
        or call.func is not attribute
        or attribute.attr.value != "get"
        or not call.args
    ):
        return None
    key = string_value(call.args[0].value)
    return (call, key) if key is not None else None


_FAILURE_OPERATORS = (cst.NotEqual, cst.GreaterThanEqual, cst.GreaterThan, cst.NotIn)
_SUCCESS_OPERATORS = (cst.Equal, cst.LessThan, cst.LessThanEqual, cst.In)


def _status_check(
    ctx: RuleContext, read: cst.Name
) -> tuple[cst.BaseExpression, bool, cst.If | None] | None:
    """A test of the response's status (``resp.status_code != 200``, ``not resp.ok``...): the
    test, whether it is true on failure, and the ``if`` it is the whole test of (``None``
    when it is a value, as in ``return resp.ok``)."""
    attribute = ctx.index.parent_of(read)
    if not isinstance(attribute, cst.Attribute) or attribute.value is not read:
        return None
    if attribute.attr.value not in RESPONSE_STATUS_ATTRIBUTES:
        return None
    test: cst.BaseExpression = attribute
    failure = False
    parent = ctx.index.parent_of(attribute)
    if isinstance(parent, cst.Comparison) and len(parent.comparisons) == 1:
        operator = parent.comparisons[0].operator
        if isinstance(operator, _FAILURE_OPERATORS):
            failure = True
        elif not isinstance(operator, _SUCCESS_OPERATORS):
            return None
        test, parent = parent, ctx.index.parent_of(parent)
    elif attribute.attr.value in ("status_code", "status"):
        return None  # a status used as a value
    if isinstance(parent, cst.UnaryOperation) and isinstance(parent.operator, cst.Not):
        failure = not failure
        test, parent = parent, ctx.index.parent_of(parent)
    if isinstance(parent, cst.If) and parent.test is test:
        return test, failure, parent
    return test, failure, None


def _drop_status_check(ctx: RuleContext, statement: cst.If, failure: bool) -> bool:
    """``emit`` raised if sending failed: keep only the branch for success."""
    if ctx.is_suppressed(statement) or isinstance(statement.orelse, cst.If):
        return False
    kept: cst.BaseSuite | None
    if failure:
        kept = statement.orelse.body if isinstance(statement.orelse, cst.Else) else None
    else:
        kept = statement.body
    if kept is None:
        return _remove(ctx, statement)
    original = statement

    def branch(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.If)
        suite = updated.body if not failure else updated.orelse.body  # type: ignore[union-attr]
        statements = _statements_of(suite)
        first = statements[0]
        if isinstance(first, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            statements[0] = first.with_changes(
                leading_lines=[*original.leading_lines, *first.leading_lines]
            )
        return cst.FlattenSentinel(statements)  # type: ignore[return-value]

    return ctx.transform(statement, branch)


def _statements_of(suite: cst.BaseSuite) -> list[cst.BaseStatement]:
    if isinstance(suite, cst.IndentedBlock):
        return [s for s in suite.body if not (_is_pass(s) and len(suite.body) > 1)] or [
            cst.SimpleStatementLine(body=[cst.Pass()])
        ]
    assert isinstance(suite, cst.SimpleStatementSuite)
    return [cst.SimpleStatementLine(body=list(suite.body))]


def _is_pass(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Pass)
    )


def _flatten_with(
    ctx: RuleContext, statement: cst.With, item: cst.WithItem, kind: str, emit: str
) -> None:
    """``async with emit_async(...) as resp: body`` -> ``await emit_async(...)`` then ``body``."""
    name = (
        item.asname.name.value if item.asname and isinstance(item.asname.name, cst.Name) else None
    )
    keep = False
    if name is not None:
        left, rebind = _follow(ctx, statement, name, kind, emit)
        keep = left > 0 or rebind is not None
        name = rebind or name
    original = statement

    def flatten(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.With)
        value: cst.BaseExpression = updated.items[0].item
        if updated.asynchronous is not None:
            value = cst.Await(value)
        small: cst.BaseSmallStatement = (
            cst.Assign([cst.AssignTarget(cst.Name(name))], value)
            if keep and name is not None
            else cst.Expr(value)
        )
        first = cst.SimpleStatementLine([small], leading_lines=original.leading_lines)
        rest = [s for s in _statements_of(updated.body) if not _is_pass(s)]
        return cst.FlattenSentinel([first, *rest])  # type: ignore[return-value]

    ctx.transform(statement, flatten)


# What is left behind --------------------------------------------------------------------------
def mark_leftover_urls(ctx: RuleContext, key: str, handled: set[int], message: str) -> None:
    """Mark URL literals of endpoint ``key`` that no call uses any more.

    ``handled`` holds the request calls that were replaced.
    A URL inside a replaced call went with it, and a function local that only fed replaced
    calls is deleted after the edits, and so is a module constant no other file reads
    (``dead_url_constants``); other module constants, class attributes and ``self``
    attributes stay (other code may import or read them), so a person has to remove them.
    Literals still used by a call that was not replaced are left to that call's own marker.
    """
    removed: list[cst.CSTNode] = [
        request.node for request in ctx.streaming_requests if id(request.node) in handled
    ]
    chosen = ctx.shared.get(SHARED_CHOSEN_LITERALS, set())
    assert isinstance(chosen, set)
    for literal in ctx.literals.endpoint_literals(key):
        if not literal.is_target or id(literal.node) in chosen:
            continue
        if any(id(r.node) not in handled for r in literal.requests):
            continue
        if _inside(ctx, literal.node, handled):
            continue
        site = literal.site
        function = site.context.function
        if (
            literal.requests
            and function is not None
            and site.assigned_to is not None
            and site.assigned_to in dead_locals(function, removed)
        ):
            continue  # a local that only fed replaced calls: deleted after the edits
        if remove_dead_constant(ctx, literal, handled):
            continue
        ctx.manual(literal.node, message)


def _inside(ctx: RuleContext, node: cst.CSTNode, calls: set[int]) -> bool:
    current = ctx.index.parent_of(node)
    while current is not None:
        if id(current) in calls:
            return True
        current = ctx.index.parent_of(current)
    return False


def cannot_rewrite(endpoint: str, events: str, reason: str) -> str:
    """The marker text for a call left in place (``events``: the event names, in backticks)."""
    return (
        f"`streaming.{endpoint}` has no LiveAvatar endpoint: send the {events} event with "
        f"`{BRIDGE_MODULE}.{BRIDGE_EMIT}(session_id, ...)` instead ({reason})"
    )


def leftover_url_message(endpoint: str) -> str:
    return (
        f"`streaming.{endpoint}` has no LiveAvatar endpoint (its calls become "
        f"`{BRIDGE_MODULE}` events): migrate what still uses this URL, then delete it"
    )


def quoted(value: str, like: cst.Dict | None) -> cst.SimpleString:
    """``value`` as a string literal in the quote style of the payload's keys."""
    quote = '"'
    for element in like.elements if like is not None else ():
        if isinstance(element, cst.DictElement) and isinstance(element.key, cst.SimpleString):
            quote = "'" if element.key.value.endswith("'") else '"'
            break
    return cst.SimpleString(f"{quote}{value}{quote}")


def constant(expr: cst.BaseExpression) -> Callable[[str], cst.BaseExpression]:
    """An ``event_type`` argument for :func:`emit_event` that does not need the module name."""

    def make(_bridge: str) -> cst.BaseExpression:
        return expr

    return make


def rewrite_control_events(ctx: RuleContext, events: dict[str, str]) -> None:
    """Replace requests to each endpoint in ``events`` (key -> event type) by that event.

    These events carry nothing but the session id (interrupt, start/stop listening).
    """
    handled: set[int] = set()
    for request in event_requests(ctx, tuple(events)):
        assert request.endpoint is not None
        key = request.endpoint.key
        event_name = events[key]
        prepared = prepare(ctx, request)
        if isinstance(prepared, str):
            ctx.manual(request.node, cannot_rewrite(key, f"`{event_name}`", prepared))
            continue
        view = prepared.payload
        session_id = view.value(SESSION_ID_FIELD) if view is not None else None
        if view is None or session_id is None:
            reason = "the session id this call sends is not visible here"
            ctx.manual(request.node, cannot_rewrite(key, f"`{event_name}`", reason))
            continue
        literal = quoted(event_name, view.node)
        done = emit_event(
            ctx,
            prepared,
            session_id,
            constant(literal),
            [],
            f"`streaming.{key}` becomes the `{event_name}` event, sent with {{emit}}",
        )
        if not done:
            continue
        handled.add(id(request.node))
        extra = sorted(view.keys() - {SESSION_ID_FIELD})
        if extra:
            fields = ", ".join(f"`{name}`" for name in extra)
            # On the statement that now emits the event: the request's own statement (a
            # urllib ``Request`` built apart) may be deleted as dead code.
            ctx.manual(
                prepared.target,
                f"the `{event_name}` event carries no other field: {fields} is no longer sent",
            )
    _rewrite_chosen(ctx, events)
    for key in events:
        mark_leftover_urls(ctx, key, handled, leftover_url_message(key))


def _rewrite_chosen(ctx: RuleContext, events: dict[str, str]) -> None:
    """``post("/streaming.start_listening" if on else "/streaming.stop_listening", ...)``: the
    event is chosen the same way (``"avatar.start_listening" if on else ...``)."""
    wrappers = ctx.project.wrapper_bodies if ctx.project is not None else ()
    finder = RequestFinder(ctx.index, ctx.resolver, wrappers)
    done = ctx.shared.setdefault(SHARED_CHOSEN_LITERALS, set())
    assert isinstance(done, set)
    for chosen in chosen_endpoint_requests(finder):
        if not all(key in events for key in chosen.keys) or id(chosen.site.node) in done:
            continue
        prepared = prepare(ctx, chosen.site)
        if isinstance(prepared, str) or prepared.payload is None:
            continue
        session_id = prepared.payload.value(SESSION_ID_FIELD)
        if session_id is None:
            continue
        first, second = (events[key] for key in chosen.keys)
        test = chosen.test

        def event_type(
            _bridge: str,
            first: str = first,
            second: str = second,
            test: cst.BaseExpression = test,
        ) -> cst.BaseExpression:
            return cst.IfExp(
                test=test.deep_clone(),
                body=cst.SimpleString(f'"{first}"'),
                orelse=cst.SimpleString(f'"{second}"'),
            )

        if emit_event(
            ctx,
            prepared,
            session_id,
            event_type,
            [],
            f"the endpoint chosen at run time becomes the `{first}` or `{second}` event, "
            "chosen the same way and sent with {emit}",
        ):
            done.add(id(chosen.site.node))
            done.update(
                id(node)
                for literal in chosen.literals
                for node in (literal, *walk_nodes(literal))
                if isinstance(node, (cst.SimpleString, cst.FormattedStringText))
            )


__all__ = [
    "SHARED_HANDLED_READS",
    "SHARED_REPLACED_REQUESTS",
    "EventCall",
    "PayloadView",
    "adapt_result",
    "cannot_rewrite",
    "constant",
    "emit_event",
    "event_requests",
    "leftover_url_message",
    "mark_leftover_urls",
    "payload_view",
    "prepare",
    "quoted",
    "rewrite_control_events",
]
