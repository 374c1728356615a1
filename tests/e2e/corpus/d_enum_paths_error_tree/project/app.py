"""Receptionist avatar for the front desk."""
import os

from heygen_lite import APIError, SessionNotFoundError, StreamingClient
from heygen_lite.client import TaskType


def run_reception(visitor_questions, show_room, client=None):
    client = client or StreamingClient()
    info = client.new_session(
        os.getenv("RECEPTION_AVATAR", "Anna_public_3_20240108"),
        knowledge_base_id=os.getenv("RECEPTION_KB"),
        language="en",
    )
    sid = info["session_id"]
    try:
        client.start_session(sid)
        show_room(info.get("url"), info.get("access_token"))
        client.send_task(sid, "Hello and welcome to Acme. How can I help?")
        client.keep_alive(sid)
        for q in visitor_questions:
            client.send_task(sid, q, TaskType.CHAT)
        client.interrupt(sid)
    finally:
        try:
            client.stop_session(sid)
        except SessionNotFoundError:
            pass
        except APIError as exc:
            print("could not stop session:", exc)
    return sid
