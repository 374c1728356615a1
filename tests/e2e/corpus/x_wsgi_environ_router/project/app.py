"""Avatar backend as a bare WSGI callable: no framework, gunicorn serves it in production
(`gunicorn app:application`), `python app.py` serves it with wsgiref while hacking.

Routes (all JSON):
    POST /session          -> opens + starts a streaming session, returns the room for the page
    POST /session/speak    -> {"session_id", "text", "mode": "repeat"|"chat"}
    POST /session/interrupt
    POST /session/keepalive
    POST /session/close
"""
import json
import logging
import os
from wsgiref.simple_server import make_server

import requests

log = logging.getLogger("avatar-wsgi")

HEYGEN_API = os.environ.get("HEYGEN_API", "https://api.heygen.com")
API_KEY = os.environ.get("HEYGEN_API_KEY", "")
AVATAR_ID = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")
KNOWLEDGE_BASE_ID = os.environ.get("KNOWLEDGE_BASE_ID")

STATUS = {200: "200 OK", 400: "400 Bad Request", 404: "404 Not Found", 502: "502 Bad Gateway"}

_http = requests.Session()
_http.headers.update({"X-Api-Key": API_KEY, "Content-Type": "application/json"})


class UpstreamError(Exception):
    pass


def heygen_post(url, payload):
    resp = _http.post(url, data=json.dumps(payload), timeout=30)
    if resp.status_code != 200:
        raise UpstreamError("%s -> HTTP %s: %s" % (url, resp.status_code, resp.text[:200]))
    return resp.json()


def open_session(env_body):
    body = {"avatar_id": env_body.get("avatar_id") or AVATAR_ID, "quality": "medium", "version": "v2"}
    if KNOWLEDGE_BASE_ID:
        body["knowledge_base_id"] = KNOWLEDGE_BASE_ID
    data = heygen_post(HEYGEN_API + "/v1/streaming.new", body)["data"]
    heygen_post(HEYGEN_API + "/v1/streaming.start", {"session_id": data["session_id"]})
    log.info("session %s open", data["session_id"])
    return {"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]}


def speak(env_body):
    task_type = "chat" if env_body.get("mode") == "chat" else "repeat"
    heygen_post(
        HEYGEN_API + "/v1/streaming.task",
        {"session_id": env_body["session_id"], "text": env_body["text"], "task_type": task_type},
    )
    return {"ok": True}


def interrupt(env_body):
    heygen_post(HEYGEN_API + "/v1/streaming.interrupt", {"session_id": env_body["session_id"]})
    return {"ok": True}


def keepalive(env_body):
    heygen_post(HEYGEN_API + "/v1/streaming.keep_alive", {"session_id": env_body["session_id"]})
    return {"ok": True}


def close(env_body):
    heygen_post(HEYGEN_API + "/v1/streaming.stop", {"session_id": env_body["session_id"]})
    return {"ok": True}


ROUTES = {
    ("POST", "/session"): open_session,
    ("POST", "/session/speak"): speak,
    ("POST", "/session/interrupt"): interrupt,
    ("POST", "/session/keepalive"): keepalive,
    ("POST", "/session/close"): close,
}


def _read_json(environ):
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    raw = environ["wsgi.input"].read(length) if length else b""
    return json.loads(raw) if raw else {}


def application(environ, start_response):
    handler = ROUTES.get((environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")))
    if handler is None:
        status, payload = 404, {"error": "not found"}
    else:
        try:
            status, payload = 200, handler(_read_json(environ))
        except (KeyError, ValueError) as exc:
            status, payload = 400, {"error": "bad request: %s" % exc}
        except UpstreamError as exc:
            log.error("%s", exc)
            status, payload = 502, {"error": str(exc)}
    out = json.dumps(payload).encode("utf-8")
    start_response(STATUS[status], [("Content-Type", "application/json"), ("Content-Length", str(len(out)))])
    return [out]


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with make_server("", 8000, application) as httpd:
        print("serving on :8000")
        httpd.serve_forever()
