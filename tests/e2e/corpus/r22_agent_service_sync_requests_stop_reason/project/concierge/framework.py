"""A very small agent runtime (the bits of our in-house framework this service needs).

Services are async; the runner feeds them events in order and always calls ``on_stop``.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any, Iterable


@dataclass
class Event:
    kind: str  # "say" | "answer" | "barge_in" | "idle" | "end"
    text: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


class Service:
    name = "service"

    async def on_start(self) -> None: ...

    async def on_event(self, event: Event) -> None: ...

    async def on_stop(self, reason: str) -> None: ...


class Runner:
    def __init__(self, *services: Service) -> None:
        self.services = list(services)

    async def run(self, events: Iterable[Event]) -> str:
        reason = "completed"
        for service in self.services:
            await service.on_start()
        try:
            for event in events:
                if event.kind == "end":
                    reason = event.meta.get("reason", "completed")
                    break
                for service in self.services:
                    await service.on_event(event)
                await asyncio.sleep(0)
        finally:
            for service in reversed(self.services):
                await service.on_stop(reason)
        return reason
