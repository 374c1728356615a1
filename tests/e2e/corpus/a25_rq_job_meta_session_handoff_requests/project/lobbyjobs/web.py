from __future__ import annotations

from rqlite import Job


def lobby_screen_credentials(open_job_id: str) -> dict:
    session = Job.fetch(open_job_id).meta["session"]
    return {"livekit_url": session["url"], "token": session["access_token"]}
