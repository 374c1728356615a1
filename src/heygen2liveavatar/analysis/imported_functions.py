"""Functions a module imports from the project's other modules, read from their source.

A request wrapper often lives in its own module (``wire.py``: ``def post(endpoint, payload):
... return body["data"]``) and the module that opens a session only calls it. Whether such a
wrapper hands back the envelope or its ``data`` decides what a caller's returned session dict
is; the wrapper's module is read with ``ast`` (as :mod:`.imported_classes` reads models), only
for the rare call that needs it.
"""

from __future__ import annotations

import ast

from .imported_classes import parsed_module, resolve_import

_MAX_HOPS = 3


def imported_function_returns_data(target: str, importer: str | None) -> bool:
    """Does the function ``target`` (an import as ``ModuleIndex.imports`` spells it, from the
    file ``importer``) return the envelope's ``data`` on every path that returns a value?"""
    if importer is None:
        return False
    resolved = resolve_import(importer, target)
    if resolved is None:
        return False
    tree = parsed_module(resolved[0])
    if tree is None:
        return False
    functions = [
        n
        for n in tree.body
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == resolved[1]
    ]
    if len(functions) != 1:
        return False
    function = functions[0]
    returned = [
        n.value for n in ast.walk(function) if isinstance(n, ast.Return) and n.value is not None
    ]
    return bool(returned) and all(_is_data(function, value, 0) for value in returned)


def _is_data(function: ast.AST, expr: ast.expr, hops: int) -> bool:
    """``x["data"]``, ``x.get("data")``, ``... or {}``, or a local name bound only to one."""
    if isinstance(expr, ast.BoolOp) and isinstance(expr.op, ast.Or):
        expr = expr.values[0]
    if isinstance(expr, ast.Subscript):
        key = expr.slice
        return isinstance(key, ast.Constant) and key.value == "data"
    if (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr == "get"
        and expr.args
        and isinstance(expr.args[0], ast.Constant)
    ):
        return expr.args[0].value == "data"
    if isinstance(expr, ast.Name) and hops < _MAX_HOPS:
        bound = [
            node.value
            for node in ast.walk(function)
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == expr.id for t in node.targets)
        ]
        return bool(bound) and all(_is_data(function, value, hops + 1) for value in bound)
    return False


__all__ = ["imported_function_returns_data"]
