"""Fields of a migrated request's JSON body that LiveAvatar does not take."""

from __future__ import annotations

import libcst as cst

from ..analysis.index import string_value
from ..analysis.payloads import find_payload_dict
from ..apispec.session_fields import IDLE_TIMEOUT_NOTE
from .base import RuleContext, request_blocked

IDLE_TIMEOUT_FIELDS = ("activity_idle_timeout", "disable_idle_timeout")


def drop_idle_timeouts(ctx: RuleContext, endpoint_key: str) -> None:
    """``{"session_id": sid, "activity_idle_timeout": 120}`` sent with keep-alive (or stop)
    loses HeyGen's idle-timeout fields: LiveAvatar's body is ``{session_id}``."""
    for request in ctx.streaming_requests:
        endpoint = request.endpoint
        if endpoint is None or endpoint.key != endpoint_key or request.payload is None:
            continue
        if request_blocked(ctx, request):
            continue
        node = find_payload_dict(request.payload.value, ctx.index, request.call.context)
        if node is None:
            continue
        dropped = [
            element
            for element in node.elements
            if isinstance(element, cst.DictElement)
            and string_value(element.key) in IDLE_TIMEOUT_FIELDS
        ]
        if not dropped or len(dropped) == len(node.elements):
            continue
        names = {string_value(element.key) for element in dropped}

        def without(updated: cst.CSTNode, names: set[str | None] = names) -> cst.CSTNode:
            assert isinstance(updated, cst.Dict)
            kept = [
                element
                for element in updated.elements
                if not (isinstance(element, cst.DictElement) and string_value(element.key) in names)
            ]
            last = updated.elements[-1]
            if kept and kept[-1] is not last:
                # The last element kept takes the comma (or its absence) of the old last one.
                kept[-1] = kept[-1].with_changes(comma=last.comma)
            return updated.with_changes(elements=kept)

        if ctx.transform(node, without):
            for element in dropped:
                ctx.fixed(
                    element,
                    f"`{string_value(element.key)}` is dropped from the {endpoint_key} body: "
                    f"{IDLE_TIMEOUT_NOTE}",
                )
