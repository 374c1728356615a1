"""A module constant holding a HeyGen URL whose every use the tool replaced is deleted.

``TASK_URL = f"{BASE}/streaming.task"`` read only by ``requests.post(TASK_URL, ...)`` calls that
became ``liveavatar_bridge`` events would otherwise stay behind, pointing at a URL that exists
on neither API (and, once ``BASE`` is LiveAvatar's, a half-migrated one). It is deleted when the
tool made it dead: assigned once, at module level, read only inside replaced calls, not listed in
``__all__``, and imported or read as an attribute by no file of the run
(``ProjectFacts.imported_names``). Otherwise its rule marks it as before.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.endpoints import EndpointLiteral
from ..analysis.index import walk_nodes
from .base import RuleContext


def remove_dead_constant(ctx: RuleContext, literal: EndpointLiteral, replaced: set[int]) -> bool:
    """Delete the constant ``literal`` is the value of, if the tool made it dead."""
    site = literal.site
    if not literal.requests or site.context.function is not None or site.context.class_def:
        return False
    statement = site.context.statement
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return False
    assign = statement.body[0]
    if not (
        isinstance(assign, cst.Assign)
        and len(assign.targets) == 1
        and isinstance(assign.targets[0].target, cst.Name)
    ):
        return False
    target = assign.targets[0].target
    name = target.value
    if site.assigned_to != name or len(ctx.index.module_scope.assignments.get(name, ())) != 1:
        return False
    if ctx.project is not None and name in ctx.project.imported_names:
        return False  # another module may read it
    if any(s.value == name and not s.is_docstring for s in ctx.index.strings):
        return False  # ``__all__`` (or a getattr) names it
    for node in walk_nodes(ctx.index.module):
        if type(node) is not cst.Name or node.value != name or node is target:
            continue
        parent = ctx.index.parent_of(node)
        if isinstance(parent, cst.Attribute) and parent.attr is node:
            continue
        if not _inside(ctx, node, replaced):
            return False
    if ctx.edits.markers.get(id(statement)) or ctx.is_suppressed(statement):
        return False
    ctx.edits.remove(statement)
    ctx.fixed(literal.node, f"`{name}` is deleted: every call that used it was migrated")
    return True


def _inside(ctx: RuleContext, node: cst.CSTNode, calls: set[int]) -> bool:
    current = ctx.index.parent_of(node)
    while current is not None:
        if id(current) in calls:
            return True
        current = ctx.index.parent_of(current)
    return False
