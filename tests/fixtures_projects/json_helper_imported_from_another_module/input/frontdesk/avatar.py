from .client import BASE_URL, check, make_session


class FrontDesk:
    def __init__(self, avatar_id, kb_id):
        self.http = make_session()
        self.avatar_id = avatar_id
        self.kb_id = kb_id
        self.session_id = None

    def open(self):
        body = check(
            self.http.post(
                f"{BASE_URL}/streaming.new",
                json={"avatar_id": self.avatar_id, "knowledge_base_id": self.kb_id, "version": "v2"},
            )
        )
        self.session_id = body["data"]["session_id"]
        room = {"url": body["data"]["url"], "token": body["data"]["access_token"]}
        check(self.http.post(f"{BASE_URL}/streaming.start", json={"session_id": self.session_id}))
        return room

    def ask(self, question):
        check(
            self.http.post(
                f"{BASE_URL}/streaming.task",
                json={"session_id": self.session_id, "text": question, "task_type": "chat"},
            )
        )

    def close(self):
        check(self.http.post(f"{BASE_URL}/streaming.stop", json={"session_id": self.session_id}))
