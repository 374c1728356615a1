import uuid


class ConsoleBackend:
    """Local development: print instead of streaming."""

    name = "console"

    def create(self, avatar_id):
        return {"session_id": str(uuid.uuid4()), "url": "", "token": ""}

    def say(self, session_id, text):
        print(f"[{session_id[:8]}] {text}")

    def ping(self, session_id):
        return True

    def close(self, session_id):
        pass
