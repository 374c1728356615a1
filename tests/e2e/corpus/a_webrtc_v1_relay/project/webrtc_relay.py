"""Relay between our web page and HeyGen's streaming API (raw WebRTC, API v1).

The page gets the SDP offer + ICE servers from /offer, creates its RTCPeerConnection,
posts the answer back to /answer and trickles ICE candidates to /ice.
"""
import os

import requests

SERVER_URL = "https://api.heygen.com"
ENDPOINTS = {
    "new": SERVER_URL + "/v1/streaming.new",
    "start": SERVER_URL + "/v1/streaming.start",
    "ice": SERVER_URL + "/v1/streaming.ice",
    "task": SERVER_URL + "/v1/streaming.task",
    "stop": SERVER_URL + "/v1/streaming.stop",
}


def _headers():
    return {"Content-Type": "application/json", "X-Api-Key": os.environ["HEYGEN_API_KEY"]}


def new_session(quality="high"):
    resp = requests.post(ENDPOINTS["new"], headers=_headers(), json={
        "quality": quality,
        "avatar_name": os.getenv("AVATAR_ID", "Anna_public_3_20240108"),
        "voice": {"voice_id": ""},
    })
    resp.raise_for_status()
    data = resp.json()["data"]
    return {
        "session_id": data["session_id"],
        "sdp": data["sdp"],
        "ice_servers": data.get("ice_servers2") or data.get("ice_servers"),
    }


def start_session(session_id, sdp):
    resp = requests.post(ENDPOINTS["start"], headers=_headers(),
                         json={"session_id": session_id, "sdp": sdp})
    resp.raise_for_status()
    return resp.json()["data"]


def submit_ice(session_id, candidate):
    resp = requests.post(ENDPOINTS["ice"], headers=_headers(),
                         json={"session_id": session_id, "candidate": candidate})
    resp.raise_for_status()


def repeat(session_id, text):
    resp = requests.post(ENDPOINTS["task"], headers=_headers(),
                         json={"session_id": session_id, "text": text})
    resp.raise_for_status()
    return resp.json()["data"]


def close(session_id):
    resp = requests.post(ENDPOINTS["stop"], headers=_headers(), json={"session_id": session_id})
    resp.raise_for_status()
