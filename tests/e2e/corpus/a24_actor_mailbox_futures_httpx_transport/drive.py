"""Several parts of the app ask the avatar actor for things, in order."""

import asyncio
import os

import e2e_support
from avatar_actor import AvatarActor
from avatar_actor.messages import Connect, Disconnect, Heartbeat, Interrupt, Speak


async def main() -> None:
    actor = AvatarActor().start()
    try:
        joined = await actor.ask(Connect(os.environ["ACTOR_AVATAR"], quality="low"))
        e2e_support.viewer.join(joined["room"], joined["viewer_token"])
        await actor.ask(Speak("Systems are green."))
        await actor.ask(Interrupt())
        await actor.ask(Heartbeat())
        await actor.ask(Speak("Deploy window opens at noon."))
        await actor.ask(Disconnect())
        try:
            await actor.ask(Speak("anyone?"))
        except RuntimeError as exc:
            assert "not connected" in str(exc)
        else:
            raise AssertionError("speaking without a session should fail")
    finally:
        await actor.shutdown()


asyncio.run(main())
