"""Pre-recorded videos (HeyGen's video generation API)."""
import time

from .settings import settings
from .utils.http import heygen_request


def render(text, title):
    data = heygen_request(
        "POST",
        "/v2/video/generate",
        json={
            "title": title,
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": settings.AVATAR_ID},
                    "voice": {"type": "text", "voice_id": settings.VOICE_ID, "input_text": text},
                }
            ],
            "dimension": {"width": 1280, "height": 720},
        },
    )
    return data["video_id"]


def wait_for(video_id, attempts=20):
    for _ in range(attempts):
        data = heygen_request("GET", "/v1/video_status.get", params={"video_id": video_id})
        if data["status"] == "completed":
            return data["video_url"]
        if data["status"] == "failed":
            raise RuntimeError(f"video {video_id} failed")
        time.sleep(settings.POLL_SECONDS)
    raise TimeoutError(video_id)
