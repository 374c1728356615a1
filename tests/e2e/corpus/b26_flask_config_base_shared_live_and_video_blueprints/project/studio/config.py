import os

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY", "")
HEYGEN_BASE_URL = "https://api.heygen.com"
STUDIO_AVATAR = os.getenv("STUDIO_AVATAR", "Anna_public_3_20240108")
