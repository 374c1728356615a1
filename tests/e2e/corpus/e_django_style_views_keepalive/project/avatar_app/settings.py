import os

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
HEYGEN_API_URL = "https://api.heygen.com/v1"
HEYGEN_AVATAR_ID = os.environ.get("HEYGEN_AVATAR_ID", "Anna_public_3_20240108")
HEYGEN_KEEPALIVE_SECONDS = 60
