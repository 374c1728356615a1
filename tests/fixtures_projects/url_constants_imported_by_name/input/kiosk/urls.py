import os
from urllib.parse import urljoin

HEYGEN_BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com")

NEW_SESSION_URL = f"{HEYGEN_BASE}/v1/streaming.new"
START_SESSION_URL = f"{HEYGEN_BASE}/v1/streaming.start"
TASK_URL = urljoin(HEYGEN_BASE, "/v1/streaming.task")
STOP_SESSION_URL = f"{HEYGEN_BASE}/v1/streaming.stop"
KEEP_ALIVE_URL = urljoin(HEYGEN_BASE, "/v1/streaming.keep_alive")
