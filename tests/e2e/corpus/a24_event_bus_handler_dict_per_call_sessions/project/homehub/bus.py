"""Tiny async pub/sub: handlers registered per topic in a dict, awaited in order."""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger("homehub.bus")

Handler = Callable[[dict[str, Any]], Awaitable[None]]


class EventBus:
    def __init__(self) -> None:
        self._handlers: dict[str, list[Handler]] = defaultdict(list)

    def on(self, topic: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self._handlers[topic].append(handler)
            return handler

        return register

    async def emit(self, topic: str, **event: Any) -> int:
        handlers = self._handlers.get(topic, [])
        if not handlers:
            log.debug("no handler for %s", topic)
        for handler in handlers:
            await handler({"topic": topic, **event})
        return len(handlers)
