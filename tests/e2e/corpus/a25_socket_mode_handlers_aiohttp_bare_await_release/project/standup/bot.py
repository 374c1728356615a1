from __future__ import annotations

import os

import aiohttp

from sockmode import App

app = App()
HEYGEN = "https://api.heygen.com"
HTTP: aiohttp.ClientSession | None = None
LIVE: dict[str, str] = {}


def _key() -> dict[str, str]:
    return {"X-Api-Key": os.environ["HEYGEN_API_KEY"]}


@app.on_startup
async def _open_http() -> None:
    global HTTP
    HTTP = aiohttp.ClientSession()


@app.on_shutdown
async def _close_http() -> None:
    if HTTP is not None:
        await HTTP.close()


async def _start_host() -> dict:
    assert HTTP is not None
    resp = await HTTP.post(
        f"{HEYGEN}/v1/streaming.new",
        json={"avatar_id": os.environ.get("STANDUP_AVATAR", "Anna_public_3_20240108"), "version": "v2"},
        headers=_key(),
    )
    try:
        body = await resp.json()
    finally:
        resp.release()
    data = body["data"]
    resp = await HTTP.post(f"{HEYGEN}/v1/streaming.start", json={"session_id": data["session_id"]}, headers=_key())
    resp.release()
    return data


async def _read_out(text: str) -> None:
    assert HTTP is not None
    resp = await HTTP.post(
        f"{HEYGEN}/v1/streaming.task",
        json={"session_id": LIVE["session_id"], "text": text, "task_type": "repeat"},
        headers=_key(),
    )
    try:
        if resp.status != 200:
            raise RuntimeError(await resp.text())
    finally:
        resp.release()


@app.command("/standup")
async def standup(ack, command, say) -> None:
    await ack()
    if command["text"] == "start":
        data = await _start_host()
        LIVE["session_id"] = data["session_id"]
        await say(f"join: {data['url']}?t={data['access_token']}")
    elif command["text"] == "end" and LIVE:
        assert HTTP is not None
        resp = await HTTP.post(f"{HEYGEN}/v1/streaming.stop", json={"session_id": LIVE.pop("session_id")}, headers=_key())
        resp.release()
        await say("stand-up closed")


@app.event("app_mention")
async def update(event, say) -> None:
    if LIVE:
        await _read_out(f"{event['user']} says: {event['text']}")
