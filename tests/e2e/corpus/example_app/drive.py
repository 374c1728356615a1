"""Use the example app as its users do (examples/README.md).

The browser: asks the Flask server for a token and a session, joins the LiveKit room, asks for
speech, interrupts and stops. The voice-agent worker: the async client. Operators: the
knowledge-base and list scripts, and the pre-rendered welcome video (HeyGen's video API).
"""

import asyncio
import runpy
import sys
import tempfile
from pathlib import Path

from avatar_app import video
from avatar_app.async_client import HeyGenStreamingClient
from avatar_app.server import app
from e2e_support import viewer


def browser() -> None:
    client = app.test_client()
    token = client.post("/api/token")
    assert token.status_code == 200 and token.get_json()["token"], token.get_data(as_text=True)
    session = client.post("/api/session")
    assert session.status_code == 200, session.get_data(as_text=True)
    data = session.get_json()
    viewer.join(data["url"], data["access_token"])
    session_id = data["session_id"]
    for text, task_type in (
        ("Welcome to the front desk.", "repeat"),
        ("Where is room 12?", "chat"),
    ):
        spoken = client.post(
            "/api/speak", json={"session_id": session_id, "text": text, "task_type": task_type}
        )
        assert spoken.status_code == 200, spoken.get_data(as_text=True)
    assert client.post("/api/interrupt", json={"session_id": session_id}).get_json() == {"ok": True}
    assert client.post("/api/stop", json={"session_id": session_id}).get_json() == {"ok": True}


async def worker() -> None:
    client = HeyGenStreamingClient()
    url, access_token = await client.create_session()
    viewer.join(url, access_token)
    await client.speak("How can I help you today?")
    assert await client.keep_alive() is not None
    await client.close()


def operator_scripts() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        prompt = Path(scratch) / "front_desk.txt"
        prompt.write_text("You are the hotel's front desk.", encoding="utf-8")
        for argv in (["create", "Front desk", str(prompt)], ["list"]):
            sys.argv = ["scripts/knowledge_base.py", *argv]
            runpy.run_path("scripts/knowledge_base.py", run_name="__main__")
    sys.argv = ["scripts/list_sessions.py"]
    runpy.run_path("scripts/list_sessions.py", run_name="__main__")
    video_id = video.render_welcome_video("Welcome!")
    print("video:", video.wait_for_video(video_id, poll_seconds=0))


browser()
asyncio.run(worker())
operator_scripts()
