"""WebSocket the kiosk page keeps open; it drives the avatar through it.

Client -> server:  {"action": "start"} | {"action": "say", "text": ...}
                   | {"action": "ask", "text": ...} | {"action": "interrupt"} | {"action": "stop"}
Server -> client:  {"type": "room", "url": ..., "token": ...} | {"type": "ok", "action": ...}
                   | {"type": "error", "message": ...}
"""
import logging
import os

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from . import heygen

log = logging.getLogger(__name__)

AVATAR_ID = os.getenv("KIOSK_AVATAR_ID", "Anna_public_3_20240108")
KNOWLEDGE_BASE_ID = os.getenv("KIOSK_KNOWLEDGE_BASE_ID")


class AvatarConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.session_id = None
        await self.accept()

    async def disconnect(self, code):
        # the kiosk page went away: do not leave the avatar running
        if self.session_id:
            await heygen.call("streaming.stop", {"session_id": self.session_id})
            self.session_id = None

    async def receive_json(self, content):
        action = content.get("action")
        try:
            if action == "start":
                await self.start()
            elif action in ("say", "ask"):
                await heygen.call(
                    "streaming.task",
                    {
                        "session_id": self.session_id,
                        "text": content["text"],
                        "task_type": "repeat" if action == "say" else "talk",
                    },
                )
            elif action == "interrupt":
                await heygen.call("streaming.interrupt", {"session_id": self.session_id})
            elif action == "stop":
                await self.disconnect(1000)
            else:
                return await self.send_json({"type": "error", "message": f"unknown action {action!r}"})
        except (heygen.HeyGenError, KeyError) as exc:
            log.exception("avatar action %s failed", action)
            return await self.send_json({"type": "error", "message": str(exc)})
        await self.send_json({"type": "ok", "action": action})

    async def start(self):
        body = {"avatar_id": AVATAR_ID, "quality": "high", "version": "v2"}
        if KNOWLEDGE_BASE_ID:
            body["knowledge_base_id"] = KNOWLEDGE_BASE_ID
        data = await heygen.call("streaming.new", body)
        await heygen.call("streaming.start", {"session_id": data["session_id"]})
        self.session_id = data["session_id"]
        await self.send_json({"type": "room", "url": data["url"], "token": data["access_token"]})
