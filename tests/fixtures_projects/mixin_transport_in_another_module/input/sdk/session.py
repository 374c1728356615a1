class SessionMixin:
    def new_session(self, avatar_id):
        return self._request("POST", "/v1/streaming.new", json={"avatar_id": avatar_id, "version": "v2"})["data"]

    def start_session(self, session_id):
        self._request("POST", "/v1/streaming.start", json={"session_id": session_id})

    def speak(self, session_id, text):
        out = self._request("POST", "/v1/streaming.task", json={"session_id": session_id, "text": text})
        return out.get("data", {}).get("task_id")

    def stop_session(self, session_id):
        self._request("POST", "/v1/streaming.stop", json={"session_id": session_id})
