from sdk import liveavatar_bridge
class SessionMixin:
    def new_session(self, avatar_id):
        session_data = liveavatar_bridge.start_session(
            self._request(
                "POST",
                "/v1/sessions/token",
                json={
                    "mode": "FULL",
                    "avatar_id": avatar_id,
                    "video_settings": {"encoding": "VP8"},
                    "avatar_persona": {},
                },
            ),
            f"{self.base_url}/v1/sessions/token",
        )["data"]
        return {
            **session_data,
            "url": session_data.get("livekit_url"),
            "access_token": session_data.get("livekit_client_token"),
        }

    def start_session(self, session_id):
        # LiveAvatar: the session is started where its token is created (liveavatar_bridge.start_session).
        pass

    def speak(self, session_id, text):
        out = liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text)
        return out

    def stop_session(self, session_id):
        self._request("POST", "/v1/sessions/stop", json={"session_id": session_id, "reason": "USER_CLOSED"})
        liveavatar_bridge.release(session_id)
