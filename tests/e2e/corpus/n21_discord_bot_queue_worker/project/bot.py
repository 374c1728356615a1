import logging

from heygen import HeyGenError, StreamingClient
from minicord import Bot, Context
from page import render_viewer
from registry import REGISTRY, AvatarRoom
from settings import Settings
from worker import JOBS, SpeechWorker

logging.basicConfig(level=logging.INFO)

settings = Settings.from_env()
client = StreamingClient(settings)
bot = Bot(command_prefix="!")
worker = SpeechWorker(client)
PAGES = {}


@bot.command(name="open")
async def open_room(ctx: Context):
    if REGISTRY.get(ctx.guild_id):
        await ctx.send("An avatar is already live here.")
        return
    try:
        session_id, url, token = client.open_session()
    except HeyGenError as exc:
        await ctx.send(f"Could not open: {exc}")
        return
    room = AvatarRoom(session_id=session_id, url=url, access_token=token, owner=ctx.author.name)
    REGISTRY.put(ctx.guild_id, room)
    PAGES[ctx.guild_id] = render_viewer(settings.page_title, room)
    await ctx.send(f"Avatar live for {ctx.author.name}: open the viewer page")


@bot.command()
async def say(ctx: Context, *, text: str):
    if not REGISTRY.get(ctx.guild_id):
        await ctx.send("No avatar here, use !open")
        return
    JOBS.put((ctx.guild_id, text))
    await ctx.send("queued")


@bot.command()
async def ask(ctx: Context, *, text: str):
    room = REGISTRY.get(ctx.guild_id)
    data = await client.speak(room.session_id, text, task_type="chat")
    await ctx.send(f"thinking ({data.get('duration_ms', 0)} ms)")


@bot.command()
async def hush(ctx: Context):
    room = REGISTRY.get(ctx.guild_id)
    ok = await client.interrupt(room.session_id)
    await ctx.send("hushed" if ok else "could not interrupt")


@bot.command()
async def close(ctx: Context):
    JOBS.join()
    room = REGISTRY.pop(ctx.guild_id)
    if room is None:
        await ctx.send("Nothing to close")
        return
    client.close_session(room.session_id)
    PAGES.pop(ctx.guild_id, None)
    await ctx.send(f"Closed after {room.utterances} lines")
