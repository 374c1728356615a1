"""H2L501: pipecat's HeyGen service moves to its LiveAvatar API."""

from __future__ import annotations

import libcst as cst

from ..analysis.call_arguments import (
    is_uuid_literal,
)
from ..analysis.framework_source import is_framework_source
from ..analysis.import_bindings import ModuleMove
from ..analysis.pipecat_requests import (
    SessionRequest,
    liveavatar_request,
    read_session_request,
)
from ..apispec import frameworks as fw
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext
from .h2l500_frameworks import ImportMigration
from .pipecat_services import migrate_service_call

MOVES = tuple(
    ModuleMove(
        module,
        fw.PIPECAT_LIVEAVATAR_API_MODULE,
        fw.PIPECAT_API_SYMBOLS,
        legacy=fw.PIPECAT_LEGACY_API_MODULE,
    )
    for module in fw.PIPECAT_HEYGEN_API_MODULES
)


class PipecatHeyGenServiceRule(Rule):
    code = "H2L501"
    needs_text = ("pipecat",)  # pipecat's modules are imported under their own name
    name = "pipecat-heygen-service"
    summary = (
        "pipecat's `NewSessionRequest` becomes `LiveAvatarNewSessionRequest`, and HeyGen "
        "services get `service_type=ServiceType.LIVE_AVATAR`."
    )
    fix = FIX_UNSAFE
    applies_to = fw.PIPECAT_RANGE
    description = """
pipecat (`pipecat-ai[heygen]`) talks to HeyGen through `pipecat.services.heygen`. Since
0.0.98 the same `HeyGenVideoService`, `HeyGenTransport` and `HeyGenClient` also drive
LiveAvatar, chosen by `service_type` (default `INTERACTIVE_AVATAR`); the LiveAvatar request model
with `VideoSettings` needs pipecat-ai >= 0.0.102 (H2L505 raises the requirement). The rule:

- imports the request models from `pipecat.services.heygen.api_liveavatar` instead of `api`
  (pipecat <= 0.0.97) or `api_interactive_avatar`: `NewSessionRequest` ->
  `LiveAvatarNewSessionRequest`, `AvatarQuality` -> `VideoQuality`, `HeyGenApi` ->
  `LiveAvatarApi`, `HeygenApiError` -> `LiveAvatarApiError`, keeping `as` aliases; every
  reference follows;
- moves `quality` / `video_encoding` into `video_settings=VideoSettings(encoding=..., quality=...)`
  (`encoding` is required there: H264, pipecat's LiveAvatar default, when the code gave none);
- moves the voice id and `knowledge_id` into `avatar_persona=AvatarPersona(voice_id=...,
  context_id=...)`, and drops `version`, `knowledge_base`, the voice's `rate` / `emotion` /
  `elevenlabs_settings` and the idle timeouts, which have no field on the LiveAvatar request;
- adds `service_type=ServiceType.LIVE_AVATAR` to `HeyGenVideoService(...)`,
  `HeyGenTransport(...)` and `HeyGenClient(...)` (or switches `INTERACTIVE_AVATAR` to it):
  without it pipecat keeps calling HeyGen and ignores a LiveAvatar request with only a warning.

Names without a LiveAvatar counterpart that the code still uses elsewhere (`VoiceSettings`...)
stay importable from `api_interactive_avatar` and are reported. `from ... import *` is reported,
never guessed. Code already on LiveAvatar (`api_liveavatar` plus `ServiceType.LIVE_AVATAR`) is
left alone.

The fix is unsafe: HeyGen avatar, voice and knowledge-base ids do not work on LiveAvatar (its
ids are UUIDs of the migrated copies), so each of them is marked for review, and the API key
must be a LiveAvatar key (H2L504 renames the setting it is read from).
"""
    example_before = """
import os

from pipecat.services.heygen.api import AvatarQuality, NewSessionRequest
from pipecat.services.heygen.video import HeyGenVideoService


def build(session):
    return HeyGenVideoService(
        api_key=os.getenv("HEYGEN_API_KEY"),
        session=session,
        session_request=NewSessionRequest(
            avatar_id="Shawn_Therapist_public",
            quality=AvatarQuality.high,
            version="v2",
        ),
    )
"""
    example_after = """
import os

from pipecat.services.heygen.api_liveavatar import (
    VideoQuality,
    LiveAvatarNewSessionRequest,
    VideoSettings,
    VideoEncoding,
)
from pipecat.services.heygen.video import HeyGenVideoService
from pipecat.services.heygen.client import ServiceType


def build(session):
    # TODO(heygen2liveavatar): H2L501 HeyGen avatar ids do not work on LiveAvatar: put the UUID of the avatar's LiveAvatar copy in `avatar_id`
    return HeyGenVideoService(
        api_key=os.getenv("LIVEAVATAR_API_KEY"),
        session=session,
        session_request=LiveAvatarNewSessionRequest(
            avatar_id="Shawn_Therapist_public",
            video_settings=VideoSettings(
                encoding=VideoEncoding.H264, quality=VideoQuality.high
            ),
        ),
        service_type=ServiceType.LIVE_AVATAR,
    )
"""

    def check(self, ctx: RuleContext) -> None:
        if is_framework_source(ctx.index, ctx.filename):
            return  # the framework itself, not code that uses it
        migration = ImportMigration(ctx, MOVES, star_modules=fw.PIPECAT_MODULES)
        services = [
            site
            for site in ctx.index.calls
            if ctx.index.qualified_name(site.name) in fw.PIPECAT_SERVICE_CLASSES
        ]
        if not migration.active and not services:
            return
        migration.report_unsupported("pipecat HeyGen")
        migration.collect_references()
        requests: list[SessionRequest] = []
        for site in ctx.index.calls:
            old = migration.old_qualified(site.name)
            if old is None:
                continue
            module, _, name = old.rpartition(".")
            if module not in fw.PIPECAT_HEYGEN_API_MODULES:
                continue
            if name == fw.PIPECAT_REQUEST:
                request = read_session_request(site)
                if request is None:
                    ctx.manual(
                        site.node,
                        "`NewSessionRequest` built from unpacked arguments: map its fields to "
                        "`LiveAvatarNewSessionRequest` by hand (`video_settings`, `avatar_persona`)",
                    )
                    continue
                for arg in request.moved:
                    migration.drop(arg)
                requests.append(request)
            elif name == fw.PIPECAT_API_CLIENT:
                ctx.manual(
                    site.node,
                    "`LiveAvatarApi.new_session()` creates *and starts* the session and returns "
                    "a `StandardSessionResponse` (`livekit_url`, `ws_url`, `access_token`): "
                    "remove `start_session(session_id)` calls and check the fields read",
                )
        migration.plan()
        for request in requests:
            # Planning can freeze a binding (a name clash): its requests stay as they are.
            if migration.old_qualified(request.site.name) is not None:
                self._rewrite(ctx, migration, request)
        for site in services:
            migrate_service_call(ctx, migration, site)
        migration.apply()

    # NewSessionRequest ----------------------------------------------------------------
    def _rewrite(
        self, ctx: RuleContext, migration: ImportMigration, request: SessionRequest
    ) -> None:
        api = fw.PIPECAT_LIVEAVATAR_API_MODULE
        settings = (
            migration.ensure_name(api, fw.PIPECAT_VIDEO_SETTINGS) if request.has_video else ""
        )
        encoding = (
            migration.ensure_name(api, fw.PIPECAT_VIDEO_ENCODING) if request.has_video else ""
        )
        persona = (
            migration.ensure_name(api, fw.PIPECAT_AVATAR_PERSONA) if request.has_persona else ""
        )
        call = request.site.node
        if settings is None or encoding is None or persona is None:
            ctx.manual(
                call,
                "a local name clashes with pipecat's `VideoSettings`, `VideoEncoding` or "
                "`AvatarPersona`: rename it and run again",
            )
            return

        def rewrite(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Call)
            return liveavatar_request(request, updated, settings, encoding, persona)

        if not ctx.transform(call, rewrite):
            return
        moved = []
        if request.has_video:
            moved.append("quality and encoding go to `video_settings`")
        if request.has_persona:
            moved.append("voice and knowledge ids to `avatar_persona`")
        detail = f" ({'; '.join(moved)})" if moved else ""
        ctx.fixed(call, f"`NewSessionRequest` becomes `LiveAvatarNewSessionRequest`{detail}")
        if request.avatar is None:
            ctx.manual(
                call,
                "`avatar_id` is required on LiveAvatar: pipecat's default LiveAvatar avatar was "
                "filled in; use the UUID of your avatar",
            )
        elif not is_uuid_literal(request.avatar.value):
            ctx.manual(
                request.avatar,
                "HeyGen avatar ids do not work on LiveAvatar: put the UUID of the avatar's "
                "LiveAvatar copy in `avatar_id`",
            )
        if request.has_persona:
            ctx.manual(call, fw.PIPECAT_PERSONA_NOTE)
        if not request.voice_understood:
            ctx.manual(
                call,
                "the `voice` settings were dropped (no such field on LiveAvatar): pass a "
                "LiveAvatar voice UUID as `AvatarPersona(voice_id=...)` if you need one",
            )
        elif request.voice_others:
            ctx.manual(call, fw.PIPECAT_VOICE_DROPPED_REASON)
        for arg, reason in request.dropped:
            if reason is not None:
                ctx.manual(arg, reason)
