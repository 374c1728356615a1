"""A guided tour on one screen: the avatar narrates an exhibit and answers questions."""
from .config import settings
from .exhibits import kb_name, published
from .paths import NEW_SESSION, SEND_TASK, START_SESSION, STOP_SESSION
from .transport import call


class TourError(Exception):
    pass


class Tour:
    def __init__(self, exhibit_slug: str):
        self.exhibit_slug = exhibit_slug
        self.session_id: str | None = None

    def _open(self, kb_id: str, voice_id: str) -> dict:
        cfg = settings()
        data = call(
            "POST",
            NEW_SESSION,
            {
                "avatar_id": cfg.avatar_id,
                "knowledge_base_id": kb_id,
                "voice": {"voice_id": voice_id, "rate": 1.0},
                "quality": "medium",
                "version": "v2",
            },
        )
        self.session_id = data["session_id"]
        call("POST", START_SESSION, {"session_id": self.session_id})
        return data

    def begin(self) -> dict:
        kb_id = published().get(kb_name(self.exhibit_slug))
        if kb_id is None:
            raise TourError(f"exhibit {self.exhibit_slug!r} is not published")
        data = self._open(kb_id, settings().voice_id)
        return {"livekit_url": data["url"], "token": data["access_token"]}

    def narrate(self, text: str) -> None:
        self._task(text, "repeat")

    def ask(self, question: str) -> None:
        self._task(question, "chat")

    def _task(self, text: str, task_type: str) -> None:
        if self.session_id is None:
            raise TourError("the tour has not begun")
        call("POST", SEND_TASK, {"session_id": self.session_id, "text": text, "task_type": task_type})

    def end(self) -> None:
        if self.session_id is not None:
            call("POST", STOP_SESSION, {"session_id": self.session_id})
            self.session_id = None
