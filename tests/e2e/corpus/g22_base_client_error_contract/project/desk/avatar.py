from desk.client import BaseClient


class DeskAvatar(BaseClient):
    def open(self, avatar_id):
        data = self._request("/v1/streaming.new", {"avatar_id": avatar_id, "quality": "low", "version": "v2"})
        self._request("/v1/streaming.start", {"session_id": data["session_id"]})
        return data

    def say(self, session_id, text):
        self._request("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})
