#!/usr/bin/env python3
"""Lobby launcher: opens the avatar session and writes the full-screen viewer page that the
lobby PC's kiosk browser shows. Then reads the day's announcements and speaks them.

    python launcher.py --announce "Welcome!" --announce "Breakfast until ten."
"""
import argparse
import logging
import os
import sys
import time

import requests

import kiosk_settings as settings

log = logging.getLogger("launcher")
HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(HERE, "templates", "viewer.html.tmpl")

http = requests.Session()
http.headers.update({"Authorization": "Bearer %s" % settings.API_KEY, "Content-Type": "application/json"})


class LaunchError(Exception):
    pass


def _check(resp, what):
    if resp.status_code != 200:
        raise LaunchError("%s failed with HTTP %d" % (what, resp.status_code))
    body = resp.json()
    if body.get("code") != 100:
        raise LaunchError("%s failed: %s" % (what, body.get("message")))
    return body


def launch(avatar=None, kb=None):
    """Open + start a session; write the viewer page. Returns (session_id, page path)."""
    payload = {"avatar_id": avatar or settings.AVATAR, "quality": "high", "version": "v2"}
    kb = kb or settings.KNOWLEDGE_BASE
    if kb:
        payload["knowledge_base_id"] = kb
    resp = http.post(settings.API_URL + "/v1/streaming.new", json=payload, timeout=30)
    data = _check(resp, "streaming.new")["data"]
    _check(http.post(settings.API_URL + "/v1/streaming.start", json={"session_id": data["session_id"]},
                     timeout=30), "streaming.start")
    data["title"] = settings.TITLE

    os.makedirs(settings.OUTPUT_DIR, exist_ok=True)
    page = os.path.join(settings.OUTPUT_DIR, "viewer.html")
    with open(page, "w", encoding="utf-8") as fh:
        fh.write(open(TEMPLATE, encoding="utf-8").read() % data)
    log.info("session %s, page %s", data["session_id"], page)
    return data["session_id"], page


def announce(session_id, text, chat=False):
    resp = http.post(settings.API_URL + "/v1/streaming.task", json={
        "session_id": session_id,
        "text": text,
        "task_type": "chat" if chat else "repeat",
    }, timeout=30)
    _check(resp, "streaming.task")


def shutdown(session_id):
    _check(http.post(settings.API_URL + "/v1/streaming.stop", json={"session_id": session_id}, timeout=30),
           "streaming.stop")


def main(argv=None, on_page=None):
    parser = argparse.ArgumentParser(description="Lobby avatar launcher")
    parser.add_argument("--avatar")
    parser.add_argument("--kb")
    parser.add_argument("--announce", action="append", default=[])
    parser.add_argument("--ask", action="append", default=[], help="questions for the knowledge base")
    parser.add_argument("--pause", type=float, default=0.0)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if not settings.API_KEY:
        print("set HEYGEN_API_KEY", file=sys.stderr)
        return 2
    try:
        session_id, page = launch(args.avatar, args.kb)
        if on_page:
            on_page(page)
        for line in args.announce:
            announce(session_id, line)
            time.sleep(args.pause)
        for question in args.ask:
            announce(session_id, question, chat=True)
        shutdown(session_id)
    except LaunchError as exc:
        log.error("%s", exc)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
