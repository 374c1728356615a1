"""The gateway's callers name their endpoints, one of them at run time (`self.gw.call(action, ...)`):
that call is marked, the others are migrated and the helper's path moves with them."""
from .gateway import HeyGenGateway


class Sessions:
    def __init__(self, gateway: HeyGenGateway):
        self.gw = gateway

    def open(self, avatar_id):
        data = self.gw.call("new", {"avatar_id": avatar_id, "version": "v2"})["data"]
        self.gw.call("start", {"session_id": data["session_id"]})
        return data

    def send(self, action, sid):
        return self.gw.call(action, {"session_id": sid})

    def close(self, sid):
        self.gw.call("stop", {"session_id": sid})
