"""The service only sees an injected client and relative streaming paths."""


class AvatarService:
    def __init__(self, http):
        self.http = http
        self.session_id = None

    def stop(self):
        self.http.post("/v1/streaming.stop", json={"session_id": self.session_id}).raise_for_status()
