"""The caption feed delivers two batches of lines; the viewer page shows the avatar."""

import asyncio
import os

import e2e_support
from narrator import narrate


def show(creds):
    e2e_support.viewer.join(creds["server"], creds["token"])


spoken = asyncio.run(
    narrate(
        os.environ["NARRATOR_AVATAR_ID"],
        [["The match is about to begin.", "Both teams are on the pitch."], ["Kick-off!"]],
        show,
    )
)
print(spoken)
