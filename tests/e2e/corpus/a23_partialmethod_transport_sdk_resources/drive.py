"""A listener opens chapter one; the player shows the narrator."""

import asyncio

import e2e_support
from narrator import narrate

asyncio.run(
    narrate(
        [
            "Chapter one. The lighthouse keeper woke before dawn.",
            "---",
            "The sea was calm that morning.",
        ],
        e2e_support.viewer.join,
    )
)
