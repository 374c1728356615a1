"""Narrating one streamed answer."""

import asyncio

import e2e_support
from narrator.app import narrate

spoken = asyncio.run(narrate("Tell me about the museum.", on_room=e2e_support.viewer.join))
assert spoken == 3, spoken
