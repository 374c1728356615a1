"""HeyGen's task / interrupt / listening response and the code that reads it.

The event rules replace those requests by ``liveavatar_bridge.emit``, which returns the id of
the event it published. What the surrounding code did with HeyGen's response decides what the
rules write (``rules/task_results.py``): reads of only ``task_id`` (and ``duration_ms``) take the
event id; anything more (``code``, ``message``, passing the JSON on) needs HeyGen's shape back.
This module answers those questions from the tree: where the replaced call's result is used
(``result_of``), whether it was a response object or parsed JSON (``task_response_kind``), the
parsers and raisers chained on it, the reads of a name holding it that still stand, and which
of them check, parse or model it. It edits nothing.
"""

from __future__ import annotations

import libcst as cst

from ..apispec.events import (
    ENVELOPE_DATA,
    RESPONSE_PARSERS,
    RESPONSE_RAISERS,
    RESPONSE_RELEASERS,
    TASK_DURATION_FIELD,
    TASK_ID_FIELD,
)
from .call_shape import result_expression
from .event_calls import EventCall
from .http import RequestSite
from .index import ModuleIndex
from .names import BindingReads, binding_reads
from .response_uses import (
    assigned_name,
    field_path,
    is_data_subscript,
    is_whole_statement,
    method_on,
    parse_call,
)
from .responses import DATA, OBJECT, UNKNOWN, ResponseTracker, indexed_like_json


def result_of(index: ModuleIndex, event: EventCall) -> cst.CSTNode | None:
    """Where the replaced call's result is used: the call, its ``await``, or the
    ``asyncio.run(call)`` of a sync edge; ``None`` for a coroutine handed to asyncio otherwise,
    or kept (its result is awaited elsewhere)."""
    shape = event.shape
    node: cst.CSTNode = result_expression(index, event.target)
    # ``asyncio.run(call)``, or ``await asyncio.wait_for(call, ...)``: the result is used here.
    run_here = shape.handed_to_asyncio and node is not event.target
    if not run_here and (
        shape.handed_to_asyncio
        or shape.coroutine_kept
        or (shape.callee_is_coroutine_function and not shape.awaited)
    ):
        return None
    return node


def sole_with_item(index: ModuleIndex, node: cst.CSTNode) -> tuple[cst.With, cst.WithItem] | None:
    """The ``with`` statement whose one item is ``node`` (``async with post(...) as resp:``)."""
    item = index.parent_of(node)
    if not isinstance(item, cst.WithItem) or item.item is not node:
        return None
    statement = index.parent_of(item)
    if isinstance(statement, cst.With) and len(statement.items) == 1:
        return statement, item
    return None


def task_response_kind(
    index: ModuleIndex, tracker: ResponseTracker, request: RequestSite, target: cst.BaseExpression
) -> str:
    """``DATA`` when the replaced ``request`` (its call: ``target``) gave the parsed JSON: a
    project wrapper that returns it (``return resp.json()``), or a wrapper of unknown shape
    (another module's) whose result is read or indexed like JSON; ``OBJECT`` otherwise."""
    request_kind = tracker.kind_of_request(request)
    json_like = request_kind == UNKNOWN and (
        tracker.has_data_reads(request) or indexed_like_json(index, target)
    )
    return DATA if request_kind == DATA or json_like else OBJECT


def chained_response_methods(index: ModuleIndex, node: cst.CSTNode) -> list[tuple[cst.Call, str]]:
    """The parsers and raisers called on ``node`` one on another (``post(...).json()``,
    ``resp.raise_for_status().json()``), innermost first, up to the first other method:
    each call with its method's name."""
    chain: list[tuple[cst.Call, str]] = []
    while (chained := method_on(index, node)) is not None:
        outer, method = chained
        if method not in RESPONSE_PARSERS and method not in RESPONSE_RAISERS:
            break
        chain.append(chained)
        node = outer
    return chain


def is_default_duration_read(index: ModuleIndex, read: cst.Name) -> bool:
    """``read.get("duration_ms", ...)`` (also under ``["data"]``): a call reading the task's
    duration, which can give way to its default."""
    keys, outer = field_path(index, read)
    return task_field(keys) == TASK_DURATION_FIELD and isinstance(outer, cst.Call)


def is_subscript_duration_read(index: ModuleIndex, base: cst.CSTNode) -> bool:
    """``base["data"]["duration_ms"]`` (or ``base["duration_ms"]``): a read of the task's
    duration by subscript, which has no default to give way to."""
    keys, outer = field_path(index, base)
    return task_field(keys) == TASK_DURATION_FIELD and isinstance(outer, cst.Subscript)


def sole_non_raiser_read(index: ModuleIndex, reads: list[cst.Name]) -> cst.Name | None:
    """The one read of a response that is not ``resp.raise_for_status()`` as a statement of
    its own, when all the others are."""
    others = [read for read in reads if not is_raiser(index, read)]
    return others[0] if len(others) == 1 else None


def task_field(keys: list[str]) -> str | None:
    """``task_id`` or ``duration_ms`` when that is what ``keys`` (below the JSON) read."""
    if keys[:1] == [ENVELOPE_DATA]:
        keys = keys[1:]
    if len(keys) == 1 and keys[0] in (TASK_ID_FIELD, TASK_DURATION_FIELD):
        return keys[0]
    return None


def in_removed(index: ModuleIndex, node: cst.CSTNode, removed: set[int]) -> bool:
    """Whether ``node`` is inside a statement an edit removes (``removed``: their ids)."""
    current: cst.CSTNode | None = node
    while current is not None:
        if id(current) in removed:
            return True
        current = index.parent_of(current)
    return False


def live_reads(index: ModuleIndex, reads: list[cst.Name], removed: set[int]) -> list[cst.Name]:
    """The ``reads`` not inside a statement an edit removes (``removed``: their ids)."""
    return [read for read in reads if not in_removed(index, read, removed)]


def reads_after(index: ModuleIndex, binding: cst.CSTNode, name: str) -> list[cst.Name]:
    """The reads of ``name`` after ``binding``, in its function (or the module), up to a later
    binding of ``name`` (:func:`binding_reads_after`)."""
    return binding_reads_after(index, binding, name).every


def binding_reads_after(index: ModuleIndex, binding: cst.CSTNode, name: str) -> BindingReads:
    """The reads of the value ``binding`` gave ``name``, in its function (or the module): a
    later binding of ``name`` ends its flow (``async with post(TASK) as r: ...`` then ``async
    with post(STOP) as r: print(r.status)`` reads the stop's response)."""
    context = index.context_of(index.statement_of(binding) or binding)
    root: cst.CSTNode = index.module
    if context is not None and context.function is not None:
        root = context.function
    return binding_reads(index, root, binding, name)


def bound_level(index: ModuleIndex, node: cst.CSTNode) -> cst.CSTNode:
    """``node``, or ``node["data"]`` when that is what a name is bound to."""
    parent = index.parent_of(node)
    if (
        parent is not None
        and is_data_subscript(parent, node)
        and assigned_name(index.parent_of(parent), parent) is not None
    ):
        return parent
    return node


def needs_response_shape(
    index: ModuleIndex, node: cst.CSTNode, removed: set[int]
) -> list[cst.Name] | None:
    """The reads of the JSON value ``node`` (HeyGen's parsed task response) when some of them
    read more than ``task_id``/``duration_ms`` (``body.get("code")``, ``(body.get("data") or
    {})``, passing it on, returning it); ``None`` when each read becomes the event id."""
    level = bound_level(index, node)
    holder = index.parent_of(level)
    if holder is None or isinstance(holder, cst.Expr):
        return None
    name = assigned_name(holder, level)
    if name is not None:
        reads = [r for r in reads_after(index, holder, name) if not in_removed(index, r, removed)]
        keys = [field_path(index, read)[0] for read in reads]
        if all(task_field(k) is not None for k in keys):
            return None
        return reads
    if isinstance(holder, cst.WithItem) or task_field(field_path(index, node)[0]):
        return None
    return []


def request_call_in(node: cst.CSTNode) -> cst.Call | None:
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


def checking_helper(
    index: ModuleIndex, tracker: ResponseTracker, value: cst.CSTNode
) -> cst.Call | None:
    """``_check(value, ...)``: the project's helper that checks and parses the response."""
    arg = index.parent_of(value)
    call = index.parent_of(arg) if isinstance(arg, cst.Arg) else None
    if not isinstance(call, cst.Call) or not call.args or call.args[0] is not arg:
        return None
    context = index.context_of(call)  # calls have their context in the index
    if context is None:
        return None
    return call if tracker.checked_by_helper(call, context) is value else None


def modelling_helper(
    index: ModuleIndex, tracker: ResponseTracker, value: cst.CSTNode
) -> tuple[cst.Call, cst.Call] | None:
    """``_unwrap(value)``: the project's helper that checks the response and returns a model of
    its JSON; the call and the model construction the helper returns."""
    arg = index.parent_of(value)
    call = index.parent_of(arg) if isinstance(arg, cst.Arg) else None
    if not isinstance(call, cst.Call) or not call.args or call.args[0] is not arg:
        return None
    modelled = tracker.modelled_by_helper(call)
    if modelled is None or modelled[0] is not value:
        return None
    return call, modelled[1]


def is_raiser(index: ModuleIndex, read: cst.Name) -> bool:
    """``resp.raise_for_status()`` as a statement of its own."""
    return raiser_call(index, read) is not None


def raiser_call(index: ModuleIndex, read: cst.Name) -> tuple[cst.Call, str] | None:
    """``resp.raise_for_status()`` as a statement of its own: the call and the method."""
    chained = method_on(index, read)
    if chained is None or chained[1] not in RESPONSE_RAISERS:
        return None
    return chained if is_whole_statement(index, chained[0]) else None


def releaser_call(index: ModuleIndex, read: cst.Name) -> tuple[cst.Call, str] | None:
    """``resp.release()`` / ``await resp.aclose()`` as a statement of its own: the call and
    the method (an event leaves no connection to give back)."""
    chained = method_on(index, read)
    if chained is None or chained[1] not in RESPONSE_RELEASERS or chained[0].args:
        return None
    return chained if is_whole_statement(index, chained[0]) else None


def replaceable_parse(index: ModuleIndex, read: cst.Name, removed: set[int]) -> cst.CSTNode | None:
    """``resp.json()`` (or its ``await``) on ``read``, when nothing needs HeyGen's response
    shape from it (``removed``: ids of statements edits remove)."""
    call = parse_call(index, read)
    if call is None:
        return None
    node, _holder = outer_await(index, call)
    return None if needs_response_shape(index, node, removed) else node


def certain_reads(flow: BindingReads) -> list[cst.Name]:
    """The reads of ``flow`` that see the binding's value on every path."""
    uncertain = {id(read) for read in flow.uncertain}
    return [read for read in flow.every if id(read) not in uncertain]


def outer_await(index: ModuleIndex, node: cst.CSTNode) -> tuple[cst.CSTNode, cst.CSTNode | None]:
    """``node`` (``resp.json()``), or the ``await`` of it, and what holds that."""
    parent = index.parent_of(node)
    if isinstance(parent, cst.Await):
        return parent, index.parent_of(parent)
    return node, parent


def returned_data_part(
    index: ModuleIndex, node: cst.CSTNode, parent: cst.CSTNode | None
) -> tuple[cst.CSTNode, cst.CSTNode | None]:
    """``return resp.json()["data"]``: the ``["data"]`` subscript and the ``return``; else
    ``node`` and ``parent`` as they are."""
    if (
        parent is not None
        and is_data_subscript(parent, node)
        and isinstance(index.parent_of(parent), cst.Return)
    ):
        return parent, index.parent_of(parent)
    return node, parent


def with_target(item: cst.WithItem) -> str | None:
    """The ``as name`` of a ``with`` item (a plain name only)."""
    return (
        item.asname.name.value if item.asname and isinstance(item.asname.name, cst.Name) else None
    )


__all__ = [
    "binding_reads_after",
    "bound_level",
    "certain_reads",
    "chained_response_methods",
    "checking_helper",
    "in_removed",
    "is_default_duration_read",
    "is_raiser",
    "live_reads",
    "modelling_helper",
    "needs_response_shape",
    "outer_await",
    "raiser_call",
    "reads_after",
    "replaceable_parse",
    "request_call_in",
    "result_of",
    "returned_data_part",
    "sole_non_raiser_read",
    "sole_with_item",
    "task_field",
    "task_response_kind",
    "with_target",
]
