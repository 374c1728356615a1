"""HTTP clients kept under a key of a dict, ``ctx["http"].post(url, json=body)``, or in a
``ContextVar``, ``HTTP.get().post(url, json=body)``.

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


_CONTEXT_VARS = frozenset({"contextvars.ContextVar", "ContextVar"})


def context_var_client_kind(
    index: ModuleIndex, receiver: cst.BaseExpression, constructors: frozenset[str]
) -> str | None:
    """The client library of ``HTTP.get()`` where this module declares
    ``HTTP: ContextVar[aiohttp.ClientSession] = ContextVar("http")`` or sets it,
    ``HTTP.set(httpx.AsyncClient(...))``; ``None`` for any other receiver."""
    if (
        type(receiver) is not cst.Call
        or receiver.args
        or type(receiver.func) is not cst.Attribute
        or receiver.func.attr.value != "get"
        or type(receiver.func.value) is not cst.Name
    ):
        return None
    name = receiver.func.value.value
    kinds: set[str] = set()
    for statement in index.module.body:
        small = statement.body[0] if isinstance(statement, cst.SimpleStatementLine) else None
        if (
            isinstance(small, cst.AnnAssign)
            and type(small.target) is cst.Name
            and small.target.value == name
        ):
            kind = _annotated_client(index, small.annotation.annotation, constructors)
            if kind is not None:
                kinds.add(kind)
    for site in index.calls:
        func = site.node.func
        if (
            type(func) is cst.Attribute
            and func.attr.value == "set"
            and type(func.value) is cst.Name
            and func.value.value == name
            and site.node.args
            and type(site.node.args[0].value) is cst.Call
        ):
            built = dotted_name(site.node.args[0].value.func)
            qualified = index.qualified_name(built) or ""
            if qualified in constructors:
                kinds.add(qualified.split(".")[0])
    return kinds.pop() if len(kinds) == 1 else None


def _annotated_client(
    index: ModuleIndex, annotation: cst.BaseExpression, constructors: frozenset[str]
) -> str | None:
    """``aiohttp`` for ``ContextVar[aiohttp.ClientSession]``."""
    if type(annotation) is not cst.Subscript or len(annotation.slice) != 1:
        return None
    outer = dotted_name(annotation.value)
    if (index.qualified_name(outer) or outer) not in _CONTEXT_VARS:
        return None
    element = annotation.slice[0].slice
    inner = dotted_name(element.value) if isinstance(element, cst.Index) else None
    qualified = index.qualified_name(inner) or ""
    return qualified.split(".")[0] if qualified in constructors else None
