"""Morning in the lobby: the screen joins, two greetings."""

import asyncio

import e2e_support
from lobbybot.main import lobby

asyncio.run(lobby(["Good morning!", "Reception is on your left."], e2e_support.viewer.join))
