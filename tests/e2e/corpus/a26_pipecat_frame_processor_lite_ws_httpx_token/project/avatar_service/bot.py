import os

from pipekit import FrameProcessor

from .heygen_video import HeyGenVideoService, TransportRoomFrame


class BrowserOutput(FrameProcessor):
    def __init__(self, on_room) -> None:
        super().__init__()
        self.on_room = on_room

    async def process_frame(self, frame, direction) -> None:
        if isinstance(frame, TransportRoomFrame):
            self.on_room(frame.url, frame.token)
        await self.push_frame(frame, direction)


def build_pipeline(on_room):
    head = FrameProcessor()
    head.link(HeyGenVideoService(api_key=os.environ["HEYGEN_API_KEY"], avatar_id=os.getenv("AVATAR_ID", "Anna_public_3_20240108"))).link(
        BrowserOutput(on_room)
    )
    return head
