"""Request payloads: find the dict literal a request sends, wherever it was built.

Real code passes ``json={...}`` inline, a variable filled over several statements, or
``data=json.dumps(payload)``. :func:`find_payload_dict` follows those shapes to the
``cst.Dict`` node that a rule can edit.
"""

from __future__ import annotations

import libcst as cst

from .index import Context, ModuleIndex, dotted_name, string_value

_SERIALISERS = frozenset({"json.dumps", "dumps", "orjson.dumps", "ujson.dumps"})


def unwrap_serialiser(expr: cst.BaseExpression, index: ModuleIndex) -> cst.BaseExpression:
    if not isinstance(expr, cst.Call):
        return expr
    # ``json.dumps(payload).encode()``
    if isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "encode":
        return unwrap_serialiser(expr.func.value, index)
    if expr.args:
        name = index.qualified_name(dotted_name(expr.func))
        if name in _SERIALISERS or dotted_name(expr.func) in _SERIALISERS:
            return expr.args[0].value
    return expr


def find_payload_dict(
    expr: cst.BaseExpression | None, index: ModuleIndex, context: Context
) -> cst.Dict | None:
    """The dict literal behind a payload expression, or ``None`` when it is not static."""
    if expr is None:
        return None
    expr = unwrap_serialiser(expr, index)
    if isinstance(expr, cst.Dict):
        return expr
    if isinstance(expr, cst.Name):
        values = index.lookup(expr.value, context.scope)
        if values and isinstance(values[0], cst.Dict):
            return values[0]
    return None


def dict_keys(node: cst.Dict) -> dict[str, cst.DictElement]:
    keys: dict[str, cst.DictElement] = {}
    for element in node.elements:
        if isinstance(element, cst.DictElement):
            key = string_value(element.key)
            if key is not None:
                keys[key] = element
    return keys


def key_string(like: cst.BaseExpression | None, key: str) -> cst.SimpleString:
    """A string literal for ``key`` in the quote style of ``like``."""
    quote = '"'
    if isinstance(like, cst.SimpleString) and like.value[-1:] == "'":
        quote = "'"
    return cst.SimpleString(f"{quote}{key}{quote}")


def add_dict_entry(node: cst.Dict, key: str, value: cst.BaseExpression) -> cst.Dict:
    """Append ``key: value`` to a dict literal, keeping its layout (one per line or inline)."""
    elements = list(node.elements)
    like_key = None
    for element in elements:
        if isinstance(element, cst.DictElement):
            like_key = element.key
    new_element = cst.DictElement(key_string(like_key, key), value)
    if not elements:
        return node.with_changes(elements=[new_element])
    last = elements[-1]
    # The separator between existing entries (newline and indent in a multi-line dict)
    # goes after the old last entry; the old last entry's own comma, or its absence,
    # moves to the new entry, so the trailing-comma convention survives.
    separator: cst.Comma
    previous = elements[-2].comma if len(elements) >= 2 else None
    if isinstance(previous, cst.Comma):
        separator = previous
    elif isinstance(node.lbrace.whitespace_after, cst.ParenthesizedWhitespace):
        separator = cst.Comma(whitespace_after=node.lbrace.whitespace_after)
    else:
        separator = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    elements[-1] = last.with_changes(comma=separator)
    elements.append(new_element.with_changes(comma=last.comma))
    return node.with_changes(elements=elements)
