import os
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

from lib.endpoints import CLOSE_SESSION, NEW_SESSION, START_SESSION
from lib.heygen import HeyGenError, call, read_json, send_json


def open_session(quality="medium"):
    info = call(NEW_SESSION, {
        "avatar_id": os.environ["AVATAR_ID"],
        "quality": quality,
        "version": "v2",
        "video_encoding": "H264",
    })
    call(START_SESSION, {"session_id": info["session_id"]})
    return {
        "sessionId": info["session_id"],
        "serverUrl": info["url"],
        "participantToken": info["access_token"],
    }


class handler(BaseHTTPRequestHandler):
    def do_POST(self):
        action = parse_qs(urlparse(self.path).query).get("action", ["start"])[0]
        body = read_json(self)
        try:
            if action == "start":
                send_json(self, 200, open_session(body.get("quality", "medium")))
            elif action == "stop":
                call(CLOSE_SESSION, {"session_id": body["sessionId"]})
                send_json(self, 200, {"ok": True})
            else:
                send_json(self, 400, {"error": f"unknown action {action}"})
        except HeyGenError as e:
            send_json(self, 502, {"error": str(e)})

    def log_message(self, format, *args):
        pass
