"""The voice pipeline's use of the bridge: open, show the room, speak TTS audio, listen, close."""

import asyncio

import avatar_bridge as bridge
import e2e_support


async def main():
    info = bridge.createSession()
    e2e_support.viewer.join(info["url"], info["access_token"])  # the web page's video element
    await bridge.connectRealtime()
    await bridge.speakAudio(e2e_support.audio_chunk(1800, seed=3))
    await bridge.keepAlive()
    await bridge.startListening()
    await bridge.stopListening()
    await bridge.speakAudio(e2e_support.audio_chunk(700, seed=4))
    await bridge.interruptAvatar()
    await asyncio.sleep(0.2)
    await bridge.shutdown()


asyncio.run(main())
