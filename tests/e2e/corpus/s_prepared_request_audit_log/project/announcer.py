"""Reads the day's announcements through the avatar."""
import os
import sys

from audited_client import AuditedStreamingClient

ANNOUNCEMENTS = [
    "Good morning, this is the daily briefing.",
    "The cafeteria opens at eleven thirty today.",
    "Remember the fire drill at three.",
]


def open_briefing(client=None):
    client = client or AuditedStreamingClient()
    data = client.create_session(os.getenv("AVATAR_ID", "Anna_public_3_20240108"), os.getenv("VOICE_ID"))
    return client, data


def run_briefing(client, session_id, lines=ANNOUNCEMENTS):
    task_ids = []
    for i, line in enumerate(lines):
        task_ids.append(client.say(session_id, line)["task_id"])
        if i == 0:
            client.keep_alive(session_id)
    client.close(session_id)
    return task_ids


if __name__ == "__main__":
    client, data = open_briefing()
    print("watch:", data["url"], file=sys.stderr)
    run_briefing(client, data["session_id"])
