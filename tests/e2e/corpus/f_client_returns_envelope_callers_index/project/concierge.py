import os

from heygen_api import HeyGenAPI

AVATAR_ID = os.getenv("CONCIERGE_AVATAR", "Anna_public_3_20240108")
KB_ID = os.getenv("CONCIERGE_KB")


class Concierge:
    def __init__(self):
        self.api = HeyGenAPI()
        self.session_id = None

    def open(self):
        res = self.api.new_session(AVATAR_ID, knowledge_base_id=KB_ID)
        if res["code"] != 100:
            raise RuntimeError(f"could not create session: {res['message']}")
        self.session_id = res["data"]["session_id"]
        started = self.api.start_session(self.session_id)
        if started["code"] != 100:
            raise RuntimeError(f"could not start session: {started['message']}")
        return {"url": res["data"]["url"], "token": res["data"]["access_token"]}

    def greet(self, text):
        self.api.speak(self.session_id, text, task_type="repeat")

    def answer(self, question):
        res = self.api.speak(self.session_id, question)
        if res["code"] != 100:
            raise RuntimeError(res["message"])
        return res["data"]

    def close(self):
        self.api.stop_session(self.session_id)
        self.session_id = None
