from dataclasses import dataclass
from enum import Enum
from typing import Optional


class TaskType(str, Enum):
    REPEAT = "repeat"
    TALK = "talk"


class Quality(Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass
class NewSessionRequest:
    avatar_id: str
    quality: Quality = Quality.MEDIUM
    knowledge_base_id: Optional[str] = None
    version: str = "v2"


@dataclass
class TaskRequest:
    session_id: str
    text: str
    task_type: TaskType = TaskType.REPEAT


@dataclass
class SessionRef:
    session_id: str
