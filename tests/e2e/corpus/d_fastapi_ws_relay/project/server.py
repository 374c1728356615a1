"""WebSocket relay: the browser talks to this server over one socket; the server drives HeyGen.

Messages from the browser: {"action": "start" | "say" | "ask" | "interrupt" | "stop", "text"?: str}
Messages to the browser:   {"type": "room", "url", "token"} | {"type": "ok", "action"} | {"type": "error", ...}
"""
import logging
import os

import httpx
from fastapi import FastAPI, WebSocket, WebSocketDisconnect

log = logging.getLogger("relay")

HEYGEN_BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")
HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY")
AVATAR_ID = os.environ.get("AVATAR_ID", "Wayne_20240711")
KNOWLEDGE_BASE_ID = os.environ.get("KNOWLEDGE_BASE_ID")

app = FastAPI(title="avatar relay")


class HeyGenRelay:
    def __init__(self, http: httpx.AsyncClient):
        self.http = http
        self.session_id = None

    async def _post(self, path, payload):
        r = await self.http.post(path, json=payload)
        if r.is_error:
            raise RuntimeError(f"{path}: {r.status_code} {r.text}")
        return r.json()

    async def start(self):
        payload = {"avatar_id": AVATAR_ID, "version": "v2", "quality": "medium"}
        if KNOWLEDGE_BASE_ID:
            payload["knowledge_base_id"] = KNOWLEDGE_BASE_ID
        data = (await self._post("/v1/streaming.new", payload))["data"]
        self.session_id = data["session_id"]
        await self._post("/v1/streaming.start", {"session_id": self.session_id})
        return {"type": "room", "url": data["url"], "token": data["access_token"]}

    async def speak(self, text, task_type):
        await self._post("/v1/streaming.task",
                         {"session_id": self.session_id, "text": text, "task_type": task_type})

    async def interrupt(self):
        await self._post("/v1/streaming.interrupt", {"session_id": self.session_id})

    async def stop(self):
        if self.session_id:
            await self._post("/v1/streaming.stop", {"session_id": self.session_id})
            self.session_id = None


@app.get("/healthz")
async def healthz():
    return {"ok": True}


@app.websocket("/ws")
async def relay(ws: WebSocket):
    await ws.accept()
    async with httpx.AsyncClient(base_url=HEYGEN_BASE_URL, timeout=30,
                                 headers={"X-Api-Key": HEYGEN_API_KEY}) as http:
        avatar = HeyGenRelay(http)
        try:
            while True:
                msg = await ws.receive_json()
                action = msg.get("action")
                try:
                    if action == "start":
                        await ws.send_json(await avatar.start())
                        continue
                    if action == "say":
                        await avatar.speak(msg["text"], "repeat")
                    elif action == "ask":
                        await avatar.speak(msg["text"], "chat")
                    elif action == "interrupt":
                        await avatar.interrupt()
                    elif action == "stop":
                        await avatar.stop()
                        await ws.send_json({"type": "ok", "action": action})
                        break
                    else:
                        await ws.send_json({"type": "error", "error": f"unknown action {action!r}"})
                        continue
                    await ws.send_json({"type": "ok", "action": action})
                except Exception as exc:  # report to the page, keep the socket
                    log.exception("relay action %s failed", action)
                    await ws.send_json({"type": "error", "action": action, "error": str(exc)})
        except WebSocketDisconnect:
            await avatar.stop()
    await ws.close()
