import os

from heygen_live import LiveAvatarClient, NewSessionRequest, SessionInfo, TaskRequest

GREETING = ["Welcome to the Harbour Building.", "The lifts are on your left."]


class Kiosk:
    def __init__(self, client: LiveAvatarClient):
        self.client = client
        self.session: SessionInfo | None = None

    def wake(self) -> dict:
        self.session = self.client.create_session(
            NewSessionRequest(avatar_id=os.environ["KIOSK_AVATAR"], quality="low")
        )
        return {"server": self.session.url, "token": self.session.access_token}

    def greet(self):
        for line in GREETING:
            self.client.task(TaskRequest(session_id=self.session.session_id, text=line))

    def sleep(self):
        if self.session:
            self.client.stop(self.session.session_id)
            self.session = None
