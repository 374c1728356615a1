"""What a Django model would hold; kept in memory here (one kiosk, one process)."""
import itertools
from dataclasses import dataclass, field


@dataclass
class AvatarSession:
    provider_session_id: str
    room_url: str
    room_token: str
    status: str = "active"
    id: int = field(default_factory=itertools.count(1).__next__)


class _Manager:
    def __init__(self):
        self._rows = {}

    def create(self, **fields):
        row = AvatarSession(**fields)
        self._rows[row.id] = row
        return row

    def get(self, pk):
        return self._rows[int(pk)]

    def active(self):
        return [r for r in self._rows.values() if r.status == "active"]


AvatarSession.objects = _Manager()
