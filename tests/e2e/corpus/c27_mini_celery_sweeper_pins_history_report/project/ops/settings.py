import os

HEYGEN_BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com")
HEYGEN_KEY = os.environ.get("HEYGEN_API_KEY", "")
PIN_FILE = os.getenv("PIN_FILE", "pinned_sessions.json")
