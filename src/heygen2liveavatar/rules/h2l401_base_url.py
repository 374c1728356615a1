"""H2L401: the HeyGen host becomes the LiveAvatar host in URLs that serve streaming calls."""

from __future__ import annotations

import re

import libcst as cst

from ..analysis.client_bases import (
    base_outside_code,
    client_base,
    is_relative,
    other_api_paths,
    wrapper_other_api_paths,
)
from ..analysis.endpoints import HostLiteral
from ..analysis.env_hosts import env_host_expression, env_read
from ..analysis.host_literals import (
    is_base_only,
    is_split_base,
    simple_assignment_target,
    streaming_references,
)
from ..analysis.http import RequestSite
from ..analysis.index import dotted_name, string_value
from ..analysis.shared_clients import liveavatar_name, module_split
from ..analysis.shared_wrappers import wrapper_split
from ..analysis.values import ENV_GETTERS
from ..apispec import HEYGEN_HOST, LIVEAVATAR_HOST, find_endpoints
from ..apispec.session_fields import BRIDGE_LIVEAVATAR_URL
from ..model import FIX_SAFE
from .base import Rule, RuleContext, blocked_urls, edit_literal
from .bridge_calls import wrap_in_bridge_call
from .common import settings_host_role
from .shared_client_splits import (
    WRAPPER_SPLIT_COVERS_STREAMING,
    client_split_done,
    split_shared_client,
)
from .wrapper_auth import wrapper_definition

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
        role = ctx.settings_role
        if role == "none":
            return
        if role == "streaming":
            self._env_hosts(ctx)
            self._configured_bases(ctx)
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
        elif role in ("shared", "unknown"):
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
        if any(r.is_other_heygen_api for r in host.requests) or _wrapper_serves_other_apis(
            ctx, host
        ):
            self._split_shared_base(ctx, host)
            return
        if self._shared_client_base(ctx, host):
            return
        self._rewrite(ctx, host)

    def _shared_client_base(self, ctx: RuleContext, host: HostLiteral) -> bool:
        """``httpx.AsyncClient(base_url=BASE)`` sending relative streaming paths and HeyGen's
        other APIs (``/v2/video/generate``): moving ``BASE`` would send the video calls to
        LiveAvatar. The base and the streaming requests on that client are marked instead."""
        node = host.site.node
        on_client = []
        other: list[str] = []
        for request in ctx.streaming_requests:
            endpoint = request.endpoint
            if endpoint is None or endpoint.liveavatar_path is None or not is_relative(request):
                continue
            base = client_base(ctx.index, request)
            if base is None:
                continue
            context = ctx.index.context_of(ctx.statement_of(base) or base) or request.call.context
            if not any(p.node is node for p in ctx.resolver.resolve(base, context)):
                continue
            paths = other_api_paths(ctx.index, request)
            if paths:
                on_client.append(request)
                other.extend(p for p in paths if p not in other)
        if not on_client:
            return False
        if split_shared_client(ctx, node):
            return True
        ctx.manual(
            node,
            "this HeyGen base URL is the base of a client that also calls HeyGen's other APIs ("
            + ", ".join(f"`{p}`" for p in other)
            + f"): give the streaming calls a client of their own on `https://{LIVEAVATAR_HOST}` "
            "with the LiveAvatar key",
        )
        for request in on_client:
            endpoint = request.endpoint
            assert endpoint is not None
            ctx.manual(
                request.node,
                f"this LiveAvatar request (`{endpoint.liveavatar_path}`) goes through a client on "
                f"the shared HeyGen base: send it through a client on `https://{LIVEAVATAR_HOST}`",
            )
        return True

    def _split_shared_base(self, ctx: RuleContext, host: HostLiteral) -> None:
        """A base serving streaming and other HeyGen APIs: give the streaming calls their own.

        ``BASE = "https://api.heygen.com/v1"`` gains a sibling ``LIVEAVATAR_BASE`` (or
        ``self.liveavatar_base_url``) right after it, and the streaming URLs refer to it.
        """
        node = host.site.node
        statement = host.site.context.statement
        target = simple_assignment_target(statement, node)
        references = streaming_references(host)
        if target is None and self._split_constructor_base(ctx, host):
            return
        if target is not None and not references and self._split_wrapper(ctx, host, target):
            return
        if target is None or not references or not isinstance(node, cst.SimpleString):
            ctx.manual(
                node,
                "this HeyGen base URL also serves non-streaming endpoints; use a separate "
                "`https://api.liveavatar.com` base for the migrated streaming calls",
            )
            self._mark_requests_on_shared_base(ctx, host)
            return
        new_target = liveavatar_name(target)
        new_value = node.value.replace(HEYGEN_HOST, LIVEAVATAR_HOST, 1)
        existing = (
            [] if "." in new_target else ctx.index.module_scope.assignments.get(new_target, [])
        )
        if existing:
            # ``LIVEAVATAR_BASE`` written by hand already: used if it is this base on LiveAvatar.
            wanted = string_value(cst.parse_expression(new_value))
            if any(string_value(value) != wanted for value in existing):
                ctx.manual(
                    node,
                    f"this HeyGen base URL also serves non-streaming endpoints, and `{new_target}` "
                    f"is not its `https://{LIVEAVATAR_HOST}` twin: give the migrated streaming "
                    "calls a LiveAvatar base",
                )
                return
        else:
            new_statement = cst.parse_statement(f"{new_target} = {new_value}\n")
            if not ctx.insert_after(statement, [new_statement]):
                return
        for reference in references:
            ctx.replace(reference, cst.parse_expression(new_target))
        ctx.fixed(
            node,
            f"this base also serves other HeyGen APIs: streaming calls now use `{new_target}` "
            f"({LIVEAVATAR_HOST})",
        )

    def _split_wrapper(self, ctx: RuleContext, host: HostLiteral, target: str) -> bool:
        """``_post(path, payload)`` joining ``API_BASE`` with its caller's path for the video and
        the streaming calls: the streaming calls get ``_liveavatar_post`` on
        ``LIVEAVATAR_API_BASE`` with the LiveAvatar key (:mod:`..analysis.shared_wrappers`)."""
        node = host.site.node
        if "." in target or not isinstance(node, cst.SimpleString):
            return False
        wrappers = {id(function): function for function in _host_wrappers(host)}
        wrapped: list[tuple[RequestSite, cst.FunctionDef]] = []
        migrated = 0
        for request in ctx.streaming_requests:
            endpoint = request.endpoint
            if endpoint is None or endpoint.liveavatar_path is None:
                continue  # an event now, or marked by its own rule
            migrated += 1
            if request in host.requests:
                return False  # sent on the base itself, beside the wrapper's
            if request.client != "wrapper":
                continue
            function = wrapper_definition(ctx, request)
            if function is not None and id(function) in wrappers:
                wrapped.append((request, function))
        split = wrapper_split(ctx.index, host, target, wrapped)
        if split is None:
            return False
        new_target = liveavatar_name(target)
        if new_target in ctx.index.module_scope.assignments:
            return False
        new_value = node.value.replace(HEYGEN_HOST, LIVEAVATAR_HOST, 1)
        statement = host.site.context.statement
        if not ctx.insert_after(statement, [cst.parse_statement(f"{new_target} = {new_value}\n")]):
            return False
        ctx.insert_after(split.wrapper, [split.sibling])
        for callee in split.callees:
            ctx.replace(callee, cst.Name(split.new_name))
        ctx.require_import("os")
        if len(wrapped) == migrated:
            ctx.shared[WRAPPER_SPLIT_COVERS_STREAMING] = True
        ctx.fixed(
            node,
            f"this base also serves other HeyGen APIs through `{split.wrapper.name.value}`: "
            f"streaming calls now use `{split.new_name}` on `{new_target}` ({LIVEAVATAR_HOST}) "
            "with the LiveAvatar key",
        )
        return True

    def _mark_requests_on_shared_base(self, ctx: RuleContext, host: HostLiteral) -> None:
        """Where the program fails until a person splits the base: each migrated request, also
        the calls of a wrapper that joins the base with the path its caller passes
        (``requests.post(API_BASE + path, ...)`` inside ``_post(path, payload)``)."""
        wrappers = {id(function) for function in _host_wrappers(host)}
        through_wrappers = [
            r
            for r in ctx.streaming_requests
            if r.client == "wrapper"
            and r not in host.requests
            and id(wrapper_definition(ctx, r)) in wrappers
        ]
        for request in [*host.requests, *through_wrappers]:
            endpoint = request.endpoint
            if endpoint is None or endpoint.liveavatar_path is None:
                continue  # an event now, or marked by its own rule
            ctx.manual(
                request.node,
                f"this LiveAvatar request (`{endpoint.liveavatar_path}`) is still sent to the "
                f"shared HeyGen base: give it a `https://{LIVEAVATAR_HOST}` base",
            )

    def _split_constructor_base(self, ctx: RuleContext, host: HostLiteral) -> bool:
        """``def __init__(self, base="https://api.heygen.com")`` kept as ``self.base``: the
        streaming requests get ``self.liveavatar_base`` (H2L402 gives them their own key)."""
        split = module_split(ctx.index, ctx.literals.hosts, ctx.requests)
        node = host.site.node
        if split is None or split.literal is not node:
            return False
        new_value = node.value.replace(HEYGEN_HOST, LIVEAVATAR_HOST, 1)
        new_statement = cst.parse_statement(f"{split.new_attribute} = {new_value}\n")
        if not ctx.insert_after(split.assignment, [new_statement]):
            return False
        for reference in split.references:
            ctx.replace(reference, cst.parse_expression(split.new_attribute))
        ctx.fixed(
            node,
            f"this base also serves other HeyGen APIs: streaming calls now use "
            f"`{split.new_attribute}` ({LIVEAVATAR_HOST})",
        )
        return True

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


def _path_left(ctx: RuleContext, node: cst.CSTNode) -> bool:
    """The path rules (which run before this one) left ``node``'s streaming path as it was."""
    final = node
    for transform in ctx.edits.transforms.get(id(node), ()):
        final = transform(final)  # string literals are leaves: original == updated
    text = final.value if isinstance(final, (cst.SimpleString, cst.FormattedStringText)) else ""
    return bool(find_endpoints(text))


def _host_wrappers(host: HostLiteral) -> list[cst.FunctionDef]:
    """Functions sending a request to ``host`` joined with a path they are given."""
    found: dict[int, cst.FunctionDef] = {}
    for request in host.requests:
        function = request.call.context.function
        if not request.is_streaming and isinstance(function, cst.FunctionDef):
            found[id(function)] = function
    return list(found.values())


def _wrapper_serves_other_apis(ctx: RuleContext, host: HostLiteral) -> bool:
    """``_post("/v2/video/generate", body)`` through a wrapper on this host: it serves
    HeyGen's other APIs too, whatever its streaming callers do."""
    wrappers = _host_wrappers(host)
    return bool(wrappers) and bool(wrapper_other_api_paths(ctx.index, wrappers))


_ENV_STYLE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
