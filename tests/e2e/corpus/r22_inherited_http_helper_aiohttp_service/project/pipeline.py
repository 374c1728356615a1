"""Announcement pipeline: text lines in, avatar out."""
import asyncio
import sys

from voicekit.avatar import HeyGenAvatarOutput


async def announce(lines, on_room=None):
    out = HeyGenAvatarOutput()
    await out.close_stale_sessions()
    room = await out.start()
    if on_room:
        on_room(room)
    try:
        for line in lines:
            if line == "<cut>":
                await out.barge_in()
            else:
                await out.push_text(line)
    finally:
        await out.stop()
    return room.session_id


if __name__ == "__main__":
    asyncio.run(announce(sys.argv[1:] or ["Platform two: the 8:15 is delayed."]))
