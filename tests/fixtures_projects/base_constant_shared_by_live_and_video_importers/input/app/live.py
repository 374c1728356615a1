import requests
from .config import BASE_URL, HEYGEN_API_KEY

H = {"x-api-key": HEYGEN_API_KEY}

def open_session():
    data = requests.post(BASE_URL + "/v1/streaming.new", json={"avatar_id": "x", "version": "v2"}, headers=H).json()["data"]
    requests.post(BASE_URL + "/v1/streaming.start", json={"session_id": data["session_id"]}, headers=H)
    return data
