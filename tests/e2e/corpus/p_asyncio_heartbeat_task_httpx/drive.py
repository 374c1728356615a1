"""A presenter opens the avatar, the page joins, lines with a pause in between, close."""

import asyncio
import os

import e2e_support
from live_avatar import LiveAvatar


async def main() -> None:
    avatar = LiveAvatar()
    room = await avatar.open(os.environ["AVATAR_ID"])
    e2e_support.viewer.join(room["url"], room["access_token"])
    await avatar.say("Welcome to the quarterly review.")
    await asyncio.sleep(3.5)  # the audience settles; one heartbeat goes out
    await avatar.talk("What were the highlights of this quarter?")
    await avatar.interrupt()
    await avatar.close()
    assert avatar.beats == 1, avatar.beats


asyncio.run(main())
