"""Thin HeyGen client on the standard library (no third-party deps on the render box)."""
import json
import logging
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import NamedTuple, Optional

log = logging.getLogger("studio.heygen")

API_ROOT = "https://api.heygen.com"
USER_AGENT = "studio-render/2.3"


class HeyGenAPIError(Exception):
    def __init__(self, status, detail):
        super().__init__(f"HeyGen API error {status}: {detail}")
        self.status = status
        self.detail = detail


class VideoJob(NamedTuple):
    video_id: str
    status: str = "pending"
    url: Optional[str] = None


class LiveSession(NamedTuple):
    session_id: str
    livekit_url: str
    viewer_token: str


class HeyGen:
    def __init__(self, api_key=None, timeout=20):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.timeout = timeout

    def _request(self, method, path, body=None, query=None):
        url = API_ROOT + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = None
        headers = {"X-Api-Key": self.api_key, "Accept": "application/json", "User-Agent": USER_AGENT}
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                payload = json.load(resp)
        except urllib.error.HTTPError as exc:
            raise HeyGenAPIError(exc.code, exc.read().decode("utf-8", "replace")) from exc
        if payload.get("error"):
            raise HeyGenAPIError(200, payload["error"])
        return payload.get("data")

    # --- video API -----------------------------------------------------------
    def voices(self):
        return self._request("GET", "/v2/voices")["voices"]

    def generate_video(self, avatar_id, voice_id, script, title=""):
        data = self._request(
            "POST",
            "/v2/video/generate",
            {
                "title": title,
                "video_inputs": [
                    {
                        "character": {"type": "avatar", "avatar_id": avatar_id, "avatar_style": "normal"},
                        "voice": {"type": "text", "input_text": script, "voice_id": voice_id},
                    }
                ],
                "dimension": {"width": 1280, "height": 720},
            },
        )
        return VideoJob(video_id=data["video_id"])

    def video_status(self, job):
        data = self._request("GET", "/v1/video_status.get", query={"video_id": job.video_id})
        return job._replace(status=data["status"], url=data.get("video_url"))

    def wait_for_video(self, job, poll=0.05, attempts=40):
        for _ in range(attempts):
            job = self.video_status(job)
            if job.status in ("completed", "failed"):
                return job
            time.sleep(poll)
        raise HeyGenAPIError(408, f"video {job.video_id} still {job.status}")

    # --- interactive avatar --------------------------------------------------
    def open_live(self, avatar_id, voice_id=None, quality="low"):
        body = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        if voice_id:
            body["voice"] = {"voice_id": voice_id, "rate": 1.0}
        data = self._request("POST", "/v1/streaming.new", body)
        self._request("POST", "/v1/streaming.start", {"session_id": data["session_id"]})
        log.info("live session %s", data["session_id"])
        return LiveSession(data["session_id"], data["url"], data["access_token"])

    def live_say(self, session, text):
        self._request(
            "POST",
            "/v1/streaming.task",
            {"session_id": session.session_id, "text": text, "task_type": "repeat", "task_mode": "sync"},
        )

    def live_close(self, session):
        self._request("POST", "/v1/streaming.stop", {"session_id": session.session_id})
