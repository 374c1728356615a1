import os
import time

import requests

DEFAULT_HOST = "https://api.heygen.com/v1"


class InteractiveAvatar(object):
    def __init__(self, api_key=None, avatar_name=None, host=DEFAULT_HOST):
        self.host = host.rstrip("/")
        self.avatar_name = avatar_name or os.environ.get("HEYGEN_AVATAR_NAME", "Anna_public_3_20240108")
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = api_key or os.environ["HEYGEN_API_KEY"]
        self.kb = os.environ.get("HEYGEN_KNOWLEDGE_BASE_ID")
        self.current = None

    def endpoint(self, name):
        return "%s/streaming.%s" % (self.host, name)

    def cleanup_stale_sessions(self):
        listing = self.http.get(self.host + "/streaming.list").json()
        for item in listing.get("data", {}).get("sessions", []):
            self.http.post(self.endpoint("stop"), json={"session_id": item["session_id"]})

    def open(self):
        body = {"avatar_name": self.avatar_name, "quality": "high", "version": "v2"}
        if self.kb:
            body["knowledge_base_id"] = self.kb
        r = self.http.post(self.endpoint("new"), json=body)
        r.raise_for_status()
        info = r.json()["data"]
        self.current = info["session_id"]
        self.http.post(self.endpoint("start"), json={"session_id": self.current}).raise_for_status()
        return {"url": info["url"], "access_token": info["access_token"]}

    def say(self, text, task_type="repeat"):
        if self.current is None:
            raise RuntimeError("call open() first")
        r = self.http.post(self.endpoint("task"), json={"session_id": self.current, "text": text, "task_type": task_type})
        r.raise_for_status()
        return r.json()

    def heartbeat(self, beats=3, interval=0.05):
        for _ in range(beats):
            if not self.http.post(self.endpoint("keep_alive"), json={"session_id": self.current}).ok:
                break
            time.sleep(interval)

    def close(self):
        if self.current:
            self.http.post(self.endpoint("stop"), json={"session_id": self.current})
            self.current = None
        self.http.close()
