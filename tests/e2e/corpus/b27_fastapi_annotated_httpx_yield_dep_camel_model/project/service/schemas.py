from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class CamelModel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="ignore")


class StartRequest(CamelModel):
    avatar_id: str | None = None
    quality: str = "medium"


class SessionInfo(CamelModel):
    """What the React client needs to join the room (camelCase on the wire)."""

    session_id: str
    url: str
    access_token: str
    session_duration_limit: int | None = None


class SpeakRequest(CamelModel):
    text: str
    task_type: str = "repeat"
