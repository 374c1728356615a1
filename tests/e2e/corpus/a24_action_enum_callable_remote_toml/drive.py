"""Tonight's show: three lines, a cut and a hold; the stage screen shows the avatar."""

import asyncio

import e2e_support
from stagehand.cues import run_show

cues = [
    ("say", "Good evening, and welcome."),
    ("cut", ""),
    ("hold", ""),
    ("say", "Please silence your phones."),
    ("say", "Enjoy the show."),
]
assert asyncio.run(run_show(cues, e2e_support.viewer.join)) == 5
