"""A client whose default headers carried HeyGen's create_token token carries the API key.

``self._http = aiohttp.ClientSession(headers={"Authorization": f"Bearer {token}"})`` after
``token = await self._token()``: every call of that client (``streaming.new``, stop,
keep-alive) was authenticated with the token. Once H2L101 retires the token getter (it returns
a placeholder), those calls authenticate with the API key the create_token call sent: the
token call, stop and keep-alive take ``X-API-KEY``, and the events go through the session's
room. The entry is swapped for that key's; nothing else of the client changes.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.dead_code import names_in
from ..analysis.edits import with_pending_edits
from ..analysis.headers import HeaderSources
from ..analysis.http import RequestSite
from ..analysis.index import Context
from ..analysis.names import name_reads
from ..analysis.responses import ResponseTracker
from ..analysis.session_flow import (
    SessionFlow,
    holds_heygen_token,
    portable,
    session_flow,
    token_client_defaults,
)
from ..apispec import API_KEY_HEADER, HEYGEN_API_KEY_HEADER_SPELLINGS
from .base import RuleContext

SHARED_REKEYED_CLIENTS = "token_client_defaults.rekeyed"
"""``ctx.shared`` key: set when a client's token default became the API key, so stop and
keep-alive calls of that client need no headers of their own."""

_KEY_HEADERS = frozenset(spelling.lower() for spelling in HEYGEN_API_KEY_HEADER_SPELLINGS)


def rekey_client_defaults(ctx: RuleContext, flow: SessionFlow, token_request: RequestSite) -> None:
    """Replace the token entries of clients' default headers by the create_token call's key."""
    sources = HeaderSources(ctx.index, _KEY_HEADERS)
    keys = [e for e in sources.entries_of(token_request) if e.key.lower() in _KEY_HEADERS]
    if len(keys) != 1:
        return
    original = keys[0].value
    for dict_node, element, context in token_client_defaults(flow.tracker):
        if not portable(original, token_request.call.context, context, ctx.index):
            continue
        value = with_pending_edits(ctx.edits, original)
        assert isinstance(value, cst.BaseExpression)
        key = cst.SimpleString(f'"{API_KEY_HEADER}"')
        if ctx.replace(element, cst.DictElement(key, value, comma=element.comma)):
            ctx.shared[SHARED_REKEYED_CLIENTS] = True
            _drop_token_local(ctx, element, context)
            ctx.fixed(
                dict_node,
                "the client's default headers carry the API key the create_token call sent, "
                "not its token: the token call, stop and keep-alive authenticate with it",
            )


def _drop_token_local(ctx: RuleContext, element: cst.DictElement, context: Context) -> None:
    """``token = await self._token()`` read only by the replaced entry: the line goes (the
    retired getter returns a placeholder, so the call does nothing worth keeping)."""
    function = context.function
    if function is None:
        return
    for name in names_in(element.value):
        reads = name_reads(ctx.index, function, name)
        if any(not _inside(ctx, read, element) for read in reads):
            continue
        for value in ctx.index.lookup(name, context.scope):
            statement = ctx.statement_of(value)
            call = value.expression if isinstance(value, cst.Await) else value
            if (
                isinstance(statement, cst.SimpleStatementLine)
                and len(statement.body) == 1
                and isinstance(statement.body[0], cst.Assign)
                and isinstance(call, cst.Call)
                and holds_heygen_token(ctx_tracker(ctx), value, context)
            ):
                ctx.edits.remove(statement)


def _inside(ctx: RuleContext, node: cst.CSTNode, root: cst.CSTNode) -> bool:
    current: cst.CSTNode | None = node
    while current is not None:
        if current is root:
            return True
        current = ctx.index.parent_of(current)
    return False


def ctx_tracker(ctx: RuleContext) -> ResponseTracker:
    return session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project).tracker


__all__ = ["SHARED_REKEYED_CLIENTS", "rekey_client_defaults"]
