import httpx


class StreamingClient:
    """Sync client for HeyGen's streaming endpoints, used by the CLI commands."""

    def __init__(self, api_key, base_url="https://api.heygen.com/v1"):
        self._http = httpx.Client(
            base_url=base_url, headers={"X-Api-Key": api_key}, timeout=httpx.Timeout(30.0)
        )

    def _call(self, endpoint, payload):
        resp = self._http.post(endpoint, json=payload)
        if resp.is_error:
            raise RuntimeError(f"{endpoint}: HTTP {resp.status_code}")
        return resp.json()["data"]

    def new_session(self, avatar_id, knowledge_base_id=None):
        payload = {"avatar_id": avatar_id, "version": "v2", "quality": "medium"}
        if knowledge_base_id:
            payload["knowledge_base_id"] = knowledge_base_id
        return self._call("/streaming.new", payload)

    def start(self, session_id):
        self._call("/streaming.start", {"session_id": session_id})

    def task(self, session_id, text, task_type):
        return self._call(
            "/streaming.task", {"session_id": session_id, "text": text, "task_type": task_type}
        )

    def interrupt(self, session_id):
        self._call("/streaming.interrupt", {"session_id": session_id})

    def stop(self, session_id):
        self._call("/streaming.stop", {"session_id": session_id})

    def close(self):
        self._http.close()
