"""Records scripted avatar takes for QA.

The bot joins the avatar's LiveKit room itself (as a subscriber) and captures the stream
while it feeds lines to the avatar.
"""
import logging
import os

import httpx

# Recording client: joins a LiveKit room with (url, token) and captures the tracks.
from e2e_support import viewer as livekit_recorder

log = logging.getLogger("recorder")


class SessionRecorder:
    def __init__(self, avatar_id: str | None = None):
        self.avatar_id = avatar_id or os.environ.get("RECORDER_AVATAR_ID", "Anna_public_3_20240108")
        self.client = httpx.Client(
            base_url="https://api.heygen.com",
            headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
            timeout=30,
        )

    def _post(self, path: str, **body):
        r = self.client.post(path, json=body)
        r.raise_for_status()
        return r.json().get("data")

    def record(self, lines: list[str]) -> dict:
        info = self._post("/v1/streaming.new", avatar_id=self.avatar_id, quality="high", version="v2")
        session_id = info["session_id"]
        joined = False
        try:
            self._post("/v1/streaming.start", session_id=session_id)
            livekit_url, livekit_token = info["url"], info["access_token"]
            log.info("joining %s", livekit_url)
            livekit_recorder.join(livekit_url, livekit_token)
            joined = True
            for n, line in enumerate(lines, 1):
                self._post("/v1/streaming.task", session_id=session_id, text=line, task_type="repeat")
                if n < len(lines):
                    self._post("/v1/streaming.keep_alive", session_id=session_id)
        finally:
            self._post("/v1/streaming.stop", session_id=session_id)
            self.client.close()
        return {"session_id": session_id, "lines": len(lines), "joined": joined}
