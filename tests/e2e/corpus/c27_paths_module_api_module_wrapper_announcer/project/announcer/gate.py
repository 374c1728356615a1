"""One gate screen: boarding announcements spoken by the avatar."""
import logging
import os
import threading

from . import http, paths

log = logging.getLogger(__name__)

TEMPLATES = {
    "boarding": "Flight {flight} to {city} is now boarding at gate {gate}.",
    "final": "Final call for flight {flight} to {city}. Gate {gate} closes in five minutes.",
    "closed": "Gate {gate} is now closed. Thank you.",
}


class GateScreen:
    def __init__(self, gate, flight, city):
        self.gate, self.flight, self.city = gate, flight, city
        self.session = None
        self._lock = threading.Lock()

    def power_on(self):
        info = http.call(
            "POST",
            paths.NEW,
            {
                "avatar_id": os.environ["GATE_AVATAR"],
                "quality": "low",
                "version": "v2",
                "disable_idle_timeout": False,
            },
        )
        http.call("POST", paths.START, {"session_id": info["session_id"]})
        self.session = info["session_id"]
        log.info("gate %s live", self.gate)
        return {"livekit_url": info["url"], "viewer_token": info["access_token"]}

    def announce(self, kind):
        text = TEMPLATES[kind].format(gate=self.gate, flight=self.flight, city=self.city)
        with self._lock:
            http.call(
                "POST",
                paths.TASK,
                {"session_id": self.session, "text": text, "task_type": "repeat"},
            )
        return text

    def heartbeat(self):
        if self.session is None:
            return False
        http.call("POST", paths.KEEP_ALIVE, {"session_id": self.session})
        return True

    def power_off(self):
        if self.session is not None:
            http.call("POST", paths.STOP, {"session_id": self.session})
            self.session = None
