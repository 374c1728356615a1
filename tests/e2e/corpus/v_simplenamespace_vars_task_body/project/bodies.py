"""Request bodies of the tour guide, sent as their attribute dicts."""


class TaskBody:
    def __init__(self, session_id, text):
        self.session_id = session_id
        self.text = text
