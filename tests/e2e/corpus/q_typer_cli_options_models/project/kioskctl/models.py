from pydantic import BaseModel


class NewSession(BaseModel):
    session_id: str
    url: str
    access_token: str


class TaskResult(BaseModel):
    task_id: str
