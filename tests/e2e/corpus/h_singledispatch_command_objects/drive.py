"""A scripted demo built from command objects."""

import os

import e2e_support
from commands import Ask, Avatar, Close, Interrupt, OpenSession, Speak, run_script

avatar = Avatar(on_room=e2e_support.viewer.join)
run_script(
    avatar,
    [
        OpenSession(os.environ["AVATAR_ID"], knowledge_base_id=os.environ["KB_ID"]),
        Speak("Hi! I'm the onboarding assistant."),
        Ask("What does the starter plan include?"),
        Interrupt(),
        Close(),
    ],
)
assert avatar.session_id is None
