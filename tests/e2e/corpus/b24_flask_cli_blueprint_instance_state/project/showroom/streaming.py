import requests


class StreamingError(RuntimeError):
    pass


class StreamingAPI:
    """The few HeyGen Interactive Avatar endpoints the showroom uses."""

    def __init__(self, base, key, timeout=30):
        self.base = base.rstrip("/")
        self.timeout = timeout
        self._headers = {"X-Api-Key": key, "Content-Type": "application/json"}

    def _post(self, endpoint, payload):
        resp = requests.post(self.base + endpoint, json=payload, headers=self._headers,
                             timeout=self.timeout)
        if not resp.ok:
            raise StreamingError("%s: HTTP %s %s" % (endpoint, resp.status_code, resp.text[:120]))
        return resp.json()

    def create(self, avatar_id, quality, knowledge_base_id=None):
        body = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        if knowledge_base_id:
            body["knowledge_base_id"] = knowledge_base_id
        return self._post("/streaming.new", body)["data"]

    def start(self, session_id):
        self._post("/streaming.start", {"session_id": session_id})

    def speak(self, session_id, text, task_type="repeat"):
        return self._post("/streaming.task", {"session_id": session_id, "text": text,
                                              "task_type": task_type})["data"]

    def keep_alive(self, session_id):
        self._post("/streaming.keep_alive", {"session_id": session_id})

    def stop(self, session_id):
        self._post("/streaming.stop", {"session_id": session_id})
