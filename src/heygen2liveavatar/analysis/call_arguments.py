"""Call arguments and comma-separated lists, read and rebuilt without losing their layout.

Reading: a keyword argument by name, unpacking, string and UUID literals, ``Enum.MEMBER``
spellings. Building: keyword arguments, dotted expressions, calls, string literals quoted like
their neighbours. Rewriting: :func:`relayout` separates a new list of arguments or import aliases
like the original (one per line, inline, trailing comma or not), so a rewritten call or import
reads as if the user had written it. Used by the framework rules, which rewrite constructor
calls and import statements of the frameworks' HeyGen integrations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

import libcst as cst

from .edits import NodeTransform
from .index import dotted_name, string_value

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

_Item = TypeVar("_Item", cst.Arg, cst.ImportAlias)


def _separator(original: Sequence[_Item], indent: str | None) -> cst.Comma:
    for item in original[:-1]:
        if isinstance(item.comma, cst.Comma):
            return item.comma
    if indent is not None:
        return cst.Comma(
            whitespace_after=cst.ParenthesizedWhitespace(
                first_line=cst.TrailingWhitespace(),
                indent=True,
                last_line=cst.SimpleWhitespace(indent),
            )
        )
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


def relayout(
    items: Sequence[_Item], original: Sequence[_Item], indent: str | None = None
) -> list[_Item]:
    """``items`` separated like ``original`` (one per line, inline, trailing comma or not).

    ``indent`` is the indentation of the first item when the list opens on its own line; it
    is used when ``original`` had a single item and so shows no separator.
    """
    if not items:
        return []
    separator = _separator(original, indent)
    terminal = original[-1].comma if original else cst.MaybeSentinel.DEFAULT
    kept_commas = {id(item): item.comma for item in original[:-1]}
    # The whitespace before the closing parenthesis belongs to the last argument.
    closing = getattr(original[-1], "whitespace_after_arg", None) if original else None
    last_id = id(original[-1]) if original else None
    result: list[_Item] = []
    for position, item in enumerate(items):
        is_last = position == len(items) - 1
        if is_last:
            item = item.with_changes(comma=terminal)
        else:
            comma = kept_commas.get(id(item))
            item = item.with_changes(comma=comma if isinstance(comma, cst.Comma) else separator)
        if isinstance(item, cst.Arg) and closing is not None:
            if is_last:
                item = item.with_changes(whitespace_after_arg=closing)
            elif id(items[position]) == last_id:
                item = item.with_changes(whitespace_after_arg=cst.SimpleWhitespace(""))
        result.append(item)
    return result


def opening_indent(whitespace: cst.BaseParenthesizableWhitespace) -> str | None:
    if isinstance(whitespace, cst.ParenthesizedWhitespace):
        return whitespace.last_line.value
    return None


# --------------------------------------------------------------------------------------
# Arguments
# --------------------------------------------------------------------------------------


def keyword(arg: cst.Arg) -> str | None:
    return arg.keyword.value if arg.keyword is not None else None


def find_keyword(call: cst.Call, name: str) -> cst.Arg | None:
    for arg in call.args:
        if keyword(arg) == name:
            return arg
    return None


def has_unpacking(call: cst.Call) -> bool:
    return any(arg.star for arg in call.args)


def make_arg(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(
        value=value,
        keyword=cst.Name(name),
        equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
        ),
    )


def rename_keyword(arg: cst.Arg, name: str) -> cst.Arg:
    assert arg.keyword is not None
    return arg.with_changes(keyword=arg.keyword.with_changes(value=name))


def call_of(name: str, args: Sequence[cst.Arg]) -> cst.Call:
    return cst.Call(func=expression(name), args=relayout(list(args), list(args)))


def expression(dotted: str) -> cst.BaseExpression:
    parts = dotted.split(".")
    node: cst.BaseExpression = cst.Name(parts[0])
    for part in parts[1:]:
        node = cst.Attribute(value=node, attr=cst.Name(part))
    return node


def with_args(call: cst.Call, args: Sequence[cst.Arg]) -> cst.Call:
    return call.with_changes(
        args=relayout(list(args), list(call.args), opening_indent(call.whitespace_before_args))
    )


def string_literal(value: str, like: cst.CSTNode | None = None) -> cst.SimpleString:
    quote = "'" if isinstance(like, cst.SimpleString) and like.value.endswith("'") else '"'
    return cst.SimpleString(f"{quote}{value}{quote}")


def literal_string(node: cst.BaseExpression | None) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def is_uuid_literal(node: cst.BaseExpression | None) -> bool:
    value = literal_string(node)
    return value is not None and _UUID.match(value) is not None


def enum_member(node: cst.BaseExpression | None, enum_locals: set[str]) -> str | None:
    """``MEMBER`` for ``Enum.MEMBER`` / ``module.Enum.MEMBER`` where the enum is spelled by one
    of ``enum_locals`` (dotted)."""
    if isinstance(node, cst.Attribute):
        owner = dotted_name(node.value)
        if owner is not None and owner in enum_locals:
            return node.attr.value
    return None


def with_keyword(keyword: str, value: cst.BaseExpression) -> NodeTransform:
    """Append ``keyword=value`` to a call, in the layout of its other arguments."""

    def add(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        args = list(updated.args)
        new = cst.Arg(
            value=value,
            keyword=cst.Name(keyword),
            equal=cst.AssignEqual(
                whitespace_before=cst.SimpleWhitespace(""),
                whitespace_after=cst.SimpleWhitespace(""),
            ),
        )
        if not args:
            return updated.with_changes(args=[new])
        last = args[-1]
        # The separator between arguments (a newline and indent in a call laid out one
        # argument per line) goes after the old last one, whose own comma (trailing or
        # none) moves to the new one.
        previous = args[-2].comma if len(args) >= 2 else None
        separator = (
            previous
            if isinstance(previous, cst.Comma)
            else cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        )
        # The space before ``)`` (a newline in a call laid out over lines) stays before ``)``.
        args[-1] = last.with_changes(comma=separator, whitespace_after_arg=cst.SimpleWhitespace(""))
        args.append(
            new.with_changes(comma=last.comma, whitespace_after_arg=last.whitespace_after_arg)
        )
        return updated.with_changes(args=args)

    return add


def without_keyword(keyword: str) -> NodeTransform:
    """Remove the ``keyword=`` argument of a call, the last argument keeping its comma."""

    def drop(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        args = [a for a in updated.args if a.keyword is None or a.keyword.value != keyword]
        if args and len(args) < len(updated.args):
            args[-1] = args[-1].with_changes(comma=updated.args[-1].comma)
        return updated.with_changes(args=args)

    return drop


def without_dict_key(key: str) -> NodeTransform:
    """Remove the ``"key": value`` entries of a dict literal, the last entry left keeping the
    dict's trailing comma or its absence; a dict that would be left empty stays as it is."""

    def drop(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Dict)
        kept = [
            e
            for e in updated.elements
            if not (isinstance(e, cst.DictElement) and string_value(e.key) == key)
        ]
        if not kept:
            return updated
        if updated.elements[-1].comma is cst.MaybeSentinel.DEFAULT:
            kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated.with_changes(elements=kept)

    return drop


def without_item(position: int) -> NodeTransform:
    """Remove the argument of a call (or element of a tuple or list) at ``position``, the
    last one keeping its comma."""

    def drop(updated: cst.CSTNode) -> cst.CSTNode:
        if isinstance(updated, cst.Call):
            args = [a for i, a in enumerate(updated.args) if i != position]
            if args and position == len(updated.args) - 1:
                args[-1] = args[-1].with_changes(comma=updated.args[-1].comma)
            return updated.with_changes(args=args)
        assert isinstance(updated, (cst.Tuple, cst.List))
        elements = [e for i, e in enumerate(updated.elements) if i != position]
        if elements and position == len(updated.elements) - 1:
            last = updated.elements[-1].comma
            if isinstance(updated, cst.Tuple) and len(elements) == 1:
                last = cst.Comma()  # ``("A",)``: a one-element tuple keeps its comma
            elements[-1] = elements[-1].with_changes(comma=last)
        return updated.with_changes(elements=elements)

    return drop
