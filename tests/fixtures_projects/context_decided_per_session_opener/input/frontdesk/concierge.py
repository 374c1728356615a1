"""The concierge answers questions from the hotel's knowledge base."""
import os

from .heygen import post


def open_concierge():
    data = post("streaming.new", {
        "avatar_id": os.environ["AVATAR_ID"],
        "knowledge_base_id": os.environ["HOTEL_KB_ID"],
        "version": "v2",
    })
    post("streaming.start", {"session_id": data["session_id"]})
    return data
