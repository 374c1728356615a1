"""Can an expression be written twice in generated code and mean the same value both times?

A rewrite that repeats an expression of the user's (the session id of a stop call, passed again
to ``liveavatar_bridge.release``) must not repeat a side effect: ``state.pop("session")`` twice
pops twice (a ``KeyError`` the second time), ``next(ids)`` advances twice. Names, attributes and
subscripts with literal keys only read state; anything else is evaluated once (bound to a local)
by the caller.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

_LITERALS = (cst.SimpleString, cst.Integer, cst.Float)


def safe_to_repeat(expr: cst.BaseExpression) -> bool:
    """``session_id``, ``self.session_id``, ``state["session"]``, ``data["data"]["session_id"]``:
    reads that give the same value when evaluated twice in a row. Calls (``state.pop(...)``,
    ``next(it)``), awaits, walrus assignments and computed keys are not."""
    if isinstance(expr, cst.Name):
        return True
    if isinstance(expr, cst.Attribute):
        return safe_to_repeat(expr.value)
    if isinstance(expr, cst.Subscript):
        if len(expr.slice) != 1:
            return False
        element = expr.slice[0].slice
        if not isinstance(element, cst.Index):
            return False
        key = element.value
        literal_key = isinstance(key, _LITERALS) or (
            isinstance(key, cst.UnaryOperation) and isinstance(key.expression, cst.Integer)
        )
        return literal_key and safe_to_repeat(expr.value)
    return isinstance(expr, _LITERALS)


_REPEATING = (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp, cst.Lambda)


def evaluated_repeatedly(
    parent_of: Callable[[cst.CSTNode], cst.CSTNode | None],
    node: cst.CSTNode,
    statement: cst.CSTNode | None,
) -> bool:
    """``node`` sits in a comprehension's element or a lambda within ``statement``
    (``{k: r.json()["data"][k] for k in KEYS}``): written there, a call runs once per item."""
    current = parent_of(node)
    while current is not None and current is not statement:
        if isinstance(current, _REPEATING):
            return True
        current = parent_of(current)
    return False
