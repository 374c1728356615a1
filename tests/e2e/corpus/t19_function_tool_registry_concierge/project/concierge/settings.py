"""Runtime settings, all overridable from the environment (see .env.example)."""

import os

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY", "")
HEYGEN_BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com")
AVATAR_ID = os.getenv("AVATAR_ID", "Wayne_20240711")
AVATAR_QUALITY = os.getenv("AVATAR_QUALITY", "medium")
VOICE_ID = os.getenv("VOICE_ID")  # optional: the avatar's default voice otherwise
KNOWLEDGE_BASE_ID = os.getenv("KNOWLEDGE_BASE_ID")  # needed for answer()
IDLE_TIMEOUT = int(os.getenv("AVATAR_IDLE_TIMEOUT", "300"))
REQUEST_TIMEOUT = float(os.getenv("HEYGEN_TIMEOUT", "20"))
OPENAI_MODEL = os.getenv("OPENAI_MODEL", "gpt-4o-mini")
