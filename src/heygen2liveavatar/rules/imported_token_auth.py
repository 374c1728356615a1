"""The API key where a create_token token fetched in another module was sent.

``ProjectFacts.paired_token_getters``: a getter in ``tokens.py`` fetched the token that this
module sent as ``Bearer`` on ``streaming.new`` (``analysis/session_flow.token_from_elsewhere``).
The getter's module retires it (it returns a placeholder now); here the token call, stop and
keep-alive send the account's API key instead, read from ``LIVEAVATAR_API_KEY`` (where H2L402
makes the getter's module read it): the create_token call that sent the key is not in this
module to copy it from.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.dead_code import names_in
from ..analysis.session_flow import SessionFlow, client_default_tokens
from ..apispec import API_KEY_HEADER, LIVEAVATAR_API_KEY_NAME
from .base import RuleContext

_KEY_READ = f'os.environ["{LIVEAVATAR_API_KEY_NAME}"]'
_FIXED = (
    "authenticates with the API key: the token another module fetched from create_token was "
    "HeyGen's, and LiveAvatar has none before the session"
)


def send_the_api_key(ctx: RuleContext, headers: cst.BaseExpression) -> bool:
    """A request's headers (``headers=await self._auth()``) become the API key's."""
    key = cst.parse_expression(f'{{"{API_KEY_HEADER}": {_KEY_READ}}}')
    if not ctx.transform(headers, lambda _updated: key):
        return False
    ctx.require_import("os")
    ctx.prune_if_unused(names_in(headers))
    ctx.fixed(headers, _FIXED)
    return True


def key_in_client_defaults(ctx: RuleContext, flow: SessionFlow) -> None:
    """A client made with ``headers={"Authorization": f"Bearer {self.token}"}`` (or given
    them by ``headers.update``) sends the API key in that entry."""
    for holder in client_default_tokens(flow.tracker, flow.auth_classes):
        if isinstance(holder, cst.Assign):
            # ``client.headers["Authorization"] = ...``: the key goes under a header of its own.
            ctx.manual(
                holder,
                f"send the LiveAvatar API key here (`{API_KEY_HEADER}` header): the token "
                "another module fetched from create_token was HeyGen's",
            )
            continue
        entry = cst.DictElement(
            cst.SimpleString(f'"{API_KEY_HEADER}"'),
            cst.parse_expression(_KEY_READ),
            comma=holder.comma,
        )
        ctx.replace(holder, entry)
        ctx.require_import("os")
        ctx.prune_if_unused(names_in(holder.value))
        ctx.fixed(holder, _FIXED)
