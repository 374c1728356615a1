"""Avatar agent: a producer turns incoming messages into utterances, a speaker task voices them,
a watchdog keeps the session alive. All three run in one asyncio.TaskGroup."""
import asyncio
import os

from .heygen import HeyGenStreaming

STOP = object()


async def speaker(client, session_id, queue, ready):
    await ready.wait()
    while True:
        item = await queue.get()
        if item is STOP:
            break
        kind, text = item
        await client.task(session_id, text, task_type="chat" if kind == "question" else "repeat")


async def watchdog(client, session_id, ready, done, interval=60):
    await client.keep_alive(session_id)
    ready.set()
    while not done.is_set():
        try:
            await asyncio.wait_for(done.wait(), timeout=interval)
        except asyncio.TimeoutError:
            await client.keep_alive(session_id)


async def producer(messages, queue):
    for msg in messages:
        kind = "question" if msg.rstrip().endswith("?") else "statement"
        await queue.put((kind, msg))
    await queue.put(STOP)


async def run_agent(messages, on_room=None):
    client = HeyGenStreaming()
    session_id = None
    try:
        session_id, url, token = await client.new(os.environ.get("AGENT_AVATAR", "Wayne_20240711"),
                                                  os.environ.get("AGENT_KB"))
        if not session_id:
            raise RuntimeError("no session")
        await client.start(session_id)
        if on_room:
            on_room(url, token)
        queue: asyncio.Queue = asyncio.Queue()
        ready, done = asyncio.Event(), asyncio.Event()
        async with asyncio.TaskGroup() as tg:
            tg.create_task(watchdog(client, session_id, ready, done))
            speaking = tg.create_task(speaker(client, session_id, queue, ready))
            tg.create_task(producer(messages, queue))
            await speaking
            done.set()
    finally:
        if session_id:
            await client.stop(session_id)
        await client.close()
