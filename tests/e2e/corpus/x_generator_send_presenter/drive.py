"""Tonight's rundown, as the host loop of the studio runs it."""

import e2e_support
import show

RUNDOWN = [
    ("say", "Good evening and welcome to the late show."),
    ("ask", "What is on the programme tonight?"),
    ("cut", None),
    ("ping", None),
    ("say", "Stay with us after the break."),
]

show.run_cues(RUNDOWN, e2e_support.viewer.join)
