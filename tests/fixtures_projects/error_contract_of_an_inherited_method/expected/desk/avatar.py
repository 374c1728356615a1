from desk.client import BaseClient, HeyGenError
from desk import liveavatar_bridge


class DeskAvatar(BaseClient):
    def open(self, avatar_id):
        data = liveavatar_bridge.start_session(
            self._request(
                "/v1/sessions/token",
                {
                    "mode": "FULL",
                    "avatar_id": avatar_id,
                    "video_settings": {"quality": "low", "encoding": "VP8"},
                    "avatar_persona": {},
                },
            ),
            self.BASE + "/v1/sessions/token",
            error=HeyGenError,
        )
        return liveavatar_bridge.with_heygen_names(data)

    def say(self, session_id, text):
        liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text, error=HeyGenError)
