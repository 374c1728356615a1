"""Sessions as rows: the whole HeyGen `data` object is kept as JSON, as the admin page shows it."""
import json
import sqlite3
import threading

_db = None
_lock = threading.Lock()


def init(path):
    global _db
    _db = sqlite3.connect(path, check_same_thread=False)
    _db.execute(
        "CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, owner TEXT, payload TEXT, active INTEGER DEFAULT 1)"
    )
    _db.commit()


def save(owner, data):
    with _lock:
        _db.execute("INSERT INTO sessions (id, owner, payload) VALUES (?, ?, ?)", (data["session_id"], owner, json.dumps(data)))
        _db.commit()


def load(session_id):
    with _lock:
        row = _db.execute("SELECT payload, active FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None or not row[1]:
        return None
    return json.loads(row[0])


def deactivate(session_id):
    with _lock:
        _db.execute("UPDATE sessions SET active = 0 WHERE id = ?", (session_id,))
        _db.commit()
