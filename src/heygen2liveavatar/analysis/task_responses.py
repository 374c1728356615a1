"""HeyGen's task / interrupt / listening response and the code that reads it.

The event rules replace those requests by ``liveavatar_bridge.emit``, which returns the id of
the event it published. What the surrounding code did with HeyGen's response decides what the
rules write (``rules/task_results.py``): reads of only ``task_id`` (and ``duration_ms``) take the
event id; anything more (``code``, ``message``, passing the JSON on) needs HeyGen's shape back.
This module answers those questions from the tree; it edits nothing.
"""

from __future__ import annotations

import libcst as cst

from ..apispec.events import ENVELOPE_DATA, RESPONSE_RAISERS, TASK_DURATION_FIELD, TASK_ID_FIELD
from .index import ModuleIndex
from .names import BindingReads, binding_reads
from .response_uses import (
    assigned_name,
    field_path,
    is_data_subscript,
    is_whole_statement,
    method_on,
)
from .responses import ResponseTracker


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
    chained = method_on(index, read)
    return (
        chained is not None
        and chained[1] in RESPONSE_RAISERS
        and is_whole_statement(index, chained[0])
    )


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
    "checking_helper",
    "in_removed",
    "is_raiser",
    "modelling_helper",
    "needs_response_shape",
    "outer_await",
    "reads_after",
    "request_call_in",
    "returned_data_part",
    "task_field",
    "with_target",
]
