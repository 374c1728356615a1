"""Reflex page: start the avatar, type lines for it, stop it."""
import os

import reflex as rx

from . import heygen_service as hg

AVATAR_ID = os.environ.get("DEMO_AVATAR_ID", "Anna_public_3_20240108")


class AvatarState(rx.State):
    session: dict[str, str] = {}
    transcript: list[str] = []
    draft: str = ""
    error: str = ""

    @rx.var
    def live(self) -> bool:
        return bool(self.session)

    @rx.var
    def livekit_url(self) -> str:
        return self.session.get("url", "")

    @rx.var
    def livekit_token(self) -> str:
        return self.session.get("access_token", "")

    async def start(self):
        if self.session:
            return
        try:
            data = await hg.create_session(AVATAR_ID)
            await hg.start_session(data["session_id"])
        except Exception as exc:  # shown in the page
            self.error = f"could not start: {exc}"
            return
        self.session = data
        self.error = ""

    def set_draft(self, value: str):
        self.draft = value

    async def send(self):
        if not self.session or not self.draft.strip():
            return
        await hg.speak(self.session["session_id"], self.draft)
        self.transcript.append(self.draft)
        self.draft = ""

    async def cut(self):
        if self.session:
            await hg.interrupt(self.session["session_id"])

    async def stop(self):
        if self.session:
            await hg.stop_session(self.session["session_id"])
            self.session = {}


def index():
    return rx.vstack(
        rx.heading("Avatar demo"),
        rx.html(
            f"<livekit-room url='{AvatarState.livekit_url}' token='{AvatarState.livekit_token}'>"
        ),
        rx.hstack(
            rx.button("Start", on_click=AvatarState.start),
            rx.button("Interrupt", on_click=AvatarState.cut),
            rx.button("Stop", on_click=AvatarState.stop),
        ),
        rx.input(value=AvatarState.draft, on_change=AvatarState.set_draft),
        rx.button("Say it", on_click=AvatarState.send),
        rx.foreach(AvatarState.transcript, rx.text),
        rx.text(AvatarState.error),
    )


app = rx.App()
app.add_page(index, title="Avatar demo")
