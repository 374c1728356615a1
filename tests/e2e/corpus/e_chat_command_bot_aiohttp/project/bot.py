"""Chat bot that puts a HeyGen streaming avatar on the stream overlay."""
import logging
import os

import aiohttp

log = logging.getLogger("bot")

HEYGEN = "https://api.heygen.com/v1/streaming"
API_KEY = os.getenv("HEYGEN_API_KEY")
AVATAR = os.getenv("BOT_AVATAR", "Anna_public_3_20240108")
KB = os.getenv("BOT_KB")
PREFIX = "!avatar"

guild_sessions = {}


class HeyGenFailed(Exception):
    pass


async def heygen(path, **fields):
    headers = {"x-api-key": API_KEY, "content-type": "application/json"}
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{HEYGEN}.{path}", json=fields, headers=headers) as r:
            body = await r.json(content_type=None)
            if r.status != 200:
                raise HeyGenFailed(f"{path}: {r.status} {body}")
            return body


async def cmd_start(channel, arg):
    if channel.guild_id in guild_sessions:
        await channel.send("Avatar already running.")
        return
    extra = {"knowledge_base_id": KB} if KB else {}
    res = await heygen("new", avatar_id=AVATAR, quality="low", version="v2", **extra)
    sid = res.get("data", {}).get("session_id")
    await heygen("start", session_id=sid)
    guild_sessions[channel.guild_id] = sid
    await channel.send(
        "Avatar is live!",
        url=res.get("data", {}).get("url"),
        token=res.get("data", {}).get("access_token"),
    )


async def _task(channel, text, task_type):
    sid = guild_sessions.get(channel.guild_id)
    if not sid:
        await channel.send("Start the avatar first.")
        return
    await heygen("task", session_id=sid, text=text, task_type=task_type)


async def cmd_say(channel, arg):
    await _task(channel, arg, "repeat")


async def cmd_ask(channel, arg):
    await _task(channel, arg, "talk")


async def cmd_listen(channel, arg):
    await heygen("start_listening", session_id=guild_sessions[channel.guild_id])


async def cmd_mute(channel, arg):
    await heygen("stop_listening", session_id=guild_sessions[channel.guild_id])


async def cmd_hush(channel, arg):
    await heygen("interrupt", session_id=guild_sessions[channel.guild_id])


async def cmd_stop(channel, arg):
    sid = guild_sessions.pop(channel.guild_id, None)
    if sid:
        await heygen("stop", session_id=sid)
    await channel.send("Avatar stopped.")


COMMANDS = {
    "start": cmd_start,
    "say": cmd_say,
    "ask": cmd_ask,
    "listen": cmd_listen,
    "mute": cmd_mute,
    "hush": cmd_hush,
    "stop": cmd_stop,
}


async def on_message(channel, content):
    if not content.startswith(PREFIX):
        return
    parts = content[len(PREFIX):].strip().split(" ", 1)
    name, arg = parts[0], (parts[1] if len(parts) > 1 else "")
    handler = COMMANDS.get(name)
    if handler is None:
        await channel.send(f"Unknown command {name!r}.")
        return
    try:
        await handler(channel, arg)
    except HeyGenFailed as exc:
        log.warning("command %s failed: %s", name, exc)
        await channel.send(f"Command {name} failed.")
