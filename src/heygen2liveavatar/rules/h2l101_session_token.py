"""H2L101: ``streaming.new`` / ``streaming.create_token`` become ``POST /v1/sessions/token``."""

from __future__ import annotations

from functools import partial

from ..analysis.http import RequestSite
from ..analysis.imported_urls import imported_url_constant
from ..analysis.session_flow import (
    SessionFlow,
    bound_parse,
    client_default_tokens,
    later_parses,
    session_flow,
)
from ..apispec.session_fields import WEB_SDK_PACKAGE
from ..model import FIX_UNSAFE
from . import imported_token_auth
from .auth_class_headers import api_key_in_auth_classes
from .base import Rule, RuleContext
from .bridge_calls import (
    bridge_call,
    insert_with_bridge,
    is_bridge_call,
    transform_with_bridge,
    wrap_as_started,
    wrap_headers_with_bearer,
    wrap_with_remember,
    wrap_with_start,
)
from .checked_responses import start_checked_token_response
from .common import rewrite_endpoint_paths
from .dead_url_constants import remove_dead_url_constants
from .dispatch_calls import dispatch_new_requests, start_dispatched_session
from .idle_token_clients import remove_idle_clients
from .session_body import map_session_body
from .session_values import foreign_caller_literals
from .token_auth import api_key_headers, api_key_in_client_defaults, remove_token_plumbing
from .token_getter_retire import retire_inline_token, retire_token_getter
from .token_route_configuration import send_configuration


class SessionTokenRule(Rule):
    code = "H2L101"
    name = "session-token"
    summary = (
        "`streaming.new` / `streaming.create_token` become one `POST /v1/sessions/token` call "
        "carrying the session configuration."
    )
    fix = FIX_UNSAFE
    description = """
LiveAvatar opens a session in two calls instead of three: `POST /v1/sessions/token` (API key
in `X-API-KEY`, the whole session configuration in the body) and `POST /v1/sessions/start`
(Bearer session token), and only the start response carries the LiveKit room
(`livekit_url`, `livekit_client_token`, `livekit_agent_token`) and LITE's `ws_url`. The rule
migrates the flow, not the call:

- rewrites the `streaming.new` and `streaming.create_token` paths to `/v1/sessions/token`;
- starts the session right after its token call: the parsed response goes through
  `liveavatar_bridge.start_session(<parsed>, <response>.url)`, which calls
  `/v1/sessions/start` with the session token and returns the token response with start's data
  merged in (envelope or `data`, as the code had it). What the function returned to its callers
  is there again, under LiveAvatar's names (H2L404 renames the reads; H2L102 removes the old
  start call);
- maps the `streaming.new` body (inline dict, a dict filled over several lines, a sub-dict
  built apart such as `voice = {}` ... `payload["voice"] = voice`, or `json.dumps(...)`) field
  by field: `avatar_name` becomes `avatar_id`, `quality`/`video_encoding` move into
  `video_settings` (with `"VP8"`, HeyGen's default, when unset: LiveAvatar's is H264),
  `voice`, `knowledge_base_id`, `language` and `stt_settings` move into `avatar_persona`;
  `version` and SDK internals are dropped; idle timeouts, `voice.emotion`,
  `stt_settings.confidence`, a free-text `knowledge_base` and `livekit_settings` are dropped
  with a marker. A nested object is built only from the options the caller set (an unset
  option is not sent as `null`, which LiveAvatar refuses);
- chooses the mode from what the code (and, in a whole-project run, the project) does: text
  tasks or HeyGen's LLM -> `"FULL"` with an `avatar_persona`; its own audio over the realtime
  WebSocket (`realtime_endpoint`, `agent.*` messages) -> `"LITE"`; both -> `"LITE"` and a
  marker naming the choice. A FULL session whose code asks for LLM answers (chat/talk) without
  a knowledge base gets a marker: without a Context the avatar stays silent. `--verbose`
  shows the choice and its reason;
- marks literal avatar, voice and knowledge-base ids: the LiveAvatar copies have new UUIDs
  (also where a caller passes one to the function that sends it, in a whole-project run from
  another module too: `client.new_session(key, "Wayne_20240711")`);
- when `create_token`'s token authenticated the later calls, removes the token fetch (a
  getter function keeps its signature and returns a placeholder string, so callers that keep
  the token per session still find it; a caller's display of the token
  goes, any other use is marked) and authenticates the token call, stop and keep-alive with
  the API key the `create_token` call sent (a wrapper that builds its own headers gets an
  `auth_headers=None` parameter for that);
- a `create_token` call on its own (a backend minting tokens for the browser SDK) sends the
  session configuration (`mode`, the avatar of the project's own settings, or
  `os.environ["LIVEAVATAR_AVATAR_ID"]` with a marker) and keeps its response shape; the
  browser's move to `@heygen/liveavatar-web-sdk` is marked.
"""
    example_before = """
import requests

API_KEY = "..."


def open_session(avatar_id):
    resp = requests.post(
        "https://api.heygen.com/v1/streaming.new",
        headers={"x-api-key": API_KEY},
        json={"avatar_name": avatar_id, "quality": "high", "version": "v2"},
    )
    return resp.json()["data"]
"""
    example_after = """
import requests
import liveavatar_bridge

API_KEY = "..."


def open_session(avatar_id):
    resp = requests.post(
        "https://api.liveavatar.com/v1/sessions/token",
        headers={"X-API-KEY": API_KEY},
        json={
            "mode": "FULL",
            "avatar_id": avatar_id,
            "video_settings": {"quality": "high", "encoding": "VP8"},
            "avatar_persona": {},
        },
    )
    session_data = liveavatar_bridge.start_session(
        resp.json(), resp.url
    )["data"]
    return {
        **session_data,
        "url": session_data.get("livekit_url"),
        "access_token": session_data.get("livekit_client_token"),
    }
"""

    def check(self, ctx: RuleContext) -> None:
        flow = session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project)
        for request, call in dispatch_new_requests(ctx):
            # ``self._call("new", {...})`` through a dispatch helper that sends the body.
            map_session_body(ctx, flow, request)
            start_dispatched_session(ctx, call)
        foreign_caller_literals(ctx)  # ids passed to another module's session opener
        if not flow.new_requests and not flow.token_requests:
            # ``STREAMING_NEW_URL`` (or a create_token URL) sent by the modules importing it:
            # their token call now.
            imported = partial(imported_url_constant, ctx.index, ctx.project, filename=ctx.filename)
            rewrite_endpoint_paths(ctx, "new", imported)
            rewrite_endpoint_paths(ctx, "create_token", imported)
            return
        rewrite_endpoint_paths(ctx, "new")
        # The URL of a create_token call that is removed with its plumbing stays as it is.
        if any(
            literal.is_target and not flow.is_removed(literal.node)
            for literal in ctx.literals.endpoint_literals("create_token")
        ):
            rewrite_endpoint_paths(ctx, "create_token")
        for request in flow.new_requests:
            self._new_session(ctx, flow, request)
        if flow.auth_classes:
            # ``httpx.Auth`` sending the token on every request of a client: the API key now.
            api_key_in_auth_classes(ctx, flow)
        retired: list[RequestSite] = []
        for request in flow.token_requests:
            if not flow.paired:
                self._lone_create_token(ctx, flow, request)
            elif self._paired_create_token(ctx, flow, request):
                retired.append(request)
        # What only the removed fetches used: a ``TOKEN_URL`` constant, a client of their own.
        remove_dead_url_constants(ctx, "create_token", retired)
        remove_idle_clients(ctx, retired)
        if flow.paired and not flow.token_requests:
            # The token came from another module's getter: its client sends the key now.
            imported_token_auth.key_in_client_defaults(ctx, flow)
        if flow.paired and not flow.plumbing:
            # The HeyGen token still reaches stop/keep-alive (through a helper, a parameter):
            # those endpoints take the API key (6.12), which the token call sends too.
            for request in ctx.streaming_requests:
                key = request.endpoint.key if request.endpoint is not None else None
                if key in ("stop", "keep_alive"):
                    api_key_headers(ctx, flow, request)

    # streaming.new -------------------------------------------------------------------------
    def _new_session(self, ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> None:
        map_session_body(ctx, flow, request)
        if flow.paired:
            api_key_headers(ctx, flow, request)
        sites = flow.tracker.parse_sites(request)
        site = bound_parse(sites)
        if site is not None:
            if wrap_with_start(ctx, flow, site):
                ctx.fixed(
                    site.node,
                    "starts the session right after its token call (`liveavatar_bridge.start_session`): "
                    "the LiveKit room and `ws_url` come from /v1/sessions/start now",
                )
            for again in later_parses(flow, sites, site):
                if wrap_as_started(ctx, flow, again):
                    ctx.fixed(
                        again.node,
                        "the token response parsed again: `liveavatar_bridge.started_session` gives "
                        "the session started above (with its LiveKit room), not a second start",
                    )
        elif not start_checked_token_response(ctx, request):
            ctx.manual(
                request.node,
                "pass the parsed /v1/sessions/token response to `liveavatar_bridge.start_session(...)`: "
                "LiveAvatar returns the LiveKit room (and `ws_url`) only from /v1/sessions/start",
            )

    # create_token ----------------------------------------------------------------------------
    def _paired_create_token(
        self, ctx: RuleContext, flow: SessionFlow, request: RequestSite
    ) -> bool:
        """Remove the token fetch (``True``), or mark it."""
        plumbing = flow.plumbing.get(id(request.node))
        if plumbing is None and (
            retire_token_getter(ctx, request) or retire_inline_token(ctx, request)
        ):
            # A client's default headers sent the token: they send the API key now.
            holders = client_default_tokens(flow.tracker, flow.auth_classes)
            if holders and not api_key_in_client_defaults(ctx, flow, request):
                ctx.manual(
                    holders[0],
                    "the client's default headers sent the HeyGen token: send the LiveAvatar "
                    "API key there (`X-API-KEY`); LiveAvatar has no token before the session",
                )
            ctx.fixed(
                request.node,
                "removes the create_token call: LiveAvatar has no token before the session "
                "(its getter returns a placeholder; the calls that sent it authenticate otherwise)",
            )
            return True
        if plumbing is None or not remove_token_plumbing(ctx, plumbing):
            ctx.manual(
                request.node,
                "LiveAvatar opens a session with one token call (the former streaming.new call, "
                "which now carries the configuration): remove this create_token call and "
                "authenticate later calls with `liveavatar_bridge.bearer_headers(session_id)` or the API key",
            )
            return False
        ctx.fixed(
            request.node,
            "removes the create_token call: the /v1/sessions/token call (formerly streaming.new) "
            "returns the session token, and later calls get it from `liveavatar_bridge`",
        )
        return True

    def _lone_create_token(self, ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> None:
        """A backend minting tokens for HeyGen's browser SDK: the token carries the config now.

        The route keeps its job and its response shape (H2L404 renames ``token`` to
        ``session_token``); its request sends the session configuration, since LiveAvatar's
        browser SDK starts the session from the token alone.
        """
        if not send_configuration(ctx, flow, request):
            ctx.manual(
                request.node,
                "the session token now carries the session configuration: send `mode` and "
                "`avatar_id` (and the other former streaming.new options) in this body",
            )
        ctx.manual(
            request.node,
            f"the browser must move to `{WEB_SDK_PACKAGE}`: `new LiveAvatarSession(sessionToken)` "
            "starts the session and sends its events (HeyGen's `@heygen/streaming-avatar` "
            "does not accept this token)",
        )


# The helper-call edits live in ``bridge_calls``; H2L102 still imports them from here.
__all__ = [
    "SessionTokenRule",
    "bridge_call",
    "insert_with_bridge",
    "is_bridge_call",
    "transform_with_bridge",
    "wrap_headers_with_bearer",
    "wrap_with_remember",
]
