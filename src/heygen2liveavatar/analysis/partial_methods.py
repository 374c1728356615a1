"""Methods defined as ``functools.partialmethod`` of another method of their class.

``_post = partialmethod(_request, "POST")`` makes ``self._post(path, json=...)`` a call of
``self._request("POST", path, json=...)``: the wrapper is ``_request``, with its first
positional parameters bound. (The project facts read the same from other modules with
``ast``: ``engine/partial_methods.py``.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import libcst as cst

from .index import ModuleIndex, dotted_name

_PARTIAL_METHODS = frozenset({"functools.partialmethod", "partialmethod"})


@dataclass(frozen=True)
class PartialMethod:
    alias: str
    target: cst.FunctionDef
    """The method the alias calls."""
    bound: int
    """How many of its positional parameters (``self`` not counted) the alias binds."""


def partial_methods(index: ModuleIndex, class_def: cst.ClassDef) -> Iterator[PartialMethod]:
    """The ``alias = partialmethod(method, *args)`` of ``class_def`` whose ``method`` is a
    method of the same class (a starred argument makes the positions unknown: skipped)."""
    if not isinstance(class_def.body, cst.IndentedBlock):
        return
    methods = {s.name.value: s for s in class_def.body.body if isinstance(s, cst.FunctionDef)}
    for line in class_def.body.body:
        if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
            continue
        assign = line.body[0]
        if not (
            isinstance(assign, cst.Assign)
            and len(assign.targets) == 1
            and isinstance(assign.targets[0].target, cst.Name)
            and isinstance(assign.value, cst.Call)
            and assign.value.args
        ):
            continue
        call = assign.value
        qualified = index.qualified_name(dotted_name(call.func)) or ""
        first, *rest = call.args
        if (
            qualified not in _PARTIAL_METHODS
            or first.keyword is not None
            or not isinstance(first.value, cst.Name)
            or any(arg.star for arg in call.args)
        ):
            continue
        target = methods.get(first.value.value)
        if target is not None:
            bound = sum(1 for arg in rest if arg.keyword is None)
            yield PartialMethod(assign.targets[0].target.value, target, bound)


def partial_method_of_call(index: ModuleIndex, call: cst.Call) -> PartialMethod | None:
    """The one ``partialmethod`` alias of this module that ``call`` (``self._post(...)``,
    ``client._post(...)``) calls by its name."""
    func = call.func
    if not isinstance(func, cst.Attribute):
        return None
    found = [
        partial
        for scope in index.class_scopes.values()
        if isinstance(scope.node, cst.ClassDef)
        for partial in partial_methods(index, scope.node)
        if partial.alias == func.attr.value
    ]
    return found[0] if len(found) == 1 else None


__all__ = ["PartialMethod", "partial_method_of_call", "partial_methods"]
