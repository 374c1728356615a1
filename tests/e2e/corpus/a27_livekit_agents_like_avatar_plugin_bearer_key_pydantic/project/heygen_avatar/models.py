from typing import Optional

from pydantic import BaseModel


class SessionInfo(BaseModel):
    session_id: str
    url: str
    access_token: str
    session_duration_limit: Optional[int] = None
    is_paid: Optional[bool] = None


class NewSessionResponse(BaseModel):
    code: int
    message: str = ""
    data: SessionInfo
