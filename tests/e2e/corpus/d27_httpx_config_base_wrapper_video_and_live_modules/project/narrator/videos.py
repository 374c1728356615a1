import time

from . import config
from .api import heygen_call


def render(script):
    body = {
        "video_inputs": [
            {
                "character": {"type": "avatar", "avatar_id": config.AVATAR},
                "voice": {"type": "text", "voice_id": config.VOICE, "input_text": script},
            }
        ]
    }
    video_id = heygen_call("/v2/video/generate", body)["video_id"]
    for _ in range(20):
        status = heygen_call(f"/v1/video_status.get?video_id={video_id}", method="GET")
        if status["status"] in ("completed", "failed"):
            return status["status"]
        time.sleep(0.2)
    return "pending"
