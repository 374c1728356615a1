"""H2L401: the HeyGen host becomes the LiveAvatar host in URLs that serve streaming calls."""

from __future__ import annotations

import libcst as cst

from ..analysis.endpoints import HostLiteral
from ..analysis.index import dotted_name, string_value
from ..analysis.values import ENV_GETTERS
from ..apispec import HEYGEN_HOST, LIVEAVATAR_HOST, find_endpoints
from ..model import FIX_SAFE
from .base import Rule, RuleContext, edit_literal


def _path_after_host(value: str) -> str:
    after = value.split(HEYGEN_HOST, 1)[1]
    return after.split("?", 1)[0].split("#", 1)[0]


def _is_base_only(value: str) -> bool:
    """``https://api.heygen.com``, ``.../``, ``.../v1`` or ``.../v2``: a base, not an endpoint."""
    return _path_after_host(value).strip("/") in ("", "v1", "v2")


class BaseUrlRule(Rule):
    code = "H2L401"
    name = "base-url"
    summary = "`https://api.heygen.com` becomes `https://api.liveavatar.com` where it serves streaming calls."
    fix = FIX_SAFE
    description = """
Rewrites the host in every URL literal or base-URL constant that the module's streaming calls
use, including defaults of environment lookups (`os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com")`,
whose variable is renamed to `LIVEAVATAR_BASE_URL` so an old setting cannot point the new code
back at HeyGen). A `/v1` suffix on the base is kept: LiveAvatar paths also start with `/v1`.

URLs of HeyGen's other APIs (video generation, voices, webhooks) are left alone. A base URL
that serves both streaming and other HeyGen endpoints cannot simply change host: the rule
reports it for a person to split.
"""
    example_before = """
import os

HEYGEN_BASE = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1")
STOP_URL = f"{HEYGEN_BASE}/streaming.stop"
VIDEO_URL = "https://api.heygen.com/v2/video/generate"
"""
    example_after = """
import os

HEYGEN_BASE = os.getenv("LIVEAVATAR_BASE_URL", "https://api.liveavatar.com/v1")
STOP_URL = f"{HEYGEN_BASE}/sessions/stop"
VIDEO_URL = "https://api.heygen.com/v2/video/generate"
"""

    def check(self, ctx: RuleContext) -> None:
        table = ctx.literals
        if not table.has_streaming_target:
            return
        for host in table.hosts:
            if not host.is_target:
                continue
            self._check_host(ctx, host)

    def _check_host(self, ctx: RuleContext, host: HostLiteral) -> None:
        value = host.site.value
        node = host.site.node
        if find_endpoints(value):
            if any(
                m.endpoint.liveavatar_path is None and m.endpoint.key == "ws_chat"
                for m in find_endpoints(value)
            ):
                return
            self._rewrite(ctx, host)
            return
        if not _is_base_only(value):
            return  # a non-streaming HeyGen endpoint (video, voices, ...): not ours
        other = [r for r in host.requests if not r.is_streaming]
        if other:
            ctx.manual(
                node,
                "this HeyGen base URL also serves non-streaming endpoints; use a separate "
                "`https://api.liveavatar.com` base for the migrated streaming calls",
            )
            return
        self._rewrite(ctx, host)

    def _rewrite(self, ctx: RuleContext, host: HostLiteral) -> None:
        node = host.site.node
        if not edit_literal(ctx, node, HEYGEN_HOST, LIVEAVATAR_HOST):
            return
        ctx.fixed(node, f"`{HEYGEN_HOST}` becomes `{LIVEAVATAR_HOST}`")
        call = host.site.enclosing_call
        if call is None or len(call.args) < 2 or call.args[1].value is not node:
            return
        getter = ctx.index.qualified_name(dotted_name(call.func))
        first = call.args[0].value
        env_name = string_value(first)
        if getter not in ENV_GETTERS or env_name is None or not isinstance(first, cst.SimpleString):
            return
        if "HEYGEN" in env_name.upper() and "KEY" not in env_name.upper():
            new_name = env_name.replace("HEYGEN", "LIVEAVATAR").replace("heygen", "liveavatar")
            if edit_literal(ctx, first, env_name, new_name):
                ctx.fixed(first, f"reads `{new_name}` instead of `{env_name}`")
