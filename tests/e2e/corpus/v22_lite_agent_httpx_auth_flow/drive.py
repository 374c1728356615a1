import asyncio

import e2e_support
from avatar_output import AvatarOutput


async def main():
    avatar = AvatarOutput()
    url, token = avatar.open()
    e2e_support.viewer.join(url, token)  # the user's browser shows the avatar
    await avatar.connect()
    await avatar.say(e2e_support.audio_chunk(1500, seed=7))
    await avatar.say(e2e_support.audio_chunk(600, seed=8))
    await avatar.barge_in()
    await asyncio.sleep(0.3)  # the user hangs up a moment after barging in
    await avatar.close()


asyncio.run(main())
