"""Sessions opened through a gateway handed in by the app (`self.gw.call("new", body)`)."""
from .gateway import HeyGenGateway


class Sessions:
    def __init__(self, gateway: HeyGenGateway):
        self.gw = gateway

    def open(self, avatar_id):
        data = self.gw.call("new", {"avatar_id": avatar_id, "version": "v2"})["data"]
        self.gw.call("start", {"session_id": data["session_id"]})
        return {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}

    def say(self, sid, text, converse=False):
        out = self.gw.call("task", {"session_id": sid, "text": text, "task_type": "talk" if converse else "repeat"})
        return out.get("data", {}).get("task_id")

    def interrupt(self, sid):
        self.gw.call("interrupt", {"session_id": sid})

    def keep_alive(self, sid):
        self.gw.call("keep_alive", {"session_id": sid})

    def close(self, sid):
        self.gw.call("stop", {"session_id": sid})
