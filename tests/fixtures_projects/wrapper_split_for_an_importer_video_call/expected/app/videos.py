from .utils import heygen_post


def render(avatar_id, script):
    return heygen_post("/v2/video/generate", {"video_inputs": [{"avatar_id": avatar_id, "input_text": script}]})["video_id"]
