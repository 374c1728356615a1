"""Values a function stores into a container that outlives it.

``SESSIONS[info["session_id"]] = info`` with ``SESSIONS`` a module-level dict, Flask's
``session["heygen"] = data``, ``self.sessions[user] = data``, Streamlit's
``st.session_state.session = data`` (read again on the next rerun): other functions (a route re-rendering the page, a status
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
            if any(
                _outlives(index, target.target, context)
                or _outliving_attribute(index, target.target, context)
                for target in small.targets
            ):
                yield small.value, context


def _outliving_attribute(index: ModuleIndex, target: cst.BaseExpression, context: Context) -> bool:
    """``st.session_state.session = data``, ``app.state.avatar = data``: an attribute of a
    module-level or imported object (not ``self``, whose attributes the response tracking
    follows into the class's other methods)."""
    if not isinstance(target, cst.Attribute):
        return False
    root = target.value
    while isinstance(root, (cst.Attribute, cst.Subscript)):
        root = root.value
    if not isinstance(root, cst.Name) or root.value == "self":
        return False
    name = root.value
    if context.function is not None and name in context.scope.assignments:
        return False  # a local object, or a parameter
    return name in index.imports or name in index.module_scope.assignments


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
