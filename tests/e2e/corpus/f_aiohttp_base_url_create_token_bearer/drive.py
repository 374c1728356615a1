"""Run the tour once, the kiosk screen joining the room when the script hands it over."""

import asyncio

import e2e_support
import tour

asyncio.run(
    tour.main(
        ["Room one: the Egyptian collection.", "Room two: Roman glass."],
        on_room=e2e_support.viewer.join,
    )
)
