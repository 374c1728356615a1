"""H2L401's part for a HeyGen base that also serves HeyGen's other APIs (video, voices).

Moving such a base to LiveAvatar would send the video calls there; leaving it would send the
migrated streaming calls to HeyGen. The streaming calls get a base of their own instead: a
``LIVEAVATAR_BASE`` sibling constant, ``self.liveavatar_base`` beside a constructor's base, a
LiveAvatar client beside a shared HTTP client (:mod:`.shared_client_splits`), or a
``_liveavatar_post`` sibling of a shared request wrapper (:mod:`..analysis.shared_wrappers`).
Where none can be made, the base and each request still sent on it are marked.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.client_bases import (
    client_base,
    host_wrappers,
    host_wrappers_serve_other_apis,
    is_relative,
    other_api_paths,
    wrapper_other_api_paths,
)
from ..analysis.connection_hosts import connection_wrappers
from ..analysis.endpoints import HostLiteral
from ..analysis.host_literals import simple_assignment_target, streaming_references
from ..analysis.http import RequestSite
from ..analysis.index import string_value
from ..analysis.shared_clients import liveavatar_name, module_split, passed_as_split_base
from ..analysis.shared_http_clients import wrapped_client_request
from ..analysis.shared_wrappers import (
    WrapperSplit,
    class_attribute_taken,
    imported_split,
    wrapper_split,
)
from ..apispec import HEYGEN_HOST, LIVEAVATAR_HOST
from .base import RuleContext
from .shared_client_splits import WRAPPER_SPLIT_COVERS_STREAMING, split_shared_client
from .success_codes import keep_heygen_checks
from .wrapper_auth import wrapper_definition


def shared_client_base(ctx: RuleContext, host: HostLiteral) -> bool:
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
        # ``self._post("/streaming.new")`` whose method sends ``self.http.post(path, ...)``.
        sent = wrapped_client_request(ctx.index, ctx.requests, request) or request
        base = client_base(ctx.index, sent)
        if base is None:
            continue
        context = ctx.index.context_of(ctx.statement_of(base) or base) or sent.call.context
        if not any(p.node is node for p in ctx.resolver.resolve(base, context)):
            continue
        paths = other_api_paths(ctx.index, sent)
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


def split_shared_base(ctx: RuleContext, host: HostLiteral) -> None:
    """A base serving streaming and other HeyGen APIs: give the streaming calls their own.

    ``BASE = "https://api.heygen.com/v1"`` gains a sibling ``LIVEAVATAR_BASE`` (or
    ``self.liveavatar_base_url``) right after it, and the streaming URLs refer to it.
    """
    node = host.site.node
    statement = host.site.context.statement
    target = simple_assignment_target(statement, node)
    references = streaming_references(host)
    if target is None and _split_constructor_base(ctx, host):
        return
    if target is not None and not references and _split_wrapper(ctx, host, target):
        return
    if target is None or not references or not isinstance(node, cst.SimpleString):
        ctx.manual(
            node,
            "this HeyGen base URL also serves non-streaming endpoints; use a separate "
            "`https://api.liveavatar.com` base for the migrated streaming calls",
        )
        _mark_requests_on_shared_base(ctx, host)
        return
    new_target = liveavatar_name(target)
    new_value = node.value.replace(HEYGEN_HOST, LIVEAVATAR_HOST, 1)
    existing = [] if "." in new_target else ctx.index.module_scope.assignments.get(new_target, [])
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


def _split_wrapper(ctx: RuleContext, host: HostLiteral, target: str) -> bool:
    """``_post(path, payload)`` joining ``API_BASE`` with its caller's path for the video and
    the streaming calls: the streaming calls get ``_liveavatar_post`` on
    ``LIVEAVATAR_API_BASE`` with the LiveAvatar key (:mod:`..analysis.shared_wrappers`)."""
    node = host.site.node
    if "." in target or not isinstance(node, cst.SimpleString):
        return False
    wrappers = {id(function): function for function in host_wrappers(host)}
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
    # ``_get`` for the avatar list, ``_post`` for the session calls: each wrapper the
    # streaming calls go through gets its sibling, or none does (half a split would send
    # some of them to the wrong host).
    by_wrapper: dict[int, list[tuple[RequestSite, cst.FunctionDef]]] = {}
    for request, function in wrapped:
        by_wrapper.setdefault(id(function), []).append((request, function))
    splits: list[WrapperSplit] = []
    for calls in by_wrapper.values():
        split = wrapper_split(ctx.index, host, target, calls)
        if split is None:
            return False
        splits.append(split)
    if not splits:
        return False
    new_target = liveavatar_name(target)
    taken = class_attribute_taken(ctx.index, host, new_target)
    if taken or (taken is None and new_target in ctx.index.module_scope.assignments):
        return False
    new_value = node.value.replace(HEYGEN_HOST, LIVEAVATAR_HOST, 1)
    statement = host.site.context.statement
    if not ctx.insert_after(statement, [cst.parse_statement(f"{new_target} = {new_value}\n")]):
        return False
    for split in splits:
        ctx.insert_after(split.wrapper, [split.sibling])
        keep_heygen_checks(ctx, split.wrapper)
        for callee in split.callees:
            ctx.replace(callee, cst.Name(split.new_name))
    ctx.require_import("os")
    if len(wrapped) == migrated:
        ctx.shared[WRAPPER_SPLIT_COVERS_STREAMING] = True
    names = " and ".join(f"`{split.wrapper.name.value}`" for split in splits)
    siblings = " and ".join(f"`{split.new_name}`" for split in splits)
    ctx.fixed(
        node,
        f"this base also serves other HeyGen APIs through {names}: "
        f"streaming calls now use {siblings} on `{new_target}` ({LIVEAVATAR_HOST}) "
        "with the LiveAvatar key",
    )
    return True


def call_imported_split_wrappers(ctx: RuleContext) -> None:
    """``from .api import _post`` sending ``streaming.stop`` where ``api.py``'s migration gives
    its streaming calls ``_liveavatar_post`` (``ProjectFacts.split_wrappers``): this module's
    streaming calls move to the sibling too, imported from the same module."""
    if ctx.project is None or not ctx.project.split_wrappers:
        return
    for request in ctx.streaming_requests:
        endpoint = request.endpoint
        if endpoint is None or endpoint.liveavatar_path is None:
            continue  # an event now, or marked by its own rule
        split = imported_split(ctx.index, request, ctx.project.split_wrappers)
        if split is None or not ctx.replace(split.callee, cst.Name(split.sibling)):
            continue
        if not split.method:
            ctx.require_import(split.module, split.sibling)
            ctx.prune_if_unused([split.callee.value])
        ctx.fixed(
            split.callee,
            f"`{split.module}` gives its streaming calls `{split.sibling}` on "
            f"{LIVEAVATAR_HOST} with the LiveAvatar key (`{split.callee.value}` keeps "
            "HeyGen's other APIs): so does this one",
        )


def _mark_requests_on_shared_base(ctx: RuleContext, host: HostLiteral) -> None:
    """Where the program fails until a person splits the base: each migrated request, also
    the calls of a wrapper that joins the base with the path its caller passes
    (``requests.post(API_BASE + path, ...)`` inside ``_post(path, payload)``)."""
    wrappers = {id(function) for function in host_wrappers(host)}
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
        if endpoint.key == "start":
            continue  # H2L102 removes it (the bridge starts the session) or marks it
        ctx.manual(
            request.node,
            f"this LiveAvatar request (`{endpoint.liveavatar_path}`) is still sent to the "
            f"shared HeyGen base: give it a `https://{LIVEAVATAR_HOST}` base",
        )


def _split_constructor_base(ctx: RuleContext, host: HostLiteral) -> bool:
    """``def __init__(self, base="https://api.heygen.com")`` kept as ``self.base``: the
    streaming requests get ``self.liveavatar_base`` (H2L402 gives them their own key)."""
    split = module_split(ctx.index, ctx.literals.hosts, ctx.requests)
    node = host.site.node
    if split is None or split.literal is not node:
        return False
    new_value = node.value.replace(HEYGEN_HOST, LIVEAVATAR_HOST, 1)
    if split.trims:
        new_value = _trimmed(new_value)
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


def _trimmed(literal: str) -> str:
    """``"https://api.liveavatar.com/"`` -> ``"https://api.liveavatar.com"``: the twin of a
    base the constructor keeps as ``base.rstrip("/")``."""
    quote = literal[-1]
    body = literal[:-1]
    while body.endswith("/"):
        body = body[:-1]
    return body + quote


def shared_connection_host(ctx: RuleContext, host: HostLiteral) -> bool:
    """``http.client.HTTPSConnection(self.host)`` in a wrapper whose callers send HeyGen's
    other APIs (``_call("GET", "/v2/voices")``) and streaming through it: the host stays
    HeyGen's, marked, and so is each migrated streaming request still sent there (a
    connection of their own on LiveAvatar's host is a person's split)."""
    wrappers = connection_wrappers(ctx.index, ctx.resolver, host.site.node)
    other = wrapper_other_api_paths(ctx.index, wrappers) if wrappers else []
    if not other:
        return False
    names = ", ".join(f"`{w.name.value}`" for w in wrappers)
    ctx.manual(
        host.site.node,
        f"this HeyGen host is where {names} opens its `http.client` connections, which also "
        "serve HeyGen's other APIs ("
        + ", ".join(f"`{p}`" for p in other)
        + f"): give the streaming calls a connection of their own to `{LIVEAVATAR_HOST}` "
        "with the LiveAvatar key",
    )
    ids = {id(w) for w in wrappers}
    for request in ctx.streaming_requests:
        endpoint = request.endpoint
        if endpoint is None or endpoint.liveavatar_path is None or endpoint.key == "start":
            continue  # an event now, marked by its own rule, or removed (the bridge starts it)
        if request.client == "wrapper" and id(wrapper_definition(ctx, request)) in ids:
            ctx.manual(
                request.node,
                f"this LiveAvatar request (`{endpoint.liveavatar_path}`) is still sent to the "
                f"shared HeyGen host: send it on a connection to `{LIVEAVATAR_HOST}`",
            )
    return True


def passed_to_shared_client(ctx: RuleContext, host: HostLiteral) -> bool:
    """``HeyGenClient(key, os.getenv("HEYGEN_API_BASE", "https://api.heygen.com"))`` for a
    client whose constructor base is split: that base keeps serving HeyGen's other APIs."""
    split = module_split(ctx.index, ctx.literals.hosts, ctx.requests)
    return split is not None and passed_as_split_base(ctx.index, split, host.site.node)


def wrapper_serves_other_apis(ctx: RuleContext, host: HostLiteral) -> bool:
    """``_post("/v2/video/generate", body)`` through a wrapper on this host, here or in a
    module importing it: it serves HeyGen's other APIs too, whatever its streaming callers do."""
    split = ctx.project.split_wrappers if ctx.project is not None else frozenset()
    return host_wrappers_serve_other_apis(ctx.index, host, split)


__all__ = [
    "passed_to_shared_client",
    "shared_client_base",
    "shared_connection_host",
    "split_shared_base",
    "wrapper_serves_other_apis",
]
