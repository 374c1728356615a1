import asyncio

from app import close_room, open_room
from e2e_support import viewer

room = asyncio.run(open_room())
viewer.join(room["url"], room["token"])
asyncio.run(close_room(room["id"]))
