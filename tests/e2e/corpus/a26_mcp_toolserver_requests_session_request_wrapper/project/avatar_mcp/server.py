"""MCP server exposing the hotel concierge avatar as tools."""
import os

from toolkit import ToolServer

from .heygen import HeyGenStreaming

server = ToolServer("hotel-concierge-avatar")
_client = None
_state = {}


def client():
    global _client
    if _client is None:
        _client = HeyGenStreaming()
    return _client


@server.tool()
async def list_avatars() -> list:
    """List the streaming avatars this account can use."""
    return [a["avatar_id"] for a in client().avatars()]


@server.tool()
async def open_concierge(avatar_id: str = "") -> dict:
    """Create and start the concierge avatar; returns what the kiosk page needs to join."""
    avatar = avatar_id or os.environ.get("HOTEL_AVATAR", "Anna_public_3_20240108")
    data = client().new_session(avatar, knowledge_base_id=os.environ.get("HOTEL_KB"))
    client().start(data["session_id"])
    _state["session_id"] = data["session_id"]
    return {"livekit_url": data["url"], "token": data["access_token"]}


@server.tool()
async def say(text: str, mode: str = "repeat") -> str:
    """Make the avatar speak. mode=repeat says the text verbatim, mode=chat answers it."""
    if mode not in ("repeat", "chat"):
        raise ValueError("mode must be repeat or chat")
    client().task(_state["session_id"], text, task_type=mode)
    return "ok"


@server.tool()
async def interrupt() -> str:
    client().interrupt(_state["session_id"])
    return "interrupted"


@server.tool()
async def active_sessions() -> int:
    return len(client().active())


@server.tool()
async def close_concierge() -> str:
    sid = _state.pop("session_id", None)
    if sid is None:
        return "nothing to close"
    client().stop(sid)
    return "closed"
