from typing import Any, Literal, TypedDict

TaskType = Literal["repeat", "talk", "chat"]


class Envelope(TypedDict):
    code: int
    message: str
    data: Any


class NewSessionData(TypedDict):
    session_id: str
    url: str
    access_token: str
    session_duration_limit: int


class TaskData(TypedDict):
    task_id: str
