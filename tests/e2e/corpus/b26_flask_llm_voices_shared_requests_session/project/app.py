import os

from flask import Flask, jsonify, render_template_string, request

from services import heygen_session as heygen
from services.llm import answer

app = Flask(__name__)

STATE = {"session": None}

INDEX = """
<!doctype html>
<title>Museum guide</title>
<select id="voice">{% for v in voices %}<option value="{{ v.voice_id }}">{{ v.name }}</option>{% endfor %}</select>
<button onclick="start()">Start guide</button>
<script>
async function start() {
  const r = await fetch('/session', {method: 'POST'});
  const s = await r.json();
  // connect the LiveKit room with s.url / s.token
}
</script>
"""


@app.get("/")
def index():
    return render_template_string(INDEX, voices=heygen.list_voices("English")[:20])


@app.post("/session")
def session():
    if STATE["session"] is None:
        STATE["session"] = heygen.create_session(os.environ["HEYGEN_AVATAR"], quality="low")
    s = STATE["session"]
    return jsonify(session_id=s["session_id"], url=s["url"], token=s["access_token"])


@app.post("/ask")
def ask():
    q = (request.get_json() or {}).get("question", "").strip()
    if not q or STATE["session"] is None:
        return jsonify(error="no session or question"), 400
    reply = answer(q)
    heygen.speak(STATE["session"]["session_id"], reply)
    return jsonify(answer=reply)


@app.post("/end")
def end():
    s, STATE["session"] = STATE["session"], None
    if s:
        heygen.close(s["session_id"])
    return jsonify(ok=True)
