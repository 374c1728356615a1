"""H2L403's marker for a ``Bearer`` value it cannot tell apart.

HeyGen took two Bearer values on its streaming calls: the API key and the token of
``streaming.create_token``. Where the module fetches no such token (no create_token call, no
getter of one that the project pairs with ``streaming.new``), a Bearer value on a streaming
call can only be the API key, even when it comes from somewhere the tool does not follow
(``f"Bearer {await self.tokens.token()}"``, a provider returning the key). LiveAvatar takes
the key only as ``X-API-KEY`` and a Bearer only with the session token: left as it is, the
migrated call is refused (401). The entry is marked.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.codegen import code_of
from ..analysis.headers import HeaderEntry, HeaderSources
from ..analysis.http import RequestSite
from ..apispec import API_KEY_HEADER
from .base import RuleContext

_CREATE_TOKEN = "create_token"
_NEW = "new"


def mark_unknown_bearer(
    ctx: RuleContext,
    entry: HeaderEntry,
    operand: cst.BaseExpression,
    sources: HeaderSources,
    streaming: list[RequestSite],
) -> None:
    if _CREATE_TOKEN in ctx.index.code:
        return  # the module fetches a create_token token: the session flow owns its Bearer
    if ctx.project is not None and ctx.project.paired_token_getters:
        return  # a create_token token from another module may be this value
    if "session" in code_of(operand, ctx.module).lower():
        return  # a LiveAvatar session token already
    if _parameter_of_builder(ctx, entry, operand):
        return  # ``def _auth(token)``: its callers choose the value (H2L403 rewrites theirs)
    ctx.manual(
        entry.key_node,
        "this `Authorization: Bearer` value goes with streaming requests and no create_token "
        "token is fetched here, so it is the API key: LiveAvatar refuses the key as a Bearer "
        f"token (it takes a Bearer session token only); send the key as `{API_KEY_HEADER}`",
    )
    statement = ctx.statement_of(entry.key_node)
    context = ctx.index.context_of(statement) if statement is not None else None
    where = f"`{context.function.name.value}()`" if context and context.function else "here"
    for request in streaming:
        # The token call (formerly streaming.new) is where LiveAvatar first refuses it.
        if (
            request.endpoint is not None
            and request.endpoint.key == _NEW
            and any(found is entry for found in sources.entries_of(request))
        ):
            ctx.manual(
                request.node,
                f"sends the Bearer header built in {where} with the API key in it (marked "
                f"there): LiveAvatar refuses this token call until the key goes as "
                f"`{API_KEY_HEADER}`",
            )


def _parameter_of_builder(
    ctx: RuleContext, entry: HeaderEntry, operand: cst.BaseExpression
) -> bool:
    """The value is a parameter of the function that builds the headers."""
    if not isinstance(operand, cst.Name):
        return False
    statement = ctx.statement_of(entry.key_node)
    context = ctx.index.context_of(statement) if statement is not None else None
    function = context.function if context is not None else None
    if function is None:
        return False
    params = function.params
    names = [p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)]
    return operand.value in names
