import os

HEYGEN_API_BASE = os.environ.get("HEYGEN_API_BASE", "https://api.heygen.com/v1")
HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
HEYGEN_AVATAR = os.environ.get("HEYGEN_AVATAR", "Anna_public_3_20240108")
HEYGEN_QUALITY = "medium"
