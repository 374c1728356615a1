# Interactive avatar demo for the sales deck.
# The API calls started as the "Python http.client" snippets from the HeyGen API reference.
import http.client
import json
import os
import posixpath

API_KEY = os.environ["HEYGEN_API_KEY"]
AVATAR_ID = os.environ.get("DEMO_AVATAR_ID", "Anna_public_3_20240108")
API_PREFIX = "/v1"


def heygen_post(endpoint, payload):
    path = posixpath.join(API_PREFIX, endpoint)
    conn = http.client.HTTPSConnection("api.heygen.com", timeout=30)
    headers = {
        'accept': "application/json",
        'content-type': "application/json",
        'x-api-key': API_KEY,
    }
    conn.request("POST", path, json.dumps(payload), headers)
    res = conn.getresponse()
    data = res.read()
    conn.close()
    if res.status != 200:
        raise RuntimeError("%s failed: %s %s" % (path, res.status, data.decode("utf-8")))
    return json.loads(data.decode("utf-8"))


def create_session():
    payload = {"quality": "medium", "avatar_id": AVATAR_ID, "version": "v2",
               "voice": {"rate": 1}, "video_encoding": "VP8"}
    result = heygen_post("streaming.new", payload)
    session = result["data"]
    heygen_post("streaming.start", {"session_id": session["session_id"]})
    return session


def say(session_id, text, task_type="repeat"):
    return heygen_post("streaming.task",
                       {"session_id": session_id, "text": text, "task_type": task_type})["data"]


def close_session(session_id):
    return heygen_post("streaming.stop", {"session_id": session_id})


def main(lines, show=None):
    session = create_session()
    print("LiveKit URL:", session["url"])
    print("Access token:", session["access_token"][:12] + "...")
    if show:
        show(session["url"], session["access_token"])
    try:
        for line in lines:
            say(session["session_id"], line)
    finally:
        close_session(session["session_id"])


if __name__ == "__main__":
    main(["Hello! Let me walk you through our product."])
