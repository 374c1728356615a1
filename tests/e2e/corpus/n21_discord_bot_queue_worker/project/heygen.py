"""Thin wrapper over HeyGen's Streaming API (requests for session lifecycle, aiohttp for tasks)."""

import logging

import aiohttp
import requests

from settings import Settings

log = logging.getLogger(__name__)


class HeyGenError(RuntimeError):
    pass


class StreamingClient:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.api = f"{settings.base_url}/v1"

    def _headers(self):
        return {"X-Api-Key": self.settings.api_key, "Content-Type": "application/json"}

    def open_session(self):
        payload = {
            "quality": self.settings.quality,
            "avatar_name": self.settings.avatar_name,
            "version": "v2",
        }
        if self.settings.voice_id:
            payload["voice"] = {"voice_id": self.settings.voice_id}
        resp = requests.post(f"{self.api}/streaming.new", json=payload, headers=self._headers(), timeout=30)
        body = resp.json()
        if body.get("code") != 100:
            raise HeyGenError(f"streaming.new failed: {body.get('message')}")
        data = body["data"]
        started = requests.post(
            f"{self.api}/streaming.start",
            json={"session_id": data["session_id"]},
            headers=self._headers(),
            timeout=30,
        ).json()
        if started["code"] != 100:
            raise HeyGenError(f"streaming.start failed: {started.get('message')}")
        log.info("opened %s", data["session_id"])
        return data["session_id"], data["url"], data["access_token"]

    async def speak(self, session_id, text, task_type="repeat"):
        async with aiohttp.ClientSession(headers=self._headers()) as http:
            async with http.post(
                f"{self.api}/streaming.task",
                json={"session_id": session_id, "text": text, "task_type": task_type},
            ) as resp:
                body = await resp.json()
                if body["code"] != 100:
                    raise HeyGenError(body["message"])
                return body["data"]

    async def interrupt(self, session_id):
        async with aiohttp.ClientSession(headers=self._headers()) as http:
            async with http.post(f"{self.api}/streaming.interrupt", json={"session_id": session_id}) as resp:
                return (await resp.json())["code"] == 100

    def close_session(self, session_id):
        resp = requests.post(
            f"{self.api}/streaming.stop", json={"session_id": session_id}, headers=self._headers(), timeout=30
        )
        return resp.json().get("code") == 100
