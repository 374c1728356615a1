import requests
from .config import BASE_URL, HEYGEN_API_KEY

def render(script):
    return requests.post(f"{BASE_URL}/v2/video/generate", json={"video_inputs": [{"voice": {"type": "text", "input_text": script}}]}, headers={"x-api-key": HEYGEN_API_KEY}).json()["data"]["video_id"]
