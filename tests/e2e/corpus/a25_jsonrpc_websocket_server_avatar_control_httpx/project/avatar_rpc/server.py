"""WebSocket JSON-RPC endpoint for the avatar widget."""
from __future__ import annotations

import json
import logging
import os
from typing import Any, Awaitable, Callable

import httpx
from websockets.asyncio.server import ServerConnection, serve

from .control import AvatarControl

log = logging.getLogger(__name__)
Handler = Callable[..., Awaitable[Any]]
METHODS: dict[str, Handler] = {}


def rpc(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        METHODS[name] = fn
        return fn

    return register


@rpc("avatar.open")
async def avatar_open(control: AvatarControl, avatar_id: str | None = None) -> dict[str, str]:
    data = await control.open(avatar_id or os.environ.get("RPC_AVATAR", "Anna_public_3_20240108"))
    return {"server_url": data["url"], "participant_token": data["access_token"]}


@rpc("avatar.say")
async def avatar_say(control: AvatarControl, text: str, mode: str = "repeat") -> dict[str, str]:
    return {"task": await control.say(text, mode)}


@rpc("avatar.stop")
async def avatar_stop(control: AvatarControl) -> bool:
    await control.stop()
    return True


async def handle(ws: ServerConnection) -> None:
    headers = {"Authorization": f"Bearer {os.environ['HEYGEN_API_KEY']}"}
    async with httpx.AsyncClient(headers=headers, timeout=20) as http:
        control = AvatarControl(http)
        try:
            async for raw in ws:
                request = json.loads(raw)
                method = METHODS.get(request.get("method"))
                if method is None:
                    reply = {"jsonrpc": "2.0", "id": request.get("id"), "error": {"code": -32601, "message": "no such method"}}
                else:
                    try:
                        result = await method(control, **request.get("params", {}))
                        reply = {"jsonrpc": "2.0", "id": request.get("id"), "result": result}
                    except Exception as exc:  # reported to the widget
                        log.exception("rpc failed")
                        reply = {"jsonrpc": "2.0", "id": request.get("id"), "error": {"code": -32000, "message": str(exc)}}
                await ws.send(json.dumps(reply))
        finally:
            await control.stop()


def server(host: str = "127.0.0.1", port: int = 8765):
    return serve(handle, host, port)
