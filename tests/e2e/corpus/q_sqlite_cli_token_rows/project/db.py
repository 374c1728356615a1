"""Tiny sqlite store so each CLI invocation can find the open session."""
import sqlite3
import time

DB_PATH = "heycli.sqlite3"


def connect():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    conn.execute(
        "CREATE TABLE IF NOT EXISTS sessions ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " session_id TEXT NOT NULL,"
        " token TEXT NOT NULL,"
        " created REAL NOT NULL)"
    )
    return conn


def save_session(session_id, token):
    with connect() as conn:
        conn.execute(
            "INSERT INTO sessions (session_id, token, created) VALUES (?, ?, ?)",
            (session_id, token, time.time()),
        )


def latest_session():
    with connect() as conn:
        return conn.execute("SELECT * FROM sessions ORDER BY id DESC LIMIT 1").fetchone()


def delete_session(row_id):
    with connect() as conn:
        conn.execute("DELETE FROM sessions WHERE id = ?", (row_id,))
