"""An app built on the SDK: it shows the stream when ready and logs what was said."""

import asyncio

import e2e_support
from avatar_sdk import LiveAvatarClient

log = []


async def main() -> None:
    avatar = LiveAvatarClient()

    @avatar.on("session_ready")
    async def show(data):
        e2e_support.viewer.join(data["url"], data["access_token"])

    @avatar.on("spoken")
    def remember(text):
        log.append(text)

    @avatar.on("closed")
    def bye(session_id):
        log.append(f"closed {bool(session_id)}")

    await avatar.connect()
    await avatar.say("Hi, I'm your onboarding guide.")
    await avatar.interrupt()
    await avatar.say("Let's start with your profile.")
    await avatar.disconnect()
    assert log == [
        "Hi, I'm your onboarding guide.",
        "Let's start with your profile.",
        "closed True",
    ], log


asyncio.run(main())
