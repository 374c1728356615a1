from __future__ import annotations

from tinyagents import Tool

from .desk import AvatarDesk


class OpenDeskTool(Tool):
    name = "open_desk"
    description = "Wake the lobby avatar up and put it on the lobby screen."
    inputs = {}
    output_type = "string"

    def __init__(self, desk: AvatarDesk) -> None:
        self.desk = desk

    def forward(self) -> str:
        state = self.desk.open()
        return f"Room ready: {state.server_url} (token: {state.viewer_token})"


class SpeakTool(Tool):
    name = "speak"
    description = "Say a sentence to the guest, word for word."
    inputs = {
        "text": {"type": "string", "description": "what to say"},
        "style": {"type": "string", "description": "unused for now", "nullable": True},
    }
    output_type = "string"

    def __init__(self, desk: AvatarDesk) -> None:
        self.desk = desk

    def forward(self, text: str, style: str | None = None) -> str:
        if not self.desk.state.live:
            return "The desk is closed."
        self.desk.speak(text)
        return f"Said: {text}"


class HushTool(Tool):
    name = "hush"
    description = "Stop the avatar mid-sentence."
    inputs = {}
    output_type = "string"

    def __init__(self, desk: AvatarDesk) -> None:
        self.desk = desk

    def forward(self) -> str:
        self.desk.interrupt()
        return "Quiet."


class CloseDeskTool(Tool):
    name = "close_desk"
    description = "Put the avatar to sleep."
    inputs = {}
    output_type = "string"

    def __init__(self, desk: AvatarDesk) -> None:
        self.desk = desk

    def forward(self) -> str:
        self.desk.close()
        return "Closed."


def concierge_tools(desk: AvatarDesk) -> list[Tool]:
    return [OpenDeskTool(desk), SpeakTool(desk), HushTool(desk), CloseDeskTool(desk)]
