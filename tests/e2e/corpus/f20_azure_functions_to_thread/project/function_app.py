"""Azure Functions (Python v2 model) backend for the web avatar widget.

Stateless: the widget keeps the sessionId we return and sends it back on every call.
App settings: HEYGEN_API_KEY, AVATAR_ID, KNOWLEDGE_BASE_ID (optional).
"""
import json
import logging
import os

import azure.functions as func

import heygen_client

app = func.FunctionApp(http_auth_level=func.AuthLevel.FUNCTION)


def _json(payload, status=200):
    return func.HttpResponse(json.dumps(payload), status_code=status, mimetype="application/json")


def _session_id(req):
    try:
        return req.get_json()["sessionId"]
    except (ValueError, KeyError):
        return None


@app.route(route="avatar/start", methods=["POST"])
async def start_avatar(req: func.HttpRequest) -> func.HttpResponse:
    logging.info("starting avatar session")
    try:
        session = await heygen_client.create_session(
            os.environ["AVATAR_ID"], knowledge_base_id=os.environ.get("KNOWLEDGE_BASE_ID")
        )
    except heygen_client.HeyGenError as e:
        return _json({"error": str(e)}, 502)
    return _json({"sessionId": session["session_id"], "serverUrl": session["url"], "accessToken": session["access_token"]})


@app.route(route="avatar/speak", methods=["POST"])
async def speak(req: func.HttpRequest) -> func.HttpResponse:
    body = req.get_json()
    if not body.get("sessionId") or not body.get("text"):
        return _json({"error": "sessionId and text are required"}, 400)
    task_type = "talk" if body.get("mode") == "chat" else "repeat"
    task_id = await heygen_client.send_task(body["sessionId"], body["text"], task_type)
    return _json({"taskId": task_id})


@app.route(route="avatar/ping", methods=["POST"])
async def ping(req: func.HttpRequest) -> func.HttpResponse:
    session_id = _session_id(req)
    if session_id is None:
        return _json({"error": "sessionId is required"}, 400)
    await heygen_client.keep_alive(session_id)
    return _json({"ok": True})


@app.route(route="avatar/stop", methods=["POST"])
async def stop_avatar(req: func.HttpRequest) -> func.HttpResponse:
    session_id = _session_id(req)
    if session_id is None:
        return _json({"error": "sessionId is required"}, 400)
    await heygen_client.stop_session(session_id)
    return _json({"stopped": session_id})
