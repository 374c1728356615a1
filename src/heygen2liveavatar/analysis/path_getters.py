"""Reads of nested JSON through a dotted-path helper: ``dig(body, "data.url")``.

Real code reads deep responses with a small helper of its own (``def dig(obj, path): for
key in path.split("."): obj = obj[key]``) or with ``glom(body, "data.url")``. The key read
is then a segment of a string literal, not a subscript: :func:`path_reads` finds those calls
so the response readers (``responses.ResponseTracker.field_reads``) treat the last segment as
the key read from the JSON the first argument holds.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from .index import CallSite, ModuleIndex, string_value, walk_nodes

LIBRARY_PATH_GETTERS = {"glom.glom": (0, 1, ".")}
"""Library functions reading ``obj`` at a dotted ``path``: (object position, path position,
separator)."""


@dataclass(frozen=True)
class PathRead:
    """``dig(body, "data.url")``: the object read, the path's segments and its literal."""

    call: CallSite
    target: cst.BaseExpression
    segments: tuple[str, ...]
    literal: cst.SimpleString


def path_getters(index: ModuleIndex) -> dict[str, tuple[int, int, str]]:
    """This module's functions that read an object at a path they split on a separator:
    ``def dig(obj, path): for key in path.split("."): obj = obj[key]`` (or ``.get(key)``),
    by name, with (object position, path position, separator)."""
    found: dict[str, tuple[int, int, str]] = {}
    # Only the functions that split something are read (the index lists the calls already).
    splitting = {
        id(call.context.function): call.context.function
        for call in index.calls
        if call.context.function is not None and (call.name or "").endswith(".split")
    }
    for function in splitting.values():
        positional = [
            p.name.value for p in (*function.params.posonly_params, *function.params.params)
        ]
        getter = _getter_shape(function, positional)
        if getter is not None:
            found[function.name.value] = getter
    return found


def _getter_shape(function: cst.FunctionDef, positional: list[str]) -> tuple[int, int, str] | None:
    for loop in walk_nodes(function.body):
        if not isinstance(loop, cst.For) or not isinstance(loop.target, cst.Name):
            continue
        split = loop.iter
        if not (
            isinstance(split, cst.Call)
            and isinstance(split.func, cst.Attribute)
            and split.func.attr.value == "split"
            and isinstance(split.func.value, cst.Name)
            and split.func.value.value in positional
            and len(split.args) == 1
        ):
            continue
        separator = string_value(split.args[0].value)
        if not separator:
            continue
        path = split.func.value.value
        key = loop.target.value
        for node in walk_nodes(loop.body):
            target = _read_by(node, key)
            if target in positional and target != path:
                return positional.index(target), positional.index(path), separator
    return None


def _read_by(node: cst.CSTNode, key: str) -> str | None:
    """The name ``node`` reads by ``key``: ``obj[key]`` or ``obj.get(key)``."""
    if (
        isinstance(node, cst.Subscript)
        and isinstance(node.value, cst.Name)
        and len(node.slice) == 1
    ):
        index = node.slice[0].slice
        if isinstance(index, cst.Index) and isinstance(index.value, cst.Name):
            return node.value.value if index.value.value == key else None
    if (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "get"
        and isinstance(node.func.value, cst.Name)
        and node.args
        and isinstance(node.args[0].value, cst.Name)
        and node.args[0].value.value == key
    ):
        return node.func.value.value
    return None


def path_reads(index: ModuleIndex) -> list[PathRead]:
    """The calls of a path getter (this module's, or a library's) with a literal path."""
    getters = path_getters(index)
    reads: list[PathRead] = []
    for call in index.calls:
        shape = getters.get(call.name or "") if call.name and "." not in call.name else None
        if shape is None:
            shape = LIBRARY_PATH_GETTERS.get(index.qualified_name(call.name) or "")
        if shape is None:
            continue
        target_at, path_at, separator = shape
        positional = [a.value for a in call.node.args if a.keyword is None and not a.star]
        if max(target_at, path_at) >= len(positional):
            continue
        literal = positional[path_at]
        path = string_value(literal) if isinstance(literal, cst.SimpleString) else None
        if not path or not isinstance(literal, cst.SimpleString):
            continue
        reads.append(PathRead(call, positional[target_at], tuple(path.split(separator)), literal))
    return reads
