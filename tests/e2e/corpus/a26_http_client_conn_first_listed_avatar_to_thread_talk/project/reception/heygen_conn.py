import http.client
import json
import os

HOST = "api.heygen.com"


class HeyGenFailure(Exception):
    pass


class HeyGenConn:
    def __init__(self, api_key=None):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]

    def _do(self, method, path, body=None):
        conn = http.client.HTTPSConnection(HOST, timeout=30)
        try:
            headers = {"x-api-key": self.api_key, "accept": "application/json"}
            if body is not None:
                headers["content-type"] = "application/json"
                conn.request(method, path, body=json.dumps(body), headers=headers)
            else:
                conn.request(method, path, headers=headers)
            resp = conn.getresponse()
            payload = json.loads(resp.read().decode())
        finally:
            conn.close()
        if resp.status >= 400 or payload.get("code") != 100:
            raise HeyGenFailure(f"{method} {path}: {resp.status} {payload.get('message')}")
        return payload["data"]

    def avatars(self):
        return self._do("GET", "/v1/streaming/avatar.list")

    def new(self, avatar_id, kb=None):
        return self._do("POST", "/v1/streaming.new", {"avatar_id": avatar_id, "knowledge_base_id": kb, "version": "v2"})

    def start(self, session_id):
        self._do("POST", "/v1/streaming.start", {"session_id": session_id})

    def task(self, session_id, text, task_type):
        return self._do("POST", "/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})

    def keep_alive(self, session_id):
        self._do("POST", "/v1/streaming.keep_alive", {"session_id": session_id})

    def stop(self, session_id):
        self._do("POST", "/v1/streaming.stop", {"session_id": session_id})
