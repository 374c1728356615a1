import os
from urllib.parse import urljoin

HEYGEN_BASE = os.getenv("LIVEAVATAR_BASE", "https://api.liveavatar.com")

NEW_SESSION_URL = f"{HEYGEN_BASE}/v1/sessions/token"
START_SESSION_URL = f"{HEYGEN_BASE}/v1/sessions/start"
# TODO(heygen2liveavatar): H2L201 `streaming.task` has no LiveAvatar endpoint (its calls become `liveavatar_bridge` events): migrate what still uses this URL, then delete it
TASK_URL = urljoin(HEYGEN_BASE, "/v1/streaming.task")
STOP_SESSION_URL = f"{HEYGEN_BASE}/v1/sessions/stop"
KEEP_ALIVE_URL = urljoin(HEYGEN_BASE, "/v1/sessions/keep-alive")
