import asyncio

import e2e_support
from bot import PAGES, bot, worker
from cli import main as cli_main
from minicord import Author, Context
from registry import REGISTRY
from worker import JOBS

ALICE = Author(1, "alice")
GUILD = 42


async def run(line):
    ctx = Context(ALICE, GUILD)
    await bot.invoke(ctx, line)
    print(line, "->", ctx.sent)
    return ctx.sent


async def main():
    worker.start()
    await run("!open")
    # the viewer page gets the room's credentials; the browser joins with them
    room = REGISTRY.get(GUILD)
    assert room.url in PAGES[GUILD] and room.access_token in PAGES[GUILD]
    e2e_support.viewer.join(room.url, room.access_token)
    await run("!say Welcome to the server")
    await run("!say Second line from the queue")
    JOBS.join()  # let the worker drain before the next command, as a moderator waiting would
    await run("!ask What can you do")
    await run("!hush")
    replies = await run("!close")
    assert replies == ["Closed after 2 lines"], replies


asyncio.run(main())
cli_main(["say", "Operator console check"])
