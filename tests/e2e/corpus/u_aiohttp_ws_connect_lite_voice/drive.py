"""The kiosk runs two turns of the conversation while its screen shows the avatar."""

import asyncio
import os

import e2e_support
from voicebot.bot import converse

asyncio.run(converse(os.environ["VOICE_AVATAR_ID"], ["hi", "hours"], e2e_support.viewer.join))
