"""The agent pipeline: TTS produces PCM, the plugin pushes it to the avatar."""

import asyncio

import e2e_support
from avatar_plugin.realtime import RealtimeAvatar


async def main():
    avatar = RealtimeAvatar()
    room = avatar.create_session()  # sync, called from the framework's setup hook
    e2e_support.viewer.join(room["url"], room["access_token"])
    await avatar.connect()
    # first utterance: two TTS chunks
    await avatar.push_utterance(
        [e2e_support.audio_chunk(600, seed=1), e2e_support.audio_chunk(400, seed=2)]
    )
    # second utterance, then the user barges in
    await avatar.push_utterance([e2e_support.audio_chunk(800, seed=3)])
    await avatar.on_user_barge_in()
    await avatar.end_listening()
    await asyncio.sleep(0.3)  # the call ends a moment later
    await avatar.aclose()


asyncio.run(main())
