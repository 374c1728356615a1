import sqlite3

DB = "kiosk.sqlite3"


def db():
    con = sqlite3.connect(DB)
    con.execute(
        "CREATE TABLE IF NOT EXISTS sessions (kiosk TEXT PRIMARY KEY, session_id TEXT, ws TEXT, url TEXT, token TEXT)"
    )
    return con


def put(kiosk, session_id, ws, url, token):
    with db() as con:
        con.execute("REPLACE INTO sessions VALUES (?, ?, ?, ?, ?)", (kiosk, session_id, ws, url, token))


def get(kiosk):
    with db() as con:
        row = con.execute("SELECT session_id, ws, url, token FROM sessions WHERE kiosk = ?", (kiosk,)).fetchone()
    if row is None:
        return None
    return {"session_id": row[0], "ws": row[1], "url": row[2], "token": row[3]}


def drop(kiosk):
    with db() as con:
        con.execute("DELETE FROM sessions WHERE kiosk = ?", (kiosk,))
