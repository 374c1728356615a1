"""Everything we do with HeyGen: voices, rendered videos, webhooks and the live avatar.

TODO: split the live stuff out once the video part is stable
"""
import hashlib
import hmac
import logging
import time
from typing import Optional

import requests

from .config import heygen_cfg

logger = logging.getLogger("studio.heygen")


class HeyGenError(Exception):
    pass


class HeyGenService:
    def __init__(self, api_key: Optional[str] = None, base_url: Optional[str] = None):
        cfg = heygen_cfg()
        self.api_key = api_key or cfg.get("api_key")
        self.base_url = (base_url or cfg.get("base_url") or "https://api.heygen.com").rstrip("/")
        self.cfg = cfg
        self.http = requests.Session()
        self.http.headers.update({"X-Api-Key": self.api_key, "Accept": "application/json"})
        self._voices_cache = None
        self._voices_at = 0.0

    # ---- helpers -------------------------------------------------------------------------------
    def _check(self, resp):
        try:
            body = resp.json()
        except ValueError:
            raise HeyGenError(f"HeyGen returned non-json ({resp.status_code}): {resp.text[:200]}")
        if resp.status_code >= 400:
            raise HeyGenError(f"HeyGen {resp.status_code}: {body}")
        # v1 endpoints answer with code == 100, v2 ones with error == None
        if "code" in body and body["code"] != 100:
            raise HeyGenError(body.get("message") or str(body))
        if body.get("error"):
            raise HeyGenError(str(body["error"]))
        return body

    # ---- voices / videos (v2) --------------------------------------------------------------------
    def list_voices(self, refresh=False):
        if self._voices_cache is not None and not refresh and time.time() - self._voices_at < 600:
            return self._voices_cache
        resp = self.http.get(f"{self.base_url}/v2/voices", timeout=20)
        voices = self._check(resp)["data"]["voices"]
        self._voices_cache, self._voices_at = voices, time.time()
        return voices

    def generate_video(self, title, script, avatar_id=None, voice_id=None):
        payload = {
            "title": title,
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": avatar_id or self.cfg.get("default_avatar")},
                    "voice": {
                        "type": "text",
                        "input_text": script,
                        "voice_id": voice_id or self.cfg.get("default_voice"),
                    },
                }
            ],
            "dimension": {"width": 1280, "height": 720},
        }
        resp = self.http.post(f"{self.base_url}/v2/video/generate", json=payload, timeout=60)
        return self._check(resp)["data"]["video_id"]

    def video_status(self, video_id):
        resp = self.http.get(f"{self.base_url}/v1/video_status.get", params={"video_id": video_id})
        return self._check(resp)["data"]

    def verify_webhook(self, raw: bytes, signature: str) -> bool:
        secret = (self.cfg.get("webhook_secret") or "").encode()
        expected = hmac.new(secret, raw, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, signature or "")

    # ---- live avatar (streaming) -------------------------------------------------------------------
    def start_live(self, avatar_id=None, with_knowledge=True):
        body = {
            "quality": self.cfg.get("quality", "medium"),
            "avatar_id": avatar_id or self.cfg.get("default_avatar"),
            "voice": {"voice_id": self.cfg.get("default_voice"), "rate": 1.0},
            "version": "v2",
            "video_encoding": "H264",
        }
        if with_knowledge and self.cfg.get("knowledge_base_id"):
            body["knowledge_base_id"] = self.cfg["knowledge_base_id"]
        logger.info("opening live session for %s", body["avatar_id"])
        r = self.http.post(f"{self.base_url}/v1/streaming.new", json=body, timeout=30)
        result = self._check(r)
        session_id = result["data"]["session_id"]
        r = self.http.post(f"{self.base_url}/v1/streaming.start", json={"session_id": session_id}, timeout=30)
        self._check(r)
        return result

    def say(self, session_id, text, task_type="repeat"):
        payload = {"session_id": session_id, "text": text, "task_type": task_type}
        r = self.http.post(f"{self.base_url}/v1/streaming.task", json=payload, timeout=30)
        data = self._check(r).get("data") or {}
        return data.get("task_id")

    def interrupt(self, session_id):
        r = self.http.post(f"{self.base_url}/v1/streaming.interrupt", json={"session_id": session_id})
        return r.ok

    def stop_live(self, session_id):
        r = self.http.post(f"{self.base_url}/v1/streaming.stop", json={"session_id": session_id}, timeout=30)
        if r.status_code != 200:
            logger.warning("stop failed for %s: %s", session_id, r.text)
            return False
        return True

    # def ice(self, session_id, candidate):
    #     return self.http.post(f"{self.base_url}/v1/streaming.ice", json={...})
