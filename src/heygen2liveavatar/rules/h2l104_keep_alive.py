"""H2L104: ``streaming.keep_alive`` becomes ``POST /v1/sessions/keep-alive``."""

from __future__ import annotations

from ..model import FIX_SAFE
from .base import Rule, RuleContext
from .common import rewrite_endpoint_paths
from .dispatch_calls import rewrite_dispatch_paths
from .request_bodies import drop_idle_timeouts


class KeepAliveRule(Rule):
    code = "H2L104"
    name = "keep-alive"
    summary = "`streaming.keep_alive` becomes `POST /v1/sessions/keep-alive` (same body)."
    fix = FIX_SAFE
    description = """
`POST /v1/streaming.keep_alive {session_id}` becomes `POST /v1/sessions/keep-alive {session_id}`.
The body is unchanged and the endpoint accepts the API key (`X-API-KEY`) or the session token.
The path is spelled with a hyphen (`keep-alive`); hand-migrated code often gets this wrong, and
the rule also corrects `sessions/keep_alive`... only when it starts from a HeyGen path.

LiveAvatar's idle timeout is a fixed 5 minutes: send keep-alive every 2-3 minutes. HeyGen's
`activity_idle_timeout` / `disable_idle_timeout`, sometimes sent with keep-alive, have no
LiveAvatar counterpart and are removed from its body.
"""
    example_before = """
KEEP_ALIVE_URL = f"{BASE_URL}/streaming.keep_alive"

async def ping(session, session_id):
    async with session.post(KEEP_ALIVE_URL, json={"session_id": session_id}) as resp:
        return await resp.json()
"""
    example_after = """
KEEP_ALIVE_URL = f"{BASE_URL}/sessions/keep-alive"

async def ping(session, session_id):
    async with session.post(KEEP_ALIVE_URL, json={"session_id": session_id}) as resp:
        return await resp.json()
"""

    def check(self, ctx: RuleContext) -> None:
        rewritten = rewrite_endpoint_paths(ctx, "keep_alive")
        rewrite_dispatch_paths(ctx, "keep_alive")
        if rewritten:
            drop_idle_timeouts(ctx, "keep_alive")
