from . import api
from .socket import speak


async def greet(avatar_id, chunks):
    live = api.open_session(avatar_id)
    await speak(live.realtime_endpoint, chunks)
    return live.session_id
