from .client import BASE_URL, check, make_session
from . import liveavatar_bridge


class FrontDesk:
    def __init__(self, avatar_id, kb_id):
        self.http = make_session()
        self.avatar_id = avatar_id
        self.kb_id = kb_id
        self.session_id = None

    def open(self):
        # TODO(heygen2liveavatar): H2L101 `avatar_id` (from `self.avatar_id`): the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
        # TODO(heygen2liveavatar): H2L101 `knowledge_base_id` (from `self.kb_id`): the knowledge base was copied into a LiveAvatar Context with a new UUID
        body = liveavatar_bridge.start_session(check(
            self.http.post(
                f"{BASE_URL}/sessions/token",
                json={
                    "mode": "FULL",
                    "avatar_id": self.avatar_id,
                    "video_settings": {"encoding": "VP8"},
                    "avatar_persona": {
                        k: v
                        for k, v in {"context_id": self.kb_id}.items()
                        if v is not None
                    },
                },
            )
        ))
        self.session_id = body["data"]["session_id"]
        room = {"url": body["data"]["livekit_url"], "token": body["data"]["livekit_client_token"]}
        return room

    def ask(self, question):
        liveavatar_bridge.emit(
            self.session_id,
            "avatar.speak_response",
            text=question,
        )

    def close(self):
        check(
            self.http.post(
                f"{BASE_URL}/sessions/stop",
                json={"session_id": self.session_id, "reason": "USER_CLOSED"},
            )
        )
        liveavatar_bridge.release(self.session_id)
