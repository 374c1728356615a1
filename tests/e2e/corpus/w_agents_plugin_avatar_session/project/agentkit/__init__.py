"""Offline stand-in for the slice of a LiveKit-Agents-style framework this worker uses.

(The real framework lives under the `livekit` package name; this stand-in has its own name.)
`AgentSession` is an event emitter (`on(event)` registers sync callbacks) whose `say()` commits
an assistant item, `JobContext` carries the `Room` whose local participant can publish
attributes for the frontend, and `simulate()` plays a console session.
"""
import asyncio
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List


class EventEmitter:
    def __init__(self):
        self._handlers: Dict[str, List[Callable]] = {}

    def on(self, event: str, callback: Callable = None):
        def register(fn):
            self._handlers.setdefault(event, []).append(fn)
            return fn

        return register(callback) if callback is not None else register

    def emit(self, event: str, *args):
        for fn in list(self._handlers.get(event, [])):
            fn(*args)


@dataclass
class ChatMessage:
    role: str
    content: List[str]

    @property
    def text_content(self) -> str:
        return "\n".join(self.content)


@dataclass
class ConversationItemAddedEvent:
    item: ChatMessage


@dataclass
class UserStateChangedEvent:
    old_state: str
    new_state: str


@dataclass
class CloseEvent:
    error: Any = None


class LocalParticipant:
    def __init__(self, identity: str):
        self.identity = identity
        self.attributes: Dict[str, str] = {}

    async def set_attributes(self, attributes: Dict[str, str]) -> None:
        self.attributes.update(attributes)


class Room:
    def __init__(self, name: str):
        self.name = name
        self.local_participant = LocalParticipant("agent-worker")


@dataclass
class JobContext:
    room: Room
    sessions: List["AgentSession"] = field(default_factory=list)

    async def connect(self) -> None:
        pass


class Agent:
    def __init__(self, *, instructions: str = ""):
        self.instructions = instructions


class AgentSession(EventEmitter):
    def __init__(self, **components):
        super().__init__()
        self.components = components
        self.agent = None
        self._user_state = "listening"

    async def start(self, *, agent: Agent, room: Room) -> None:
        self.agent = agent

    def say(self, text: str) -> None:
        self.emit("conversation_item_added", ConversationItemAddedEvent(ChatMessage("assistant", [text])))

    def user_state(self, state: str) -> None:
        old, self._user_state = self._user_state, state
        self.emit("user_state_changed", UserStateChangedEvent(old, state))

    async def aclose(self) -> None:
        self.emit("close", CloseEvent())
        await asyncio.sleep(0)


async def simulate(entrypoint, room_name: str, script, frontend=None) -> JobContext:
    """Run the job's entrypoint, show the room's attributes to `frontend`, then play `script`:
    ("say", text) for the agent's replies, ("user", state) for the user's voice activity,
    ("close",) to end the session."""
    original_init = AgentSession.__init__
    ctx = JobContext(room=Room(room_name))

    def tracking_init(self, **components):
        original_init(self, **components)
        ctx.sessions.append(self)

    AgentSession.__init__ = tracking_init
    try:
        await entrypoint(ctx)
    finally:
        AgentSession.__init__ = original_init
    if frontend is not None:
        frontend(dict(ctx.room.local_participant.attributes))
    session = ctx.sessions[-1]
    for step in script:
        if step[0] == "say":
            session.say(step[1])
        elif step[0] == "user":
            session.user_state(step[1])
        elif step[0] == "close":
            await session.aclose()
        await asyncio.sleep(0)
    return ctx
