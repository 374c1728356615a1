"""HeyGen list responses read by code that now gets LiveAvatar's paginated list.

HeyGen's session and avatar lists put their items where LiveAvatar's ``data.results[]`` now
holds them, and the fields of the items changed (``apispec.resources.ListResponseShape``). Most
reads are moved one by one along the request's JSON flow (``analysis/json_flow.py``); two
questions need more than the read itself, and are answered here:

- a project wrapper that returns part of the JSON (``return r.json()["data"]``) hands its
  callers a part that moved: :func:`wrapper_realignment` says whether the call site can read
  the rest of the new path (:func:`realigned` builds that read), or the wrapper itself reads a
  key that is gone;
- ``created_at`` became an ISO 8601 string: :func:`is_numeric_use` tells a use as a number
  (arithmetic, ordering, timestamp conversion, a numeric format) from other uses.

Read by H2L301 (session lists) and H2L302 (avatar list).
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..apispec.resources import ListResponseShape
from .index import ModuleIndex, dotted_name, string_value
from .json_flow import JsonFlow, key_like

_NUMERIC_CALLEES = frozenset(
    {"fromtimestamp", "utcfromtimestamp", "localtime", "gmtime", "ctime", "int", "float", "round"}
)
_ORDERING = (cst.LessThan, cst.LessThanEqual, cst.GreaterThan, cst.GreaterThanEqual)


@dataclass
class WrapperRealignment:
    """The wrapper called at ``node`` returns ``moved``, which LiveAvatar has at ``new_path``."""

    node: cst.CSTNode
    """The wrapper call (or the ``await`` of it)."""
    moved: tuple[str, ...]
    new_path: tuple[str, ...]
    key: str
    extra: tuple[str, ...] | None
    """What the call site reads from the result to reach ``new_path``; ``None`` when the
    wrapper itself reads a key that is gone (only a person can change the wrapper)."""


def wrapper_realignment(
    index: ModuleIndex, flow: JsonFlow, shape: ListResponseShape
) -> WrapperRealignment | None:
    """For a request made through a module wrapper that returns part of the JSON: whether
    that part moved, and how the call site can follow; ``None`` when it did not move."""
    start = flow.start or ()
    node: cst.CSTNode = flow.request.node
    parent = index.parent_of(node)
    if isinstance(parent, cst.Await):
        node = parent
    for container, moves in shape.key_moves.items():
        for key, new_path in moves.items():
            moved = (*container, key)
            if start[: len(moved)] != moved:
                continue
            extra = new_path[1:] if start == moved and new_path[0] == key else None
            return WrapperRealignment(node, moved, new_path, key, extra)
    return None


def realigned(updated: cst.CSTNode, key: str, extra: tuple[str, ...]) -> cst.CSTNode:
    """``updated`` (a wrapper call, or its ``await``) followed by reads of ``extra``."""
    assert isinstance(updated, cst.BaseExpression)
    reference = cst.SimpleString(f'"{key}"')
    result = updated
    if isinstance(result, cst.Await):
        result = result.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    for part in extra:
        result = cst.Subscript(
            value=result,
            slice=[cst.SubscriptElement(cst.Index(key_like(reference, part)))],
        )
    return result


def is_numeric_use(index: ModuleIndex, node: cst.CSTNode) -> bool:
    """Is this value used as a number (arithmetic, ordering, timestamp conversion)?"""
    parent = index.parent_of(node)
    if isinstance(parent, cst.BinaryOperation):
        # ``"%s" % value`` formats; everything else on a unix timestamp is arithmetic.
        return not (isinstance(parent.operator, cst.Modulo) and parent.right is node)
    if isinstance(parent, cst.UnaryOperation):
        return True
    if isinstance(parent, cst.Comparison):
        return any(isinstance(target.operator, _ORDERING) for target in parent.comparisons)
    if isinstance(parent, cst.FormattedStringExpression) and parent.format_spec:
        spec = "".join(
            part.value for part in parent.format_spec if isinstance(part, cst.FormattedStringText)
        )
        return any(kind in spec for kind in "dfeg")
    if isinstance(parent, cst.Arg):
        call = index.parent_of(parent)
        if isinstance(call, cst.Call):
            name = (dotted_name(call.func) or "").rsplit(".", 1)[-1]
            if name in _NUMERIC_CALLEES:
                return True
            return any(
                arg.keyword is not None and arg.keyword.value == "unit" and string_value(arg.value)
                for arg in call.args
            )
    return False
