"""Discord cog: one HeyGen streaming avatar per text channel.

!avatar [quality]   open the channel's avatar (the room link is posted in the channel)
!say <text>         the avatar reads the text aloud
!ask <question>     the avatar answers from our knowledge base
!listen / !mute     voice chat on and off
!bye                close the channel's session
"""
import logging
import os
from dataclasses import dataclass

import aiohttp

from dc import Cog, command

log = logging.getLogger("avatar-cog")

HEYGEN_API = "https://api.heygen.com/v1"


@dataclass
class ChannelAvatar:
    session_id: str
    url: str
    access_token: str
    opened_by: int


class AvatarCog(Cog):
    def __init__(self, bot):
        self.bot = bot
        self.http = None
        self.avatars: dict[int, ChannelAvatar] = {}

    async def cog_load(self):
        self.http = aiohttp.ClientSession(
            headers={"x-api-key": os.environ["HEYGEN_API_KEY"], "accept": "application/json"},
            timeout=aiohttp.ClientTimeout(total=30),
        )

    async def cog_unload(self):
        for channel_id in list(self.avatars):
            await self._close(channel_id)
        await self.http.close()

    async def _post(self, op, payload):
        async with self.http.post(f"{HEYGEN_API}/streaming.{op}", json=payload) as resp:
            body = await resp.json()
            if resp.status != 200 or body.get("code") != 100:
                raise RuntimeError(f"HeyGen {op} failed: {resp.status} {body.get('message')}")
            return body.get("data") or {}

    async def _close(self, channel_id):
        avatar = self.avatars.pop(channel_id)
        await self._post("stop", {"session_id": avatar.session_id})
        log.info("closed %s for channel %s", avatar.session_id, channel_id)

    @command(name="avatar")
    async def open_avatar(self, ctx, quality="medium"):
        if ctx.channel.id in self.avatars:
            await ctx.send("This channel already has an avatar.")
            return
        payload = {
            "quality": quality,
            "avatar_id": os.getenv("DISCORD_AVATAR_ID", "Anna_public_3_20240108"),
            "knowledge_base_id": os.getenv("DISCORD_KB_ID"),
            "version": "v2",
        }
        data = await self._post("new", payload)
        await self._post("start", {"session_id": data["session_id"]})
        self.avatars[ctx.channel.id] = ChannelAvatar(
            session_id=data["session_id"],
            url=data["url"],
            access_token=data["access_token"],
            opened_by=ctx.author.id,
        )
        await ctx.send(f"{ctx.author.display_name} opened an avatar in #{ctx.channel.name}")

    async def _task(self, ctx, text, task_type):
        avatar = self.avatars.get(ctx.channel.id)
        if avatar is None:
            await ctx.send("No avatar here, use !avatar first.")
            return
        await self._post(
            "task", {"session_id": avatar.session_id, "text": text, "task_type": task_type}
        )
        await ctx.send(f"({task_type}) {text[:40]}")

    @command()
    async def say(self, ctx, *, text):
        await self._task(ctx, text, "repeat")

    @command()
    async def ask(self, ctx, *, question):
        await self._task(ctx, question, "chat")

    @command()
    async def listen(self, ctx):
        avatar = self.avatars[ctx.channel.id]
        await self._post("start_listening", {"session_id": avatar.session_id})
        await ctx.send("listening")

    @command()
    async def mute(self, ctx):
        avatar = self.avatars[ctx.channel.id]
        await self._post("stop_listening", {"session_id": avatar.session_id})
        await ctx.send("muted")

    @command()
    async def bye(self, ctx):
        if ctx.channel.id not in self.avatars:
            await ctx.send("Nothing to close.")
            return
        await self._close(ctx.channel.id)
        await ctx.send("bye!")
