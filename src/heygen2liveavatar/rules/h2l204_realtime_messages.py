"""H2L204: HeyGen's alpha realtime WebSocket messages become LiveAvatar's LITE messages."""

from __future__ import annotations

import libcst as cst

from ..analysis.call_arguments import without_dict_key
from ..analysis.index import string_value
from ..analysis.payloads import dict_keys
from ..analysis.session_flow import session_flow
from ..analysis.utterance_ids import (
    EVENT_ID_FIELD,
    InstanceUtteranceId,
    Message,
    SharedUtteranceId,
    instance_utterance_id,
    new_id,
    shared_utterance_id,
    with_field,
)
from ..apispec.events import AUDIO_FIELD, REALTIME_MESSAGE_RENAMES
from ..apispec.session_fields import LITE_RESPONSE_FIELDS
from ..model import FIX_SAFE
from .base import Rule, RuleContext, edit_literal


class RealtimeMessagesRule(Rule):
    code = "H2L204"
    name = "realtime-messages"
    summary = (
        "`agent.audio_buffer_*` / `agent.end_listening` WebSocket messages become LiveAvatar's "
        "`agent.speak` / `agent.speak_end` / `agent.interrupt` / `agent.stop_listening`."
    )
    fix = FIX_SAFE
    needs_text = ("agent.audio_buffer", "agent.end_listening", "agent.speak")
    description = """
Code that streamed its own audio to HeyGen's alpha realtime WebSocket (`realtime_endpoint`)
becomes a LiveAvatar LITE session that streams to `ws_url` from the start response (H2L101
chooses LITE for it, H2L404 renames the field). The socket's vocabulary changed:

| HeyGen realtime | LiveAvatar LITE |
|---|---|
| `agent.audio_buffer_append {audio}` | `agent.speak {audio, event_id}` |
| `agent.audio_buffer_commit` | `agent.speak_end {event_id}` |
| `agent.audio_buffer_clear` | `agent.interrupt` |
| `agent.end_listening` | `agent.stop_listening` |

`agent.speak`, `agent.speak_end`, `agent.interrupt` and `agent.start_listening` are already
LiveAvatar's and stay as they are. A commit message that still carries audio is marked: send
that audio with `agent.speak` first (LiveAvatar's `agent.speak_end` has no audio).
"""
    example_before = """
import json

import websockets


async def push(session, chunk, event_id):
    async with websockets.connect(session["realtime_endpoint"]) as ws:
        await ws.send(json.dumps({"type": "agent.audio_buffer_append", "audio": chunk, "event_id": event_id}))
        await ws.send(json.dumps({"type": "agent.audio_buffer_commit", "event_id": event_id}))
"""
    example_after = """
import json

import websockets


async def push(session, chunk, event_id):
    async with websockets.connect(session["realtime_endpoint"]) as ws:
        await ws.send(json.dumps({"type": "agent.speak", "audio": chunk, "event_id": event_id}))
        await ws.send(json.dumps({"type": "agent.speak_end", "event_id": event_id}))
"""

    def check(self, ctx: RuleContext) -> None:
        flow = session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project)
        if flow.usage is None or flow.usage.audio is None:
            return  # not a realtime client of HeyGen's (the words may be another service's)
        reads_endpoint = any(s.key in LITE_RESPONSE_FIELDS for s in ctx.index.subscripts)
        if ctx.settings_role == "none" and not reads_endpoint:
            return  # nothing of HeyGen's streaming in this module or its run
        messages: list[tuple[str, Message]] = []
        for site in ctx.index.strings:
            if site.value in _LITE_UTTERANCE and not site.is_docstring:
                # pipecat's vocabulary, already LiveAvatar's, but its ids were optional
                speak = (
                    _message_dict(ctx, site.node)
                    if isinstance(site.node, cst.SimpleString)
                    else None
                )
                if speak is not None:
                    messages.append((_LITE_UTTERANCE[site.value], speak))
                continue
            new = REALTIME_MESSAGE_RENAMES.get(site.value)
            if new is None or site.is_docstring or not isinstance(site.node, cst.SimpleString):
                continue
            message = _message_dict(ctx, site.node)
            if message is not None:
                messages.append((site.value, message))
            if (
                site.value == "agent.audio_buffer_commit"
                and isinstance(message, cst.Dict)
                and AUDIO_FIELD in dict_keys(message)
                and not _drop_empty_audio(ctx, message)
            ):
                ctx.manual(
                    site.node,
                    "LiveAvatar's `agent.speak_end` carries no audio: send this audio with "
                    "`agent.speak` (same `event_id`) first, then `agent.speak_end`",
                )
                continue
            if edit_literal(ctx, site.node, site.value, new):
                ctx.fixed(site.node, f"`{site.value}` becomes `{new}` (LiveAvatar LITE WebSocket)")
        for append, commit in _utterances(messages):
            shared = shared_utterance_id(ctx.index, append, commit)
            if shared is not None:
                _share_id(ctx, shared)
                continue
            kept = instance_utterance_id(ctx.index, append, commit)
            if kept is not None:
                _keep_id(ctx, kept)


def _drop_empty_audio(ctx: RuleContext, message: cst.Dict) -> bool:
    """``{"type": "agent.audio_buffer_commit", "audio": ""}``: the commit carries no audio
    (an empty literal, or ``None``), so LiveAvatar's ``agent.speak_end`` loses the field."""
    element = dict_keys(message)[AUDIO_FIELD]
    value = element.value
    empty = (isinstance(value, cst.SimpleString) and string_value(value) == "") or (
        isinstance(value, cst.Name) and value.value == "None"
    )
    if not empty:
        return False
    if not ctx.transform(message, without_dict_key(AUDIO_FIELD)):
        return False
    ctx.fixed(element, "the empty `audio` goes: LiveAvatar's `agent.speak_end` carries none")
    return True


_LITE_UTTERANCE = {
    "agent.speak": "agent.audio_buffer_append",
    "agent.speak_end": "agent.audio_buffer_commit",
}
"""LITE messages that already have their LiveAvatar names, as the HeyGen messages they pair like."""


def _utterances(messages: list[tuple[str, Message]]) -> list[tuple[Message, Message]]:
    """Each append message with the first commit after it (in source order), or else the
    last one before it (a consumer loop that commits on a sentinel before sending a chunk)."""
    pairs = []
    for position, (kind, message) in enumerate(messages):
        if kind != "agent.audio_buffer_append":
            continue
        commit = next(
            (m for k, m in messages[position + 1 :] if k == "agent.audio_buffer_commit"), None
        ) or next(
            (m for k, m in reversed(messages[:position]) if k == "agent.audio_buffer_commit"),
            None,
        )
        if commit is not None:
            pairs.append((message, commit))
    return pairs


def _share_id(ctx: RuleContext, shared: SharedUtteranceId) -> None:
    """Mint one id before the chunks and send it with every chunk and the ``agent.speak_end``."""
    minted = cst.SimpleStatementLine(
        [cst.Assign([cst.AssignTarget(cst.Name(shared.name))], shared.minted)]
    )
    if not ctx.insert_before(shared.mint_before, [minted]):
        return
    if shared.needs_uuid:
        ctx.require_import("uuid")
    if shared.renew_after is not None:
        renewed = cst.SimpleStatementLine(
            [cst.Assign([cst.AssignTarget(cst.Name(shared.name))], shared.minted.deep_clone())]
        )
        ctx.insert_after(shared.renew_after, [renewed])
    for value in shared.values:
        ctx.edits.replace(value, cst.Name(shared.name))
    for message in shared.without:
        ctx.transform(
            message,
            lambda updated: with_field(updated, EVENT_ID_FIELD, cst.Name(shared.name)),
        )
    ctx.fixed(
        (*shared.values, *shared.without)[0],
        f"every `agent.speak` chunk of the utterance and its `agent.speak_end` carry one "
        f"`event_id` (`{shared.name}`): LiveAvatar groups the chunks of an utterance by it",
    )


def _keep_id(ctx: RuleContext, kept: InstanceUtteranceId) -> None:
    """``self._utterance_id``: minted in ``__init__`` and after each ``agent.speak_end``, sent
    with every chunk and the end."""

    def mint() -> cst.SimpleStatementLine:
        target = cst.Attribute(cst.Name("self"), cst.Name(kept.attribute))
        return cst.SimpleStatementLine([cst.Assign([cst.AssignTarget(target)], new_id())])

    if not ctx.insert_after(kept.init_last, [mint()]):
        return
    ctx.insert_after(kept.commit_statement, [mint()])
    ctx.require_import("uuid")
    value = cst.Attribute(cst.Name("self"), cst.Name(kept.attribute))
    for message in kept.messages:
        ctx.transform(
            message,
            lambda updated: with_field(updated, EVENT_ID_FIELD, value),
        )
    ctx.fixed(
        kept.messages[0],
        f"every `agent.speak` chunk of an utterance and its `agent.speak_end` carry one "
        f"`event_id` (`self.{kept.attribute}`, renewed after each end): LiveAvatar requires it",
    )


def _message_dict(ctx: RuleContext, node: cst.SimpleString) -> Message | None:
    """The message ``node`` types: its dict, or a send helper's call taking the type first
    (``self._send("agent.audio_buffer_append", audio=chunk)``)."""
    element = ctx.index.parent_of(node)
    if isinstance(element, cst.DictElement):
        holder = ctx.index.parent_of(element)
        return holder if isinstance(holder, cst.Dict) else None
    if isinstance(element, cst.Arg) and element.keyword is None:
        call = ctx.index.parent_of(element)
        if isinstance(call, cst.Call) and call.args and call.args[0] is element:
            return call
    return None


__all__ = ["RealtimeMessagesRule"]
