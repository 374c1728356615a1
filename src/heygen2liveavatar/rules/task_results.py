"""What happens to HeyGen's response when its request became an event.

``liveavatar_bridge.emit`` returns the id of the event it published and raises
``LiveAvatarError`` when it could not, so the response handling around the call is dropped
(``raise_for_status()``, status checks, ``.json()``, ``async with ... as resp:`` blocks), reads of
``task_id`` become the event id, and every other use of the old response is marked.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.codegen import code_of
from ..analysis.event_calls import EventCall
from ..analysis.http import RequestSite
from ..analysis.index import Context
from ..analysis.layout import is_multiline, laid_out_like, unwrapped_argument
from ..analysis.names import name_reads
from ..analysis.response_models import model_built_from
from ..analysis.response_uses import (
    assigned_name,
    assigned_value,
    descend,
    field_path,
    is_data_subscript,
    is_pass,
    is_whole_statement,
    method_on,
    parse_call,
    rebound,
    statements_of,
    status_check,
)
from ..analysis.responses import UNKNOWN
from ..analysis.session_flow import session_flow
from ..apispec.events import (
    BRIDGE_TASK_RESPONSE,
    ENVELOPE_DATA,
    RESPONSE_PARSERS,
    RESPONSE_RAISERS,
    TASK_DURATION_FIELD,
    TASK_ID_FIELD,
)
from .base import RuleContext

SHARED_REPLACED_REQUESTS = "events.replaced_requests"
"""``ctx.shared`` key: ids of request calls the event rules replaced, and of the calls that
checked their responses (``_check(resp)``); other rules skip them and what they hold."""
SHARED_HANDLED_READS = "events.handled_reads"
"""``ctx.shared`` key: ids of response field reads (``task_id``, ``duration_ms``) these rules
rewrote or marked (H2L404 leaves them alone)."""


def adapted_here(ctx: RuleContext, request: RequestSite, context: Context) -> bool:
    """Whether the event rules replaced ``request`` and adapted the uses of its response in
    ``context``'s function (reads elsewhere, in its callers, are left to the other rules)."""
    replaced = ctx.shared.get(SHARED_REPLACED_REQUESTS, set())
    assert isinstance(replaced, set)
    return id(request.node) in replaced and context.function is request.call.context.function


# The result ---------------------------------------------------------------------------------
OBJECT = "object"
"""The value was HeyGen's response object (``resp``)."""
DATA = "data"
"""The value was the parsed JSON of that response (``resp.json()``)."""
_NO_DURATION = (
    "`duration_ms` has no LiveAvatar successor: the avatar sends `avatar.speak_ended` "
    "(topic `agent-response`, `source_event_id` = the event id) when it has finished"
)


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
    tracker = session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project).tracker
    # A project wrapper that returns the parsed JSON (``return resp.json()``) gave callers data.
    # So did a wrapper of unknown shape (another module's) whose result is indexed like JSON.
    request_kind = tracker.kind_of_request(event.request)
    json_like = request_kind == UNKNOWN and tracker.has_data_reads(event.request)
    kind = DATA if request_kind == DATA or json_like else OBJECT
    while (chained := method_on(ctx.index, node)) is not None:
        outer, method = chained
        if method in RESPONSE_PARSERS:
            kind = DATA
        elif method not in RESPONSE_RAISERS:
            break
        _collapse(ctx, outer)
        node = outer
    _use(ctx, node, kind, emit)


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
    helper = _checking_helper(ctx, node) if isinstance(node, cst.BaseExpression) else None
    if helper is not None:
        # ``_check(requests.post(...))``: the helper read the status of a response there is no
        # more (``emit`` raises itself); the event call takes its place, and what the helper
        # returned (the parsed JSON) is followed from there.
        ctx.transform(helper, _first_argument)
        replaced = ctx.shared.setdefault(SHARED_REPLACED_REQUESTS, set())
        assert isinstance(replaced, set)
        replaced.add(id(helper))
        if isinstance(ctx.index.parent_of(helper), cst.Expr):
            return
        node, kind = helper, DATA
    if kind == DATA and _kept_as_heygen_response(ctx, node, emit, None):
        return
    node, kind = _data_level(ctx, node, kind)
    parent = ctx.index.parent_of(node)
    if isinstance(parent, cst.Expr):
        return
    name = assigned_name(parent, node)
    if name is not None:
        assert isinstance(parent, cst.Assign)
        left, rebind = _follow(ctx, parent, name, kind, emit)
        if rebind is not None:
            ctx.transform(parent, lambda updated: rebound(updated, rebind))
        elif left == 0:
            ctx.transform(parent, lambda updated: cst.Expr(assigned_value(updated)))
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


def _data_level(ctx: RuleContext, node: cst.CSTNode, kind: str) -> tuple[cst.CSTNode, str]:
    """``<json>["data"]`` assigned as a whole is still the task data: follow it instead."""
    if kind != DATA:
        return node, kind
    parent = ctx.index.parent_of(node)
    if (
        is_data_subscript(parent, node)
        and parent is not None
        and assigned_name(ctx.index.parent_of(parent), parent) is not None
    ):
        ctx.transform(parent, lambda updated: descend(updated, 1))
        return parent, DATA
    return node, kind


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
    reads = _reads_after(ctx, binding, name)
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


def _reads_after(ctx: RuleContext, binding: cst.CSTNode, name: str) -> list[cst.Name]:
    """The reads of ``name`` after ``binding``, in its function (or the module)."""
    context = ctx.index.context_of(ctx.statement_of(binding) or binding)
    root: cst.CSTNode = ctx.module
    if context is not None and context.function is not None:
        root = context.function
    after = ctx.index.position_of(binding)
    return [r for r in name_reads(ctx.index, root, name) if ctx.index.position_of(r) > after]


# HeyGen's response shape, kept for code that reads more than ``task_id`` ---------------------
def _task_field(keys: list[str]) -> str | None:
    """``task_id`` or ``duration_ms`` when that is what ``keys`` (below the JSON) read."""
    if keys[:1] == [ENVELOPE_DATA]:
        keys = keys[1:]
    if len(keys) == 1 and keys[0] in (TASK_ID_FIELD, TASK_DURATION_FIELD):
        return keys[0]
    return None


def _bound_level(ctx: RuleContext, node: cst.CSTNode) -> cst.CSTNode:
    """``node``, or ``node["data"]`` when that is what a name is bound to."""
    parent = ctx.index.parent_of(node)
    if (
        parent is not None
        and is_data_subscript(parent, node)
        and assigned_name(ctx.index.parent_of(parent), parent) is not None
    ):
        return parent
    return node


def _needs_response_shape(ctx: RuleContext, node: cst.CSTNode) -> list[cst.Name] | None:
    """The reads of the JSON value ``node`` (HeyGen's parsed task response) when some of them
    read more than ``task_id``/``duration_ms`` (``body.get("code")``, ``(body.get("data") or
    {})``, passing it on, returning it); ``None`` when each read becomes the event id."""
    level = _bound_level(ctx, node)
    holder = ctx.index.parent_of(level)
    if holder is None or isinstance(holder, cst.Expr):
        return None
    name = assigned_name(holder, level)
    if name is not None:
        reads = [r for r in _reads_after(ctx, holder, name) if not _in_removed(ctx, r)]
        keys = [field_path(ctx.index, read)[0] for read in reads]
        if all(_task_field(k) is not None for k in keys):
            return None
        return reads
    if isinstance(holder, cst.WithItem) or _task_field(field_path(ctx.index, node)[0]):
        return None
    return []


def _kept_as_heygen_response(
    ctx: RuleContext, node: cst.CSTNode, emit: str, value: cst.BaseExpression | None
) -> bool:
    """Give code that reads HeyGen's task response its shape back (``code``, ``message``,
    ``data.task_id`` = the event id) where the reads need more than the event id."""
    reads = _needs_response_shape(ctx, node)
    if reads is None:
        return False
    _as_heygen_response(ctx, node, emit, reads, value)
    return True


def _as_heygen_response(
    ctx: RuleContext,
    node: cst.CSTNode,
    emit: str,
    reads: list[cst.Name],
    value: cst.BaseExpression | None,
) -> None:
    """``node`` -> ``liveavatar_bridge.task_response(node)`` (or of ``value``); its reads of
    ``duration_ms`` by subscript are marked (there is none)."""
    bridge = emit.rsplit(".", 1)[0]
    func = cst.Attribute(cst.Name(bridge), cst.Name(BRIDGE_TASK_RESPONSE))

    original = _request_call_in(node)
    extra = len(code_of(func, ctx.module)) + 2  # ``func(`` and ``)`` around the call

    def wrap(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.BaseExpression)
        inner = value if value is not None else updated
        if isinstance(inner, cst.Await):
            inner = inner.with_changes(lpar=[], rpar=[])
        call = inner.expression if isinstance(inner, cst.Await) else inner
        if (
            value is None
            and isinstance(call, cst.Call)
            and original is not None
            and not is_multiline(call)
        ):
            # Laid out again with the wrapper's width: one argument a line if it is too long.
            relaid = laid_out_like(ctx.index, original, call.func, list(call.args), extra)
            inner = inner.with_changes(expression=relaid) if inner is not call else relaid
        return cst.Call(func, [cst.Arg(inner)])

    if not ctx.transform(node, wrap):
        return
    ctx.fixed(
        node,
        f"the code reads HeyGen's response: `{bridge}.{BRIDGE_TASK_RESPONSE}` gives it that "
        f"shape (`code` 100, as `{emit}` raises on failure; `data.task_id` = the event id; no "
        "`duration_ms`)",
    )
    handled = ctx.shared.setdefault(SHARED_HANDLED_READS, set())
    assert isinstance(handled, set)
    for read in reads:
        model = model_built_from(ctx.index, read)
        if model is not None and any(
            f.name == TASK_DURATION_FIELD and not f.has_default for f in model[1]
        ):
            ctx.manual(
                read,
                f"`{model[0]}` requires `duration_ms`, which LiveAvatar does not report: give "
                "the field a default or drop it (the avatar sends `avatar.speak_ended` when it "
                "has finished)",
            )
        keys, outer = field_path(ctx.index, read)
        field = _task_field(keys)
        if field is None:
            continue
        handled.add(id(outer))
        if field == TASK_DURATION_FIELD and isinstance(outer, cst.Subscript):
            ctx.manual(outer, _NO_DURATION)


def _request_call_in(node: cst.CSTNode) -> cst.Call | None:
    """The request call under ``await`` and parse calls (``(await requests.post(...)).json()``)."""
    while True:
        if isinstance(node, cst.Await):
            node = node.expression
        elif (
            isinstance(node, cst.Call)
            and not node.args
            and isinstance(node.func, cst.Attribute)
            and isinstance(node.func.value, (cst.Call, cst.Await))
        ):
            node = node.func.value
        else:
            return node if isinstance(node, cst.Call) else None


def _first_argument(call: cst.CSTNode) -> cst.BaseExpression:
    assert isinstance(call, cst.Call)
    return unwrapped_argument(call)


def _checking_helper(ctx: RuleContext, read: cst.BaseExpression) -> cst.Call | None:
    """``_check(resp, ...)``: the project's helper that checks and parses the response."""
    arg = ctx.index.parent_of(read)
    call = ctx.index.parent_of(arg) if isinstance(arg, cst.Arg) else None
    if not isinstance(call, cst.Call) or not call.args or call.args[0] is not arg:
        return None
    site = next((c for c in ctx.index.calls if c.node is call), None)
    if site is None:
        return None
    tracker = session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project).tracker
    return call if tracker.checked_by_helper(call, site.context) is read else None


def _is_raiser(ctx: RuleContext, read: cst.Name) -> bool:
    """``resp.raise_for_status()`` as a statement of its own."""
    chained = method_on(ctx.index, read)
    return (
        chained is not None
        and chained[1] in RESPONSE_RAISERS
        and is_whole_statement(ctx.index, chained[0])
    )


def _raisers(ctx: RuleContext, reads: list[cst.Name]) -> int:
    return sum(1 for read in reads if _is_raiser(ctx, read))


def _parsed_into(ctx: RuleContext, read: cst.Name, emit: str) -> str | None:
    """``data = resp.json()`` (or ``await``, or its ``["data"]``), whose variable is still read
    after following it: the statement goes and ``data`` takes the event id."""
    call = parse_call(ctx.index, read)
    if call is None:
        return None
    node: cst.CSTNode = call
    parent = ctx.index.parent_of(node)
    if isinstance(parent, cst.Await):
        node = parent
    if _needs_response_shape(ctx, node):
        return None  # each parse of ``resp`` keeps HeyGen's shape (:func:`_parsed`)
    level, _kind = _data_level(ctx, node, DATA)
    assign = ctx.index.parent_of(level)
    data = assigned_name(assign, level)
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
            # ``.get("duration_ms")`` gave way to its default; other reads still use ``read``.
            keys, outer = field_path(ctx.index, read)
            return _task_field(keys) == TASK_DURATION_FIELD and isinstance(outer, cst.Call)
        ctx.manual(read, _not_a_response(emit))
        return False
    chained = method_on(ctx.index, read)
    if chained is not None:
        call, method = chained
        if method in RESPONSE_RAISERS and is_whole_statement(ctx.index, call):
            if not _remove(ctx, ctx.statement_of(call)):
                return False
            ctx.fixed(call, f"`{method}()` goes: `{emit}` raises `LiveAvatarError` itself")
            return True
    parse = parse_call(ctx.index, read)
    if parse is not None:
        return _parsed(ctx, read, parse, emit)
    check = status_check(ctx.index, read)
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
    helper = _checking_helper(ctx, read)
    if helper is not None:
        # ``_check(resp)`` parsed and checked HeyGen's response: ``emit`` raised on failure.
        _as_heygen_response(ctx, helper, emit, [], cst.Name(read.value))
        replaced = ctx.shared.setdefault(SHARED_REPLACED_REQUESTS, set())
        assert isinstance(replaced, set)
        replaced.add(id(helper))
        return False
    ctx.manual(read, _not_a_response(emit))
    return False


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
    if _kept_as_heygen_response(ctx, node, emit, cst.Name(read.value)):
        return False
    node, _kind = _data_level(ctx, node, DATA)
    parent = ctx.index.parent_of(node)
    if (
        parent is not None
        and is_data_subscript(parent, node)
        and isinstance(ctx.index.parent_of(parent), cst.Return)
    ):
        node, parent = parent, ctx.index.parent_of(parent)
    if isinstance(parent, cst.Return):
        # ``return resp.json()``: the caller gets the event id, the closest thing there is.
        if ctx.replace(node, cst.Name(read.value)):
            ctx.manual(read, _returns_id(emit))
        return False
    data = assigned_name(parent, node)
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
    keys, node = field_path(ctx.index, base)
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
        ctx.manual(node, _NO_DURATION)
        return True
    if replacement is not None:
        done = ctx.replace(node, replacement)
    else:
        done = ctx.transform(node, lambda updated: descend(updated, levels))
    if done:
        ctx.fixed(node, f"`task_id` becomes the id of the event `{emit}` sent")
    return True


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
        statements = statements_of(suite)
        first = statements[0]
        if isinstance(first, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            statements[0] = first.with_changes(
                leading_lines=[*original.leading_lines, *first.leading_lines]
            )
        return cst.FlattenSentinel(statements)  # type: ignore[return-value]

    return ctx.transform(statement, branch)


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
        rest = [s for s in statements_of(updated.body) if not is_pass(s)]
        return cst.FlattenSentinel([first, *rest])  # type: ignore[return-value]

    ctx.transform(statement, flatten)
