"""Tiny Supabase REST logger (we did not want the whole supabase-py client)."""
import datetime as dt
import logging
import os

import requests

log = logging.getLogger(__name__)

SUPABASE_URL = os.getenv("SUPABASE_URL", "")
SUPABASE_KEY = os.getenv("SUPABASE_KEY", "")
_memory = []  # fallback when supabase is not configured


def log_turn(session_id, role, text):
    row = {
        "session_id": session_id,
        "role": role,
        "text": text,
        "created_at": dt.datetime.utcnow().isoformat(),
    }
    if not (SUPABASE_URL and SUPABASE_KEY):
        _memory.append(row)
        return row
    try:
        requests.post(
            f"{SUPABASE_URL}/rest/v1/conversation_turns",
            headers={
                "apikey": SUPABASE_KEY,
                "Authorization": f"Bearer {SUPABASE_KEY}",
                "Prefer": "return=minimal",
            },
            json=row,
            timeout=5,
        )
    except requests.RequestException as exc:  # never break the conversation for logging
        log.warning("supabase insert failed: %s", exc)
    return row


def history(session_id):
    return [{"role": r["role"], "content": r["text"]} for r in _memory if r["session_id"] == session_id]
