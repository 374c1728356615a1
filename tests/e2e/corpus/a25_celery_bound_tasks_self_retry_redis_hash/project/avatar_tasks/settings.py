import os

HEYGEN_API_URL = os.environ.get("HEYGEN_API_URL", "https://api.heygen.com")
HEYGEN_KEY = os.environ.get("HEYGEN_API_KEY", "")
AVATAR_ID = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")
