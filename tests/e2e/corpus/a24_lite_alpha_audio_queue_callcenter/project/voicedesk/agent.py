"""The call-center voice agent: our STT/LLM/TTS produce audio, the avatar lip-syncs it."""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from .link import AudioLink
from .rest import RealtimeAvatarAPI

Synth = Callable[[str], list[bytes]]


async def handle_call(turns: Sequence[str], synth: Synth, show: Callable[[str, str], object]) -> list[str]:
    api = RealtimeAvatarAPI()
    spoken: list[str] = []
    link: AudioLink | None = None
    try:
        room = await api.open(os.environ.get("VOICEDESK_AVATAR", "Anna_public_3_20240108"))
        show(room["url"], room["access_token"])
        await api.ping()  # the caller may still be on hold: keep the session warm
        link = AudioLink(room["realtime_endpoint"])
        await link.connect()
        for n, turn in enumerate(turns):
            spoken.append(await link.say(synth(turn)))
            if n == 0:
                await link.barge_in()  # the caller talked over the greeting
    finally:
        if link is not None:
            await link.aclose()
        await api.close()
    return spoken
