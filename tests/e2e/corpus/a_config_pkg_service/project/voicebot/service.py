import logging

from .heygen_client import create_session, send_task, start_session, stop_session

log = logging.getLogger(__name__)


class AvatarSessionService:
    """Keeps the current avatar session for the bot."""

    def __init__(self):
        self.current = None

    def open(self):
        data = create_session()
        self.current = data["session_id"]
        self._activate()
        return {"url": data["url"], "access_token": data["access_token"]}

    def _activate(self):
        start_session(self.current)
        log.info("avatar session %s active", self.current)

    def speak(self, text, mode="repeat"):
        if self.current is None:
            raise RuntimeError("session not open")
        return send_task(self.current, text, task_type=mode)

    def end(self):
        if self.current:
            stop_session(self.current)
            self.current = None
