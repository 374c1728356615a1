"""The tour-guide agent run by its launcher with a fixed itinerary."""

import asyncio

import e2e_support
import guide_agent

itinerary = [
    guide_agent.Utterance("Welcome to the museum.", kind="repeat"),
    guide_agent.Utterance("Who painted the ceiling in this hall?"),
    guide_agent.Utterance("Sorry, let's move on to the next room.", kind="repeat", barge_in=True),
]
spoken = asyncio.run(guide_agent.main(itinerary, on_room=e2e_support.viewer.join))
assert spoken == 3, spoken
