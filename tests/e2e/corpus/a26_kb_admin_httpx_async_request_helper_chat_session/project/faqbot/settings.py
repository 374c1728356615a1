import os

API_BASE = "https://api.heygen.com/v1"
API_KEY = os.environ.get("HEYGEN_API_KEY", "")
AVATAR = os.environ.get("FAQ_AVATAR", "Anna_public_3_20240108")
