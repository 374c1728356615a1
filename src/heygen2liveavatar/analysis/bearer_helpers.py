"""``Authorization: Bearer <x>`` values and the small helpers that build such headers.

A project often builds its headers in one function, ``def _auth(token): return {"Authorization":
f"Bearer {token}", ...}``, and calls it with HeyGen's ``create_token`` token and with the API key
alike (HeyGen took both as Bearer). LiveAvatar takes the API key only as ``X-API-KEY``: the calls
that pass the key need other headers, while the helper stays for the calls that pass a token.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..apispec import API_KEY_HEADER
from ..apispec.resources import AUTHORIZATION_HEADER, BEARER_PREFIX
from .index import ModuleIndex, string_value, walk_nodes
from .wrapper_params import callee_definitions


def bearer_operand(expr: cst.BaseExpression) -> cst.BaseExpression | None:
    """``X`` in ``f"Bearer {X}"``, ``"Bearer " + X``, ``"Bearer %s" % X``, ``"Bearer {}".format(X)``."""
    prefix = BEARER_PREFIX.lower()
    if isinstance(expr, cst.FormattedString) and len(expr.parts) == 2:
        text, hole = expr.parts
        if (
            isinstance(text, cst.FormattedStringText)
            and text.value.lower() == prefix
            and isinstance(hole, cst.FormattedStringExpression)
            and hole.conversion is None
            and hole.format_spec is None
        ):
            return hole.expression
    if isinstance(expr, cst.BinaryOperation):
        left = string_value(expr.left)
        if left is None:
            return None
        if isinstance(expr.operator, cst.Add) and left.lower() == prefix:
            return expr.right
        if isinstance(expr.operator, cst.Modulo) and left.lower() == prefix + "%s":
            return None if isinstance(expr.right, cst.Tuple) else expr.right
    if (
        isinstance(expr, cst.Call)
        and isinstance(expr.func, cst.Attribute)
        and expr.func.attr.value == "format"
        and len(expr.args) == 1
        and expr.args[0].keyword is None
        and (string_value(expr.func.value) or "").lower() == prefix + "{}"
    ):
        return expr.args[0].value
    return None


@dataclass
class BearerHelperCall:
    """A call of a helper returning ``{"Authorization": f"Bearer {param}", ...}``."""

    call: cst.Call
    headers: cst.Dict
    """The dict the helper returns, as written in its body."""
    argument: cst.BaseExpression
    """What the call passes for the Bearer parameter."""


def _returned_dict(definition: cst.FunctionDef) -> cst.Dict | None:
    """The dict of a function whose body is (a docstring and) ``return {...}``."""
    body = definition.body
    if not isinstance(body, cst.IndentedBlock):
        return None
    lines = [
        line
        for line in body.body
        if not (
            isinstance(line, cst.SimpleStatementLine)
            and isinstance(line.body[0], cst.Expr)
            and isinstance(line.body[0].value, cst.SimpleString)
        )
    ]
    if len(lines) != 1 or not isinstance(lines[0], cst.SimpleStatementLine):
        return None
    small = lines[0].body[0]
    if isinstance(small, cst.Return) and isinstance(small.value, cst.Dict):
        return small.value
    return None


def bearer_helper_call(index: ModuleIndex, expr: cst.BaseExpression) -> BearerHelperCall | None:
    """``_auth(HEYGEN_API_KEY)`` where this module's ``_auth(token)`` returns a dict literal
    whose ``Authorization`` is ``Bearer <token>`` and whose other entries do not read its
    parameters (they can be copied to the call)."""
    if not isinstance(expr, cst.Call) or any(arg.star for arg in expr.args):
        return None
    _name, definitions = callee_definitions(index, expr)
    if len(definitions) != 1 or isinstance(expr.func, cst.Attribute):
        return None
    definition = definitions[0]
    headers = _returned_dict(definition)
    params = [*definition.params.posonly_params, *definition.params.params]
    if headers is None or not params:
        return None
    names = {p.name.value for p in (*params, *definition.params.kwonly_params)}
    operand: cst.BaseExpression | None = None
    for element in headers.elements:
        if not isinstance(element, cst.DictElement):
            return None
        key = string_value(element.key)
        if key is not None and key.lower() == AUTHORIZATION_HEADER.lower():
            operand = bearer_operand(element.value)
        elif any(isinstance(n, cst.Name) and n.value in names for n in walk_nodes(element.value)):
            return None
    if not isinstance(operand, cst.Name) or operand.value not in names:
        return None
    position = next((i for i, p in enumerate(params) if p.name.value == operand.value), -1)
    argument = next(
        (a.value for a in expr.args if a.keyword is not None and a.keyword.value == operand.value),
        None,
    )
    positional = [a for a in expr.args if a.keyword is None]
    if argument is None and 0 <= position < len(positional):
        argument = positional[position].value
    if argument is None:
        return None
    return BearerHelperCall(expr, headers, argument)


def api_key_headers(found: BearerHelperCall) -> cst.Dict:
    """The helper's headers with the API key as ``X-API-KEY`` in place of the Bearer entry."""
    elements: list[cst.BaseDictElement] = []
    for element in found.headers.elements:
        assert isinstance(element, cst.DictElement)
        key = string_value(element.key)
        if key is not None and key.lower() == AUTHORIZATION_HEADER.lower():
            element = element.with_changes(
                key=cst.SimpleString(f'"{API_KEY_HEADER}"'), value=found.argument
            )
        elements.append(element)
    return found.headers.with_changes(elements=elements)
