import json
import os

from heygen_api import UpstreamError, api

AVATAR_ID = os.environ.get("AVATAR_ID", "Wayne_20240711")


def _response(status, payload):
    return {"statusCode": status, "headers": {"content-type": "application/json"}, "body": json.dumps(payload)}


def start(_body):
    session = api("streaming.new", {"avatar_id": AVATAR_ID, "quality": "medium", "version": "v2"})
    api("streaming.start", {"session_id": session["session_id"]})
    return {"sessionId": session["session_id"], "livekitUrl": session["url"], "livekitToken": session["access_token"]}


def speak(body):
    api("streaming.task", {"session_id": body["sessionId"], "text": body["text"], "task_type": "repeat"})
    return {"ok": True}


def stop(body):
    api("streaming.stop", {"session_id": body["sessionId"]})
    return {"ok": True}


ROUTES = {"/start": start, "/speak": speak, "/stop": stop}


def lambda_handler(event, context):
    route = ROUTES.get(event.get("rawPath", ""))
    if route is None or event["requestContext"]["http"]["method"] != "POST":
        return _response(404, {"error": "not found"})
    try:
        body = json.loads(event.get("body") or "{}")
        return _response(200, route(body))
    except UpstreamError as exc:
        return _response(502, {"error": str(exc)})
    except (KeyError, ValueError) as exc:
        return _response(400, {"error": f"bad request: {exc}"})
