"""Branches the edits emptied: ``else: pass`` goes, and ``if x: pass`` with nothing else goes too;
a ``try: ... finally: ...`` one of whose blocks the edits emptied becomes the other block.

When a rewrite removes the only statement of a branch (``payload["version"] = "v2"`` under
``else:``), the block gets a ``pass`` to stay valid. Left as it is, the result reads
``if x: ... else: pass`` (or ``if x: pass else: pass``), which a reviewer has to clean up. Only
blocks the edits emptied are touched (their ``pass`` lines are recorded by ``edits``), never a
``pass`` the user wrote, and an ``if`` is removed only when its test has no side effects and no
comment sits on it.
"""

from __future__ import annotations

import libcst as cst

_PURE = (cst.Name, cst.Integer, cst.Float, cst.SimpleString, cst.ConcatenatedString)


def _emptied(block: cst.BaseSuite, emptied: set[int]) -> bool:
    return (
        isinstance(block, cst.IndentedBlock)
        and len(block.body) == 1
        and id(block.body[0]) in emptied
        and block.footer == ()
    )


def _pure(test: cst.BaseExpression) -> bool:
    if isinstance(test, _PURE):
        return True
    if isinstance(test, cst.Attribute):
        return _pure(test.value)
    if isinstance(test, cst.UnaryOperation):
        return _pure(test.expression)
    if isinstance(test, cst.BooleanOperation):
        return _pure(test.left) and _pure(test.right)
    if isinstance(test, cst.Comparison):
        return _pure(test.left) and all(_pure(t.comparator) for t in test.comparisons)
    return False


def _has_comments(node: cst.If) -> bool:
    return any(line.comment is not None for line in node.leading_lines)


def without_empty_branches(
    node: cst.If, emptied: set[int], removable: bool
) -> cst.If | cst.FlattenSentinel[cst.BaseStatement]:
    """``node`` without an emptied ``else``; nothing at all when only an emptied ``if`` with a
    pure test is left and ``removable`` (it sits in a block, not in an ``elif`` chain)."""
    orelse = node.orelse
    if (
        isinstance(orelse, cst.Else)
        and _emptied(orelse.body, emptied)
        and not any(line.comment is not None for line in orelse.leading_lines)
    ):
        node = node.with_changes(orelse=None)
    if (
        removable
        and node.orelse is None
        and _emptied(node.body, emptied)
        and _pure(node.test)
        and not _has_comments(node)
    ):
        return cst.FlattenSentinel([])
    return node


def without_empty_try(
    node: cst.Try, emptied: set[int], removable: bool
) -> cst.Try | cst.FlattenSentinel[cst.BaseStatement]:
    """``try: <emptied> finally: <body>`` (no handlers, no ``else``) -> the ``finally`` body,
    ``try: <body> finally: <emptied>`` -> the ``try`` body, both emptied -> nothing: the
    request whose response the block read or released is gone (only where ``removable``: the
    statement sits in a block, and no comment sits on it)."""
    if (
        not removable
        or node.handlers
        or node.orelse is not None
        or node.finalbody is None
        or any(line.comment is not None for line in node.leading_lines)
        or any(line.comment is not None for line in node.finalbody.leading_lines)
    ):
        return node
    body_gone = _emptied(node.body, emptied)
    final_gone = _emptied(node.finalbody.body, emptied)
    if not body_gone and not final_gone:
        return node
    kept: list[cst.BaseStatement] = []
    if not body_gone:
        kept = list(node.body.body) if isinstance(node.body, cst.IndentedBlock) else []
    elif not final_gone:
        final = node.finalbody.body
        kept = list(final.body) if isinstance(final, cst.IndentedBlock) else []
    if (body_gone and final_gone) or kept:
        if kept:
            kept[0] = kept[0].with_changes(leading_lines=node.leading_lines)
        return cst.FlattenSentinel(kept)
    return node
