"""NiceGUI control page for the showroom avatar.

    python main.py    # http://localhost:8080
"""
import json
import os

import httpx
from nicegui import app, ui

HEYGEN = httpx.AsyncClient(
    base_url="https://api.heygen.com",
    headers={"X-Api-Key": os.environ.get("HEYGEN_API_KEY", "")},
    timeout=30,
)
AVATAR_ID = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")

# the browser side: LiveKit JS connects with the session the server embedded
PLAYER = """
<video id="avatar" autoplay playsinline style="width:100%"></video>
<script type="module">
  import { Room, RoomEvent } from "https://cdn.jsdelivr.net/npm/livekit-client/+esm";
  const SESSION = __SESSION__;
  const room = new Room();
  room.on(RoomEvent.TrackSubscribed, (t) => t.kind === "video" && t.attach(document.getElementById("avatar")));
  await room.connect(SESSION.url, SESSION.access_token);
</script>
"""


async def heygen(path, payload):
    resp = await HEYGEN.post(path, json=payload)
    resp.raise_for_status()
    return resp.json()["data"]


@ui.page("/")
async def index():
    status = ui.label("idle")
    player = ui.html("")
    text = ui.input("Line")

    async def start():
        if "avatar" in app.storage.user:
            ui.notify("already running", type="warning")
            return
        session = await heygen("/v1/streaming.new", {"avatar_id": AVATAR_ID, "quality": "medium", "version": "v2"})
        await heygen("/v1/streaming.start", {"session_id": session["session_id"]})
        app.storage.user["avatar"] = session
        player.set_content(PLAYER.replace("__SESSION__", json.dumps(session)))
        status.set_text(f"live: {session['session_id']}")

    async def speak():
        session = app.storage.user.get("avatar")
        if not session or not text.value:
            return
        await heygen("/v1/streaming.task", {"session_id": session["session_id"], "text": text.value})
        text.value = ""

    async def stop():
        session = app.storage.user.pop("avatar", None)
        if session:
            await heygen("/v1/streaming.stop", {"session_id": session["session_id"]})
        player.set_content("")
        status.set_text("idle")

    ui.button("Start", on_click=start)
    ui.button("Speak", on_click=speak)
    ui.button("Stop", on_click=stop)


@app.on_shutdown
async def close_client():
    await HEYGEN.aclose()


if __name__ in {"__main__", "__mp_main__"}:
    ui.run(title="Showroom avatar", storage_secret=os.environ.get("STORAGE_SECRET", "change-me"))
