"""H2L103: ``streaming.stop`` becomes ``POST /v1/sessions/stop`` with a reason."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from ..analysis.call_shape import awaited_helper_of_lambda
from ..analysis.codegen import code_of
from ..analysis.http import RequestSite, response_call
from ..analysis.index import Statement
from ..analysis.list_responses import renamed_item_read
from ..analysis.payloads import add_dict_entry, dict_keys, find_payload_dict, key_string
from ..analysis.session_flow import fresh_name, session_id_expression
from ..analysis.single_evaluation import safe_to_repeat
from ..analysis.with_blocks import leaves_block, sends_in_header
from ..apispec import STOP_END_REASONS, STOP_REASON
from ..apispec.resources import SESSION_LIST_SHAPES
from ..apispec.session_fields import BRIDGE_MODULE, BRIDGE_RELEASE, BRIDGE_RELEASE_ASYNC
from ..model import FIX_SAFE
from .base import Rule, RuleContext, request_blocked
from .bridge_calls import bridge_call, insert_with_bridge
from .common import json_tracer, rewrite_endpoint_paths
from .dispatch_calls import dispatch_opens, dispatch_stop_requests, rewrite_dispatch_paths
from .stop_in_lambda import enclosing_lambda, release_in_lambda

_HELPER_ENDPOINTS = frozenset({"new", "task", "interrupt", "start_listening", "stop_listening"})
_RELEASES = frozenset(
    {f"liveavatar_bridge.{BRIDGE_RELEASE}", f"liveavatar_bridge.{BRIDGE_RELEASE_ASYNC}"}
)


class SessionStopRule(Rule):
    code = "H2L103"
    name = "session-stop"
    summary = "`streaming.stop` (Close Session) becomes `POST /v1/sessions/stop` with a `reason`."
    fix = FIX_SAFE
    description = """
HeyGen's Close Session call, `POST /v1/streaming.stop {session_id}`, becomes LiveAvatar's
`POST /v1/sessions/stop {session_id, reason}`. The rule rewrites the path wherever the URL is
built (inline literal, f-string, constant, path handed to a wrapper) and adds
`"reason": "USER_CLOSED"` to a payload dict it can see (also the body or keywords a dispatch
helper such as `heygen("stop", {...})` sends); a `reason` the HeyGen body already carried (HeyGen
ignored it; an agent framework's own end reason) becomes `USER_CLOSED` unless it is one of
LiveAvatar's end reasons, which refuses anything else. LiveAvatar accepts the API key
(`X-API-KEY`) or the session token (Bearer) here, so a backend can keep stopping sessions by id.
After the stop, `liveavatar_bridge.release(session_id)` lets the helper forget the session
(and leave its LiveKit room): after the `with` block when the stop is sent in its header
(`async with http.post(...) as r:`), or at the block's start when the block may be left early
(`return await r.text()`); a session id that must not be evaluated twice and is computed on
another line is marked instead.

Never map an interrupt to this endpoint: it ends the session.
"""
    example_before = """
import requests

def close(session_id):
    requests.post(
        "https://api.heygen.com/v1/streaming.stop",
        json={"session_id": session_id},
        headers={"x-api-key": API_KEY},
    )
"""
    example_after = """
import requests

def close(session_id):
    requests.post(
        "https://api.liveavatar.com/v1/sessions/stop",
        json={
            "session_id": session_id,
            "reason": "USER_CLOSED",
        },
        headers={"X-API-KEY": API_KEY},
    )
"""

    def check(self, ctx: RuleContext) -> None:
        rewrite_endpoint_paths(ctx, "stop")
        rewrite_dispatch_paths(ctx, "stop")
        done: set[int] = set()
        # Stops through a dispatch helper (``heygen("stop", {...})``) get their reason too.
        stops = [
            r for r in ctx.streaming_requests if r.endpoint is not None and r.endpoint.key == "stop"
        ]
        for request in [*stops, *dispatch_stop_requests(ctx)]:
            if request_blocked(ctx, request):
                continue  # its URL stays HeyGen's (a rule it needs is not selected)
            payload = request.payload
            node = find_payload_dict(
                payload.value if payload is not None else None, ctx.index, request.call.context
            )
            if node is None or id(node) in done:
                continue
            done.add(id(node))
            keys = dict_keys(node)
            if "reason" in keys:
                self._end_reason(ctx, keys["reason"])
                continue
            if request.keyword_body:
                self._reason_keyword(ctx, request)
                continue
            like = next(iter(keys.values())).key if keys else None
            reason = key_string(like, STOP_REASON)

            def add_reason(updated: cst.CSTNode, reason: cst.SimpleString = reason) -> cst.CSTNode:
                assert isinstance(updated, cst.Dict)
                if "reason" in dict_keys(updated):
                    return updated
                return add_dict_entry(updated, "reason", reason)

            if ctx.transform(node, add_reason):
                ctx.fixed(node, f'adds `"reason": "{STOP_REASON}"` to the stop payload')
        # Stops through a dispatch helper release the room as direct stops do.
        for request in [*stops, *dispatch_stop_requests(ctx)]:
            if not request_blocked(ctx, request):
                self._release_room(ctx, request)

    def _end_reason(self, ctx: RuleContext, element: cst.DictElement) -> None:
        """A ``reason`` the HeyGen stop already sent (``{"session_id": s, "reason": reason}``,
        an agent framework's own end reason): HeyGen ignored it, LiveAvatar refuses anything
        but one of its end reasons (422), so a value that is not one of them becomes
        ``USER_CLOSED``."""
        value = element.value
        if isinstance(value, cst.SimpleString) and value.evaluated_value in STOP_END_REASONS:
            return
        reason = key_string(element.key, STOP_REASON)

        def replace(_updated: cst.CSTNode, reason: cst.SimpleString = reason) -> cst.CSTNode:
            return reason

        source = cst.Module([]).code_for_node(value)
        if ctx.transform(value, replace):
            ctx.fixed(
                value,
                f"`reason` `{source}` becomes `{STOP_REASON}`: HeyGen ignored the field, "
                "LiveAvatar takes only its end reasons (`SessionEndReasonEnum`)",
            )

    def _reason_keyword(self, ctx: RuleContext, request: RequestSite) -> None:
        """``self._post(path, session_id=s)`` (a wrapper that sends its keywords): one more."""

        def add(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Call)
            comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            args = [*updated.args[:-1], updated.args[-1].with_changes(comma=comma)]
            reason = cst.Arg(
                cst.SimpleString(f'"{STOP_REASON}"'),
                keyword=cst.Name("reason"),
                equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
            )
            return updated.with_changes(args=[*args, reason])

        if ctx.transform(request.node, add):
            ctx.fixed(request.node, f'adds `reason="{STOP_REASON}"` to the stop keywords')

    def _release_room(self, ctx: RuleContext, request: RequestSite) -> None:
        """After the stop call, the helper leaves the session's LiveKit room (if it joined one
        to send events) and forgets the session's credentials."""
        statement = request.call.context.statement
        runner = response_call(ctx.index, request.node)
        held = ctx.index.statement_of(runner) if runner is not request.node else None
        if held is not None:
            # ``stop = functools.partial(post, url, body)`` run later by a thread runner: the
            # stop has been answered once the runner's statement has run.
            statement = held
        session_id = session_id_expression(request, ctx.index)
        opened = isinstance(statement, cst.With) and sends_in_header(
            ctx.index, statement, request.node
        )
        if session_id is None or not (isinstance(statement, cst.SimpleStatementLine) or opened):
            return
        # Only where the helper holds something of the session: it started it (the token
        # call, formerly streaming.new) or joined its room to send events.
        here = {r.endpoint.key for r in ctx.streaming_requests if r.endpoint is not None}
        project = ctx.project
        if not (
            here & _HELPER_ENDPOINTS
            or (project and (project.opens_sessions or project.sends_text))
            or dispatch_opens(ctx)
        ):
            return
        if any(call.name in _RELEASES for call in ctx.index.calls):
            return  # already released (a second run)
        # A lambda a thread runner runs right here (``await loop.run_in_executor(None,
        # lambda: post(stop))``) has stopped the session once its statement ran.
        deferred = enclosing_lambda(ctx, request, statement) if held is None else None
        if deferred is not None and awaited_helper_of_lambda(ctx.index, request.call):
            deferred = None  # ``await with_retry(lambda: client.post(stop))``: done with the line
        if deferred is not None:
            release_in_lambda(ctx, request, deferred, session_id)
            return
        function = request.call.context.function
        asynchronous = function is not None and function.asynchronous is not None
        returned = (
            isinstance(statement, cst.SimpleStatementLine)
            and len(statement.body) == 1
            and isinstance(statement.body[0], cst.Return)
        )
        # ``async with http.post(stop) as r: ...``: the release follows the block; a block that
        # may be left early (``return await r.text()``) starts with it instead: the stop has
        # been answered once the block runs.
        anchor: Statement = statement
        before = False
        if isinstance(statement, cst.With) and leaves_block(statement):
            body = statement.body
            if not isinstance(body, cst.IndentedBlock) or not body.body:
                ctx.manual(
                    request.node,
                    "this stop's `with` block may be left early (`return`, `break`, "
                    "`continue`): at its start, call "
                    f"`liveavatar_bridge.{BRIDGE_RELEASE}(<session id>)`, or the helper keeps "
                    "the session's credentials and its LiveKit room (if it sent events there)",
                )
                return
            first = body.body[0]
            assert isinstance(first, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
            anchor, before = first, True
        if (
            isinstance(statement, cst.SimpleStatementLine)
            and not returned
            and any(isinstance(small, (cst.Return, cst.Raise)) for small in statement.body)
        ):
            ctx.manual(
                request.node,
                "this stop leaves the function on its own line: after it, call "
                f"`liveavatar_bridge.{BRIDGE_RELEASE}(<session id>)`, or the helper keeps the "
                "session's credentials and its LiveKit room (if it sent events there)",
            )
            return

        if not safe_to_repeat(session_id):
            # ``json={"session_id": state.pop("session")}``: passing it again would pop twice.
            bound = self._bind_once(ctx, request, session_id)
            if bound is None:
                ctx.manual(
                    request.node,
                    f"the session id of this stop (`{code_of(session_id, ctx.module)}`) is "
                    "computed on another line and must not be evaluated twice: after the stop, "
                    f"call `liveavatar_bridge.{BRIDGE_RELEASE}(<that id>)`, or the helper keeps "
                    "the session's credentials and its LiveKit room (if it sent events there)",
                )
                return
            session_id = bound
        released = _list_item_id(ctx, session_id) or session_id

        def build(module: str) -> cst.SimpleStatementLine:
            call = bridge_call(
                module, BRIDGE_RELEASE_ASYNC if asynchronous else BRIDGE_RELEASE, released
            )
            return cst.SimpleStatementLine([cst.Expr(cst.Await(call) if asynchronous else call)])

        if returned:
            # ``return post(stop)``: the release runs once the stop has returned.
            assert isinstance(statement, cst.SimpleStatementLine)
            self._release_after_return(ctx, request, statement, build)
        elif insert_with_bridge(ctx, anchor, build, before=before):
            ctx.fixed(
                request.node,
                "releases the session's LiveKit room in the helper (`liveavatar_bridge.release`)",
            )

    def _release_after_return(
        self,
        ctx: RuleContext,
        request: RequestSite,
        statement: cst.SimpleStatementLine,
        build: Callable[[str], cst.SimpleStatementLine],
    ) -> None:
        """``return post(stop)`` becomes ``try: return post(stop)`` with the release in
        ``finally``: the stop is sent first, and what it returns is still returned."""
        release = build(ctx.require_support_module(BRIDGE_MODULE))

        def wrap(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.SimpleStatementLine)
            inner = updated.with_changes(leading_lines=[])
            return cst.Try(
                body=cst.IndentedBlock([inner]),
                finalbody=cst.Finally(body=cst.IndentedBlock([release])),
                leading_lines=updated.leading_lines,
            )

        if ctx.transform(statement, wrap):
            ctx.fixed(
                request.node,
                "releases the session's LiveKit room in the helper once the stop has returned "
                "(`liveavatar_bridge.release` in `finally`)",
            )

    def _bind_once(
        self, ctx: RuleContext, request: RequestSite, expression: cst.BaseExpression
    ) -> cst.Name | None:
        """Evaluate ``expression`` once, in a local bound on the line before the statement that
        holds it, and read the local where it was: ``session_id = state.pop("session")``."""
        holder = ctx.index.statement_of(expression)
        context = request.call.context
        if not isinstance(holder, (cst.SimpleStatementLine, cst.With)) or (
            holder is not context.statement
        ):
            return None  # built elsewhere (another line, another function): not moved
        name = fresh_name(ctx.index, context, "session_id")
        binding = cst.SimpleStatementLine(
            [cst.Assign([cst.AssignTarget(cst.Name(name))], expression)]
        )
        if not ctx.insert_before(holder, [binding]):
            return None
        ctx.replace(expression, cst.Name(name))
        return cst.Name(name)


def _list_item_id(ctx: RuleContext, session_id: cst.BaseExpression) -> cst.BaseExpression | None:
    """``s["session_id"]`` of an item of a session list (stopping every listed session): H2L301
    renames the stop's read to ``s["id"]``, and the release reads the same."""
    flows = [
        (json_tracer(ctx).trace(request), SESSION_LIST_SHAPES[request.endpoint.key])
        for request in ctx.streaming_requests
        if request.endpoint is not None and request.endpoint.key in SESSION_LIST_SHAPES
    ]
    return renamed_item_read(flows, session_id) if flows else None
