from app.utils import heygen_post


def render(text):
    return heygen_post("/v2/video/generate", {"video_inputs": [{"voice": {"input_text": text}}]})["video_id"]
