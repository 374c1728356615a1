"""H2L105: HeyGen's v1 raw-WebRTC signalling (ICE, SDP) has no LiveAvatar successor."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from ..analysis.index import Context, Statement, string_value
from ..analysis.other_responses import other_api_response
from ..analysis.payloads import (
    dict_keys,
    find_payload_dict,
    payload_variable,
    subscript_assignments,
)
from ..analysis.session_flow import session_flow
from ..apispec.resources import (
    LIVEKIT_JOIN,
    WEBRTC_DISTINCT_FIELDS,
    WEBRTC_REQUEST_FIELDS,
)
from ..model import FIX_MANUAL, MARKER_PREFIX
from .base import Rule, RuleContext

_ICE_URL = (
    "`streaming.ice` has no LiveAvatar successor (LiveAvatar runs on LiveKit or Agora): "
    "delete this URL once the calls that use it are gone"
)
_ICE = (
    "`streaming.ice` (raw WebRTC ICE candidates, v1) has no LiveAvatar successor: LiveAvatar runs "
    f"on LiveKit (or Agora); drop the ICE exchange and {LIVEKIT_JOIN}"
)
_SDP = (
    "the v1 raw-WebRTC SDP answer has no LiveAvatar successor (`/v1/sessions/start` takes no "
    f"body): drop the RTCPeerConnection handshake and {LIVEKIT_JOIN}"
)


def _ice_servers(keys: list[str]) -> str:
    names = " and ".join(f"`{key}`" for key in keys)
    verb = "are" if len(keys) > 1 else "is"
    return (
        f"{names} (raw WebRTC, v1) {verb} not in LiveAvatar's responses: there is no peer "
        f"connection to configure; {LIVEKIT_JOIN}"
    )


class WebRtcV1Rule(Rule):
    code = "H2L105"
    name = "webrtc-v1"
    summary = "v1 raw-WebRTC signalling (`streaming.ice`, SDP in start, ICE servers) has no successor: flagged."
    fix = FIX_MANUAL
    description = """
HeyGen's first streaming version (`streaming.new` without `"version": "v2"`) was raw WebRTC:
`streaming.new` returned an SDP offer and ICE servers (`sdp`, `ice_servers`, `ice_servers2`),
the client answered with an SDP in `streaming.start` and trickled candidates with
`POST /v1/streaming.ice`. HeyGen stopped supporting it in 2025, and LiveAvatar has no
equivalent: sessions run in a LiveKit (or Agora) room, joined with `livekit_url` and
`livekit_client_token` from `POST /v1/sessions/start`.

The rule never rewrites these calls (there is nothing to rewrite them to). It marks every
`streaming.ice` request (or URL constant), every `sdp` in a start payload, and every read of
`ice_servers`/`ice_servers2` (reads of the `streaming.new` response itself are marked by H2L404),
so that the peer-connection code can be replaced by a LiveKit client (`livekit` on PyPI,
`livekit-client` in the browser).
"""
    example_before = """
import requests

def send_candidate(session_id, candidate, headers):
    requests.post(
        "https://api.heygen.com/v1/streaming.ice",
        json={"session_id": session_id, "candidate": candidate},
        headers=headers,
    )
"""
    example_after = """
import requests

def send_candidate(session_id, candidate, headers):
    # TODO(heygen2liveavatar): H2L105 `streaming.ice` (raw WebRTC ICE candidates, v1) has no LiveAvatar successor: LiveAvatar runs on LiveKit (or Agora); drop the ICE exchange and join the LiveKit room with `livekit_url` and `livekit_client_token` from `POST /v1/sessions/start`
    requests.post(
        "https://api.heygen.com/v1/streaming.ice",
        json={"session_id": session_id, "candidate": candidate},
        headers=headers,
    )
"""

    def check(self, ctx: RuleContext) -> None:
        if not ctx.literals.endpoints:
            return
        for literal in ctx.literals.endpoint_literals("ice"):
            if not literal.is_target:
                continue  # text that mentions the endpoint: H2L901 reports it
            if not literal.requests:
                ctx.manual(literal.node, _ICE)
            for request in literal.requests:
                ctx.manual(request.node, _ICE)
            # A URL constant away from its calls is marked too: it goes once nothing uses it.
            calls = {id(ctx.statement_of(request.node)) for request in literal.requests}
            if literal.requests and id(ctx.statement_of(literal.node)) not in calls:
                ctx.manual(literal.node, _ICE_URL)
        for request in ctx.streaming_requests:
            if request.endpoint is None or request.endpoint.key != "start":
                continue
            sent = request.payload.value if request.payload is not None else None
            payload = find_payload_dict(sent, ctx.index, request.call.context)
            if payload is None:
                continue
            for key, element in dict_keys(payload).items():
                if key in WEBRTC_REQUEST_FIELDS:
                    ctx.manual(element, _SDP, _visible_statement(ctx, element))
            # ``body["sdp"] = answer`` after the literal (often only when the page sent one):
            # the start that sent it goes, so the answer would be dropped without a word.
            name = payload_variable(sent, ctx.index) if sent is not None else None
            if name is not None:
                for key, line in subscript_assignments(ctx.index, name, payload):
                    if key in WEBRTC_REQUEST_FIELDS:
                        ctx.manual(line, _SDP)
        self._ice_server_reads(ctx)

    def _ice_server_reads(self, ctx: RuleContext) -> None:
        """Reads of ``ice_servers*`` that H2L404 does not see as reads of a new-session response."""
        if not ctx.streaming_requests:
            return
        keys = frozenset(WEBRTC_DISTINCT_FIELDS)
        seen = {
            id(read.node)
            for read in session_flow(
                ctx.shared, ctx.index, ctx.requests, ctx.project
            ).tracker.field_reads(keys)
            if read.origin.endpoint_key == "new"
        }
        reads: list[tuple[cst.CSTNode, str]] = []
        other_api: Callable[[cst.BaseExpression, Context], bool] | None = None
        found: list[tuple[cst.CSTNode, cst.BaseExpression, str, Context]] = [
            (s.node, s.node.value, s.key, s.context) for s in ctx.index.subscripts
        ]
        for call in ctx.index.calls:
            func = call.node.func
            if isinstance(func, cst.Attribute) and func.attr.value == "get" and call.node.args:
                key = string_value(call.node.args[0].value)
                found.append((call.node, func.value, key or "", call.context))
        for read, receiver, key, context in found:
            if key not in keys:
                continue
            if other_api is None:
                other_api = other_api_response(ctx.request_finder)
            if other_api(receiver, context):
                continue  # ``d["ice_servers"]`` of another vendor's answer (a provider switch)
            reads.append((read, key))
        # One finding per statement (``info.get("ice_servers2") or info["ice_servers"]``).
        by_statement: dict[int, tuple[cst.CSTNode, list[str]]] = {}
        for read, key in reads:
            if id(read) in seen:
                continue
            statement = ctx.statement_of(read)
            _first, names = by_statement.setdefault(id(statement), (read, []))
            if key not in names:
                names.append(key)
        for first, names in by_statement.values():
            if not _marked_before(ctx.statement_of(first), names):
                ctx.manual(first, _ice_servers(names))


def _marked_before(statement: Statement | None, names: list[str]) -> bool:
    """A marker an earlier run left above the statement already names these reads (H2L404's,
    while the response was still HeyGen's ``streaming.new``): a second run adds none."""
    if statement is None:
        return False
    texts = [
        line.comment.value
        for line in statement.leading_lines
        if line.comment is not None and MARKER_PREFIX in line.comment.value
    ]
    return all(any(f"`{name}`" in text for text in texts) for name in names)


def _visible_statement(ctx: RuleContext, element: cst.CSTNode) -> Statement | None:
    """Where the marker of ``element`` stays visible: its statement, or, when H2L102 removed
    the start call holding it, the statement that computed the SDP answer (``answer = ...``),
    else the start call's neighbour in its block. ``None``: the element's own statement."""
    statement = ctx.statement_of(element)
    if statement is None or id(statement) not in ctx.edits.removed:
        return None
    value = element.value if isinstance(element, cst.DictElement) else None
    context = ctx.index.context_of(statement)
    if type(value) is cst.Name and context is not None:
        assigned = context.scope.assignments.get(value.value, [])
        if len(assigned) == 1:
            source = ctx.statement_of(assigned[0])
            if source is not None and id(source) not in ctx.edits.removed:
                return source
    block = ctx.index.parent_of(statement)
    body = getattr(block, "body", ())
    if isinstance(body, (list, tuple)):
        others: list[Statement] = [s for s in body if id(s) not in ctx.edits.removed]
        if others:
            return others[0]
    return None
