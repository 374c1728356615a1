# HeyGen streaming endpoints (Interactive Avatar). Copied from the API reference, Jan 2025.
import logging
import os

import requests

log = logging.getLogger("kiosk.heygen")

URL_NEW = "https://api.heygen.com/v1/streaming.new"
URL_START = "https://api.heygen.com/v1/streaming.start"
URL_TASK = "https://api.heygen.com/v1/streaming.task"
URL_TASK_RESULT = "https://api.heygen.com/v1/streaming.task.result/{task_id}"  # not in the docs, saw it in devtools
URL_INTERRUPT = "https://api.heygen.com/v1/streaming.interrupt"
URL_KEEP_ALIVE = "https://api.heygen.com/v1/streaming.keep_alive"  # unused: see activity_idle_timeout below
URL_STOP = "https://api.heygen.com/v1/streaming.stop"


class StreamingAPI:
    """Thin wrapper; one instance per kiosk process."""

    def __init__(self, api_key=None, avatar_id=None):
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = api_key or os.environ["HEYGEN_API_KEY"]
        self.http.headers["Content-Type"] = "application/json"
        self.avatar_id = avatar_id or os.environ.get("KIOSK_AVATAR", "Anna_public_3_20240108")

    def _post(self, url, payload):
        r = self.http.post(url, json=payload, timeout=20)
        r.raise_for_status()
        return r.json()

    def new_session(self):
        # a kiosk sits idle between visitors for up to an hour; rather than a keep_alive loop
        # we ask for the longest idle timeout HeyGen allows
        payload = {
            "avatar_id": self.avatar_id,
            "quality": "low",
            "version": "v2",
            "activity_idle_timeout": 3600,
        }
        info = self._post(URL_NEW, payload)["data"]
        log.info("session %s created (no keep_alive needed, idle timeout %ss)", info["session_id"],
                 payload["activity_idle_timeout"])
        return info

    def start(self, session_id):
        self._post(URL_START, {"session_id": session_id})

    def speak(self, session_id, text):
        res = self._post(URL_TASK, {"session_id": session_id, "text": text, "task_type": "repeat"})
        return res["data"]["task_id"]

    def task_result(self, session_id, task_id):
        """Poll whether a task finished. Undocumented, may go away."""
        r = self.http.get(URL_TASK_RESULT.format(task_id=task_id), params={"session_id": session_id}, timeout=10)
        if r.status_code == 404:
            return None
        return r.json().get("data")

    def interrupt(self, session_id):
        self._post(URL_INTERRUPT, {"session_id": session_id})

    def stop(self, session_id):
        self._post(URL_STOP, {"session_id": session_id})
