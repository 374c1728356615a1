"""What happens to HeyGen's response when its request became an event.

``liveavatar_bridge.emit`` returns the id of the event it published and raises
``LiveAvatarError`` when it could not, so the response handling around the call is dropped
(``raise_for_status()``, status checks, ``.json()``, ``async with ... as resp:`` blocks), reads of
``task_id`` become the event id, and every other use of the old response is marked.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.event_calls import EventCall
from ..analysis.response_uses import (
    assigned_name,
    assigned_value,
    parse_call,
    rebound,
    status_check,
)
from ..analysis.responses import ResponseTracker
from ..analysis.session_flow import session_flow
from ..analysis.task_responses import (
    binding_reads_after,
    certain_reads,
    chained_response_methods,
    checking_helper,
    in_removed,
    is_default_duration_read,
    is_subscript_duration_read,
    live_reads,
    modelling_helper,
    outer_await,
    raiser_call,
    releaser_call,
    replaceable_parse,
    result_of,
    returned_data_part,
    sole_non_raiser_read,
    sole_with_item,
    task_response_kind,
    with_target,
)
from ..apispec.events import RESPONSE_PARSERS, RESPONSE_RAISERS
from .base import RuleContext
from .checked_responses import event_answer_for_checker
from .task_response_shape import (
    DATA,
    OBJECT,
    SHARED_REPLACED_REQUESTS,
    as_heygen_model,
    as_heygen_response,
    as_http_response,
    collapse,
    data_level,
    data_read,
    first_argument,
    kept_as_heygen_response,
    maybe_rebound,
    not_a_response,
    returns_id,
)
from .task_statements import (
    drop_response_display,
    drop_status_check,
    flatten_with,
    remove_statement,
    status_as_success,
)

# The result ---------------------------------------------------------------------------------


def adapt_result(ctx: RuleContext, event: EventCall, emit: str) -> None:
    """Adapt the code that used HeyGen's response of the replaced call.

    ``emit`` returns the event id (a str) and raises ``LiveAvatarError`` itself: calls of
    ``raise_for_status()`` and failure checks of the status are dropped, ``.json()`` parses
    nothing any more (its value is the event id), a ``task_id`` read becomes the event id,
    ``duration_ms`` and every use that cannot be followed are marked.
    """
    node = result_of(ctx.index, event)
    if node is None:
        return  # a coroutine handed to asyncio or kept: its result is awaited elsewhere
    tracker = _tracker(ctx)
    kind = task_response_kind(ctx.index, tracker, event.request, event.target)
    for outer, method in chained_response_methods(ctx.index, node):
        if method in RESPONSE_PARSERS:
            kind = DATA
        collapse(ctx, outer)
        node = outer
    answerable = tracker.client_of(event.request) in ("requests", "httpx")
    _use(ctx, node, kind, emit, tracker.wrapper_returns_data_part(event.request), answerable)


def _tracker(ctx: RuleContext) -> ResponseTracker:
    return session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project).tracker


def _note_replaced(ctx: RuleContext, helper: cst.CSTNode) -> None:
    """Record ``helper`` with the calls the event rules replaced (``SHARED_REPLACED_REQUESTS``)."""
    replaced = ctx.shared.setdefault(SHARED_REPLACED_REQUESTS, set())
    assert isinstance(replaced, set)
    replaced.add(id(helper))


def _awaited_expression(updated: cst.CSTNode) -> cst.CSTNode:
    assert isinstance(updated, cst.Await)
    return updated.expression


def _use(
    ctx: RuleContext,
    node: cst.CSTNode,
    kind: str,
    emit: str,
    data_part: bool = False,
    answerable: bool = False,
) -> None:
    """What the statement around the call (now the event id) does with it; ``data_part``:
    the replaced wrapper returned the envelope's ``data``, not the envelope; ``answerable``:
    the request was a ``requests``/``httpx`` call, whose response a bridge object can be."""
    helper = checking_helper(ctx.index, _tracker(ctx), node)
    if helper is not None:
        # ``_check(requests.post(...))``: the helper read the status of a response there is no
        # more (``emit`` raises itself); the event call takes its place, and what the helper
        # returned (the parsed JSON) is followed from there.
        ctx.transform(helper, first_argument)
        _note_replaced(ctx, helper)
        checked, holder = outer_await(ctx.index, helper)
        if checked is not helper:
            # ``await _ok(await post(...))``: the async helper goes with its ``await`` (the
            # event call in its place is awaited already).
            ctx.transform(checked, _awaited_expression)
        if isinstance(holder, cst.Expr):
            return
        node, kind = checked, DATA
    modelled = modelling_helper(ctx.index, _tracker(ctx), node) if helper is None else None
    if modelled is not None:
        as_heygen_model(ctx, modelled[0], modelled[1], emit)
        return
    if helper is None and event_answer_for_checker(ctx, node, emit.rsplit(".", 1)[0]):
        return  # ``_check(emit(...))``, a helper returning its own kind of value (``Ok(...)``)
    if kind == DATA and kept_as_heygen_response(ctx, node, emit, None, data_part):
        return
    node, kind = data_level(ctx, node, kind)
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
    with_item = sole_with_item(ctx.index, node)
    if with_item is not None:
        _flatten_with(ctx, *with_item, kind, emit)
        return
    if (
        kind == DATA
        and isinstance(parent, (cst.Subscript, cst.Attribute))
        and data_read(ctx, node, None, emit)
    ):
        return
    # Returned or handed on where the reads cannot be followed (``return post(...).json()``,
    # ``run_in_executor(None, lambda: post(...))``): the value keeps HeyGen's shape, parsed
    # or, for a requests/httpx response, as a response object.
    if kind == DATA:
        as_heygen_response(ctx, node, emit, [], None, data_part)
        return
    if answerable and as_http_response(ctx, node, emit):
        return
    if isinstance(parent, cst.Return):
        ctx.manual(node, returns_id(emit))
        return
    ctx.manual(node, not_a_response(emit))


def _follow(
    ctx: RuleContext, binding: cst.CSTNode, name: str, kind: str, emit: str
) -> tuple[int, str | None]:
    """Adapt the reads of ``name`` after ``binding``.

    Returns how many reads are left in the code, and the name to bind the event id to
    instead when the only read parsed the response into another variable
    (``data = resp.json()``, whose reads are followed in turn).
    """
    flow = binding_reads_after(ctx.index, binding, name)
    reads = certain_reads(flow)
    left = 0
    # ``name`` is bound again on some paths before these reads: keep both.
    for read in live_reads(ctx.index, flow.uncertain, ctx.edits.removed):
        ctx.manual(read, maybe_rebound(name, emit))
        left += 1
    live = live_reads(ctx.index, reads, ctx.edits.removed)
    parse = sole_non_raiser_read(ctx.index, live) if kind == OBJECT and not left else None
    if parse is not None:
        rebind = _parsed_into(ctx, parse, emit)
        if rebind is not None:
            for read in live:
                if read is not parse:
                    remove_statement(ctx, ctx.statement_of(read))
            return 0, rebind
    for read in reads:
        if in_removed(ctx.index, read, ctx.edits.removed):
            continue
        if not _adapt_read(ctx, read, kind, emit):
            left += 1
    return left, None


def _parsed_into(ctx: RuleContext, read: cst.Name, emit: str) -> str | None:
    """``data = resp.json()`` (or ``await``, or its ``["data"]``), whose variable is still read
    after following it: the statement goes and ``data`` takes the event id."""
    node = replaceable_parse(ctx.index, read, ctx.edits.removed)
    if node is None:
        return None  # no parse, or each parse of ``resp`` keeps HeyGen's shape (:func:`_parsed`)
    level, _kind = data_level(ctx, node, DATA)
    assign = ctx.index.parent_of(level)
    data = assigned_name(assign, level)
    if data is None or data == read.value:
        return None
    assert assign is not None
    left, _rebind = _follow(ctx, assign, data, DATA, emit)
    remove_statement(ctx, ctx.statement_of(assign))
    return data if left else None


def _adapt_read(ctx: RuleContext, read: cst.Name, kind: str, emit: str) -> bool:
    """Adapt one read of the variable that held the response; True when it is gone."""
    if kind == DATA:
        if data_read(ctx, read, None, emit):
            # ``.get("duration_ms")`` gave way to its default; other reads still use ``read``.
            return is_default_duration_read(ctx.index, read)
        ctx.manual(read, not_a_response(emit))
        return False
    raiser = raiser_call(ctx.index, read) or releaser_call(ctx.index, read)
    if raiser is not None:
        call, method = raiser
        if not remove_statement(ctx, ctx.statement_of(call)):
            return False
        why = (
            "raises `LiveAvatarError` itself"
            if method in RESPONSE_RAISERS
            else "leaves no response"
        )
        ctx.fixed(call, f"`{method}()` goes: `{emit}` {why}")
        return True
    parse = parse_call(ctx.index, read)
    if parse is not None:
        return _parsed(ctx, read, parse, emit)
    check = status_check(ctx.index, read)
    if check is not None:
        test, failure, statement = check
        if statement is not None:
            if not drop_status_check(ctx, statement, failure):
                return False
            ctx.fixed(statement, f"the status check goes: `{emit}` raises on failure")
            return True
        # A status test used as a value (``return resp.ok``): ``emit`` raised otherwise.
        if ctx.replace(test, cst.Name("False" if failure else "True")):
            ctx.fixed(read, f"`{emit}` raises on failure: this status test is always met")
        return True
    helper = checking_helper(ctx.index, _tracker(ctx), read)
    if helper is not None:
        # ``_check(resp)`` parsed and checked HeyGen's response: ``emit`` raised on failure.
        # An awaited helper (``await _check(resp)``) goes with its ``await``: the shape is sync.
        checked, _holder = outer_await(ctx.index, helper)
        data_part = _tracker(ctx).helper_returns_data_part(helper)
        as_heygen_response(ctx, checked, emit, [], cst.Name(read.value), data_part)
        _note_replaced(ctx, helper)
        return False
    if drop_response_display(ctx, read, emit) or status_as_success(ctx, read, emit):
        return True
    ctx.manual(read, not_a_response(emit))
    return False


def _parsed(ctx: RuleContext, read: cst.Name, call: cst.Call, emit: str) -> bool:
    """``resp.json()`` (or ``await resp.json()``): the event id is ``resp`` itself now."""
    node, parent = outer_await(ctx.index, call)
    if isinstance(parent, cst.Expr):
        return remove_statement(ctx, ctx.statement_of(call))
    if kept_as_heygen_response(ctx, node, emit, cst.Name(read.value)):
        return False
    node, _kind = data_level(ctx, node, DATA)
    node, parent = returned_data_part(ctx.index, node, ctx.index.parent_of(node))
    if isinstance(parent, cst.Return):
        # ``return resp.json()``: the caller gets the event id, the closest thing there is.
        if ctx.replace(node, cst.Name(read.value)):
            ctx.manual(read, returns_id(emit))
        return False
    data = assigned_name(parent, node)
    if data is not None:
        assert parent is not None
        left, _rebind = _follow(ctx, parent, data, DATA, emit)
        if left == 0:
            return remove_statement(ctx, ctx.statement_of(parent))
        ctx.replace(node, cst.Name(read.value))
        return False
    if isinstance(parent, cst.Subscript) and is_subscript_duration_read(ctx.index, node):
        # ``resp.json()["data"]["duration_ms"]``: marked below, and read from HeyGen's shape
        # (``resp`` is the event id now: it parses nothing), so that the line fails on the
        # missing duration it is marked for, not on ``str.json``.
        as_heygen_response(ctx, node, emit, [], cst.Name(read.value))
    if isinstance(parent, (cst.Subscript, cst.Attribute)) and data_read(
        ctx, node, cst.Name(read.value), emit
    ):
        return False
    ctx.manual(read, not_a_response(emit))
    return False


def _flatten_with(
    ctx: RuleContext, statement: cst.With, item: cst.WithItem, kind: str, emit: str
) -> None:
    """``async with emit_async(...) as resp: body`` -> ``await emit_async(...)`` then ``body``."""
    name = with_target(item)
    keep = False
    if name is not None:
        left, rebind = _follow(ctx, statement, name, kind, emit)
        keep = left > 0 or rebind is not None
        name = rebind or name
    flatten_with(ctx, statement, name if keep else None)
