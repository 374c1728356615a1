"""A tiny active-record layer over the avatar_session table."""
from .db import get_db


class AvatarSession:
    def __init__(self, row):
        self.id = row["id"]
        self.heygen_session_id = row["heygen_session_id"]
        self.livekit_url = row["livekit_url"]
        self.livekit_token = row["livekit_token"]
        self.status = row["status"]

    @classmethod
    def create(cls, heygen_session_id, livekit_url, livekit_token):
        db = get_db()
        cur = db.execute(
            "INSERT INTO avatar_session (heygen_session_id, livekit_url, livekit_token) VALUES (?, ?, ?)",
            (heygen_session_id, livekit_url, livekit_token),
        )
        db.commit()
        return cls.get(cur.lastrowid)

    @classmethod
    def get(cls, pk):
        row = get_db().execute("SELECT * FROM avatar_session WHERE id = ?", (pk,)).fetchone()
        return cls(row) if row else None

    def mark(self, status):
        db = get_db()
        db.execute("UPDATE avatar_session SET status = ? WHERE id = ?", (status, self.id))
        db.commit()
        self.status = status

    def to_dict(self):
        return {"id": self.id, "status": self.status, "url": self.livekit_url, "token": self.livekit_token}
