"""A settings module's HeyGen base shared by streaming requests and HeyGen's other APIs in
the modules importing it gets a LiveAvatar sibling, which the streaming requests use
(recognition: :mod:`..analysis.imported_bases`)."""

from __future__ import annotations

import libcst as cst

from ..analysis.endpoints import HostLiteral
from ..analysis.host_literals import simple_assignment_target
from ..analysis.imported_bases import imported_base_references
from ..analysis.shared_clients import liveavatar_name
from ..analysis.shared_wrappers import base_split_by_a_first_run
from ..apispec import HEYGEN_HOST, LIVEAVATAR_HOST
from .base import RuleContext


def split_imported_base(ctx: RuleContext, host: HostLiteral) -> bool:
    """``BASE_URL = "https://api.heygen.com"`` in a module without streaming calls, whose name
    other modules put in front of streaming paths and of other APIs' paths: its sibling
    ``LIVEAVATAR_BASE_URL`` is written right after it (the importers' streaming requests use
    it). ``True`` when the sibling is there (now, or from a first run)."""
    project = ctx.project
    node = host.site.node
    statement = host.site.context.statement
    target = simple_assignment_target(statement, node)
    if (
        project is None
        or target is None
        or "." in target
        or not isinstance(node, cst.SimpleString)
        or ctx.index.parent_of(statement) is not ctx.index.module
        or project.base_role(target) != "shared"
        or not any(name == target for _module, name, _text in project.base_constants)
    ):
        return False
    if base_split_by_a_first_run(ctx.index, host):
        return True
    sibling = liveavatar_name(target)
    if sibling in ctx.index.module_scope.assignments:
        return False
    new_value = node.value.replace(HEYGEN_HOST, LIVEAVATAR_HOST, 1)
    if not ctx.insert_after(statement, [cst.parse_statement(f"{sibling} = {new_value}\n")]):
        return False
    ctx.fixed(
        node,
        f"this base serves streaming calls and HeyGen's other APIs in the modules importing it: "
        f"their streaming calls now use `{sibling}` ({LIVEAVATAR_HOST})",
    )
    return True


def use_imported_base_siblings(ctx: RuleContext) -> None:
    """Each migrated streaming request built on such an imported base uses its sibling."""
    for reference in imported_base_references(ctx.index, ctx.project, ctx.requests):
        node = reference.node
        if isinstance(node, cst.Attribute):
            new: cst.BaseExpression = node.with_changes(attr=cst.Name(reference.sibling))
            old = node.attr.value
        else:
            new = cst.Name(reference.sibling)
            old = node.value
            ctx.require_import(reference.module, reference.sibling)
        if ctx.replace(node, new):
            ctx.prune_if_unused({old})
            ctx.fixed(
                node,
                f"`{old}` also serves HeyGen's other APIs: this streaming request is built on "
                f"`{reference.sibling}` ({LIVEAVATAR_HOST})",
            )
