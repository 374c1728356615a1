import http.client
import json
import os

HOST = "api.heygen.com"


def _post(path, payload):
    conn = http.client.HTTPSConnection(HOST, timeout=20)
    try:
        conn.request(
            "POST",
            path,
            body=json.dumps(payload),
            headers={
                "Authorization": "Bearer " + os.environ["HEYGEN_API_KEY"],
                "Content-Type": "application/json",
            },
        )
        resp = conn.getresponse()
        raw = resp.read()
        if resp.status >= 400:
            raise RuntimeError("heygen %s failed: %s %s" % (path, resp.status, raw[:200]))
        return json.loads(raw)
    finally:
        conn.close()


def open_session(avatar_id):
    body = _post("/v1/streaming.new", {"avatar_id": avatar_id, "quality": "medium", "version": "v2"})
    data = body["data"]
    _post("/v1/streaming.start", {"session_id": data["session_id"]})
    return data


def say(session_id, text):
    return _post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})


def keep_alive(session_id):
    return _post("/v1/streaming.keep_alive", {"session_id": session_id})


def close(session_id):
    return _post("/v1/streaming.stop", {"session_id": session_id})
