"""One visitor: open a room with the picked avatar, greet, close."""
from kiosk.catalog import pick_avatar
from kiosk.heygen_client import HeyGenClient


class Lobby:
    def __init__(self):
        self.client = HeyGenClient()
        self.session_id = None

    async def open(self):
        avatar_id = pick_avatar(self.client)
        info = await self.client.new_session(avatar_id)
        self.session_id = info["session_id"]
        await self.client.start_session(self.session_id)
        return {"url": info["url"], "token": info["access_token"]}

    async def greet(self, name):
        await self.client.speak(self.session_id, f"Welcome to the lobby, {name}!")

    async def close(self):
        await self.client.stop_session(self.session_id)
        self.session_id = None
