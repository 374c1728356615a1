from http.server import BaseHTTPRequestHandler

from lib.endpoints import INTERRUPT, SEND_TASK
from lib.heygen import HeyGenError, call, read_json, send_json


class handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = read_json(self)
        try:
            if body.get("interrupt"):
                call(INTERRUPT, {"session_id": body["sessionId"]})
            if body.get("text"):
                call(SEND_TASK, {
                    "session_id": body["sessionId"],
                    "text": body["text"],
                    "task_type": "repeat",
                })
            send_json(self, 200, {"ok": True})
        except HeyGenError as e:
            send_json(self, 502, {"error": str(e)})

    def log_message(self, format, *args):
        pass
