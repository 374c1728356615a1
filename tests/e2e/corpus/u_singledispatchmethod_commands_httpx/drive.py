"""The show runner plays a script of commands through the handler."""

import os

import e2e_support
from avatar_handler import AvatarHandler
from commands import Ask, Close, Cut, Listen, Open, Ping, Say

handler = AvatarHandler()
viewer = handler.handle(
    Open(os.environ["SHOW_AVATAR_ID"], quality="high", knowledge_base_id=os.environ["SHOW_KB_ID"])
)
e2e_support.viewer.join(viewer["url"], viewer["token"])
results = handler.run(
    [
        Say("Good evening and welcome to the show."),
        Ask("What is tonight's theme?"),
        Listen(),
        Listen(on=False),
        Ping(),
        Say("Our first guest is on the way."),
        Cut(),
        Close(reason="end of show"),
    ]
)
print(results)
