"""MCP server: lets Claude (or any MCP client) show, steer and stop a HeyGen avatar."""
import json
import logging
import os

from mcp.server.fastmcp import FastMCP

from .heygen import HeyGen, HeyGenError
from .state import LiveSession, SessionBook

logging.basicConfig(level=os.getenv("LOG_LEVEL", "WARNING"))
log = logging.getLogger("avatar_mcp")

mcp = FastMCP("heygen-avatar")
book = SessionBook()
_client = None

DEFAULT_AVATAR = os.getenv("MCP_AVATAR_ID", "Wayne_20240711")
DEFAULT_VOICE = os.getenv("MCP_VOICE_ID", "1bd001e7e50f421d891986aad5158bc8")
VALID_TASK_TYPES = {"repeat", "talk", "chat"}


def client() -> HeyGen:
    global _client
    if _client is None:
        _client = HeyGen()
    return _client


@mcp.tool(description="List the avatars that can be used for live sessions")
async def list_avatars() -> str:
    avatars = await client().streaming_avatars()
    return json.dumps([a.get("avatar_id") for a in avatars])


@mcp.tool(description="Open a live avatar session and return the LiveKit room to show it")
async def start_avatar(avatar_id: str = "", quality: str = "medium") -> str:
    try:
        data = await client().open_stream(avatar_id or DEFAULT_AVATAR, quality=quality,
                                          kb=os.getenv("MCP_KNOWLEDGE_BASE_ID"))
    except HeyGenError as e:
        return f"error: {e}"
    session = LiveSession(data["session_id"], data["url"], data["access_token"], avatar_id or DEFAULT_AVATAR)
    book.add(session)
    return json.dumps({"session_id": session.session_id, "room_url": session.url, "token": session.access_token})


@mcp.tool(description="Make the avatar speak. task_type: repeat (say verbatim) or talk (answer)")
async def avatar_say(text: str, task_type: str = "repeat", session_id: str = "", cut_in: bool = False) -> str:
    if task_type not in VALID_TASK_TYPES:
        return f"error: task_type must be one of {sorted(VALID_TASK_TYPES)}"
    s = book.get(session_id or None)
    if cut_in:
        await client().interrupt(s.session_id)
    await client().task(s.session_id, text, task_type)
    s.said += 1
    return f"ok ({s.said} lines so far)"


@mcp.tool(description="Stop the avatar mid-sentence")
async def avatar_interrupt(session_id: str = "") -> str:
    await client().interrupt(book.get(session_id or None).session_id)
    return "interrupted"


@mcp.tool(description="Render a (non-live) video with the avatar")
async def render_video(script: str, title: str = "mcp render") -> str:
    video_id = await client().render(DEFAULT_AVATAR, DEFAULT_VOICE, script, title)
    status = await client().video_status(video_id)
    return json.dumps({"video_id": video_id, "status": status.get("status")})


@mcp.tool(description="List the open avatar sessions")
async def sessions() -> str:
    return json.dumps([s.public() for s in book.all()])


@mcp.tool(description="Close the avatar session")
async def stop_avatar(session_id: str = "") -> str:
    s = book.get(session_id or None)
    await client().close_stream(s.session_id)
    book.drop(s.session_id)
    return f"stopped {s.session_id}"


def main():
    mcp.run(transport="stdio")


if __name__ == "__main__":
    main()
