import requests

from lobby import settings


class HeyGenError(RuntimeError):
    pass


class StreamingClient:
    def __init__(self, api_key=settings.HEYGEN_API_KEY):
        self.http = requests.Session()
        self.http.headers.update({"x-api-key": api_key})

    def new_session(self, avatar_id, quality="medium"):
        payload = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        resp = self.http.post("https://api.heygen.com/v1/streaming.new", json=payload)
        if not resp.ok:
            raise HeyGenError(resp.text)
        return resp.json()["data"]
