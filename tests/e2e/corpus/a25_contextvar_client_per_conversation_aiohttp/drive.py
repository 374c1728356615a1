"""The support widget opens one conversation with the avatar and the user's questions."""

import asyncio

import e2e_support
from askbot.handler import handle


async def show(room) -> None:
    e2e_support.viewer.join(room["url"], room["access_token"])


answered = asyncio.run(handle("Priya", ["refund status"], show))
assert answered == 1
