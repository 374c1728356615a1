"""Values a function stores into a container that outlives it.

``SESSIONS[info["session_id"]] = info`` with ``SESSIONS`` a module-level dict, Flask's
``session["heygen"] = data``, ``self.sessions[user] = data``: other functions (a route re-rendering the page, a status
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
    container is a module-level or imported name the function does not bind itself, or an
    object's attribute."""
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
    while isinstance(container, cst.Subscript):  # ``hass.data[DOMAIN][entry_id][...]``
        container = container.value
    if isinstance(container, cst.Attribute):
        # ``self.sessions[...]``, ``request.session[...]``, ``st.session_state[...]``,
        # ``context.user_data[...]``: state of an object, kept beyond the call.
        return True
    if not isinstance(container, cst.Name):
        return False
    name = container.value
    if name in context.scope.assignments:
        return False  # a local dict, or a parameter
    # a module-level dict, or an imported one (Flask's ``session``)
    return name in index.module_scope.assignments or name in index.imports


__all__ = ["long_lived_stores"]
