"""Plain WSGI app (served by gunicorn in production: `gunicorn wsgi:application`)."""
import json
import os
import re

from avatar_service import AvatarService, ServiceError

service = AvatarService()
AVATAR = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")

ROUTES = []


def route(method, pattern):
    def register(fn):
        ROUTES.append((method, re.compile(f"^{pattern}$"), fn))
        return fn
    return register


def _json_body(environ):
    length = int(environ.get("CONTENT_LENGTH") or 0)
    return json.loads(environ["wsgi.input"].read(length) or b"{}")


@route("POST", "/sessions")
def open_session(environ):
    return 201, service.open(AVATAR, _json_body(environ).get("quality", "medium"))


@route("GET", "/sessions")
def list_sessions(environ):
    return 200, {"active": service.active()}


@route("POST", r"/sessions/(?P<sid>[\w-]+)/speak")
def speak(environ, sid):
    service.speak(sid, _json_body(environ)["text"])
    return 200, {"ok": True}


@route("POST", r"/sessions/(?P<sid>[\w-]+)/interrupt")
def interrupt(environ, sid):
    service.interrupt(sid)
    return 200, {"ok": True}


@route("DELETE", r"/sessions/(?P<sid>[\w-]+)")
def close(environ, sid):
    service.close(sid)
    return 200, {"ok": True}


def application(environ, start_response):
    for method, pattern, fn in ROUTES:
        match = pattern.match(environ["PATH_INFO"])
        if match and environ["REQUEST_METHOD"] == method:
            try:
                status, body = fn(environ, **match.groupdict())
            except ServiceError as exc:
                status, body = exc.status, {"error": str(exc)}
            break
    else:
        status, body = 404, {"error": "not found"}
    data = json.dumps(body).encode()
    start_response(f"{status} X", [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
    return [data]
