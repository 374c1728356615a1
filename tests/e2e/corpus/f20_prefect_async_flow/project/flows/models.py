from pydantic import BaseModel, ConfigDict


class AvatarRoom(BaseModel):
    """What the open task hands to the rest of the flow (and to the notifier)."""

    model_config = ConfigDict(extra="ignore")

    session_id: str
    url: str
    access_token: str
