"""Request/response shapes of the HeyGen streaming API we use."""
from typing import Literal, TypedDict


class VoiceSettings(TypedDict, total=False):
    voice_id: str
    rate: float
    emotion: Literal["excited", "serious", "friendly", "soothing", "broadcaster"]


class NewSessionRequest(TypedDict, total=False):
    avatar_id: str
    quality: Literal["low", "medium", "high"]
    version: Literal["v2"]
    voice: VoiceSettings
    knowledge_base_id: str
    language: str


class TaskRequest(TypedDict, total=False):
    session_id: str
    text: str
    task_type: Literal["repeat", "chat"]
    task_mode: Literal["sync", "async"]


class SessionInfo(TypedDict):
    session_id: str
    url: str
    access_token: str
