"""A URL whose host is read from the environment inside the f-string itself:
``f"{os.environ['HEYGEN_URL']}/v1/streaming.stop"``. Its path can be migrated, but the host is
whatever the deployment sets: a person has to point that variable at LiveAvatar."""

from __future__ import annotations

import libcst as cst

from .index import ModuleIndex, dotted_name, string_value
from .values import ENV_GETTERS

_ENVIRON = frozenset({"os.environ", "environ"})


def env_read(expression: cst.BaseExpression, index: ModuleIndex) -> bool:
    """``os.environ["X"]``, ``os.getenv("X")``, ``os.environ.get("X")`` (any default but a
    literal one: a literal default is rewritten with the host)."""
    while isinstance(expression, cst.Call) and isinstance(expression.func, cst.Attribute):
        if expression.func.attr.value in ("rstrip", "strip", "removesuffix"):
            expression = expression.func.value  # ``os.environ["X"].rstrip("/")``
            continue
        break
    if isinstance(expression, cst.Subscript):
        name = dotted_name(expression.value)
        return name is not None and index.qualified_name(name) in _ENVIRON | {"os.environ"}
    if isinstance(expression, cst.Call):
        name = dotted_name(expression.func)
        if name is None or index.qualified_name(name) not in ENV_GETTERS:
            return False
        has_literal_default = (
            len(expression.args) >= 2 and string_value(expression.args[1].value) is not None
        )
        return not has_literal_default
    return False


def env_host_expression(url: cst.BaseExpression, index: ModuleIndex) -> cst.BaseExpression | None:
    """The environment read that starts the f-string ``url``, if it does."""
    if not isinstance(url, cst.FormattedString) or not url.parts:
        return None
    first = url.parts[0]
    if isinstance(first, cst.FormattedStringExpression) and env_read(first.expression, index):
        return first.expression
    return None
