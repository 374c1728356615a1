"""Language tutor: a greeting, then the student's questions answered by the avatar's knowledge base."""
import os

from requests_models import NewSessionRequest, Quality, SessionRef, TaskRequest, TaskType
from wire import post


def start_lesson():
    req = NewSessionRequest(
        avatar_id=os.getenv("TUTOR_AVATAR", "Anna_public_3_20240108"),
        quality=Quality.LOW,
        knowledge_base_id=os.getenv("TUTOR_KB"),
    )
    info = post("streaming.new", req)
    post("streaming.start", SessionRef(info["session_id"]))
    return info


def lesson(session_id, questions):
    post("streaming.task", TaskRequest(session_id, "Bonjour! Ready for today's lesson?"))
    for question in questions:
        post("streaming.task", TaskRequest(session_id, question, TaskType.TALK))


def end_lesson(session_id):
    post("streaming.stop", SessionRef(session_id=session_id))
