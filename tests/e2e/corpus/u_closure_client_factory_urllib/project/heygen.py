"""Tiny functional HeyGen client: ``make_client(key)`` returns closures, no classes.

    api = make_client(os.environ["HEYGEN_API_KEY"])
    room = api["open"]("Anna_public_3_20240108")
    api["say"](room["id"], "hello")
"""
import json
import urllib.error
import urllib.request

ROOT = "https://api.heygen.com/v1/"


def make_client(api_key, root=ROOT, timeout=20):
    def call(endpoint, payload):
        req = urllib.request.Request(
            root + endpoint,
            data=json.dumps(payload).encode("utf-8"),
            headers={"X-Api-Key": api_key, "Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return json.loads(resp.read().decode("utf-8"))
        except urllib.error.HTTPError as err:
            raise RuntimeError(f"{endpoint}: {err.code} {err.read()[:200]!r}") from None

    def open_room(avatar_id, quality="medium", language=None):
        body = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        if language:
            body["language"] = language
        data = call("streaming.new", body)["data"]
        call("streaming.start", {"session_id": data["session_id"]})
        return {"id": data["session_id"], "livekit": (data["url"], data["access_token"])}

    def speaker(task_type):
        def speak(session_id, text):
            return call("streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})["data"]["task_id"]

        return speak

    def simple(endpoint):
        return lambda session_id: call(endpoint, {"session_id": session_id})

    return {
        "open": open_room,
        "say": speaker("repeat"),
        "interrupt": simple("streaming.interrupt"),
        "keep_alive": simple("streaming.keep_alive"),
        "close": simple("streaming.stop"),
    }
