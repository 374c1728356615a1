"""Endpoint tables: a dict of logical names to paths that a request wrapper looks up.

``ENDPOINTS = {"create": "/v1/streaming.new", ...}`` (a class attribute, or a module
constant) read by a wrapper as ``self.BASE_URL + self.ENDPOINTS[name]``: a call
``self._call("create", ...)`` is a ``streaming.new`` request, and its URL text is the table's
entry. Which parameter of the wrapper is a key of which table is read from the wrapper's code
(:mod:`.wrapper_params`, or the project facts for a base class in another module); this module
finds the entry a call's key names, in the caller's class or module.
"""

from __future__ import annotations

import libcst as cst

from ..apispec import find_endpoints
from .index import Context, ModuleIndex, string_value, walk_nodes


def table_of(index: ModuleIndex, table: str, context: Context) -> cst.Dict | None:
    """The dict literal assigned once to ``table``: an attribute of the caller's class (its
    body, or ``self.TABLE = {...}``), else a module constant."""
    values = index.lookup_self_attribute(context.class_def, table)
    if not values:
        values = index.lookup(table, index.module_scope)
    if len(values) != 1 or not isinstance(values[0], cst.Dict):
        return None
    return values[0]


def table_entry(
    index: ModuleIndex, table: str, key: cst.BaseExpression, context: Context
) -> cst.BaseExpression | None:
    """The value the table holds for the literal ``key`` (``None``: no such table, a key
    computed at run time, or a table with ``**`` spreads, where the key may come from)."""
    name = string_value(key) if isinstance(key, cst.SimpleString) else None
    found = table_of(index, table, context) if name is not None else None
    if found is None:
        return None
    value: cst.BaseExpression | None = None
    for element in found.elements:
        if not isinstance(element, cst.DictElement):
            return None
        if string_value(element.key) == name:
            value = element.value  # the last one wins, as in Python
    return value


def table_element(table: cst.Dict, value: cst.BaseExpression) -> cst.DictElement | None:
    """The element of ``table`` whose value is ``value``."""
    for element in table.elements:
        if isinstance(element, cst.DictElement) and element.value is value:
            return element
    return None


def looked_up_endpoints(
    index: ModuleIndex, value: cst.BaseExpression, context: Context
) -> tuple[str, list[str]] | None:
    """The endpoint a caller passes to a request wrapper, taken from a table entry whose key
    is computed at run time: ``endpoint, fixed = TOOL_MAP[name]`` then ``api.call(endpoint,
    ...)`` (also ``endpoint = TOOL_MAP[name]``, ``TOOL_MAP[name][0]``), the table a dict
    literal whose values, or their tuple items, are streaming paths (``"streaming.task"``).
    Returns the table's name and the endpoints it holds, in order; ``None`` for anything
    else (which entry is sent is unknown here: a person dispatches on it)."""
    lookup = value if type(value) is cst.Subscript else _bound_lookup(value, context)
    while type(lookup) is cst.Subscript and type(lookup.value) is cst.Subscript:
        lookup = lookup.value  # ``TOOL_MAP[name][0]``: the entry's first item
    if type(lookup) is not cst.Subscript or type(lookup.value) is not cst.Name:
        return None
    key = lookup.slice[0].slice if len(lookup.slice) == 1 else None
    if not isinstance(key, cst.Index) or isinstance(key.value, cst.SimpleString):
        return None  # a literal key is a request of its own (``table_entry``)
    table = lookup.value.value
    found = table_of(index, table, context)
    keys: list[str] = []
    for element in found.elements if found is not None else ():
        if not isinstance(element, cst.DictElement):
            continue
        items = element.value.elements if type(element.value) is cst.Tuple else ()
        for item in (element.value, *(i.value for i in items)):
            text = string_value(item) if type(item) is cst.SimpleString else None
            for match in find_endpoints(text or ""):
                if match.endpoint.key not in keys:
                    keys.append(match.endpoint.key)
    return (table, keys) if keys else None


def looked_up_in_url(
    index: ModuleIndex, value: cst.BaseExpression, context: Context
) -> tuple[str, list[str]] | None:
    """:func:`looked_up_endpoints` for a URL a request builds around the lookup
    (``urljoin(BASE, ENDPOINTS[action])``, ``BASE + ENDPOINTS[action]``, an f-string) whose key
    its own function chooses (a loop over actions, a local): a key that is one of the
    function's parameters is its callers' choice, a wrapper's (:func:`table_entry`)."""
    chosen_by_callers = _parameter_names(context.function)
    for node in walk_nodes(value, into_scopes=False):
        if type(node) is not cst.Subscript or len(node.slice) != 1:
            continue
        key = node.slice[0].slice
        if (
            isinstance(key, cst.Index)
            and type(key.value) is cst.Name
            and key.value.value in chosen_by_callers
        ):
            continue
        found = looked_up_endpoints(index, node, context)
        if found is None:
            continue
        looped = _loop_keys(index, node, key)
        entries = table_of(index, found[0], context)
        if looped is None or entries is None:
            return found
        # ``for action in ("interrupt", "stop"):``: only those entries are ever sent.
        sent: list[str] = []
        for element in entries.elements:
            if isinstance(element, cst.DictElement) and string_value(element.key) in looped:
                text = (
                    string_value(element.value) if type(element.value) is cst.SimpleString else ""
                )
                sent.extend(m.endpoint.key for m in find_endpoints(text or ""))
        return (found[0], [k for k in found[1] if k in sent]) if sent else found
    return None


def _loop_keys(index: ModuleIndex, lookup: cst.CSTNode, key: cst.BaseSlice) -> set[str] | None:
    """The literal keys of the ``for`` loop around ``lookup`` whose target is its key
    (``for action in ("interrupt", "stop"):``), else ``None``."""
    if not isinstance(key, cst.Index) or type(key.value) is not cst.Name:
        return None
    current = index.parent_of(lookup)
    while current is not None and not isinstance(current, (cst.FunctionDef, cst.Module)):
        if (
            isinstance(current, cst.For)
            and type(current.target) is cst.Name
            and current.target.value == key.value.value
        ):
            items = current.iter.elements if isinstance(current.iter, (cst.Tuple, cst.List)) else ()
            keys = {string_value(i.value) for i in items if type(i.value) is cst.SimpleString}
            return {k for k in keys if k is not None} if len(keys) == len(items) else None
        current = index.parent_of(current)
    return None


def _parameter_names(function: cst.FunctionDef | None) -> set[str]:
    if function is None:
        return set()
    params = function.params
    names = {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            names.add(star.name.value)
    return names


def _bound_lookup(value: cst.BaseExpression, context: Context) -> cst.BaseExpression | None:
    """The subscript that the name ``value`` is bound from in its function, alone or as one
    name of a tuple target; ``None`` when it is bound otherwise, or more than once."""
    if type(value) is not cst.Name or context.function is None:
        return None
    bound: list[cst.BaseExpression] = []
    for node in walk_nodes(context.function.body, into_scopes=False):
        if type(node) is not cst.Assign:
            continue
        for target in node.targets:
            bound_to = target.target
            names: list[cst.BaseExpression] = (
                [e.value for e in bound_to.elements]
                if isinstance(bound_to, (cst.Tuple, cst.List))
                else [bound_to]
            )
            if any(type(n) is cst.Name and n.value == value.value for n in names):
                bound.append(node.value)
    return bound[0] if len(bound) == 1 else None
