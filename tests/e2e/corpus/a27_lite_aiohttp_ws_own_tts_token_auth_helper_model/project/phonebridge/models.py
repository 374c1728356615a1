from pydantic import BaseModel, ConfigDict


class LiveSession(BaseModel):
    model_config = ConfigDict(extra="ignore")

    session_id: str
    url: str
    access_token: str
    realtime_endpoint: str
