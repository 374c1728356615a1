import asyncio
import logging

from concierge.avatar_service import HeyGenAvatarService
from concierge.framework import Event, Runner

SCRIPT = [
    Event("say", "Hello! I'm the hotel concierge."),
    Event("idle"),
    Event("answer", "Is breakfast included?"),
    Event("barge_in"),
    Event("end", meta={"reason": "guest_left"}),
]


def main(on_room=None) -> str:
    logging.basicConfig(level=logging.INFO)
    avatar = HeyGenAvatarService(on_room=on_room)
    reason = asyncio.run(Runner(avatar).run(SCRIPT))
    print(f"conversation ended: {reason}, {avatar.spoken} lines")
    return reason


if __name__ == "__main__":
    main()
