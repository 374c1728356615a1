"""A visitor takes the scripted tour of the east wing."""

import e2e_support
from guide.app import Guide
from guide.config import GuideConfig

guide = Guide(GuideConfig.from_file("guide.json"))
room = guide.open()
e2e_support.viewer.join(room["url"], room["access_token"])
guide.run_tour(
    [
        ("say", "Welcome to the east wing."),
        ("ask", "Who painted the large canvas on the left?"),
        ("pause",),
        ("listen", True),
        ("listen", False),
    ]
)
guide.close()
