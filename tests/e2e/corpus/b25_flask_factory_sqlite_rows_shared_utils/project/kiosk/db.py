import os
import sqlite3

from flask import current_app, g

SCHEMA = """
CREATE TABLE IF NOT EXISTS avatar_session (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    heygen_session_id TEXT NOT NULL,
    livekit_url TEXT NOT NULL,
    livekit_token TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'live',
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
"""


def get_db():
    if "db" not in g:
        path = os.path.join(current_app.instance_path, current_app.config["DATABASE"])
        g.db = sqlite3.connect(path)
        g.db.row_factory = sqlite3.Row
    return g.db


def close_db(e=None):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app):
    app.teardown_appcontext(close_db)
    with app.app_context():
        get_db().executescript(SCHEMA)
