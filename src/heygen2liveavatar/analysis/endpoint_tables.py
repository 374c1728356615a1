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

from .index import Context, ModuleIndex, string_value


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
