"""Thin HeyGen Streaming API client with verbose logging (we debug in production logs)."""
import json
import logging
import os
import time

import requests

logger = logging.getLogger("narrator.heygen")

HEYGEN_BASE = "https://api.heygen.com"
TIMEOUT = 30

_session = requests.Session()
_session.headers.update({"x-api-key": os.environ.get("HEYGEN_API_KEY", ""), "accept": "application/json"})


def post(path, payload):
    url = f"{HEYGEN_BASE}{path}"
    logger.info("POST %s %s", url, json.dumps(payload))
    started = time.perf_counter()
    resp = _session.post(url, json=payload, timeout=TIMEOUT)
    took = (time.perf_counter() - started) * 1000
    logger.debug("%s -> %s in %.0f ms (server %.3fs)", path, resp.status_code, took, resp.elapsed.total_seconds())
    logger.debug("body: %s", resp.text[:500])
    try:
        resp.raise_for_status()
    except requests.HTTPError as exc:
        logger.error("HeyGen %s failed with %s: %s", path, exc.response.status_code, exc.response.text)
        raise
    return resp.json()["data"]


def new_session(avatar_id, quality="medium"):
    return post("/v1/streaming.new", {"avatar_id": avatar_id, "quality": quality, "version": "v2"})


def start_session(session_id):
    post("/v1/streaming.start", {"session_id": session_id})


def speak(session_id, text):
    return post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "sync"})


def keep_alive(session_id):
    post("/v1/streaming.keep_alive", {"session_id": session_id})


def interrupt(session_id):
    post("/v1/streaming.interrupt", {"session_id": session_id})


def stop_session(session_id):
    post("/v1/streaming.stop", {"session_id": session_id})
