"""Each HeyGen endpoint is a small callable object: `create_session(avatar_id=...)`.

Declaring the endpoints as data keeps the module tiny and lets tests swap the transport.
"""
import os

import requests

HOST = "https://api.heygen.com"


class Endpoint:
    """One POST endpoint; calling the object sends its keyword arguments as the JSON body."""

    transport = requests.Session()

    def __init__(self, path, required=()):
        self.path = path
        self.required = tuple(required)

    def __repr__(self):
        return f"<Endpoint POST {self.path}>"

    def __call__(self, **body):
        missing = [name for name in self.required if body.get(name) in (None, "")]
        if missing:
            raise TypeError(f"{self.path}: missing {', '.join(missing)}")
        resp = self.transport.post(
            HOST + self.path,
            json=body,
            headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
            timeout=30,
        )
        resp.raise_for_status()
        return resp.json().get("data") or {}


create_session = Endpoint("/v1/streaming.new", required=("avatar_id",))
start_session = Endpoint("/v1/streaming.start", required=("session_id",))
send_task = Endpoint("/v1/streaming.task", required=("session_id", "text"))
keep_alive = Endpoint("/v1/streaming.keep_alive", required=("session_id",))
close_session = Endpoint("/v1/streaming.stop", required=("session_id",))
