import json
import os
import time

STATE_FILE = os.environ.get("SIGNAGE_STATE", "signage_session.json")


def save(data):
    record = {
        "session_id": data["session_id"],
        "url": data["url"],
        "access_token": data["access_token"],
        "opened_at": time.time(),
    }
    with open(STATE_FILE, "w") as fh:
        json.dump(record, fh, indent=2)
    return record


def load():
    if not os.path.exists(STATE_FILE):
        return None
    with open(STATE_FILE) as fh:
        return json.load(fh)


def clear():
    if os.path.exists(STATE_FILE):
        os.remove(STATE_FILE)
