import os

from . import heygen
from .dispatch import Bot

bot = Bot()
bot.rooms = {}
SESSIONS = {}


@bot.command("live")
async def live(channel, rest, reply):
    if channel in SESSIONS:
        reply("already live")
        return
    data = await heygen.open_session(os.getenv("BOT_AVATAR", "Anna_public_3_20240108"))
    SESSIONS[channel] = data["session_id"]
    bot.rooms[channel] = {"url": data["url"], "token": data["access_token"]}
    reply(f"live: {data['session_id']}")


@bot.command("say")
async def say(channel, rest, reply):
    await heygen.say(SESSIONS[channel], rest)
    reply("ok")


@bot.command("shush")
async def shush(channel, rest, reply):
    await heygen.interrupt(SESSIONS[channel])
    reply("ok")


@bot.command("end")
async def end(channel, rest, reply):
    session_id = SESSIONS.pop(channel, None)
    if session_id is None:
        reply("not live")
        return
    await heygen.stop(session_id)
    bot.rooms.pop(channel, None)
    reply("ended")
