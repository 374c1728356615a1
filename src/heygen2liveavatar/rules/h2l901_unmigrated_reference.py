"""H2L901: HeyGen streaming references that are not request targets are reported, never rewritten."""

from __future__ import annotations

import libcst as cst

from ..analysis.endpoints import DOCSTRING_REASON, EndpointLiteral, is_text_reason
from ..analysis.http_mocks import in_mock_registration, is_test_module
from ..analysis.imported_urls import imported_url_constant
from ..analysis.index import Statement, StringNode
from ..analysis.unknown_endpoints import unknown_streaming_paths
from ..apispec import HEYGEN_HOST, EndpointMatch, find_endpoints
from ..apispec.events import BRIDGE_MODULE
from ..apispec.resources import NO_REST_SUCCESSOR, SDK_EVENT_SUCCESSORS, context_suffix
from ..model import FIX_MANUAL, MARKER_PREFIX
from .base import Rule, RuleContext
from .run_time_endpoints import (
    mark_attribute_url_senders,
    mark_endpoints_looked_up_at_run_time,
    mark_helpers_called_elsewhere,
    mark_pair_posters,
    mark_table_keys_at_run_time,
    mark_unfollowed_dispatch_requests,
)
from .task_response_shape import SHARED_REPLACED_REQUESTS


def _successor(match: EndpointMatch) -> str:
    endpoint = match.endpoint
    if endpoint.liveavatar_path is None:
        return NO_REST_SUCCESSOR.get(endpoint.key, "has no LiveAvatar successor")
    path = endpoint.liveavatar_path
    if endpoint.key == "knowledge_base":
        path += context_suffix(match.kb_suffix)
    return f"is `{endpoint.liveavatar_method} {path}`"


# A test mocking HeyGen's HTTP layer cannot answer the start: the helper sends it with urllib.
_STARTED_BY_THE_HELPER = (
    f" (`{BRIDGE_MODULE}.start_session` starts the session over urllib: patch it in the test)"
)


def _describe(literal: EndpointLiteral) -> str:
    value = literal.site.value
    parts: list[str] = []
    for match in literal.matches:
        text = value[match.start : match.end]
        part = f"`{text}` {_successor(match)}"
        if part not in parts:
            parts.append(part)
    return "; ".join(parts)


def _marked_by_an_earlier_run(statement: Statement) -> bool:
    return any(
        line.comment is not None and MARKER_PREFIX in line.comment.value
        for line in statement.leading_lines
    )


def _rewritten(ctx: RuleContext, node: cst.CSTNode) -> bool:
    """Some rule replaced an expression around ``node``, or removed a statement holding it."""
    current = ctx.index.parent_of(node)
    while current is not None:
        if id(current) in ctx.edits.removed:
            return True
        if id(current) in ctx.edits.transforms and not isinstance(
            current, (cst.BaseCompoundStatement, cst.IndentedBlock, cst.Module)
        ):
            return True
        current = ctx.index.parent_of(current)
    return False


class UnmigratedReferenceRule(Rule):
    code = "H2L901"
    name = "unmigrated-reference"
    summary = (
        "HeyGen streaming URLs in text (docstrings, log messages, HTML/JS in strings), the "
        "`streaming.chat` WebSocket and HeyGen SDK event names: reported for a person."
    )
    fix = FIX_MANUAL
    description = """
Some HeyGen streaming references are not requests the tool can migrate:

- endpoint URLs and paths in HTML or JavaScript held in Python strings (a Streamlit
  component, a template), and in the docstrings of a module that calls streaming endpoints:
  the tool does not rewrite text it cannot execute, because a half-migrated page (new paths,
  old request bodies and auth) is worse than an old one. Each is reported with its
  LiveAvatar counterpart;
- the SDK's voice-chat WebSocket `wss://api.heygen.com/v1/ws/streaming.chat`, which has no
  successor: FULL-mode voice chat happens in the LiveKit room, LITE mode uses the `ws_url`
  returned by `POST /v1/sessions/start`;
- a dispatch helper that builds `streaming.<action>` URLs from what its callers name
  (`self.root + "/v1/streaming." + name`) when no call of it is visible in its module (the
  callers live in another module, or call it on an object): the endpoints are not known
  there, so each caller is migrated by a person;
- HeyGen SDK event names (`avatar_start_talking`, `stream_ready`, ...) in Python strings, only in
  modules that use HeyGen (a module with HeyGen requests or URLs, or that mentions HeyGen in a
  string or import): their LiveAvatar counterparts are named differently, keyed by `event_type`
  instead of `type`, and arrive on the LiveKit `agent-response` topic.

Comments, log and print messages and other text (labels, help texts, error messages,
markdown) are never usage and never reported; nor are HTML or JavaScript comments. Text in a
module with no HeyGen connection is left alone unless it carries the HeyGen host or a
versioned path (`/v1/streaming.new`).
"""
    example_before = """
import logging

log = logging.getLogger(__name__)

def on_event(event):
    if event["type"] == "avatar_start_talking":
        log.info("avatar talks (see POST https://api.heygen.com/v1/streaming.task)")
"""
    example_after = """
import logging

log = logging.getLogger(__name__)

def on_event(event):
    # TODO(heygen2liveavatar): H2L901 HeyGen SDK event `avatar_start_talking` is now `avatar.speak_started`: LiveAvatar's FULL-mode events arrive on the LiveKit topic `agent-response`, keyed by `event_type` (not `type`); update this event handling
    if event["type"] == "avatar_start_talking":
        log.info("avatar talks (see POST https://api.heygen.com/v1/streaming.task)")
"""

    def check(self, ctx: RuleContext) -> None:
        literals = ctx.literals
        uses_heygen = self._uses_heygen(ctx)
        for literal in literals.endpoints:
            if literal.is_target:
                self._websocket(ctx, literal)
                self._left_behind(ctx, literal)
                continue
            specific = HEYGEN_HOST in literal.site.value or any(
                m.version is not None for m in literal.matches
            )
            if not (uses_heygen or specific):
                continue
            if is_text_reason(literal.why_not_target):
                continue  # log and UI text is never usage, and marking it is noise
            if literal.why_not_target == DOCSTRING_REASON and not literals.has_streaming_target:
                continue  # documentation of a file with no streaming call
            ctx.manual(
                literal.node,
                f"{literal.why_not_target} is not migrated: {_describe(literal)}; update it by hand",
            )
        if uses_heygen:
            self._events(ctx)
        if literals.has_streaming_target:
            for site, path in unknown_streaming_paths(ctx.index):
                ctx.manual(
                    site.node,
                    f"`{path}` is not a HeyGen streaming endpoint this tool knows, and LiveAvatar "
                    "has no such path: this request is left as it was and fails after the "
                    "migration; remove it, or rebuild it on LiveAvatar's events (`agent-response`)",
                )
        mark_pair_posters(ctx)
        mark_table_keys_at_run_time(ctx)
        mark_endpoints_looked_up_at_run_time(ctx)
        mark_helpers_called_elsewhere(ctx)
        mark_unfollowed_dispatch_requests(ctx)
        mark_attribute_url_senders(ctx)

    def _uses_heygen(self, ctx: RuleContext) -> bool:
        if ctx.literals.has_streaming_target or ctx.literals.hosts:
            return True
        if any("heygen" in name.lower() for name in ctx.index.imports.values()):
            return True
        return any(
            "heygen" in site.value.lower() for site in ctx.index.strings if not site.is_docstring
        )

    def _left_behind(self, ctx: RuleContext, literal: EndpointLiteral) -> None:
        """A request URL no rule rewrote or marked where it is written.

        Runs after every other rule (codes are ordered): when the calls that use a URL could
        not be migrated, their rule marks the calls; a URL written in another statement (a
        local ``url = ...``, a constant) still names a HeyGen endpoint and is marked here, so
        no HeyGen streaming path is left in a file without a marker next to it.
        """
        node = literal.node
        final: cst.CSTNode = node
        for transform in ctx.edits.transforms.get(id(node), ()):
            final = transform(final)  # string literals are leaves: original == updated
        text = final.value if isinstance(final, (cst.SimpleString, cst.FormattedStringText)) else ""
        if not find_endpoints(text):
            return  # rewritten by its endpoint's rule
        if any(ctx.is_suppressed(node, match.endpoint.rule) for match in literal.matches):
            return  # the person chose to keep it
        if any(match.endpoint.rule not in ctx.selected for match in literal.matches):
            return  # its rule is not running (``--ignore``): nothing was attempted
        if not literal.requests:
            self._defined_only(ctx, literal)
            return
        replaced = ctx.shared.get(SHARED_REPLACED_REQUESTS, set())
        assert isinstance(replaced, set)
        for request in literal.requests:
            if id(request.node) in replaced or _rewritten(ctx, request.node):
                return  # the call became an event: what built its URL goes with it
            if any(ctx.is_suppressed(request.node, m.endpoint.rule) for m in literal.matches):
                return  # the person chose to keep the call, and so its URL
        if _rewritten(ctx, node):
            return
        statement = ctx.statement_of(node)
        if statement is None or ctx.edits.markers.get(id(statement)):
            return
        if _marked_by_an_earlier_run(statement):
            return
        ctx.manual(
            node,
            "this URL is still used by calls marked for manual migration "
            f"({_describe(literal)}): update or delete it with them",
        )

    def _defined_only(self, ctx: RuleContext, literal: EndpointLiteral) -> None:
        """A URL no rule rewrote and no request in sight uses (``ENDPOINTS = {"create":
        "/v1/streaming.new"}`` read by a base class elsewhere, an endpoint returned by a
        function whose caller posts it): only a person can move it with its requests; a host
        rewritten next to it would otherwise leave a half-migrated URL without a word."""
        node = literal.node
        if _rewritten(ctx, node):
            return
        if all(match.endpoint.liveavatar_path is None for match in literal.matches):
            return  # no REST successor: its own rule marks what still names it (H2L2xx)
        statement = ctx.statement_of(node)
        if statement is None:
            return
        if _marked_by_an_earlier_run(statement):
            return
        name = imported_url_constant(ctx.index, ctx.project, literal, ctx.filename)
        if name is not None and all(match.endpoint.key == "start" for match in literal.matches):
            ctx.manual(
                node,
                f"`{name}` ({_describe(literal)}) is sent by the modules importing it, whose "
                "migration removes that request (the session starts with its token call): "
                "delete it once nothing imports it",
            )
            return
        mocked = in_mock_registration(ctx.index, literal.site)
        if mocked or is_test_module(ctx.index, ctx.filename):
            starts = literal.has("new") or literal.has("start")
            what = (
                "a test's mocked HeyGen response"
                if mocked
                else "a HeyGen URL a test mocks or expects"
            )
            ctx.manual(
                node,
                f"{what} ({_describe(literal)}): the migrated code no longer requests "
                "it; update the test with LiveAvatar's request and response"
                + (_STARTED_BY_THE_HELPER if starts else ""),
            )
            return
        ctx.manual(
            node,
            f"this URL reaches its request where the tool cannot follow it ({_describe(literal)}): "
            "it was not migrated; change it with the code that sends it",
        )

    def _websocket(self, ctx: RuleContext, literal: EndpointLiteral) -> None:
        """``streaming.chat``: a real target (a WebSocket connect), but nothing to point it at."""
        if not literal.has("ws_chat"):
            return
        message = f"the voice-chat WebSocket {_describe(literal)}; replace this connection"
        if not literal.requests:
            ctx.manual(literal.node, message)
        for request in literal.requests:
            ctx.manual(request.node, message)

    def _events(self, ctx: RuleContext) -> None:
        """HeyGen SDK event names, one finding per statement that handles them."""
        found: dict[int, tuple[Statement, StringNode, list[str]]] = {}
        for site in ctx.index.strings:
            if site.is_docstring or site.value not in SDK_EVENT_SUCCESSORS:
                continue
            statement = ctx.statement_of(site.node)
            if statement is None:
                continue
            _statement, _node, names = found.setdefault(id(statement), (statement, site.node, []))
            if site.value not in names:
                names.append(site.value)
        for statement, node, names in found.values():
            described = [
                f"`{name}` is now `{SDK_EVENT_SUCCESSORS[name]}`"
                if SDK_EVENT_SUCCESSORS[name]
                else f"`{name}` has no successor"
                for name in names
            ]
            plural = "events" if len(names) > 1 else "event"
            ctx.manual(
                node,
                f"HeyGen SDK {plural} {', '.join(described)}: LiveAvatar's FULL-mode events "
                "arrive on the LiveKit topic `agent-response`, keyed by `event_type` (not "
                "`type`); update this event handling",
                statement,
            )
