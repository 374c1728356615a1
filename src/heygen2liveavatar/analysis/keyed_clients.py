"""HTTP clients kept under a key of a dict: ``ctx["http"].post(url, json=body)``.

Job queues (arq, Celery's worker state, a plugin's shared ``ctx``) and dependency containers
keep the client in a dict that a startup hook fills, ``ctx["http"] = aiohttp.ClientSession(...)``,
and every job calls ``ctx["http"].post(...)``. The call has no dotted name, so nothing says it
sends; the assignment of this module's client constructor under the same key does.
"""

from __future__ import annotations

import libcst as cst

from .index import ModuleIndex, dotted_name, string_value


def subscript_key(node: cst.BaseExpression) -> str | None:
    """``"http"`` for ``ctx["http"]`` / ``self.state["http"]``; ``None`` for anything else."""
    if type(node) is not cst.Subscript or len(node.slice) != 1:
        return None
    element = node.slice[0].slice
    if not isinstance(element, cst.Index):
        return None
    return string_value(element.value)


def keyed_client_kind(
    index: ModuleIndex, receiver: cst.BaseExpression, constructors: frozenset[str]
) -> str | None:
    """The client library (``aiohttp``, ``httpx``, ``requests``) of the client this module
    stores under ``receiver``'s key (``X["http"] = aiohttp.ClientSession(...)``, whatever
    ``X`` is: the dict is handed from hook to job), when every such store builds one kind."""
    key = subscript_key(receiver)
    if key is None:
        return None
    kinds: set[str] = set()
    for site in index.calls:
        qualified = index.qualified_name(site.name) or ""
        if qualified not in constructors:
            continue
        assign = index.parent_of(site.node)
        if not isinstance(assign, cst.Assign) or len(assign.targets) != 1:
            continue
        if subscript_key(assign.targets[0].target) == key:
            kinds.add(qualified.split(".")[0])
    return kinds.pop() if len(kinds) == 1 else None


def keyed_receiver(call: cst.Call) -> cst.BaseExpression | None:
    """The dict entry a method is called on, ``ctx["http"]`` in ``ctx["http"].post(...)``."""
    func = call.func
    if (
        type(func) is cst.Attribute
        and type(func.value) is cst.Subscript
        and dotted_name(func.value.value) is not None
    ):
        return func.value
    return None
