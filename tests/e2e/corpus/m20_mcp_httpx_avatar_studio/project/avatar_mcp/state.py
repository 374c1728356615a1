import time
from dataclasses import asdict, dataclass, field
from typing import Dict, Optional


@dataclass
class LiveSession:
    session_id: str
    url: str
    access_token: str
    avatar_id: str
    opened_at: float = field(default_factory=time.time)
    said: int = 0

    def public(self):
        d = asdict(self)
        d["age_s"] = round(time.time() - self.opened_at, 1)
        return d


class SessionBook:
    def __init__(self):
        self._by_id: Dict[str, LiveSession] = {}
        self.current: Optional[str] = None

    def add(self, s: LiveSession):
        self._by_id[s.session_id] = s
        self.current = s.session_id

    def get(self, session_id=None) -> LiveSession:
        sid = session_id or self.current
        if not sid or sid not in self._by_id:
            raise KeyError("no such avatar session; call start_avatar first")
        return self._by_id[sid]

    def drop(self, session_id):
        self._by_id.pop(session_id, None)
        if self.current == session_id:
            self.current = next(iter(self._by_id), None)

    def all(self):
        return list(self._by_id.values())
