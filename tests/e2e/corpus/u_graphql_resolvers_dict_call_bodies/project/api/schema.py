"""GraphQL mutations the React app calls to drive its avatar."""
import os
from typing import Optional

from . import gql
from .heygen import heygen


@gql.type
class AvatarRoom:
    session_id: str
    server_url: str
    token: str


@gql.type
class Spoken:
    task_id: str


@gql.type
class Mutation:
    @gql.mutation
    def open_avatar(self, info, avatar_id: Optional[str] = None, language: str = "en") -> AvatarRoom:
        body = dict(
            avatar_id=avatar_id or os.getenv("GQL_AVATAR_ID", "Anna_public_3_20240108"),
            quality="medium",
            language=language,
            version="v2",
        )
        data = heygen("/v1/streaming.new", body)
        heygen("/v1/streaming.start", dict(session_id=data["session_id"]))
        info.context.setdefault("sessions", set()).add(data["session_id"])
        return AvatarRoom(session_id=data["session_id"], server_url=data["url"], token=data["access_token"])

    @gql.mutation
    def speak(self, info, session_id: str, text: str) -> Spoken:
        data = heygen("/v1/streaming.task", dict(session_id=session_id, text=text, task_type="repeat"))
        return Spoken(task_id=data["task_id"])

    @gql.mutation
    def interrupt(self, info, session_id: str) -> bool:
        heygen("/v1/streaming.interrupt", dict(session_id=session_id))
        return True

    @gql.mutation
    def close_avatar(self, info, session_id: str) -> bool:
        heygen("/v1/streaming.stop", dict(session_id=session_id))
        info.context.get("sessions", set()).discard(session_id)
        return True


schema = gql.Schema(mutation=Mutation)
