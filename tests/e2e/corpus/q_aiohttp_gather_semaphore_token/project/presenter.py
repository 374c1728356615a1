"""Async presenter: reads a script through a HeyGen streaming avatar."""
import asyncio
import os

import aiohttp

HEYGEN = "https://api.heygen.com"
API_KEY = os.getenv("HEYGEN_API_KEY")
MAX_IN_FLIGHT = int(os.getenv("HEYGEN_MAX_IN_FLIGHT", "1"))  # tasks are queued per session anyway


class HeyGenError(Exception):
    pass


class LivePresenter:
    def __init__(self, avatar_id, knowledge_base_id=None):
        self.avatar_id = avatar_id
        self.knowledge_base_id = knowledge_base_id
        self.session_id = None
        self.room = None
        self._http = None
        self._sem = asyncio.Semaphore(MAX_IN_FLIGHT)

    async def _token(self):
        async with aiohttp.ClientSession(headers={"X-Api-Key": API_KEY}) as http:
            async with http.post(f"{HEYGEN}/v1/streaming.create_token") as resp:
                resp.raise_for_status()
                body = await resp.json()
        return body["data"]["token"]

    async def _post(self, path, payload):
        async with self._sem:
            async with self._http.post(path, json=payload) as resp:
                body = await resp.json()
        if body.get("code") != 100:
            raise HeyGenError(f"{path}: {body.get('message')}")
        return body["data"]

    async def __aenter__(self):
        token = await self._token()
        self._http = aiohttp.ClientSession(base_url=HEYGEN, headers={"Authorization": f"Bearer {token}"})
        payload = {"avatar_id": self.avatar_id, "quality": "high", "version": "v2"}
        if self.knowledge_base_id:
            payload["knowledge_base_id"] = self.knowledge_base_id
        data = await self._post("/v1/streaming.new", payload)
        self.session_id = data["session_id"]
        self.room = (data["url"], data["access_token"])
        await self._post("/v1/streaming.start", {"session_id": self.session_id})
        return self

    async def __aexit__(self, *exc):
        try:
            await self._post("/v1/streaming.stop", {"session_id": self.session_id})
        finally:
            await self._http.close()
        return False

    async def speak(self, text):
        data = await self._post("/v1/streaming.task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})
        return data["task_id"]

    async def ask(self, question):
        data = await self._post("/v1/streaming.task", {"session_id": self.session_id, "text": question, "task_type": "chat"})
        return data["task_id"]


async def present(sentences, question=None, on_room=None):
    async with LivePresenter(os.getenv("AVATAR_ID", "Anna_public_3_20240108"), os.getenv("KB_ID")) as p:
        if on_room:
            on_room(*p.room)
        task_ids = await asyncio.gather(*(p.speak(s) for s in sentences))
        if question:
            task_ids.append(await p.ask(question))
    return task_ids


if __name__ == "__main__":
    print(asyncio.run(present(["Hello from the async presenter."])))
