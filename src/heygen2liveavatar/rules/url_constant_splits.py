"""H2L401's part for a HeyGen base that URL constants of its own module build on, for the
streaming API and for HeyGen's other APIs alike.

``constants.py``::

    HEYGEN_BASE_URL = "https://api.heygen.com"
    STREAMING_STOP_URL = f"{HEYGEN_BASE_URL}/v1/streaming.stop"
    VIDEO_GENERATE_URL = f"{HEYGEN_BASE_URL}/v2/video/generate"

sent elsewhere, by modules importing the constants. Moving the base would send the videos to
LiveAvatar: the streaming constants get a base of their own, ``LIVEAVATAR_BASE_URL``, and the
others keep ``HEYGEN_BASE_URL``.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.endpoints import HostLiteral
from ..analysis.host_literals import simple_assignment_target
from ..analysis.shared_clients import liveavatar_name
from ..apispec import HEYGEN_HOST, LIVEAVATAR_HOST, OTHER_HEYGEN_API_PATTERN, STREAMING_PATH_PATTERN
from .base import RuleContext


def _constants_on(ctx: RuleContext, name: str) -> tuple[list[cst.Name], bool]:
    """The ``{name}`` heads of the module's streaming URL constants, and whether a constant
    of HeyGen's other APIs is built on ``name`` too."""
    streaming: list[cst.Name] = []
    other = False
    for statement in ctx.index.module.body:
        if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
            continue
        small = statement.body[0]
        value = small.value if isinstance(small, (cst.Assign, cst.AnnAssign)) else None
        if not isinstance(value, cst.FormattedString) or not value.parts:
            continue
        head = value.parts[0]
        if not (
            isinstance(head, cst.FormattedStringExpression)
            and isinstance(head.expression, cst.Name)
            and head.expression.value == name
        ):
            continue
        text = "".join(
            p.value for p in value.parts[1:] if isinstance(p, cst.FormattedStringText)
        ).encode()
        if STREAMING_PATH_PATTERN.search(text):
            streaming.append(head.expression)
        elif OTHER_HEYGEN_API_PATTERN.search(text):
            other = True
    return streaming, other


def split_url_constants(ctx: RuleContext, host: HostLiteral) -> bool:
    """``host``, a module base constant, heads streaming and other-API URL constants of its
    module: the streaming ones now head with its LiveAvatar sibling. False when it does not
    (or the sibling's name is taken)."""
    node = host.site.node
    statement = host.site.context.statement
    target = simple_assignment_target(statement, node)
    if (
        target is None
        or "." in target
        or not isinstance(node, cst.SimpleString)
        or ctx.index.parent_of(statement) is not ctx.index.module
    ):
        return False
    if any(r.is_streaming for r in host.requests):
        return False  # a request on the base itself, not through the constants
    streaming, other = _constants_on(ctx, target)
    new_target = liveavatar_name(target)
    if not streaming or not other or new_target in ctx.index.module_scope.assignments:
        return False
    new_value = node.value.replace(HEYGEN_HOST, LIVEAVATAR_HOST, 1)
    if not ctx.insert_after(statement, [cst.parse_statement(f"{new_target} = {new_value}\n")]):
        return False
    for reference in streaming:
        ctx.replace(reference, cst.Name(new_target))
    ctx.fixed(
        node,
        f"this base also heads URL constants of HeyGen's other APIs: the streaming URL "
        f"constants now use `{new_target}` ({LIVEAVATAR_HOST})",
    )
    return True


__all__ = ["split_url_constants"]
