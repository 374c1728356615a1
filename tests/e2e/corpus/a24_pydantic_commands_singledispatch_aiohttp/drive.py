"""A help-desk conversation scripted by the dialogue manager; the kiosk shows the room."""

import asyncio
import os

import e2e_support
from desk_agent.agent import DeskAgent
from desk_agent.commands import Close, Hush, Open, Ping, Say

rooms = []


def show(room) -> None:
    rooms.append(room.session_id)
    e2e_support.viewer.join(room.url, room.access_token)


commands = [
    Open(avatar=os.environ["DESK_AVATAR"], kb=os.environ["DESK_KB"]),
    Say("Hi, I'm the help-desk assistant."),
    Say("How do I reset my password?", chat=True),
    Hush(),
    Ping(),
    Close(),
]
assert asyncio.run(DeskAgent(show).run(commands)) == 6
assert len(rooms) == 1
