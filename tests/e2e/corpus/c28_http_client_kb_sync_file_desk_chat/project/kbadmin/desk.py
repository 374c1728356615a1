"""A help desk avatar answering from one knowledge base."""
from .conn import KBError, call


def open_desk(avatar_id, knowledge_base_id, language="en"):
    data = call(
        "POST",
        "/v1/streaming.new",
        {
            "avatar_id": avatar_id,
            "knowledge_base_id": knowledge_base_id,
            "language": language,
            "version": "v2",
            "activity_idle_timeout": 300,
        },
    )
    if not data or "session_id" not in data:
        raise KBError("no session returned")
    call("POST", "/v1/streaming.start", {"session_id": data["session_id"]})
    return {
        "session_id": data["session_id"],
        "livekit_url": data["url"],
        "client_token": data["access_token"],
    }


def ask(session, question):
    return call(
        "POST",
        "/v1/streaming.task",
        {"session_id": session["session_id"], "text": question, "task_type": "chat"},
    )


def close(session):
    call("POST", "/v1/streaming.stop", {"session_id": session["session_id"]})
