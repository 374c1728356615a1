"""Terminal console for the showroom avatar (Textual).

    python avatar_tui.py

Start / Say / Interrupt / Stop buttons; the LiveKit link for the showroom screen is shown
in the panel at the top whenever a session is live.
"""
import os

import aiohttp
from textual.app import App, ComposeResult
from textual.reactive import reactive
from textual.widgets import Button, Footer, Header, Input, Static

HEYGEN_BASE = os.environ.get("HEYGEN_BASE", "https://api.heygen.com")
AVATAR_ID = os.environ.get("TUI_AVATAR_ID", "Anna_public_3_20240108")


class HeyGen:
    def __init__(self, http: aiohttp.ClientSession):
        self.http = http

    async def call(self, endpoint: str, payload: dict) -> dict:
        async with self.http.post(f"{HEYGEN_BASE}/v1/{endpoint}", json=payload) as resp:
            body = await resp.json()
            if resp.status != 200 or body.get("code") != 100:
                raise RuntimeError(f"{endpoint}: {body.get('message', resp.status)}")
            return body["data"]


class AvatarConsole(App):
    TITLE = "Showroom avatar"
    room: reactive[dict | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("no session", id="link")
        yield Input(placeholder="what should the avatar say?", id="line")
        yield Button("Start", id="start", variant="success")
        yield Button("Say", id="say")
        yield Button("Interrupt", id="interrupt", variant="warning")
        yield Button("Stop", id="stop", variant="error")
        yield Footer()

    async def on_mount(self) -> None:
        self.http = aiohttp.ClientSession(headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
        self.heygen = HeyGen(self.http)

    async def on_unmount(self) -> None:
        await self.http.close()

    def watch_room(self, room) -> None:
        link = self.query_one("#link", Static)
        if room is None:
            link.update("no session")
        else:
            link.update(f"LiveKit: {room['url']}\nToken: {room['access_token']}")

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        try:
            match event.button.id:
                case "start" if self.room is None:
                    data = await self.heygen.call(
                        "streaming.new", {"avatar_id": AVATAR_ID, "version": "v2"}
                    )
                    await self.heygen.call("streaming.start", {"session_id": data["session_id"]})
                    self.room = data
                case "say" if self.room is not None:
                    line = self.query_one("#line", Input)
                    await self.heygen.call(
                        "streaming.task",
                        {"session_id": self.room["session_id"], "text": line.value,
                         "task_type": "repeat"},
                    )
                    line.value = ""
                case "interrupt" if self.room is not None:
                    await self.heygen.call(
                        "streaming.interrupt", {"session_id": self.room["session_id"]}
                    )
                case "stop" if self.room is not None:
                    await self.heygen.call("streaming.stop", {"session_id": self.room["session_id"]})
                    self.room = None
        except RuntimeError as err:
            self.notify(str(err), severity="error")


if __name__ == "__main__":
    AvatarConsole().run()
