"""``with`` statements whose header sends a request: ``async with http.post(url) as r: ...``.

A rule that adds a line after a request (H2L103's release after the stop) adds it after such a
block, which runs once the request has been answered and its body has used the response.
"""

from __future__ import annotations

import libcst as cst

from .index import ModuleIndex, walk_nodes

# Statements by which a block is left before its end on a path that does not fail.
_LEAVING = (cst.Return, cst.Break, cst.Continue)


def sends_in_header(index: ModuleIndex, statement: cst.With, node: cst.CSTNode) -> bool:
    """Whether ``node`` (a request call) is in one of ``statement``'s items, not in its body."""
    child: cst.CSTNode = node
    parent = index.parent_of(node)
    while parent is not None and parent is not statement:
        child, parent = parent, index.parent_of(parent)
    return parent is statement and isinstance(child, cst.WithItem)


def leaves_block(statement: cst.With) -> bool:
    """Whether the ``with`` body may leave it early (``return``, ``break``, ``continue``;
    nested functions and classes aside): code after the block would then not run."""
    return any(isinstance(node, _LEAVING) for node in walk_nodes(statement.body, into_scopes=False))


__all__ = ["leaves_block", "sends_in_header"]
