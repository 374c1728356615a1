"""An auth class (``httpx.Auth``) that sent HeyGen's create_token token sends the API key.

See :mod:`..analysis.auth_classes`. The class authenticates every request of the client it
is given to; on LiveAvatar those requests (the token call, stop, keep-alive) take the API key
the class already holds for its create_token call. So each ``request.headers["Authorization"]
= f"Bearer {self.token}"`` of its flow becomes ``request.headers["X-API-KEY"] = <that key>``,
and the client keeps working wherever it is built (another module, another project). Sending
a session token there would fail: only the API key can mint one.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.edits import with_pending_edits
from ..analysis.http import RequestSite
from ..analysis.index import Context
from ..analysis.session_flow import SessionFlow
from ..apispec import API_KEY_HEADER
from .base import RuleContext
from .token_auth import create_token_api_key


def api_key_in_auth_classes(ctx: RuleContext, flow: SessionFlow) -> bool:
    """Rewrite the token headers of the module's auth classes; ``False`` (each such header
    marked) when the API key the create_token call sent cannot be written there."""
    done = True
    request = flow.token_requests[0] if len(flow.token_requests) == 1 else None
    for auth in flow.auth_classes:
        for assign in auth.header_sets:
            statement = ctx.index.statement_of(assign)
            context = ctx.index.context_of(statement) if statement is not None else None
            key = (
                _api_key(ctx, flow, request, context)
                if context is not None and request is not None
                else None
            )
            target = assign.targets[0].target
            if key is None or not isinstance(target, cst.Subscript):
                done = False
                ctx.manual(
                    assign,
                    f"`{auth.name}` sends HeyGen's create_token token, which "
                    f"LiveAvatar does not have: send the API key as `{API_KEY_HEADER}` here "
                    "(the token call, stop and keep-alive take it)",
                )
                continue
            header = _header_key(target)
            new = assign.with_changes(
                targets=[
                    assign.targets[0].with_changes(
                        target=target.with_changes(
                            slice=[
                                target.slice[0].with_changes(slice=cst.Index(header)),
                            ]
                        )
                    )
                ],
                value=key,
            )
            if ctx.replace(assign, new):
                ctx.fixed(
                    assign,
                    f"`{auth.name}` sends the API key its create_token call sent "
                    f"(`{API_KEY_HEADER}`), not a token: on LiveAvatar the token call, stop and "
                    "keep-alive of the client it authenticates take the API key",
                )
    return done


def _header_key(target: cst.Subscript) -> cst.SimpleString:
    """``"X-API-KEY"`` in the quotes of the key it replaces."""
    old = target.slice[0].slice
    assert isinstance(old, cst.Index)
    quote = "'" if isinstance(old.value, cst.SimpleString) and old.value.value[-1:] == "'" else '"'
    return cst.SimpleString(f"{quote}{API_KEY_HEADER}{quote}")


def _api_key(
    ctx: RuleContext, flow: SessionFlow, request: RequestSite, target: Context
) -> cst.BaseExpression | None:
    """The API key the create_token call sent, as it reads at ``target``."""
    original = create_token_api_key(ctx, flow.tracker, request, target)
    if original is None:
        return None
    value = with_pending_edits(ctx.edits, original)
    assert isinstance(value, cst.BaseExpression)
    return value


__all__ = ["api_key_in_auth_classes"]
