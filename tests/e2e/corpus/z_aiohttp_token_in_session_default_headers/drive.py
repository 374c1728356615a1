"""The bot handles one `!avatar` command; the chat client shows the room to the viewer."""

import asyncio
import os

from avatar_bot import avatar_command
from e2e_support import viewer

asyncio.run(
    avatar_command(
        os.environ["AVATAR_ID"],
        ["Welcome to the server!", "Type !help for the commands."],
        show=viewer.join,
    )
)
