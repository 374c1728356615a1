"""The browser fires events at the state; the page's LiveKit component reads the computed vars."""

import asyncio

import e2e_support
from avatar_demo.avatar_demo import AvatarState, app


async def main():
    assert "/" in app.pages
    state = AvatarState()
    assert state.live is False and state.livekit_url == ""
    await state.start()
    assert state.live, state.error
    e2e_support.viewer.join(state.livekit_url, state.livekit_token)

    state.set_draft("Hello from Reflex!")
    await state.send()
    assert state.transcript == ["Hello from Reflex!"] and state.draft == ""
    await state.cut()
    state.set_draft("   ")
    await state.send()  # nothing to say
    state.set_draft("Thanks for watching.")
    await state.send()
    await state.stop()
    assert state.live is False


asyncio.run(main())
