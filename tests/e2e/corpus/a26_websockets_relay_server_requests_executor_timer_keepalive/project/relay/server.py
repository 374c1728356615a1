import asyncio
import functools
import json
import logging

import websockets

from .avatar import Avatar

log = logging.getLogger("relay")


async def handler(ws):
    avatar = Avatar()
    loop = asyncio.get_running_loop()

    def run(fn, *a, **kw):
        return loop.run_in_executor(None, functools.partial(fn, *a, **kw))

    await run(avatar.cleanup)
    try:
        async for raw in ws:
            msg = json.loads(raw)
            cmd = msg.get("cmd")
            if cmd == "start":
                reply = {"room": await run(avatar.start)}
            elif cmd == "say":
                await run(avatar.say, msg["text"])
                reply = {"ok": True}
            elif cmd == "ask":
                await run(avatar.say, msg["text"], task_type="chat")
                reply = {"ok": True}
            elif cmd == "cut":
                await run(avatar.cut)
                reply = {"ok": True}
            elif cmd == "ping":
                await run(avatar.ping)
                reply = {"ok": True}
            elif cmd == "status":
                reply = {"active": len(await run(avatar.active_sessions))}
            elif cmd == "bye":
                await run(avatar.bye)
                await ws.send(json.dumps({"ok": True}))
                break
            else:
                reply = {"error": f"unknown command {cmd!r}"}
            await ws.send(json.dumps(reply))
    finally:
        await run(avatar.bye)


async def start(host="0.0.0.0", port=8765):
    return await websockets.serve(handler, host, port)
