import os

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY", "")
HEYGEN_BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/")
AVATAR_ID = os.getenv("STAGE_AVATAR_ID", "Wayne_20240711")
COOKIE = "stage_sid"
