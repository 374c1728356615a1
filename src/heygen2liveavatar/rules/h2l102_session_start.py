"""H2L102: ``streaming.start`` becomes ``POST /v1/sessions/start`` with the session token."""

from __future__ import annotations

import libcst as cst

from ..analysis.http import RequestSite
from ..analysis.response_parsing import after_error_checks, data_of, ends_flow, parse_of, parsed
from ..analysis.session_flow import (
    ASSIGNED,
    BARE_CALL,
    BARE_PARSE,
    WITH_AS,
    SessionFlow,
    bind_shape,
    bound_parse,
    session_flow,
    session_id_source,
)
from ..apispec.session_fields import BRIDGE_REMEMBER
from ..model import FIX_SAFE
from .base import Rule, RuleContext
from .common import rewrite_endpoint_paths
from .dispatch_calls import dispatch_opens, remove_dispatch_starts
from .h2l101_session_token import (
    bridge_call,
    insert_with_bridge,
    transform_with_bridge,
    wrap_headers_with_bearer,
    wrap_with_remember,
)
from .session_start_retire import retire_start

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
call whose response is used otherwise is marked.

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
            return
        opened_here = flow.new_requests or (ctx.project is not None and ctx.project.opens_sessions)
        # Start URLs (constants too) always get LiveAvatar's path: never half a migration.
        rewrite_endpoint_paths(ctx, "start")
        if opened_here:
            # The token call (formerly streaming.new) starts the session itself now
            # (``liveavatar_bridge.start_session``): a second start would be refused.
            retired = [r for r in flow.start_requests if retire_start(ctx, r)]
            kept = [r for r in flow.start_requests if r not in retired]
            for request in kept:
                ctx.manual(
                    request.node,
                    "the session is already started where its token was created "
                    "(`liveavatar_bridge.start_session`): remove this second start call",
                )
            if not kept:
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
        if self._parse_unparsed(ctx, flow, request, name):
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

    def _parse_unparsed(
        self, ctx: RuleContext, flow: SessionFlow, request: RequestSite, name: str | None
    ) -> bool:
        """Parse (and remember, and bind to ``name``) a start response nobody kept."""
        shape = bind_shape(flow.tracker, request)
        if shape is None:
            return False
        index = ctx.index
        client = flow.tracker.client_of(request)
        statement = request.call.context.statement
        awaited = isinstance(index.parent_of(request.node), cst.Await)
        if shape in (BARE_PARSE, BARE_CALL):
            assert isinstance(statement, cst.SimpleStatementLine)
            small = statement.body[0]
            parse_it = shape == BARE_CALL

            def keep(module: str, updated: cst.CSTNode) -> cst.CSTNode:
                assert isinstance(updated, cst.Expr)
                value = parsed(updated.value, awaited, client) if parse_it else updated.value
                remembered: cst.BaseExpression = bridge_call(module, BRIDGE_REMEMBER, value)
                if name is None:
                    return updated.with_changes(value=remembered)
                return cst.Assign(
                    targets=[cst.AssignTarget(cst.Name(name))], value=data_of(remembered)
                )

            return transform_with_bridge(ctx, small, keep)
        outer = index.parent_of(request.node) if awaited else request.node
        holder = index.parent_of(outer) if outer is not None else None
        if client == "urllib":
            ctx.require_import("json")  # the inserted line parses with ``json.load``
        if shape == ASSIGNED:
            assert isinstance(holder, cst.Assign)
            target = holder.targets[0].target
            assert isinstance(target, cst.Name)
            response = target.value
            anchor = after_error_checks(index, statement, response)
            if anchor is None:
                return False
            return insert_with_bridge(
                ctx, anchor, lambda module: _parse_line(module, response, client, awaited, name)
            )
        assert shape == WITH_AS and isinstance(holder, cst.WithItem)
        assert holder.asname is not None and isinstance(holder.asname.name, cst.Name)
        assert isinstance(statement, cst.With)
        body = statement.body
        if not isinstance(body, cst.IndentedBlock) or not body.body:
            return False
        last = body.body[-1]
        if not isinstance(last, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            return False
        response = holder.asname.name.value
        in_async = statement.asynchronous is not None
        # At the end of the block (after the code's own status checks), but before a return.
        return insert_with_bridge(
            ctx,
            last,
            lambda module: _parse_line(module, response, client, in_async, name),
            before=ends_flow(last),
        )


def _parse_line(
    module: str, response: str, client: str, awaited: bool, name: str | None
) -> cst.SimpleStatementLine:
    """``<module>.remember_session(<parse of response>)``, bound to ``name`` when given."""
    parse = parse_of(response, client, awaited)
    remembered = bridge_call(module, BRIDGE_REMEMBER, parse)
    if name is None:
        return cst.SimpleStatementLine([cst.Expr(remembered)])
    return cst.SimpleStatementLine(
        [cst.Assign(targets=[cst.AssignTarget(cst.Name(name))], value=data_of(remembered))]
    )


__all__ = ["SessionStartRule"]
