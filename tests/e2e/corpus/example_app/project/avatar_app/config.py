"""Settings for the avatar app, read from the environment (12-factor style)."""

import os

# HeyGen credentials. Never commit a real key; put it in .env or your secret store.
HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")

# Streaming endpoints live under /v1 on this base, e.g. f"{HEYGEN_BASE_URL}/streaming.new".
HEYGEN_BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1")

# Avatar and voice shown in the kiosk. IDs come from /v1/streaming/avatar.list and /v2/voices.
AVATAR_ID = os.getenv("HEYGEN_AVATAR_ID", "Wayne_20240711")
VOICE_ID = os.getenv("HEYGEN_VOICE_ID", "1bd001e7e50f421d891986aad5158bc8")
VOICE_RATE = float(os.getenv("HEYGEN_VOICE_RATE", "1.0"))
VOICE_EMOTION = os.getenv("HEYGEN_VOICE_EMOTION", "Friendly")

# Knowledge base created with scripts/knowledge_base.py (leave empty to disable "chat" tasks).
KNOWLEDGE_BASE_ID = os.getenv("HEYGEN_KNOWLEDGE_BASE_ID", "")

# Stream quality: "low" | "medium" | "high".
QUALITY = os.getenv("HEYGEN_QUALITY", "medium")

# Seconds of inactivity before HeyGen closes the session (30-3600, default 120).
IDLE_TIMEOUT = int(os.getenv("HEYGEN_IDLE_TIMEOUT", "300"))

REQUEST_TIMEOUT = 30

# Origins allowed to call the token endpoints from the browser.
ALLOWED_ORIGINS = os.getenv("ALLOWED_ORIGINS", "http://localhost:3000").split(",")


def require_api_key():
    """Fail fast at startup instead of getting a 401 on the first session."""
    if not HEYGEN_API_KEY:
        raise RuntimeError("HEYGEN_API_KEY is not set")
    return HEYGEN_API_KEY
