import os

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY")
HEYGEN_API_URL = os.environ.get("HEYGEN_API_URL", "https://api.heygen.com")
DEFAULT_AVATAR = os.environ.get("DEFAULT_AVATAR", "Wayne_20240711")
