import os

from .http import ApiClient

client = ApiClient("https://api.heygen.com", os.environ["HEYGEN_API_KEY"])


def open_session(avatar_id):
    body = client.post("/v1/streaming.new", {"avatar_id": avatar_id, "version": "v2"})
    session = body["data"]
    client.post("/v1/streaming.start", {"session_id": session["session_id"]})
    return session


def say(session_id, text):
    client.post("/v1/streaming.task", {"session_id": session_id, "text": text})


def close(session_id):
    client.post("/v1/streaming.stop", {"session_id": session_id})
