"""H2L501: pipecat's HeyGen service moves to its LiveAvatar API."""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from ..analysis.call_arguments import (
    enum_member,
    expression,
    find_keyword,
    has_unpacking,
    is_uuid_literal,
    keyword,
    make_arg,
    relayout,
    rename_keyword,
    string_literal,
    with_args,
)
from ..analysis.import_bindings import ModuleMove
from ..analysis.index import CallSite, dotted_name
from ..apispec import frameworks as fw
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext
from .h2l500_frameworks import ImportMigration

MOVES = tuple(
    ModuleMove(
        module,
        fw.PIPECAT_LIVEAVATAR_API_MODULE,
        fw.PIPECAT_API_SYMBOLS,
        legacy=fw.PIPECAT_LEGACY_API_MODULE,
    )
    for module in fw.PIPECAT_HEYGEN_API_MODULES
)
_VIDEO_FIELDS = (fw.PIPECAT_FIELD_QUALITY, fw.PIPECAT_FIELD_ENCODING)
_PERSONA_FIELDS = (fw.PIPECAT_FIELD_VOICE, fw.PIPECAT_FIELD_KNOWLEDGE_ID)
_REQUEST_ABSENT = "absent"
_REQUEST_LIVEAVATAR = "liveavatar"
_REQUEST_HEYGEN = "heygen"
_REQUEST_UNKNOWN = "unknown"
# HeyGenTransport(session, api_key, params, input_name, output_name, session_request, service_type)
_TRANSPORT_POSITIONS = {fw.PIPECAT_SERVICE_REQUEST_PARAM: 5, fw.PIPECAT_SERVICE_TYPE_PARAM: 6}


def _is_none(node: cst.BaseExpression | None) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def _voice_id(voice: cst.BaseExpression) -> tuple[cst.BaseExpression | None, list[str], bool]:
    """(voice id expression, other fields set, understood) of ``VoiceSettings(...)`` or a dict."""
    if isinstance(voice, cst.Call):
        if any(arg.star or arg.keyword is None for arg in voice.args):
            return None, [], False
        found: cst.BaseExpression | None = None
        others: list[str] = []
        for arg in voice.args:
            name = keyword(arg) or ""
            if name in fw.PIPECAT_VOICE_ID_FIELDS:
                found = arg.value
            elif not _is_none(arg.value):
                others.append(name)
        return found, others, True
    if isinstance(voice, cst.Dict):
        found = None
        others = []
        for element in voice.elements:
            if not isinstance(element, cst.DictElement):
                return None, [], False
            key = element.key.evaluated_value if isinstance(element.key, cst.SimpleString) else None
            if not isinstance(key, str):
                return None, [], False
            if key in fw.PIPECAT_VOICE_ID_FIELDS:
                found = element.value
            elif not _is_none(element.value):
                others.append(key)
        return found, others, True
    return None, [], False


@dataclass
class _Request:
    site: CallSite
    avatar: cst.Arg | None = None
    has_video: bool = False
    has_persona: bool = False
    voice_understood: bool = True
    voice_others: list[str] = field(default_factory=list)
    dropped: list[tuple[cst.Arg, str | None]] = field(default_factory=list)


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
            video_settings=VideoSettings(encoding=VideoEncoding.H264, quality=VideoQuality.high),
        ),
        service_type=ServiceType.LIVE_AVATAR,
    )
"""

    def check(self, ctx: RuleContext) -> None:
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
        requests: list[_Request] = []
        for site in ctx.index.calls:
            old = migration.old_qualified(site.name)
            if old is None:
                continue
            module, _, name = old.rpartition(".")
            if module not in fw.PIPECAT_HEYGEN_API_MODULES:
                continue
            if name == fw.PIPECAT_REQUEST:
                request = self._analyse(ctx, migration, site)
                if request is not None:
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
            self._service(ctx, migration, site)
        migration.apply()

    # NewSessionRequest ----------------------------------------------------------------
    def _analyse(
        self, ctx: RuleContext, migration: ImportMigration, site: CallSite
    ) -> _Request | None:
        call = site.node
        if has_unpacking(call) or any(arg.keyword is None for arg in call.args):
            ctx.manual(
                call,
                "`NewSessionRequest` built from unpacked arguments: map its fields to "
                "`LiveAvatarNewSessionRequest` by hand (`video_settings`, `avatar_persona`)",
            )
            return None
        request = _Request(site)
        for arg in call.args:
            name = keyword(arg) or ""
            if name in fw.PIPECAT_FIELD_AVATAR:
                request.avatar = arg
            elif name in _VIDEO_FIELDS:
                if _is_none(arg.value):
                    request.dropped.append((arg, None))
                else:
                    request.has_video = True
                    migration.drop(arg)
            elif name == fw.PIPECAT_FIELD_VOICE:
                migration.drop(arg)
                if _is_none(arg.value):
                    request.dropped.append((arg, None))
                    continue
                voice_id, others, understood = _voice_id(arg.value)
                request.voice_understood = understood
                request.voice_others = others
                if voice_id is not None:
                    request.has_persona = True
            elif name == fw.PIPECAT_FIELD_KNOWLEDGE_ID:
                migration.drop(arg)
                if _is_none(arg.value):
                    request.dropped.append((arg, None))
                else:
                    request.has_persona = True
            elif name in fw.PIPECAT_DROPPED_SILENTLY:
                migration.drop(arg)
                request.dropped.append((arg, None))
            elif name in fw.PIPECAT_DROPPED_WITH_REASON:
                migration.drop(arg)
                request.dropped.append((arg, fw.PIPECAT_DROPPED_WITH_REASON[name]))
        return request

    def _rewrite(self, ctx: RuleContext, migration: ImportMigration, request: _Request) -> None:
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
        dropped = {id(arg) for arg, _reason in request.dropped}

        def rewrite(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Call)
            by_name = {keyword(arg): arg for arg in updated.args}
            args: list[cst.Arg] = []
            video_done = persona_done = False
            for original, arg in zip(call.args, updated.args):
                name = keyword(arg)
                if id(original) in dropped:
                    continue
                if name in fw.PIPECAT_FIELD_AVATAR:
                    args.append(arg if name == "avatar_id" else rename_keyword(arg, "avatar_id"))
                elif name in _VIDEO_FIELDS:
                    if not video_done:
                        video_done = True
                        args.append(
                            make_arg("video_settings", _video_settings(by_name, settings, encoding))
                        )
                elif name in _PERSONA_FIELDS:
                    if not persona_done:
                        persona_done = True
                        value = _persona(by_name, persona)
                        if value is not None:
                            args.append(make_arg("avatar_persona", value))
                else:
                    args.append(arg)
            if request.avatar is None:
                args.insert(0, make_arg("avatar_id", string_literal(fw.PIPECAT_DEFAULT_AVATAR_ID)))
            return with_args(updated, args)

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

    # Services -------------------------------------------------------------------------
    def _service(self, ctx: RuleContext, migration: ImportMigration, site: CallSite) -> None:
        call = site.node
        name = ctx.index.qualified_name(site.name) or ""
        short = name.rpartition(".")[2]
        if has_unpacking(call):
            ctx.manual(
                call,
                f"`{short}` gets unpacked arguments: make sure they include "
                "`service_type=ServiceType.LIVE_AVATAR` and a `LiveAvatarNewSessionRequest`",
            )
            return
        service_type = find_keyword(call, fw.PIPECAT_SERVICE_TYPE_PARAM)
        positional = [arg for arg in call.args if arg.keyword is None]
        transport = short == "HeyGenTransport"
        if (
            service_type is None
            and transport
            and len(positional) > _TRANSPORT_POSITIONS[fw.PIPECAT_SERVICE_TYPE_PARAM]
        ):
            service_type = positional[_TRANSPORT_POSITIONS[fw.PIPECAT_SERVICE_TYPE_PARAM]]
        enum_locals = self._service_type_spellings(ctx)
        if service_type is not None:
            member = enum_member(service_type.value, enum_locals)
            if member != fw.PIPECAT_INTERACTIVE_AVATAR:
                return  # LIVE_AVATAR already, or a choice made at run time: leave it
            if ctx.transform(service_type.value, _switch_to_live_avatar):
                ctx.fixed(
                    service_type,
                    "`ServiceType.INTERACTIVE_AVATAR` becomes `ServiceType.LIVE_AVATAR`",
                )
            return
        request_state = self._request_argument(ctx, migration, site, positional, transport)
        if request_state == _REQUEST_HEYGEN:
            return  # its request stays on HeyGen (suppressed, or hidden by a star import)
        local = migration.ensure_name(fw.PIPECAT_CLIENT_MODULE, fw.PIPECAT_SERVICE_TYPE)
        if local is None:
            ctx.manual(
                call,
                f"pass `service_type=ServiceType.LIVE_AVATAR` to `{short}` (the name `ServiceType` "
                "is taken in this module)",
            )
            return
        value = expression(f"{local}.{fw.PIPECAT_LIVE_AVATAR}")

        def add_service_type(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Call)
            if find_keyword(updated, fw.PIPECAT_SERVICE_TYPE_PARAM) is not None:
                return updated
            return with_args(
                updated, [*updated.args, make_arg(fw.PIPECAT_SERVICE_TYPE_PARAM, value)]
            )

        if not ctx.transform(call, add_service_type):
            return
        ctx.fixed(
            call,
            f"adds `service_type=ServiceType.LIVE_AVATAR` to `{short}`: without it pipecat keeps "
            "the HeyGen API and ignores a LiveAvatar request",
        )
        if request_state == _REQUEST_ABSENT:
            ctx.manual(
                call,
                f"`{short}` uses pipecat's default LiveAvatar avatar: pass "
                "`session_request=LiveAvatarNewSessionRequest(avatar_id=<your avatar's UUID>)`",
            )
        elif request_state == _REQUEST_UNKNOWN:
            ctx.manual(
                call,
                "make sure `session_request` is a `LiveAvatarNewSessionRequest` (pipecat ignores "
                "a HeyGen `NewSessionRequest` under `ServiceType.LIVE_AVATAR`)",
            )

    def _request_argument(
        self,
        ctx: RuleContext,
        migration: ImportMigration,
        site: CallSite,
        positional: list[cst.Arg],
        transport: bool,
    ) -> str:
        arg = find_keyword(site.node, fw.PIPECAT_SERVICE_REQUEST_PARAM)
        position = _TRANSPORT_POSITIONS[fw.PIPECAT_SERVICE_REQUEST_PARAM]
        if arg is None and transport and len(positional) > position:
            arg = positional[position]
        if arg is None:
            return _REQUEST_ABSENT
        values: list[cst.BaseExpression] = [arg.value]
        if isinstance(arg.value, cst.Name):
            values = ctx.index.lookup(arg.value.value, site.context.scope) or values
        states = {self._request_state(ctx, migration, value) for value in values}
        if _REQUEST_HEYGEN in states:
            return _REQUEST_HEYGEN
        if states == {_REQUEST_LIVEAVATAR}:
            return _REQUEST_LIVEAVATAR
        return _REQUEST_UNKNOWN

    @staticmethod
    def _request_state(
        ctx: RuleContext, migration: ImportMigration, value: cst.BaseExpression
    ) -> str:
        if not isinstance(value, cst.Call):
            return _REQUEST_UNKNOWN
        callee = dotted_name(value.func)
        old = migration.old_qualified(callee)
        if old is not None and old.rpartition(".")[2] == fw.PIPECAT_REQUEST:
            return _REQUEST_LIVEAVATAR  # rewritten by this rule
        qualified = ctx.index.qualified_name(callee) or ""
        if qualified == f"{fw.PIPECAT_LIVEAVATAR_API_MODULE}.LiveAvatarNewSessionRequest":
            return _REQUEST_LIVEAVATAR
        if (callee or "").rpartition(".")[2] == fw.PIPECAT_REQUEST or ctx.is_suppressed(value):
            return _REQUEST_HEYGEN  # a HeyGen request this run leaves alone
        return _REQUEST_UNKNOWN

    @staticmethod
    def _service_type_spellings(ctx: RuleContext) -> set[str]:
        target = f"{fw.PIPECAT_CLIENT_MODULE}.{fw.PIPECAT_SERVICE_TYPE}"
        spellings = set()
        for local, qualified in ctx.index.imports.items():
            if qualified == target:
                spellings.add(local)
            elif qualified == fw.PIPECAT_CLIENT_MODULE:
                spellings.add(f"{local}.{fw.PIPECAT_SERVICE_TYPE}")
        return spellings


def _switch_to_live_avatar(updated: cst.CSTNode) -> cst.CSTNode:
    if isinstance(updated, cst.Attribute):
        return updated.with_changes(attr=cst.Name(fw.PIPECAT_LIVE_AVATAR))
    return updated


def _video_settings(by_name: dict[str | None, cst.Arg], settings: str, encoding: str) -> cst.Call:
    quality = by_name.get(fw.PIPECAT_FIELD_QUALITY)
    chosen = by_name.get(fw.PIPECAT_FIELD_ENCODING)
    encoding_value = (
        chosen.value
        if chosen is not None and not _is_none(chosen.value)
        else expression(f"{encoding}.{fw.PIPECAT_DEFAULT_ENCODING}")
    )
    args = [make_arg("encoding", encoding_value)]
    if quality is not None and not _is_none(quality.value):
        args.append(make_arg("quality", quality.value))
    return cst.Call(func=expression(settings), args=relayout(args, []))


def _persona(by_name: dict[str | None, cst.Arg], persona: str) -> cst.Call | None:
    args: list[cst.Arg] = []
    voice = by_name.get(fw.PIPECAT_FIELD_VOICE)
    if voice is not None:
        voice_id, _others, _understood = _voice_id(voice.value)
        if voice_id is not None:
            args.append(make_arg("voice_id", voice_id))
    knowledge = by_name.get(fw.PIPECAT_FIELD_KNOWLEDGE_ID)
    if knowledge is not None and not _is_none(knowledge.value):
        args.append(make_arg("context_id", knowledge.value))
    if not args:
        return None
    return cst.Call(func=expression(persona), args=relayout(args, []))
