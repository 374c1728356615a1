"""pipecat's HeyGen session request and service constructors, read and rebuilt for LiveAvatar.

``NewSessionRequest(...)`` (pipecat's HeyGen request model) sets fields that LiveAvatar groups
differently: quality and encoding go to ``VideoSettings``, the voice id and knowledge id to
``AvatarPersona``, and some fields have no LiveAvatar counterpart. :func:`read_session_request`
recognises which fields a request sets (and which arguments the rewrite moves or drops);
:func:`liveavatar_request` regroups its arguments for ``LiveAvatarNewSessionRequest``, with
:func:`video_settings` and :func:`avatar_persona` building the nested objects.
:func:`service_argument` finds an argument of a service constructor, also positionally for
``HeyGenTransport``; :func:`session_request_state` tells which request a service gets, and
:func:`service_type_spellings` how this module can spell pipecat's ``ServiceType``. Read by H2L501; the field names are data in ``apispec.frameworks``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import libcst as cst

from ..apispec import frameworks as fw
from .call_arguments import (
    expression,
    find_keyword,
    has_unpacking,
    keyword,
    make_arg,
    relayout,
    rename_keyword,
    string_literal,
    with_args,
)
from .import_bindings import Binding, old_qualified
from .index import CallSite, ModuleIndex, dotted_name

VIDEO_FIELDS = (fw.PIPECAT_FIELD_QUALITY, fw.PIPECAT_FIELD_ENCODING)
PERSONA_FIELDS = (fw.PIPECAT_FIELD_VOICE, fw.PIPECAT_FIELD_KNOWLEDGE_ID)


def is_none(node: cst.BaseExpression | None) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def voice_id_of(voice: cst.BaseExpression) -> tuple[cst.BaseExpression | None, list[str], bool]:
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
            elif not is_none(arg.value):
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
            elif not is_none(element.value):
                others.append(key)
        return found, others, True
    return None, [], False


@dataclass
class SessionRequest:
    """What one ``NewSessionRequest(...)`` call sets."""

    site: CallSite
    avatar: cst.Arg | None = None
    has_video: bool = False
    has_persona: bool = False
    voice_understood: bool = True
    voice_others: list[str] = field(default_factory=list)
    dropped: list[tuple[cst.Arg, str | None]] = field(default_factory=list)
    """Arguments without a LiveAvatar field, with the reason to report (``None``: silently)."""
    moved: list[cst.Arg] = field(default_factory=list)
    """Arguments the rewrite removes or folds into a nested object."""


def read_session_request(site: CallSite) -> SessionRequest | None:
    """The fields a request sets; ``None`` when its arguments are unpacked or positional."""
    call = site.node
    if has_unpacking(call) or any(arg.keyword is None for arg in call.args):
        return None
    request = SessionRequest(site)
    for arg in call.args:
        name = keyword(arg) or ""
        if name in fw.PIPECAT_FIELD_AVATAR:
            request.avatar = arg
        elif name in VIDEO_FIELDS:
            if is_none(arg.value):
                request.dropped.append((arg, None))
            else:
                request.has_video = True
                request.moved.append(arg)
        elif name == fw.PIPECAT_FIELD_VOICE:
            request.moved.append(arg)
            if is_none(arg.value):
                request.dropped.append((arg, None))
                continue
            voice_id, others, understood = voice_id_of(arg.value)
            request.voice_understood = understood
            request.voice_others = others
            if voice_id is not None:
                request.has_persona = True
        elif name == fw.PIPECAT_FIELD_KNOWLEDGE_ID:
            request.moved.append(arg)
            if is_none(arg.value):
                request.dropped.append((arg, None))
            else:
                request.has_persona = True
        elif name in fw.PIPECAT_DROPPED_SILENTLY:
            request.moved.append(arg)
            request.dropped.append((arg, None))
        elif name in fw.PIPECAT_DROPPED_WITH_REASON:
            request.moved.append(arg)
            request.dropped.append((arg, fw.PIPECAT_DROPPED_WITH_REASON[name]))
    return request


def video_settings(by_name: dict[str | None, cst.Arg], settings: str, encoding: str) -> cst.Call:
    """``VideoSettings(encoding=..., quality=...)`` from a request's arguments by keyword,
    spelled with the local names ``settings`` and ``encoding``."""
    quality = by_name.get(fw.PIPECAT_FIELD_QUALITY)
    chosen = by_name.get(fw.PIPECAT_FIELD_ENCODING)
    encoding_value = (
        chosen.value
        if chosen is not None and not is_none(chosen.value)
        else expression(f"{encoding}.{fw.PIPECAT_DEFAULT_ENCODING}")
    )
    args = [make_arg("encoding", encoding_value)]
    if quality is not None and not is_none(quality.value):
        args.append(make_arg("quality", quality.value))
    return cst.Call(func=expression(settings), args=relayout(args, []))


def avatar_persona(by_name: dict[str | None, cst.Arg], persona: str) -> cst.Call | None:
    """``AvatarPersona(voice_id=..., context_id=...)``, or ``None`` when neither is set."""
    args: list[cst.Arg] = []
    voice = by_name.get(fw.PIPECAT_FIELD_VOICE)
    if voice is not None:
        voice_id, _others, _understood = voice_id_of(voice.value)
        if voice_id is not None:
            args.append(make_arg("voice_id", voice_id))
    knowledge = by_name.get(fw.PIPECAT_FIELD_KNOWLEDGE_ID)
    if knowledge is not None and not is_none(knowledge.value):
        args.append(make_arg("context_id", knowledge.value))
    if not args:
        return None
    return cst.Call(func=expression(persona), args=relayout(args, []))


def service_argument(call: cst.Call, param: str, transport: bool) -> cst.Arg | None:
    """The argument for ``param`` of a service constructor: by keyword, or by position for
    ``HeyGenTransport`` (the one class that takes them positionally)."""
    arg = find_keyword(call, param)
    position = fw.PIPECAT_TRANSPORT_POSITIONS[param]
    positional = [arg for arg in call.args if arg.keyword is None]
    if arg is None and transport and len(positional) > position:
        arg = positional[position]
    return arg


def service_type_spellings(index: ModuleIndex) -> set[str]:
    """How this module spells pipecat's ``ServiceType`` (``ServiceType``, ``client.ServiceType``)."""
    target = f"{fw.PIPECAT_CLIENT_MODULE}.{fw.PIPECAT_SERVICE_TYPE}"
    spellings = set()
    for local, qualified in index.imports.items():
        if qualified == target:
            spellings.add(local)
        elif qualified == fw.PIPECAT_CLIENT_MODULE:
            spellings.add(f"{local}.{fw.PIPECAT_SERVICE_TYPE}")
    return spellings


def liveavatar_request(
    request: SessionRequest,
    updated: cst.Call,
    settings: str | None,
    encoding: str | None,
    persona: str | None,
) -> cst.Call:
    """The arguments of ``request`` (``updated``: the call as other edits left it) regrouped
    for ``LiveAvatarNewSessionRequest``; ``settings``, ``encoding`` and ``persona`` are the
    local names of ``VideoSettings``, ``VideoEncoding`` and ``AvatarPersona``."""
    call = request.site.node
    dropped = {id(arg) for arg, _reason in request.dropped}
    by_name = {keyword(arg): arg for arg in updated.args}
    args: list[cst.Arg] = []
    video_done = persona_done = False
    for original, arg in zip(call.args, updated.args):
        name = keyword(arg)
        if id(original) in dropped:
            continue
        if name in fw.PIPECAT_FIELD_AVATAR:
            args.append(arg if name == "avatar_id" else rename_keyword(arg, "avatar_id"))
        elif name in VIDEO_FIELDS:
            if not video_done:
                video_done = True
                assert settings is not None and encoding is not None
                args.append(make_arg("video_settings", video_settings(by_name, settings, encoding)))
        elif name in PERSONA_FIELDS:
            if not persona_done:
                persona_done = True
                assert persona is not None
                value = avatar_persona(by_name, persona)
                if value is not None:
                    args.append(make_arg("avatar_persona", value))
        else:
            args.append(arg)
    if request.avatar is None:
        args.insert(0, make_arg("avatar_id", string_literal(fw.PIPECAT_DEFAULT_AVATAR_ID)))
    return with_args(updated, args)


REQUEST_ABSENT = "absent"
REQUEST_LIVEAVATAR = "liveavatar"
REQUEST_HEYGEN = "heygen"
REQUEST_UNKNOWN = "unknown"


def session_request_state(
    index: ModuleIndex,
    bindings: Sequence[Binding],
    site: CallSite,
    transport: bool,
    suppressed: Callable[[cst.CSTNode], bool],
) -> str:
    """Which request a service constructor gets (``REQUEST_*``): none, a LiveAvatar one (also
    one this run rewrites through ``bindings``), a HeyGen one this run leaves alone (named
    ``NewSessionRequest`` or ``suppressed``), or one it cannot tell."""
    arg = service_argument(site.node, fw.PIPECAT_SERVICE_REQUEST_PARAM, transport)
    if arg is None:
        return REQUEST_ABSENT
    values: list[cst.BaseExpression] = [arg.value]
    if isinstance(arg.value, cst.Name):
        values = index.lookup(arg.value.value, site.context.scope) or values
    states = {_request_state(index, bindings, value, suppressed) for value in values}
    if REQUEST_HEYGEN in states:
        return REQUEST_HEYGEN
    if states == {REQUEST_LIVEAVATAR}:
        return REQUEST_LIVEAVATAR
    return REQUEST_UNKNOWN


def _request_state(
    index: ModuleIndex,
    bindings: Sequence[Binding],
    value: cst.BaseExpression,
    suppressed: Callable[[cst.CSTNode], bool],
) -> str:
    if not isinstance(value, cst.Call):
        return REQUEST_UNKNOWN
    callee = dotted_name(value.func)
    old = old_qualified(bindings, callee)
    if old is not None and old.rpartition(".")[2] == fw.PIPECAT_REQUEST:
        return REQUEST_LIVEAVATAR  # rewritten by this rule
    qualified = index.qualified_name(callee) or ""
    if qualified == f"{fw.PIPECAT_LIVEAVATAR_API_MODULE}.LiveAvatarNewSessionRequest":
        return REQUEST_LIVEAVATAR
    if (callee or "").rpartition(".")[2] == fw.PIPECAT_REQUEST or suppressed(value):
        return REQUEST_HEYGEN  # a HeyGen request this run leaves alone
    return REQUEST_UNKNOWN
