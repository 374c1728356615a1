"""H2L103's release for a stop sent from a ``lambda``: it runs when the lambda is called.

``atexit.register(lambda: requests.post(STOP_URL, json={"session_id": sid}))`` or a button's
``on_click=lambda: ...`` stops the session later, not where the lambda is written: a release
after that statement would drop the session while it still runs. The lambda's body becomes
``(<stop>, liveavatar_bridge.release(<session id>))[0]``: the stop, then the release, and the
lambda still returns what the stop returned.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.codegen import code_of
from ..analysis.http import RequestSite
from ..analysis.index import Statement
from ..analysis.single_evaluation import safe_to_repeat
from ..apispec.session_fields import BRIDGE_RELEASE
from .base import RuleContext
from .bridge_calls import bridge_call, transform_with_bridge


def enclosing_lambda(
    ctx: RuleContext, request: RequestSite, statement: Statement
) -> cst.Lambda | None:
    """The innermost ``lambda`` around the stop request, inside its statement."""
    node: cst.CSTNode | None = ctx.index.parent_of(request.node)
    while node is not None and node is not statement:
        if isinstance(node, cst.Lambda):
            return node
        node = ctx.index.parent_of(node)
    return None


def release_in_lambda(
    ctx: RuleContext, request: RequestSite, function: cst.Lambda, session_id: cst.BaseExpression
) -> None:
    if not safe_to_repeat(session_id):
        ctx.manual(
            request.node,
            f"this stop runs later, from a `lambda`, and its session id "
            f"(`{code_of(session_id, ctx.module)}`) must not be evaluated twice: release it "
            f"after the stop with `liveavatar_bridge.{BRIDGE_RELEASE}(<that id>)`",
        )
        return

    def build(module: str, updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Lambda)
        release = bridge_call(module, BRIDGE_RELEASE, session_id.deep_clone())
        both = cst.Tuple([cst.Element(updated.body), cst.Element(release)])
        picked = cst.Subscript(both, [cst.SubscriptElement(cst.Index(cst.Integer("0")))])
        return updated.with_changes(body=picked)

    if transform_with_bridge(ctx, function, build):
        ctx.fixed(
            request.node,
            "releases the session's LiveKit room in the helper when the `lambda` has stopped "
            "it (`liveavatar_bridge.release`)",
        )
