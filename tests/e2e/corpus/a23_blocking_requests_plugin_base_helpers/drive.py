"""The reception bot greets a visitor while the hall screen shows the face."""

import asyncio

import e2e_support
from avatarbot.bot import greet_visitor

asyncio.run(
    greet_visitor(
        ["Good morning!", "<stop>", "Your badge is ready at the desk."],
        e2e_support.viewer.join,
    )
)
