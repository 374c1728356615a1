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


def retry_loop(index: ModuleIndex, block: cst.CSTNode | None) -> cst.For | None:
    """The loop of a retry helper whose only statement is ``with attempt:`` around
    ``block`` (tenacity's ``for attempt in Retrying(...): with attempt: ...``)."""
    with_statement = index.parent_of(block) if block is not None else None
    if not isinstance(with_statement, cst.With) or len(with_statement.items) != 1:
        return None
    item = with_statement.items[0].item
    loop_body = index.parent_of(with_statement)
    loop = index.parent_of(loop_body) if isinstance(loop_body, cst.IndentedBlock) else None
    if (
        not isinstance(loop, cst.For)
        or loop.orelse is not None
        or not isinstance(loop.target, cst.Name)
        or not isinstance(item, cst.Name)
        or item.value != loop.target.value
    ):
        return None
    assert isinstance(loop_body, cst.IndentedBlock)
    return loop if list(loop_body.body) == [with_statement] else None


__all__ = ["leaves_block", "retry_loop", "sends_in_header"]
