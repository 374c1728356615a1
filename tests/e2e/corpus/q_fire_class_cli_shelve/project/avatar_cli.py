"""Command-line remote for a HeyGen streaming avatar (python-fire).

    python avatar_cli.py open --quality=low
    python avatar_cli.py say "Hello there"
    python avatar_cli.py chat "What can you do?"
    python avatar_cli.py hush | ping | close
"""
import os
import shelve

import fire
import httpx

STATE_DB = os.environ.get("AVATAR_CLI_STATE", ".avatar_cli_state")


class AvatarCLI:
    """Open, drive and close one streaming avatar session."""

    def __init__(self):
        key = os.environ["HEYGEN_API_KEY"]
        self._http = httpx.Client(
            base_url="https://api.heygen.com/v1/",
            headers={"Authorization": f"Bearer {key}"},
            timeout=30.0,
        )
        self.avatar_id = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")
        self.kb_id = os.environ.get("KNOWLEDGE_BASE_ID")

    def _call(self, path, **payload):
        r = self._http.post(path, json=payload)
        r.raise_for_status()
        return r.json()["data"]

    def _session_id(self):
        with shelve.open(STATE_DB) as db:
            sid = db.get("session_id")
        if not sid:
            raise SystemExit("no session: run `open` first")
        return sid

    def open(self, quality="medium"):
        """Create and start a session; prints the LiveKit room for the viewer."""
        body = {"avatar_id": self.avatar_id, "quality": quality, "version": "v2"}
        if self.kb_id:
            body["knowledge_base_id"] = self.kb_id
        info = self._call("streaming.new", **body)
        self._call("streaming.start", session_id=info["session_id"])
        with shelve.open(STATE_DB) as db:
            db["session_id"] = info["session_id"]
        return {"session_id": info["session_id"], "url": info["url"], "access_token": info["access_token"]}

    def say(self, text, mode="async"):
        """Make the avatar read TEXT verbatim."""
        data = self._call("streaming.task", session_id=self._session_id(), text=text, task_type="repeat", task_mode=mode)
        return {"task_id": data["task_id"]}

    def chat(self, text):
        """Ask the knowledge-base LLM; the avatar speaks the answer."""
        data = self._call("streaming.task", session_id=self._session_id(), text=text, task_type="talk")
        return {"task_id": data["task_id"]}

    def hush(self):
        """Stop the current utterance."""
        self._call("streaming.interrupt", session_id=self._session_id())
        return "interrupted"

    def ping(self):
        """Reset the idle timer."""
        self._call("streaming.keep_alive", session_id=self._session_id())
        return "alive"

    def close(self):
        """Stop the session and forget it."""
        sid = self._session_id()
        self._call("streaming.stop", session_id=sid)
        with shelve.open(STATE_DB) as db:
            del db["session_id"]
        return {"closed": sid}


if __name__ == "__main__":
    fire.Fire(AvatarCLI)
