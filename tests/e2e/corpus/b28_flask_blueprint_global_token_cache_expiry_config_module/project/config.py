import os

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
HEYGEN_BASE = "https://api.heygen.com/v1"
AVATAR_ID = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")
VOICE_ID = os.environ.get("VOICE_ID")  # optional
TOKEN_TTL_SECONDS = 50 * 60  # tokens are valid for an hour; refresh a bit earlier
