import os

from . import api


class Concierge:
    """Hotel concierge avatar: greets, answers from the hotel's knowledge base."""

    def __init__(self) -> None:
        self.session_id = ""
        self.room: dict[str, str] = {}

    def open(self) -> dict[str, str]:
        info = api.new_session(os.environ["AVATAR_ID"], os.environ.get("KNOWLEDGE_BASE_ID"))
        api.start_session(info["session_id"])
        self.session_id = info["session_id"]
        self.room = {"url": info["url"], "token": info["access_token"]}
        return self.room

    def greet(self, guest: str) -> str:
        return api.send_task(self.session_id, f"Welcome to the Grand, {guest}!")["task_id"]

    def answer(self, question: str) -> str:
        return api.send_task(self.session_id, question, task_type="talk")["task_id"]

    def close(self) -> None:
        api.stop_listening(self.session_id)
        api.stop_session(self.session_id)
