"""Trade-show kiosk: opens a HeyGen streaming session, prints a LiveKit Meet link for the
big screen (old-style %-formatting against the session dict), then runs the welcome loop."""
import os
import sys

import requests

API = "https://api.heygen.com/v1"
SCREEN_LINK = "https://meet.livekit.io/custom?liveKitUrl=%(url)s&token=%(access_token)s"


def _headers():
    return {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


def run(lines, show=print):
    r = requests.post("%s/streaming.new" % API, json={"avatar_id": os.environ.get("KIOSK_AVATAR", "Anna_public_3_20240108"), "version": "v2"}, headers=_headers(), timeout=30)
    r.raise_for_status()
    session = r.json()["data"]
    requests.post("%s/streaming.start" % API, json={"session_id": session["session_id"]}, headers=_headers(), timeout=30)
    show(SCREEN_LINK % session)
    try:
        for line in lines:
            requests.post("%s/streaming.task" % API, json={"session_id": session["session_id"], "text": line}, headers=_headers(), timeout=30)
    finally:
        requests.post("%s/streaming.stop" % API, json={"session_id": session["session_id"]}, headers=_headers(), timeout=30)


if __name__ == "__main__":
    run(sys.argv[1:] or ["Welcome to our booth!"])
