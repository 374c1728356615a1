"""Rebuild the paths from a root to the nodes an edit changes, and nothing else.

LibCST's transformers visit every child of every node they enter, so a transformer that only
enters the path to an edit still pays a method dispatch, a ``leave`` call and a fresh copy of
each node along the path plus a visit of each of their children. Here only the nodes on the
path are touched: their changed children are put in with ``with_changes`` and every other
subtree is reused as it is.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from .index import ModuleIndex, active_index, field_names

_SEQUENCES = (list, tuple)

Leave = Callable[[cst.CSTNode, cst.CSTNode], cst.CSTNode]
"""``leave(original, updated)``: the node that replaces ``original`` in the result."""


def rebuild_paths(root: cst.CSTNode, on_path: set[int], leave: Leave) -> cst.CSTNode:
    """``root`` with every node whose id is in ``on_path`` rebuilt bottom-up through ``leave``.

    ``on_path`` must be closed upwards (a node's parent is on the path when the node is) and
    contain ``root``; ``leave`` is called once for each node on the path, children first,
    with the original node and the node carrying its rebuilt children.
    """
    if id(root) not in on_path:
        return root
    return _rebuild(root, on_path, leave, active_index())


def _rebuild(
    node: cst.CSTNode, on_path: set[int], leave: Leave, index: ModuleIndex | None
) -> cst.CSTNode:
    # A module-level function, not a closure: a nested function that calls itself refers to
    # itself through its closure, a reference cycle that would keep the whole tree alive
    # until the cyclic collector runs.
    changes: dict[str, object] = {}
    replaced: dict[int, cst.CSTNode] = {}
    for name in field_names(type(node)):
        value = getattr(node, name)
        # The id test first: it fails for almost every field, and ``isinstance`` against
        # LibCST's classes (ABCs) is slow.
        if id(value) in on_path and isinstance(value, cst.CSTNode):
            new = _rebuild(value, on_path, leave, index)
            if new is not value:
                changes[name] = new
                replaced[id(value)] = new
        elif type(value) in _SEQUENCES and value:
            items: list[object] | None = None
            for position, item in enumerate(value):
                if id(item) in on_path and isinstance(item, cst.CSTNode):
                    new = _rebuild(item, on_path, leave, index)
                    if new is not item:
                        if items is None:
                            items = list(value)
                        items[position] = new
                        # A statement a rule turned into several (``cst.FlattenSentinel``) is
                        # spliced into its block by the edit applier.
                        if not isinstance(new, cst.FlattenSentinel):
                            replaced[id(item)] = new
            if items is not None:
                changes[name] = items if isinstance(value, list) else tuple(items)
    if not changes:
        return leave(node, node)
    updated = node.with_changes(**changes)
    if index is not None:
        index.adopt(node, updated, replaced)
    return leave(node, updated)
