"""An offline slice of a LiveKit-agents-like worker API (rooms are simulated in memory).

``Worker(WorkerOptions(entrypoint_fnc=...)).run_job(room_name)`` runs the entrypoint for one
job, then its shutdown callbacks. ``AgentSession.say`` hands text to every registered output.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Protocol


class LocalParticipant:
    def __init__(self, identity: str) -> None:
        self.identity = identity
        self.attributes: dict[str, str] = {}

    async def set_attributes(self, attributes: dict[str, str]) -> None:
        self.attributes.update(attributes)


class Room:
    def __init__(self, name: str) -> None:
        self.name = name
        self.local_participant = LocalParticipant(f"agent-{name}")


class JobContext:
    def __init__(self, room: Room) -> None:
        self.room = room
        self.proc_userdata: dict[str, Any] = {}
        self._shutdown: list[Callable[[], Awaitable[None]]] = []
        self.connected = False

    async def connect(self) -> None:
        self.connected = True

    def add_shutdown_callback(self, callback: Callable[[], Awaitable[None]]) -> None:
        self._shutdown.append(callback)


class TextOutput(Protocol):
    async def on_text(self, text: str, *, allow_interruptions: bool) -> None: ...
    async def on_interrupt(self) -> None: ...


class AgentSession:
    def __init__(self, instructions: str = "") -> None:
        self.instructions = instructions
        self.outputs: list[TextOutput] = []
        self.history: list[str] = []

    def add_output(self, output: TextOutput) -> None:
        self.outputs.append(output)

    async def say(self, text: str, *, allow_interruptions: bool = True) -> None:
        self.history.append(text)
        for output in self.outputs:
            await output.on_text(text, allow_interruptions=allow_interruptions)

    async def interrupt(self) -> None:
        for output in self.outputs:
            await output.on_interrupt()


@dataclass
class WorkerOptions:
    entrypoint_fnc: Callable[[JobContext], Awaitable[None]]
    agent_name: str = ""
    prewarm_fnc: Callable[[Any], None] | None = None


@dataclass
class Worker:
    options: WorkerOptions
    jobs: dict[str, JobContext] = field(default_factory=dict)

    async def start_job(self, room_name: str) -> JobContext:
        ctx = JobContext(Room(room_name))
        self.jobs[room_name] = ctx
        await self.options.entrypoint_fnc(ctx)
        return ctx

    async def end_job(self, room_name: str) -> None:
        ctx = self.jobs.pop(room_name)
        for callback in ctx._shutdown:
            await callback()
