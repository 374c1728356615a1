"""``operator.itemgetter`` reads of a response's JSON, also through a getter kept in a name.

``itemgetter("url", "access_token")(data)`` reads two keys at the call. Code also keeps the
getter (``getter = itemgetter("url", "access_token")``, or a module constant) and applies it
later (``url, token = getter(data)``): the keys are then read where the getter is applied, but
written where it is defined. Renaming them there is right only when every use of the getter is
an application to a tracked response of one endpoint; otherwise the reads are *unfollowed*
(the rule marks them at the application).
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from dataclasses import dataclass

import libcst as cst

from .index import CallSite, dotted_name, string_value, walk_nodes
from .responses import DATA, UNKNOWN, FieldRead, ResponseTracker


@dataclass(frozen=True)
class GetterRead:
    read: FieldRead
    """``node`` is the application ``getter(data)`` of a named getter, the key literal for an
    inline one; ``key_node`` is the literal where the getter is defined."""
    getter: str | None
    """The name the getter is kept under (``None``: applied where it is built)."""
    followed: bool
    """Every use of the getter applies it to a tracked response of the same endpoint: renaming
    the literal where it is defined is safe."""


def itemgetter_reads(tracker: ResponseTracker, keys: Set[str]) -> list[GetterRead]:
    """The reads of ``keys`` by itemgetters applied to a tracked response's JSON (one per key
    literal: a named getter applied twice is read once)."""
    reads: list[GetterRead] = []
    seen: set[int] = set()
    for call in tracker.index.calls:
        node = call.node
        if len(node.args) != 1 or node.args[0].star:
            continue
        getter, name = _getter_of(tracker, call)
        if getter is None:
            continue
        base = node.args[0].value
        origin = tracker.classify(base, call.context)
        if origin is None or origin.kind not in (DATA, UNKNOWN):
            continue
        followed = name is None or _only_applied(tracker, name, getter, origin.endpoint_key)
        for literal in _key_literals(getter, keys):
            if id(literal) in seen:
                continue
            seen.add(id(literal))
            key = string_value(literal)
            assert key is not None
            at: cst.BaseExpression = literal if name is None else node
            read = FieldRead(at, key, literal, base, origin, call.context)
            reads.append(GetterRead(read, name, followed))
    return reads


def _getter_of(tracker: ResponseTracker, call: CallSite) -> tuple[cst.Call | None, str | None]:
    """The ``itemgetter(...)`` call ``call`` applies, and the name it is kept under."""
    func = call.node.func
    if _is_itemgetter(func):
        assert isinstance(func, cst.Call)
        return func, None
    if type(func) is not cst.Name:
        return None, None
    values = tracker.index.lookup(func.value, call.context.scope)
    if len(values) == 1 and _is_itemgetter(values[0]):
        value = values[0]
        assert isinstance(value, cst.Call)
        return value, func.value
    return None, None


def _is_itemgetter(node: cst.BaseExpression) -> bool:
    return type(node) is cst.Call and (dotted_name(node.func) or "").split(".")[-1] == "itemgetter"


def _key_literals(getter: cst.Call, keys: Set[str]) -> Iterator[cst.SimpleString]:
    for arg in getter.args:
        if type(arg.value) is cst.SimpleString and string_value(arg.value) in keys:
            yield arg.value


def _only_applied(
    tracker: ResponseTracker, name: str, getter: cst.Call, endpoint: str | None
) -> bool:
    """Every read of ``name`` that means ``getter`` is ``name(<a response of endpoint>)``."""
    index = tracker.index
    for node in walk_nodes(index.module):
        if type(node) is not cst.Name or node.value != name:
            continue
        parent = index.parent_of(node)
        if isinstance(parent, (cst.AssignTarget, cst.Param, cst.ImportAlias)):
            continue
        if isinstance(parent, cst.Attribute) and parent.attr is node:
            continue
        if isinstance(parent, cst.Arg) and parent.keyword is node:
            continue
        statement = index.statement_of(node)
        context = index.context_of(statement) if statement is not None else None
        if context is None:
            return False
        if getter not in index.lookup(name, context.scope):
            continue  # another binding of the same name
        if not (type(parent) is cst.Call and parent.func is node and len(parent.args) == 1):
            return False  # passed on, stored, mapped: it reads values this run cannot see
        origin = tracker.classify(parent.args[0].value, context)
        if origin is None or origin.kind not in (DATA, UNKNOWN) or origin.endpoint_key != endpoint:
            return False
    return True


__all__ = ["GetterRead", "itemgetter_reads"]
