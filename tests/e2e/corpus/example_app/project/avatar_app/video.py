"""Pre-rendered welcome videos via HeyGen's *video* generation API.

This is not the streaming API: these calls are for offline MP4 rendering and
should keep working as they are.
"""

import time

import requests

from .config import AVATAR_ID, HEYGEN_API_KEY, VOICE_ID

VIDEO_GENERATE_URL = "https://api.heygen.com/v2/video/generate"
VIDEO_STATUS_URL = "https://api.heygen.com/v1/video_status.get"


def render_welcome_video(script, title="welcome"):
    payload = {
        "title": title,
        "video_inputs": [{
            "character": {"type": "avatar", "avatar_id": AVATAR_ID, "avatar_style": "normal"},
            "voice": {"type": "text", "input_text": script, "voice_id": VOICE_ID},
        }],
        "dimension": {"width": 1280, "height": 720},
    }
    resp = requests.post(
        VIDEO_GENERATE_URL,
        headers={"X-Api-Key": HEYGEN_API_KEY},
        json=payload,
        timeout=60,
    )
    resp.raise_for_status()
    return resp.json()["data"]["video_id"]


def wait_for_video(video_id, poll_seconds=10):
    """Poll until rendering finishes and return the MP4 URL."""
    while True:
        resp = requests.get(
            VIDEO_STATUS_URL,
            headers={"X-Api-Key": HEYGEN_API_KEY},
            params={"video_id": video_id},
            timeout=30,
        )
        data = resp.json()["data"]
        if data["status"] == "completed":
            return data["video_url"]
        if data["status"] == "failed":
            raise RuntimeError(f"video {video_id} failed: {data.get('error')}")
        time.sleep(poll_seconds)
