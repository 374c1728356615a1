class TaskMixin:
    def speak(self, session_id, text):
        out = self._request("POST", "/v1/streaming.task", json={"session_id": session_id, "text": text, "task_type": "repeat"})
        return out.get("data", {}).get("task_id")

    def ask(self, session_id, question):
        out = self._request("POST", "/v1/streaming.task", json={"session_id": session_id, "text": question, "task_type": "chat"})
        return out.get("data", {}).get("task_id")

    def interrupt(self, session_id):
        self._request("POST", "/v1/streaming.interrupt", json={"session_id": session_id})
