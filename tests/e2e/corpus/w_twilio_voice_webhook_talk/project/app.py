"""Twilio voice webhook: a caller talks to the lobby avatar by phone.

Twilio config: Voice URL -> POST /voice, Status callback -> POST /status.
The lobby screen polls GET /screen and joins the LiveKit room of the current call.
"""
import os

from flask import Flask, jsonify, request
from twilio.twiml.voice_response import Gather, VoiceResponse

import avatar

app = Flask(__name__)

AVATAR_ID = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")
KB_ID = os.environ["HEYGEN_KB_ID"]
GREETING = "Hi, you're live on the lobby screen. What can I help you with?"

CALLS = {}  # CallSid -> streaming.new data


def _gather(prompt=None):
    resp = VoiceResponse()
    gather = Gather(input="speech", action="/gather", method="POST", speech_timeout="auto")
    if prompt:
        gather.say(prompt)
    resp.append(gather)
    return str(resp), 200, {"Content-Type": "text/xml"}


@app.post("/voice")
def voice():
    call_sid = request.form["CallSid"]
    session = avatar.open_session(AVATAR_ID, KB_ID)
    CALLS[call_sid] = session
    avatar.greet(session["session_id"], GREETING)
    return _gather(GREETING)


@app.post("/gather")
def gather():
    session = CALLS.get(request.form["CallSid"])
    if session is None:
        resp = VoiceResponse()
        resp.say("Sorry, something went wrong.")
        resp.hangup()
        return str(resp), 200, {"Content-Type": "text/xml"}
    said = request.form.get("SpeechResult", "").strip()
    if said:
        avatar.answer(session["session_id"], said)
    return _gather()


@app.post("/status")
def status():
    if request.form.get("CallStatus") in ("completed", "busy", "failed", "no-answer"):
        session = CALLS.pop(request.form["CallSid"], None)
        if session:
            avatar.close(session["session_id"])
    return "", 204


@app.get("/screen")
def screen():
    if not CALLS:
        return jsonify(live=False)
    session = list(CALLS.values())[-1]
    return jsonify(live=True, url=session["url"], token=session["access_token"])
