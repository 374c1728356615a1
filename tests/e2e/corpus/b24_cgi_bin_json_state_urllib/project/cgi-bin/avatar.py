#!/usr/bin/env python3
"""avatar.py - CGI endpoint for the library's help-desk avatar.

Runs under the library's old Apache (`ScriptAlias /cgi-bin/`), one process per request, so
the open sessions live in a JSON file next to the script (var/sessions.json).

    POST /cgi-bin/avatar.py/open          -> {"sid", "url", "token"}
    GET  /cgi-bin/avatar.py/room?sid=...  -> the room again (the display page polls this)
    POST /cgi-bin/avatar.py/say           {"sid", "text", "mode": "repeat"|"chat"}
    POST /cgi-bin/avatar.py/close         {"sid"}
"""
import json
import os
import sys
import urllib.error
import urllib.request
from urllib.parse import parse_qs

HEYGEN_API = "https://api.heygen.com/v1"
API_KEY = os.environ.get("HEYGEN_API_KEY", "")
AVATAR_ID = os.environ.get("HELPDESK_AVATAR", "Anna_public_3_20240108")
KB_ID = os.environ.get("HELPDESK_KB")  # the catalogue FAQ knowledge base
STATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "var", "sessions.json")


def heygen(endpoint, payload):
    req = urllib.request.Request(
        "%s/%s" % (HEYGEN_API, endpoint),
        data=json.dumps(payload).encode("utf-8"),
        headers={"X-Api-Key": API_KEY, "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            answer = json.loads(resp.read())
    except urllib.error.HTTPError as err:
        raise RuntimeError("%s -> HTTP %s" % (endpoint, err.code))
    if answer.get("code") != 100:
        raise RuntimeError("%s -> %s" % (endpoint, answer.get("message")))
    return answer.get("data")


def load_state():
    try:
        with open(STATE) as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return {}


def save_state(state):
    os.makedirs(os.path.dirname(STATE), exist_ok=True)
    tmp = STATE + ".tmp"
    with open(tmp, "w") as fh:
        json.dump(state, fh, indent=1)
    os.replace(tmp, STATE)


def reply(obj, status="200 OK"):
    body = json.dumps(obj)
    sys.stdout.write("Status: %s\r\n" % status)
    sys.stdout.write("Content-Type: application/json\r\n")
    sys.stdout.write("Content-Length: %d\r\n\r\n" % len(body))
    sys.stdout.write(body)
    sys.stdout.flush()


def read_body():
    length = int(os.environ.get("CONTENT_LENGTH") or 0)
    if not length:
        return {}
    return json.loads(sys.stdin.read(length))


def do_open(form):
    payload = {"avatar_id": AVATAR_ID, "quality": "low", "version": "v2"}
    if KB_ID:
        payload["knowledge_base_id"] = KB_ID
    session = heygen("streaming.new", payload)
    heygen("streaming.start", {"session_id": session["session_id"]})
    state = load_state()
    state[session["session_id"]] = session
    save_state(state)
    return {"sid": session["session_id"], "url": session["url"], "token": session["access_token"]}


def do_room(form):
    sid = form.get("sid", [""])[0]
    session = load_state().get(sid)
    if session is None:
        return None
    return {"sid": sid, "url": session["url"], "token": session["access_token"]}


def do_say(form):
    body = read_body()
    if body.get("sid") not in load_state():
        return None
    task = {
        "session_id": body["sid"],
        "text": body["text"],
        "task_type": "chat" if body.get("mode") == "chat" else "repeat",
    }
    data = heygen("streaming.task", task)
    return {"task_id": data.get("task_id")}


def do_close(form):
    body = read_body()
    state = load_state()
    if state.pop(body.get("sid"), None) is None:
        return None
    heygen("streaming.stop", {"session_id": body["sid"]})
    save_state(state)
    return {"closed": body["sid"]}


ROUTES = {
    ("POST", "/open"): do_open,
    ("GET", "/room"): do_room,
    ("POST", "/say"): do_say,
    ("POST", "/close"): do_close,
}


def main():
    method = os.environ.get("REQUEST_METHOD", "GET")
    path = os.environ.get("PATH_INFO", "/")
    form = parse_qs(os.environ.get("QUERY_STRING", ""))
    handler = ROUTES.get((method, path))
    if handler is None:
        reply({"error": "not found"}, "404 Not Found")
        return
    try:
        result = handler(form)
    except RuntimeError as err:
        reply({"error": str(err)}, "502 Bad Gateway")
        return
    if result is None:
        reply({"error": "unknown session"}, "404 Not Found")
    else:
        reply(result)


if __name__ == "__main__":
    main()
