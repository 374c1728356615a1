"""A visitor of the page: Start, the player's script connects, two lines, Stop."""

import asyncio
import json
import re

import e2e_support
import main
from nicegui import app
from nicegui.testing import User


async def visit() -> None:
    user = User()
    await user.open("/")
    await user.click("Start")
    embedded = re.search(r"const SESSION = (\{.*?\});\n", user.html()).group(1)
    session = json.loads(embedded)
    e2e_support.viewer.join(session["url"], session["access_token"])  # the player's script
    for line in ["Welcome to the showroom!", "The new model is on your right."]:
        user.type("Line", line)
        await user.click("Speak")
    await user.click("Stop")
    assert user.html() == ""
    for handler in app.on_shutdown_handlers:
        await handler()


asyncio.run(visit())
assert "avatar" not in main.app.storage.user
