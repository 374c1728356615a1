"""A bare ASGI app (no framework; run with `uvicorn asgi_avatar:app`) for the booth tablet.

    POST   /room          open the avatar for this tablet (one per client address)
    GET    /room          the tablet's room (url/token for the LiveKit player)
    POST   /room/say      {"text": "..."}
    DELETE /room
"""
import json
import os

import httpx

HEYGEN_BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")
AVATAR_ID = os.environ.get("BOOTH_AVATAR", "Wayne_20240711")

ROOMS = {}  # client host -> streaming.new data
_client = None


def heygen():
    global _client
    if _client is None:
        _client = httpx.AsyncClient(
            base_url=HEYGEN_BASE_URL,
            headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
            timeout=30.0,
        )
    return _client


async def _read_json(receive):
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    raw = b"".join(chunks)
    return json.loads(raw) if raw else {}


async def _send_json(send, status, payload):
    body = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": body})


async def _post(path, payload):
    resp = await heygen().post(path, json=payload)
    resp.raise_for_status()
    return resp.json()["data"]


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if _client is not None:
                    await _client.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return
    who = (scope.get("client") or ("unknown", 0))[0]
    route = (scope["method"], scope["path"])
    if route == ("POST", "/room"):
        if who not in ROOMS:
            data = await _post("/v1/streaming.new", {"avatar_id": AVATAR_ID, "version": "v2"})
            await _post("/v1/streaming.start", {"session_id": data["session_id"]})
            ROOMS[who] = data
        return await _send_json(send, 201, {"session_id": ROOMS[who]["session_id"]})
    room = ROOMS.get(who)
    if room is None:
        return await _send_json(send, 404, {"error": "no room"})
    if route == ("GET", "/room"):
        return await _send_json(send, 200, {"url": room["url"], "token": room["access_token"]})
    if route == ("POST", "/room/say"):
        body = await _read_json(receive)
        await _post("/v1/streaming.task", {"session_id": room["session_id"],
                                           "text": body["text"], "task_type": "repeat"})
        return await _send_json(send, 200, {"ok": True})
    if route == ("DELETE", "/room"):
        await _post("/v1/streaming.stop", {"session_id": room["session_id"]})
        del ROOMS[who]
        return await _send_json(send, 200, {"closed": True})
    return await _send_json(send, 405, {"error": "method not allowed"})
