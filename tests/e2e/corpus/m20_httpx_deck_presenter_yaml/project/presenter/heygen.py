"""HeyGen streaming client (sync, httpx)."""
import logging
import os
import threading

import httpx

log = logging.getLogger(__name__)

BASE_URL = "https://api.heygen.com/v1"
MEET_URL = "https://meet.livekit.io/custom?liveKitUrl={url}&token={token}"


class StreamingError(Exception):
    pass


class StreamingClient:
    def __init__(self, api_key=None, keepalive_every=120.0):
        self._client = httpx.Client(
            base_url=BASE_URL,
            headers={"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]},
            transport=httpx.HTTPTransport(retries=3),  # retries connection errors only
            timeout=30.0,
        )
        self.session_id = None
        self.info = None
        self._keepalive_every = keepalive_every
        self._stop_keepalive = threading.Event()
        self._keepalive_thread = None

    def _post(self, path, body):
        r = self._client.post(path, json=body)
        data = r.json()
        if r.status_code != 200 or data.get("code") != 100:
            raise StreamingError(f"{path}: {r.status_code} {data.get('message')}")
        return data

    def open(self, avatar, quality="medium", language=None, knowledge_base_id=None):
        body = {"avatar_id": avatar, "quality": quality, "version": "v2"}
        if language:
            body["language"] = language
        if knowledge_base_id:
            body["knowledge_base_id"] = knowledge_base_id
        self.info = self._post("/streaming.new", body)
        self.session_id = self.info["data"]["session_id"]
        self._post("/streaming.start", {"session_id": self.session_id})
        self._keepalive_thread = threading.Thread(target=self._keepalive, daemon=True)
        self._keepalive_thread.start()
        return self.info

    def meet_link(self):
        return MEET_URL.format(url=self.info["data"]["url"], token=self.info["data"]["access_token"])

    def _keepalive(self):
        while not self._stop_keepalive.wait(self._keepalive_every):
            try:
                self._post("/streaming.keep_alive", {"session_id": self.session_id})
            except (StreamingError, httpx.HTTPError) as exc:
                log.warning("keep-alive failed: %s", exc)

    def speak(self, text, task_type="repeat"):
        return self._post("/streaming.task", {"session_id": self.session_id, "text": text,
                                              "task_type": task_type})

    def interrupt(self):
        self._post("/streaming.interrupt", {"session_id": self.session_id})

    def close(self):
        self._stop_keepalive.set()
        try:
            if self.session_id:
                self._post("/streaming.stop", {"session_id": self.session_id})
        finally:
            self.session_id = None
            self._client.close()
