"""H2L501 for pipecat's HeyGen service classes: without ``service_type=ServiceType.LIVE_AVATAR``
pipecat keeps calling HeyGen and ignores a LiveAvatar session request with only a warning."""

from __future__ import annotations

import libcst as cst

from ..analysis.call_arguments import (
    enum_member,
    expression,
    find_keyword,
    has_unpacking,
    make_arg,
    with_args,
)
from ..analysis.index import CallSite
from ..analysis.pipecat_requests import (
    REQUEST_ABSENT,
    REQUEST_HEYGEN,
    REQUEST_UNKNOWN,
    service_argument,
    service_type_spellings,
    session_request_state,
)
from ..apispec import frameworks as fw
from .base import RuleContext
from .h2l500_frameworks import ImportMigration


def migrate_service_call(ctx: RuleContext, migration: ImportMigration, site: CallSite) -> None:
    """``HeyGenVideoService(...)`` / ``HeyGenTransport(...)`` / ``HeyGenClient(...)`` get
    ``service_type=ServiceType.LIVE_AVATAR`` (or switch ``INTERACTIVE_AVATAR`` to it)."""
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
    transport = short == "HeyGenTransport"
    service_type = service_argument(call, fw.PIPECAT_SERVICE_TYPE_PARAM, transport)
    enum_locals = service_type_spellings(ctx.index)
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
    request_state = session_request_state(
        ctx.index, migration.bindings, site, transport, ctx.is_suppressed
    )
    if request_state == REQUEST_HEYGEN:
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
        return with_args(updated, [*updated.args, make_arg(fw.PIPECAT_SERVICE_TYPE_PARAM, value)])

    if not ctx.transform(call, add_service_type):
        return
    ctx.fixed(
        call,
        f"adds `service_type=ServiceType.LIVE_AVATAR` to `{short}`: without it pipecat keeps "
        "the HeyGen API and ignores a LiveAvatar request",
    )
    if request_state == REQUEST_ABSENT:
        ctx.manual(
            call,
            f"`{short}` uses pipecat's default LiveAvatar avatar: pass "
            "`session_request=LiveAvatarNewSessionRequest(avatar_id=<your avatar's UUID>)`",
        )
    elif request_state == REQUEST_UNKNOWN:
        ctx.manual(
            call,
            "make sure `session_request` is a `LiveAvatarNewSessionRequest` (pipecat ignores "
            "a HeyGen `NewSessionRequest` under `ServiceType.LIVE_AVATAR`)",
        )


def _switch_to_live_avatar(updated: cst.CSTNode) -> cst.CSTNode:
    if isinstance(updated, cst.Attribute):
        return updated.with_changes(attr=cst.Name(fw.PIPECAT_LIVE_AVATAR))
    return updated
