"""Offline provider for UI work: no video, prints what the avatar would say."""
import itertools

_ids = itertools.count(1)


class MockProvider:
    name = "mock"

    def open(self):
        sid = f"mock-{next(_ids)}"
        return {"session_id": sid, "url": "ws://localhost:7880", "access_token": "mock-token"}

    def say(self, session_id, text):
        print(f"[{session_id}] {text}")

    def interrupt(self, session_id):
        print(f"[{session_id}] (interrupted)")

    def close(self, session_id):
        print(f"[{session_id}] closed")
