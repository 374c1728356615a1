# Quart backend for the avatar widget. ported from our express server (server.js)
import os
import time

import httpx

import miniquart
from miniquart import Quart, jsonify

app = Quart(__name__)

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY", "")
HEYGEN_SERVER = os.getenv("HEYGEN_SERVER", "https://api.heygen.com")
avatarId = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
knowledgeId = os.getenv("KNOWLEDGE_ID", "")

sessions = {}  # sessionId -> {"info": ..., "started": ts}


def hg(method, endpoint, **kwargs):
    """every heygen call goes through here"""
    url = f"{HEYGEN_SERVER}/v1/{endpoint}"
    hdrs = {"x-api-key": HEYGEN_API_KEY, "accept": "application/json"}
    print(">>", method, url, kwargs.get("json"))
    r = httpx.request(method, url, headers=hdrs, timeout=20.0, **kwargs)
    print("<<", r.status_code)
    return r


@app.route("/api/session", methods=["POST"])
async def create_session():
    try:
        body = {"avatar_id": avatarId, "quality": "high", "version": "v2", "video_encoding": "VP8"}
        if knowledgeId:
            body["knowledge_base_id"] = knowledgeId
        r = hg("POST", "streaming.new", json=body)
        info = r.json()["data"]
        sessionId = info["session_id"]
        r2 = hg("POST", "streaming.start", json={"session_id": sessionId})
        if r2.json().get("code") != 100:
            return jsonify(error="start failed")
        sessions[sessionId] = {"info": info, "started": time.time()}
        return jsonify(sessionId=sessionId, serverUrl=info["url"], accessToken=info["access_token"])
    except Exception as e:
        print("create_session failed", e)
        return jsonify(error=str(e))


@app.route("/api/talk", methods=["POST"])
async def talk():
    req = await miniquart.request.get_json()
    try:
        r = hg("POST", "streaming.task", json={"session_id": req["sessionId"], "text": req["text"], "task_type": "talk"})
        return jsonify(ok=True, task=r.json().get("data", {}).get("task_id"))
    except Exception as e:
        return jsonify(ok=False, error=str(e))


@app.route("/api/repeat", methods=["POST"])
async def repeat():
    req = await miniquart.request.get_json()
    try:
        r = hg("POST", "streaming.task", json={"session_id": req["sessionId"], "text": req["text"], "task_type": "repeat"})
        return jsonify(ok=True, task=r.json().get("data", {}).get("task_id"))
    except Exception as e:
        return jsonify(ok=False, error=str(e))


@app.route("/api/interrupt", methods=["POST"])
async def interrupt():
    req = await miniquart.request.get_json()
    r = hg("POST", "streaming.interrupt", json={"session_id": req["sessionId"]})
    return jsonify(ok=r.status_code == 200)


@app.route("/api/close", methods=["POST"])
async def close():
    req = await miniquart.request.get_json()
    sid = req["sessionId"]
    try:
        hg("POST", "streaming.stop", json={"session_id": sid})
    except Exception as e:
        print("stop failed (ignored)", e)
    sessions.pop(sid, None)
    return jsonify(ok=True)


if __name__ == "__main__":
    app.run(port=8080)
