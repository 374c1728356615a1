"""H2L102: ``streaming.start`` becomes ``POST /v1/sessions/start`` with the session token."""

from __future__ import annotations

from functools import partial

import libcst as cst

from ..analysis.endpoints import liveavatar_path
from ..analysis.http import RequestSite
from ..analysis.imported_urls import imported_url_constant
from ..analysis.session_flow import (
    SessionFlow,
    bound_parse,
    session_flow,
    session_id_source,
    unstarted_token_requests,
)
from ..model import FIX_SAFE
from .answered_start_calls import retire_checked_calls
from .base import Rule, RuleContext, edit_literal
from .checked_responses import checked_start_answered
from .common import rewrite_endpoint_paths
from .dead_url_constants import remove_dead_table_entry, remove_dead_url_constants
from .dispatch_calls import dispatch_opens, remove_dispatch_starts
from .h2l101_session_token import (
    wrap_headers_with_bearer,
    wrap_with_remember,
)
from .session_start_retire import retire_start
from .start_answers import answer_start
from .start_response_parse import parse_unkept_start


def rewrite_imported_start_urls(ctx: RuleContext) -> None:
    """``START_URL = f"{HEYGEN_API}/streaming.start"`` sent by the modules importing it (the
    project facts resolve their requests to it, ``imported_url_constant``), not here: it gets
    LiveAvatar's path as the importers' start requests do. Their migration removes a start
    request where the token call starts the session (nothing sends the constant then, and it
    needs no marker), or sends it in place to ``/v1/sessions/start``; a start call it cannot
    remove is marked where it is, and reaches LiveAvatar's start, not HeyGen's."""
    imported = partial(imported_url_constant, ctx.index, ctx.project, filename=ctx.filename)
    for literal in ctx.literals.endpoint_literals("start"):
        if (
            literal.requests
            or ctx.is_suppressed(literal.node)
            or not all(match.endpoint.key == "start" for match in literal.matches)
            or imported(literal) is None
        ):
            continue
        for match in literal.matches:
            if match.split:
                continue  # ``.../v1/streaming`` + ``.start``: the base is another literal's
            new = liveavatar_path(match, query_follows=False)
            old = literal.site.value[match.start : match.end]
            if new is not None and new != old and edit_literal(ctx, literal.site.node, old, new):
                ctx.fixed(
                    literal.node,
                    f"`{old}` becomes `{new}`, as in the requests of the modules importing it",
                )


_BODY_KEYWORDS = ("json", "data", "content", "body")


class SessionStartRule(Rule):
    code = "H2L102"
    name = "session-start"
    summary = (
        "`streaming.start` becomes `POST /v1/sessions/start`: Bearer session token, no body, "
        "and its response is remembered."
    )
    fix = FIX_SAFE
    description = """
LiveAvatar starts a session with `POST /v1/sessions/start` (Bearer session token, no body), and
its response carries what HeyGen's `streaming.new` returned (`livekit_url`,
`livekit_client_token`, `livekit_agent_token`, `ws_url`). In a project that opens its sessions
with `streaming.new`, H2L101 starts the session right after the token call
(`liveavatar_bridge.start_session`), so the old start call would start it a second time: the
rule removes it together with the statements that only checked its response
(`raise_for_status()`, status tests that raise, logging; a success test such as
`return resp.status_code == 200` becomes `return True`, and `if resp.ok:` keeps its branch). A
function left empty keeps its signature for its callers and says why it does nothing. A start
call whose response is used otherwise is marked, and so is every start call of a module whose
token call H2L101 could not make start the session (it marks that call): removing the start
there would leave the session unstarted.

Where no `streaming.new` call opens the session (the session id and token come from
elsewhere), the call is migrated in place: the path is rewritten, the body dropped, the headers
become `liveavatar_bridge.bearer_headers(<session id>, <old headers>)` and the parsed
response is remembered (`liveavatar_bridge.remember_session`).
"""
    example_before = """
import requests

API = "https://api.heygen.com/v1"


def open_session(headers, avatar_id):
    resp = requests.post(f"{API}/streaming.new", json={"avatar_id": avatar_id}, headers=headers)
    return resp.json()["data"]["session_id"]


def start(headers, session_id):
    resp = requests.post(f"{API}/streaming.start", json={"session_id": session_id}, headers=headers)
    resp.raise_for_status()
"""
    example_after = """
import requests
import liveavatar_bridge

API = "https://api.liveavatar.com/v1"


def open_session(headers, avatar_id):
    resp = requests.post(
        f"{API}/sessions/token",
        json={
            "mode": "FULL",
            "avatar_id": avatar_id,
            "video_settings": {"encoding": "VP8"},
            "avatar_persona": {},
        },
        headers=headers,
    )
    return liveavatar_bridge.start_session(resp.json(), resp.url)["data"]["session_id"]


def start(headers, session_id):
    # LiveAvatar: the session is started where its token is created (liveavatar_bridge.start_session).
    pass
"""

    def check(self, ctx: RuleContext) -> None:
        flow = session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project)
        opens = flow.new_requests or (ctx.project is not None and ctx.project.opens_sessions)
        if opens or dispatch_opens(ctx):
            remove_dispatch_starts(ctx)  # ``heygen("start", {...})`` through a dispatch helper
        if not flow.start_requests:
            rewrite_imported_start_urls(ctx)
            return
        opened_here = flow.new_requests or (ctx.project is not None and ctx.project.opens_sessions)
        # Start URLs (constants too) always get LiveAvatar's path: never half a migration.
        rewrite_endpoint_paths(ctx, "start")
        if flow.new_requests and unstarted_token_requests(flow):
            # H2L101 could not start the session at its token call (and marked it there):
            # this start call stays the only one, so it is marked, never retired.
            for request in flow.start_requests:
                ctx.manual(
                    request.node,
                    "the token call (formerly streaming.new) does not start the session yet "
                    "(see its marker): start it there with `liveavatar_bridge.start_session(...)` "
                    "and remove this call, which /v1/sessions/start refuses (it takes only the "
                    "Bearer session token, no body)",
                )
            return
        if opened_here:
            # The token call (formerly streaming.new) starts the session itself now
            # (``liveavatar_bridge.start_session``): a second start would be refused.
            retired = [
                r
                for r in flow.start_requests
                # A checking helper's value reaches callers (in other modules too): it keeps
                # checking an answer; only a bare start call goes with its checks.
                if checked_start_answered(ctx, r) or retire_start(ctx, r) or answer_start(ctx, r)
            ]
            kept = [r for r in flow.start_requests if r not in retired]
            for request in retired:
                # ``return <start call>`` now returns HeyGen's answer: checks of it here go.
                statement = request.call.context.statement
                function = request.call.context.function
                if (
                    function is not None
                    and isinstance(statement, cst.SimpleStatementLine)
                    and isinstance(statement.body[0], cst.Return)
                ):
                    retire_checked_calls(ctx, function)
            remove_dead_url_constants(ctx, "start", retired)
            for request in kept:
                ctx.manual(
                    request.node,
                    "the session is already started where its token was created "
                    "(`liveavatar_bridge.start_session`): remove this second start call",
                )
            if not kept:
                # ``ENDPOINTS = {"start": ...}`` read only by the retired calls: it goes too.
                gone = {id(r.node) for r in retired}
                for literal in ctx.literals.endpoint_literals("start"):
                    if all(id(r.node) in gone for r in literal.requests):
                        remove_dead_table_entry(ctx, literal, gone)
                return
        for request in flow.start_requests:
            if not opened_here:
                self._start(ctx, flow, request)

    def _start(self, ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> None:
        source = session_id_source(request, ctx.index)
        session_id = source.expression if source is not None else None
        client = flow.tracker.client_of(request)
        if client == "wrapper":
            ctx.manual(
                request.node,
                "/v1/sessions/start takes no body and only `Authorization: Bearer <session token>`: "
                "make this wrapper send `liveavatar_bridge.bearer_headers(session_id)`",
            )
        elif session_id is None:
            ctx.manual(
                request.node,
                "send `headers=liveavatar_bridge.bearer_headers(session_id)` and no body: "
                "/v1/sessions/start authenticates with the session token only",
            )
        else:
            if wrap_headers_with_bearer(ctx, request, session_id):
                ctx.fixed(
                    request.node,
                    "authenticates with the session token (`liveavatar_bridge.bearer_headers`)",
                )
            if self._drop_body(ctx, request, client) and source is not None:
                line = source.payload_statement
                if line is not None and not ctx.is_suppressed(line):
                    ctx.edits.remove(line)
        self._remember(ctx, flow, request)

    def _drop_body(self, ctx: RuleContext, request: RequestSite, client: str) -> bool:
        body = next(
            (
                arg
                for arg in request.node.args
                if arg.keyword is not None and arg.keyword.value in _BODY_KEYWORDS
            ),
            None,
        )
        if body is None:
            return False
        needs_method = client == "urllib" and not any(
            arg.keyword is not None and arg.keyword.value == "method" for arg in request.node.args
        )
        body_keyword = body.keyword.value if body.keyword is not None else ""

        def drop(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Call)
            args = list(updated.args)
            position = next(
                (
                    at
                    for at, arg in enumerate(args)
                    if arg.keyword is not None and arg.keyword.value == body_keyword
                ),
                None,
            )
            if position is None:
                return updated
            removed = args.pop(position)
            if needs_method:
                # Without ``data`` urllib would send a GET: say POST explicitly.
                args.insert(
                    position,
                    removed.with_changes(
                        keyword=cst.Name("method"), value=cst.SimpleString('"POST"')
                    ),
                )
            elif args and position == len(args):
                args[-1] = args[-1].with_changes(comma=removed.comma)
            return updated.with_changes(args=args)

        if not ctx.transform(request.node, drop):
            return False
        ctx.fixed(body, "drops the body: /v1/sessions/start takes none")
        return True

    # The start response ----------------------------------------------------------------------
    def _remember(self, ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> None:
        binding = flow.start_bindings.get(id(request.node))
        name = binding.name if binding is not None and binding.planned else None
        sites = flow.tracker.parse_sites(request)
        site = bound_parse(sites)
        if site is not None and (site.bound or name is None):
            if wrap_with_remember(ctx, flow, site.node):
                ctx.fixed(
                    site.node,
                    "remembers the LiveKit room of the session (`liveavatar_bridge.remember_session`)",
                )
            return
        if parse_unkept_start(ctx, flow, request, name):
            target = f"`{name}` = " if name is not None else ""
            ctx.fixed(
                request.node,
                f"{target}parses the start response and remembers its LiveKit room "
                "(`liveavatar_bridge.remember_session`)",
            )
            return
        ctx.manual(
            request.node,
            "pass the parsed /v1/sessions/start response to `liveavatar_bridge.remember_session(...)`: "
            "it carries `livekit_url` and `livekit_client_token`",
        )


__all__ = ["SessionStartRule"]
