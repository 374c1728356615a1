import os

from flask import Flask, jsonify, request

from services import heygen

app = Flask(__name__)
AVATAR = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
KB = os.getenv("KB_ID")
current = {}

PAGE = """<html><body><video id="v" autoplay></video>
<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
<script>
  const cfg = {serverUrl: "%(url)s", token: "%(token)s", sessionId: "%(sid)s"};
  // const room = new LivekitClient.Room(); await room.connect(cfg.serverUrl, cfg.token);
</script></body></html>"""


@app.route("/")
def index():
    try:
        data = heygen.create_session(AVATAR, KB)
        sid = data["session_id"]
        heygen.start_session(sid)
        current.clear()
        current.update(data)
        return PAGE % {"url": data["url"], "token": data["access_token"], "sid": sid}
    except Exception as e:
        return f"error: {e}", 500


@app.post("/say")
def say():
    txt = (request.get_json(silent=True) or {}).get("text", "")
    return jsonify(task=heygen.send_text(current["session_id"], txt))


@app.post("/ask")
def ask():
    txt = (request.get_json(silent=True) or {}).get("text", "")
    return jsonify(task=heygen.send_question(current["session_id"], txt))


@app.post("/interrupt")
def interrupt():
    return jsonify(ok=heygen.interrupt(current["session_id"]))


@app.post("/end")
def end():
    msg = heygen.end_session(current.pop("session_id"))
    current.clear()
    return jsonify(message=msg)
