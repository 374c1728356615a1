"""Stage avatar backend (Starlette).

Run: uvicorn server:app --reload
"""
import os

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
HEYGEN_API_BASE = "https://api.heygen.com"
AVATAR_ID = os.environ.get("STAGE_AVATAR", "Anna_public_3_20240108")
KNOWLEDGE_BASE_ID = os.environ.get("STAGE_KB", "")


def heygen_client() -> httpx.Client:
    return httpx.Client(
        base_url=HEYGEN_API_BASE,
        headers={"X-Api-Key": HEYGEN_API_KEY, "Content-Type": "application/json"},
        timeout=20.0,
    )


def fetch_access_token():
    with heygen_client() as client:
        resp = client.post("/v1/streaming.create_token")
    if resp.status_code == 200:
        return resp.json()["data"]["token"]
    return None


def open_session():
    body = {"avatar_id": AVATAR_ID, "quality": "high", "version": "v2", "knowledge_base_id": KNOWLEDGE_BASE_ID}
    with heygen_client() as client:
        resp = client.post("/v1/streaming.new", json=body)
        if resp.status_code != 200:
            return None
        data = resp.json()["data"]
        client.post("/v1/streaming.start", json={"session_id": data["session_id"]}).raise_for_status()
    return {"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]}


def send_text(session_id, text, task_type="repeat"):
    with heygen_client() as client:
        resp = client.post(
            "/v1/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": task_type},
        )
    return resp.status_code == 200


def close_session(session_id):
    with heygen_client() as client:
        resp = client.post("/v1/streaming.stop", json={"session_id": session_id})
    return resp.status_code == 200


async def token(request: Request):
    tok = fetch_access_token()
    if tok is None:
        return JSONResponse({"error": "could not get a token"}, status_code=502)
    return JSONResponse({"token": tok})


async def create_session(request: Request):
    info = open_session()
    if info is None:
        return JSONResponse({"error": "could not open a session"}, status_code=502)
    return JSONResponse(info)


async def say(request: Request):
    payload = await request.json()
    ok = send_text(request.path_params["session_id"], payload["text"], payload.get("task_type", "repeat"))
    if not ok:
        return JSONResponse({"error": "task failed"}, status_code=502)
    return JSONResponse({"ok": True})


async def delete_session(request: Request):
    sid = request.path_params["session_id"]
    if not close_session(sid):
        return JSONResponse({"error": "stop failed"}, status_code=502)
    return JSONResponse({"closed": sid})


routes = [
    Route("/api/token", token, methods=["POST"]),
    Route("/api/sessions", create_session, methods=["POST"]),
    Route("/api/sessions/{session_id}/say", say, methods=["POST"]),
    Route("/api/sessions/{session_id}", delete_session, methods=["DELETE"]),
]

app = Starlette(routes=routes)
