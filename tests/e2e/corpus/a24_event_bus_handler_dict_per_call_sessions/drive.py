"""An evening at home: someone arrives, asks a question, time passes, they leave."""

import asyncio

import e2e_support
from homehub.bus import EventBus
from homehub.wiring import wire_hallway_avatar


async def main() -> None:
    bus = EventBus()
    state = wire_hallway_avatar(bus, e2e_support.viewer.join)
    assert await bus.emit("presence.arrived", who="Sam") == 1
    await bus.emit("voice.question", text="Did anyone water the plants?")
    await bus.emit("clock.tick")
    await bus.emit("presence.left")
    await bus.emit("clock.tick")  # asleep: nothing happens
    assert state["session_id"] is None and state["said"] == ["Did anyone water the plants?"]


asyncio.run(main())
