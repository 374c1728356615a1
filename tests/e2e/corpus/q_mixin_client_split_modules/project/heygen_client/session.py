class SessionMixin:
    def new_session(self, avatar_id, quality="medium", knowledge_base_id=None):
        body = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        if knowledge_base_id:
            body["knowledge_base_id"] = knowledge_base_id
        return self._request("POST", "/v1/streaming.new", json=body)["data"]

    def start_session(self, session_id):
        self._request("POST", "/v1/streaming.start", json={"session_id": session_id})

    def keep_alive(self, session_id):
        self._request("POST", "/v1/streaming.keep_alive", json={"session_id": session_id})

    def stop_session(self, session_id):
        return self._request("POST", "/v1/streaming.stop", json={"session_id": session_id})["data"]
