"""
AWS Lambda behind an API Gateway HTTP API (payload format 2.0) for the
"ask the avatar" widget on our marketing site.

Routes (see template.yaml):
    POST   /avatar/sessions                  -> open a HeyGen streaming session
    POST   /avatar/sessions/{sessionId}/say  -> make the avatar say something
    POST   /avatar/sessions/{sessionId}/stop -> close it

Lambda keeps nothing between invocations: the browser gets the session id
back from the first call and sends it on every later one.
Only the standard library is used (no layer needed for requests).
"""
import json
import logging
import os
import urllib.error
import urllib.request

logger = logging.getLogger()
logger.setLevel(logging.INFO)

HEYGEN_API = os.environ.get("HEYGEN_API_URL", "https://api.heygen.com")
AVATAR_ID = os.environ.get("AVATAR_ID", "Wayne_20240711")
CORS_HEADERS = {
    "Access-Control-Allow-Origin": os.environ.get("ALLOWED_ORIGIN", "*"),
    "Access-Control-Allow-Headers": "content-type",
    "Content-Type": "application/json",
}


class HeyGenError(Exception):
    pass


def call_heygen(path, body):
    req = urllib.request.Request(
        HEYGEN_API + path,
        data=json.dumps(body).encode("utf-8"),
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"], "content-type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            payload = json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        raise HeyGenError(f"{path}: HTTP {e.code} {e.read()[:200]!r}") from e
    if payload.get("code") not in (None, 100):
        raise HeyGenError(f"{path}: {payload.get('message')}")
    return payload.get("data")


def respond(status, body):
    return {"statusCode": status, "headers": CORS_HEADERS, "body": json.dumps(body)}


def open_session(body):
    data = call_heygen(
        "/v1/streaming.new",
        {"avatar_id": body.get("avatarId") or AVATAR_ID, "quality": "medium", "version": "v2"},
    )
    call_heygen("/v1/streaming.start", {"session_id": data["session_id"]})
    logger.info("opened session %s", data["session_id"])
    return respond(
        201,
        {"sessionId": data["session_id"], "url": data["url"], "accessToken": data["access_token"]},
    )


def say(session_id, body):
    text = (body.get("text") or "").strip()
    if not text:
        return respond(400, {"error": "text is required"})
    call_heygen("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})
    return respond(202, {"ok": True})


def stop(session_id, body):
    call_heygen("/v1/streaming.stop", {"session_id": session_id})
    logger.info("closed session %s", session_id)
    return respond(200, {"ok": True})


ROUTES = {
    "POST /avatar/sessions": lambda params, body: open_session(body),
    "POST /avatar/sessions/{sessionId}/say": lambda params, body: say(params["sessionId"], body),
    "POST /avatar/sessions/{sessionId}/stop": lambda params, body: stop(params["sessionId"], body),
}


def lambda_handler(event, context):
    route = event.get("routeKey")
    handler = ROUTES.get(route)
    if handler is None:
        return respond(404, {"error": f"no route {route}"})
    try:
        body = json.loads(event.get("body") or "{}")
    except json.JSONDecodeError:
        return respond(400, {"error": "invalid JSON"})
    try:
        return handler(event.get("pathParameters") or {}, body)
    except HeyGenError as exc:
        logger.exception("HeyGen call failed")
        return respond(502, {"error": str(exc)})
