"""Screen manager: a worker thread that puts each new room on the next free lobby screen."""
import logging
import queue
import threading

log = logging.getLogger(__name__)


class ScreenManager(threading.Thread):
    def __init__(self, screens):
        super().__init__(name="screen-manager", daemon=True)
        self.inbox = queue.Queue()
        self.free = list(screens)
        self.assigned = {}
        self.lock = threading.Lock()

    def run(self):
        while True:
            room = self.inbox.get()
            if room is None:
                break
            with self.lock:
                if not self.free:
                    log.warning("no free screen for %s", room["session_id"])
                    continue
                screen = self.free.pop(0)
                self.assigned[screen] = {
                    "session_id": room["session_id"],
                    "server": room["url"],
                    "token": room["access_token"],
                }
            log.info("room %s on %s", room["session_id"], screen)
            self.inbox.task_done()

    def snapshot(self):
        with self.lock:
            return dict(self.assigned)

    def release(self, session_id):
        with self.lock:
            for screen, room in list(self.assigned.items()):
                if room["session_id"] == session_id:
                    del self.assigned[screen]
                    self.free.append(screen)
