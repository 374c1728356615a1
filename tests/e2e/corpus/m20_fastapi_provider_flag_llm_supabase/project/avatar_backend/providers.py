import logging
import os
import threading
import time

import requests

logger = logging.getLogger(__name__)

HEYGEN_API = "https://api.heygen.com/v1"
DID_API = "https://api.d-id.com"
KEEPALIVE_EVERY = int(os.getenv("KEEPALIVE_EVERY", "240"))  # heygen kills idle sessions after ~5 min


class ProviderError(RuntimeError):
    pass


class HeyGenProvider:
    name = "heygen"

    def __init__(self):
        self.api_key = os.environ["HEYGEN_API_KEY"]
        self.avatar = os.getenv("HEYGEN_AVATAR", "Anna_public_3_20240108")
        self._token = None
        self._token_at = 0
        self._pingers = {}

    def _get_token(self):
        # tokens are valid for a while, no need to mint one per call
        if self._token and time.time() - self._token_at < 600:
            return self._token
        r = requests.post(f"{HEYGEN_API}/streaming.create_token", headers={"x-api-key": self.api_key})
        r.raise_for_status()
        self._token = r.json()["data"]["token"]
        self._token_at = time.time()
        return self._token

    def _headers(self):
        return {"Authorization": f"Bearer {self._get_token()}", "Content-Type": "application/json"}

    def _post(self, endpoint, payload, retries=3):
        delay = 0.5
        for attempt in range(1, retries + 1):
            try:
                r = requests.post(f"{HEYGEN_API}/{endpoint}", headers=self._headers(), json=payload, timeout=20)
            except requests.ConnectionError as exc:
                logger.warning("%s attempt %d failed: %s", endpoint, attempt, exc)
                time.sleep(delay)
                delay *= 2
                continue
            if r.status_code >= 500 and attempt < retries:
                time.sleep(delay)
                delay *= 2
                continue
            data = r.json()
            if data.get("code") != 100:
                raise ProviderError(f"{endpoint}: {data.get('message')}")
            return data.get("data")
        raise ProviderError(f"{endpoint}: gave up after {retries} attempts")

    async def open(self):
        info = self._post("streaming.new", {"avatar_name": self.avatar, "quality": "low", "version": "v2"})
        self._post("streaming.start", {"session_id": info["session_id"]})
        self._start_pinger(info["session_id"])
        return {"session_id": info["session_id"], "livekit_url": info["url"], "token": info["access_token"]}

    async def speak(self, session_id, text, interrupt_first=False):
        if interrupt_first:
            self._post("streaming.interrupt", {"session_id": session_id})
        return self._post("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    async def ping(self, session_id):
        self._post("streaming.keep_alive", {"session_id": session_id})

    async def close(self, session_id):
        stop = self._pingers.pop(session_id, None)
        if stop:
            stop.set()
        self._post("streaming.stop", {"session_id": session_id})

    def _start_pinger(self, session_id):
        stop = threading.Event()

        def loop():
            while not stop.wait(KEEPALIVE_EVERY):
                try:
                    self._post("streaming.keep_alive", {"session_id": session_id})
                except Exception:
                    logger.exception("keep alive failed for %s", session_id)

        threading.Thread(target=loop, name=f"keepalive-{session_id[:8]}", daemon=True).start()
        self._pingers[session_id] = stop


class DIDProvider:
    """D-ID talks endpoint, we tried it in March. Kept behind the flag for the sales demo."""

    name = "did"

    def __init__(self):
        self.key = os.environ.get("DID_API_KEY", "")

    async def open(self):
        r = requests.post(f"{DID_API}/talks/streams", headers={"Authorization": f"Basic {self.key}"},
                          json={"source_url": os.getenv("DID_SOURCE_URL")})
        r.raise_for_status()
        d = r.json()
        return {"session_id": d["id"], "livekit_url": None, "token": d.get("session_id")}

    async def speak(self, session_id, text, interrupt_first=False):
        raise NotImplementedError("TODO: D-ID needs the webrtc answer first")

    async def ping(self, session_id):
        pass

    async def close(self, session_id):
        requests.delete(f"{DID_API}/talks/streams/{session_id}", headers={"Authorization": f"Basic {self.key}"})


def get_provider(name=None):
    name = (name or os.getenv("AVATAR_PROVIDER", "heygen")).lower()
    if name == "did":
        return DIDProvider()
    return HeyGenProvider()
