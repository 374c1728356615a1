#!/usr/bin/env python
"""Telegram bot that drives a HeyGen streaming avatar shown on our viewer page.

Commands: /start /say <text> /ask <question> /ping /stop
Deployed as a webhook (see webhook() at the bottom); handle_update does the work.
"""
import os
import sys
import urllib.parse

import requests

TELEGRAM_TOKEN = os.getenv("TELEGRAM_TOKEN")  # unset = just print replies (local testing)
HEYGEN_KEY = os.getenv("HEYGEN_API_KEY") or sys.exit("HEYGEN_API_KEY missing")
HEYGEN_HOST = os.getenv("HEYGEN_HOST", "api.heygen.com")
API_VERSION = "v1"
VIEWER_PAGE = os.getenv("VIEWER_PAGE", "https://example.github.io/avatar-viewer/")
AVATAR = os.getenv("BOT_AVATAR", "Anna_public_3_20240108")
KB = os.getenv("BOT_KB_ID", "")

# chat_id -> session dict (whatever heygen returned + our stuff)
SESSIONS = {}
OUTBOX = []


def heygen_url(endpoint):
    return f"https://{HEYGEN_HOST}/{API_VERSION}/{endpoint}"


HG_HEADERS = {"X-API-KEY": HEYGEN_KEY, "Content-Type": "application/json"}


def reply(chat_id, text):
    OUTBOX.append((chat_id, text))
    if TELEGRAM_TOKEN:
        requests.post(f"https://api.telegram.org/bot{TELEGRAM_TOKEN}/sendMessage", json={"chat_id": chat_id, "text": text}, timeout=10)
    else:
        print(f"[to {chat_id}] {text}")


def cmd_start(chat_id, arg):
    if chat_id in SESSIONS:
        return reply(chat_id, "already running, /stop first")
    body = {"avatar_id": AVATAR, "quality": "low", "version": "v2"}
    if KB:
        body["knowledge_base_id"] = KB
    resp = requests.post(heygen_url("streaming.new"), json=body, headers=HG_HEADERS, timeout=30)
    sid = resp.json().get("data", {}).get("session_id")
    if not sid:
        return reply(chat_id, "could not create session: " + resp.text[:200])
    requests.post(heygen_url("streaming.start"), json={"session_id": sid}, headers=HG_HEADERS, timeout=30)
    SESSIONS[chat_id] = resp.json()["data"]
    link = VIEWER_PAGE + "?" + urllib.parse.urlencode({"url": SESSIONS[chat_id]["url"], "token": SESSIONS[chat_id]["access_token"]})
    reply(chat_id, "avatar is live: " + link)


def _task(chat_id, text, kind):
    s = SESSIONS.get(chat_id)
    if s is None:
        return reply(chat_id, "no session, /start first")
    resp = requests.post(heygen_url("streaming.task"), json={"session_id": s["session_id"], "text": text, "task_type": kind}, headers=HG_HEADERS, timeout=30)
    reply(chat_id, "ok" if resp.json().get("code") == 100 else "failed: " + str(resp.json().get("message")))


def cmd_say(chat_id, arg):
    _task(chat_id, arg, "repeat")


def cmd_ask(chat_id, arg):
    _task(chat_id, arg, "chat")


def cmd_ping(chat_id, arg):
    s = SESSIONS.get(chat_id)
    if s:
        requests.post(heygen_url("streaming.keep_alive"), json={"session_id": s["session_id"]}, headers=HG_HEADERS, timeout=30)
        reply(chat_id, "pong")


def cmd_stop(chat_id, arg):
    s = SESSIONS.pop(chat_id, None)
    if not s:
        return reply(chat_id, "nothing to stop")
    try:
        requests.post(heygen_url("streaming.stop"), json={"session_id": s["session_id"]}, headers=HG_HEADERS, timeout=30)
    except Exception as e:
        print("stop error", e)
    reply(chat_id, "bye")


COMMANDS = {"/start": cmd_start, "/say": cmd_say, "/ask": cmd_ask, "/ping": cmd_ping, "/stop": cmd_stop}


def handle_update(update):
    msg = update.get("message") or {}
    chat_id = (msg.get("chat") or {}).get("id")
    text = (msg.get("text") or "").strip()
    if not chat_id or not text.startswith("/"):
        return
    cmd, _, arg = text.partition(" ")
    handler = COMMANDS.get(cmd.split("@")[0])
    if handler is None:
        return reply(chat_id, "unknown command")
    try:
        handler(chat_id, arg)
    except Exception as e:  # never crash the webhook
        print("handler error:", repr(e))
        reply(chat_id, "error :(")


# def poll():
#     offset = 0
#     while True:
#         r = requests.get(f"https://api.telegram.org/bot{TELEGRAM_TOKEN}/getUpdates", params={"offset": offset, "timeout": 30})
#         for u in r.json()["result"]:
#             offset = u["update_id"] + 1
#             handle_update(u)


def webhook(request_json):
    handle_update(request_json)
    return "ok"
