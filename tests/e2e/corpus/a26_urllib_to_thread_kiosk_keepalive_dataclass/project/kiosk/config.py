import os

API_BASE = os.environ.get("HEYGEN_API_BASE", "https://api.heygen.com/v1")
API_KEY = os.environ.get("HEYGEN_API_KEY", "")
AVATAR = os.environ.get("KIOSK_AVATAR", "Wayne_20240711")
KNOWLEDGE_BASE = os.environ.get("KIOSK_KNOWLEDGE_BASE")
KEEPALIVE_EVERY = float(os.environ.get("KIOSK_KEEPALIVE_SECONDS", "240"))
