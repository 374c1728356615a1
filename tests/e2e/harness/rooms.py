"""The LiveKit rooms of the stand-ins' sessions, and who joined and published in them.

Nothing here speaks the LiveKit protocol: the viewer (``e2e_support.viewer``) and the recording
``livekit`` package report joins, publishes and leaves over plain HTTP, and this registry
applies what LiveKit and LiveAvatar would do with them: the token must be one the stand-in
issued for that room and URL, a second participant with the same identity kicks the first
(LiveKit's DUPLICATE_IDENTITY), and LiveAvatar FULL commands are checked field by field.
"""

from __future__ import annotations

import itertools
import json
import threading
from dataclasses import dataclass, field
from typing import Any

from . import livekit_tokens
from .recording import Recording

# FULL-mode commands on topic agent-control (api-reference 4.1) and their payload fields.
FULL_COMMANDS: dict[str, tuple[str, ...]] = {
    "avatar.speak_text": ("text",),
    "avatar.speak_response": ("text",),
    "avatar.interrupt": (),
    "avatar.start_listening": (),
    "avatar.stop_listening": (),
    "user.start_push_to_talk": (),
    "user.stop_push_to_talk": (),
}
TRACE_KIND = {
    "avatar.speak_text": "speak_text",
    "avatar.speak_response": "speak_response",
    "avatar.interrupt": "interrupt",
    "avatar.start_listening": "start_listening",
    "avatar.stop_listening": "stop_listening",
    "user.start_push_to_talk": "push_to_talk.start",
    "user.stop_push_to_talk": "push_to_talk.stop",
}
ENVELOPE = ("event_id", "event_type", "session_id", "source_event_id")


@dataclass
class Participant:
    pid: str
    identity: str
    role: str  # "viewer" (e2e_support.viewer) or "program" (the recording livekit package)
    room: RoomInfo
    gone: str | None = None  # why it is no longer in the room
    can_publish_data: bool = True


@dataclass
class RoomInfo:
    name: str
    api: str  # "HeyGen" or "LiveAvatar"
    session_id: str
    url: str
    mode: str  # "HEYGEN", "FULL" or "LITE"
    has_context: bool = False
    client_identity: str = ""
    agent_identity: str = ""
    interactivity: str = "CONVERSATIONAL"
    closed: bool = False
    present: dict[str, Participant] = field(default_factory=dict)


class JoinError(Exception):
    pass


class Rooms:
    def __init__(self, recording: Recording) -> None:
        self.recording = recording
        self.rooms: dict[str, RoomInfo] = {}
        self.participants: dict[str, Participant] = {}
        self.ids = itertools.count(1)
        self.lock = threading.RLock()

    def reset(self, recording: Recording) -> None:
        with self.lock:
            self.recording = recording
            self.rooms.clear()
            self.participants.clear()

    def open(self, room: RoomInfo) -> None:
        with self.lock:
            self.rooms[room.name] = room

    def close(self, name: str) -> None:
        """The session ended: LiveKit removes everyone from its room."""
        with self.lock:
            room = self.rooms.get(name)
            if room is None:
                return
            room.closed = True
            for participant in room.present.values():
                participant.gone = "the room was closed (the session was stopped)"
            room.present.clear()

    # The operations the HTTP endpoint exposes ------------------------------------------------
    def connect(self, url: object, token: object, role: str) -> Participant:
        who = "the viewer" if role == "viewer" else "the program's LiveKit room"
        with self.lock:
            try:
                grant = livekit_tokens.verify(token)
            except livekit_tokens.InvalidToken as error:
                message = f"{who} joined with a token the stand-in never issued: {error}"
                raise self._refuse(message) from None
            room = self.rooms.get(grant.room)
            if room is None:
                raise self._refuse(f"{who} joined unknown room {grant.room!r}")
            if url != room.url:
                raise self._refuse(
                    f"{who} joined {room.api} session room with URL {url!r}; "
                    f"the session's LiveKit URL is {room.url!r}"
                )
            if room.closed:
                raise self._refuse(f"{who} joined the room of a session that was stopped")
            if role == "viewer" and room.agent_identity and grant.identity == room.agent_identity:
                self.recording.problem(
                    "the viewer joined with the livekit_agent_token: the frontend must get the "
                    "livekit_client_token (HeyGen access_token)"
                )
            participant = Participant(
                f"p{next(self.ids)}", grant.identity, role, room, None, grant.can_publish_data
            )
            earlier = room.present.get(grant.identity)
            if earlier is not None:
                earlier.gone = (
                    f"DUPLICATE_IDENTITY: {participant.role} joined as {grant.identity!r}"
                )
                if earlier.role == "viewer":
                    self.recording.problem(
                        f"duplicate identity {grant.identity!r}: the viewer was kicked out of the "
                        f"room when a {role} participant joined with the same token "
                        "(LiveKit allows one participant per identity)"
                    )
            room.present[grant.identity] = participant
            self.participants[participant.pid] = participant
            if role == "viewer":
                self.recording.add("viewer.join", room.session_id)
            return participant

    def disconnect(self, pid: str) -> None:
        with self.lock:
            participant = self.participants.get(pid)
            if participant is None or participant.gone:
                return
            participant.gone = "disconnected"
            room = participant.room
            if room.present.get(participant.identity) is participant:
                del room.present[participant.identity]

    def publish(
        self, pid: str, payload: bytes, *, reliable: bool, topic: str, destinations: list[str]
    ) -> None:
        with self.lock:
            participant = self.participants.get(pid)
            if participant is None:
                raise self._refuse("publish_data from a participant that never joined")
            if participant.gone:
                message = (
                    f"publish_data from {participant.identity!r}, which is no longer in the room "
                    f"({participant.gone})"
                )
                if participant.role == "program" and "program joined" in participant.gone:
                    # Another process of the same program took the identity (one worker per
                    # request): LiveKit just fails this publish; joining again is the remedy.
                    raise JoinError(message)
                raise self._refuse(message)
            if not participant.can_publish_data:
                raise self._refuse(f"{participant.identity!r} has no canPublishData grant")
            room = participant.room
            if room.api != "LiveAvatar":
                self.recording.problem(f"data published into a {room.api} room: {payload!r}")
                return
            self._full_command(room, payload, reliable=reliable, topic=topic)

    # LiveAvatar FULL commands -----------------------------------------------------------------
    def _full_command(self, room: RoomInfo, payload: bytes, *, reliable: bool, topic: str) -> None:
        problem = self.recording.problem
        where = "LiveKit data"
        if topic != "agent-control":
            problem(f"{where} on topic {topic!r}: the avatar takes commands on 'agent-control'")
            return
        if not reliable:
            problem(f"{where}: commands must be published with reliable=True")
        try:
            event: Any = json.loads(payload)
        except ValueError:
            problem(f"{where}: payload is not JSON: {payload[:200]!r}")
            return
        if not isinstance(event, dict):
            problem(f"{where}: payload is not a JSON object: {event!r}")
            return
        event_type = event.get("event_type")
        if event_type not in FULL_COMMANDS:
            problem(f"{where}: unknown event_type {event_type!r} in {event!r}")
            return
        where = f"{where} {event_type}"
        if not isinstance(event.get("event_id"), str) or not event["event_id"]:
            problem(f"{where}: event_id must be a non-empty string, got {event!r}")
        if event.get("session_id") != room.session_id:
            problem(
                f"{where}: session_id {event.get('session_id')!r} is not the room's session "
                f"{room.session_id!r}"
            )
        source = event.get("source_event_id")
        if source is not None and not isinstance(source, str):
            problem(f"{where}: source_event_id must be a string or null")
        fields = FULL_COMMANDS[event_type]
        unknown = sorted(set(event) - set(ENVELOPE) - set(fields))
        if unknown:
            problem(f"{where}: unknown fields {unknown} in {event!r}")
        for name in fields:
            if not isinstance(event.get(name), str) or not event[name]:
                problem(f"{where}: {name} must be a non-empty string, got {event.get(name)!r}")
        if room.mode != "FULL":
            if event_type in ("avatar.speak_text", "avatar.speak_response"):
                problem(
                    f"{where} in a LITE session: text cannot be spoken in LITE mode "
                    "(send audio with agent.speak on the ws_url WebSocket)"
                )
            else:
                problem(f"{where} in a LITE session: LITE commands go over the ws_url WebSocket")
            return
        if event_type == "avatar.speak_response" and not room.has_context:
            problem(
                f"{where}: no context: FULL avatar stays silent (the session token had no "
                "avatar_persona.context_id)"
            )
            return
        if "push_to_talk" in event_type and room.interactivity != "PUSH_TO_TALK":
            problem(f"{where}: only PUSH_TO_TALK sessions take push-to-talk commands")
        text = event.get("text")
        details = (text,) if isinstance(text, str) else ()
        self.recording.add(TRACE_KIND[event_type], room.session_id, *details)

    def _refuse(self, message: str) -> JoinError:
        self.recording.problem(message)
        return JoinError(message)
