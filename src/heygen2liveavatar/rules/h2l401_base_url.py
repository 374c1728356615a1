"""H2L401: the HeyGen host becomes the LiveAvatar host in URLs that serve streaming calls."""

from __future__ import annotations

import re

import libcst as cst

from ..analysis.client_bases import (
    base_outside_code,
    client_base,
    is_relative,
)
from ..analysis.endpoints import HostLiteral
from ..analysis.env_hosts import env_host_expression, env_read
from ..analysis.host_literals import (
    is_base_only,
    is_split_base,
)
from ..analysis.index import dotted_name, string_value
from ..analysis.values import ENV_GETTERS
from ..apispec import HEYGEN_HOST, LIVEAVATAR_HOST, find_endpoints
from ..apispec.session_fields import BRIDGE_LIVEAVATAR_URL
from ..model import BASE_READ, FIX_SAFE
from .base import Rule, RuleContext, blocked_urls, edit_literal
from .bridge_calls import wrap_in_bridge_call
from .common import settings_host_role
from .configured_wrapper_bases import configured_wrapper_bases
from .imported_base_splits import split_imported_base, use_imported_base_siblings
from .imported_wrapper_splits import (
    split_for_importers,
    split_foreign_base_wrappers,
    split_in_wrapper_module,
)
from .shared_base_splits import (
    call_imported_split_wrappers,
    passed_to_shared_client,
    shared_client_base,
    shared_connection_host,
    split_shared_base,
    wrapper_serves_other_apis,
)
from .shared_client_splits import (
    client_split_done,
)
from .url_constant_splits import split_url_constants

_OTHER_API_NAME = re.compile(r"video|upload|asset|template|translat|photo|voice", re.IGNORECASE)


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
        split_foreign_base_wrappers(ctx)
        role = ctx.settings_role
        if role == "none":
            return
        if role == "streaming":
            self._env_hosts(ctx)
            self._configured_bases(ctx)
            configured_wrapper_bases(ctx)
            call_imported_split_wrappers(ctx)
            use_imported_base_siblings(ctx)
        for host in ctx.literals.hosts:
            if not host.is_target:
                continue
            if is_base_only(host.site.value) and client_split_done(ctx, host.site.node):
                continue  # its client's streaming requests have a LiveAvatar client already
            if role == "streaming":
                self._check_host(ctx, host)
            else:
                self._check_settings_host(ctx, host)

    def _env_hosts(self, ctx: RuleContext) -> None:
        """``f"{os.environ['HEYGEN_URL']}/v1/streaming.stop"``: the path is migrated by its
        rule, the host is whatever the environment says."""
        for request in ctx.streaming_requests:
            endpoint = request.endpoint
            if endpoint is None or endpoint.liveavatar_path is None:
                continue  # replaced by an event, or marked by its own rule
            expression = env_host_expression(request.url_expr, ctx.index)
            if expression is None:
                continue
            source = cst.Module([]).code_for_node(expression)
            ctx.manual(
                expression,
                f"the host of this URL is read from the environment (`{source}`): set it to "
                f"`https://{LIVEAVATAR_HOST}` wherever the code runs (the path is LiveAvatar's)",
            )

    def _configured_bases(self, ctx: RuleContext) -> None:
        """``httpx.Client(base_url=cfg.api_base)`` with the relative streaming paths migrated:
        the host comes from configuration outside the code (a YAML file, a secret)."""
        known = ctx.project.streaming_base_names if ctx.project is not None else frozenset()
        marked: set[int] = set()
        for request in ctx.streaming_requests:
            endpoint = request.endpoint
            if endpoint is None or endpoint.liveavatar_path is None or not is_relative(request):
                continue
            base = client_base(ctx.index, request)
            if base is None or id(base) in marked or env_read(base, ctx.index):
                continue
            context = ctx.index.context_of(ctx.statement_of(base) or base) or request.call.context
            if not base_outside_code(ctx.resolver, base, context, known):
                continue
            marked.add(id(base))
            source = cst.Module([]).code_for_node(base)
            if wrap_in_bridge_call(ctx, base, BRIDGE_LIVEAVATAR_URL):
                ctx.fixed(
                    base,
                    f"this client's base URL comes from configuration outside the code "
                    f"(`{source}`): `liveavatar_bridge.{BRIDGE_LIVEAVATAR_URL}` moves HeyGen's "
                    f"host to `{LIVEAVATAR_HOST}` when it runs; change the configuration too",
                )

    def _check_settings_host(self, ctx: RuleContext, host: HostLiteral) -> None:
        """A base URL in a module without streaming calls of its own (a settings module)."""
        role = settings_host_role(ctx, host)
        if role is None:
            return
        if role == "streaming":
            self._rewrite(ctx, host)
        elif (
            role in ("shared", "unknown")
            and not split_for_importers(ctx, host)
            and not split_url_constants(ctx, host)
            and not split_imported_base(ctx, host)
            and not split_in_wrapper_module(ctx, BASE_READ, _setting_name(host))
        ):
            ctx.manual(
                host.site.node,
                "this HeyGen base URL may serve streaming calls in other modules as well as "
                "HeyGen's other APIs; give the streaming calls a `https://api.liveavatar.com` base",
            )

    def _check_host(self, ctx: RuleContext, host: HostLiteral) -> None:
        value = host.site.value
        node = host.site.node
        if id(node) in blocked_urls(ctx):
            return  # a path rule that is not selected: the URL stays HeyGen's, whole
        matches = find_endpoints(value)
        if matches:
            if any(m.endpoint.liveavatar_path is None for m in matches):
                return  # no REST successor (events, ICE, WebSocket): the endpoint's rule decides
            if any(ctx.is_suppressed(node, m.endpoint.rule) for m in matches):
                return  # keep host and path together: never half a URL
            if not host.requests and _path_left(ctx, node):
                # A URL no request in sight sends, its path left HeyGen's by the path rules
                # (H2L901 marks it): a LiveAvatar host would make it half a URL.
                return
            self._rewrite(ctx, host)
            return
        if is_split_base(host):
            # ``".../v1/streaming"`` + ``".new"``: the endpoint rules move its path.
            self._rewrite(ctx, host)
            return
        if not is_base_only(value):
            return  # a non-streaming HeyGen endpoint (video, voices, ...): not ours
        if _OTHER_API_NAME.search(host.site.assigned_to or ""):
            return  # ``VIDEO_BASE = "https://api.heygen.com/v2"``: the name says whose it is
        if split_url_constants(ctx, host):
            return
        if (
            host.requests
            and all(r.is_other_heygen_api for r in host.requests)
            and (host.site.assigned_to or "").startswith("self.")
        ):
            # ``self.v2 = "https://api.heygen.com/v2"`` beside ``self.v1`` for the streaming
            # calls: every request on this one is HeyGen's video or voices API (an instance
            # attribute: no other module builds on it): not ours.
            return
        if any(r.is_other_heygen_api for r in host.requests) or wrapper_serves_other_apis(
            ctx, host
        ):
            split_shared_base(ctx, host)
            return
        if shared_client_base(ctx, host):
            return
        if not host.requests and passed_to_shared_client(ctx, host):
            return  # the client's streaming requests have a LiveAvatar base of their own
        if not host.requests and shared_connection_host(ctx, host):
            return  # ``http.client`` connections on it serve HeyGen's other APIs too
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
        if env_name is None or not isinstance(first, cst.SimpleString):
            return
        # ``os.getenv(...)``, or a settings getter keyed by an environment-style name
        # (``get("HEYGEN_API_BASE", default)`` of a hand-written .env reader, ``config(...)``).
        if getter not in ENV_GETTERS and _ENV_STYLE.fullmatch(env_name) is None:
            return
        if "HEYGEN" in env_name.upper() and "KEY" not in env_name.upper():
            new_name = env_name.replace("HEYGEN", "LIVEAVATAR").replace("heygen", "liveavatar")
            if edit_literal(ctx, first, env_name, new_name):
                ctx.fixed(first, f"reads `{new_name}` instead of `{env_name}`")


def _setting_name(host: HostLiteral) -> str | None:
    """``API_BASE`` for ``API_BASE = os.environ.get(..., "https://api.heygen.com")``, also in a
    settings class."""
    assigned = host.site.assigned_to
    return assigned.rsplit(".", 1)[-1] if assigned else None


def _path_left(ctx: RuleContext, node: cst.CSTNode) -> bool:
    """The path rules (which run before this one) left ``node``'s streaming path as it was."""
    final = node
    for transform in ctx.edits.transforms.get(id(node), ()):
        final = transform(final)  # string literals are leaves: original == updated
    text = final.value if isinstance(final, (cst.SimpleString, cst.FormattedStringText)) else ""
    return bool(find_endpoints(text))


_ENV_STYLE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
