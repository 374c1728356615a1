"""HeyGen list responses read by code that now gets LiveAvatar's paginated list.

HeyGen's session and avatar lists put their items where LiveAvatar's ``data.results[]`` now
holds them, and the fields of the items changed (``apispec.resources.ListResponseShape``). Most
reads are moved one by one along the request's JSON flow (``analysis/json_flow.py``); two
questions need more than the read itself, and are answered here:

- a project wrapper that returns part of the JSON (``return r.json()["data"]``), or a helper
  the response is handed to that does (``_unwrap(resp)``), hands its callers a part that
  moved: :func:`wrapper_realignment` (:func:`helper_realignments`) says whether the call site
  can read the rest of the new path (:func:`realigned` builds that read), or the wrapper itself
  reads a key that is gone;
- ``created_at`` became an ISO 8601 string: :func:`is_numeric_use` tells a use as a number
  (arithmetic, ordering, timestamp conversion, a numeric format) from other uses;
- a function handing its items out (``return resp.json()["data"]``, no caller in its module)
  is read by code the trace does not reach, another module or a script: :func:`returned_items`
  finds such returns and :func:`with_heygen_item_keys` gives each item its HeyGen-era keys
  too, as ``public_session_returns`` does for session data.

Read by H2L301 (session lists) and H2L302 (avatar list).
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..apispec.resources import JsonPath, ListResponseShape
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
    return _realignment(index, flow.request.node, flow.start or (), shape)


def helper_realignments(
    index: ModuleIndex, flow: JsonFlow, shape: ListResponseShape
) -> list[WrapperRealignment]:
    """The same for the module's helpers the response is handed to, ``_unwrap(resp)``
    returning ``resp.json()["data"]``: the helper serves other requests too, so its call site
    follows (``_unwrap(resp)["results"]``), not the helper."""
    found = (
        _realignment(index, value.node, value.path or (), shape) for value in flow.helper_results
    )
    return [realignment for realignment in found if realignment is not None]


def _realignment(
    index: ModuleIndex, node: cst.CSTNode, start: JsonPath, shape: ListResponseShape
) -> WrapperRealignment | None:
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


def returned_items(
    index: ModuleIndex, flow: JsonFlow, shape: ListResponseShape
) -> list[cst.BaseExpression]:
    """The list of items, or a filtered list of them, returned by a function of which no
    caller is in this module: its readers are elsewhere and read HeyGen's item keys."""
    return [
        escape.node
        for escape in flow.escapes
        if escape.path == shape.items and isinstance(index.parent_of(escape.node), cst.Return)
    ]


def with_heygen_item_keys(
    updated: cst.CSTNode, shape: ListResponseShape, item: str
) -> cst.BaseExpression:
    """``[{**item, "avatar_id": item["id"], ...} for item in <updated>]``: each item also under
    the keys HeyGen's had, for readers the tool does not rewrite (every reader of a returned
    list is one: the module's own reads of it are followed, and it has none)."""
    assert isinstance(updated, cst.BaseExpression)
    name = cst.Name(item)
    entries: list[cst.BaseDictElement] = [cst.StarredDictElement(name)]
    for old, new in shape.item_renames.items():
        read = cst.Subscript(name, [cst.SubscriptElement(cst.Index(cst.SimpleString(f'"{new}"')))])
        entries.append(cst.DictElement(cst.SimpleString(f'"{old}"'), read))
    for field_name, inner in shape.item_objects.items():
        # ``default_voice`` was the voice id and is ``{id, name}`` (or null) now: readers of
        # HeyGen's items get the id again.
        owner = cst.parse_expression(f'({item}.get("{field_name}") or {{}}).get("{inner}")')
        entries.append(cst.DictElement(cst.SimpleString(f'"{field_name}"'), owner))
    iterable = updated.with_changes(lpar=[], rpar=[])
    return cst.ListComp(
        elt=cst.Dict(entries),
        for_in=cst.CompFor(target=name, iter=iterable),
        lpar=updated.lpar,
        rpar=updated.rpar,
    )


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


def renamed_item_read(
    flows: list[tuple[JsonFlow, ListResponseShape]], expr: cst.BaseExpression
) -> cst.BaseExpression | None:
    """``s["session_id"]`` where ``s`` is an item of a list response whose items name that
    field otherwise now (``id``): the same read under LiveAvatar's key, for code that repeats
    the value elsewhere (the release after a stop), which H2L301's rename does not reach."""
    for flow, shape in flows:
        for read in flow.reads:
            if read.node is not expr or read.container != shape.item_path:
                continue
            new = shape.item_renames.get(read.key)
            if new is None:
                return None
            replaced = expr.deep_replace(read.key_node, key_like(read.key_node, new))
            assert isinstance(replaced, cst.BaseExpression)
            return replaced
    return None
