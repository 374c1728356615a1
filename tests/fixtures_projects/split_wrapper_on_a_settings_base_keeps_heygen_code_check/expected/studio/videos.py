from studio.api import heygen_post


def render(avatar_id, voice_id, script):
    body = {
        "video_inputs": [
            {
                "character": {"type": "avatar", "avatar_id": avatar_id},
                "voice": {"type": "text", "voice_id": voice_id, "input_text": script},
            }
        ]
    }
    return heygen_post("/v2/video/generate", body)["video_id"]
