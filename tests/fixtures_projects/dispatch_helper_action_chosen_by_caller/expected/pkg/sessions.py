"""The gateway's callers name their endpoints, one of them at run time (`self.gw.call(action, ...)`):
that call is marked, the others are migrated and the helper's path moves with them."""
from .gateway import HeyGenGateway
from . import liveavatar_bridge


class Sessions:
    def __init__(self, gateway: HeyGenGateway):
        self.gw = gateway

    def open(self, avatar_id):
        data = liveavatar_bridge.with_heygen_names(
            liveavatar_bridge.start_session(
                self.gw.call(
                    "token",
                    {
                        "mode": "FULL",
                        "avatar_id": avatar_id,
                        "video_settings": {"encoding": "VP8"},
                        "avatar_persona": {},
                    },
                )
            )
        )["data"]
        return data

    def send(self, action, sid):
        # TODO(heygen2liveavatar): H2L102 `call(...)` builds the URL of an endpoint its caller chooses at run time and LiveAvatar has no such path (tasks are `liveavatar_bridge.emit` events, new/start became the token call): migrate this call by hand
        return self.gw.call(action, {"session_id": sid})

    def close(self, sid):
        self.gw.call("stop", {"session_id": sid, "reason": "USER_CLOSED"})
        liveavatar_bridge.release(sid)
