"""Values a function stores into a container that outlives it.

``SESSIONS[info["session_id"]] = info`` with ``SESSIONS`` a module-level dict, or
``self.sessions[user] = data``: other functions (a route re-rendering the page, a status
endpoint) read the stored value later, through the container (``SESSIONS[sid]["url"]``,
``list(CALLS.values())[-1]``), where no response tracking can follow it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import libcst as cst

from .index import Context, ModuleIndex, Statement


def long_lived_stores(
    index: ModuleIndex, statements: Iterable[tuple[Statement, Context]]
) -> Iterator[tuple[cst.BaseExpression, Context]]:
    """The values of ``CONTAINER[key] = value`` statements among ``statements`` whose
    container is a module-level name the function does not bind itself, or an attribute of
    ``self``."""
    for statement, context in statements:
        if type(statement) is not cst.SimpleStatementLine:
            continue
        for small in statement.body:
            if type(small) is not cst.Assign:
                continue
            if any(_outlives(index, target.target, context) for target in small.targets):
                yield small.value, context


def _outlives(index: ModuleIndex, target: cst.BaseExpression, context: Context) -> bool:
    if not isinstance(target, cst.Subscript):
        return False
    container = target.value
    if isinstance(container, cst.Attribute):
        return isinstance(container.value, cst.Name) and container.value.value == "self"
    if not isinstance(container, cst.Name):
        return False
    name = container.value
    return name not in context.scope.assignments and name in index.module_scope.assignments


__all__ = ["long_lived_stores"]
