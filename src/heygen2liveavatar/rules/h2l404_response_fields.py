"""H2L404: reads of HeyGen session response fields get LiveAvatar's names and sources."""

from __future__ import annotations

import libcst as cst

from ..analysis.itemgetters import itemgetter_reads
from ..analysis.match_patterns import PatternRead, pattern_reads
from ..analysis.responses import FieldRead
from ..analysis.session_flow import SessionFlow, StartBinding, from_start_binding, session_flow
from ..apispec.session_fields import (
    ENVELOPE_DATA_KEY,
    RESPONSE_FIELDS,
    RESPONSE_FIELDS_BY_ENDPOINT,
)
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext, edit_literal
from .public_session_returns import keep_public_keys
from .response_model_constructions import migrate_model_constructions
from .task_response_shape import SHARED_HANDLED_READS, adapted_here
from .token_model_reads import mark_token_model_reads


class ResponseFieldsRule(Rule):
    code = "H2L404"
    name = "response-fields"
    summary = (
        "Reads of session response fields follow LiveAvatar: `url` -> `livekit_url` (from the "
        "start response), `token` -> `session_token`, ..."
    )
    fix = FIX_UNSAFE
    description = """
Renames the keys code reads from HeyGen session responses, wherever the read happens: next to
the request, in another method through `self.attr`, or in a caller of a function that returns
the response. Only values that come from a HeyGen request are touched; other `["url"]` reads
in the module are left alone.

| HeyGen | LiveAvatar |
|---|---|
| create_token `data.token` | token `data.session_token` |
| new `data.url` | start `data.livekit_url` |
| new `data.access_token` | start `data.livekit_client_token` |
| new `data.realtime_endpoint` | start `data.ws_url` (LITE) |
| new `data.session_duration_limit` | start `data.max_session_duration` |

The LiveKit fields come from the **start** response; H2L101 merges it into the token
response (`liveavatar_bridge.start_session`), so reads of the former `streaming.new` response
are renamed where they are, also in other modules that call the function that opened the
session (a whole-project run knows those functions). Fields with no successor (`is_paid`,
`sdp`, `ice_servers`, `ice_servers2`) are marked.

The project's interface keeps its shape:

- a typed model mirroring the response (pydantic `BaseModel`, `@dataclass`, `TypedDict`) keeps
  its fields for the code that reads them, and is built from LiveAvatar's keys
  (`Session(**data)` -> `Session(session_id=data["session_id"], url=data["livekit_url"], ...)`);
- a function that returned the response's `data` as it was (to a route's JSON, a script, a
  test) returns it with the HeyGen-era keys too (`{**data, "url": data.get("livekit_url"),
  ...}`): its callers outside the project read `url` and `access_token`.
"""
    example_before = """
import requests

BASE = "https://api.heygen.com/v1"


def open_room(headers, avatar_id):
    body = {"avatar_id": avatar_id}
    info = requests.post(f"{BASE}/streaming.new", json=body, headers=headers).json()["data"]
    requests.post(f"{BASE}/streaming.start", json={"session_id": info["session_id"]}, headers=headers)
    return info["url"], info["access_token"]
"""
    example_after = """
import requests
import liveavatar_bridge

BASE = "https://api.liveavatar.com/v1"


def open_room(headers, avatar_id):
    body = {
        "mode": "FULL",
        "avatar_id": avatar_id,
        "video_settings": {"encoding": "VP8"},
        "avatar_persona": {},
    }
    info = liveavatar_bridge.start_session(
        requests.post(f"{BASE}/sessions/token", json=body, headers=headers).json()
    )["data"]
    return info["livekit_url"], info["livekit_client_token"]
"""

    def check(self, ctx: RuleContext) -> None:
        flow = session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project)
        migrate_model_constructions(ctx, flow)
        keep_public_keys(ctx, flow)
        mark_token_model_reads(ctx)
        keys = {
            key for endpoint_keys in RESPONSE_FIELDS_BY_ENDPOINT.values() for key in endpoint_keys
        }
        handled = ctx.shared.get(SHARED_HANDLED_READS, set())
        assert isinstance(handled, set)
        for read in flow.tracker.field_reads(keys):
            endpoint = read.origin.endpoint_key
            if endpoint is None or read.key not in RESPONSE_FIELDS_BY_ENDPOINT.get(endpoint, ()):
                continue
            if flow.is_removed(read.node) or id(read.node) in handled:
                continue  # gone, or a task field the event rules rewrote or marked
            if adapted_here(ctx, read.origin.request, read.context):
                continue  # the event rules adapted the uses of what replaced the request
            self._read(ctx, flow, read)
        unfollowed: dict[int, tuple[cst.CSTNode, list[str]]] = {}
        for getter_read in itemgetter_reads(flow.tracker, keys):
            read = getter_read.read
            endpoint = read.origin.endpoint_key
            if endpoint is None or read.key not in RESPONSE_FIELDS_BY_ENDPOINT.get(endpoint, ()):
                continue
            if flow.is_removed(read.node) or id(read.node) in handled:
                continue
            name = getter_read.getter
            if getter_read.followed and not (
                ctx.project is not None and name in ctx.project.imported_names
            ):
                self._read(ctx, flow, read)
            elif RESPONSE_FIELDS[read.key].liveavatar not in (None, read.key):
                unfollowed.setdefault(id(read.node), (read.node, []))[1].append(
                    f"`{read.key}` (now `{RESPONSE_FIELDS[read.key].liveavatar}`)"
                )
        for node, renamed in unfollowed.values():
            ctx.manual(
                node,
                f"this getter reads {', '.join(renamed)} from the session response, and other "
                "values too (so its keys stay): read the new keys from this response",
            )
        for pattern in pattern_reads(ctx.index, flow.tracker, keys):
            endpoint = pattern.origin.endpoint_key
            if endpoint is None or pattern.key not in RESPONSE_FIELDS_BY_ENDPOINT.get(endpoint, ()):
                continue
            if not flow.is_removed(pattern.element):
                self._pattern(ctx, flow, pattern)

    def _pattern(self, ctx: RuleContext, flow: SessionFlow, pattern: PatternRead) -> None:
        """``case {"data": {"url": str(url)}}``: the key the subject has now, like a read."""
        spec = RESPONSE_FIELDS[pattern.key]
        node = pattern.key_node
        if spec.liveavatar is None:
            ctx.manual(node, f"`{pattern.key}` has no LiveAvatar successor: {spec.note}")
            return
        new_key = spec.liveavatar
        if spec.from_start and pattern.origin.endpoint_key != "new":
            ctx.manual(
                node,
                f"`{new_key}` comes from the /v1/sessions/start response now: match it there",
            )
            return
        if pattern.key != new_key and edit_literal(ctx, node, pattern.key, new_key):
            source = " (from the start response)" if spec.from_start else ""
            ctx.fixed(node, f"`{pattern.key}` becomes `{new_key}`{source} in this pattern")

    def _read(self, ctx: RuleContext, flow: SessionFlow, read: FieldRead) -> None:
        spec = RESPONSE_FIELDS[read.key]
        if spec.liveavatar is None:
            ctx.manual(read.node, f"`{read.key}` has no LiveAvatar successor: {spec.note}")
            return
        new_key = spec.liveavatar
        if not spec.from_start:
            if edit_literal(ctx, read.key_node, read.key, new_key):
                ctx.fixed(read.node, f"`{read.key}` becomes `{new_key}`")
            return
        if read.origin.endpoint_key == "new":
            # The token call's parsed response is passed through
            # ``liveavatar_bridge.start_session`` (H2L101), which merges start's data into it.
            if edit_literal(ctx, read.key_node, read.key, new_key):
                ctx.fixed(read.node, f"`{read.key}` becomes `{new_key}` (from the start response)")
            # A client token handed to a viewer while the code sends events needs no marker:
            # the helper joins with ``livekit_agent_token`` and warns at run time for a session
            # that has none, the only case where the viewer would be disconnected.
            return
        binding = (
            None
            if isinstance(read.node, cst.SimpleString) or read.through_path
            else from_start_binding(flow, read)
        )
        if binding is not None:
            self._from_start(ctx, read, binding, new_key)
            return
        renamed = read.key != new_key and edit_literal(ctx, read.key_node, read.key, new_key)
        ctx.manual(
            read.node,
            f"`{new_key}` comes from the /v1/sessions/start response now, not the token "
            f"response (formerly streaming.new){': read it there' if renamed or read.key == new_key else ''}",
        )

    def _from_start(
        self, ctx: RuleContext, read: FieldRead, binding: StartBinding, new_key: str
    ) -> None:
        """``info["url"]`` -> ``started["livekit_url"]`` (the start response bound earlier)."""
        base: cst.BaseExpression = cst.Name(binding.name)
        if not binding.data_level:
            base = cst.Subscript(
                value=base,
                slice=[cst.SubscriptElement(cst.Index(_like(read.key_node, ENVELOPE_DATA_KEY)))],
            )
        key = _like(read.key_node, new_key)

        def move(updated: cst.CSTNode) -> cst.CSTNode:
            if isinstance(updated, cst.Subscript):
                return updated.with_changes(
                    value=base, slice=[cst.SubscriptElement(cst.Index(key))]
                )
            assert isinstance(updated, cst.Call) and isinstance(updated.func, cst.Attribute)
            args = list(updated.args)
            args[0] = args[0].with_changes(value=key)
            return updated.with_changes(func=updated.func.with_changes(value=base), args=args)

        if ctx.transform(read.node, move):
            ctx.fixed(
                read.node,
                f"`{read.key}` comes from the start response now: reads `{new_key}` from `{binding.name}`",
            )


def _like(reference: cst.SimpleString, value: str) -> cst.SimpleString:
    quote = "'" if reference.value.endswith("'") else '"'
    return cst.SimpleString(f"{quote}{value}{quote}")


__all__ = ["ResponseFieldsRule"]
