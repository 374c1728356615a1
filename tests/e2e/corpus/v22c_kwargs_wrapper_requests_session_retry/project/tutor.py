import os

from streaming_api import StreamingAPI


class Tutor:
    def __init__(self):
        self.api = StreamingAPI()
        self.sid = None

    def begin(self):
        info = self.api.new(
            avatar_id=os.getenv("AVATAR_ID", "Anna_public_3_20240108"),
            quality="medium",
            knowledge_base_id=os.getenv("KB_ID"),
        )
        self.sid = info["session_id"]
        self.api.start(session_id=self.sid)
        return info["url"], info["access_token"]

    def explain(self, text):
        return self.api.task(session_id=self.sid, text=text, task_type="repeat")

    def answer(self, question):
        return self.api.task(session_id=self.sid, text=question, task_type="chat")

    def still_here(self):
        self.api.keep_alive(session_id=self.sid)

    def end(self):
        self.api.stop(session_id=self.sid)
        self.api.close()
        self.sid = None
