"""The show controller only fires signals; it knows nothing about HeyGen."""
import os

from . import avatar_receivers  # noqa: F401  (connects the receivers)
from .signals import line_cued, line_cut, question_asked, show_closed, show_opened


class Show:
    def __init__(self, name):
        self.name = name

    def open(self):
        results = show_opened.send(
            self.name,
            avatar_id=os.getenv("STAGE_AVATAR_ID", "Anna_public_3_20240108"),
            knowledge_base_id=os.getenv("STAGE_KB_ID"),
            quality="high",
        )
        return results[0][1]

    def cue(self, text):
        line_cued.send(self.name, text=text)

    def ask(self, text):
        question_asked.send(self.name, text=text)

    def cut(self):
        line_cut.send(self.name)

    def close(self):
        show_closed.send(self.name)
