"""Endpoint descriptors spelled as the methods they stand for, before the other rules run.

See :mod:`..analysis.descriptor_endpoints`. The rewrite happens alone in its pass (no other
rule edits the module then): the attributes become plain HeyGen-era methods, which the next
pass of the migration migrates like any SDK method (``engine/transform.py`` runs passes until
nothing changes).
"""

from __future__ import annotations

import libcst as cst

from ..analysis.descriptor_endpoints import as_method, descriptor_endpoints
from .base import RuleContext

DESCRIPTOR_RULE = "H2L901"
"""The rule the rewrite reports under: without it, the attributes stay (and are marked)."""


def spell_descriptor_endpoints(ctx: RuleContext) -> bool:
    """Replace each endpoint descriptor attribute whose calls change shape on LiveAvatar by
    its method; ``True`` when one was replaced (the module's other rules wait a pass)."""
    if DESCRIPTOR_RULE not in ctx.selected or "__get__" not in ctx.index.code:
        return False
    endpoints = descriptor_endpoints(ctx.index)
    if not endpoints:
        return False
    ctx.rule_code = DESCRIPTOR_RULE
    replaced = {id(endpoint.statement) for endpoint in endpoints}
    done = False
    for endpoint in endpoints:
        owner = ctx.index.parent_of(endpoint.statement)
        body = owner.body if isinstance(owner, cst.IndentedBlock) else []
        first = bool(body) and body[0] is endpoint.statement
        if not ctx.replace(endpoint.statement, as_method(endpoint, first)):
            continue
        done = True
        ctx.fixed(
            endpoint.path,
            f"`{endpoint.name} = ...` is spelled as the method it stands for "
            f"(`def {endpoint.name}(self, **{endpoint.keywords})`): "
            f"`streaming.{endpoint.key}` calls change shape on LiveAvatar",
        )
        following = _next_statement(body, endpoint.statement)
        if following is not None and id(following) not in replaced:
            # The attribute after a new method gets the blank line a method ends with.
            ctx.transform(following, _after_method)
    return done


def _next_statement(body: object, statement: cst.BaseStatement) -> cst.SimpleStatementLine | None:
    statements = list(body) if isinstance(body, (list, tuple)) else []
    for position, candidate in enumerate(statements[:-1]):
        if candidate is statement:
            following = statements[position + 1]
            return following if isinstance(following, cst.SimpleStatementLine) else None
    return None


def _after_method(updated: cst.CSTNode) -> cst.CSTNode:
    assert isinstance(updated, cst.SimpleStatementLine)
    leading = list(updated.leading_lines)
    if leading and leading[0].comment is None:
        return updated
    return updated.with_changes(leading_lines=[cst.EmptyLine(indent=False), *leading])


__all__ = ["DESCRIPTOR_RULE", "spell_descriptor_endpoints"]
