"""Streaming requests of a client shared with HeyGen's other APIs get a client of their own.

The recognition is :mod:`..analysis.shared_http_clients`; H2L401 makes the split, H2L402 reads
whether it covers every streaming request (then the HeyGen key serves only HeyGen's other APIs).
"""

from __future__ import annotations

import libcst as cst

from ..analysis.call_arguments import with_keyword
from ..analysis.client_bases import client_base
from ..analysis.default_header_clients import default_key_requests
from ..analysis.endpoints import HostLiteral
from ..analysis.host_literals import is_base_only
from ..analysis.shared_http_clients import (
    ClientSplit,
    client_split,
    module_client_split,
    split_by_a_first_run,
)
from ..analysis.shared_wrappers import base_split_by_a_first_run
from ..apispec import LIVEAVATAR_API_KEY_NAME, LIVEAVATAR_HOST
from .base import RuleContext

WRAPPER_SPLIT_COVERS_STREAMING = "wrapper-split-covers-streaming"
"""``ctx.shared`` key: H2L401 sent every migrated streaming request of the module through a
LiveAvatar sibling of a shared request wrapper (:mod:`..analysis.shared_wrappers`)."""


def split_shared_client(ctx: RuleContext, literal: cst.CSTNode) -> bool:
    """``self._http = httpx.AsyncClient(base_url=BASE, headers={"X-Api-Key": key})`` also
    serving ``/v2/video/generate``: ``self._liveavatar_http`` is built right after it on
    LiveAvatar's base with the LiveAvatar key, the streaming requests go through it, and it is
    closed where the first client is."""
    split = client_split(ctx.index, ctx.resolver, ctx.requests, literal)
    if split is None:
        return False
    assign = split.assignment.body[0]
    assert isinstance(assign, cst.Assign)
    new_assign = assign.with_changes(
        targets=[assign.targets[0].with_changes(target=cst.parse_expression(split.new_target))],
        value=split.new_constructor,
    )
    # Code text, parsed again: the new statement shares no node with the tree other rules edit.
    code = cst.Module([]).code_for_node(split.assignment.with_changes(body=[new_assign]))
    if not ctx.insert_after(split.assignment, [cst.parse_statement(code)]):
        return False
    constant = split.base_constant
    if constant is not None:
        line = cst.parse_statement(f"{constant.name} = {constant.value_code}\n")
        ctx.insert_after(constant.statement, [line])
    for receiver in split.receivers:
        ctx.replace(receiver, cst.parse_expression(split.new_target))
    for close in split.closes:
        code = cst.Module([]).code_for_node(close.with_changes(leading_lines=()))
        code = code.replace(f"{split.receiver}.", f"{split.new_target}.", 1)
        ctx.insert_after(close, [cst.parse_statement(code)])
    ctx.require_import("os")
    ctx.fixed(
        literal,
        f"this base also serves other HeyGen APIs through one client: streaming calls now go "
        f"through `{split.new_target}` ({LIVEAVATAR_HOST}, with the LiveAvatar key)",
    )
    return True


def module_split_covers_streaming(ctx: RuleContext) -> ClientSplit | None:
    """The module's client split when every migrated streaming request goes through it."""
    literals = [h.site.node for h in ctx.literals.hosts if h.is_target]
    split = module_client_split(ctx.index, ctx.resolver, ctx.requests, literals)
    return split if split is not None and split.covers_every_request else None


def client_split_done(ctx: RuleContext, literal: cst.CSTNode | None = None) -> bool:
    """This HeyGen base (any, without ``literal``), or a client on it, already has its
    LiveAvatar sibling: the base and the HeyGen key left serve HeyGen's other APIs."""
    hosts = [h for h in ctx.literals.hosts if h.is_target and is_base_only(h.site.value)]
    return any(
        (
            base_split_by_a_first_run(ctx.index, h)
            or split_by_a_first_run(ctx.index, ctx.resolver, h.site.node)
        )
        and not _still_serves_streaming(ctx, h)
        for h in hosts
        if literal is None or h.site.node is literal
    )


def _still_serves_streaming(ctx: RuleContext, host: HostLiteral) -> bool:
    """A HeyGen streaming request still goes to ``host`` (a split made by hand, halfway):
    the base is not left to HeyGen's other APIs alone."""
    if any(r.is_streaming for r in host.requests):
        return True
    for request in ctx.streaming_requests:
        base = client_base(ctx.index, request)
        if base is not None and any(
            p.node is host.site.node for p in ctx.resolver.resolve(base, request.call.context)
        ):
            return True
    return False


def default_key_headers(ctx: RuleContext) -> bool:
    """Every migrated streaming request of the module authenticates with its client's default
    headers, the client shared with HeyGen's other APIs (:mod:`..analysis.default_header_clients`):
    each sends the LiveAvatar key in a header of its own."""
    found = default_key_requests(ctx.index, ctx.requests)
    if found is None:
        return False
    if any(item.bearer_default for item in found) and ctx.selected and "H2L403" not in ctx.selected:
        return False  # the default ``Authorization`` would reach LiveAvatar beside the key
    for item in found:
        header = cst.parse_expression(f'{{"X-API-KEY": os.environ["{LIVEAVATAR_API_KEY_NAME}"]}}')
        ctx.transform(item.request.node, with_keyword("headers", header))
        ctx.fixed(
            item.request.node,
            f"this streaming request sends `{LIVEAVATAR_API_KEY_NAME}` in its own headers (the "
            "client's default key is HeyGen's, which its other APIs keep)",
        )
    if found:
        ctx.require_import("os")
    return True
